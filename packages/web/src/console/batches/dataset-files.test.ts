import { sha256Hex } from '@groundwork/domain';
import { describe, expect, it } from 'vitest';
import { imageSizeOfBytes, readImageSize, sha256OfFile } from './dataset-files.ts';

const u16 = (n: number) => [n >> 8, n & 255];
const u32 = (n: number) => [n >>> 24, (n >> 16) & 255, (n >> 8) & 255, n & 255];
const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

/** A PNG header of `width` × `height`. */
function png(width: number, height: number): Uint8Array {
  return Uint8Array.from([
    0x89,
    ...ascii('PNG'),
    0x0d,
    0x0a,
    0x1a,
    0x0a,
    ...u32(13),
    ...ascii('IHDR'),
    ...u32(width),
    ...u32(height),
    8,
    2,
    0,
    0,
    0,
  ]);
}

/** A JPEG header of `width` × `height` stored sideways, with an EXIF orientation (big-endian TIFF). */
function jpeg(width: number, height: number, orientation: number): Uint8Array {
  const tiff = [
    ...ascii('MM'),
    0,
    42,
    ...u32(8),
    ...u16(1),
    ...u16(0x0112),
    ...u16(3),
    ...u32(1),
    ...u16(orientation),
    0,
    0,
    ...u32(0),
  ];
  const app1 = [...ascii('Exif'), 0, 0, ...tiff];
  const sof = [8, ...u16(height), ...u16(width), 3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1];
  return Uint8Array.from([
    0xff,
    0xd8,
    0xff,
    0xe1,
    ...u16(app1.length + 2),
    ...app1,
    0xff,
    0xc0,
    ...u16(sof.length + 2),
    ...sof,
    0xff,
    0xd9,
  ]);
}

describe('image sizes in the browser', () => {
  it('reads a PNG header', () => {
    expect(imageSizeOfBytes(png(451, 300))).toEqual({ width: 451, height: 300 });
  });

  it('turns a JPEG upright for EXIF orientations 5 to 8, as the exports do', () => {
    expect(imageSizeOfBytes(jpeg(640, 480, 1))).toEqual({ width: 640, height: 480 });
    expect(imageSizeOfBytes(jpeg(640, 480, 6))).toEqual({ width: 480, height: 640 });
    expect(imageSizeOfBytes(jpeg(640, 480, 8))).toEqual({ width: 480, height: 640 });
  });

  it('has no size for bytes that are not an image header', () => {
    expect(imageSizeOfBytes(new Uint8Array())).toBeUndefined();
    expect(imageSizeOfBytes(Uint8Array.from(ascii('not an image at all')))).toBeUndefined();
  });

  it('reads a file’s size from its first bytes', async () => {
    expect(await readImageSize(new Blob([png(64, 48) as Uint8Array<ArrayBuffer>]))).toEqual({
      width: 64,
      height: 48,
    });
    expect(await readImageSize(new Blob(['hello']))).toBeUndefined();
  });

  it('hashes a file as the domain hashes its bytes', async () => {
    const bytes = png(3, 2);
    expect(await sha256OfFile(new Blob([bytes as Uint8Array<ArrayBuffer>]))).toBe(sha256Hex(bytes));
  });
});
