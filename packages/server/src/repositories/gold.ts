/**
 * Gold: tasks with a known answer (evaluation tasks mixed hidden into queues, training tasks gating new
 * annotators), the answers people give them, and each person's standing with a project. Callers pass a
 * transaction scoped to the organization.
 */
import { and, asc, count, desc, eq, gt, inArray, sql } from 'drizzle-orm';
import { type Db, queryRows, rawQuery } from '../db/database.ts';
import { annotatorStandings, goldAnswers, goldTasks } from '../db/schema.ts';
import { projectOpenTo, slotOpenTo, standingAllows, type WorkerPlaceholders } from './eligibility.ts';
import { rawDate, rawSealed } from './raw-values.ts';

/** A gold task row. */
export type GoldTaskRow = typeof goldTasks.$inferSelect;
/** A gold answer row. */
export type GoldAnswerRow = typeof goldAnswers.$inferSelect;
/** A standing row. */
export type StandingRow = typeof annotatorStandings.$inferSelect;
/** The kinds of gold. */
export type GoldKind = GoldTaskRow['kind'];

/** Inserts a gold task. */
export async function insertGoldTask(tx: Db, row: typeof goldTasks.$inferInsert): Promise<GoldTaskRow> {
  const [created] = await tx.insert(goldTasks).values(row).returning();
  if (!created) throw new Error('gold task insert returned nothing');
  return created;
}

/** A gold task by id (of the given environment). */
export async function findGoldTask(tx: Db, isTest: boolean, id: string): Promise<GoldTaskRow | undefined> {
  const [row] = await tx
    .select()
    .from(goldTasks)
    .where(and(eq(goldTasks.id, id), eq(goldTasks.isTest, isTest)))
    .limit(1);
  return row;
}

/** Archives or restores a gold task. */
export async function setGoldArchived(tx: Db, id: string, archived: boolean): Promise<GoldTaskRow> {
  const [row] = await tx.update(goldTasks).set({ archived }).where(eq(goldTasks.id, id)).returning();
  if (!row) throw new Error(`gold task ${id} vanished`);
  return row;
}

/** A gold task with how it has been answered. */
export interface GoldTaskStats {
  gold: GoldTaskRow;
  answers: number;
  meanScore: number | null;
}

/** A project's gold tasks, newest first, with their answer counts and mean scores (keyset by `before`). */
export async function listGoldTasks(
  tx: Db,
  filter: { projectId: string; kind?: GoldKind; includeArchived: boolean; limit: number; before?: string },
): Promise<GoldTaskStats[]> {
  const where = [eq(goldTasks.projectId, filter.projectId)];
  if (filter.kind) where.push(eq(goldTasks.kind, filter.kind));
  if (!filter.includeArchived) where.push(eq(goldTasks.archived, false));
  if (filter.before) where.push(sql`${goldTasks.id} < ${filter.before}`);
  const rows = await tx
    .select()
    .from(goldTasks)
    .where(and(...where))
    .orderBy(desc(goldTasks.id))
    .limit(filter.limit);
  if (rows.length === 0) return [];
  const stats = await tx
    .select({
      goldTaskId: goldAnswers.goldTaskId,
      answers: count(),
      meanScore: sql<number | null>`avg(${goldAnswers.score})::float8`,
    })
    .from(goldAnswers)
    .where(
      and(
        inArray(
          goldAnswers.goldTaskId,
          rows.map((r) => r.id),
        ),
        eq(goldAnswers.status, 'submitted'),
      ),
    )
    .groupBy(goldAnswers.goldTaskId);
  const byId = new Map(stats.map((s) => [s.goldTaskId, s]));
  return rows.map((gold) => {
    const s = byId.get(gold.id);
    return {
      gold,
      answers: s?.answers ?? 0,
      meanScore: s?.meanScore === null || s?.meanScore === undefined ? null : Number(s.meanScore),
    };
  });
}

/** How many active training tasks a project has. */
export async function countActiveTraining(tx: Db, projectId: string): Promise<number> {
  const [row] = await tx
    .select({ n: count() })
    .from(goldTasks)
    .where(
      and(
        eq(goldTasks.projectId, projectId),
        eq(goldTasks.kind, 'training'),
        eq(goldTasks.archived, false),
        eq(goldTasks.isTest, false),
      ),
    );
  return row?.n ?? 0;
}

