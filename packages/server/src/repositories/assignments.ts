/**
 * Assignments and the open-work queue: leasing (claim with SKIP LOCKED), returning slots, and the reads
 * the workbench and the workflow need. Callers pass a transaction scoped to the organization, except
 * `reapExpiredLeases`, which runs on the owner's connection across organizations (a job).
 */
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { type Db, queryRows, type RawStatement, rawQuery } from '../db/database.ts';
import { assignments, reviews, workQueue } from '../db/schema.ts';
import { sealFieldText } from '../keys/field-cipher.ts';
import { projectOpenTo, slotOpenTo, standingAllows } from './eligibility.ts';
import { rawDate, rawJson, rawNumber, rawSealed } from './raw-values.ts';
import type { TaskRow } from './tasks.ts';

/** An assignment row. */
export type AssignmentRow = typeof assignments.$inferSelect;
/** A review row. */
export type ReviewRow = typeof reviews.$inferSelect;
/** The stages work is done in. */
export type WorkStage = AssignmentRow['stage'];

/** A freshly leased assignment with what the worker needs of its task. */
export interface LeasedAssignment {
  assignment: AssignmentRow;
  task: {
    id: string;
    type: string;
    params: Record<string, unknown>;
    instruction: string | null;
    projectId: string;
    batchId: string | null;
    stageResponse: unknown;
    agreement: number | null;
    round: number;
  };
  /** What decides whether the lease is masked: the project's stored redaction policy, the workforce's kind. */
  masking: LeaseMasking;
}

/** The project's stored redaction policy (`{}`: none) and the kind of the holder's workforce (null: none). */
export interface LeaseMasking {
  /** `projects.redaction` as stored. */
  policy: unknown;
  /** The kind of the workforce the person works through; null when none (or the project masks nobody). */
  workforceKind: 'internal' | 'vendor' | null;
}

// The caller's eligible projects (see eligibility.ts, shared with the work overview). Then the best
// open slot of those projects the caller may take is locked (others skip it), removed from the queue
// and leased. The slot is found by walking a claim index in order: `work_queue_project_claim_idx` when
// the caller asked for one project ($6), `work_queue_org_claim_idx` (filtered by the eligible projects)
// otherwise.
// `gated` adds the person's standing (not paused, training passed) to eligibility; the service uses the
// plain statement when the organization has no pause and no training gate, sparing every claim the probes.
function claimSql(scope: 'project' | 'any', gated: boolean): string {
  const worker = { user: '$2', workforce: '$3' };
  const slots =
    scope === 'project'
      ? 'q.project_id = $6 AND EXISTS (SELECT 1 FROM eligible)'
      : "q.org_id = current_setting('groundwork.org_id', true) AND q.project_id = ANY (ARRAY(SELECT id FROM eligible))";
  return `
WITH eligible AS (
  SELECT p.id, p.workflow, p.redaction FROM projects p
   WHERE ($6::text IS NULL OR p.id = $6) AND ${projectOpenTo('p', worker)}${gated ? ` AND ${standingAllows('p', worker)}` : ''}
), next AS (
  SELECT q.task_id, q.stage, q.round, q.slot FROM work_queue q
   WHERE ${slots} AND q.stage = $4
     AND ${slotOpenTo('q', worker)}
   ORDER BY q.priority DESC NULLS LAST, q.task_created_at, q.task_id, q.slot
   LIMIT 1
   FOR UPDATE OF q SKIP LOCKED
), taken AS (
  DELETE FROM work_queue q USING next n
   WHERE q.task_id = n.task_id AND q.stage = n.stage AND q.round = n.round AND q.slot = n.slot
  RETURNING q.*
), leased AS (
  INSERT INTO assignments (id, org_id, project_id, batch_id, task_id, stage, round, slot, priority,
                           task_created_at, user_id, workforce_id, status, routed_workforce_id, leased_at,
                           lease_expires_at, created_at)
  SELECT $1, t.org_id, t.project_id, t.batch_id, t.task_id, t.stage, t.round, t.slot, t.priority,
         t.task_created_at, $2, $3, 'leased', t.workforce_id, now(),
         now() + make_interval(secs => coalesce((e.workflow ->> 'lease_seconds')::integer, $5)), now()
    FROM taken t JOIN eligible e ON e.id = t.project_id
  RETURNING *
)
SELECT l.*, k.type AS task_type, k.params AS task_params, k.instruction AS task_instruction,
       k.stage_response AS task_stage_response, k.agreement AS task_agreement,
       e.redaction AS project_redaction,
       CASE WHEN e.redaction = '{}'::jsonb THEN NULL
            ELSE (SELECT w.kind FROM workforces w WHERE w.id = l.workforce_id) END AS workforce_kind
  FROM leased l JOIN tasks k ON k.id = l.task_id JOIN eligible e ON e.id = l.project_id`;
}

