/** The Groundwork server: build the app, open the database, serve. */
export { type App, type AppDeps, buildApp, type Services } from './app.ts';
export { type BlobStore, createBlobStore } from './blobs/index.ts';
export { type Config, ConfigError, loadConfig } from './config.ts';
export {
  type Database,
  type DatabaseOptions,
  databaseOptions,
  MIGRATIONS_DIR,
  openDatabase,
} from './db/database.ts';
export {
  type AppJobDeps,
  createJobLog,
  createJobRunner,
  type DeliverySchedule,
  type JobLog,
  JobRunner,
  registerAppJobs,
} from './jobs/index.ts';
export {
  currentFieldKeyring,
  type FieldKeyring,
  sealFieldText,
  withFieldKeyring,
} from './keys/field-cipher.ts';
export {
  createDataKeys,
  createEncryptedBlobs,
  createKeyStore,
  DataKeyMissingError,
  DataKeys,
  EncryptedBlobStore,
  FsKeyStore,
  MasterKeyMismatchError,
  resealSecrets,
  verifyMasterKey,
} from './keys/index.ts';
export { masterKeyLoader } from './lib/crypto.ts';
export { newId } from './lib/ids.ts';
export { CLAIM_NEXT_SQL } from './repositories/assignments.ts';
export { IMAGE_EXPORT_COLUMNS } from './repositories/exports.ts';
export { type NewTaskRow, TASK_INSERT_COLUMNS, taskCopyLine, taskValues } from './repositories/tasks.ts';
export {
  type AuditChainBreak,
  type AuditChainReport,
  auditedOrganizations,
  checkAuditChain,
  describeAuditChain,
  verifyAuditChain,
} from './services/audit-chain.ts';
export { type CsvRecordRead, readCsvRecords } from './services/csv-records.ts';
export { sizeOf as imageSizeOf } from './services/export-writers/images.ts';
export {
  deleteOrganization,
  type OrgDeletionReport,
  type RotationReport,
  rotateOrgDataKey,
} from './services/org-keys.ts';
export { OrgService } from './services/orgs.ts';
export type { Principal, Role } from './services/principal.ts';
export { ROLES } from './services/principal.ts';
