import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BlobDecryptError,
  BlobDecryptStream,
  BlobEncryptStream,
  blobKeyVersion,
  encryptedSize,
  HEADER_BYTES,
  isEncryptedBlob,
  plaintextSize,
  SEGMENT_BYTES,
} from './blob-cipher.ts';

const key = randomBytes(32);
const ORG = 'org-a';

/** Encrypts `plain` fed in chunks of the given sizes (cycled). */
async function encrypt(
  plain: Buffer,
  chunkSizes: number[] = [plain.length || 1],
  dataKey = key,
  context = ORG,
) {
  const chunks: Buffer[] = [];
  for (let at = 0, i = 0; at < plain.length; i += 1) {
    const size = Math.max(1, chunkSizes[i % chunkSizes.length] ?? 1);
    chunks.push(plain.subarray(at, at + size));
    at += size;
  }
  return buffer(Readable.from(chunks).pipe(new BlobEncryptStream(dataKey, 7, context)));
}

async function decrypt(sealed: Buffer, dataKey = key, context = ORG): Promise<Buffer> {
  // Any version gets the key: a changed version must be caught by the authentication, not the lookup.
  const stream = new BlobDecryptStream(async () => dataKey, context);
  return buffer(Readable.from([sealed]).pipe(stream));
}

const sizes = [
  0,
  1,
  100,
  SEGMENT_BYTES - 1,
  SEGMENT_BYTES,
  SEGMENT_BYTES + 1,
  2 * SEGMENT_BYTES,
  3 * SEGMENT_BYTES + 17,
];

describe('streaming blob encryption', () => {
  it.each(sizes)('round-trips %i bytes, with the stored size the formula gives', async (size) => {
    const plain = randomBytes(size);
    const sealed = await encrypt(plain, [4096, 70_000, 1]);
    expect(sealed.length).toBe(encryptedSize(size));
    expect(plaintextSize(sealed.length)).toBe(size);
    expect(isEncryptedBlob(sealed)).toBe(true);
    expect(blobKeyVersion(sealed.subarray(0, HEADER_BYTES))).toBe(7);
    expect((await decrypt(sealed)).equals(plain)).toBe(true);
  });

  it('never stores the plaintext: a repeated text does not appear in the output', async () => {
    const plain = Buffer.from('alice@example.com '.repeat(10_000));
    const sealed = await encrypt(plain);
    expect(sealed.includes(Buffer.from('alice@example.com'))).toBe(false);
  });

  it('round-trips any content however it is cut into chunks (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 3 * SEGMENT_BYTES + 10 }),
        fc.array(fc.integer({ min: 1, max: 90_000 }), { minLength: 1, maxLength: 5 }),
        async (size, chunkSizes) => {
          const plain = randomBytes(size);
          const sealed = await encrypt(plain, chunkSizes);
          expect((await decrypt(sealed)).equals(plain)).toBe(true);
        },
      ),
      { numRuns: 25 },
    );
  });

  it('detects any changed byte, a cut end, added bytes, a swapped segment, another organization or key', async () => {
    const plain = randomBytes(2 * SEGMENT_BYTES + 500);
    const sealed = await encrypt(plain);
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: sealed.length - 1 }), async (at) => {
        const changed = Buffer.from(sealed);
        changed[at] = (changed[at] ?? 0) ^ 0x01;
        await expect(decrypt(changed)).rejects.toThrow(at < 8 ? 'not an encrypted blob' : BlobDecryptError);
      }),
      { numRuns: 60 },
    );
    const segment = SEGMENT_BYTES + 16;
    // Cut after whole segments: the last remaining one was not sealed as the last.
    await expect(decrypt(sealed.subarray(0, HEADER_BYTES + segment))).rejects.toThrow(BlobDecryptError);
    await expect(decrypt(sealed.subarray(0, sealed.length - 1))).rejects.toThrow(BlobDecryptError);
    await expect(decrypt(Buffer.concat([sealed, Buffer.from([0])]))).rejects.toThrow(BlobDecryptError);
    const swapped = Buffer.concat([
      sealed.subarray(0, HEADER_BYTES),
      sealed.subarray(HEADER_BYTES + segment, HEADER_BYTES + 2 * segment),
      sealed.subarray(HEADER_BYTES, HEADER_BYTES + segment),
      sealed.subarray(HEADER_BYTES + 2 * segment),
    ]);
    await expect(decrypt(swapped)).rejects.toThrow(BlobDecryptError);
    await expect(decrypt(sealed, key, 'org-b')).rejects.toThrow(BlobDecryptError);
    await expect(decrypt(sealed, randomBytes(32))).rejects.toThrow(BlobDecryptError);
    await expect(decrypt(sealed.subarray(0, 10))).rejects.toThrow('shorter than its header');
  });

  it('gives every blob its own key: the same content encrypts differently each time', async () => {
    const plain = Buffer.from('same content');
    const [a, b] = await Promise.all([encrypt(plain), encrypt(plain)]);
    expect(a.equals(b)).toBe(false);
    expect(a.subarray(HEADER_BYTES).equals(b.subarray(HEADER_BYTES))).toBe(false);
  });
});
