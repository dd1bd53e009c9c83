/**
 * The consensus-reliability job: every 10 minutes, each project that is not archived and weighs
 * consensus by reliability (`quality.weighted_consensus`) and got labeling answers since the previous run
 * (every such project on the first run) gets its annotators' reliability recomputed from their labeling
 * answers of the last 30 days (`QualityService.refreshProjectReliability`), one
 * project at a time, each in its own short transactions. Idempotent and safe in several processes at
 * once: the write only changes a reliability that differs, and never one measured on gold.
 */
import { createTaskTypeRegistry, type TaskTypeRegistry } from '@groundwork/domain';
import type { Database } from '../db/database.ts';
import { QualityService } from '../services/quality.ts';
import type { JobLog, JobRunner } from './runner.ts';

/** The periodic task's name. */
export const RELIABILITY_TASK = 'quality.reliability';

/** How often reliabilities are recomputed by default: every 10 minutes. */
export const DEFAULT_RELIABILITY_EVERY_MS = 10 * 60_000;

/** What the quality job needs. */
export interface QualityJobDeps {
  db: Database;
  log: JobLog;
  types?: TaskTypeRegistry;
  /** How often to run, in milliseconds (default every 10 minutes). */
  everyMs?: number;
}

/** Registers the reliability job on `runner`. */
export function registerQualityJobs(runner: JobRunner, deps: QualityJobDeps): void {
  const quality = new QualityService({ db: deps.db, types: deps.types ?? createTaskTypeRegistry() });
  // After the first run, only projects with labeling answers since the previous run are recomputed.
  let previousRun: Date | null = null;
  runner.registerPeriodic(RELIABILITY_TASK, deps.everyMs ?? DEFAULT_RELIABILITY_EVERY_MS, async () => {
    const started = Date.now();
    const { refreshed, failed } = await quality.refreshAllReliability(previousRun);
    previousRun = new Date(started);
    for (const f of failed) {
      deps.log.error({ err: f.error, orgId: f.orgId, projectId: f.projectId }, 'reliability refresh failed');
    }
    const written = refreshed.reduce(
      (n, r) => n + r.annotators.filter((a) => a.outcome === 'written').length,
      0,
    );
    deps.log.info(
      { projects: refreshed.length, failed: failed.length, written, ms: Date.now() - started },
      'reliabilities refreshed',
    );
  });
}
