/**
 * Consistent copies of the database (reliability.md B2.9): before every migration run and on demand
 * (daily, from the scheduler). `VACUUM INTO` writes a transaction-consistent snapshot; copying the
 * file while it is open could copy half a transaction and is never done.
 */
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync
} from 'node:fs'
import { basename, dirname, join } from 'node:path'
import Database from 'better-sqlite3'
import { AppError } from '../errors'
import { mapSqliteError } from './errors'

export const BACKUPS_TO_KEEP = 5
const BACKUP_NAME = /^roster-v(\d+)-(\d{8}T\d{9}Z)(?:-(\d+))?\.db$/
/** The parts of a fileStamp, to turn it back into an ISO time. */
const STAMP_PARTS = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(\d{3})Z$/
/** SQLite's companion files: they belong to the main file and move with it. */
const COMPANIONS = ['-wal', '-shm', '-journal'] as const

export const defaultBackupDir = (dbFile: string): string => join(dirname(dbFile), 'backups')

/** 2024-05-01T10:20:30.456Z → 20240501T102030456Z: sorts as text, valid on every filesystem. */
export const fileStamp = (d: Date): string => d.toISOString().replace(/[-:.]/g, '')

type BackupEntry = { path: string; stamp: string; seq: number }

function listBackupEntries(backupDir: string): BackupEntry[] {
  // A file where the folder should be holds no backups; it must not turn a status read into a crash.
  if (!existsSync(backupDir) || !statSync(backupDir).isDirectory()) return []
  const out: BackupEntry[] = []
  for (const name of readdirSync(backupDir)) {
    const m = BACKUP_NAME.exec(name)
    if (m?.[2]) out.push({ path: join(backupDir, name), stamp: m[2], seq: Number(m[3] ?? 0) })
  }
  // Newest first: by time stamp, then by the collision counter within one millisecond.
  return out.sort((a, b) => (a.stamp === b.stamp ? b.seq - a.seq : a.stamp < b.stamp ? 1 : -1))
}

/** Backup files, newest first. Half-written backups (`.partial`) are never listed. */
export const listBackups = (backupDir: string): string[] =>
  listBackupEntries(backupDir).map((e) => e.path)

export const newestBackup = (backupDir: string): string | null => listBackups(backupDir)[0] ?? null

/**
 * When a backup was taken, from the stamp in its name (not the file's mtime): the stamp comes from
 * the same clock that decides whether the next daily backup is due, a copied file keeps it, and
 * a fake clock in tests sees its own times back.
 */
export function backupTakenAt(path: string): Date | null {
  const stamp = BACKUP_NAME.exec(basename(path))?.[2]
  if (!stamp) return null
  const t = Date.parse(stamp.replace(STAMP_PARTS, '$1-$2-$3T$4:$5:$6.$7Z'))
  return Number.isNaN(t) ? null : new Date(t)
}

/** Time of the newest backup in `backupDir`, or null when there is none. */
export function newestBackupAt(backupDir: string): Date | null {
  const newest = newestBackup(backupDir)
  return newest ? backupTakenAt(newest) : null
}

export function pruneBackups(backupDir: string, keep = BACKUPS_TO_KEEP): string[] {
  const stale = listBackups(backupDir).slice(keep)
  for (const file of stale) rmSync(file, { force: true })
  return stale
}

export type BackupOptions = {
  backupDir: string
  schemaVersion: number
  now?: () => Date
  keep?: number
}

/**
 * Writes `roster-v<schemaVersion>-<stamp>.db` into `backupDir` and keeps the newest `keep` backups.
 * Runs outside any transaction (VACUUM cannot run inside one). Returns the backup's path.
 */
export function backupDatabase(db: Database.Database, opts: BackupOptions): string {
  const { partial, target } = startBackup(opts)
  try {
    db.prepare('VACUUM INTO ?').run(partial)
  } catch (e) {
    rmSync(partial, { force: true })
    throw mapSqliteError(e)
  }
  return finishBackup(partial, target, opts)
}

/**
 * The same backup with `VACUUM INTO` run by `vacuumInto` (the scheduled backup runs it on a worker
 * thread: ≈ 5 s for a 100k-people database, during which the core would answer nothing).
 */
export async function backupDatabaseWith(
  vacuumInto: (partial: string) => Promise<void>,
  opts: BackupOptions
): Promise<string> {
  const { partial, target } = startBackup(opts)
  try {
    await vacuumInto(partial)
  } catch (e) {
    rmSync(partial, { force: true })
    throw mapSqliteError(e)
  }
  return finishBackup(partial, target, opts)
}

function startBackup(opts: BackupOptions): { partial: string; target: string } {
  mkdirSync(opts.backupDir, { recursive: true })
  const base = `roster-v${opts.schemaVersion}-${fileStamp((opts.now ?? (() => new Date()))())}`
  let target = join(opts.backupDir, `${base}.db`)
  for (let n = 1; existsSync(target); n++) target = join(opts.backupDir, `${base}-${n}.db`)
  // Written under a name listBackups ignores, renamed when complete: a crash never leaves a
  // truncated file that looks like the newest backup.
  const partial = `${target}.partial`
  rmSync(partial, { force: true })
  return { partial, target }
}

function finishBackup(partial: string, target: string, opts: BackupOptions): string {
  renameSync(partial, target)
  pruneBackups(opts.backupDir, opts.keep ?? BACKUPS_TO_KEEP)
  return target
}

function assertHealthyBackup(backupPath: string): void {
  let check: unknown
  try {
    const probe = new Database(backupPath, { readonly: true, fileMustExist: true })
    try {
      check = probe.pragma('quick_check', { simple: true })
    } finally {
      probe.close()
    }
  } catch (cause) {
    throw new AppError('DATABASE_ERROR', 'The backup could not be opened.', { cause })
  }
  if (check !== 'ok') throw new AppError('DATABASE_ERROR', 'The backup is damaged as well.')
}

/**
 * Replaces a damaged database with a backup. The database must be closed. The damaged file and its
 * -wal/-shm move aside as `<name>.corrupt-<stamp>` (kept for diagnosis, never deleted here), then
 * the backup is copied in under a temporary name and renamed, so `file` is never half-written.
 */
export function restoreFromBackup(
  file: string,
  backupPath: string,
  opts: { now?: () => Date } = {}
): { corruptPath: string | null } {
  assertHealthyBackup(backupPath)
  const aside = `${file}.corrupt-${fileStamp((opts.now ?? (() => new Date()))())}`
  let corruptPath: string | null = null
  if (existsSync(file)) {
    renameSync(file, aside)
    corruptPath = aside
  }
  for (const suffix of COMPANIONS) {
    // A -wal left next to the restored file would be replayed into it: it must go with the old file.
    if (existsSync(file + suffix)) renameSync(file + suffix, aside + suffix)
  }
  const incoming = join(dirname(file), `.${basename(file)}.restoring`)
  copyFileSync(backupPath, incoming)
  renameSync(incoming, file)
  return { corruptPath }
}