/**
 * The claim statement within one project, for an organization without pauses or training gates (the
 * common case; exported for the dispatch benchmark's raw baseline).
 */
export const CLAIM_NEXT_SQL = claimSql('project', false);
const CLAIM_ANY_SQL = claimSql('any', false);
const CLAIM_NEXT_GATED_SQL = claimSql('project', true);
const CLAIM_ANY_GATED_SQL = claimSql('any', true);

/** Props of {@link claimNext}. */
export interface ClaimProps {
  /** The new assignment's id. */
  id: string;
  userId: string;
  workforceId: string | null;
  stage: WorkStage;
  /** Only this project (its id), or any the caller may work. */
  projectId: string | null;
  /** Lease length when the project's workflow does not say (seconds). */
  defaultLeaseSeconds: number;
  /** Whether the person's standing (pauses, training gates) must be checked: the organization has some. */
  gated: boolean;
}

/** The claim as a hot statement (for `Database.runScoped`); its row is read by {@link leasedFromRaw}. */
export function claimStatement(props: ClaimProps): RawStatement {
  return {
    name: `groundwork_claim_${props.projectId ? 'in_project' : 'any'}${props.gated ? '_gated' : ''}`,
    text: props.projectId
      ? props.gated
        ? CLAIM_NEXT_GATED_SQL
        : CLAIM_NEXT_SQL
      : props.gated
        ? CLAIM_ANY_GATED_SQL
        : CLAIM_ANY_SQL,
    values: [
      props.id,
      props.userId,
      props.workforceId,
      props.stage,
      props.defaultLeaseSeconds,
      props.projectId,
    ],
  };
}

/** Leases the best open slot the caller may take, or returns undefined when there is none. */
export async function claimNext(tx: Db, props: ClaimProps): Promise<LeasedAssignment | undefined> {
  const [row] = await rawQuery<Record<string, unknown>>(tx, claimStatement(props));
  return row ? leasedFromRaw(row) : undefined;
}

/** A claimed row as the assignment and task it leased. */
export function leasedFromRaw(r: Record<string, unknown>): LeasedAssignment {
  const assignment: AssignmentRow = {
    id: r.id as string,
    orgId: r.org_id as string,
    projectId: r.project_id as string,
    batchId: (r.batch_id as string | null) ?? null,
    taskId: r.task_id as string,
    stage: r.stage as WorkStage,
    round: Number(r.round),
    slot: Number(r.slot),
    priority: Number(r.priority),
    taskCreatedAt: rawDate(r.task_created_at) as Date,
    userId: r.user_id as string,
    workforceId: (r.workforce_id as string | null) ?? null,
    status: r.status as AssignmentRow['status'],
    routedWorkforceId: (r.routed_workforce_id as string | null) ?? null,
    leasedAt: rawDate(r.leased_at) as Date,
    leaseExpiresAt: rawDate(r.lease_expires_at) as Date,
    submittedAt: rawDate(r.submitted_at),
    timeSpentMs: rawNumber(r.time_spent_ms),
    response: rawSealed('assignments.response', r.response),
    displayOrder: rawJson(r.display_order) as number[] | null,
    skipReason: (r.skip_reason as string | null) ?? null,
    redactionFingerprint: (r.redaction_fingerprint as string | null) ?? null,
    feedback: (r.feedback as string | null) ?? null,
    createdAt: rawDate(r.created_at) as Date,
  };
  return {
    assignment,
    task: {
      id: assignment.taskId,
      type: r.task_type as string,
      params: rawSealed('tasks.params', r.task_params) as Record<string, unknown>,
      instruction: (r.task_instruction as string | null) ?? null,
      projectId: assignment.projectId,
      batchId: assignment.batchId,
      stageResponse: rawSealed('tasks.stage_response', r.task_stage_response),
      agreement: rawNumber(r.task_agreement),
      round: assignment.round,
    },
    masking: {
      policy: rawJson(r.project_redaction) ?? {},
      workforceKind: (r.workforce_kind as LeaseMasking['workforceKind'] | undefined) ?? null,
    },
  };
}

