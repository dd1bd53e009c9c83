/**
 * The reads behind a project's overview and the projects list's progress: every figure is aggregated in
 * SQL (counts and sums per status, batch or time bucket), so what leaves the database is a few hundred
 * rows however many tasks and answers there are. Callers pass a transaction scoped to the organization;
 * every statement also names the organization (and the project) explicitly.
 *
 * Time buckets are calendar days or hours in an IANA time zone. {@link bucketStarts} lists them; the
 * per-bucket reads group each row by the bucket that holds it. The transactions run without JIT
 * compilation ({@link withoutJit}).
 */
import { type SQL, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../db/database.ts';

/** The size of a time bucket. */
export type BucketUnit = 'day' | 'hour';

/** Where and when the buckets of a series lie. */
export interface BucketProps {
  unit: BucketUnit;
  /** How many buckets: the last one holds `now`. */
  count: number;
  /** IANA time zone the calendar days and hours are counted in. */
  timezone: string;
  now: Date;
}

/** A project's period: its buckets' starts, `since` (the first start, inclusive) and `until` (exclusive). */
export interface ProjectPeriod {
  orgId: string;
  projectId: string;
  starts: readonly Date[];
  since: Date;
  until: Date;
}

/**
 * Turns JIT compilation off for the rest of the transaction: these aggregates look expensive to the
 * planner, but compiling them costs more than it saves.
 */
export async function withoutJit(tx: Db): Promise<void> {
  await tx.execute(sql`SELECT set_config('jit', 'off', true)`);
}

/** A date the database returned: a Date (node-postgres, PGlite) or its text. */
function toDate(value: unknown): Date {
  return value instanceof Date ? value : new Date(String(value));
}

/**
 * The starts of `count` consecutive buckets ending with the one that holds `now`, and the end of the last
 * (so `count + 1` instants, ascending). Days are calendar days of the zone (23 or 25 hours long on a
 * daylight-saving change); hours are the zone's clock hours.
 */
export async function bucketStarts(tx: Db, props: BucketProps): Promise<Date[]> {
  const rows =
    props.unit === 'day'
      ? await queryRows<{ start: unknown }>(
          tx,
          sql`WITH today AS (
                SELECT date_trunc('day', ${props.now}::timestamptz, ${props.timezone}) AT TIME ZONE ${props.timezone} AS d
              )
              SELECT s AT TIME ZONE ${props.timezone} AS start
                FROM today, generate_series(today.d - make_interval(days => ${props.count - 1}::int),
                                            today.d + interval '1 day', interval '1 day') AS s
               ORDER BY s`,
        )
      : await queryRows<{ start: unknown }>(
          tx,
          // Hours step in absolute time: an hour added to a timestamptz is 3,600 s whatever the zone.
          sql`WITH hour AS (SELECT date_trunc('hour', ${props.now}::timestamptz, ${props.timezone}) AS h)
              SELECT s AS start
                FROM hour, generate_series(hour.h - make_interval(hours => ${props.count - 1}::int),
                                           hour.h + interval '1 hour', interval '1 hour') AS s
               ORDER BY s`,
        );
  return rows.map((r) => toDate(r.start));
}

/** Tasks of a project with one status, stage and batch. */
export interface TaskCountRow {
  status: 'pending' | 'completed' | 'canceled' | 'error';
  stage: 'label' | 'review' | 'done';
  /** Null: tasks outside any batch. */
  batchId: string | null;
  tasks: number;
  /** Completed tasks among them with an agreement, and the sum of their agreements. */
  agreed: number;
  agreementSum: number;
}

/**
 * Every task of the project, counted by status, stage and batch, with the agreement of completed ones:
 * one pass over the project's tasks gives the project's figures and every batch's.
 */
export async function taskCounts(
  tx: Db,
  props: { orgId: string; projectId: string },
): Promise<TaskCountRow[]> {
  const rows = await queryRows<Record<string, unknown>>(
    tx,
    sql`SELECT t.status, t.stage, t.batch_id, count(*)::int AS tasks,
               count(t.agreement) FILTER (WHERE t.status = 'completed')::int AS agreed,
               coalesce(sum(t.agreement::float8) FILTER (WHERE t.status = 'completed'), 0) AS agreement_sum
          FROM tasks t
         WHERE t.org_id = ${props.orgId} AND t.project_id = ${props.projectId}
         GROUP BY t.status, t.stage, t.batch_id`,
  );
  return rows.map((r) => ({
    status: r.status as TaskCountRow['status'],
    stage: r.stage as TaskCountRow['stage'],
    batchId: r.batch_id === null ? null : String(r.batch_id),
    tasks: Number(r.tasks),
    agreed: Number(r.agreed),
    agreementSum: Number(r.agreement_sum),
  }));
}

/** A batch as the overview lists it. */
export interface OverviewBatchRow {
  id: string;
  name: string;
  status: 'staging' | 'in_progress' | 'completed';
  createdAt: Date;
}

/** The project's batches that are not archived, newest first, at most `limit`, and how many there are. */
export async function recentBatches(
  tx: Db,
  props: { orgId: string; isTest: boolean; projectId: string; limit: number },
): Promise<{ rows: OverviewBatchRow[]; total: number }> {
  const rows = await queryRows<Record<string, unknown>>(
    tx,
    sql`SELECT b.id, b.name, b.status, b.created_at, count(*) OVER ()::int AS total
          FROM batches b
         WHERE b.org_id = ${props.orgId} AND b.is_test = ${props.isTest}
           AND b.project_id = ${props.projectId} AND NOT b.archived
         ORDER BY b.created_at DESC, b.id DESC
         LIMIT ${props.limit}`,
  );
  return {
    rows: rows.map((r) => ({
      id: String(r.id),
      name: String(r.name),
      status: r.status as OverviewBatchRow['status'],
      createdAt: toDate(r.created_at),
    })),
    total: rows.length > 0 ? Number(rows[0]?.total) : 0,
  };
}

/**
 * The bucket (0-based) of `column` among `starts`, for rows inside the period: `width_bucket` finds it
 * by binary search over the starts themselves, so a bucket is exactly [its start, the next start).
 */
function bucketOf(column: SQL, starts: readonly Date[]): SQL {
  return sql`width_bucket(${column}, ${sql.param(starts.map((d) => d.toISOString()))}::timestamptz[]) - 1`;
}

/** Tasks completed in one bucket, with their agreement. */
export interface CompletionBucketRow {
  /** The bucket's index in the period's starts. */
  bucket: number;
  completed: number;
  /** Of them, those with an agreement, and the sum of their agreements. */
  agreed: number;
  agreementSum: number;
}

/** Tasks of the project completed in the period, by bucket. */
export async function completionsByBucket(tx: Db, props: ProjectPeriod): Promise<CompletionBucketRow[]> {
  const rows = await queryRows<Record<string, unknown>>(
    tx,
    sql`SELECT ${bucketOf(sql`t.completed_at`, props.starts)} AS bucket, count(*)::int AS completed,
               count(t.agreement)::int AS agreed, coalesce(sum(t.agreement::float8), 0) AS agreement_sum
          FROM tasks t
         WHERE t.org_id = ${props.orgId} AND t.project_id = ${props.projectId} AND t.status = 'completed'
           AND t.completed_at >= ${props.since} AND t.completed_at < ${props.until}
         GROUP BY 1`,
  );
  return rows.map((r) => ({
    bucket: Number(r.bucket),
    completed: Number(r.completed),
    agreed: Number(r.agreed),
    agreementSum: Number(r.agreement_sum),
  }));
}

/** Answers of one stage submitted in one bucket. */
export interface AnswerBucketRow {
  bucket: number;
  stage: 'label' | 'review';
  answers: number;
}

/**
 * Submitted labeling answers and review verdicts of the project in the period, by bucket and stage.
 *
 * Answers are found by time through the BRIN index on `submitted_at`, which reads every answer of the
 * period, whoever's: right for a big project, wasteful for a small one in a busy database. With
 * `throughTasks` they are found through the project's tasks instead (the task index, then each task's
 * answers), which costs the project's size only.
 */
export async function answersByBucket(
  tx: Db,
  props: ProjectPeriod & { throughTasks: boolean },
): Promise<AnswerBucketRow[]> {
  const from = props.throughTasks
    ? sql`tasks t JOIN assignments a ON a.task_id = t.id
         WHERE t.org_id = ${props.orgId} AND t.project_id = ${props.projectId} AND`
    : sql`assignments a WHERE`;
  const rows = await queryRows<Record<string, unknown>>(
    tx,
    sql`SELECT ${bucketOf(sql`a.submitted_at`, props.starts)} AS bucket, a.stage, count(*)::int AS answers
          FROM ${from} a.org_id = ${props.orgId} AND a.project_id = ${props.projectId} AND a.status = 'submitted'
           AND a.submitted_at >= ${props.since} AND a.submitted_at < ${props.until}
         GROUP BY 1, 2`,
  );
  return rows.map((r) => ({
    bucket: Number(r.bucket),
    stage: r.stage as AnswerBucketRow['stage'],
    answers: Number(r.answers),
  }));
}

/** Scored hidden-gold answers given for one workforce in one bucket. */
export interface GoldBucketRow {
  bucket: number;
  /** The workforce the answer was given for (null: none). */
  workforceId: string | null;
  answers: number;
  scoreSum: number;
}

/** Scored evaluation (hidden gold) answers of the project in the period, by bucket and workforce. */
export async function goldByBucket(tx: Db, props: ProjectPeriod): Promise<GoldBucketRow[]> {
  const rows = await queryRows<Record<string, unknown>>(
    tx,
    sql`SELECT ${bucketOf(sql`g.submitted_at`, props.starts)} AS bucket, g.workforce_id,
               count(*)::int AS answers, coalesce(sum(g.score::float8), 0) AS score_sum
          FROM gold_answers g
         WHERE g.org_id = ${props.orgId} AND g.project_id = ${props.projectId} AND g.kind = 'evaluation'
           AND g.status = 'submitted' AND g.score IS NOT NULL
           AND g.submitted_at >= ${props.since} AND g.submitted_at < ${props.until}
         GROUP BY 1, 2`,
  );
  return rows.map((r) => ({
    bucket: Number(r.bucket),
    workforceId: r.workforce_id === null ? null : String(r.workforce_id),
    answers: Number(r.answers),
    scoreSum: Number(r.score_sum),
  }));
}

/** One project of the projects list with its tasks counted. */
export interface ProjectProgressRow {
  id: string;
  name: string;
  type: string;
  archived: boolean;
  createdAt: Date;
  /** Pending tasks in labeling (or not yet started). */
  labeling: number;
  /** Pending tasks waiting for a reviewer. */
  inReview: number;
  completed: number;
  canceled: number;
  error: number;
  /** When its latest task was completed (null: none yet). */
  lastCompletedAt: Date | null;
}

/**
 * Every project of the environment (only archived ones, only active ones, or both), oldest first, each
 * with its tasks counted by status — one statement; each project's tasks are counted through its own
 * index range, so other organizations' tasks are never read.
 */
export async function projectProgress(
  tx: Db,
  props: { orgId: string; isTest: boolean; archived?: boolean },
): Promise<ProjectProgressRow[]> {
  const archived = props.archived === undefined ? sql`` : sql` AND p.archived = ${props.archived}`;
  const rows = await queryRows<Record<string, unknown>>(
    tx,
    sql`SELECT p.id, p.name, p.type, p.archived, p.created_at, c.labeling, c.in_review, c.completed,
               c.canceled, c.error, c.last_completed_at
          FROM projects p
          CROSS JOIN LATERAL (
            SELECT count(*) FILTER (WHERE t.status = 'pending' AND t.stage <> 'review')::int AS labeling,
                   count(*) FILTER (WHERE t.status = 'pending' AND t.stage = 'review')::int AS in_review,
                   count(*) FILTER (WHERE t.status = 'completed')::int AS completed,
                   count(*) FILTER (WHERE t.status = 'canceled')::int AS canceled,
                   count(*) FILTER (WHERE t.status = 'error')::int AS error,
                   max(t.completed_at) FILTER (WHERE t.status = 'completed') AS last_completed_at
              FROM tasks t
             WHERE t.project_id = p.id AND t.org_id = ${props.orgId}
          ) c
         WHERE p.org_id = ${props.orgId} AND p.is_test = ${props.isTest}${archived}
         ORDER BY p.created_at, p.id`,
  );
  return rows.map((r) => ({
    id: String(r.id),
    name: String(r.name),
    type: String(r.type),
    archived: Boolean(r.archived),
    createdAt: toDate(r.created_at),
    labeling: Number(r.labeling),
    inReview: Number(r.in_review),
    completed: Number(r.completed),
    canceled: Number(r.canceled),
    error: Number(r.error),
    lastCompletedAt: r.last_completed_at === null ? null : toDate(r.last_completed_at),
  }));
}