/** The live projects of the organization with active gold, by kind, with their stored quality policy. */
export async function projectsWithGold(
  tx: Db,
): Promise<{ projectId: string; kind: GoldKind; quality: unknown }[]> {
  return queryRows(
    tx,
    sql`SELECT DISTINCT g.project_id AS "projectId", g.kind, p.quality
          FROM gold_tasks g JOIN projects p ON p.id = g.project_id
         WHERE NOT g.archived AND NOT g.is_test AND NOT p.archived`,
  );
}

/** Whether anyone in the organization is paused from a project (claims must then check standings). */
export async function anyonePaused(tx: Db): Promise<boolean> {
  const rows = await queryRows<{ paused: boolean }>(
    tx,
    sql`SELECT EXISTS (SELECT 1 FROM annotator_standings WHERE paused_at IS NOT NULL) AS paused`,
  );
  return rows[0]?.paused === true;
}

/** Props of the gold claims. */
export interface GoldClaimProps {
  /** The new gold answer's id. */
  id: string;
  userId: string;
  workforceId: string | null;
  /** Only this project, or any the person may work. */
  projectId: string | null;
  defaultLeaseSeconds: number;
}

const WORKER: WorkerPlaceholders = { user: '$2', workforce: '$3' };

const LEASE_COLUMNS = `id, org_id, project_id, gold_task_id, kind, user_id, workforce_id, batch_id, slot, status,
  leased_at, lease_expires_at, created_at`;

// The lease of a picked gold task: the slot shown is one of the project's (1..overlap), like a real task's.
const leaseOf = (kind: GoldKind) => `
  INSERT INTO gold_answers (${LEASE_COLUMNS})
  SELECT $1, current_setting('groundwork.org_id', true), k.project_id, k.id, '${kind}', $2, $3, k.batch_id,
         1 + floor(random() * greatest(1, coalesce((k.workflow ->> 'overlap')::integer, 1)))::integer, 'leased',
         now(), now() + make_interval(secs => coalesce((k.workflow ->> 'lease_seconds')::integer, $5)), now()
    FROM pick k
  ON CONFLICT DO NOTHING
  RETURNING *`;

const notAnswered = `NOT EXISTS (
  SELECT 1 FROM gold_answers ga WHERE ga.gold_task_id = g.id AND ga.user_id = $2
     AND ga.status IN ('leased', 'submitted', 'skipped'))`;

// Training: in a project the person may work (routing, skills) that gates them (training required, not
// passed, not paused), the oldest training task they have not answered — a course in the order written.
const CLAIM_TRAINING_SQL = `
WITH gating AS (
  SELECT p.id, p.workflow FROM projects p
   WHERE ($4::text IS NULL OR p.id = $4) AND ${projectOpenTo('p', WORKER)}
     AND coalesce((p.quality ->> 'training_required')::integer, 0) > 0
     AND NOT EXISTS (SELECT 1 FROM annotator_standings s
                      WHERE s.project_id = p.id AND s.user_id = $2
                        AND (s.paused_at IS NOT NULL OR s.training_passed_at IS NOT NULL))
), pick AS (
  SELECT g.id, g.project_id, e.workflow, NULL::text AS batch_id FROM gold_tasks g JOIN gating e ON e.id = g.project_id
   WHERE g.kind = 'training' AND NOT g.archived AND NOT g.is_test AND ${notAnswered}
   ORDER BY g.created_at, g.id
   LIMIT 1
), leased AS (${leaseOf('training')})
SELECT l.*, g.type AS gold_type, g.params AS gold_params, g.created_at AS gold_created_at
  FROM leased l JOIN gold_tasks g ON g.id = l.gold_task_id`;

// Evaluation: each project the person may work now enters with probability gold_rate / $6 (the service
// already tossed a coin with probability $6, the highest rate in scope, so a project's gold share is its
// rate), and only while it has real work the person could take (gold then looks like that work: the
// lease shows that work's batch). One unanswered evaluation task of those projects, at random.
const CLAIM_EVALUATION_SQL = `
WITH eligible AS (
  SELECT p.id, p.workflow FROM projects p
   WHERE ($4::text IS NULL OR p.id = $4) AND ${projectOpenTo('p', WORKER)} AND ${standingAllows('p', WORKER)}
     AND random() < coalesce((p.quality ->> 'gold_rate')::float8, 0.05) / $6
), mixable AS (
  SELECT e.id, e.workflow, w.batch_id FROM eligible e
  CROSS JOIN LATERAL (
    SELECT q.batch_id FROM work_queue q
     WHERE q.project_id = e.id AND q.stage = 'label' AND ${slotOpenTo('q', WORKER)}
     LIMIT 1) w
), pick AS (
  SELECT g.id, g.project_id, m.workflow, m.batch_id FROM gold_tasks g JOIN mixable m ON m.id = g.project_id
   WHERE g.kind = 'evaluation' AND NOT g.archived AND NOT g.is_test AND ${notAnswered}
   ORDER BY random()
   LIMIT 1
), leased AS (${leaseOf('evaluation')})
SELECT l.*, g.type AS gold_type, g.params AS gold_params, g.created_at AS gold_created_at
  FROM leased l JOIN gold_tasks g ON g.id = l.gold_task_id`;