/** Finds an assignment by id. */
export async function findAssignment(tx: Db, id: string): Promise<AssignmentRow | undefined> {
  const [row] = await tx.select().from(assignments).where(eq(assignments.id, id)).limit(1);
  return row;
}

/** What {@link lockLeaseStatement} returns: the assignment, its task (row locked) and the project's workflow. */
export interface LockedLease {
  assignment: AssignmentRow;
  task: TaskRow;
  workflow: unknown;
  /** The project's stored quality policy. */
  quality: unknown;
  /** The project's stored redaction policy. */
  redaction: unknown;
}

/**
 * Reads an assignment with its task and its project's stored workflow, locking the task's row (so the
 * last submissions of a round cannot miss each other) and the assignment's (so the reaper cannot
 * expire it under the caller). A hot statement: run it first in the
 * transaction with `Database.withOrgStarting` and read its row with {@link lockedLeaseFromRaw}.
 */
export function lockLeaseStatement(id: string): RawStatement {
  return {
    name: 'groundwork_lock_lease',
    text: `SELECT to_jsonb(a) AS assignment, to_jsonb(t) AS task, p.workflow AS workflow, p.quality AS quality,
                  p.redaction AS redaction
             FROM assignments a JOIN tasks t ON t.id = a.task_id JOIN projects p ON p.id = a.project_id
            WHERE a.id = $1
              FOR UPDATE OF t, a`,
    values: [id],
  };
}

/** The row of {@link lockLeaseStatement}, or undefined when there was none. */
export function lockedLeaseFromRaw(rows: unknown[]): LockedLease | undefined {
  const row = rows[0] as
    | { assignment: unknown; task: unknown; workflow: unknown; quality: unknown; redaction: unknown }
    | undefined;
  if (!row) return undefined;
  const assignment = fromJsonRow(rawJson(row.assignment), ASSIGNMENT_DATES) as AssignmentRow;
  assignment.response = rawSealed('assignments.response', assignment.response);
  const task = fromJsonRow(rawJson(row.task), TASK_DATES) as TaskRow;
  task.params = rawSealed('tasks.params', task.params) as Record<string, unknown>;
  task.response = rawSealed('tasks.response', task.response);
  task.stageResponse = rawSealed('tasks.stage_response', task.stageResponse);
  return {
    assignment,
    task,
    workflow: rawJson(row.workflow),
    quality: rawJson(row.quality),
    redaction: rawJson(row.redaction) ?? {},
  };
}

const ASSIGNMENT_DATES = new Set(['leasedAt', 'leaseExpiresAt', 'submittedAt', 'taskCreatedAt', 'createdAt']);
const TASK_DATES = new Set(['createdAt', 'updatedAt', 'completedAt']);

/** A row read as `to_jsonb(...)`: snake_case keys camelCased, timestamps as Dates. */
function fromJsonRow(value: unknown, dates: Set<string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
    const camel = key.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
    out[camel] = dates.has(camel) && typeof v === 'string' ? new Date(v) : v;
  }
  return out;
}

