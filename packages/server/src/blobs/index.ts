import type { BlobStore } from './blob-store.ts';
import { FsBlobStore } from './fs-blob-store.ts';
import { S3BlobStore, type S3BlobStoreOptions } from './s3-blob-store.ts';

export {
  assertValidBlobKey,
  type BlobStore,
  BlobTooLargeError,
  InvalidBlobKeyError,
  MAX_BLOB_KEY_LENGTH,
} from './blob-store.ts';
export { FsBlobStore } from './fs-blob-store.ts';
export { S3_PART_SIZE, S3BlobStore, type S3BlobStoreOptions } from './s3-blob-store.ts';

/** Which blob store to use, as parsed from configuration. */
export type BlobStoreConfig = { kind: 'fs'; dir: string } | ({ kind: 's3' } & S3BlobStoreOptions);

/** Builds the configured {@link BlobStore}: the filesystem by default, or an S3-compatible bucket. */
export function createBlobStore(config: BlobStoreConfig): BlobStore {
  switch (config.kind) {
    case 'fs':
      return new FsBlobStore(config.dir);
    case 's3': {
      const { kind: _kind, ...options } = config;
      return new S3BlobStore(options);
    }
  }
}
