/** Public face of the local store: open it, back it up, and reach tables only through repositories. */
export { openDatabase, type Db, type OpenDatabaseOptions } from './db'
export {
  backupDatabase,
  backupDatabaseWith,
  backupTakenAt,
  defaultBackupDir,
  listBackups,
  newestBackup,
  newestBackupAt,
  pruneBackups,
  restoreFromBackup,
  BACKUPS_TO_KEEP
} from './backups'
export {
  DatabaseCorruptError,
  DbFromFutureError,
  DiskFullError,
  MigrationFailedError,
  mapSqliteError
} from './errors'
export { checkDatabaseFile, runHealthCheck } from './health'
export { LATEST_SCHEMA_VERSION, MIGRATIONS, type Migration } from './migrations'
export { withFullSync } from './pragmas'
export { durableWriteTransaction, writeTransaction } from './transaction'
export { createAppMetaRepo, type AppMetaRepo } from './repositories/app-meta-repo'
export {
  createAuditRepo,
  type AuditEntry,
  type AuditEntryInput,
  type AuditRepo
} from './repositories/audit-repo'
export {
  createCredentialsRepo,
  type CredentialPatch,
  type CredentialRecord,
  type CredentialsRepo
} from './repositories/credentials-repo'
