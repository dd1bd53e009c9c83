/**
 * One run of an export (the `export.run` job): take the export under the relay's fence, count its tasks,
 * stream them in keyset pages through the format's writer into the blob store, and record the file.
 *
 * - **Memory** is bounded by a page (and the one fetched ahead while it is written), never the project:
 *   sections that must come later in the file go through spools in a private temporary directory.
 * - **Nothing half-written**: the file streams into `put` under a key of its own run; the blob store
 *   makes a blob visible only once it is complete (temporary file + rename, or a multipart upload
 *   completed at the end). Cancellation, a failure or a lost fence aborts the stream, so `put` leaves
 *   nothing; a blob finished by a run that no longer holds the export is deleted.
 * - **Progress and cancellation**: after every page `done` is recorded under the run's fence; a refused
 *   write means the export was canceled (or taken over), and the run stops. Long phases without pages
 *   (copying a spool) check the same way every second.
 * - **Idempotent**: a second delivery of the job finds the export no longer queued under its claim and does
 *   nothing; a run that died is claimed again by the relay once silent, and starts over under a new fence
 *   and key.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { datasetFormat } from '@groundwork/domain';
import type { BlobStore } from '../../blobs/index.ts';
import type { Database } from '../../db/database.ts';
import type { JobLog } from '../../jobs/runner.ts';
import { batchNames } from '../../repositories/batches.ts';
import {
  completeExport,
  countExportTasks,
  type ExportAnswerRow,
  type ExportRow,
  type ExportTaskCursor,
  type ExportTaskFilter,
  type ExportTaskRows,
  type ExportTaskShape,
  exportAnswers,
  exportBatchId,
  exportTaskPage,
  failExport,
  recordExportProgress,
  takeExport,
} from '../../repositories/exports.ts';
import { findProjectById, listParamVersions } from '../../repositories/projects.ts';
import { ImageResolver } from './images.ts';
import { exportFileName, readExportOptions } from './options.ts';
import { StreamSink } from './output.ts';
import {
  type AnyExportWriter,
  ExportDataError,
  type ExportLookups,
  type ExportProject,
  type ExportWriter,
  type PageLookups,
  type WriterContext,
} from './types.ts';
import { createExportWriter } from './writers.ts';
import { ZipTooLargeError } from './zip.ts';

/** Tasks per page by default. */
export const EXPORT_PAGE_SIZE = 1000;
/** Pages fetched ahead of the one being written. */
const PAGES_AHEAD = 2;
/** Tasks written between two turns of the event loop. */
const WRITE_SLICE = 200;
/** Least time between two checkpoints of a phase without pages. */
const CHECKPOINT_EVERY_MS = 1000;
/** Batch names remembered per export. */
const BATCH_NAME_CACHE_LIMIT = 10_000;

/** The data of an `export.run` job. */
export interface ExportJob {
  orgId: string;
  exportId: string;
  /** The `updated_at` the relay stamped (ISO 8601): the claim this job holds. */
  fence: string;
}

/** What a run needs. */
export interface ExportRunDeps {
  db: Database;
  blobs: BlobStore;
  log: JobLog;
  now?: () => Date;
  /** Tasks per page (default {@link EXPORT_PAGE_SIZE}). */
  pageSize?: number;
  /** Where spool directories are made (default the OS's temporary directory). */
  tmpRoot?: string;
}

/** How a run ended. */
export type ExportRunOutcome = 'completed' | 'canceled' | 'failed' | 'skipped';

/** The run no longer holds the export: canceled, or claimed again by another run. */
class ExportLostError extends Error {
  override readonly name = 'ExportLostError';
  constructor() {
    super('the export was canceled or taken over');
  }
}

/** Runs one `export.run` job; never throws for what went wrong with the export (it records it). */
export async function runExport(deps: ExportRunDeps, job: ExportJob): Promise<ExportRunOutcome> {
  const { db, log } = deps;
  const now = () => deps.now?.() ?? new Date();
  const claim = new Date(job.fence);
  // The run's own fence (its `started_at`), for every later write of this run.
  const fence = now();
  const row = await db.withOrg(job.orgId, (tx) => takeExport(tx, job.exportId, claim, fence));
  if (!row) return 'skipped';
  const context = { exportId: row.id, format: row.format };
  try {
    const result = await writeExport(deps, row, fence);
    const done = await db.withOrg(job.orgId, (tx) =>
      completeExport(tx, row.id, fence, { ...result, finishedAt: now() }),
    );
    if (!done) {
      await deps.blobs.delete(result.blobKey);
      log.info(context, 'export canceled as it finished; its file was deleted');
      return 'canceled';
    }
    log.info({ ...context, bytes: result.bytes, tasks: result.done }, 'export completed');
    return 'completed';
  } catch (error) {
    if (error instanceof ExportLostError) {
      log.info(context, 'export canceled');
      return 'canceled';
    }
    const known = error instanceof ExportDataError || error instanceof ZipTooLargeError;
    if (!known) log.error({ ...context, err: error }, 'export failed');
    const message = known
      ? (error as Error).message
      : 'The export failed because of an internal error; the server log has the details.';
    await db.withOrg(job.orgId, (tx) => failExport(tx, row.id, fence, { error: message, finishedAt: now() }));
    return 'failed';
  }
}

