/**
 * A streaming zip archive over a {@link ByteSink}, in constant memory however many entries it holds:
 * each entry is compressed (DEFLATE, node:zlib) and written as it is added, and its central-directory
 * record goes to a spool, copied to the end of the archive by {@link ZipSink.end}. (fflate's `Zip` keeps
 * every entry's compressor and record in memory, which an export of 100,000 label files cannot afford.)
 *
 * - Entries carry one fixed modification time (DOS time, read as UTC), so equal content gives equal bytes.
 * - Names are UTF-8 (general purpose flag bit 11).
 * - An entry added whole has its sizes in its local header; a streamed entry (a spool of unknown size)
 *   follows its data with a data descriptor (flag bit 3), compressed chunk by chunk with a sync flush.
 * - ZIP64 where the classic fields overflow: more than 65,535 entries, or the central directory or an
 *   entry's local header beyond 4 GiB. A single entry must stay under 4 GiB (compressed and not).
 */
import { constants, crc32, deflateRawSync } from 'node:zlib';
import { type ByteSink, ChunkBuffer, Spool } from './output.ts';

const LOCAL_HEADER = 0x04034b50;
const DATA_DESCRIPTOR = 0x08074b50;
const CENTRAL_HEADER = 0x02014b50;
const ZIP64_END = 0x06064b50;
const ZIP64_LOCATOR = 0x07064b50;
const END = 0x06054b50;
const FLAG_DESCRIPTOR = 1 << 3;
const FLAG_UTF8 = 1 << 11;
const DEFLATE = 8;
const MAX_16 = 0xffff;
const MAX_32 = 0xffff_ffff;

/** Raised when one entry of an archive would reach 4 GiB. */
export class ZipTooLargeError extends Error {
  override readonly name = 'ZipTooLargeError';
  constructor(name: string) {
    super(`the file ${name} would be 4 GiB or larger, which this server cannot write into a zip`);
  }
}

/** DOS date and time of `when`, from its UTC fields (DOS time has 2-second steps and starts in 1980). */
function dosTime(when: Date): { time: number; date: number } {
  const year = Math.min(Math.max(when.getUTCFullYear(), 1980), 2107);
  return {
    time: (when.getUTCHours() << 11) | (when.getUTCMinutes() << 5) | (when.getUTCSeconds() >> 1),
    date: ((year - 1980) << 9) | ((when.getUTCMonth() + 1) << 5) | when.getUTCDate(),
  };
}

/** A zip archive written entry by entry. */
export class ZipSink {
  readonly #out: ChunkBuffer;
  readonly #time: { time: number; date: number };
  readonly #tmpDir: string;
  #directory: Spool | undefined;
  #offset = 0;
  #entries = 0;

  /**
   * @param mtime the modification time every entry gets.
   * @param tmpDir where the central directory is spooled until the end.
   */
  constructor(sink: ByteSink, mtime: Date, tmpDir: string) {
    this.#out = new ChunkBuffer(sink);
    this.#time = dosTime(mtime);
    this.#tmpDir = tmpDir;
  }

