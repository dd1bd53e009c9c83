import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startS3 } from '../../test/s3.ts';
import { type BlobStore, BlobTooLargeError, createBlobStore, InvalidBlobKeyError } from './index.ts';
import type { S3BlobStore } from './s3-blob-store.ts';

const MiB = 1024 * 1024;

/** A deterministic pseudo-random stream of `size` bytes in 64 KiB chunks, and its expected SHA-256. */
function generatedStream(size: number, seed: number): { stream: Readable; sha256: string } {
  const chunkSize = 64 * 1024;
  const chunks: Buffer[] = [];
  let state = createHash('sha256').update(String(seed)).digest();
  for (let offset = 0; offset < chunkSize; offset += state.length) {
    state = createHash('sha256').update(state).digest();
    chunks.push(state);
  }
  const pattern = Buffer.concat(chunks).subarray(0, chunkSize);
  const hash = createHash('sha256');
  let remaining = size;
  for (; remaining > 0; remaining -= chunkSize)
    hash.update(pattern.subarray(0, Math.min(chunkSize, remaining)));
  let sent = 0;
  const stream = new Readable({
    read() {
      if (sent >= size) {
        this.push(null);
        return;
      }
      const length = Math.min(chunkSize, size - sent);
      sent += length;
      this.push(Buffer.from(pattern.subarray(0, length)));
    },
  });
  return { stream, sha256: hash.digest('hex') };
}

async function readAll(body: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of body) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function sha256Of(body: Readable): Promise<{ size: number; sha256: string }> {
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of body) {
    hash.update(chunk as Buffer);
    size += (chunk as Buffer).length;
  }
  return { size, sha256: hash.digest('hex') };
}

function blobStoreContract(
  name: string,
  setup: () => Promise<{ store: BlobStore; teardown: () => Promise<void> }>,
) {
  describe(`${name} (BlobStore contract)`, () => {
    let store: BlobStore;
    let teardown: () => Promise<void>;
    let counter = 0;
    const freshKey = () => `orgs/org_1/files/file_${Date.now()}_${counter++}`;

    beforeAll(async () => {
      ({ store, teardown } = await setup());
    });
    afterAll(async () => {
      await teardown?.();
    });

    it('round-trips put, head, get and delete', async () => {
      const key = freshKey();
      const payload = Buffer.from('hello, groundwork');
      const stored = await store.put(key, payload, { contentType: 'text/plain' });
      expect(stored).toEqual({
        size: payload.length,
        sha256: createHash('sha256').update(payload).digest('hex'),
      });

      expect(await store.head(key)).toEqual({ size: payload.length });
      const got = await store.get(key);
      expect(got?.size).toBe(payload.length);
      expect(got?.contentType).toBe('text/plain');
      expect(await readAll(got!.body)).toEqual(payload);

      await store.delete(key);
      expect(await store.head(key)).toBeUndefined();
      expect(await store.get(key)).toBeUndefined();
    });

    it('replaces an existing blob on put', async () => {
      const key = freshKey();
      await store.put(key, Buffer.from('first version'), { contentType: 'text/plain' });
      await store.put(key, Buffer.from('second'), { contentType: 'application/octet-stream' });
      const got = await store.get(key);
      expect(got?.contentType).toBe('application/octet-stream');
      expect((await readAll(got!.body)).toString()).toBe('second');
    });

    it('stores an empty blob', async () => {
      const key = freshKey();
      const stored = await store.put(key, new Uint8Array(0), { contentType: 'application/octet-stream' });
      expect(stored.size).toBe(0);
      expect(stored.sha256).toBe(createHash('sha256').digest('hex'));
      expect(await store.head(key)).toEqual({ size: 0 });
      expect((await readAll((await store.get(key))!.body)).length).toBe(0);
    });

    it('accepts a Uint8Array view into a larger buffer without storing the bytes around it', async () => {
      const key = freshKey();
      const backing = randomBytes(100);
      const view = new Uint8Array(backing.buffer, backing.byteOffset + 10, 50);
      const stored = await store.put(key, view, { contentType: 'application/octet-stream' });
      expect(stored.size).toBe(50);
      expect(await readAll((await store.get(key))!.body)).toEqual(backing.subarray(10, 60));
    });

    it('streams a 20 MiB blob and reports its size and sha256', async () => {
      const key = freshKey();
      const size = 20 * MiB + 12_345;
      const { stream, sha256 } = generatedStream(size, 1);
      expect(await store.put(key, stream, { contentType: 'application/octet-stream' })).toEqual({
        size,
        sha256,
      });
      expect(await store.head(key)).toEqual({ size });
      const got = await store.get(key);
      expect(got?.size).toBe(size);
      expect(await sha256Of(got!.body)).toEqual({ size, sha256 });
      await store.delete(key);
    });

    it('rejects a small blob over maxBytes and leaves nothing behind', async () => {
      const key = freshKey();
      const { stream } = generatedStream(1000, 2);
      await expect(
        store.put(key, stream, { contentType: 'text/plain', maxBytes: 999 }),
      ).rejects.toBeInstanceOf(BlobTooLargeError);
      expect(await store.head(key)).toBeUndefined();
      expect(await store.get(key)).toBeUndefined();
    });

    it('rejects a multi-part blob over maxBytes and leaves nothing behind', async () => {
      const key = freshKey();
      const { stream } = generatedStream(20 * MiB, 3);
      const error = await store
        .put(key, stream, { contentType: 'application/octet-stream', maxBytes: 10 * MiB })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(BlobTooLargeError);
      expect((error as BlobTooLargeError).maxBytes).toBe(10 * MiB);
      expect(stream.destroyed).toBe(true);
      expect(await store.head(key)).toBeUndefined();
    });

    it('keeps the previous blob when a replacing put fails', async () => {
      const key = freshKey();
      await store.put(key, Buffer.from('keep me'), { contentType: 'text/plain' });
      await expect(
        store.put(key, Buffer.from('too long for the limit'), { contentType: 'text/plain', maxBytes: 5 }),
      ).rejects.toBeInstanceOf(BlobTooLargeError);
      const got = await store.get(key);
      expect(got?.contentType).toBe('text/plain');
      expect((await readAll(got!.body)).toString()).toBe('keep me');
    });

    it('accepts a blob exactly at maxBytes', async () => {
      const key = freshKey();
      const stored = await store.put(key, Buffer.alloc(64, 1), { contentType: 'text/plain', maxBytes: 64 });
      expect(stored.size).toBe(64);
    });

    it('fails put when the source stream fails, leaving nothing', async () => {
      const key = freshKey();
      const failing = new Readable({
        read() {
          this.destroy(new Error('upstream broke'));
        },
      });
      await expect(store.put(key, failing, { contentType: 'text/plain' })).rejects.toThrow('upstream broke');
      expect(await store.head(key)).toBeUndefined();
    });

    it.each([
      ['empty', ''],
      ['leading slash', '/orgs/a'],
      ['trailing slash', 'orgs/a/'],
      ['parent segment', 'orgs/../etc/passwd'],
      ['embedded dots', 'orgs/a..b'],
      ['current segment', 'orgs/./a'],
      ['empty segment', 'orgs//a'],
      ['hidden segment', 'orgs/.a'],
      ['backslash', 'orgs\\a'],
      ['space', 'orgs/a b'],
      ['non-ASCII', 'orgs/é'],
      ['NUL byte', 'orgs/a\u0000b'],
      ['too long', `orgs/${'a'.repeat(600)}`],
    ])('rejects an invalid key (%s)', async (_label, key) => {
      await expect(store.put(key, Buffer.from('x'), { contentType: 'text/plain' })).rejects.toBeInstanceOf(
        InvalidBlobKeyError,
      );
      await expect(store.get(key)).rejects.toBeInstanceOf(InvalidBlobKeyError);
      await expect(store.head(key)).rejects.toBeInstanceOf(InvalidBlobKeyError);
      await expect(store.delete(key)).rejects.toBeInstanceOf(InvalidBlobKeyError);
    });

    it('returns undefined for a missing key and deletes a missing key quietly', async () => {
      const key = freshKey();
      expect(await store.get(key)).toBeUndefined();
      expect(await store.head(key)).toBeUndefined();
      await expect(store.delete(key)).resolves.toBeUndefined();
    });
  });
}

