/**
 * Streaming authenticated encryption of blobs (AES-256-GCM in segments, the construction of Tink's
 * streaming AEAD and of Hoang, Reyhanitabar, Rogaway and Vizár's STREAM): a blob of any size is
 * encrypted and decrypted in constant memory, and any change, reordering, truncation or extension of
 * its bytes is detected.
 *
 * Layout: a 35-byte header — magic (8), data-key version (uint32 BE), salt (16), nonce prefix (7) —
 * then segments of up to {@link SEGMENT_BYTES} plaintext bytes, each followed by its 16-byte tag. Every
 * blob gets its own key, HKDF-SHA256(data key, salt, "groundwork blob v1"), so nonces never repeat
 * across blobs; a segment's nonce is prefix ‖ segment number (uint32 BE) ‖ last-segment flag, so a
 * segment cannot be moved and the end cannot be cut off (the last segment is always present, empty for
 * an empty blob). The header, the organization and the version are authenticated with every segment.
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';

/** First bytes of an encrypted blob (PNG-style: a non-ASCII byte, a name, a line ending, a stop). */
export const BLOB_MAGIC = Buffer.from([0x89, 0x47, 0x57, 0x45, 0x0d, 0x0a, 0x1a, 0x0a]);
/** Plaintext bytes per segment. */
export const SEGMENT_BYTES = 64 * 1024;
const TAG_BYTES = 16;
const SALT_BYTES = 16;
const PREFIX_BYTES = 7;
/** Length of the header before the first segment. */
export const HEADER_BYTES = BLOB_MAGIC.length + 4 + SALT_BYTES + PREFIX_BYTES;
const MAX_SEGMENTS = 2 ** 32 - 1;

/** Raised when an encrypted blob cannot be read: a wrong key, or bytes that were altered, cut or added. */
export class BlobDecryptError extends Error {
  override readonly name = 'BlobDecryptError';
}

/** Whether the first bytes of a stored blob are an encrypted blob's header (else it was stored in clear). */
export function isEncryptedBlob(firstBytes: Buffer): boolean {
  return (
    firstBytes.length >= BLOB_MAGIC.length && firstBytes.subarray(0, BLOB_MAGIC.length).equals(BLOB_MAGIC)
  );
}

/** The data-key version named in an encrypted blob's header. */
export function blobKeyVersion(header: Buffer): number {
  return header.readUInt32BE(BLOB_MAGIC.length);
}

/** Stored size of a blob of `plainBytes` bytes once encrypted. */
export function encryptedSize(plainBytes: number): number {
  const segments = Math.max(1, Math.ceil(plainBytes / SEGMENT_BYTES));
  return HEADER_BYTES + plainBytes + segments * TAG_BYTES;
}

/** Plaintext size of an encrypted blob stored in `storedBytes` bytes (the inverse of {@link encryptedSize}). */
export function plaintextSize(storedBytes: number): number {
  const body = storedBytes - HEADER_BYTES;
  const segments = Math.max(1, Math.ceil(body / (SEGMENT_BYTES + TAG_BYTES)));
  return Math.max(0, body - segments * TAG_BYTES);
}

function blobKey(dataKey: Buffer, salt: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', dataKey, salt, 'groundwork blob v1', 32));
}

function nonce(prefix: Buffer, index: number, last: boolean): Buffer {
  const out = Buffer.alloc(12);
  prefix.copy(out, 0);
  out.writeUInt32BE(index, PREFIX_BYTES);
  out[11] = last ? 1 : 0;
  return out;
}

/**
 * A segment filled from incoming chunks. A full segment is handed on only once more bytes arrive, since
 * only then is it known not to be the last one (whose nonce differs); the caller seals or opens the rest
 * at the end.
 */
class Segments {
  readonly buffer: Buffer;
  filled = 0;

  constructor(size: number) {
    this.buffer = Buffer.allocUnsafe(size);
  }

  /** Copies `chunk` from `from` on, calling `onFull` with each full segment that more bytes follow. */
  fill(chunk: Buffer, from: number, onFull: (segment: Buffer) => void): void {
    let at = from;
    while (at < chunk.length) {
      if (this.filled === this.buffer.length) {
        onFull(this.buffer);
        this.filled = 0;
      }
      const copied = chunk.copy(this.buffer, this.filled, at);
      this.filled += copied;
      at += copied;
    }
  }

  /** The bytes of the segment being filled. */
  rest(): Buffer {
    return this.buffer.subarray(0, this.filled);
  }
}

function associatedData(header: Buffer, context: string): Buffer {
  return Buffer.concat([header, Buffer.from(context, 'utf8')]);
}

/**
 * A transform that encrypts what flows through it. `context` (the organization) is authenticated but
 * not stored: the same context must be given to decrypt.
 */
