/**
 * A blob store that encrypts every blob under its organization's current data key before it reaches
 * the underlying store (filesystem or S3), and decrypts on reading. Keys are `orgs/<orgId>/...`; the
 * organization is taken from the key and authenticated with every segment, so a blob copied into
 * another organization's space does not decrypt. Blobs stored before encryption was introduced are
 * read as they are (the re-encryption job encrypts them).
 */

import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  type BlobStore,
  checkPut,
  InvalidBlobKeyError,
  MeteredStream,
  type PutOptions,
  toByteStream,
} from '../blobs/blob-store.ts';
import {
  BlobDecryptStream,
  BlobEncryptStream,
  blobKeyVersion,
  HEADER_BYTES,
  isEncryptedBlob,
  plaintextSize,
} from './blob-cipher.ts';
import type { DataKeys } from './data-keys.ts';

const ORG_KEY = /^orgs\/([0-9a-f]{24})\//;

/** The organization a blob key belongs to. */
export function orgOfBlobKey(key: string): string {
  const match = ORG_KEY.exec(key);
  if (!match?.[1])
    throw new InvalidBlobKeyError(key, 'an encrypted blob key starts with orgs/<organization id>/');
  return match[1];
}

/** How a stored blob is kept: encrypted under a data-key version, or in the clear (written before encryption). */
export type BlobProtection = { encrypted: true; version: number } | { encrypted: false };

/** A {@link BlobStore} that encrypts with the organizations' data keys; see the module comment. */
export class EncryptedBlobStore implements BlobStore {
  readonly #inner: BlobStore;
  readonly #keys: DataKeys;

  constructor(inner: BlobStore, keys: DataKeys) {
    this.#inner = inner;
    this.#keys = keys;
  }

  /** The store underneath, holding ciphertext (for tests and the re-encryption job). */
  get inner(): BlobStore {
    return this.#inner;
  }

  async put(
    key: string,
    body: Readable | Uint8Array,
    opts: PutOptions,
  ): Promise<{ size: number; sha256: string }> {
    checkPut(key, body, opts);
    let orgId: string;
    let dataKey: Awaited<ReturnType<DataKeys['current']>>;
    try {
      orgId = orgOfBlobKey(key);
      dataKey = await this.#keys.current(orgId);
    } catch (error) {
      if (!(body instanceof Uint8Array)) body.destroy();
      throw error;
    }
    // Size and digest are of the plaintext, as callers expect; the limit applies to the plaintext too.
    const meter = new MeteredStream(key, opts.maxBytes, opts.digest !== false);
    const encrypt = new BlobEncryptStream(dataKey.key, dataKey.version, orgId);
    const source = toByteStream(body);
    // The limit is checked on the plaintext by the meter; the store underneath reads the ciphertext straight
    // from the encrypting stream and gets no limit of its own.
    const [writing, stored] = await Promise.allSettled([
      pipeline(source, meter, encrypt),
      // A store that gives up stops the pipeline too, rather than leaving it waiting for a reader.
      this.#inner
        .put(key, encrypt, { contentType: opts.contentType, digest: false })
        .catch((error: unknown) => {
          encrypt.destroy(error instanceof Error ? error : new Error(String(error)));
          throw error;
        }),
    ]);
    if (writing.status === 'rejected' || stored.status === 'rejected') {
      source.destroy();
      encrypt.destroy();
      throw writing.status === 'rejected' ? writing.reason : (stored as PromiseRejectedResult).reason;
    }
    return { size: meter.bytes, sha256: meter.digest() };
  }

  async get(key: string): Promise<{ body: Readable; size: number; contentType?: string } | undefined> {
    const stored = await this.#inner.get(key);
    if (!stored) return undefined;
    const first = await firstBytes(stored.body, HEADER_BYTES);
    if (!isEncryptedBlob(first.head)) {
      return { ...stored, body: first.rest };
    }
    const orgId = orgOfBlobKey(key);
    // The key is fetched before the stream is handed out, so a missing key fails the call, not the body.
    let dataKey: Buffer;
    try {
      dataKey = await this.#keys.key(orgId, blobKeyVersion(first.head));
    } catch (error) {
      first.rest.destroy();
      throw error;
    }
    const decrypt = new BlobDecryptStream(async () => dataKey, orgId);
    first.rest.on('error', (error) => decrypt.destroy(error));
    first.rest.pipe(decrypt);
    return {
      body: decrypt,
      size: plaintextSize(stored.size),
      ...(stored.contentType === undefined ? {} : { contentType: stored.contentType }),
    };
  }

  async head(key: string): Promise<{ size: number } | undefined> {
    const peeked = await this.#peek(key);
    if (!peeked) return undefined;
    return { size: peeked.protection.encrypted ? plaintextSize(peeked.storedSize) : peeked.storedSize };
  }

  /** Whether the blob under `key` is encrypted, and under which version; `undefined` when there is none. */
  async protection(key: string): Promise<BlobProtection | undefined> {
    return (await this.#peek(key))?.protection;
  }

  /** Reads a stored blob's header only (one read): how it is kept, and its stored size. */
  async #peek(key: string): Promise<{ protection: BlobProtection; storedSize: number } | undefined> {
    const stored = await this.#inner.get(key);
    if (!stored) return undefined;
    const { head, rest } = await firstBytes(stored.body, HEADER_BYTES);
    rest.destroy();
    const protection: BlobProtection = isEncryptedBlob(head)
      ? { encrypted: true, version: blobKeyVersion(head) }
      : { encrypted: false };
    return { protection, storedSize: stored.size };
  }

  delete(key: string): Promise<void> {
    return this.#inner.delete(key);
  }
}

/**
 * Reads the first `count` bytes of a stream (fewer when it is shorter) and gives them back to it
 * (`unshift`), so the caller can decide how to read the stream, which is returned paused and whole.
 */
function firstBytes(body: Readable, count: number): Promise<{ head: Buffer; rest: Readable }> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let length = 0;
    let settled = false;
    const finish = (ended: boolean) => {
      if (settled) return;
      settled = true;
      body.off('data', onData);
      body.off('end', onEnd);
      body.off('error', onError);
      body.pause();
      const head = Buffer.concat(chunks);
      if (ended) {
        // A stream that has ended takes nothing back: its few bytes make a new one.
        resolve({ head, rest: Readable.from([head]) });
        return;
      }
      body.unshift(head);
      resolve({ head: head.subarray(0, count), rest: body });
    };
    const onData = (chunk: Buffer) => {
      chunks.push(chunk);
      length += chunk.length;
      if (length >= count) finish(false);
    };
    const onEnd = () => finish(true);
    const onError = (error: Error) => {
      if (settled) return;
      settled = true;
      reject(error);
    };
    body.on('data', onData);
    body.once('end', onEnd);
    body.once('error', onError);
  });
}
