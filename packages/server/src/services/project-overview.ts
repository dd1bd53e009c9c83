/**
 * A project's overview — where its tasks stand (by status, stage and batch) and how work went over a
 * period (tasks completed, answers and reviews submitted, agreement, hidden-gold accuracy per workforce,
 * per day or hour) — and the progress of every project for the console's projects list.
 *
 * Everything is counted in SQL (repositories/project-overview.ts), in one read transaction scoped to the
 * caller's organization; this module only places the aggregated rows into dense series: every bucket of
 * the period is present, with 0 for counts and null for means where nothing happened.
 */
import { readWorkflow } from '@groundwork/domain';
import type { Database } from '../db/database.ts';
import { ApiError, invalid, notFound } from '../errors.ts';
import {
  type AnswerBucketRow,
  answersByBucket,
  type BucketUnit,
  bucketStarts,
  type CompletionBucketRow,
  completionsByBucket,
  type GoldBucketRow,
  goldByBucket,
  type OverviewBatchRow,
  type ProjectProgressRow,
  projectProgress,
  recentBatches,
  type TaskCountRow,
  taskCounts,
  withoutJit,
} from '../repositories/project-overview.ts';
import { findProjectByName } from '../repositories/projects.ts';
import { listWorkforces } from '../repositories/workforces.ts';
import type { Principal } from './principal.ts';

/** Most batches an overview lists (the newest that are not archived); `batches.total` counts them all. */
export const OVERVIEW_BATCH_LIMIT = 50;

/**
 * Projects with at most this many tasks find their answers through their tasks rather than by time
 * (see `answersByBucket`): a few thousand index probes beat reading every answer of the period.
 */
export const SMALL_PROJECT_TASKS = 20_000;

/** Longest period of an overview, in days. */
export const MAX_OVERVIEW_DAYS = 365;

/** Longest period that may be bucketed by hour, in days (744 buckets). */
export const MAX_HOURLY_DAYS = 31;

/** Tasks by status. */
export interface StatusCounts {
  pending: number;
  completed: number;
  canceled: number;
  error: number;
}

/** A mean over some number of things; null when there were none. */
export interface Mean {
  mean: number | null;
  /** How many things the mean is over. */
  n: number;
}

/** One batch's progress. */
export interface BatchProgress {
  name: string;
  status: OverviewBatchRow['status'];
  createdAt: Date;
  total: number;
  counts: StatusCounts;
  /** Completed tasks over all its tasks, 0..1; null for a batch without tasks. */
  completedShare: number | null;
}

/** Work done in one bucket. */
export interface ThroughputPoint {
  /** The bucket's start (it ends where the next starts). */
  start: Date;
  tasksCompleted: number;
  /** Labeling answers submitted on the project's tasks (hidden gold not included). */
  answersSubmitted: number;
  /** Review verdicts submitted by the workflow's reviewers. */
  reviewsDone: number;
}

/** A mean in one bucket. */
export interface MeanPoint extends Mean {
  start: Date;
}

/** Hidden-gold accuracy of the answers given for one workforce. */
export interface WorkforceGold {
  /** Null: answers given without a workforce (the organization's own, unassigned people). */
  workforce: { id: string; name: string } | null;
  /** Over the whole period. */
  overall: Mean;
  /** One point per bucket. */
  series: MeanPoint[];
}

/** A project's overview. */
export interface ProjectOverview {
  project: {
    name: string;
    type: string;
    archived: boolean;
    /** Annotators per task: with 1, every completed task's agreement is 1 by definition. */
    overlap: number;
  };
  days: number;
  bucket: BucketUnit;
  timezone: string;
  /** The first bucket's start. */
  since: Date;
  /** The last bucket's end. */
  until: Date;
  /** Every task of the project, whatever the period. */
  tasks: {
    total: number;
    byStatus: StatusCounts;
    byStage: { label: number; review: number; done: number };
    /** Pending tasks in labeling (or not started). */
    labeling: number;
    /** Pending tasks waiting for a reviewer. */
    inReview: number;
    /** Tasks outside any batch. */
    unbatched: number;
    /** Mean agreement of the completed tasks that have one. */
    agreement: Mean;
  };
  batches: { total: number; items: BatchProgress[] };
  /** Totals of the period. */
  period: {
    tasksCompleted: number;
    answersSubmitted: number;
    reviewsDone: number;
    agreement: Mean;
    gold: Mean;
  };
  throughput: ThroughputPoint[];
  /** Mean agreement of the tasks completed in each bucket. */
  agreement: MeanPoint[];
  gold: {
    /** Mean score of the hidden-gold answers submitted in each bucket. */
    series: MeanPoint[];
    /** Per workforce with gold answers in the period, most answers first. */
    workforces: WorkforceGold[];
  };
}