/** Streams the export's file into the blob store; returns what completes the export. */
async function writeExport(
  deps: ExportRunDeps,
  row: ExportRow,
  fence: Date,
): Promise<{ done: number; blobKey: string; fileName: string; contentType: string; bytes: number }> {
  const { db, blobs } = deps;
  const orgId = row.orgId;
  const format = datasetFormat(row.format);
  if (!format) throw new ExportDataError(`unknown format ${JSON.stringify(row.format)}`);
  const options = readExportOptions(row.options);
  const asOf = new Date(options.asOf);
  const { project, filter } = await db.withOrg(orgId, async (tx) => {
    const found = await findProjectById(tx, row.projectId);
    if (!found) throw new ExportDataError('the project no longer exists');
    const version = (await listParamVersions(tx, [found.id])).find((v) => v.version === row.paramsVersion);
    const exportProject: ExportProject = {
      id: found.id,
      name: found.name,
      type: found.type,
      params: version?.params ?? found.params,
      instruction: version ? version.instruction : found.instruction,
      paramsVersion: row.paramsVersion,
    };
    let batchId: string | null = null;
    if (options.batch !== null) {
      batchId =
        (await exportBatchId(tx, { isTest: row.isTest, projectId: found.id, name: options.batch })) ?? null;
      if (batchId === null)
        throw new ExportDataError(`the batch ${JSON.stringify(options.batch)} no longer exists`);
    }
    const taskFilter: ExportTaskFilter = {
      projectId: found.id,
      isTest: row.isTest,
      asOf,
      status: options.status === 'any' ? null : options.status,
      batchId,
      tags: options.tags,
      createdAfter: options.createdAfter ? new Date(options.createdAfter) : null,
      createdBefore: options.createdBefore ? new Date(options.createdBefore) : null,
    };
    return { project: exportProject, filter: taskFilter };
  });

  const total = await countExportTasks(db, orgId, filter);
  const progress = async (done: number, extra: { total?: number } = {}) => {
    const held = await db.withOrg(orgId, (tx) => recordExportProgress(tx, row.id, fence, { done, ...extra }));
    if (!held) throw new ExportLostError();
  };
  await progress(0, { total });

  const blobKey = `orgs/${orgId}/exports/${row.id}/${fence.getTime()}.${format.extension}`;
  // Room for a few chunks, so the writer goes on while the store writes the previous ones.
  const stream = new PassThrough({ highWaterMark: 2 << 20 });
  const stored = blobs.put(blobKey, stream, { contentType: format.contentType });
  // Observed below; a failure of the store must not go unhandled while the writer is still busy.
  stored.catch(() => {});
  const sink = new StreamSink(stream);
  const tmpDir = await mkdtemp(join(deps.tmpRoot ?? tmpdir(), 'groundwork-export-'));
  let done = 0;
  let lastCheck = Date.now();
  let writer: AnyExportWriter | undefined;
  try {
    const ctx: WriterContext = {
      format,
      project,
      options,
      asOf,
      out: sink,
      tmpDir,
      lookups: lookups(db, orgId, blobs),
      async checkpoint() {
        if (Date.now() - lastCheck < CHECKPOINT_EVERY_MS) return;
        lastCheck = Date.now();
        await progress(done);
      },
    };
    writer = await createExportWriter(ctx);
    // Each page's progress is recorded while the next page is written; a refusal (canceled) stops the
    // run at the page after.
    let recorded: Promise<void> = Promise.resolve();
    done = await streamPages(writer, {
      db,
      orgId,
      filter,
      pageSize: deps.pageSize ?? EXPORT_PAGE_SIZE,
      afterPage: async (count) => {
        await recorded;
        lastCheck = Date.now();
        recorded = progress(count);
        recorded.catch(() => {});
      },
    });
    await recorded;
    await writer.finish();
    stream.end();
    const { size } = await stored;
    return {
      done,
      blobKey,
      fileName: exportFileName(project.name, format, asOf),
      contentType: format.contentType,
      bytes: size,
    };
  } catch (error) {
    // Aborts the upload: the store leaves nothing of a blob whose stream failed.
    stream.destroy(error instanceof Error ? error : new Error(String(error)));
    await stored.catch(() => {});
    throw error;
  } finally {
    await writer?.dispose().catch(() => {});
    await rm(tmpDir, { recursive: true, force: true }).catch(() => {});
  }
}

