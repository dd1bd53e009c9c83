/**
 * Where export writers put their bytes: a byte sink with backpressure over the stream the blob store
 * reads, a chunk buffer that hands it large chunks (one write per ~1 MB, not per record), and spools —
 * temporary files for sections that must come later in the file than they are produced (COCO's image list
 * follows its annotations; a zip's file lists and central directory follow the files), so memory stays
 * bounded.
 */
import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { type FileHandle, open, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Writable } from 'node:stream';

/** Takes bytes in order; `write` resolves when it can take more. */
export interface ByteSink {
  /** Queues `chunk` (text is written as UTF-8). */
  write(chunk: string | Uint8Array): Promise<void>;
  /**
   * True when `write` resolves only once the bytes are written out (not merely queued), so the caller may
   * reuse the buffer it passed.
   */
  readonly consumesOnWrite?: boolean;
}

/** A {@link ByteSink} over a writable stream that counts what it was given. */
export class StreamSink implements ByteSink {
  /** Bytes written so far. */
  bytes = 0;
  readonly #stream: Writable;

  constructor(stream: Writable) {
    this.#stream = stream;
  }

  async write(chunk: string | Uint8Array): Promise<void> {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    if (bytes.length === 0) return;
    const stream = this.#stream;
    if (stream.destroyed) throw stream.errored ?? new Error('the export output was closed');
    this.bytes += bytes.length;
    if (stream.write(bytes)) return;
    await new Promise<void>((resolve, reject) => {
      const done = (error?: Error | null) => {
        stream.off('drain', onDrain);
        stream.off('close', onClose);
        stream.off('error', done);
        if (error) reject(error);
        else resolve();
      };
      const onDrain = () => done();
      const onClose = () => done(stream.errored ?? new Error('the export output was closed'));
      stream.on('drain', onDrain);
      stream.on('close', onClose);
      stream.on('error', done);
    });
  }
}

/** Size of the chunks a {@link ChunkBuffer} hands its sink. */
export const CHUNK_BYTES = 1 << 20;

/**
 * Collects small strings and byte arrays and writes them to a sink in chunks of about {@link CHUNK_BYTES}:
 * each string is encoded as UTF-8 straight into the current chunk (no joined intermediate string), and a
 * full chunk is handed to the sink, which keeps it (a new chunk is allocated for what follows). Byte arrays
 * of half a chunk or more, and anything larger than a chunk, are written on their own.
 */
export class ChunkBuffer {
  readonly #sink: ByteSink;
  readonly #chunkBytes: number;
  #chunk: Buffer;
  #used = 0;

  constructor(sink: ByteSink, chunkBytes = CHUNK_BYTES) {
    this.#sink = sink;
    this.#chunkBytes = chunkBytes;
    this.#chunk = Buffer.allocUnsafe(chunkBytes);
  }

  /**
   * Appends text or bytes. Returns a promise only when the chunk had to be handed on (await it before the
   * next push); nothing when the data fit, so hot loops skip a microtask per record.
   */
  push(data: string | Uint8Array): Promise<void> | undefined {
    // A UTF-16 code unit takes at most 3 bytes in UTF-8.
    const most = typeof data === 'string' ? data.length * 3 : data.length;
    if (this.#used + most > this.#chunkBytes || (typeof data !== 'string' && most >= this.#chunkBytes >> 1)) {
      return this.#pushSlow(data, most);
    }
    if (typeof data === 'string') this.#used += this.#chunk.write(data, this.#used, 'utf8');
    else {
      this.#chunk.set(data, this.#used);
      this.#used += data.length;
    }
    return undefined;
  }

  async #pushSlow(data: string | Uint8Array, most: number): Promise<void> {
    await this.flush();
    // Large bytes (another buffer's chunk) and anything larger than a chunk pass through without a copy.
    if (most > this.#chunkBytes || (typeof data !== 'string' && most >= this.#chunkBytes >> 1)) {
      await this.#sink.write(data);
      return;
    }
    await this.push(data);
  }

  /** Writes everything collected. */
  async flush(): Promise<void> {
    if (this.#used === 0) return;
    const full = this.#chunk.subarray(0, this.#used);
    // A sink that keeps the chunk (a stream's queue) gets it for good; one that is done with it when its
    // write resolves (a spool) lets it be filled again, sparing the garbage collector 1 MB per flush.
    if (!this.#sink.consumesOnWrite) this.#chunk = Buffer.allocUnsafe(this.#chunkBytes);
    this.#used = 0;
    await this.#sink.write(full);
  }
}

/**
 * A temporary file written in order and read back once: a section of the output that must wait for
 * others. Buffers ~1 MB before each file write; `close` then `read`; `remove` always (it also closes).
 */
export class Spool implements ByteSink {
  /** Bytes written so far. */
  bytes = 0;
  /** A write resolves once the file has the bytes. */
  readonly consumesOnWrite = true;
  readonly #path: string;
  readonly #handle: FileHandle;
  readonly #buffer: ChunkBuffer;
  #closed = false;

  private constructor(path: string, handle: FileHandle) {
    this.#path = path;
    this.#handle = handle;
    this.#buffer = new ChunkBuffer({
      consumesOnWrite: true,
      write: async (chunk) => {
        const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
        this.bytes += bytes.length;
        await this.#handle.write(bytes);
      },
    });
  }

  /** Creates an empty spool file in `dir` (readable by this process only). */
  static async create(dir: string, name: string): Promise<Spool> {
    const path = join(dir, `${name}-${randomUUID()}.spool`);
    return new Spool(path, await open(path, 'wx', 0o600));
  }

  /** Appends text or bytes. */
  async write(chunk: string | Uint8Array): Promise<void> {
    await this.#buffer.push(chunk);
  }

  /** Writes what is buffered and closes the file for reading. */
  async close(): Promise<void> {
    if (this.#closed) return;
    await this.#buffer.flush();
    this.#closed = true;
    await this.#handle.close();
  }

  /** The spooled bytes, in ~1 MB chunks (after {@link close}). */
  read(): AsyncIterable<Buffer> {
    if (!this.#closed) throw new Error('close the spool before reading it');
    return createReadStream(this.#path, { highWaterMark: 1 << 20 });
  }

  /** Closes (if open) and deletes the file. Safe to call twice. */
  async remove(): Promise<void> {
    if (!this.#closed) {
      this.#closed = true;
      await this.#handle.close().catch(() => {});
    }
    await rm(this.#path, { force: true });
  }
}

/** Copies a spool into a sink chunk by chunk, calling `between` after each chunk (progress, cancellation). */
export async function drainSpool(spool: Spool, sink: ByteSink, between?: () => Promise<void>): Promise<void> {
  await spool.close();
  for await (const chunk of spool.read()) {
    await sink.write(chunk);
    await between?.();
  }
}
