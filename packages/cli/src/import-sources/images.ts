/**
 * Images of annotation files: telling references (URLs, `groundwork://files/…`) from local files, finding
 * a local file in the places it may be, its content type, and its upright size in pixels from its header (read
 * as the server's exports read it) for formats whose coordinates are relative to it (YOLO, Label Studio without
 * sizes).
 */
import { closeSync, type Dirent, existsSync, openSync, readdirSync, readSync, statSync } from 'node:fs';
import { basename, extname, isAbsolute, join, relative, sep } from 'node:path';
import { isImageReference, resolveImage } from '@groundwork/domain';
import { imageSizeOf } from '@groundwork/server';
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
export const isReference: (name: string) => boolean = isImageReference;

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
 * Where an image comes from: a local file when one is found in `dirs` (uploading it is what makes a round
 * trip work across servers), else the first reference among the name and `references` (an exported file's
 * URL), else missing with the directories that exist (the domain's rule, shared with the console).
 */
export function imageSource(
  name: string,
  dirs: readonly string[],
  references: readonly string[] = [],
): ImageSource {
  return resolveImage(
    name,
    references,
    (candidate) => findImageFile(candidate, dirs),
    dirs.filter((dir) => existsSync(dir)),
  );
}

/**
 * Every file under `dir` (in its sub-folders too when `deep`), as its absolute path; an absent or unreadable
 * directory has none.
 */
export function filesUnder(dir: string, deep = true): string[] {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true, recursive: deep });
  } catch {
    return [];
  }
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
}

/** A path relative to `dir`, with `/` separators. */
export function relativePosix(dir: string, path: string): string {
  return relative(dir, path).split(sep).join('/');
}

/**
 * Every image file under `dir` (recursively), by its path relative to `dir` with `/` separators. An absent
 * directory has none.
 */
export function listImages(dir: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const path of filesUnder(dir)) {
    if (IMAGE_TYPES[extname(path).toLowerCase()]) found.set(relativePosix(dir, path), path);
  }
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

/** The upright size in px of an image file (the server's reader), or undefined when its header is unreadable. */
export function imageFileSize(path: string): { width: number; height: number } | undefined {
  try {
    return imageSizeOf(head(path));
  } catch {
    return undefined;
  }
}
