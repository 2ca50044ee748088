#!/usr/bin/env bash
# Runs its arguments inside a private D-Bus session with an unlocked gnome-keyring (Secret Service),
# so keytar talks to a real keychain in CI and on headless machines.
#
#   tests/support/with-keyring.sh npx vitest run tests/integration/secrets
#
# The keyring files go to a throwaway directory (XDG_DATA_HOME of the daemon only), so the run never
# touches the user's own keyrings and the unlock password ("test") only has to match a keyring this
# script created. ROSTER_REQUIRE_KEYCHAIN=1 is exported so the keychain tests fail instead of skipping.
set -euo pipefail

if [ "$#" -eq 0 ]; then
  echo "usage: $0 command [args...]" >&2
  exit 2
fi

for tool in dbus-run-session gnome-keyring-daemon; do
  command -v "$tool" >/dev/null || { echo "with-keyring: $tool is not installed" >&2; exit 127; }
done

keyring_home="$(mktemp -d "${TMPDIR:-/tmp}/roster-keyring-XXXXXX")"
trap 'rm -rf "$keyring_home"' EXIT

export ROSTER_REQUIRE_KEYCHAIN=1
export ROSTER_KEYRING_HOME="$keyring_home"

# dbus-run-session ends the bus (and with it the keyring daemon) when the command exits.
# --unlock reads the password from stdin and creates the "login" collection on first use;
# --components=secrets starts only the Secret Service (no SSH/GPG agents).
dbus-run-session -- bash -c '
  set -e
  echo -n test | XDG_DATA_HOME="$ROSTER_KEYRING_HOME" gnome-keyring-daemon --unlock --components=secrets >/dev/null
  exec "$@"
' with-keyring "$@"
