/**
 * The task explorer's reads: a project's tasks filtered and paged by keyset (newest or oldest first), a
 * bounded count of them, who answered the tasks of a page, and everything that happened to one task
 * (assignments, reviews and customer audits, deliveries) with the names of the people involved. Callers
 * pass a transaction scoped to the organization; every query also names the organization and environment.
 * Gold lives in its own tables (`gold_tasks`, `gold_answers`) and is never read here.
 */
import { and, asc, desc, eq, gte, lt, lte, type SQL, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../db/database.ts';
import {
  apiKeys,
  assignments,
  batches,
  deliveries,
  memberships,
  reviews,
  tasks,
  users,
  workforces,
} from '../db/schema.ts';
import type { AssignmentRow, ReviewRow } from './assignments.ts';
import type { DeliveryRow } from './deliveries.ts';
import type { TaskRow, TaskStatus } from './tasks.ts';

/** Where a task is in its workflow. */
export type TaskStage = TaskRow['stage'];

/** The orders of the explorer's list. */
export type ExplorerSort = 'newest' | 'oldest';

/** The filters of the explorer's list, already resolved to ids. */
export interface ExplorerFilter {
  orgId: string;
  isTest: boolean;
  projectId: string;
  status?: TaskStatus;
  stage?: TaskStage;
  batchId?: string;
  /** Tasks with any of these tags. */
  tags?: string[];
  /** Agreement strictly below (tasks without an agreement never match). */
  agreementBelow?: number;
  /** Agreement at least (tasks without an agreement never match). */
  agreementAtLeast?: number;
  /** Tasks this person submitted a labeling answer to (any round). */
  annotatorId?: string;
  createdAfter?: Date;
  createdBefore?: Date;
  completedAfter?: Date;
  completedBefore?: Date;
  /** A task id, or a unique_id, exactly or as a prefix. */
  search?: string;
}

/** A position in the list's order: the (created_at, id) of the last row of a page. */
export interface ExplorerPosition {
  createdAt: Date;
  id: string;
}

/** One row of the explorer's list: what a row shows, without the task's full params. */
export interface ExplorerTaskRow {
  id: string;
  uniqueId: string | null;
  type: string;
  status: TaskStatus;
  stage: TaskStage;
  round: number;
  batchId: string | null;
  tags: string[] | null;
  agreement: number | null;
  customerReviewStatus: string | null;
  paramsVersion: number | null;
  createdAt: Date;
  completedAt: Date | null;
  /** The first characters of the attachment, text or prompt the params name (see {@link PREVIEW_CHARS}). */
  previewContent: string | null;
  /** The params' `attachment_type` (or the first attachment's `type`), when they name one. */
  previewType: string | null;
}

/** How many characters of a task's attachment or text a row carries. */
export const PREVIEW_CHARS = 280;

/** The conditions of a filter (without the keyset position). */
function filterConditions(f: ExplorerFilter): SQL[] {
  const where: SQL[] = [
    eq(tasks.orgId, f.orgId),
    eq(tasks.isTest, f.isTest),
    eq(tasks.projectId, f.projectId),
  ];
  if (f.status) where.push(eq(tasks.status, f.status));
  if (f.stage) where.push(eq(tasks.stage, f.stage));
  if (f.batchId) where.push(eq(tasks.batchId, f.batchId));
  // `&&` is not leakproof, so under row-level security the GIN index on tags cannot serve it: a rare tag
  // walks the project's tasks in order (see the explorer's index notes).
  if (f.tags?.length) where.push(sql`${tasks.tags} && ${sql.param(f.tags)}::text[]`);
  if (f.agreementBelow !== undefined) where.push(lt(tasks.agreement, f.agreementBelow));
  if (f.agreementAtLeast !== undefined) where.push(gte(tasks.agreement, f.agreementAtLeast));
  if (f.createdAfter) where.push(gte(tasks.createdAt, f.createdAfter));
  if (f.createdBefore) where.push(lte(tasks.createdAt, f.createdBefore));
  if (f.completedAfter) where.push(gte(tasks.completedAt, f.completedAfter));
  if (f.completedBefore) where.push(lte(tasks.completedAt, f.completedBefore));
  if (f.annotatorId) {
    where.push(sql`EXISTS (SELECT 1 FROM assignments a
                            WHERE a.task_id = ${tasks.id} AND a.user_id = ${f.annotatorId}
                              AND a.stage = 'label' AND a.status = 'submitted')`);
  }
  if (f.search) where.push(searchCondition(f.search));
  return where;
}

/**
 * A task id or unique_id: equal, or starting with the text. Only leakproof comparisons (`=`, `<`, `>=` on
 * text), so that indexes stay usable under row-level security (LIKE is not leakproof: under RLS it can only
 * filter). A unique_id prefix is a range in the "C" collation (byte order, which keeps every string with the
 * prefix together, whatever the database's collation); an id prefix is a range over the primary key (ids
 * are lowercase hex, ordered alike by every collation).
 */
function searchCondition(search: string): SQL {
  const uniqueId = sql`(${tasks.uniqueId} COLLATE "C")`;
  const end = prefixEnd(search);
  const arms: SQL[] = [
    eq(tasks.id, search),
    end === null ? sql`${uniqueId} >= ${search}` : sql`(${uniqueId} >= ${search} AND ${uniqueId} < ${end})`,
  ];
  if (/^[0-9a-f]{1,23}$/.test(search)) {
    arms.push(and(gte(tasks.id, search), lt(tasks.id, `${search}g`)) as SQL);
  }
  return sql`(${sql.join(arms, sql` OR `)})`;
}

/**
 * The least string after every string that starts with `prefix`, in code point order: the prefix with its
 * last code point raised by one (null when there is none, e.g. a prefix of only U+10FFFF).
 */
export function prefixEnd(prefix: string): string | null {
  const points = [...prefix];
  while (points.length > 0) {
    const last = (points.pop() as string).codePointAt(0) as number;
    let next = last + 1;
    if (next >= 0xd800 && next <= 0xdfff) next = 0xe000;
    if (next <= 0x10ffff) return points.join('') + String.fromCodePoint(next);
  }
  return null;
}

/** The keyset condition: rows after `after` in the order `sort`. */
function afterCondition(sort: ExplorerSort, after: ExplorerPosition): SQL {
  const at = sql`(${after.createdAt.toISOString()}::timestamptz, ${after.id}::text)`;
  return sort === 'newest'
    ? sql`(${tasks.createdAt}, ${tasks.id}) < ${at}`
    : sql`(${tasks.createdAt}, ${tasks.id}) > ${at}`;
}

/** A string value, or null. */
function str(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

/**
 * The first characters of the attachment, text or prompt the params name, and the attachment's type —
 * computed here, not in SQL: the params are stored encrypted.
 */
export function previewOf(params: Record<string, unknown>): {
  previewContent: string | null;
  previewType: string | null;
} {
  const attachments = Array.isArray(params.attachments) ? (params.attachments as unknown[]) : [];
  const first = attachments[0];
  const firstObject = first && typeof first === 'object' ? (first as Record<string, unknown>) : null;
  const prompt = params.prompt;
  const lastTurn = Array.isArray(prompt) ? (prompt.at(-1) as unknown) : undefined;
  const content =
    str(params.attachment) ??
    (typeof first === 'string' ? first : str(firstObject?.content)) ??
    str(params.text) ??
    (typeof prompt === 'string'
      ? prompt
      : lastTurn && typeof lastTurn === 'object'
        ? str((lastTurn as Record<string, unknown>).content)
        : null);
  return {
    previewContent: content === null ? null : Array.from(content).slice(0, PREVIEW_CHARS).join(''),
    previewType: str(params.attachment_type) ?? str(firstObject?.type),
  };
}

/** One page of a project's tasks in the order `sort`; `limit + 1` rows are read to tell whether more exist. */
export async function listExplorerTasks(
  tx: Db,
  f: ExplorerFilter,
  page: { sort: ExplorerSort; limit: number; after?: ExplorerPosition },
): Promise<{ rows: ExplorerTaskRow[]; hasMore: boolean }> {
  const where = filterConditions(f);
  if (page.after) where.push(afterCondition(page.sort, page.after));
  // Spelled as the indexes are (`DESC NULLS LAST`, read backward for oldest first): a plain `DESC` means
  // NULLS FIRST, which no index provides, and the planner would sort the whole project instead.
  const order =
    page.sort === 'newest'
      ? [sql`${tasks.createdAt} DESC NULLS LAST`, sql`${tasks.id} DESC NULLS LAST`]
      : [sql`${tasks.createdAt} ASC NULLS FIRST`, sql`${tasks.id} ASC NULLS FIRST`];
  const rows = await tx
    .select({
      id: tasks.id,
      uniqueId: tasks.uniqueId,
      type: tasks.type,
      status: tasks.status,
      stage: tasks.stage,
      round: tasks.round,
      batchId: tasks.batchId,
      tags: tasks.tags,
      agreement: tasks.agreement,
      customerReviewStatus: tasks.customerReviewStatus,
      paramsVersion: tasks.paramsVersion,
      createdAt: tasks.createdAt,
      completedAt: tasks.completedAt,
      params: tasks.params,
    })
    .from(tasks)
    .where(and(...where))
    .orderBy(...order)
    .limit(page.limit + 1);
  const hasMore = rows.length > page.limit;
  const shown = (hasMore ? rows.slice(0, page.limit) : rows).map(({ params, ...row }) => ({
    ...row,
    ...previewOf(params),
  }));
  return { rows: shown, hasMore };
}

/** Limits of {@link countExplorerTasks}. */
export interface CountLimits {
  /** Counting stops after this many rows. */
  cap: number;
  /** Counting gives up after this many milliseconds (PostgreSQL's statement timeout, in a savepoint). */
  budgetMs: number;
  /** What is already known to match (e.g. a full page and one more): the least an estimate may say. */
  atLeast: number;
}

/**
 * How many tasks match: exact when counting is cheap — at most `cap` rows, read within `budgetMs` — else
 * the planner's estimate (never below what is known), so the figure costs little on any table size.
 */
export async function countExplorerTasks(
  tx: Db,
  f: ExplorerFilter,
  limits: CountLimits,
): Promise<{ count: number; exact: boolean }> {
  const condition = and(...filterConditions(f));
  let counted: number | null = null;
  // In a savepoint (raw: the scoped transactions of both drivers take plain SQL), so that a statement
  // canceled by the timeout leaves the transaction usable — and the timeout setting as it was.
  await tx.execute(sql`SAVEPOINT explorer_count`);
  try {
    await tx.execute(sql`SELECT set_config('statement_timeout', ${String(limits.budgetMs)}, true)`);
    const bounded = tx
      .select({ one: sql`1`.as('one') })
      .from(tasks)
      .where(condition)
      .limit(limits.cap + 1)
      .as('bounded');
    const [row] = await tx.select({ n: sql<number>`count(*)::int` }).from(bounded);
    counted = Number(row?.n ?? 0);
  } catch (error) {
    if (!isQueryCanceled(error)) throw error;
  }
  // Rolling back to the savepoint also undoes the timeout setting (and is all a canceled count needs).
  await tx.execute(sql`ROLLBACK TO SAVEPOINT explorer_count`);
  await tx.execute(sql`RELEASE SAVEPOINT explorer_count`);
  if (counted !== null && counted <= limits.cap) return { count: counted, exact: true };
  const estimate = await planRows(tx, tx.select({ one: sql`1` }).from(tasks).where(condition).getSQL());
  const known = counted === null ? limits.atLeast : limits.cap + 1;
  return { count: Math.max(known, Math.round(estimate ?? 0)), exact: false };
}

/** Whether a database error is a canceled statement (the statement timeout), possibly wrapped by the ORM. */
function isQueryCanceled(error: unknown): boolean {
  for (let e = error; e && typeof e === 'object'; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: unknown }).code === '57014') return true;
  }
  return false;
}

