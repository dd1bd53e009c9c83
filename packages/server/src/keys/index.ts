/**
 * Encryption at rest: the key store, the organizations' data keys and the encrypting blob store, built
 * from configuration; and the check, at every start, that the master key is the right one.
 */
import { createBlobStore } from '../blobs/index.ts';
import { recordAudit } from '../commands/record-audit.ts';
import type { Config } from '../config.ts';
import type { Database } from '../db/database.ts';
import { organizations } from '../db/schema.ts';
import { DataKeys, MasterKeyMismatchError } from './data-keys.ts';
import { EncryptedBlobStore } from './encrypted-blob-store.ts';
import { FsKeyStore, type KeyStore, S3KeyStore } from './key-store.ts';

export { BlobDecryptError } from './blob-cipher.ts';
export { DataKeyMissingError, DataKeys, MasterKeyMismatchError, masterKeyId } from './data-keys.ts';
export { EncryptedBlobStore, orgOfBlobKey } from './encrypted-blob-store.ts';
export { FsKeyStore, type Keyring, type KeyStore, S3KeyStore } from './key-store.ts';
export { type ResealReport, resealSecrets } from './reseal.ts';

/** The configured key store (a directory, or a bucket on the configured S3 endpoint). */
export function createKeyStore(config: Config): KeyStore {
  if (config.keyStore.kind === 'fs') return new FsKeyStore(config.keyStore.dir);
  const s3 = config.blobStore.kind === 's3' ? config.blobStore : null;
  return new S3KeyStore({
    bucket: config.keyStore.bucket,
    prefix: config.keyStore.prefix,
    region: s3?.region ?? 'us-east-1',
    ...(s3?.endpoint === undefined ? {} : { endpoint: s3.endpoint }),
    ...(s3?.forcePathStyle === undefined ? {} : { forcePathStyle: s3.forcePathStyle }),
    ...(s3?.accessKeyId === undefined ? {} : { accessKeyId: s3.accessKeyId }),
    ...(s3?.secretAccessKey === undefined ? {} : { secretAccessKey: s3.secretAccessKey }),
  });
}

/**
 * The organizations' data keys for this configuration, under `masterKey` (a `masterKeyLoader`, shared with
 * whatever else the process seals under it).
 */
export function createDataKeys(config: Config, masterKey: () => Buffer): DataKeys {
  return new DataKeys({
    store: createKeyStore(config),
    masterKey,
    previousMasterKey: config.previousMasterKey,
  });
}

/** The configured blob store, encrypting with `keys`. */
export function createEncryptedBlobs(config: Config, keys: DataKeys): EncryptedBlobStore {
  return new EncryptedBlobStore(createBlobStore(config.blobStore), keys);
}

/**
 * Checks at start that the master key opens the key store, then gives the database the data keys (its
 * encrypted columns need them). A wrong key is refused: the event `security.master_key_refused` is
 * appended to every organization's audit chain (the chain needs no key) and
 * {@link MasterKeyMismatchError} is thrown, so the process does not start.
 */
export async function verifyMasterKey(db: Database, keys: DataKeys): Promise<void> {
  try {
    await keys.checkMasterKey();
    db.useFieldKeys(keys);
  } catch (error) {
    if (!(error instanceof MasterKeyMismatchError)) throw error;
    await db.withSystem(async (tx) => {
      const orgs = await tx.select({ id: organizations.id }).from(organizations);
      for (const org of orgs) {
        await recordAudit({
          tx,
          orgId: org.id,
          actor: { type: 'system', id: null },
          action: 'security.master_key_refused',
          target: null,
          data: { reason: error.message },
        });
      }
    });
    throw error;
  }
}
