/**
 * The reads behind a person's work overview: the projects they may work with what waits for them there,
 * and their own figures (answers, time, review verdicts, agreement, skips, leases). They are hot
 * statements for `Database.runScopedAll` (after {@link withoutJitStatement}), scoped to the organization
 * by the transaction; every figure is also scoped to the person's own user id. Who may work what is the
 * claim's own definition (eligibility.ts).
 */
import type { RawStatement } from '../db/database.ts';
import { projectOpenTo, slotOpenTo } from './eligibility.ts';

/** The most tasks counted per project and stage: counting stops there. */
export const WAITING_CAP = 10_000;
/** How many of the person's latest answers their median time is taken over. */
export const MEDIAN_WINDOW = 200;

/** Who the overview is for. */
export interface OverviewProps {
  userId: string;
  workforceId: string | null;
  /** Whether review slots count (the person may review). */
  reviews: boolean;
  /** The time of the read: leases live after it are live. */
  now: Date;
  /** Answers submitted since this time count as today's. */
  since: Date;
}

/** One project of the overview. */
export interface OverviewProjectRow {
  id: string;
  name: string;
  type: string;
  instruction: string | null;
  priority: number;
  /** Tasks with a labeling slot the person could lease now (at most {@link WAITING_CAP}). */
  waiting: number;
  /** Tasks with a review slot the person could lease now (at most {@link WAITING_CAP}; 0 unless `reviews`). */
  reviewsWaiting: number;
  /** The person's own live labeling leases in the project (work they resume). */
  inProgress: number;
  /** The person's own live review leases in the project. */
  reviewsInProgress: number;
  /** Set while the person is paused from the project. */
  paused: { at: Date; reason: string } | null;
  /** The project's training gate as it stands for the person (null: the project has none). */
  training: {
    /** Passes the project asks for (`training_required`). */
    required: number;
    /** Active training tasks. */
    available: number;
    answered: number;
    passed: number;
    /** When they passed it (or a manager let them through). */
    passedAt: Date | null;
  } | null;
}

/** A person's own figures. */
export interface WorkerFigures {
  /** Labeling answers submitted, all time. */
  submitted: number;
  /** Labeling answers submitted since `since`. */
  submittedToday: number;
  /** Median time spent on the latest {@link MEDIAN_WINDOW} answers (ms, rounded), null without any. */
  medianTimeMs: number | null;
  /** Answers of theirs a workflow reviewer gave a verdict on, and the verdicts. */
  reviewed: number;
  accepted: number;
  fixed: number;
  rejected: number;
  /** Mean agreement of the rounds they answered whose consensus was reached with more than one answer. */
  agreement: number | null;
  /** Assignments they skipped (labeling and review). */
  skipped: number;
  /** Leases they hold that have not expired (labeling and review). */
  leased: number;
  /** Their answers that were rejected with a comment for them. */
  feedback: number;
}

const WORKER = { user: '$1', workforce: '$2' };

// Count the tasks of project `p` with a slot in `stage` the person may take (checked as the claim
// checks), each task once however many of its slots are open, up to the cap ($3). A task has at most
// `overlap` open labeling slots in a round (one review slot), so reading cap × that many slots finds at
// least cap tasks whenever there are that many: the walk stops there.
const waitingIn = (stage: 'label' | 'review') => {
  const slotsPerTask =
    stage === 'label' ? "greatest(coalesce((p.workflow ->> 'overlap')::integer, 1), 1)" : '1';
  return `(SELECT least(count(DISTINCT open.task_id), $3) FROM (
    SELECT q.task_id FROM work_queue q
     WHERE q.project_id = p.id AND q.stage = '${stage}' AND ${slotOpenTo('q', WORKER)}
     LIMIT $3 * ${slotsPerTask}) open)`;
};

