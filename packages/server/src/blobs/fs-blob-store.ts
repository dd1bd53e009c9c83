import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { type FileHandle, mkdir, open, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  assertValidBlobKey,
  type BlobStore,
  checkPut,
  InvalidBlobKeyError,
  MeteredStream,
  type PutOptions,
  toByteStream,
} from './blob-store.ts';

/** What the metadata sidecar of a stored blob holds. */
interface BlobMeta {
  contentType: string;
  sha256: string;
}

/**
 * A {@link BlobStore} on the local filesystem: the default, under `./data/blobs`.
 *
 * The blob under key `a/b/c` is the file `<rootDir>/a/b/c`; its content type and digest live in the
 * sidecar `<rootDir>/a/b/.c.meta.json`. Writes go to a hidden temporary file in the same directory and
 * are renamed into place, so readers never see a partial blob and a failed write leaves nothing.
 * Valid keys never start a segment with `.`, so sidecars and temporary files cannot collide with them.
 *
 * Unlike S3, a filesystem cannot hold both a blob `a/b` and a blob `a/b/c`; such a `put` fails with
 * {@link InvalidBlobKeyError}.
 */
export class FsBlobStore implements BlobStore {
  readonly #root: string;

  /** @param rootDir directory holding the blobs; created on first write. */
  constructor(rootDir: string) {
    this.#root = resolve(rootDir);
  }

  async put(
    key: string,
    body: Readable | Uint8Array,
    opts: PutOptions,
  ): Promise<{ size: number; sha256: string }> {
    checkPut(key, body, opts);
    const path = this.#path(key);
    const dir = dirname(path);
    const tmpId = randomUUID();
    const tmpData = join(dir, `.${basename(path)}.${tmpId}.tmp`);
    const tmpMeta = join(dir, `.${basename(path)}.${tmpId}.meta.tmp`);
    const source = toByteStream(body);
    try {
      await mkdir(dir, { recursive: true });
    } catch (error) {
      source.destroy();
      throw this.#translateConflict(key, error);
    }
    const meter = new MeteredStream(key, opts.maxBytes, opts.digest !== false);
    try {
      await pipeline(source, meter, createWriteStream(tmpData, { flags: 'wx', mode: 0o600 }));
      const sha256 = meter.digest();
      const meta: BlobMeta = { contentType: opts.contentType, sha256 };
      await writeFile(tmpMeta, JSON.stringify(meta), { flag: 'wx', mode: 0o600 });
      // Sidecar first: the data file is the source of truth for existence, so a crash between the two
      // renames leaves at worst a stale sidecar, never a blob described by someone else's metadata.
      await rename(tmpMeta, this.#metaPath(path));
      try {
        await rename(tmpData, path);
      } catch (error) {
        // The key names a directory of other blobs: no blob of ours can own the sidecar just placed.
        if ((error as NodeJS.ErrnoException).code === 'EISDIR')
          await rm(this.#metaPath(path), { force: true });
        throw error;
      }
      return { size: meter.bytes, sha256 };
    } catch (error) {
      await Promise.all([rm(tmpData, { force: true }), rm(tmpMeta, { force: true })]);
      throw this.#translateConflict(key, error);
    }
  }

  async get(key: string): Promise<{ body: Readable; size: number; contentType?: string } | undefined> {
    assertValidBlobKey(key);
    const path = this.#path(key);
    let handle: FileHandle;
    try {
      handle = await open(path, 'r');
    } catch (error) {
      if (isMissing(error) || (error as NodeJS.ErrnoException).code === 'EISDIR') return undefined;
      throw error;
    }
    // Size and content come from the same open file, so a concurrent overwrite or delete cannot make
    // them disagree.
    let size: number;
    try {
      const info = await handle.stat();
      if (!info.isFile()) {
        await handle.close();
        return undefined;
      }
      size = info.size;
    } catch (error) {
      await handle.close();
      throw error;
    }
    const body = handle.createReadStream();
    const contentType = await this.#readMeta(path).then((meta) => meta?.contentType);
    return contentType === undefined ? { body, size } : { body, size, contentType };
  }

  async head(key: string): Promise<{ size: number } | undefined> {
    assertValidBlobKey(key);
    const size = await this.#size(this.#path(key));
    return size === undefined ? undefined : { size };
  }

  async delete(key: string): Promise<void> {
    assertValidBlobKey(key);
    const path = this.#path(key);
    await rm(path, { force: true });
    await rm(this.#metaPath(path), { force: true });
  }

  #path(key: string): string {
    return join(this.#root, ...key.split('/'));
  }

  #metaPath(path: string): string {
    return join(dirname(path), `.${basename(path)}.meta.json`);
  }

  async #size(path: string): Promise<number | undefined> {
    try {
      const info = await stat(path);
      return info.isFile() ? info.size : undefined;
    } catch (error) {
      if (isMissing(error)) return undefined;
      throw error;
    }
  }

  async #readMeta(path: string): Promise<BlobMeta | undefined> {
    try {
      return JSON.parse(await readFile(this.#metaPath(path), 'utf8')) as BlobMeta;
    } catch (error) {
      if (isMissing(error) || error instanceof SyntaxError) return undefined;
      throw error;
    }
  }

  #translateConflict(key: string, error: unknown): unknown {
    const code = (error as NodeJS.ErrnoException | undefined)?.code;
    if (code === 'ENOTDIR' || code === 'EISDIR' || code === 'EEXIST') {
      return new InvalidBlobKeyError(
        key,
        'conflicts with another key that is a prefix of it or has it as prefix',
      );
    }
    return error;
  }
}

function isMissing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}
