/**
 * Where the organizations' wrapped data keys live: outside the database, so that a database backup
 * alone never holds the keys to its own data and deleting an organization's key makes every copy of
 * its data unreadable (crypto-shredding). By default a directory beside the data (`<data dir>/keys`);
 * in production a separate S3 bucket or prefix that is backed up on its own terms.
 */
import { randomBytes } from 'node:crypto';
import { link, mkdir, open, readFile, rename, rm, unlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  NoSuchKey,
  PutObjectCommand,
  S3Client,
  type S3ClientConfig,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { assertValidBlobKey } from '../blobs/blob-store.ts';

/** One version of an organization's data key, wrapped (AES-256-GCM) by the master key. */
export interface WrappedDataKey {
  version: number;
  /** `seal(masterKey, hex key, 'org:<id>:data-key:<version>')`. */
  wrapped: string;
  /** Fingerprint of the master key that wrapped it (see `masterKeyId`). */
  masterKeyId: string;
  createdAt: string;
}

/** An organization's data keys: the current one encrypts; every listed one can still decrypt. */
export interface Keyring {
  orgId: string;
  current: number;
  keys: WrappedDataKey[];
}

/** A small store of JSON documents (keyrings, the master-key check) outside the database. */
export interface KeyStore {
  /** The document stored under `name`, or null. */
  read<T>(name: string): Promise<T | null>;
  /** Stores a document only if none is stored under `name` yet (atomically); false when one was. */
  create(name: string, value: unknown): Promise<boolean>;
  /** Replaces the document under `name` atomically: readers see the old or the new one, never half. */
  replace(name: string, value: unknown): Promise<void>;
  /** Removes the document under `name`; removing nothing is not an error. */
  remove(name: string): Promise<void>;
}

function serialize(value: unknown): Buffer {
  return Buffer.from(`${JSON.stringify(value, null, 2)}\n`, 'utf8');
}

/** A key store in a directory (mode 0700, files 0600); `create` is exclusive through link(2). */
export class FsKeyStore implements KeyStore {
  readonly #dir: string;

  constructor(dir: string) {
    this.#dir = dir;
  }

  #path(name: string): string {
    assertValidBlobKey(name);
    return join(this.#dir, name);
  }

  async read<T>(name: string): Promise<T | null> {
    try {
      return JSON.parse(await readFile(this.#path(name), 'utf8')) as T;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  /** Writes `value` into a new temporary file beside `path`, synced to disk; returns its path. */
  async #staged(path: string, value: unknown): Promise<string> {
    await mkdir(dirname(path), { recursive: true, mode: 0o700 });
    const temp = join(dirname(path), `.tmp-${randomBytes(8).toString('hex')}`);
    const file = await open(temp, 'wx', 0o600);
    try {
      await file.writeFile(serialize(value));
      await file.sync();
    } finally {
      await file.close();
    }
    return temp;
  }

  async create(name: string, value: unknown): Promise<boolean> {
    const path = this.#path(name);
    const temp = await this.#staged(path, value);
    try {
      await link(temp, path);
      return true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
      throw error;
    } finally {
      await unlink(temp);
    }
  }

  async replace(name: string, value: unknown): Promise<void> {
    const path = this.#path(name);
    await rename(await this.#staged(path, value), path);
  }

  async remove(name: string): Promise<void> {
    await rm(this.#path(name), { force: true });
  }
}

/** Where an S3 key store is: a bucket (and prefix) of its own, reached with the blob store's settings. */
export interface S3KeyStoreOptions {
  bucket: string;
  prefix: string;
  region: string;
  endpoint?: string;
  forcePathStyle?: boolean;
  accessKeyId?: string;
  secretAccessKey?: string;
}

/**
 * A key store in an S3 bucket; `create` is a conditional write (`If-None-Match: *`), which AWS S3,
 * MinIO, Cloudflare R2 and Ceph honour.
 */
export class S3KeyStore implements KeyStore {
  readonly #client: S3Client;
  readonly #bucket: string;
  readonly #prefix: string;

  constructor(options: S3KeyStoreOptions) {
    const config: S3ClientConfig = { region: options.region };
    if (options.endpoint !== undefined) config.endpoint = options.endpoint;
    if (options.forcePathStyle !== undefined) config.forcePathStyle = options.forcePathStyle;
    if (options.accessKeyId !== undefined && options.secretAccessKey !== undefined) {
      config.credentials = { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey };
    }
    this.#client = new S3Client(config);
    this.#bucket = options.bucket;
    this.#prefix = options.prefix.replace(/\/+$/, '');
  }

  #key(name: string): string {
    assertValidBlobKey(name);
    return this.#prefix ? `${this.#prefix}/${name}` : name;
  }

  async read<T>(name: string): Promise<T | null> {
    try {
      const out = await this.#client.send(
        new GetObjectCommand({ Bucket: this.#bucket, Key: this.#key(name) }),
      );
      return JSON.parse((await out.Body?.transformToString('utf8')) ?? 'null') as T;
    } catch (error) {
      if (error instanceof NoSuchKey) return null;
      if (error instanceof S3ServiceException && error.$metadata.httpStatusCode === 404) return null;
      throw error;
    }
  }

  async create(name: string, value: unknown): Promise<boolean> {
    try {
      await this.#client.send(
        new PutObjectCommand({
          Bucket: this.#bucket,
          Key: this.#key(name),
          Body: serialize(value),
          ContentType: 'application/json',
          IfNoneMatch: '*',
        }),
      );
      return true;
    } catch (error) {
      const status = error instanceof S3ServiceException ? error.$metadata.httpStatusCode : undefined;
      if (status === 412 || status === 409) return false;
      throw error;
    }
  }

  async replace(name: string, value: unknown): Promise<void> {
    await this.#client.send(
      new PutObjectCommand({
        Bucket: this.#bucket,
        Key: this.#key(name),
        Body: serialize(value),
        ContentType: 'application/json',
      }),
    );
  }

  async remove(name: string): Promise<void> {
    await this.#client.send(new DeleteObjectCommand({ Bucket: this.#bucket, Key: this.#key(name) }));
  }
}

/** The key store's document name of an organization's keyring. */
export function keyringName(orgId: string): string {
  return `orgs/${orgId}.json`;
}

/** The key store's document holding a value sealed by the master key, to recognise the right key at start. */
export const MASTER_CHECK_NAME = 'master-key-check.json';