/** A project with its tasks counted, for the projects list. */
export interface ProjectProgress {
  name: string;
  type: string;
  archived: boolean;
  createdAt: Date;
  tasks: {
    total: number;
    labeling: number;
    inReview: number;
    completed: number;
    canceled: number;
    error: number;
  };
  lastCompletedAt: Date | null;
}

/** What an overview covers. */
export interface OverviewQuery {
  /** Buckets of the period: the last `days` calendar days (the current one included). */
  days: number;
  bucket: BucketUnit;
  /** IANA time zone the days and hours are counted in. */
  timezone: string;
}

const mean = (sum: number, n: number): Mean => ({ mean: n > 0 ? sum / n : null, n });

/**
 * Folds per-bucket rows into one dense array, one point per start: `make` gives a bucket's zero value,
 * `add` adds a row into its bucket. Rows with a bucket outside the period are ignored.
 */
export function denseSeries<P, R extends { bucket: number }>(
  starts: readonly Date[],
  rows: readonly R[],
  make: (start: Date) => P,
  add: (point: P, row: R) => void,
): P[] {
  const points = starts.map(make);
  for (const row of rows) {
    const point = points[row.bucket];
    if (point !== undefined) add(point, row);
  }
  return points;
}

/** Sums per bucket before they become means. */
interface SumPoint {
  start: Date;
  sum: number;
  n: number;
}

const toMeanPoint = (p: SumPoint): MeanPoint => ({ start: p.start, ...mean(p.sum, p.n) });

/** The task figures of an overview from the status × stage × batch counts. */
export function foldTaskCounts(rows: readonly TaskCountRow[]): ProjectOverview['tasks'] {
  const byStatus: StatusCounts = { pending: 0, completed: 0, canceled: 0, error: 0 };
  const byStage = { label: 0, review: 0, done: 0 };
  let total = 0;
  let inReview = 0;
  let unbatched = 0;
  let agreed = 0;
  let agreementSum = 0;
  for (const row of rows) {
    total += row.tasks;
    byStatus[row.status] += row.tasks;
    byStage[row.stage] += row.tasks;
    if (row.status === 'pending' && row.stage === 'review') inReview += row.tasks;
    if (row.batchId === null) unbatched += row.tasks;
    agreed += row.agreed;
    agreementSum += row.agreementSum;
  }
  return {
    total,
    byStatus,
    byStage,
    labeling: byStatus.pending - inReview,
    inReview,
    unbatched,
    agreement: mean(agreementSum, agreed),
  };
}

/** The progress of `batches` from the project's status × stage × batch counts. */
export function foldBatches(
  batches: readonly OverviewBatchRow[],
  counts: readonly TaskCountRow[],
): BatchProgress[] {
  const byBatch = new Map<string, StatusCounts>();
  for (const row of counts) {
    if (row.batchId === null) continue;
    const c = byBatch.get(row.batchId) ?? { pending: 0, completed: 0, canceled: 0, error: 0 };
    c[row.status] += row.tasks;
    byBatch.set(row.batchId, c);
  }
  return batches.map((b): BatchProgress => {
    const c = byBatch.get(b.id) ?? { pending: 0, completed: 0, canceled: 0, error: 0 };
    const total = c.pending + c.completed + c.canceled + c.error;
    return {
      name: b.name,
      status: b.status,
      createdAt: b.createdAt,
      total,
      counts: c,
      completedShare: total > 0 ? c.completed / total : null,
    };
  });
}