/** The planner's estimate of the rows a query returns (from `EXPLAIN (FORMAT JSON)`), or null. */
async function planRows(tx: Db, query: SQL): Promise<number | null> {
  const rows = await queryRows<Record<string, unknown>>(tx, sql`EXPLAIN (FORMAT JSON) ${query}`);
  const first = rows[0];
  if (!first) return null;
  const value = Object.values(first)[0];
  const plan = (typeof value === 'string' ? JSON.parse(value) : value) as Array<{
    Plan?: { 'Plan Rows'?: number };
  }>;
  const estimate = plan[0]?.Plan?.['Plan Rows'];
  return typeof estimate === 'number' && Number.isFinite(estimate) ? estimate : null;
}

/** Someone who submitted a labeling answer. */
export interface AnswerAuthor {
  userId: string;
  /** Null when the person is no longer a member (their name is not visible). */
  name: string | null;
}

/** The submitted labeling answers of each task's current round, by task id, in slot order. */
export async function currentAnswerAuthors(tx: Db, taskIds: string[]): Promise<Map<string, AnswerAuthor[]>> {
  const byTask = new Map<string, AnswerAuthor[]>();
  if (taskIds.length === 0) return byTask;
  const rows = await tx
    .select({ taskId: assignments.taskId, userId: assignments.userId, name: users.name })
    .from(assignments)
    .innerJoin(tasks, and(eq(tasks.id, assignments.taskId), eq(tasks.round, assignments.round)))
    .leftJoin(users, eq(users.id, assignments.userId))
    .where(
      and(
        sql`${assignments.taskId} = ANY(${sql.param(taskIds)}::text[])`,
        eq(assignments.stage, 'label'),
        eq(assignments.status, 'submitted'),
      ),
    )
    .orderBy(asc(assignments.taskId), asc(assignments.slot));
  for (const r of rows) {
    const list = byTask.get(r.taskId) ?? [];
    list.push({ userId: r.userId, name: r.name });
    byTask.set(r.taskId, list);
  }
  return byTask;
}