export class BlobEncryptStream extends Transform {
  readonly #key: Buffer;
  readonly #prefix: Buffer;
  readonly #aad: Buffer;
  readonly #segments = new Segments(SEGMENT_BYTES);
  #index = 0;

  constructor(dataKey: Buffer, version: number, context: string) {
    super();
    const salt = randomBytes(SALT_BYTES);
    this.#prefix = randomBytes(PREFIX_BYTES);
    this.#key = blobKey(dataKey, salt);
    const header = Buffer.alloc(HEADER_BYTES);
    BLOB_MAGIC.copy(header, 0);
    header.writeUInt32BE(version, BLOB_MAGIC.length);
    salt.copy(header, BLOB_MAGIC.length + 4);
    this.#prefix.copy(header, BLOB_MAGIC.length + 4 + SALT_BYTES);
    this.#aad = associatedData(header, context);
    this.push(header);
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    try {
      this.#segments.fill(chunk, 0, (segment) => this.#seal(segment, false));
      callback();
    } catch (error) {
      callback(error as Error);
    }
  }

  override _flush(callback: TransformCallback): void {
    try {
      this.#seal(this.#segments.rest(), true);
      callback();
    } catch (error) {
      callback(error as Error);
    }
  }

  #seal(segment: Buffer, last: boolean): void {
    if (this.#index >= MAX_SEGMENTS) throw new Error('blob too large to encrypt');
    const cipher = createCipheriv('aes-256-gcm', this.#key, nonce(this.#prefix, this.#index, last));
    cipher.setAAD(this.#aad);
    // The output is a new buffer, so the segment buffer can be filled again at once.
    const data = cipher.update(segment);
    cipher.final();
    this.push(data);
    this.push(cipher.getAuthTag());
    this.#index += 1;
  }
}

/**
 * A transform that decrypts what {@link BlobEncryptStream} wrote. `keyFor` gives the data key of the
 * version named in the header (it may load it); a wrong key or altered bytes fail the stream with a
 * {@link BlobDecryptError}.
 */
export class BlobDecryptStream extends Transform {
  readonly #keyFor: (version: number) => Promise<Buffer>;
  readonly #context: string;
  #key: Buffer | undefined;
  #prefix: Buffer | undefined;
  #aad: Buffer | undefined;
  #header: Buffer = Buffer.alloc(0);
  readonly #segments = new Segments(SEGMENT_BYTES + TAG_BYTES);
  #index = 0;

  constructor(keyFor: (version: number) => Promise<Buffer>, context: string) {
    super();
    this.#keyFor = keyFor;
    this.#context = context;
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    if (this.#key) {
      this.#take(chunk, 0, callback);
      return;
    }
    const needed = HEADER_BYTES - this.#header.length;
    this.#header = Buffer.concat([this.#header, chunk.subarray(0, needed)]);
    if (this.#header.length < HEADER_BYTES) {
      callback();
      return;
    }
    this.#start().then(() => this.#take(chunk, needed, callback), callback);
  }

  override _flush(callback: TransformCallback): void {
    try {
      if (!this.#key) throw new BlobDecryptError('the encrypted blob is shorter than its header');
      this.push(this.#open(this.#segments.rest(), true));
      callback();
    } catch (error) {
      callback(error as Error);
    }
  }

  async #start(): Promise<void> {
    const header = this.#header;
    if (!isEncryptedBlob(header)) throw new BlobDecryptError('not an encrypted blob');
    const salt = header.subarray(BLOB_MAGIC.length + 4, BLOB_MAGIC.length + 4 + SALT_BYTES);
    this.#prefix = Buffer.from(header.subarray(BLOB_MAGIC.length + 4 + SALT_BYTES));
    this.#aad = associatedData(header, this.#context);
    this.#key = blobKey(await this.#keyFor(blobKeyVersion(header)), salt);
  }

  #take(chunk: Buffer, from: number, callback: TransformCallback): void {
    try {
      this.#segments.fill(chunk, from, (segment) => this.push(this.#open(segment, false)));
      callback();
    } catch (error) {
      callback(error as Error);
    }
  }

  #open(sealed: Buffer, last: boolean): Buffer {
    if (sealed.length < TAG_BYTES) throw new BlobDecryptError('the encrypted blob was cut short');
    const key = this.#key as Buffer;
    const decipher = createDecipheriv('aes-256-gcm', key, nonce(this.#prefix as Buffer, this.#index, last));
    decipher.setAAD(this.#aad as Buffer);
    decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
    try {
      // Nothing is handed on before final() has checked the tag.
      const plain = decipher.update(sealed.subarray(0, sealed.length - TAG_BYTES));
      decipher.final();
      this.#index += 1;
      return plain;
    } catch {
      throw new BlobDecryptError(
        'cannot decrypt a stored file: it was altered, cut short or extended, or its organization key is not the one it was written with',
      );
    }
  }
}