/** The period's series from the per-bucket rows. */
export function foldSeries(
  starts: readonly Date[],
  rows: {
    completions: readonly CompletionBucketRow[];
    answers: readonly AnswerBucketRow[];
    gold: readonly GoldBucketRow[];
  },
  workforceNames: ReadonlyMap<string, string>,
): Pick<ProjectOverview, 'period' | 'throughput' | 'agreement' | 'gold'> {
  const throughput = denseSeries<ThroughputPoint, CompletionBucketRow>(
    starts,
    rows.completions,
    (start) => ({ start, tasksCompleted: 0, answersSubmitted: 0, reviewsDone: 0 }),
    (p, r) => {
      p.tasksCompleted += r.completed;
    },
  );
  for (const row of rows.answers) {
    const point = throughput[row.bucket];
    if (!point) continue;
    if (row.stage === 'label') point.answersSubmitted += row.answers;
    else point.reviewsDone += row.answers;
  }
  const agreementSums = denseSeries<SumPoint, CompletionBucketRow>(
    starts,
    rows.completions,
    (start) => ({ start, sum: 0, n: 0 }),
    (p, r) => {
      p.sum += r.agreementSum;
      p.n += r.agreed;
    },
  );
  const goldSums = denseSeries<SumPoint, GoldBucketRow>(
    starts,
    rows.gold,
    (start) => ({ start, sum: 0, n: 0 }),
    (p, r) => {
      p.sum += r.scoreSum;
      p.n += r.answers;
    },
  );
  const byWorkforce = new Map<string | null, GoldBucketRow[]>();
  for (const row of rows.gold) {
    if (row.bucket < 0 || row.bucket >= starts.length) continue;
    byWorkforce.set(row.workforceId, [...(byWorkforce.get(row.workforceId) ?? []), row]);
  }
  const workforces = [...byWorkforce].map(([id, wfRows]): WorkforceGold => {
    const sums = denseSeries<SumPoint, GoldBucketRow>(
      starts,
      wfRows,
      (start) => ({ start, sum: 0, n: 0 }),
      (p, r) => {
        p.sum += r.scoreSum;
        p.n += r.answers;
      },
    );
    return {
      workforce: id === null ? null : { id, name: workforceNames.get(id) ?? id },
      overall: mean(
        sums.reduce((s, p) => s + p.sum, 0),
        sums.reduce((s, p) => s + p.n, 0),
      ),
      series: sums.map(toMeanPoint),
    };
  });
  // Most answers first; ties by name, the unassigned last, so the order is stable.
  workforces.sort(
    (a, b) =>
      b.overall.n - a.overall.n ||
      (a.workforce === null ? 1 : 0) - (b.workforce === null ? 1 : 0) ||
      (a.workforce?.name ?? '').localeCompare(b.workforce?.name ?? ''),
  );
  const total = (points: readonly SumPoint[]) =>
    mean(
      points.reduce((s, p) => s + p.sum, 0),
      points.reduce((s, p) => s + p.n, 0),
    );
  return {
    period: {
      tasksCompleted: throughput.reduce((s, p) => s + p.tasksCompleted, 0),
      answersSubmitted: throughput.reduce((s, p) => s + p.answersSubmitted, 0),
      reviewsDone: throughput.reduce((s, p) => s + p.reviewsDone, 0),
      agreement: total(agreementSums),
      gold: total(goldSums),
    },
    throughput,
    agreement: agreementSums.map(toMeanPoint),
    gold: { series: goldSums.map(toMeanPoint), workforces },
  };
}

/**
 * The IANA zone name as the server knows it (`utc` → `UTC`), or a 400 naming `timezone`. Only names:
 * PostgreSQL reads an offset like `+05:00` as POSIX does, with the sign reversed.
 */
export function checkTimezone(timezone: string): string {
  const problem = invalid(`timezone: unknown time zone ${JSON.stringify(timezone)}`, [
    { path: 'timezone', message: 'must be an IANA time zone name, e.g. Europe/Paris or UTC' },
  ]);
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]{0,63}$/.test(timezone)) throw problem;
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: timezone }).resolvedOptions().timeZone;
  } catch {
    throw problem;
  }
}

/** PostgreSQL's "invalid parameter value" (e.g. a time zone its own tz database does not know). */
function isInvalidParameter(error: unknown): boolean {
  const codeOf = (e: unknown) => (e && typeof e === 'object' && 'code' in e ? e.code : undefined);
  const cause = error && typeof error === 'object' && 'cause' in error ? error.cause : undefined;
  return codeOf(error) === '22023' || codeOf(cause) === '22023';
}

/** Reads project overviews and the projects list's progress. */
export class ProjectOverviewService {
  readonly #db: Database;
  readonly #now: () => Date;
  readonly #smallProjectTasks: number;

  /** `smallProjectTasks` (default {@link SMALL_PROJECT_TASKS}) lets tests take either way to the answers. */
  constructor(deps: { db: Database; now?: () => Date; smallProjectTasks?: number }) {
    this.#db = deps.db;
    this.#now = deps.now ?? (() => new Date());
    this.#smallProjectTasks = deps.smallProjectTasks ?? SMALL_PROJECT_TASKS;
  }

