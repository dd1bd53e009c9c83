import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { afterEach, describe, expect, it } from 'vitest';
import { BlobTooLargeError, FsBlobStore, InvalidBlobKeyError } from '../blobs/index.ts';
import { BlobDecryptError, plaintextSize } from './blob-cipher.ts';
import { DataKeyMissingError, DataKeys } from './data-keys.ts';
import { EncryptedBlobStore } from './encrypted-blob-store.ts';
import { FsKeyStore } from './key-store.ts';

const ORG = '0123456789abcdef01234567';
const OTHER = 'fedcba9876543210fedcba98';
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function setup() {
  const dir = mkdtempSync(join(tmpdir(), 'gw-eblobs-'));
  dirs.push(dir);
  const inner = new FsBlobStore(join(dir, 'blobs'));
  const keys = new DataKeys({ store: new FsKeyStore(join(dir, 'keys')), masterKey: () => MASTER });
  return { dir, inner, keys, store: new EncryptedBlobStore(inner, keys) };
}
const MASTER = randomBytes(32);

async function read(store: { get(key: string): Promise<{ body: Readable } | undefined> }, key: string) {
  const blob = await store.get(key);
  if (!blob) throw new Error(`no blob ${key}`);
  return buffer(blob.body);
}

describe('the encrypting blob store', () => {
  it('stores ciphertext underneath and gives back the plaintext, its size and digest', async () => {
    const { store, inner } = setup();
    const plain = Buffer.concat([
      Buffer.from('name: Alice Example, card 4111 1111 1111 1111\n'),
      randomBytes(200_000),
    ]);
    const key = `orgs/${ORG}/files/f1`;
    const put = await store.put(key, Readable.from([plain.subarray(0, 1000), plain.subarray(1000)]), {
      contentType: 'text/plain',
    });
    expect(put).toEqual({ size: plain.length, sha256: createHash('sha256').update(plain).digest('hex') });
    const raw = await read(inner, key);
    expect(raw.includes(Buffer.from('Alice Example'))).toBe(false);
    expect(plaintextSize(raw.length)).toBe(plain.length);
    const got = await store.get(key);
    expect(got?.size).toBe(plain.length);
    expect(got?.contentType).toBe('text/plain');
    expect((await buffer(got?.body as Readable)).equals(plain)).toBe(true);
    expect(await store.head(key)).toEqual({ size: plain.length });
    expect(await store.protection(key)).toEqual({ encrypted: true, version: 1 });
    expect(await store.get(`orgs/${ORG}/files/none`)).toBeUndefined();
    expect(await store.head(`orgs/${ORG}/files/none`)).toBeUndefined();
  });

  it('round-trips an empty blob and a Uint8Array body', async () => {
    const { store } = setup();
    await store.put(`orgs/${ORG}/a`, new Uint8Array(0), { contentType: 'application/octet-stream' });
    expect((await read(store, `orgs/${ORG}/a`)).length).toBe(0);
    await store.put(`orgs/${ORG}/b`, new Uint8Array([1, 2, 3]), { contentType: 'application/octet-stream' });
    expect([...(await read(store, `orgs/${ORG}/b`))]).toEqual([1, 2, 3]);
  });

  it('refuses more than maxBytes of plaintext and leaves nothing behind', async () => {
    const { store, dir } = setup();
    const key = `orgs/${ORG}/files/big`;
    await expect(
      store.put(key, Readable.from([randomBytes(5000)]), { contentType: 'image/png', maxBytes: 4999 }),
    ).rejects.toThrow(BlobTooLargeError);
    expect(await store.get(key)).toBeUndefined();
    expect(readdirSync(join(dir, 'blobs', 'orgs', ORG, 'files')).filter((n) => !n.startsWith('.'))).toEqual(
      [],
    );
    // Exactly the limit is fine.
    await store.put(key, Readable.from([randomBytes(4999)]), { contentType: 'image/png', maxBytes: 4999 });
    expect(await store.head(key)).toEqual({ size: 4999 });
  });

  it('reads blobs stored before encryption as they are', async () => {
    const { store, inner } = setup();
    const key = `orgs/${ORG}/files/legacy`;
    await inner.put(key, Buffer.from('stored in the clear'), { contentType: 'text/plain' });
    expect((await read(store, key)).toString()).toBe('stored in the clear');
    expect(await store.protection(key)).toEqual({ encrypted: false });
    expect(await store.head(key)).toEqual({ size: 19 });
  });

  it('a blob copied into another organization does not decrypt there', async () => {
    const { store, inner } = setup();
    await store.put(`orgs/${ORG}/files/x`, Buffer.from('secret'), { contentType: 'text/plain' });
    await store.put(`orgs/${OTHER}/files/y`, Buffer.from('other'), { contentType: 'text/plain' });
    await inner.put(`orgs/${OTHER}/files/x`, await read(inner, `orgs/${ORG}/files/x`), {
      contentType: 'text/plain',
    });
    await expect(read(store, `orgs/${OTHER}/files/x`)).rejects.toThrow(BlobDecryptError);
  });

  it('after the keyring is destroyed the stored blobs cannot be read', async () => {
    const { store, keys } = setup();
    await store.put(`orgs/${ORG}/files/x`, Buffer.from('secret'), { contentType: 'text/plain' });
    await keys.destroy(ORG);
    await expect(read(store, `orgs/${ORG}/files/x`)).rejects.toThrow(DataKeyMissingError);
  });

  it('refuses keys outside an organization', async () => {
    const { store } = setup();
    await expect(store.put('exports/x', Buffer.from('x'), { contentType: 'text/plain' })).rejects.toThrow(
      InvalidBlobKeyError,
    );
  });
});
