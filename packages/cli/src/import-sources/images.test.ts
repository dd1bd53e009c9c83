import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  findImageFile,
  imageContentType,
  imageSize,
  imageSource,
  isReference,
  listImages,
} from './images.ts';

const dir = mkdtempSync(join(tmpdir(), 'gw-images-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function bytes(values: number[], length = values.length): Uint8Array {
  const out = new Uint8Array(Math.max(length, values.length));
  out.set(values);
  return out;
}

const u16le = (n: number) => [n & 0xff, n >> 8];
const u16be = (n: number) => [n >> 8, n & 0xff];
const u32be = (n: number) => [n >>> 24, (n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff];
const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

describe('imageSize', () => {
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
    expect(imageSize(bytes(png, 33))).toEqual({ width: 640, height: 480 });
    expect(imageSize(bytes([...ascii('GIF89a'), ...u16le(320), ...u16le(200)]))).toEqual({
      width: 320,
      height: 200,
    });
    const bmp = [...ascii('BM'), ...new Array(16).fill(0), ...u16le(17), 0, 0, ...u16le(0xfff6), 0xff, 0xff];
    expect(imageSize(bytes(bmp, 30))).toEqual({ width: 17, height: 10 });
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
    expect(imageSize(bytes(vp8x, 30))).toEqual({ width: 1000, height: 500 });
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
    expect(imageSize(bytes(jpeg, 40))).toEqual({ width: 160, height: 120 });
  });

  it('gives undefined for other files, cut headers and zero sizes, never throwing', () => {
    expect(imageSize(new Uint8Array())).toBeUndefined();
    expect(imageSize(bytes(ascii('hello world, not an image at all')))).toBeUndefined();
    expect(imageSize(bytes([0xff, 0xd8, 0xff, 0xc0, 0, 17]))).toBeUndefined();
    expect(imageSize(bytes([...ascii('GIF89a'), 0, 0, 10, 0]))).toBeUndefined();
  });
});

describe('finding images', () => {
  mkdirSync(join(dir, 'images', 'train'), { recursive: true });
  writeFileSync(join(dir, 'images', 'train', 'a.jpg'), 'a');
  writeFileSync(join(dir, 'images', 'b.PNG'), 'b');
  writeFileSync(join(dir, 'images', 'notes.txt'), 'n');

  it('lists image files by relative path', () => {
    expect([...listImages(join(dir, 'images')).keys()].sort()).toEqual(['b.PNG', 'train/a.jpg']);
    expect(listImages(join(dir, 'absent')).size).toBe(0);
  });

  it('finds a name as a path under a folder, or its base name in one', () => {
    const images = join(dir, 'images');
    expect(findImageFile('train/a.jpg', [images])).toBe(join(images, 'train', 'a.jpg'));
    expect(findImageFile('elsewhere/b.PNG', [join(dir, 'absent'), images])).toBe(join(images, 'b.PNG'));
    expect(findImageFile('c.jpg', [images])).toBeUndefined();
  });

  it('prefers a local file, then a reference, and says where it looked', () => {
    const images = join(dir, 'images');
    expect(imageSource('b.PNG', [images], ['https://x/b.png'])).toEqual({
      kind: 'file',
      path: join(images, 'b.PNG'),
    });
    expect(imageSource('c.jpg', [images], ['', 'groundwork://files/abc'])).toEqual({
      kind: 'reference',
      url: 'groundwork://files/abc',
    });
    expect(imageSource('https://x/c.jpg', [images])).toEqual({ kind: 'reference', url: 'https://x/c.jpg' });
    expect(imageSource('c.jpg', [images, join(dir, 'absent')])).toEqual({
      kind: 'missing',
      name: 'c.jpg',
      looked: [images],
    });
  });

  it('tells references and content types', () => {
    expect(isReference('HTTPS://x')).toBe(true);
    expect(isReference('groundwork://files/0123')).toBe(true);
    expect(isReference('/data/upload/1/a.jpg')).toBe(false);
    expect(imageContentType('a.JPG')).toBe('image/jpeg');
    expect(imageContentType('a.heic')).toBe('application/octet-stream');
  });
});