/** A freshly leased gold answer with what the person needs of its gold task. */
export interface LeasedGold {
  answer: GoldAnswerRow;
  gold: Pick<GoldTaskRow, 'id' | 'type' | 'params' | 'createdAt'>;
}

/** Leases the next training task of a project gating the person, or undefined. */
export async function claimTraining(tx: Db, props: GoldClaimProps): Promise<LeasedGold | undefined> {
  const [row] = await rawQuery<Record<string, unknown>>(tx, {
    name: 'groundwork_claim_training',
    text: CLAIM_TRAINING_SQL,
    values: [props.id, props.userId, props.workforceId, props.projectId, props.defaultLeaseSeconds],
  });
  return row ? leasedGoldFromRaw(row) : undefined;
}

/**
 * Leases a hidden evaluation task, each project in scope entering with probability `gold_rate / maxRate`;
 * undefined when none was picked.
 */
export async function claimEvaluation(
  tx: Db,
  props: GoldClaimProps & { maxRate: number },
): Promise<LeasedGold | undefined> {
  const [row] = await rawQuery<Record<string, unknown>>(tx, {
    name: 'groundwork_claim_evaluation',
    text: CLAIM_EVALUATION_SQL,
    values: [
      props.id,
      props.userId,
      props.workforceId,
      props.projectId,
      props.defaultLeaseSeconds,
      props.maxRate,
    ],
  });
  return row ? leasedGoldFromRaw(row) : undefined;
}

function leasedGoldFromRaw(r: Record<string, unknown>): LeasedGold {
  const answer: GoldAnswerRow = {
    id: r.id as string,
    orgId: r.org_id as string,
    projectId: r.project_id as string,
    goldTaskId: r.gold_task_id as string,
    kind: r.kind as GoldKind,
    userId: r.user_id as string,
    workforceId: (r.workforce_id as string | null) ?? null,
    batchId: (r.batch_id as string | null) ?? null,
    slot: Number(r.slot),
    status: 'leased',
    leasedAt: rawDate(r.leased_at) as Date,
    leaseExpiresAt: rawDate(r.lease_expires_at) as Date,
    submittedAt: null,
    timeSpentMs: null,
    response: null,
    score: null,
    displayOrder: null,
    skipReason: null,
    redactionFingerprint: null,
    createdAt: rawDate(r.created_at) as Date,
  };
  return {
    answer,
    gold: {
      id: answer.goldTaskId,
      type: r.gold_type as string,
      params: rawSealed('gold_tasks.params', r.gold_params) as Record<string, unknown>,
      createdAt: rawDate(r.gold_created_at) as Date,
    },
  };
}

/** A gold answer by id, locked for an update in this transaction. */
export async function lockGoldAnswer(tx: Db, id: string): Promise<GoldAnswerRow | undefined> {
  const [row] = await tx.select().from(goldAnswers).where(eq(goldAnswers.id, id)).limit(1).for('update');
  return row;
}

/** A gold answer by id. */
export async function findGoldAnswer(tx: Db, id: string): Promise<GoldAnswerRow | undefined> {
  const [row] = await tx.select().from(goldAnswers).where(eq(goldAnswers.id, id)).limit(1);
  return row;
}

/** Updates a gold answer. */
export async function updateGoldAnswer(
  tx: Db,
  id: string,
  values: Partial<typeof goldAnswers.$inferInsert>,
): Promise<GoldAnswerRow> {
  const [row] = await tx.update(goldAnswers).set(values).where(eq(goldAnswers.id, id)).returning();
  if (!row) throw new Error(`gold answer ${id} vanished`);
  return row;
}