// Of assignment `a`'s round: the slots still open or leased by others, and (as a WHERE clause over
// assignments `o`) the answers others submitted.
const OUTSTANDING = `((SELECT count(*) FROM work_queue q WHERE q.task_id = a.task_id AND q.stage = a.stage AND q.round = a.round)
  + (SELECT count(*) FROM assignments o WHERE o.task_id = a.task_id AND o.stage = a.stage AND o.round = a.round
        AND o.status = 'leased' AND o.id <> a.id))`;
const OTHERS_SUBMITTED = `o.task_id = a.task_id AND o.stage = a.stage AND o.round = a.round
  AND o.status = 'submitted' AND o.id <> a.id`;

/**
 * The state of an assignment's round: slots still open or leased by others, and the answers others
 * submitted. Run after {@link lockLeaseStatement} (a statement of its own, so that it sees what was
 * committed while it waited for the task's lock).
 */
export function roundStateStatement(id: string): RawStatement {
  return {
    name: 'groundwork_round_state',
    text: `SELECT ${OUTSTANDING} AS outstanding,
                  (SELECT json_agg(json_build_object('slot', o.slot, 'response', o.response,
                                                     'reliability', ${reliabilityOf('o')}) ORDER BY o.slot)
                     FROM assignments o WHERE ${OTHERS_SUBMITTED}) AS others,
                  ${reliabilityOf('a')} AS reliability
             FROM assignments a WHERE a.id = $1`,
    values: [id],
  };
}

// The reliability of the holder of assignment `a` on its project (annotator_standings), or null.
const reliabilityOf = (a: string) =>
  `(SELECT st.reliability FROM annotator_standings st WHERE st.project_id = ${a}.project_id AND st.user_id = ${a}.user_id)`;

/** What {@link roundStateStatement} found. */
export interface RoundState {
  /** Slots of the round still open or leased by others (0: this answer completes the round). */
  outstanding: number;
  /**
   * The answers others submitted in this round, by slot, with their authors' reliability on the
   * project (null: unknown).
   */
  others: { slot: number; response: unknown; reliability: number | null }[];
  /** The reliability of the assignment's own holder on the project (null: unknown). */
  reliability: number | null;
}

/** The row of {@link roundStateStatement}. */
export function roundStateFromRaw(rows: unknown[]): RoundState {
  const row = rows[0] as { outstanding: number | string; others: unknown; reliability: unknown } | undefined;
  const others = (rawJson(row?.others) as RoundState['others'] | null) ?? [];
  return {
    outstanding: Number(row?.outstanding ?? 0),
    others: others.map((o) => ({ ...o, response: rawSealed('assignments.response', o.response) })),
    reliability: rawNumber(row?.reliability),
  };
}

// The one-round-trip submit of a labeling answer, run after lockLeaseStatement in the same transaction
// (so it sees every answer committed while it waited for the task's lock). It writes only when nothing
// is left to decide (and the lease is not masked: a masked answer is mapped back on the full path): other slots are still out (the last one merges), or this is the round's only
// answer, the project reviews nothing and the task has neither callback nor batch — then it also
// completes the task with $6 (the consensus of the one answer). Otherwise it writes nothing and the
// caller takes the full path.
const QUICK_SUBMIT_SQL = `
WITH a AS (
  SELECT a.id, a.task_id, a.stage, a.round, t.callback_url, t.batch_id,
         coalesce(p.workflow -> 'review' ->> 'mode', 'none') AS review_mode
    FROM assignments a JOIN tasks t ON t.id = a.task_id JOIN projects p ON p.id = a.project_id
   WHERE a.id = $1 AND a.user_id = $2 AND a.status = 'leased' AND a.lease_expires_at > $3
     AND a.stage = 'label' AND t.status = 'pending' AND a.redaction_fingerprint IS NULL
), st AS (
  SELECT a.*, ${OUTSTANDING} AS outstanding,
         (SELECT count(*) FROM assignments o WHERE ${OTHERS_SUBMITTED}) AS others
    FROM a
), go AS (
  SELECT * FROM st
   WHERE outstanding > 0
      OR (others = 0 AND review_mode = 'none' AND callback_url IS NULL AND batch_id IS NULL)
), s AS (
  UPDATE assignments SET status = 'submitted', response = $4::jsonb, submitted_at = $3, time_spent_ms = $5
    FROM go WHERE assignments.id = go.id
  RETURNING go.outstanding
), c AS (
  UPDATE tasks SET status = 'completed', stage = 'done', response = $6::jsonb, stage_response = $8::jsonb,
                   agreement = $7, completed_at = $3, updated_at = $3
    FROM go WHERE tasks.id = go.task_id AND go.outstanding = 0
  RETURNING tasks.id
)
SELECT (SELECT count(*) FROM st) AS held, (SELECT count(*) FROM s) AS submitted, (SELECT count(*) FROM c) AS completed`;