/**
 * Streams every page of the filter through the writer. The next page (and what it needs: image sizes,
 * batch names...) is fetched while one is written.
 */
async function streamPages<S extends ExportTaskShape>(
  writer: ExportWriter<S>,
  props: {
    db: Database;
    orgId: string;
    filter: ExportTaskFilter;
    pageSize: number;
    afterPage: (done: number) => Promise<void>;
  },
): Promise<number> {
  const { db, orgId, filter, pageSize } = props;
  type Rows = readonly ExportTaskRows[S][];
  interface Pending {
    rows: Promise<Rows>;
    lookups: Promise<PageLookups>;
  }
  // The pages after the one being written are fetched meanwhile (up to PAGES_AHEAD), so the database always
  // has a query to work on: each page's query starts as soon as the rows of the page before it (its cursor)
  // arrive, and its lookups as soon as its own rows do.
  const ahead: Pending[] = [];
  let previous: Promise<Rows> | undefined;
  const fetchMore = () => {
    while (ahead.length <= PAGES_AHEAD) {
      const rows: Promise<Rows> = previous
        ? previous.then((before) => {
            const after = cursorAfter(before, pageSize);
            return after ? exportTaskPage(db, orgId, filter, writer.shape, after, pageSize) : [];
          })
        : exportTaskPage(db, orgId, filter, writer.shape, null, pageSize);
      const lookups = rows.then((r) => (r.length > 0 && writer.prepare ? writer.prepare(r) : {}));
      // Observed in turn; a failure while earlier pages are written must not go unhandled meanwhile.
      rows.catch(() => {});
      lookups.catch(() => {});
      ahead.push({ rows, lookups });
      previous = rows;
    }
  };
  let done = 0;
  for (;;) {
    fetchMore();
    const pending = ahead.shift() as Pending;
    const rows = await pending.rows;
    if (rows.length === 0) break;
    const lookups = await pending.lookups;
    // Written in slices with a turn of the event loop between them, so the rows of the pages ahead are
    // read off the socket (and their lookups sent) while this one is written.
    for (let from = 0; from < rows.length; from += WRITE_SLICE) {
      if (from > 0) await new Promise<void>((resolve) => setImmediate(resolve));
      await writer.page(rows.slice(from, from + WRITE_SLICE), lookups);
    }
    done += rows.length;
    await props.afterPage(done);
    if (rows.length < pageSize) break;
  }
  return done;
}

/** Where the page after `rows` starts, or null when `rows` was the last page. */
function cursorAfter(
  rows: readonly { createdAt: Date; id: string }[],
  pageSize: number,
): ExportTaskCursor | null {
  const last = rows[rows.length - 1];
  return last && rows.length === pageSize ? { createdAt: last.createdAt, id: last.id } : null;
}

/** The per-page lookups of one export. */
function lookups(db: Database, orgId: string, blobs: BlobStore): ExportLookups {
  const names = new Map<string, string>();
  return {
    images: new ImageResolver({ blobs }),
    async batchNames(ids) {
      const missing = ids.filter((id) => !names.has(id));
      if (missing.length > 0) {
        const found = await db.withOrg(orgId, (tx) => batchNames(tx, missing));
        if (names.size + found.size > BATCH_NAME_CACHE_LIMIT) names.clear();
        for (const [id, name] of found) names.set(id, name);
      }
      return new Map(ids.flatMap((id) => (names.has(id) ? [[id, names.get(id) as string]] : [])));
    },
    async answers(taskIds) {
      const rows = await db.withOrg(orgId, (tx) => exportAnswers(tx, [...taskIds]));
      const byTask = new Map<string, ExportAnswerRow[]>();
      for (const answer of rows) {
        const list = byTask.get(answer.taskId);
        if (list) list.push(answer);
        else byTask.set(answer.taskId, [answer]);
      }
      return byTask;
    },
  };
}