/** An assignment with the names of its person and workforce. */
export interface TimelineAssignmentRow {
  assignment: AssignmentRow;
  name: string | null;
  email: string | null;
  workforceName: string | null;
}

/** Every assignment of a task (all stages and rounds), in the order they were leased. */
export async function timelineAssignments(tx: Db, taskId: string): Promise<TimelineAssignmentRow[]> {
  return tx
    .select({
      assignment: assignments,
      name: users.name,
      email: users.email,
      workforceName: workforces.name,
    })
    .from(assignments)
    .leftJoin(users, eq(users.id, assignments.userId))
    .leftJoin(workforces, eq(workforces.id, assignments.workforceId))
    .where(eq(assignments.taskId, taskId))
    .orderBy(asc(assignments.leasedAt), asc(assignments.id));
}

/** A review (by a reviewer, or the customer's audit) with the name of who made it. */
export interface TimelineReviewRow {
  review: ReviewRow;
  /** The person's name, or the API key's name. */
  actorName: string | null;
  /** The person's email (null for an API key). */
  actorEmail: string | null;
}

/** Every review of a task, oldest first. */
export async function timelineReviews(tx: Db, taskId: string): Promise<TimelineReviewRow[]> {
  const rows = await tx
    .select({
      review: reviews,
      userName: users.name,
      userEmail: users.email,
      keyName: apiKeys.name,
    })
    .from(reviews)
    .leftJoin(users, and(eq(reviews.actorType, 'user'), eq(users.id, reviews.actorId)))
    .leftJoin(apiKeys, and(eq(reviews.actorType, 'api_key'), eq(apiKeys.id, reviews.actorId)))
    .where(eq(reviews.taskId, taskId))
    .orderBy(asc(reviews.createdAt), asc(reviews.id));
  return rows.map((r) => ({
    review: r.review,
    actorName: r.userName ?? r.keyName ?? null,
    actorEmail: r.userEmail ?? null,
  }));
}