blobStoreContract('FsBlobStore', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'groundwork-blobs-'));
  return {
    store: createBlobStore({ kind: 'fs', dir }),
    teardown: () => rm(dir, { recursive: true, force: true }),
  };
});

blobStoreContract('S3BlobStore on s3rver', async () => {
  const s3 = await startS3();
  const store = createBlobStore({
    kind: 's3',
    bucket: s3.bucket,
    region: 'us-east-1',
    endpoint: s3.endpoint,
    forcePathStyle: true,
    accessKeyId: 'S3RVER',
    secretAccessKey: 'S3RVER',
    prefix: 'tenant-a',
  });
  return {
    store,
    teardown: async () => {
      (store as S3BlobStore).destroy();
      await s3.stop();
    },
  };
});

describe('FsBlobStore on disk', () => {
  it('leaves no temporary files after a rejected put', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'groundwork-blobs-'));
    try {
      const store = createBlobStore({ kind: 'fs', dir });
      await store.put('orgs/o/files/kept', Buffer.from('ok'), { contentType: 'text/plain' });
      await expect(
        store.put('orgs/o/files/big', Buffer.alloc(10), { contentType: 'text/plain', maxBytes: 9 }),
      ).rejects.toBeInstanceOf(BlobTooLargeError);
      expect((await readdir(join(dir, 'orgs/o/files'))).sort()).toEqual(['.kept.meta.json', 'kept']);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('refuses a key that is both a blob and a prefix of another blob', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'groundwork-blobs-'));
    try {
      const store = createBlobStore({ kind: 'fs', dir });
      await store.put('orgs/o/a', Buffer.from('1'), { contentType: 'text/plain' });
      await expect(
        store.put('orgs/o/a/b', Buffer.from('2'), { contentType: 'text/plain' }),
      ).rejects.toBeInstanceOf(InvalidBlobKeyError);
      await store.put('orgs/o/c/d', Buffer.from('3'), { contentType: 'text/plain' });
      await expect(
        store.put('orgs/o/c', Buffer.from('4'), { contentType: 'text/plain' }),
      ).rejects.toBeInstanceOf(InvalidBlobKeyError);
      expect(await store.head('orgs/o/c')).toBeUndefined();
      expect((await readdir(join(dir, 'orgs/o'))).sort()).toEqual(['.a.meta.json', 'a', 'c']);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