/** The one-round-trip submit (see QUICK_SUBMIT_SQL); `alone` is the consensus if this is the only answer. */
export function quickSubmitStatement(props: {
  id: string;
  userId: string;
  at: Date;
  response: unknown;
  timeSpentMs: number;
  alone: { response: unknown; agreement: number };
}): RawStatement {
  return {
    name: 'groundwork_quick_submit',
    text: QUICK_SUBMIT_SQL,
    values: [
      props.id,
      props.userId,
      props.at,
      sealFieldText('assignments.response', props.response),
      props.timeSpentMs,
      sealFieldText('tasks.response', props.alone.response),
      props.alone.agreement,
      sealFieldText('tasks.stage_response', props.alone.response),
    ],
  };
}

/** What the quick submit did: whether the lease was held, the answer written, the task completed. */
export function quickSubmitFromRaw(rows: unknown[]): {
  held: boolean;
  submitted: boolean;
  completed: boolean;
} {
  const row = rows[0] as { held: unknown; submitted: unknown; completed: unknown } | undefined;
  return {
    held: Number(row?.held ?? 0) > 0,
    submitted: Number(row?.submitted ?? 0) > 0,
    completed: Number(row?.completed ?? 0) > 0,
  };
}

/** Records the answer (or verdict) of a lease the caller holds locked. */
export function submitStatement(props: {
  id: string;
  response: unknown;
  at: Date;
  timeSpentMs: number;
}): RawStatement {
  return {
    name: 'groundwork_submit_assignment',
    text: `UPDATE assignments SET status = 'submitted', response = $2::jsonb, submitted_at = $3, time_spent_ms = $4
            WHERE id = $1 AND status = 'leased'`,
    values: [props.id, sealFieldText('assignments.response', props.response), props.at, props.timeSpentMs],
  };
}

/** Updates an assignment and returns it. */
export async function updateAssignment(
  tx: Db,
  id: string,
  values: Partial<typeof assignments.$inferInsert>,
): Promise<AssignmentRow> {
  const [row] = await tx.update(assignments).set(values).where(eq(assignments.id, id)).returning();
  if (!row) throw new Error(`assignment ${id} vanished`);
  return row;
}

/**
 * Puts an assignment's slot back into the queue (after a skip or a release), with the priority and
 * routing its project and batch have now (they may have changed since the slot was queued).
 */
export async function requeueSlot(tx: Db, a: AssignmentRow): Promise<void> {
  await tx.execute(sql`
    INSERT INTO work_queue (org_id, project_id, batch_id, task_id, stage, round, slot, priority, workforce_id, task_created_at)
    SELECT t.org_id, t.project_id, t.batch_id, t.id, ${a.stage}, ${a.round}, ${a.slot},
           groundwork_queue_priority(p.priority, b.priority, t.priority),
           CASE WHEN ${a.stage} = 'label' THEN groundwork_route_slot(p.routing, t.id, ${a.round}, ${a.slot}) END,
           t.created_at
      FROM tasks t JOIN projects p ON p.id = t.project_id LEFT JOIN batches b ON b.id = t.batch_id
     WHERE t.id = ${a.taskId} AND t.status = 'pending' AND t.stage = ${a.stage} AND t.round = ${a.round}
    ON CONFLICT DO NOTHING`);
}

