import { createHash, type Hash } from 'node:crypto';
import { Readable, Transform, type TransformCallback } from 'node:stream';

/**
 * Where Groundwork keeps binary payloads: uploaded and imported files, export results.
 *
 * Keys are relative, slash-separated paths such as `orgs/<orgId>/files/<fileId>` (see
 * {@link assertValidBlobKey}). Implementations stream: no method holds a whole payload in memory.
 */
export interface BlobStore {
  /**
   * Stores a blob under `key`, replacing any blob already there only once the new one is complete.
   * Streams, never buffers whole payloads. When `maxBytes` is exceeded the write is abandoned with a
   * {@link BlobTooLargeError} and nothing of the new blob is left behind. A stream body is consumed,
   * or destroyed when `put` fails.
   *
   * @returns the byte size and the lowercase hex SHA-256 of what was stored (`''` with `digest: false`,
   * for callers that compute their own, such as the encrypting store).
   */
  put(key: string, body: Readable | Uint8Array, opts: PutOptions): Promise<{ size: number; sha256: string }>;
  /** Opens a blob for reading; `undefined` when no blob is stored under `key`. */
  get(key: string): Promise<{ body: Readable; size: number; contentType?: string } | undefined>;
  /** Returns a blob's size without reading it; `undefined` when no blob is stored under `key`. */
  head(key: string): Promise<{ size: number } | undefined>;
  /** Removes a blob. Deleting a key that holds nothing is not an error. */
  delete(key: string): Promise<void>;
}

/** Options of {@link BlobStore.put}. */
export interface PutOptions {
  contentType: string;
  /** Largest payload accepted, in bytes. */
  maxBytes?: number;
  /** Compute the SHA-256 of the payload (default true). */
  digest?: boolean;
}

/** Thrown by {@link BlobStore.put} when a payload is larger than the `maxBytes` it was given. */
export class BlobTooLargeError extends Error {
  override readonly name = 'BlobTooLargeError';
  /** The limit that was exceeded, in bytes. */
  readonly maxBytes: number;

  constructor(key: string, maxBytes: number) {
    super(`blob ${key} is larger than the limit of ${maxBytes} bytes`);
    this.maxBytes = maxBytes;
  }
}

/** Thrown when a blob key is malformed (see {@link assertValidBlobKey}). */
export class InvalidBlobKeyError extends Error {
  override readonly name = 'InvalidBlobKeyError';
  /** The rejected key. */
  readonly key: string;

  constructor(key: string, reason: string) {
    super(`invalid blob key ${JSON.stringify(key)}: ${reason}`);
    this.key = key;
  }
}

/** Longest key accepted, in characters (S3 allows 1024 bytes including any store prefix). */
export const MAX_BLOB_KEY_LENGTH = 512;

const KEY_CHARSET = /^[A-Za-z0-9/_.-]+$/;
const SEGMENT_START = /^[A-Za-z0-9_]/;

/**
 * Checks a blob key and throws {@link InvalidBlobKeyError} when it is not acceptable.
 *
 * A key is one or more non-empty segments joined by `/`, made of `[A-Za-z0-9_.-]`, with no leading
 * or trailing `/`, no `..`, and no segment starting with `.` or `-`. The last rule keeps keys clear of
 * hidden files, which the filesystem store uses for its temporary files and metadata, so a key valid in
 * one store is valid in every store.
 */
export function assertValidBlobKey(key: string): void {
  if (typeof key !== 'string' || key.length === 0) throw new InvalidBlobKeyError(String(key), 'empty');
  if (key.length > MAX_BLOB_KEY_LENGTH) {
    throw new InvalidBlobKeyError(key, `longer than ${MAX_BLOB_KEY_LENGTH} characters`);
  }
  if (!KEY_CHARSET.test(key)) throw new InvalidBlobKeyError(key, 'only [A-Za-z0-9/_.-] are allowed');
  if (key.startsWith('/')) throw new InvalidBlobKeyError(key, 'must not start with /');
  if (key.endsWith('/')) throw new InvalidBlobKeyError(key, 'must not end with /');
  if (key.includes('..')) throw new InvalidBlobKeyError(key, 'must not contain ..');
  for (const segment of key.split('/')) {
    if (segment.length === 0) throw new InvalidBlobKeyError(key, 'must not contain empty segments');
    if (!SEGMENT_START.test(segment)) {
      throw new InvalidBlobKeyError(key, 'segments must start with a letter, digit or _');
    }
  }
}

/**
 * A pass-through stream that hashes (SHA-256) and counts what flows through it, and fails with
 * {@link BlobTooLargeError} as soon as more than `maxBytes` have passed. Shared by the stores so that
 * every backend reports size and digest the same way.
 */
export class MeteredStream extends Transform {
  /** Bytes seen so far. */
  bytes = 0;
  readonly #hash: Hash | null;
  readonly #key: string;
  readonly #maxBytes: number | undefined;

  constructor(key: string, maxBytes: number | undefined, digest = true) {
    super();
    this.#key = key;
    this.#maxBytes = maxBytes;
    this.#hash = digest ? createHash('sha256') : null;
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.bytes += chunk.length;
    if (this.#maxBytes !== undefined && this.bytes > this.#maxBytes) {
      callback(new BlobTooLargeError(this.#key, this.#maxBytes));
      return;
    }
    this.#hash?.update(chunk);
    callback(null, chunk);
  }

  /** The lowercase hex SHA-256 of everything seen (`''` when not hashing); call once, after the stream has finished. */
  digest(): string {
    return this.#hash?.digest('hex') ?? '';
  }
}

/** Turns a `put` body into a byte stream (a `Uint8Array` becomes a one-chunk stream, without copying). */
export function toByteStream(body: Readable | Uint8Array): Readable {
  if (body instanceof Uint8Array) {
    return Readable.from([Buffer.from(body.buffer, body.byteOffset, body.byteLength)], { objectMode: false });
  }
  return body;
}

/**
 * Checks a `put` call's key and options before anything is written; on failure the body stream is
 * destroyed (so its source is not left half-read) and the error thrown.
 */
export function checkPut(key: string, body: Readable | Uint8Array, opts: PutOptions): void {
  try {
    assertValidBlobKey(key);
    assertValidPutOptions(opts);
  } catch (error) {
    if (!(body instanceof Uint8Array)) body.destroy();
    throw error;
  }
}

/** Checks `put` options shared by every store. */
export function assertValidPutOptions(opts: PutOptions): void {
  if (typeof opts.contentType !== 'string' || opts.contentType.length === 0) {
    throw new TypeError('contentType must be a non-empty string');
  }
  if (opts.maxBytes !== undefined && !(Number.isSafeInteger(opts.maxBytes) && opts.maxBytes >= 0)) {
    throw new TypeError('maxBytes must be a non-negative integer');
  }
}
