import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findImageFile, imageContentType, imageSource, isReference, listImages } from './images.ts';

const dir = mkdtempSync(join(tmpdir(), 'gw-images-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

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