// The projects the person may work now, and any other project where they still hold a live lease (so
// they can get back to it; nothing else waits for them there). $1 user, $2 workforce, $3 cap, $4 whether
// review slots count, $5 now.
const OVERVIEW_PROJECTS_SQL = `
WITH eligible AS (
  SELECT p.id FROM projects p WHERE ${projectOpenTo('p', WORKER)}
), listed AS (
  SELECT id FROM eligible
  UNION
  SELECT a.project_id FROM assignments a
   WHERE a.org_id = current_setting('groundwork.org_id', true) AND a.user_id = $1
     AND a.status = 'leased' AND a.lease_expires_at > $5
), mine AS (
  SELECT a.project_id, count(*) FILTER (WHERE a.stage = 'label') AS label,
         count(*) FILTER (WHERE a.stage = 'review') AS review
    FROM assignments a
   WHERE a.org_id = current_setting('groundwork.org_id', true) AND a.user_id = $1
     AND a.status = 'leased' AND a.lease_expires_at > $5
   GROUP BY a.project_id
)
SELECT p.id, p.name, p.type, p.instruction, p.priority,
       CASE WHEN e.id IS NULL THEN 0 ELSE ${waitingIn('label')} END AS waiting,
       CASE WHEN e.id IS NULL OR NOT $4 THEN 0 ELSE ${waitingIn('review')} END AS reviews_waiting,
       coalesce(m.label, 0) AS in_progress, coalesce(m.review, 0) AS reviews_in_progress,
       s.paused_at, s.pause_reason,
       coalesce((p.quality ->> 'training_required')::integer, 0) AS training_required,
       CASE WHEN coalesce((p.quality ->> 'training_required')::integer, 0) > 0 THEN
         (SELECT count(*) FROM gold_tasks g
           WHERE g.project_id = p.id AND g.kind = 'training' AND NOT g.archived AND NOT g.is_test)
       ELSE 0 END AS training_available,
       coalesce(s.training_answered, 0) AS training_answered, coalesce(s.training_passed, 0) AS training_passed,
       s.training_passed_at
  FROM listed l JOIN projects p ON p.id = l.id LEFT JOIN eligible e ON e.id = l.id
  LEFT JOIN mine m ON m.project_id = l.id
  LEFT JOIN annotator_standings s ON s.project_id = p.id AND s.user_id = $1
 ORDER BY p.priority DESC, p.name, p.id`;

/**
 * Turns PostgreSQL's JIT compilation off for the rest of the transaction; run it before the overview's
 * statements. Their nested loops over a busy person's answers and a project's queue are estimated
 * expensive but run in milliseconds by index; compiling them (over 300 ms, measured at 20,000 answers)
 * would cost more than running them.
 */
export const withoutJitStatement: RawStatement = {
  name: 'groundwork_without_jit',
  text: "SELECT set_config('jit', $1, true)",
  values: ['off'],
};

/** The overview's projects, highest priority first, then by name. */
export function overviewProjectsStatement(props: OverviewProps): RawStatement {
  return {
    name: 'groundwork_work_overview_projects',
    text: OVERVIEW_PROJECTS_SQL,
    values: [props.userId, props.workforceId, WAITING_CAP, props.reviews, props.now],
  };
}

/** The rows of {@link overviewProjectsStatement}. */
export function overviewProjectsFromRaw(rows: unknown[]): OverviewProjectRow[] {
  return (rows as Record<string, unknown>[]).map((r) => ({
    id: r.id as string,
    name: r.name as string,
    type: r.type as string,
    instruction: (r.instruction as string | null) ?? null,
    priority: Number(r.priority),
    waiting: Number(r.waiting),
    reviewsWaiting: Number(r.reviews_waiting),
    inProgress: Number(r.in_progress),
    reviewsInProgress: Number(r.reviews_in_progress),
    paused: r.paused_at
      ? { at: new Date(r.paused_at as string), reason: (r.pause_reason as string | null) ?? '' }
      : null,
    training:
      Number(r.training_required) > 0 && Number(r.training_available) > 0
        ? {
            required: Number(r.training_required),
            available: Number(r.training_available),
            answered: Number(r.training_answered),
            passed: Number(r.training_passed),
            passedAt: r.training_passed_at ? new Date(r.training_passed_at as string) : null,
          }
        : null,
  }));
}

