/**
 * Dataset exports: requesting one (a row the job relay picks up, see jobs/exports.ts), following its
 * progress, canceling, repeating it with the same options and `asOf`, and downloading its file.
 *
 * An export freezes `asOf` (the request time) and the project's params version, so a repeat writes the same
 * bytes while the data is unchanged. Requesting and downloading are recorded in the audit log: both hand
 * the organization's data to someone.
 */
import type { Readable } from 'node:stream';
import { type DatasetFormatId, datasetFormat, datasetFormatsFor } from '@groundwork/domain';
import type { BlobStore } from '../blobs/index.ts';
import { recordAudit } from '../commands/record-audit.ts';
import type { Database, Db } from '../db/database.ts';
import { ApiError, invalid, notFound } from '../errors.ts';
import { isId, newId } from '../lib/ids.ts';
import {
  cancelExport,
  type ExportRow,
  exportBatchId,
  findExport,
  insertExport,
  listExports,
} from '../repositories/exports.ts';
import { findProjectById, findProjectByName, type ProjectRow } from '../repositories/projects.ts';
import { readExportOptions } from './export-writers/options.ts';
import type { ExportOptions, ExportStatusFilter } from './export-writers/types.ts';
import { actorOf, type Principal } from './principal.ts';

/** Most exports a list returns. */
export const EXPORT_LIST_LIMIT = 100;

/** What a caller asks to export. */
export interface ExportRequest {
  format: DatasetFormatId;
  batch?: string;
  status?: ExportStatusFilter;
  tags?: string[];
  createdAfter?: Date;
  createdBefore?: Date;
  includeAnswers?: boolean;
}

/** An export with its project's name. */
export interface ExportView {
  row: ExportRow;
  project: string;
}

/** Export rules. */
export class ExportService {
  readonly #db: Database;
  readonly #blobs: BlobStore;
  readonly #now: () => Date;

  constructor(deps: { db: Database; blobs: BlobStore; now?: () => Date }) {
    this.#db = deps.db;
    this.#blobs = deps.blobs;
    this.#now = deps.now ?? (() => new Date());
  }