/** A person's gold answers (optionally of some statuses) with their gold tasks' creation times, newest first. */
export async function listUserGoldAnswers(
  tx: Db,
  userId: string,
  filter: { statuses?: GoldAnswerRow['status'][]; limit: number },
): Promise<{ answer: GoldAnswerRow; gold: Pick<GoldTaskRow, 'id' | 'createdAt'> }[]> {
  const where = [eq(goldAnswers.userId, userId)];
  if (filter.statuses?.length) where.push(inArray(goldAnswers.status, filter.statuses));
  const rows = await tx
    .select({ answer: goldAnswers, goldCreatedAt: goldTasks.createdAt })
    .from(goldAnswers)
    .innerJoin(goldTasks, eq(goldTasks.id, goldAnswers.goldTaskId))
    .where(and(...where))
    .orderBy(desc(goldAnswers.createdAt), desc(goldAnswers.id))
    .limit(filter.limit);
  return rows.map((r) => ({
    answer: r.answer,
    gold: { id: r.answer.goldTaskId, createdAt: r.goldCreatedAt },
  }));
}

/** The person's gold scores of a kind on a project, newest first, submitted after `since` (if given). */
export async function recentGoldScores(
  tx: Db,
  props: { projectId: string; userId: string; kind: GoldKind; since: Date | null; limit: number },
): Promise<number[]> {
  const where = [
    eq(goldAnswers.projectId, props.projectId),
    eq(goldAnswers.userId, props.userId),
    eq(goldAnswers.kind, props.kind),
    eq(goldAnswers.status, 'submitted'),
  ];
  if (props.since) where.push(gt(goldAnswers.submittedAt, props.since));
  const rows = await tx
    .select({ score: goldAnswers.score })
    .from(goldAnswers)
    .where(and(...where))
    .orderBy(desc(goldAnswers.submittedAt), desc(goldAnswers.id))
    .limit(props.limit);
  return rows.map((r) => r.score ?? 0);
}

/** A person's standing with a project, if any was recorded. */
export async function findStanding(
  tx: Db,
  projectId: string,
  userId: string,
  forUpdate = false,
): Promise<StandingRow | undefined> {
  const query = tx
    .select()
    .from(annotatorStandings)
    .where(and(eq(annotatorStandings.projectId, projectId), eq(annotatorStandings.userId, userId)))
    .limit(1);
  const [row] = forUpdate ? await query.for('update') : await query;
  return row;
}

/** Creates the standing row if missing and returns it locked. */
export async function lockStanding(
  tx: Db,
  props: { orgId: string; projectId: string; userId: string },
): Promise<StandingRow> {
  await tx.insert(annotatorStandings).values(props).onConflictDoNothing();
  const row = await findStanding(tx, props.projectId, props.userId, true);
  if (!row) throw new Error('standing insert returned nothing');
  return row;
}

/** Updates a standing. */
export async function updateStanding(
  tx: Db,
  projectId: string,
  userId: string,
  values: Partial<typeof annotatorStandings.$inferInsert>,
): Promise<StandingRow> {
  const [row] = await tx
    .update(annotatorStandings)
    .set({ ...values, updatedAt: sql`now()` })
    .where(and(eq(annotatorStandings.projectId, projectId), eq(annotatorStandings.userId, userId)))
    .returning();
  if (!row) throw new Error('standing vanished');
  return row;
}

/** Standings of a project (or of some people), by user id. */
export async function listStandings(
  tx: Db,
  filter: { projectId?: string; userIds?: string[] },
): Promise<StandingRow[]> {
  const where = [];
  if (filter.projectId) where.push(eq(annotatorStandings.projectId, filter.projectId));
  if (filter.userIds) where.push(inArray(annotatorStandings.userId, filter.userIds));
  return tx
    .select()
    .from(annotatorStandings)
    .where(and(...where))
    .orderBy(asc(annotatorStandings.userId));
}

/** Reliabilities of people on a project (absent: unknown). */
export async function reliabilities(
  tx: Db,
  projectId: string,
  userIds: readonly string[],
): Promise<Map<string, number>> {
  if (userIds.length === 0) return new Map();
  const rows = await tx
    .select({ userId: annotatorStandings.userId, reliability: annotatorStandings.reliability })
    .from(annotatorStandings)
    .where(
      and(eq(annotatorStandings.projectId, projectId), inArray(annotatorStandings.userId, [...userIds])),
    );
  return new Map(rows.filter((r) => r.reliability !== null).map((r) => [r.userId, r.reliability as number]));
}
