#!/usr/bin/env bash
# Runs a command the way the test suite needs: inside a private, unlocked gnome-keyring (so keychain
# tests use a real OS keychain without touching the user's own) and, without a display, under Xvfb.
# Where gnome-keyring is not installed (macOS, Windows, a desktop without it) the command runs as is
# and the keychain tests print why they skip, unless ROSTER_REQUIRE_KEYCHAIN=1 makes them fail.
set -euo pipefail
cd "$(dirname "$0")/../.."
run=("$@")
if [ "$(uname -s)" = "Linux" ] && [ -z "${DISPLAY:-}" ] && command -v xvfb-run >/dev/null; then
  run=(xvfb-run -a "${run[@]}")
fi
if [ "$(uname -s)" = "Linux" ] && command -v gnome-keyring-daemon >/dev/null && command -v dbus-run-session >/dev/null; then
  exec bash tests/support/with-keyring.sh "${run[@]}"
fi
echo "test-env: gnome-keyring not found; running without a private keychain" >&2
exec "${run[@]}"