/** The webhook deliveries about a task, oldest first. */
export async function timelineDeliveries(tx: Db, isTest: boolean, taskId: string): Promise<DeliveryRow[]> {
  return tx
    .select()
    .from(deliveries)
    .where(and(eq(deliveries.taskId, taskId), eq(deliveries.isTest, isTest)))
    .orderBy(asc(deliveries.createdAt), asc(deliveries.id));
}

/** A batch a filter may name. */
export interface BatchOption {
  id: string;
  name: string;
  status: (typeof batches.$inferSelect)['status'];
  createdAt: Date;
}

/** A project's batches, newest first (archived ones too: their tasks are still listed). */
export async function projectBatchOptions(tx: Db, projectId: string): Promise<BatchOption[]> {
  return tx
    .select({ id: batches.id, name: batches.name, status: batches.status, createdAt: batches.createdAt })
    .from(batches)
    .where(eq(batches.projectId, projectId))
    .orderBy(desc(batches.createdAt), desc(batches.id));
}

/** Someone who can answer tasks: a member whose role does work. */
export interface PersonOption {
  userId: string;
  name: string;
  email: string;
  role: string;
  disabled: boolean;
}

/** The organization's members whose role can label (everyone but viewers), by name. */
export async function answeringMembers(tx: Db): Promise<PersonOption[]> {
  return tx
    .select({
      userId: memberships.userId,
      name: users.name,
      email: users.email,
      role: memberships.role,
      disabled: memberships.disabled,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(sql`${memberships.role} <> 'viewer'`)
    .orderBy(asc(users.name), asc(users.email));
}

/** The id of the project's batch with this name (a filter must not reach into another project's batch). */
export async function batchOfProject(
  tx: Db,
  isTest: boolean,
  projectId: string,
  name: string,
): Promise<string | undefined> {
  const [row] = await tx
    .select({ id: batches.id })
    .from(batches)
    .where(and(eq(batches.isTest, isTest), eq(batches.projectId, projectId), eq(batches.name, name)))
    .limit(1);
  return row?.id;
}