  /** Adds a whole entry. */
  async file(name: string, content: string | Uint8Array): Promise<void> {
    const data = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
    const compressed = deflateRawSync(data);
    if (data.length >= MAX_32 || compressed.length >= MAX_32) throw new ZipTooLargeError(name);
    const entry = { name: Buffer.from(name, 'utf8'), flags: FLAG_UTF8, offset: this.#offset };
    const crc = crc32(data);
    await this.#write(this.#localHeader(entry, crc, compressed.length, data.length));
    await this.#write(compressed);
    await this.#record(entry, crc, compressed.length, data.length);
  }

  /**
   * Adds an entry from a stream of chunks (e.g. a spool), compressing each as it comes; `between` runs
   * after each chunk (progress, cancellation).
   */
  async stream(
    name: string,
    chunks: AsyncIterable<Uint8Array>,
    between?: () => Promise<void>,
  ): Promise<void> {
    const entry = {
      name: Buffer.from(name, 'utf8'),
      flags: FLAG_UTF8 | FLAG_DESCRIPTOR,
      offset: this.#offset,
    };
    await this.#write(this.#localHeader(entry, 0, 0, 0));
    let crc = 0;
    let size = 0;
    let compressedSize = 0;
    for await (const chunk of chunks) {
      crc = crc32(chunk, crc);
      size += chunk.length;
      // Each chunk ends on a byte boundary with a non-final block, so the pieces form one DEFLATE stream.
      const piece = deflateRawSync(chunk, { finishFlush: constants.Z_SYNC_FLUSH });
      compressedSize += piece.length;
      if (size >= MAX_32 || compressedSize >= MAX_32) throw new ZipTooLargeError(name);
      await this.#write(piece);
      await between?.();
    }
    const last = deflateRawSync(Buffer.alloc(0));
    compressedSize += last.length;
    await this.#write(last);
    const descriptor = Buffer.alloc(16);
    descriptor.writeUInt32LE(DATA_DESCRIPTOR, 0);
    descriptor.writeUInt32LE(crc, 4);
    descriptor.writeUInt32LE(compressedSize, 8);
    descriptor.writeUInt32LE(size, 12);
    await this.#write(descriptor);
    await this.#record(entry, crc, compressedSize, size);
  }

  /** Writes the central directory and the end records; the archive is complete afterwards. */
  async end(): Promise<void> {
    const start = this.#offset;
    let size = 0;
    if (this.#directory) {
      await this.#directory.close();
      for await (const chunk of this.#directory.read()) {
        await this.#write(chunk);
        size += chunk.length;
      }
      await this.#directory.remove();
      this.#directory = undefined;
    }
    const zip64 = this.#entries > MAX_16 || start >= MAX_32 || size >= MAX_32;
    if (zip64) {
      const end64 = Buffer.alloc(56 + 20);
      end64.writeUInt32LE(ZIP64_END, 0);
      end64.writeBigUInt64LE(44n, 4);
      end64.writeUInt16LE(45, 12);
      end64.writeUInt16LE(45, 14);
      end64.writeBigUInt64LE(BigInt(this.#entries), 24);
      end64.writeBigUInt64LE(BigInt(this.#entries), 32);
      end64.writeBigUInt64LE(BigInt(size), 40);
      end64.writeBigUInt64LE(BigInt(start), 48);
      end64.writeUInt32LE(ZIP64_LOCATOR, 56);
      end64.writeBigUInt64LE(BigInt(start + size), 64);
      end64.writeUInt32LE(1, 72);
      await this.#write(end64);
    }
    const end = Buffer.alloc(22);
    end.writeUInt32LE(END, 0);
    end.writeUInt16LE(Math.min(this.#entries, MAX_16), 8);
    end.writeUInt16LE(Math.min(this.#entries, MAX_16), 10);
    end.writeUInt32LE(Math.min(size, MAX_32), 12);
    end.writeUInt32LE(Math.min(start, MAX_32), 16);
    await this.#write(end);
    await this.#out.flush();
  }

  /** Deletes the spooled central directory of an archive that will not be finished. */
  async dispose(): Promise<void> {
    await this.#directory?.remove();
    this.#directory = undefined;
  }

  async #write(bytes: Uint8Array): Promise<void> {
    this.#offset += bytes.length;
    await this.#out.push(bytes);
  }

  #localHeader(
    entry: { name: Buffer; flags: number },
    crc: number,
    compressed: number,
    size: number,
  ): Buffer {
    const header = Buffer.alloc(30 + entry.name.length);
    header.writeUInt32LE(LOCAL_HEADER, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(entry.flags, 6);
    header.writeUInt16LE(DEFLATE, 8);
    header.writeUInt16LE(this.#time.time, 10);
    header.writeUInt16LE(this.#time.date, 12);
    header.writeUInt32LE(crc, 14);
    header.writeUInt32LE(compressed, 18);
    header.writeUInt32LE(size, 22);
    header.writeUInt16LE(entry.name.length, 26);
    header.writeUInt16LE(0, 28);
    entry.name.copy(header, 30);
    return header;
  }

  /** Spools the entry's central-directory record (with a ZIP64 offset when its header is beyond 4 GiB). */
  async #record(
    entry: { name: Buffer; flags: number; offset: number },
    crc: number,
    compressed: number,
    size: number,
  ): Promise<void> {
    this.#directory ??= await Spool.create(this.#tmpDir, 'zip-directory');
    const far = entry.offset >= MAX_32;
    const record = Buffer.alloc(46 + entry.name.length + (far ? 12 : 0));
    record.writeUInt32LE(CENTRAL_HEADER, 0);
    record.writeUInt16LE((3 << 8) | (far ? 45 : 20), 4);
    record.writeUInt16LE(far ? 45 : 20, 6);
    record.writeUInt16LE(entry.flags, 8);
    record.writeUInt16LE(DEFLATE, 10);
    record.writeUInt16LE(this.#time.time, 12);
    record.writeUInt16LE(this.#time.date, 14);
    record.writeUInt32LE(crc, 16);
    record.writeUInt32LE(compressed, 20);
    record.writeUInt32LE(size, 24);
    record.writeUInt16LE(entry.name.length, 28);
    record.writeUInt16LE(far ? 12 : 0, 30);
    // Comment length, disk number, internal attributes: 0. External attributes: a regular file, rw-r--r--.
    record.writeUInt32LE((0o100644 << 16) >>> 0, 38);
    record.writeUInt32LE(far ? MAX_32 : entry.offset, 42);
    entry.name.copy(record, 46);
    if (far) {
      const extra = 46 + entry.name.length;
      record.writeUInt16LE(0x0001, extra);
      record.writeUInt16LE(8, extra + 2);
      record.writeBigUInt64LE(BigInt(entry.offset), extra + 4);
    }
    await this.#directory.write(record);
    this.#entries++;
  }
}
