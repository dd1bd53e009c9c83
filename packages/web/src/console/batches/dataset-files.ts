/**
 * Reading picked files in the browser for a dataset import: an image's upright size from its header (with
 * the `image-size` package the server's exports use, and the domain's EXIF rule), and a file's SHA-256
 * (`crypto.subtle` where the page has it, the domain's implementation where it does not — a console served
 * over plain http).
 */
import { type ImageSize, sha256Hex, uprightImageSize } from '@groundwork/domain';
import { imageSize } from 'image-size';

/** Bytes of a file read first for its size (enough for PNG, GIF, BMP, WebP and most JPEG headers). */
export const HEADER_BYTES = 256 * 1024;

/** Most bytes read for a size (a JPEG whose EXIF block is large), as the server's exports read at most. */
export const MAX_HEADER_BYTES = 4 * 1024 * 1024;

/** The upright size of an image from its first bytes, or undefined when they are not a readable header. */
export function imageSizeOfBytes(bytes: Uint8Array): ImageSize | undefined {
  try {
    return uprightImageSize(imageSize(bytes));
  } catch {
    return undefined;
  }
}

/** The upright size of an image file: its first 256 kB, else up to 4 MB; undefined when unreadable. */
export async function readImageSize(file: Blob): Promise<ImageSize | undefined> {
  for (const length of [HEADER_BYTES, MAX_HEADER_BYTES]) {
    const bytes = new Uint8Array(await file.slice(0, length).arrayBuffer());
    const size = imageSizeOfBytes(bytes);
    if (size || file.size <= length) return size;
  }
  return undefined;
}

/** The SHA-256 of a file's bytes, as 64 hex digits. */
export async function sha256OfFile(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) return sha256Hex(bytes);
  const digest = new Uint8Array(await subtle.digest('SHA-256', bytes));
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
