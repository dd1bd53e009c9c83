/**
 * The images of an image export: each task's attachment resolved to a file name and a pixel size.
 *
 * Sizes come from where they are known without guessing: a stored file (`groundwork://files/<id>`, joined
 * by the page query) gives `metadata.width` / `metadata.height` when it carries them as numbers, else its
 * header is read from the blob store
 * (image-size; at most the first 4 MB, EXIF orientations 5–8 swap width and height since the editor shows
 * the image upright). An attachment on another server is not fetched — an export must not reach out once
 * per image — so its size is unknown, written as 0 × 0 (COCO and VOC), and YOLO, whose coordinates are
 * fractions of the size, leaves such an image out. A missing or unreadable file is unknown the same way.
 * Sizes read from blobs are cached per export (up to {@link SIZE_CACHE_LIMIT} files, then the cache starts
 * over), so an image shared by nearby tasks is read once.
 */
import { uprightImageSize } from '@groundwork/domain';
import { imageSize } from 'image-size';
import type { BlobStore } from '../../blobs/index.ts';
import type { ImageTaskRow } from '../../repositories/exports.ts';

/** What an export writes of one image. */
export interface ImageInfo {
  /** Width in px; 0 when unknown. */
  width: number;
  /** Height in px; 0 when unknown. */
  height: number;
  /** The file name extension, with its dot (`.jpg` when nothing tells). */
  extension: string;
}

/** Stored files most remembered at once by one export. */
export const SIZE_CACHE_LIMIT = 10_000;
/** Most bytes of a blob read to find its size. */
export const MAX_HEADER_BYTES = 4 * 1024 * 1024;

const FILE_REFERENCE = /^groundwork:\/\/files\/([0-9a-f]{24})$/;
const EXTENSIONS: Record<string, string> = {
  'image/jpeg': '.jpg',
  'image/png': '.png',
  'image/gif': '.gif',
  'image/webp': '.webp',
  'image/bmp': '.bmp',
  'image/tiff': '.tif',
  'image/avif': '.avif',
  'image/heic': '.heic',
  'image/svg+xml': '.svg',
};
const KNOWN_EXTENSIONS = new Set([...Object.values(EXTENSIONS), '.jpeg', '.tiff']);
const UNKNOWN: ImageInfo = { width: 0, height: 0, extension: '.jpg' };

/** The file id of a `groundwork://files/<id>` attachment, or undefined. */
export function storedFileId(attachment: string): string | undefined {
  return FILE_REFERENCE.exec(attachment)?.[1];
}

/** The extension an attachment URL's path ends with, when it is an image one (`.jpeg` stays `.jpeg`). */
export function urlExtension(attachment: string): string | undefined {
  let path: string;
  try {
    path = new URL(attachment).pathname;
  } catch {
    return undefined;
  }
  const match = /\.[A-Za-z0-9]{2,5}$/.exec(path);
  const extension = match?.[0].toLowerCase();
  return extension && KNOWN_EXTENSIONS.has(extension) ? extension : undefined;
}

/** Resolves attachments to image facts for one export. */
export class ImageResolver {
  readonly #blobs: BlobStore;
  /** Sizes read from blobs, by file id (metadata sizes need no cache: they come with every page). */
  readonly #cache = new Map<string, { width: number; height: number } | null>();

  constructor(deps: { blobs: BlobStore }) {
    this.#blobs = deps.blobs;
  }

  /**
   * The facts of every distinct attachment of a page (tasks without one are left out), from the stored
   * file the page query joined; blobs whose size the metadata lacks are read, a few at once.
   */
  async resolve(rows: readonly Pick<ImageTaskRow, 'attachment' | 'file'>[]): Promise<Map<string, ImageInfo>> {
    const result = new Map<string, ImageInfo>();
    const reads = new Map<string, { key: string; attachments: string[]; extension: string }>();
    for (const { attachment, file } of rows) {
      if (attachment === null || result.has(attachment)) continue;
      if (!file) {
        // Another server's image, or a stored file that no longer exists.
        const extension = storedFileId(attachment) === undefined ? urlExtension(attachment) : undefined;
        result.set(attachment, { ...UNKNOWN, extension: extension ?? UNKNOWN.extension });
        continue;
      }
      const extension = EXTENSIONS[file.mimeType.toLowerCase()] ?? UNKNOWN.extension;
      if (file.width !== undefined && file.height !== undefined) {
        result.set(attachment, { width: file.width, height: file.height, extension });
        continue;
      }
      const cached = this.#cache.get(file.id);
      if (cached !== undefined) {
        result.set(attachment, { ...(cached ?? UNKNOWN), extension });
        continue;
      }
      const read = reads.get(file.id);
      if (read) read.attachments.push(attachment);
      else reads.set(file.id, { key: file.blobKey, attachments: [attachment], extension });
      result.set(attachment, { ...UNKNOWN, extension });
    }
    const pending = [...reads.entries()];
    const sizes = await mapLimited(pending, 8, ([, read]) => this.#readSize(read.key));
    pending.forEach(([id, read], index) => {
      const size = sizes[index];
      this.#remember(id, size ?? null);
      if (size) {
        for (const attachment of read.attachments)
          result.set(attachment, { ...size, extension: read.extension });
      }
    });
    return result;
  }

  /** Reads the blob's first bytes until image-size recognizes them (or gives up). */
  async #readSize(key: string): Promise<{ width: number; height: number } | undefined> {
    let blob: Awaited<ReturnType<BlobStore['get']>>;
    try {
      blob = await this.#blobs.get(key);
    } catch {
      return undefined;
    }
    if (!blob) return undefined;
    const chunks: Buffer[] = [];
    let length = 0;
    try {
      for await (const chunk of blob.body) {
        chunks.push(chunk as Buffer);
        length += (chunk as Buffer).length;
        const size = sizeOf(Buffer.concat(chunks, length));
        if (size) return size;
        if (length >= MAX_HEADER_BYTES) return undefined;
      }
      return undefined;
    } catch {
      return undefined;
    } finally {
      blob.body.destroy();
    }
  }

  #remember(id: string, info: { width: number; height: number } | null): void {
    // Forgetting everything at the limit is cheaper than evicting one by one, and tasks sharing an image
    // are usually near each other.
    if (this.#cache.size >= SIZE_CACHE_LIMIT) this.#cache.clear();
    this.#cache.set(id, info);
  }
}

/**
 * The upright size of an image header (image-size, with the domain's EXIF rule that the console and the
 * CLI use too), or undefined when image-size cannot read it (yet).
 */
export function sizeOf(bytes: Uint8Array): { width: number; height: number } | undefined {
  try {
    return uprightImageSize(imageSize(bytes));
  } catch {
    return undefined;
  }
}

/** `fn` over `items` with at most `limit` calls at once; results in input order. */
async function mapLimited<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