/**
 * Puts the slots of the assignments in CTE `ended` (just expired or revoked) back in the queue — those
 * whose task is still pending at that stage and round — with the current priority and routing.
 */
const REQUEUE_ENDED = (ended: string) =>
  sql.raw(`INSERT INTO work_queue (org_id, project_id, batch_id, task_id, stage, round, slot, priority, workforce_id, task_created_at)
      SELECT t.org_id, t.project_id, t.batch_id, t.id, e.stage, e.round, e.slot,
             groundwork_queue_priority(p.priority, b.priority, t.priority),
             CASE WHEN e.stage = 'label' THEN groundwork_route_slot(p.routing, t.id, e.round, e.slot) END,
             t.created_at
        FROM ${ended} e JOIN tasks t ON t.id = e.task_id JOIN projects p ON p.id = t.project_id
        LEFT JOIN batches b ON b.id = t.batch_id
       WHERE t.status = 'pending' AND t.round = e.round AND t.stage = e.stage
      ON CONFLICT DO NOTHING
      RETURNING 1`);

/**
 * Revokes a person's live leases in a project (they were paused from it) and gives the slots back to the
 * queue; their live gold leases are released. Returns how many leases ended.
 */
export async function revokePersonLeases(tx: Db, projectId: string, userId: string): Promise<number> {
  const rows = await queryRows<{ n: number }>(
    tx,
    sql`
    WITH revoked AS (
      UPDATE assignments a SET status = 'revoked'
       WHERE a.project_id = ${projectId} AND a.user_id = ${userId} AND a.status = 'leased'
      RETURNING a.*
    ), requeued AS (
      ${REQUEUE_ENDED('revoked')}
    ), released AS (
      UPDATE gold_answers g SET status = 'released'
       WHERE g.project_id = ${projectId} AND g.user_id = ${userId} AND g.status = 'leased'
      RETURNING 1
    )
    SELECT (SELECT count(*) FROM revoked) + (SELECT count(*) FROM released) AS n`,
  );
  return Number(rows[0]?.n ?? 0);
}

/** Queues the single review slot of a task's current round. */
export async function enqueueReview(tx: Db, taskId: string, round: number): Promise<void> {
  await tx.execute(sql`
    INSERT INTO work_queue (org_id, project_id, batch_id, task_id, stage, round, slot, priority, workforce_id, task_created_at)
    SELECT t.org_id, t.project_id, t.batch_id, t.id, 'review', ${round}, 1,
           groundwork_queue_priority(p.priority, b.priority, t.priority), NULL, t.created_at
      FROM tasks t JOIN projects p ON p.id = t.project_id LEFT JOIN batches b ON b.id = t.batch_id
     WHERE t.id = ${taskId}
    ON CONFLICT DO NOTHING`);
}

/** Queues the labeling slots of a task's current round (after a rejection). */
export async function enqueueLabeling(tx: Db, taskId: string): Promise<void> {
  await tx.execute(sql`SELECT groundwork_enqueue_tasks(ARRAY[${taskId}]::text[])`);
}

/** The submitted answers of a task's stage and round, in slot order. */
export async function submittedAnswers(
  tx: Db,
  taskId: string,
  stage: WorkStage,
  round: number,
): Promise<AssignmentRow[]> {
  return tx
    .select()
    .from(assignments)
    .where(
      and(
        eq(assignments.taskId, taskId),
        eq(assignments.stage, stage),
        eq(assignments.round, round),
        eq(assignments.status, 'submitted'),
      ),
    )
    .orderBy(asc(assignments.slot));
}

