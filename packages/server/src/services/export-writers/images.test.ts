import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { BlobStore } from '../../blobs/index.ts';
import type { ImageTaskFile } from '../../repositories/exports.ts';
import { ImageResolver, sizeOf, storedFileId, urlExtension } from './images.ts';

/** The first bytes of a PNG: signature and IHDR chunk of a `width` × `height` image. */
function pngHeader(width: number, height: number): Buffer {
  const header = Buffer.alloc(33);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(header, 0);
  header.writeUInt32BE(13, 8);
  header.write('IHDR', 12, 'latin1');
  header.writeUInt32BE(width, 16);
  header.writeUInt32BE(height, 20);
  header.writeUInt8(8, 24);
  header.writeUInt8(2, 25);
  return header;
}

const FILE_A = 'a'.repeat(24);
const FILE_B = 'b'.repeat(24);
const FILE_C = 'c'.repeat(24);

function store(blobs: Record<string, Buffer>, reads: string[]): BlobStore {
  return {
    async get(key) {
      reads.push(key);
      const bytes = blobs[key];
      if (!bytes) return undefined;
      // Two chunks: the size is found only after the second.
      return { body: Readable.from([bytes.subarray(0, 10), bytes.subarray(10)]), size: bytes.length };
    },
    put: async () => ({ size: 0, sha256: '' }),
    head: async () => undefined,
    delete: async () => {},
  };
}

describe('sizeOf', () => {
  it('reads a PNG header and refuses what is not an image', () => {
    expect(sizeOf(pngHeader(640, 480))).toEqual({ width: 640, height: 480 });
    expect(sizeOf(Buffer.from('not an image at all'))).toBeUndefined();
    expect(sizeOf(new Uint8Array(0))).toBeUndefined();
  });
});

describe('attachment names', () => {
  it('reads stored file ids and image extensions of URLs', () => {
    expect(storedFileId(`groundwork://files/${FILE_A}`)).toBe(FILE_A);
    expect(storedFileId('groundwork://files/nope')).toBeUndefined();
    expect(urlExtension('https://x.test/a/b.PNG?size=2')).toBe('.png');
    expect(urlExtension('https://x.test/a/b.jpeg')).toBe('.jpeg');
    expect(urlExtension('https://x.test/a/b.exe')).toBeUndefined();
    expect(urlExtension('https://x.test/a/')).toBeUndefined();
    expect(urlExtension('not a url')).toBeUndefined();
  });
});

describe('ImageResolver', () => {
  const file = (
    id: string,
    blobKey: string,
    mimeType: string,
    width?: number,
    height?: number,
  ): ImageTaskFile => ({
    id,
    blobKey,
    mimeType,
    width,
    height,
  });
  const stored = (id: string) => `groundwork://files/${id}`;

  it('takes sizes from metadata, else from the blob; unknown is 0 × 0; each blob is read once', async () => {
    const reads: string[] = [];
    const resolver = new ImageResolver({
      blobs: store({ 'k/b': pngHeader(30, 20), 'k/c': Buffer.from('garbage bytes, not an image') }, reads),
    });
    const first = await resolver.resolve([
      { attachment: stored(FILE_A), file: file(FILE_A, 'k/a', 'image/png', 100, 50) },
      { attachment: stored(FILE_B), file: file(FILE_B, 'k/b', 'image/png', 30) },
      { attachment: stored(FILE_C), file: file(FILE_C, 'k/c', 'image/webp') },
      { attachment: stored('d'.repeat(24)), file: null },
      { attachment: 'https://x.test/photo.webp', file: null },
      { attachment: null, file: null },
      { attachment: stored(FILE_A), file: file(FILE_A, 'k/a', 'image/png', 100, 50) },
    ]);
    expect(Object.fromEntries(first)).toEqual({
      [stored(FILE_A)]: { width: 100, height: 50, extension: '.png' },
      [stored(FILE_B)]: { width: 30, height: 20, extension: '.png' },
      [stored(FILE_C)]: { width: 0, height: 0, extension: '.webp' },
      [stored('d'.repeat(24))]: { width: 0, height: 0, extension: '.jpg' },
      'https://x.test/photo.webp': { width: 0, height: 0, extension: '.webp' },
    });
    expect(reads.sort()).toEqual(['k/b', 'k/c']);
    const again = await resolver.resolve([
      { attachment: stored(FILE_B), file: file(FILE_B, 'k/b', 'image/png') },
      { attachment: stored(FILE_C), file: file(FILE_C, 'k/c', 'image/webp') },
    ]);
    expect(again.get(stored(FILE_B))).toEqual({ width: 30, height: 20, extension: '.png' });
    expect(again.get(stored(FILE_C))).toEqual({ width: 0, height: 0, extension: '.webp' });
    expect(reads).toHaveLength(2);
  });

  it('treats a blob store failure as an unknown size', async () => {
    const failing: BlobStore = {
      get: async () => ({ body: new PassThrough().destroy(new Error('gone')) as PassThrough, size: 1 }),
      put: async () => ({ size: 0, sha256: '' }),
      head: async () => undefined,
      delete: async () => {},
    };
    const resolver = new ImageResolver({ blobs: failing });
    const info = await resolver.resolve([
      { attachment: stored(FILE_A), file: file(FILE_A, 'k', 'image/png') },
    ]);
    expect(info.get(stored(FILE_A))).toEqual({ width: 0, height: 0, extension: '.png' });
  });
});

