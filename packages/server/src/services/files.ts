/**
 * Files: multipart uploads and URL imports into the blob store, referenced from tasks as
 * `groundwork://files/<id>`.
 */
import type { Readable } from 'node:stream';
import { type BlobStore, BlobTooLargeError } from '../blobs/index.ts';
import type { Config } from '../config.ts';
import type { Database } from '../db/database.ts';
import { ApiError, invalid } from '../errors.ts';
import { isId, newId } from '../lib/ids.ts';
import { SafeFetchError, SsrfBlockedError, safeFetch } from '../net/index.ts';
import { type FileRow, findFile, insertFile } from '../repositories/files.ts';
import { findProjectById, findProjectByName } from '../repositories/projects.ts';
import type { OutboundService } from './outbound.ts';
import { actorOf, type Principal } from './principal.ts';

/** Optional descriptive fields of a file. */
export interface FileFields {
  projectName?: string;
  displayName?: string;
  referenceId?: string;
  metadata?: Record<string, unknown>;
}

/** A blob in the store that is not yet recorded as a file. */
export interface StoredBlob {
  id: string;
  blobKey: string;
  mimeType: string;
  size: number;
  sha256: string;
}

/** A file with its project's name. */
export interface FileView {
  row: FileRow;
  project: string | undefined;
}

/** File rules. */
export class FileService {
  readonly #db: Database;
  readonly #blobs: BlobStore;
  readonly #config: Pick<Config, 'maxFileBytes'>;
  readonly #outbound: OutboundService;

  /** `outbound` holds the address policy of URL imports and records the refused ones. */
  constructor(deps: {
    db: Database;
    blobs: BlobStore;
    config: Pick<Config, 'maxFileBytes'>;
    outbound: OutboundService;
  }) {
    this.#db = deps.db;
    this.#blobs = deps.blobs;
    this.#config = deps.config;
    this.#outbound = deps.outbound;
  }

  /** Stores an uploaded stream. */
  async upload(
    p: Principal,
    input: { body: Readable; mimeType: string; filename?: string; fields: FileFields },
  ): Promise<FileView> {
    return this.#store(p, { ...input, sourceUrl: null });
  }

  /**
   * Downloads `url` (public addresses only, unless the operator allows private ones) and stores it. A
   * refused address answers 400 naming `file_url` and is recorded in the audit log.
   */
  async importUrl(p: Principal, url: string, fields: FileFields): Promise<FileView> {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw invalid('file_url: not a URL', [{ path: 'file_url', message: 'not a URL' }]);
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
      throw invalid('file_url: only http and https URLs can be imported', [
        { path: 'file_url', message: 'unsupported scheme' },
      ]);
    }
    await this.#checkFields(p, fields);
    let response: Awaited<ReturnType<typeof safeFetch>>;
    try {
      response = await safeFetch(parsed.toString(), {
        ...this.#outbound.policy,
        maxBytes: this.#config.maxFileBytes,
        timeoutMs: 60_000,
      });
    } catch (error) {
      if (error instanceof SsrfBlockedError) {
        throw await this.#outbound.refuse(p.orgId, actorOf(p), 'file_url', error, 'request');
      }
      if (error instanceof SafeFetchError) throw new ApiError('fetch_failed', `file_url: ${error.message}`);
      throw error;
    }
    if (response.status < 200 || response.status > 299) {
      response.body.destroy();
      throw new ApiError('fetch_failed', `file_url: the server answered HTTP ${response.status}`);
    }
    const filename = decodeURIComponent(parsed.pathname.split('/').pop() ?? '') || undefined;
    return this.#store(p, {
      body: response.body,
      mimeType:
        (response.contentType ?? 'application/octet-stream').split(';')[0]?.trim() ||
        'application/octet-stream',
      ...(filename ? { filename } : {}),
      fields,
      sourceUrl: parsed.toString(),
    });
  }

  /** A file by id, or 404. */
  async get(p: Principal, id: string): Promise<FileView> {
    return this.#db.withOrg(p.orgId, async (tx) => {
      const row = isId(id) ? await findFile(tx, p.isTest, id) : undefined;
      if (!row) throw new ApiError('not_found', `No file found with id ${JSON.stringify(id)}.`);
      const project = row.projectId ? await findProjectById(tx, row.projectId) : undefined;
      return { row, project: project?.name };
    });
  }

  /** A file's content, for download. */
  async open(p: Principal, id: string): Promise<{ row: FileRow; body: Readable }> {
    const { row } = await this.get(p, id);
    const blob = await this.#blobs.get(row.blobKey);
    if (!blob) throw new ApiError('not_found', `The content of file ${id} is missing from the blob store.`);
    return { row, body: blob.body };
  }

  async #checkFields(p: Principal, fields: FileFields): Promise<string | null> {
    if (fields.projectName === undefined) return null;
    const project = await this.#db.withOrg(p.orgId, (tx) =>
      findProjectByName(tx, p.isTest, fields.projectName ?? ''),
    );
    if (!project) {
      throw invalid(`project_name: no project named ${JSON.stringify(fields.projectName)}`, [
        { path: 'project_name', message: 'not found' },
      ]);
    }
    return project.id;
  }

  /** Streams a blob into the store under a new file id; nothing is recorded yet. */
  async storeBlob(p: Principal, body: Readable, mimeType: string): Promise<StoredBlob> {
    const id = newId();
    const blobKey = `orgs/${p.orgId}/files/${id}`;
    try {
      const stored = await this.#blobs.put(blobKey, body, {
        contentType: mimeType,
        maxBytes: this.#config.maxFileBytes,
      });
      return { id, blobKey, mimeType, ...stored };
    } catch (error) {
      if (error instanceof BlobTooLargeError) {
        throw new ApiError(
          'payload_too_large',
          `The file is larger than the limit of ${this.#config.maxFileBytes} bytes.`,
        );
      }
      throw error;
    }
  }

  /** Deletes a stored blob that will not be recorded. */
  async discardBlob(blob: StoredBlob): Promise<void> {
    await this.#blobs.delete(blob.blobKey);
  }

  /** Records a stored blob as a file; if its fields are refused, the blob is deleted. */
  async recordBlob(
    p: Principal,
    blob: StoredBlob,
    input: { filename?: string; fields: FileFields; sourceUrl: string | null },
  ): Promise<FileView> {
    let row: FileRow | undefined;
    try {
      const projectId = await this.#checkFields(p, input.fields);
      row = await this.#db.withOrg(p.orgId, (tx) =>
        insertFile(tx, {
          id: blob.id,
          orgId: p.orgId,
          isTest: p.isTest,
          projectId,
          displayName: input.fields.displayName ?? input.filename ?? null,
          referenceId: input.fields.referenceId ?? null,
          mimeType: blob.mimeType,
          size: blob.size,
          sha256: blob.sha256,
          blobKey: blob.blobKey,
          sourceUrl: input.sourceUrl,
          metadata: input.fields.metadata ?? {},
        }),
      );
    } finally {
      if (!row) await this.#blobs.delete(blob.blobKey);
    }
    if (!row) {
      throw new ApiError(
        'reference_id_taken',
        `A file with reference_id ${JSON.stringify(input.fields.referenceId)} already exists.`,
      );
    }
    return { row, project: input.fields.projectName };
  }

  async #store(
    p: Principal,
    input: {
      body: Readable;
      mimeType: string;
      filename?: string;
      fields: FileFields;
      sourceUrl: string | null;
    },
  ): Promise<FileView> {
    await this.#checkFields(p, input.fields);
    const blob = await this.storeBlob(p, input.body, input.mimeType);
    return this.recordBlob(p, blob, input);
  }
}