/** Takes a task out of the queue and revokes its open leases (the task was canceled or completed). */
export async function revokeTaskWork(tx: Db, taskId: string): Promise<number> {
  await tx.delete(workQueue).where(eq(workQueue.taskId, taskId));
  const revoked = await tx
    .update(assignments)
    .set({ status: 'revoked' })
    .where(and(eq(assignments.taskId, taskId), eq(assignments.status, 'leased')))
    .returning({ id: assignments.id });
  return revoked.length;
}

/** Marks the answers of a rejected round with the reviewer's comment, so their authors see it. */
export async function markRejected(tx: Db, taskId: string, round: number, comment: string): Promise<void> {
  await tx
    .update(assignments)
    .set({ feedback: comment })
    .where(
      and(
        eq(assignments.taskId, taskId),
        eq(assignments.stage, 'label'),
        eq(assignments.round, round),
        eq(assignments.status, 'submitted'),
      ),
    );
}

/** Records a review verdict. */
export async function insertReview(tx: Db, row: typeof reviews.$inferInsert): Promise<ReviewRow> {
  const [created] = await tx.insert(reviews).values(row).returning();
  if (!created) throw new Error('review insert returned nothing');
  return created;
}

/** A task's reviews, oldest first. */
export async function reviewsOfTask(tx: Db, taskId: string): Promise<ReviewRow[]> {
  return tx.select().from(reviews).where(eq(reviews.taskId, taskId)).orderBy(asc(reviews.createdAt));
}

/** A person's assignments, newest first, optionally of some statuses or only those with feedback. */
export async function listUserAssignments(
  tx: Db,
  userId: string,
  filter: { statuses?: AssignmentRow['status'][]; withFeedback?: boolean; limit: number },
): Promise<AssignmentRow[]> {
  const where = [eq(assignments.userId, userId)];
  if (filter.statuses?.length) where.push(inArray(assignments.status, filter.statuses));
  if (filter.withFeedback) where.push(sql`${assignments.feedback} IS NOT NULL`);
  return tx
    .select()
    .from(assignments)
    .where(and(...where))
    .orderBy(desc(assignments.createdAt), desc(assignments.id))
    .limit(filter.limit);
}

/** A task's assignments (every stage and round), oldest first. */
export async function assignmentsOfTask(tx: Db, taskId: string): Promise<AssignmentRow[]> {
  return tx
    .select()
    .from(assignments)
    .where(eq(assignments.taskId, taskId))
    .orderBy(asc(assignments.createdAt), asc(assignments.id));
}

/**
 * Returns expired leases to the queue, across organizations (a periodic job on the owner's connection).
 * Slots of tasks that moved on (completed, canceled, another round) are not queued again. Expired gold
 * leases are marked so (gold is not queued; the person may be served it again).
 */
export async function reapExpiredLeases(system: Db, now: Date, limit = 1000): Promise<number> {
  const rows = await queryRows<{ n: number }>(
    system,
    sql`
    WITH expired AS (
      UPDATE assignments a SET status = 'expired'
       WHERE a.id IN (SELECT id FROM assignments
                       WHERE status = 'leased' AND lease_expires_at < ${now}
                       ORDER BY lease_expires_at LIMIT ${limit} FOR UPDATE SKIP LOCKED)
      RETURNING a.*
    ), requeued AS (
      ${REQUEUE_ENDED('expired')}
    ), gold_expired AS (
      UPDATE gold_answers g SET status = 'expired'
       WHERE g.id IN (SELECT id FROM gold_answers
                       WHERE status = 'leased' AND lease_expires_at < ${now}
                       ORDER BY lease_expires_at LIMIT ${limit} FOR UPDATE SKIP LOCKED)
      RETURNING 1
    )
    SELECT (SELECT count(*) FROM expired) + (SELECT count(*) FROM gold_expired) AS n`,
  );
  return Number(rows[0]?.n ?? 0);
}
