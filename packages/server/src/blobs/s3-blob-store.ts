import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import {
  AbortMultipartUploadCommand,
  type CompletedPart,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
  type S3ClientConfig,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import {
  assertValidBlobKey,
  type BlobStore,
  BlobTooLargeError,
  checkPut,
  type PutOptions,
  toByteStream,
} from './blob-store.ts';

/** Connection settings of an {@link S3BlobStore}; works with AWS S3 and S3-compatible stores. */
export interface S3BlobStoreOptions {
  /** Bucket holding the blobs; it must already exist. */
  bucket: string;
  /** Region of the bucket (any value, such as `us-east-1`, for most S3-compatible stores). */
  region: string;
  /** Endpoint of an S3-compatible store (MinIO, Ceph...), e.g. `https://minio.internal:9000`. */
  endpoint?: string;
  /** Address buckets as `<endpoint>/<bucket>` rather than `<bucket>.<endpoint>`; most non-AWS stores need it. */
  forcePathStyle?: boolean;
  /** Access key; when absent (with the secret), the AWS SDK's default credential chain is used. */
  accessKeyId?: string;
  /** Secret access key, paired with `accessKeyId`. */
  secretAccessKey?: string;
  /** Key prefix inside the bucket, so several deployments can share one bucket (e.g. `groundwork`). */
  prefix?: string;
}

/**
 * Size of each part of a multipart upload, and the most an upload buffers per part in flight.
 * S3 allows at most 10,000 parts, so one blob may hold up to 80 GiB.
 */
export const S3_PART_SIZE = 8 * 1024 * 1024;
const MAX_PARTS = 10_000;
/** Parts uploaded concurrently; bounds memory per `put` to this many parts plus the one being filled. */
const PARTS_IN_FLIGHT = 3;

/**
 * A {@link BlobStore} on S3 or an S3-compatible store.
 *
 * `put` streams: a payload smaller than {@link S3_PART_SIZE} is sent with one PutObject; a larger one
 * with a multipart upload in parts of that size, aborted on any failure (including `maxBytes`), so a
 * failed write never becomes visible. Size and SHA-256 are computed while streaming.
 */
export class S3BlobStore implements BlobStore {
  readonly #client: S3Client;
  readonly #bucket: string;
  readonly #prefix: string;

  /** @param options where the bucket is and how to authenticate. */
  constructor(options: S3BlobStoreOptions) {
    const config: S3ClientConfig = { region: options.region };
    if (options.endpoint !== undefined) {
      config.endpoint = options.endpoint;
      // Many S3-compatible stores reject the SDK's default flexible-checksum headers and trailers.
      config.requestChecksumCalculation = 'WHEN_REQUIRED';
      config.responseChecksumValidation = 'WHEN_REQUIRED';
    }
    if (options.forcePathStyle !== undefined) config.forcePathStyle = options.forcePathStyle;
    if ((options.accessKeyId === undefined) !== (options.secretAccessKey === undefined)) {
      throw new TypeError('accessKeyId and secretAccessKey must be given together');
    }
    if (options.accessKeyId !== undefined && options.secretAccessKey !== undefined) {
      config.credentials = { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey };
    }
    const prefix = (options.prefix ?? '').replace(/^\/+|\/+$/g, '');
    if (prefix !== '') assertValidBlobKey(prefix);
    this.#client = new S3Client(config);
    this.#bucket = options.bucket;
    this.#prefix = prefix === '' ? '' : `${prefix}/`;
  }

  async put(
    key: string,
    body: Readable | Uint8Array,
    opts: PutOptions,
  ): Promise<{ size: number; sha256: string }> {
    checkPut(key, body, opts);
    const source = toByteStream(body);
    const objectKey = this.#objectKey(key);
    const hash = opts.digest === false ? null : createHash('sha256');
    let size = 0;
    let upload: MultipartUpload | undefined;
    const pending: Buffer[] = [];
    let pendingBytes = 0;

    try {
      for await (const chunk of source as AsyncIterable<Buffer | string>) {
        const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
        size += bytes.length;
        if (opts.maxBytes !== undefined && size > opts.maxBytes)
          throw new BlobTooLargeError(key, opts.maxBytes);
        hash?.update(bytes);
        pending.push(bytes);
        pendingBytes += bytes.length;
        while (pendingBytes >= S3_PART_SIZE) {
          const part = takeBytes(pending, S3_PART_SIZE);
          pendingBytes -= S3_PART_SIZE;
          upload ??= await MultipartUpload.start(this.#client, this.#bucket, objectKey, opts.contentType);
          await upload.add(part);
        }
      }
      const rest = takeBytes(pending, pendingBytes);
      if (upload === undefined) {
        await this.#client.send(
          new PutObjectCommand({
            Bucket: this.#bucket,
            Key: objectKey,
            Body: rest,
            ContentLength: rest.length,
            ContentType: opts.contentType,
          }),
        );
      } else {
        if (rest.length > 0) await upload.add(rest);
        await upload.complete();
      }
      return { size, sha256: hash?.digest('hex') ?? '' };
    } catch (error) {
      source.destroy();
      if (upload !== undefined) await upload.abort();
      throw error;
    }
  }

  async get(key: string): Promise<{ body: Readable; size: number; contentType?: string } | undefined> {
    assertValidBlobKey(key);
    try {
      const result = await this.#client.send(
        new GetObjectCommand({ Bucket: this.#bucket, Key: this.#objectKey(key) }),
      );
      if (!(result.Body instanceof Readable)) throw new Error('S3 GetObject returned no readable body');
      const size = result.ContentLength ?? 0;
      return result.ContentType === undefined
        ? { body: result.Body, size }
        : { body: result.Body, size, contentType: result.ContentType };
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }

  async head(key: string): Promise<{ size: number } | undefined> {
    assertValidBlobKey(key);
    try {
      const result = await this.#client.send(
        new HeadObjectCommand({ Bucket: this.#bucket, Key: this.#objectKey(key) }),
      );
      return { size: result.ContentLength ?? 0 };
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    assertValidBlobKey(key);
    await this.#client.send(new DeleteObjectCommand({ Bucket: this.#bucket, Key: this.#objectKey(key) }));
  }

  /** Closes the client's connections; the store must not be used afterwards. */
  destroy(): void {
    this.#client.destroy();
  }

  #objectKey(key: string): string {
    return this.#prefix + key;
  }
}

/** One multipart upload in progress, uploading up to {@link PARTS_IN_FLIGHT} parts at a time. */
class MultipartUpload {
  readonly #client: S3Client;
  readonly #bucket: string;
  readonly #key: string;
  readonly #uploadId: string;
  readonly #parts: CompletedPart[] = [];
  readonly #inFlight = new Set<Promise<void>>();
  #failure: unknown;

  private constructor(client: S3Client, bucket: string, key: string, uploadId: string) {
    this.#client = client;
    this.#bucket = bucket;
    this.#key = key;
    this.#uploadId = uploadId;
  }

  static async start(
    client: S3Client,
    bucket: string,
    key: string,
    contentType: string,
  ): Promise<MultipartUpload> {
    const created = await client.send(
      new CreateMultipartUploadCommand({ Bucket: bucket, Key: key, ContentType: contentType }),
    );
    if (created.UploadId === undefined) throw new Error('S3 CreateMultipartUpload returned no UploadId');
    return new MultipartUpload(client, bucket, key, created.UploadId);
  }

  /** Queues a part; waits while {@link PARTS_IN_FLIGHT} parts are already uploading. */
  async add(part: Buffer): Promise<void> {
    const partNumber = this.#parts.length + 1;
    if (partNumber > MAX_PARTS) throw new Error(`blob exceeds ${MAX_PARTS} parts of ${S3_PART_SIZE} bytes`);
    const completed: CompletedPart = { PartNumber: partNumber };
    this.#parts.push(completed);
    const task = this.#client
      .send(
        new UploadPartCommand({
          Bucket: this.#bucket,
          Key: this.#key,
          UploadId: this.#uploadId,
          PartNumber: partNumber,
          Body: part,
          ContentLength: part.length,
        }),
      )
      .then(
        (result) => {
          completed.ETag = result.ETag;
        },
        (error: unknown) => {
          this.#failure ??= error;
        },
      )
      .finally(() => this.#inFlight.delete(task));
    this.#inFlight.add(task);
    while (this.#inFlight.size >= PARTS_IN_FLIGHT) await Promise.race(this.#inFlight);
    this.#throwIfFailed();
  }

  /** Waits for every part and completes the upload, making the object visible. */
  async complete(): Promise<void> {
    await Promise.all(this.#inFlight);
    this.#throwIfFailed();
    await this.#client.send(
      new CompleteMultipartUploadCommand({
        Bucket: this.#bucket,
        Key: this.#key,
        UploadId: this.#uploadId,
        MultipartUpload: { Parts: this.#parts },
      }),
    );
  }

  /** Abandons the upload so its parts are discarded; best effort, never throws. */
  async abort(): Promise<void> {
    await Promise.allSettled(this.#inFlight);
    try {
      await this.#client.send(
        new AbortMultipartUploadCommand({ Bucket: this.#bucket, Key: this.#key, UploadId: this.#uploadId }),
      );
    } catch {
      // Parts of an upload never completed are invisible; a bucket lifecycle rule reclaims them.
    }
  }

  #throwIfFailed(): void {
    if (this.#failure !== undefined) throw this.#failure;
  }
}

/** Removes exactly `count` bytes from the front of `chunks` (mutating it) and returns them as one buffer. */
function takeBytes(chunks: Buffer[], count: number): Buffer {
  const out = Buffer.allocUnsafe(count);
  let filled = 0;
  while (filled < count) {
    const head = chunks[0];
    if (head === undefined) throw new Error('takeBytes: not enough buffered bytes');
    const needed = count - filled;
    if (head.length <= needed) {
      head.copy(out, filled);
      filled += head.length;
      chunks.shift();
    } else {
      head.copy(out, filled, 0, needed);
      filled += needed;
      chunks[0] = head.subarray(needed);
    }
  }
  return out;
}

/** True for a missing object; a missing bucket is a configuration error and is left to propagate. */
function isNotFound(error: unknown): boolean {
  const name = (error as { name?: string } | undefined)?.name;
  return name === 'NoSuchKey' || name === 'NotFound';
}