  /**
   * The overview of the caller's project `name` over the last `days` calendar days (or `days × 24` clock
   * hours) of `timezone`, the current one included. 404 for a project of another organization or
   * environment; 400 naming `timezone` or `bucket` for an unknown zone or a too long hourly period.
   */
  async overview(p: Principal, name: string, query: OverviewQuery): Promise<ProjectOverview> {
    const timezone = checkTimezone(query.timezone);
    if (query.days < 1 || query.days > MAX_OVERVIEW_DAYS || !Number.isInteger(query.days)) {
      throw invalid(`days: must be a whole number from 1 to ${MAX_OVERVIEW_DAYS}`, [
        { path: 'days', message: `must be a whole number from 1 to ${MAX_OVERVIEW_DAYS}` },
      ]);
    }
    if (query.bucket === 'hour' && query.days > MAX_HOURLY_DAYS) {
      throw invalid(`bucket: hourly buckets cover at most ${MAX_HOURLY_DAYS} days`, [
        { path: 'bucket', message: `hour needs days ≤ ${MAX_HOURLY_DAYS}; use day` },
      ]);
    }
    const now = this.#now();
    try {
      return await this.#db.withOrg(p.orgId, async (tx) => {
        const project = await findProjectByName(tx, p.isTest, name);
        if (!project) throw notFound('project', name);
        await withoutJit(tx);
        const scope = { orgId: p.orgId, projectId: project.id };
        const starts = await bucketStarts(tx, {
          unit: query.bucket,
          count: query.bucket === 'day' ? query.days : query.days * 24,
          timezone,
          now,
        });
        const end = starts.pop();
        const since = starts[0];
        if (!end || !since) throw new Error('no buckets');
        const period = { ...scope, starts, since, until: end };
        // One after the other: a transaction is one connection, which runs one query at a time.
        const counts = await taskCounts(tx, scope);
        const batches = await recentBatches(tx, {
          ...scope,
          isTest: p.isTest,
          limit: OVERVIEW_BATCH_LIMIT,
        });
        const completions = await completionsByBucket(tx, period);
        const tasks = foldTaskCounts(counts);
        const answers = await answersByBucket(tx, {
          ...period,
          throughTasks: tasks.total <= this.#smallProjectTasks,
        });
        const gold = await goldByBucket(tx, period);
        const workforceNames = new Map(
          gold.some((g) => g.workforceId !== null)
            ? (await listWorkforces(tx)).map((w) => [w.id, w.name] as const)
            : [],
        );
        return {
          project: {
            name: project.name,
            type: project.type,
            archived: project.archived,
            overlap: readWorkflow(project.workflow).overlap,
          },
          days: query.days,
          bucket: query.bucket,
          timezone,
          since,
          until: end,
          tasks,
          batches: { total: batches.total, items: foldBatches(batches.rows, counts) },
          ...foldSeries(starts, { completions, answers, gold }, workforceNames),
        };
      });
    } catch (error) {
      if (!(error instanceof ApiError) && isInvalidParameter(error)) {
        throw invalid(`timezone: the database does not know the time zone ${JSON.stringify(timezone)}`, [
          { path: 'timezone', message: 'unknown to the database' },
        ]);
      }
      throw error;
    }
  }

  /** Every project of the caller's environment (filtered by `archived` when given), oldest first, with its tasks counted. */
  async progress(p: Principal, query: { archived?: boolean }): Promise<ProjectProgress[]> {
    const rows = await this.#db.withOrg(p.orgId, async (tx) => {
      await withoutJit(tx);
      return projectProgress(tx, {
        orgId: p.orgId,
        isTest: p.isTest,
        ...(query.archived !== undefined ? { archived: query.archived } : {}),
      });
    });
    return rows.map(presentableProgress);
  }
}

function presentableProgress(row: ProjectProgressRow): ProjectProgress {
  return {
    name: row.name,
    type: row.type,
    archived: row.archived,
    createdAt: row.createdAt,
    tasks: {
      total: row.labeling + row.inReview + row.completed + row.canceled + row.error,
      labeling: row.labeling,
      inReview: row.inReview,
      completed: row.completed,
      canceled: row.canceled,
      error: row.error,
    },
    lastCompletedAt: row.lastCompletedAt,
  };
}
