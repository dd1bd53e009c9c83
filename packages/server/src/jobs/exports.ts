/**
 * Dataset exports in the background, in two steps over the `dataset_exports` table (the API only writes
 * a `queued` row):
 *
 * 1. The relay (a periodic task) claims queued exports of every organization with `FOR UPDATE SKIP
 *    LOCKED` — and running ones whose run went silent for {@link EXPORT_STALE_MS} (its process died) —
 *    stamps each with a fence (`updated_at`, the export staying `queued`) and queues one `export.run` job
 *    per export in the same transaction. A queued export whose job has not started after
 *    {@link EXPORT_RELAY_LEASE_MS} (the worker holding it died) is claimed again.
 * 2. The job starts the export only if the fence still holds (it becomes `running` under a fence of its
 *    own, see services/export-writers/run.ts): a second delivery of the job, or a run that lost the export
 *    to cancellation or to a newer claim, writes nothing.
 *
 * Exports are heavy (a whole project streamed through one process), so a process runs one at a time.
 */
import type { BlobStore } from '../blobs/index.ts';
import type { Database } from '../db/database.ts';
import { anyExportDue, claimDueExports } from '../repositories/exports.ts';
import { type ExportJob, runExport } from '../services/export-writers/run.ts';
import type { JobLog, JobRunner } from './runner.ts';

/** The queue of export runs. */
export const EXPORT_QUEUE = 'export.run';

/**
 * A running export without progress for this long is considered dead and claimed again. Runs record
 * progress after every page and every second while copying spools, so this is many times any pause.
 */
export const EXPORT_STALE_MS = 5 * 60_000;
/**
 * A queued export whose job has not started this long after the relay queued it is queued again (the
 * worker that held the job died). Jobs waiting behind a long export may be queued twice; the fence makes
 * the older job a no-op.
 */
export const EXPORT_RELAY_LEASE_MS = 10 * 60_000;
/** Most exports claimed by one relay run. */
const RELAY_BATCH = 10;

/** What the export jobs need. */
export interface ExportJobDeps {
  db: Database;
  blobs: BlobStore;
  log: JobLog;
  /** How often the relay looks for queued exports (default 1000 ms). */
  relayEveryMs?: number;
  /** Tasks per page (tests make pages small). */
  pageSize?: number;
  now?: () => Date;
}

/** Registers the relay and the `export.run` queue on a runner. */
export function registerExportJobs(runner: JobRunner, deps: ExportJobDeps): void {
  runner.register<ExportJob>(
    EXPORT_QUEUE,
    async (job) => {
      await runExport(
        {
          db: deps.db,
          blobs: deps.blobs,
          log: deps.log,
          ...(deps.pageSize ? { pageSize: deps.pageSize } : {}),
          ...(deps.now ? { now: deps.now } : {}),
        },
        job,
      );
    },
    // A run records its own failure; pg-boss retries only a job it believes lost, which the fence makes
    // harmless. The relay, not the expiry, brings back exports whose process died.
    { concurrency: 1, expireInSeconds: 6 * 3600, retryLimit: 0 },
  );
  runner.registerPeriodic('exports.relay', deps.relayEveryMs ?? 1000, async () => {
    if ((await relayDueExports(runner, deps)) > 0) runner.notify(EXPORT_QUEUE);
  });
}

/** Claims exports waiting for a run and queues a job for each, in one transaction; returns how many. */
export async function relayDueExports(
  runner: JobRunner,
  deps: Pick<ExportJobDeps, 'db' | 'now'>,
): Promise<number> {
  const now = deps.now?.() ?? new Date();
  const due = {
    relayedBefore: new Date(now.getTime() - EXPORT_RELAY_LEASE_MS),
    staleBefore: new Date(now.getTime() - EXPORT_STALE_MS),
  };
  if (!(await anyExportDue(deps.db.system, due))) return 0;
  return deps.db.withSystem(async (tx) => {
    const claimed = await claimDueExports(tx, now, due, RELAY_BATCH);
    await runner.insert<ExportJob>(
      EXPORT_QUEUE,
      claimed.map((e) => ({ orgId: e.orgId, exportId: e.id, fence: now.toISOString() })),
      { tx },
    );
    return claimed.length;
  });
}