// The person's figures. `answers` are their submitted labeling answers (found by
// `assignments_user_idx`), walked once: for each, the latest verdict of a workflow reviewer on its task
// and round (by `reviews_task_idx`; the customer's audits judge the delivered result, not an answer), and
// the agreement of its round when that round is still the task's (a rejection clears it) and its
// consensus merged more than one answer (the task by primary key: LIMIT 1 keeps the planner from hashing
// the organization's tasks instead). $1 user, $2 since, $3 now.
const WORKER_FIGURES_SQL = `
WITH answers AS (
  SELECT a.id, a.task_id, a.round, a.submitted_at, a.time_spent_ms, a.feedback FROM assignments a
   WHERE a.org_id = current_setting('groundwork.org_id', true) AND a.user_id = $1
     AND a.status = 'submitted' AND a.stage = 'label'
), judged AS (
  SELECT count(*) AS submitted,
         count(*) FILTER (WHERE x.submitted_at >= $2) AS submitted_today,
         count(v.verdict) AS reviewed,
         count(*) FILTER (WHERE v.verdict = 'accept') AS accepted,
         count(*) FILTER (WHERE v.verdict = 'fix') AS fixed,
         count(*) FILTER (WHERE v.verdict = 'reject') AS rejected,
         avg(k.agreement) AS agreement,
         count(*) FILTER (WHERE x.feedback IS NOT NULL) AS feedback
    FROM answers x
    LEFT JOIN LATERAL (
      SELECT r.verdict FROM reviews r
       WHERE r.task_id = x.task_id AND r.round = x.round AND r.source = 'reviewer'
       ORDER BY r.created_at DESC, r.id DESC
       LIMIT 1) v ON true
    LEFT JOIN LATERAL (
      SELECT t.agreement FROM tasks t
       WHERE t.id = x.task_id AND t.round = x.round AND t.agreement IS NOT NULL
         AND EXISTS (SELECT 1 FROM assignments o
                      WHERE o.task_id = x.task_id AND o.stage = 'label' AND o.round = x.round
                        AND o.status = 'submitted' AND o.id <> x.id)
       LIMIT 1) k ON true
)
SELECT j.*,
       (SELECT count(*) FROM gold_answers g
         WHERE g.org_id = current_setting('groundwork.org_id', true) AND g.user_id = $1
           AND g.status = 'submitted') AS gold_submitted,
       (SELECT count(*) FROM gold_answers g
         WHERE g.org_id = current_setting('groundwork.org_id', true) AND g.user_id = $1
           AND g.status = 'submitted' AND g.submitted_at >= $2) AS gold_submitted_today,
       (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY latest.time_spent_ms) FROM (
          SELECT time_spent_ms FROM answers WHERE time_spent_ms IS NOT NULL
           ORDER BY submitted_at DESC, id DESC LIMIT ${MEDIAN_WINDOW}) latest) AS median_time_ms,
       (SELECT count(*) FROM assignments a
         WHERE a.org_id = current_setting('groundwork.org_id', true) AND a.user_id = $1
           AND a.status = 'skipped') AS skipped,
       (SELECT count(*) FROM assignments a
         WHERE a.org_id = current_setting('groundwork.org_id', true) AND a.user_id = $1
           AND a.status = 'leased' AND a.lease_expires_at > $3) AS leased
  FROM judged j`;

/** The person's own figures. */
export function workerFiguresStatement(props: OverviewProps): RawStatement {
  return {
    name: 'groundwork_worker_figures',
    text: WORKER_FIGURES_SQL,
    values: [props.userId, props.since, props.now],
  };
}

const nullableNumber = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

/** The row of {@link workerFiguresStatement}. */
export function workerFiguresFromRaw(rows: unknown[]): WorkerFigures {
  const r = (rows[0] ?? {}) as Record<string, unknown>;
  const median = nullableNumber(r.median_time_ms);
  return {
    // Gold answers count like any other, so a hidden evaluation task does not show by a count that stays put.
    submitted: Number(r.submitted ?? 0) + Number(r.gold_submitted ?? 0),
    submittedToday: Number(r.submitted_today ?? 0) + Number(r.gold_submitted_today ?? 0),
    medianTimeMs: median === null ? null : Math.round(median),
    reviewed: Number(r.reviewed ?? 0),
    accepted: Number(r.accepted ?? 0),
    fixed: Number(r.fixed ?? 0),
    rejected: Number(r.rejected ?? 0),
    agreement: nullableNumber(r.agreement),
    skipped: Number(r.skipped ?? 0),
    leased: Number(r.leased ?? 0),
    feedback: Number(r.feedback ?? 0),
  };
}