  /**
   * Requests an export of a project: 400 naming `format` when the format does not apply to the project's
   * type, `batch` when the project has no such batch. It is queued for a worker.
   */
  async create(p: Principal, projectName: string, request: ExportRequest): Promise<ExportView> {
    const now = this.#now();
    return this.#db.withOrg(p.orgId, async (tx) => {
      const project = await requireProject(tx, p, projectName);
      const applicable = datasetFormatsFor(project.type);
      if (!applicable.some((f) => f.id === request.format)) {
        const names = applicable.map((f) => f.id).join(', ');
        throw invalid(
          `format: ${request.format} does not apply to ${project.type} projects (applicable: ${names})`,
          [{ path: 'format', message: `does not apply to ${project.type} projects; use one of ${names}` }],
        );
      }
      if (request.batch !== undefined) {
        const batchId = await exportBatchId(tx, {
          isTest: p.isTest,
          projectId: project.id,
          name: request.batch,
        });
        if (!batchId) {
          throw invalid(`batch: the project has no batch named ${JSON.stringify(request.batch)}`, [
            { path: 'batch', message: 'not a batch of the project' },
          ]);
        }
      }
      const options: ExportOptions = {
        asOf: now.toISOString(),
        status: request.status ?? 'completed',
        batch: request.batch ?? null,
        tags: [...new Set(request.tags ?? [])],
        createdAfter: request.createdAfter?.toISOString() ?? null,
        createdBefore: request.createdBefore?.toISOString() ?? null,
        includeAnswers: request.includeAnswers ?? false,
      };
      const row = await this.#insert(tx, p, project, request.format, options, project.version, now);
      return { row, project: project.name };
    });
  }

  /** A project's exports, newest first (at most {@link EXPORT_LIST_LIMIT}). */
  async list(p: Principal, projectName: string): Promise<ExportView[]> {
    return this.#db.withOrg(p.orgId, async (tx) => {
      const project = await requireProject(tx, p, projectName);
      const rows = await listExports(tx, {
        isTest: p.isTest,
        projectId: project.id,
        limit: EXPORT_LIST_LIMIT,
      });
      return rows.map((row) => ({ row, project: project.name }));
    });
  }

  /** An export by id, or 404 (also for another organization's). */
  async get(p: Principal, id: string): Promise<ExportView> {
    return this.#db.withOrg(p.orgId, (tx) => requireExport(tx, p, id));
  }

  /**
   * Cancels a queued or running export: its run stops at its next page and leaves no file. Canceling a
   * canceled export changes nothing; a completed or failed one is 409 `export_finished`.
   */
  async cancel(p: Principal, id: string): Promise<ExportView> {
    return this.#db.withOrg(p.orgId, async (tx) => {
      const view = await requireExport(tx, p, id);
      if (view.row.status === 'canceled') return view;
      const canceled = await cancelExport(tx, id, this.#now());
      if (!canceled) {
        throw new ApiError(
          'export_finished',
          `Export ${id} is ${view.row.status === 'completed' ? 'completed' : 'failed'} and cannot be canceled.`,
        );
      }
      await recordAudit({
        tx,
        orgId: p.orgId,
        actor: actorOf(p),
        action: 'export.cancel',
        target: { type: 'dataset_export', id },
        data: { project: view.project, format: canceled.format },
      });
      return { row: canceled, project: view.project };
    });
  }

  /** A new export with the format, options, `asOf` and params version of an earlier one. */
  async repeat(p: Principal, id: string): Promise<ExportView> {
    const now = this.#now();
    return this.#db.withOrg(p.orgId, async (tx) => {
      const { row: original } = await requireExport(tx, p, id);
      const project = await findProjectById(tx, original.projectId);
      if (!project) throw new ApiError('not_found', `The project of export ${id} no longer exists.`);
      const format = datasetFormat(original.format);
      if (!format) throw invalid(`export ${id} has an unknown format ${JSON.stringify(original.format)}`);
      const row = await this.#insert(
        tx,
        p,
        project,
        format.id,
        readExportOptions(original.options),
        original.paramsVersion,
        now,
        id,
      );
      return { row, project: project.name };
    });
  }

  /** A completed export's file, for download (404 until it is completed); recorded in the audit log. */
  async open(p: Principal, id: string): Promise<ExportView & { body: Readable; size: number }> {
    const view = await this.#db.withOrg(p.orgId, async (tx) => {
      const found = await requireExport(tx, p, id);
      if (found.row.status !== 'completed' || !found.row.blobKey) {
        throw new ApiError('not_found', `Export ${id} has no file: it is ${found.row.status}.`);
      }
      await recordAudit({
        tx,
        orgId: p.orgId,
        actor: actorOf(p),
        action: 'export.download',
        target: { type: 'dataset_export', id },
        data: { project: found.project, format: found.row.format, bytes: found.row.bytes },
      });
      return found;
    });
    const blob = await this.#blobs.get(view.row.blobKey ?? '');
    if (!blob) throw new ApiError('not_found', `The file of export ${id} is missing from the blob store.`);
    return { ...view, body: blob.body, size: blob.size };
  }

  async #insert(
    tx: Db,
    p: Principal,
    project: ProjectRow,
    format: DatasetFormatId,
    options: ExportOptions,
    paramsVersion: number,
    now: Date,
    repeatOf?: string,
  ): Promise<ExportRow> {
    const row = await insertExport(tx, {
      id: newId(now.getTime()),
      orgId: p.orgId,
      isTest: p.isTest,
      projectId: project.id,
      format,
      options: options as unknown as Record<string, unknown>,
      status: 'queued',
      paramsVersion,
      requestedBy: p.keyId ?? p.userId,
      createdAt: now,
      updatedAt: now,
    });
    await recordAudit({
      tx,
      orgId: p.orgId,
      actor: actorOf(p),
      action: 'export.create',
      target: { type: 'dataset_export', id: row.id },
      data: {
        project: project.name,
        format,
        paramsVersion,
        options: options as unknown as Record<string, unknown>,
        ...(repeatOf ? { repeatOf } : {}),
      },
    });
    return row;
  }
}

async function requireProject(tx: Db, p: Principal, name: string): Promise<ProjectRow> {
  const project = await findProjectByName(tx, p.isTest, name);
  if (!project) throw notFound('project', name);
  return project;
}

async function requireExport(tx: Db, p: Principal, id: string): Promise<ExportView> {
  const row = isId(id) ? await findExport(tx, p.isTest, id) : undefined;
  if (!row) throw new ApiError('not_found', `No export found with id ${JSON.stringify(id)}.`);
  const project = await findProjectById(tx, row.projectId);
  return { row, project: project?.name ?? row.projectId };
}
