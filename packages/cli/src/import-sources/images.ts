/**
 * Images of annotation files: telling references (URLs, `groundwork://files/…`) from local files, finding
 * a local file in the places it may be, its content type, and its size in pixels from its header (PNG, JPEG,
 * GIF, BMP, WebP) for formats whose coordinates are relative to it (YOLO, Label Studio without sizes).
 */
import { closeSync, type Dirent, existsSync, openSync, readdirSync, readSync, statSync } from 'node:fs';
import { basename, extname, isAbsolute, join, relative, sep } from 'node:path';
import type { ImageSource } from './types.ts';

/** File name extensions read as images, lower case, with their content types. */
export const IMAGE_TYPES: Readonly<Record<string, string>> = {
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.gif': 'image/gif',
  '.bmp': 'image/bmp',
  '.webp': 'image/webp',
  '.tif': 'image/tiff',
  '.tiff': 'image/tiff',
};

/** The content type of an image file by its extension (`application/octet-stream` when unknown). */
export function imageContentType(path: string): string {
  return IMAGE_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

/** Whether a name is a reference the server takes as an attachment as it is: http(s) or `groundwork://files/`. */
export function isReference(name: string): boolean {
  return /^https?:\/\//i.test(name) || name.startsWith('groundwork://files/');
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/**
 * Finds the local file of an image name: the name as a path (absolute, or relative to each directory), then
 * its base name in each directory. Directories that do not exist are passed over.
 */
export function findImageFile(name: string, dirs: readonly string[]): string | undefined {
  if (name === '' || isReference(name)) return undefined;
  if (isAbsolute(name)) return isFile(name) ? name : undefined;
  const candidates = [...dirs.map((dir) => join(dir, name)), ...dirs.map((dir) => join(dir, basename(name)))];
  return candidates.find(isFile);
}

/**
 * Where an image comes from: a local file when one is found (uploading it is what makes a round trip work
 * across servers), else the first reference among `references` (an exported file's URL), else missing.
 */
export function imageSource(
  name: string,
  dirs: readonly string[],
  references: readonly string[] = [],
): ImageSource {
  const local = findImageFile(name, dirs);
  if (local) return { kind: 'file', path: local };
  const reference = [name, ...references].find((candidate) => candidate && isReference(candidate));
  if (reference) return { kind: 'reference', url: reference };
  return { kind: 'missing', name, looked: dirs.filter((dir) => existsSync(dir)) };
}

/**
 * Every image file under `dir` (recursively), by its path relative to `dir` with `/` separators. An absent
 * directory has none.
 */
export function listImages(dir: string): Map<string, string> {
  const found = new Map<string, string>();
  const walk = (at: string) => {
    let entries: Dirent[];
    try {
      entries = readdirSync(at, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const path = join(at, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile() && IMAGE_TYPES[extname(entry.name).toLowerCase()]) {
        found.set(relative(dir, path).split(sep).join('/'), path);
      }
    }
  };
  walk(dir);
  return found;
}

/** The first bytes of a file (enough for any image header this module reads). */
function head(path: string, bytes = 256 * 1024): Uint8Array {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(bytes);
    const read = readSync(fd, buffer, 0, bytes, 0);
    return buffer.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}

/** The size in px of an image file, or undefined when its header is not one this module reads. */
export function imageFileSize(path: string): { width: number; height: number } | undefined {
  try {
    return imageSize(head(path));
  } catch {
    return undefined;
  }
}

/**
 * The size in px an image header declares: PNG (IHDR), GIF (logical screen), BMP (info header), WebP
 * (VP8, VP8L, VP8X) and JPEG (the first start-of-frame marker). Undefined for anything else or a header cut
 * short; never throws.
 */
export function imageSize(bytes: Uint8Array): { width: number; height: number } | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const ascii = (at: number, length: number) =>
    at + length <= bytes.length ? String.fromCharCode(...bytes.subarray(at, at + length)) : '';
  const sized = (width: number, height: number) =>
    width > 0 && height > 0 && Number.isFinite(width) && Number.isFinite(height)
      ? { width, height }
      : undefined;
  if (bytes.length >= 24 && ascii(1, 3) === 'PNG' && ascii(12, 4) === 'IHDR') {
    return sized(view.getUint32(16), view.getUint32(20));
  }
  if (bytes.length >= 10 && (ascii(0, 6) === 'GIF87a' || ascii(0, 6) === 'GIF89a')) {
    return sized(view.getUint16(6, true), view.getUint16(8, true));
  }
  if (bytes.length >= 26 && ascii(0, 2) === 'BM') {
    return sized(Math.abs(view.getInt32(18, true)), Math.abs(view.getInt32(22, true)));
  }
  if (bytes.length >= 30 && ascii(0, 4) === 'RIFF' && ascii(8, 4) === 'WEBP') {
    const kind = ascii(12, 4);
    if (kind === 'VP8X') {
      const width = 1 + (view.getUint16(24, true) | (view.getUint8(26) << 16));
      const height = 1 + (view.getUint16(27, true) | (view.getUint8(29) << 16));
      return sized(width, height);
    }
    if (kind === 'VP8L') {
      const bits = view.getUint32(21, true);
      return sized(1 + (bits & 0x3fff), 1 + ((bits >> 14) & 0x3fff));
    }
    if (kind === 'VP8 ') return sized(view.getUint16(26, true) & 0x3fff, view.getUint16(28, true) & 0x3fff);
    return undefined;
  }
  if (bytes.length >= 4 && bytes[0] === 0xff && bytes[1] === 0xd8) {
    let at = 2;
    while (at + 9 < bytes.length) {
      if (bytes[at] !== 0xff) return undefined;
      const marker = bytes[at + 1] ?? 0;
      if (marker === 0xff) {
        at++;
        continue;
      }
      const length = view.getUint16(at + 2);
      // Start-of-frame markers: C0–CF except C4 (Huffman tables), C8 (reserved) and CC (arithmetic coding).
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
        return sized(view.getUint16(at + 7), view.getUint16(at + 5));
      }
      at += 2 + length;
    }
  }
  return undefined;
}