function bytes(values: number[], length = values.length): Uint8Array {
  const out = new Uint8Array(Math.max(length, values.length));
  out.set(values);
  return out;
}

const u16le = (n: number) => [n & 0xff, n >> 8];
const u16be = (n: number) => [n >> 8, n & 0xff];
const u32be = (n: number) => [n >>> 24, (n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff];
const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

describe("sizeOf (also the CLI importer's reader of image sizes)", () => {
  it('reads PNG, GIF, BMP, WebP and JPEG headers', () => {
    const png = [
      0x89,
      ...ascii('PNG'),
      0x0d,
      0x0a,
      0x1a,
      0x0a,
      ...u32be(13),
      ...ascii('IHDR'),
      ...u32be(640),
      ...u32be(480),
    ];
    expect(sizeOf(bytes(png, 33))).toEqual({ width: 640, height: 480 });
    expect(sizeOf(bytes([...ascii('GIF89a'), ...u16le(320), ...u16le(200)]))).toEqual({
      width: 320,
      height: 200,
    });
    const bmp = [...ascii('BM'), ...new Array(16).fill(0), ...u16le(17), 0, 0, ...u16le(0xfff6), 0xff, 0xff];
    expect(sizeOf(bytes(bmp, 30))).toEqual({ width: 17, height: 10 });
    const vp8x = [
      ...ascii('RIFF'),
      0,
      0,
      0,
      0,
      ...ascii('WEBPVP8X'),
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      ...u16le(999),
      0,
      ...u16le(499),
      0,
    ];
    expect(sizeOf(bytes(vp8x, 30))).toEqual({ width: 1000, height: 500 });
    const jpeg = [
      0xff,
      0xd8,
      0xff,
      0xe0,
      ...u16be(4),
      0,
      0,
      0xff,
      0xc0,
      ...u16be(17),
      8,
      ...u16be(120),
      ...u16be(160),
      3,
    ];
    expect(sizeOf(bytes(jpeg, 40))).toEqual({ width: 160, height: 120 });
  });

  it('gives undefined for other files, cut headers and zero sizes, never throwing', () => {
    expect(sizeOf(new Uint8Array())).toBeUndefined();
    expect(sizeOf(bytes(ascii('hello world, not an image at all')))).toBeUndefined();
    expect(sizeOf(bytes([0xff, 0xd8, 0xff, 0xc0, 0, 17]))).toBeUndefined();
    expect(sizeOf(bytes([...ascii('GIF89a'), 0, 0, 10, 0]))).toBeUndefined();
  });
});
