/**
 * The reads behind quality measures (scorecards, agreement, consensus reliability) and the one write
 * (an annotator's consensus reliability). Every read is bounded by the caller's `limit` or aggregated
 * in SQL, and lists its columns. Callers pass a transaction scoped to the organization, except where a
 * function says it takes the owner's connection.
 */
import { and, asc, desc, eq, gte, lt, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { type Db, queryRows } from '../db/database.ts';
import { annotatorStandings, assignments, goldAnswers, projects, tasks } from '../db/schema.ts';

/** A submitted labeling answer, as the quality measures read it. */
export interface LabelAnswerRow {
  id: string;
  projectId: string;
  taskId: string;
  round: number;
  userId: string;
  /** The workforce the person worked for when they took the slot. */
  workforceId: string | null;
  response: unknown;
  timeSpentMs: number | null;
  /** For comparisons: the order the options were shown in (`[1, 0]` when swapped). */
  displayOrder: number[] | null;
  submittedAt: Date;
}

/** A period of submission times: `since` inclusive, `until` exclusive. */
export interface Period {
  since: Date;
  until: Date;
}

/** `column = ANY(ids)` with the ids as one array parameter (no limit on their number). */
function anyOf(column: AnyPgColumn, ids: readonly string[]): SQL {
  return sql`${column} = ANY(${sql.param([...ids])}::text[])`;
}

/**
 * The submitted labeling answers of `projectIds` submitted in the period, newest first, at most
 * `limit` of them.
 */
export async function labelAnswersIn(
  tx: Db,
  props: Period & { projectIds: readonly string[]; limit: number },
): Promise<LabelAnswerRow[]> {
  if (props.projectIds.length === 0) return [];
  const rows = await tx
    .select({
      id: assignments.id,
      projectId: assignments.projectId,
      taskId: assignments.taskId,
      round: assignments.round,
      userId: assignments.userId,
      workforceId: assignments.workforceId,
      response: assignments.response,
      timeSpentMs: assignments.timeSpentMs,
      displayOrder: assignments.displayOrder,
      submittedAt: assignments.submittedAt,
    })
    .from(assignments)
    .where(
      and(
        anyOf(assignments.projectId, props.projectIds),
        eq(assignments.stage, 'label'),
        eq(assignments.status, 'submitted'),
        gte(assignments.submittedAt, props.since),
        lt(assignments.submittedAt, props.until),
      ),
    )
    .orderBy(desc(assignments.submittedAt), desc(assignments.id))
    .limit(props.limit);
  return rows.map((r) => ({ ...r, submittedAt: r.submittedAt ?? props.since }));
}

/** A task as the quality measures read it: its params, final response and final round. */
export interface QualityTaskRow {
  id: string;
  projectId: string;
  type: string;
  status: 'pending' | 'completed' | 'canceled' | 'error';
  /** The labeling round the task is in, or ended in. */
  round: number;
  params: Record<string, unknown>;
  /** The final response (completed tasks). */
  response: unknown;
  /** Submitted labeling answers of that round. */
  finalRoundAnswers: number;
}

/** Ids per query of {@link qualityTasks}: keeps each result a few megabytes at most. */
const TASK_CHUNK = 5000;

/** The tasks `ids` (those that exist), with the number of submitted answers of their final round. */
export async function qualityTasks(tx: Db, ids: readonly string[]): Promise<QualityTaskRow[]> {
  const out: QualityTaskRow[] = [];
  for (let start = 0; start < ids.length; start += TASK_CHUNK) {
    const chunk = ids.slice(start, start + TASK_CHUNK);
    const rows = await tx
      .select({
        id: tasks.id,
        projectId: tasks.projectId,
        type: tasks.type,
        status: tasks.status,
        round: tasks.round,
        params: tasks.params,
        response: tasks.response,
        // Qualified by hand: Drizzle renders a select's own columns unqualified, which the subquery
        // would read as its own.
        finalRoundAnswers: sql<number>`(SELECT count(*)::int FROM assignments a
            WHERE a.task_id = tasks.id AND a.stage = 'label' AND a.round = tasks.round
              AND a.status = 'submitted')`,
      })
      .from(tasks)
      .where(anyOf(tasks.id, chunk));
    for (const row of rows) out.push({ ...row, finalRoundAnswers: Number(row.finalRoundAnswers) });
  }
  return out;
}

/** A scored evaluation (hidden gold) answer. */
export interface GoldScoreRow {
  projectId: string;
  userId: string;
  workforceId: string | null;
  /** 0..1. */
  score: number;
  submittedAt: Date;
}

/** The scored evaluation answers of `projectIds` submitted in the period, newest first, at most `limit`. */
export async function evaluationScoresIn(
  tx: Db,
  props: Period & { projectIds: readonly string[]; limit: number },
): Promise<GoldScoreRow[]> {
  if (props.projectIds.length === 0) return [];
  const rows = await tx
    .select({
      projectId: goldAnswers.projectId,
      userId: goldAnswers.userId,
      workforceId: goldAnswers.workforceId,
      score: goldAnswers.score,
      submittedAt: goldAnswers.submittedAt,
    })
    .from(goldAnswers)
    .where(
      and(
        anyOf(goldAnswers.projectId, props.projectIds),
        eq(goldAnswers.kind, 'evaluation'),
        eq(goldAnswers.status, 'submitted'),
        gte(goldAnswers.submittedAt, props.since),
        lt(goldAnswers.submittedAt, props.until),
      ),
    )
    .orderBy(desc(goldAnswers.submittedAt), desc(goldAnswers.id))
    .limit(props.limit);
  return rows.map((r) => ({ ...r, score: r.score ?? 0, submittedAt: r.submittedAt ?? props.since }));
}

/** How many reviewer verdicts of one kind fell on rounds a person labeled (in one project, one workforce). */
export interface LabelerVerdictRow {
  projectId: string;
  userId: string;
  workforceId: string | null;
  verdict: 'accept' | 'fix' | 'reject';
  count: number;
}

/**
 * Reviewer verdicts given in the period on labeling rounds of `projectIds`, counted per person who
 * labeled the round (every submitted labeling answer of the round shares its verdict) and verdict.
 */
export async function labelerVerdictsIn(
  tx: Db,
  props: Period & { projectIds: readonly string[] },
): Promise<LabelerVerdictRow[]> {
  if (props.projectIds.length === 0) return [];
  const rows = await queryRows<LabelerVerdictRow>(
    tx,
    sql`SELECT a.project_id AS "projectId", a.user_id AS "userId", a.workforce_id AS "workforceId",
               r.verdict, count(*)::int AS count
          FROM reviews r
          JOIN assignments a ON a.task_id = r.task_id AND a.round = r.round
                            AND a.stage = 'label' AND a.status = 'submitted'
         WHERE r.source = 'reviewer' AND r.created_at >= ${props.since} AND r.created_at < ${props.until}
           AND a.project_id = ANY(${sql.param([...props.projectIds])}::text[])
         GROUP BY a.project_id, a.user_id, a.workforce_id, r.verdict`,
  );
  return rows.map((r) => ({ ...r, count: Number(r.count) }));
}

/** The parts of a standing a scorecard shows. */
export interface StandingSummaryRow {
  projectId: string;
  userId: string;
  reliability: number | null;
  reliabilitySource: 'gold' | 'consensus' | null;
  pausedAt: Date | null;
  pausedBy: 'gold' | 'training' | 'manager' | null;
  pauseReason: string | null;
}

/** The standings recorded on `projectIds` (one row per person and project at most). */
export async function standingSummaries(
  tx: Db,
  projectIds: readonly string[],
): Promise<StandingSummaryRow[]> {
  if (projectIds.length === 0) return [];
  return tx
    .select({
      projectId: annotatorStandings.projectId,
      userId: annotatorStandings.userId,
      reliability: annotatorStandings.reliability,
      reliabilitySource: annotatorStandings.reliabilitySource,
      pausedAt: annotatorStandings.pausedAt,
      pausedBy: annotatorStandings.pausedBy,
      pauseReason: annotatorStandings.pauseReason,
    })
    .from(annotatorStandings)
    .where(anyOf(annotatorStandings.projectId, projectIds))
    .orderBy(asc(annotatorStandings.projectId), asc(annotatorStandings.userId));
}

/** A project the reliability job visits. */
export interface ReliabilityProjectRow {
  id: string;
  orgId: string;
  quality: Record<string, unknown>;
}

/**
 * Every project that is not archived, of every organization, with its stored quality policy. Takes the
 * owner's connection (`db.system`): the job spans organizations.
 */
export async function unarchivedProjects(
  system: Db,
  answeredSince: Date | null = null,
): Promise<ReliabilityProjectRow[]> {
  return system
    .select({ id: projects.id, orgId: projects.orgId, quality: projects.quality })
    .from(projects)
    .where(
      and(
        eq(projects.archived, false),
        answeredSince
          ? sql`EXISTS (SELECT 1 FROM assignments a
                         WHERE a.project_id = ${projects.id} AND a.status = 'submitted' AND a.stage = 'label'
                           AND a.submitted_at >= ${answeredSince})`
          : undefined,
      ),
    )
    .orderBy(asc(projects.orgId), asc(projects.id));
}

/**
 * Records consensus reliabilities on a project: creates missing standings, and updates a reliability
 * unless it comes from gold (better evidence) or already holds this value. Returns the user ids whose
 * standing was written.
 */
export async function upsertConsensusReliability(
  tx: Db,
  props: { orgId: string; projectId: string; reliabilities: ReadonlyMap<string, number> },
): Promise<string[]> {
  if (props.reliabilities.size === 0) return [];
  const values = [...props.reliabilities].map(([userId, reliability]) => ({
    orgId: props.orgId,
    projectId: props.projectId,
    userId,
    reliability,
    reliabilitySource: 'consensus' as const,
  }));
  const rows = await tx
    .insert(annotatorStandings)
    .values(values)
    .onConflictDoUpdate({
      target: [annotatorStandings.projectId, annotatorStandings.userId],
      set: { reliability: sql`excluded.reliability`, reliabilitySource: 'consensus', updatedAt: sql`now()` },
      setWhere: sql`${annotatorStandings.reliabilitySource} IS DISTINCT FROM 'gold'
        AND (${annotatorStandings.reliabilitySource} IS DISTINCT FROM 'consensus'
             OR ${annotatorStandings.reliability} IS DISTINCT FROM excluded.reliability)`,
    })
    .returning({ userId: annotatorStandings.userId });
  return rows.map((r) => r.userId);
}
