/** Task queries. Callers pass a transaction already scoped to the organization. */
import { and, eq, gte, inArray, lte, type SQL, sql } from 'drizzle-orm';
import { type Db, rawQuery } from '../db/database.ts';
import { idempotencyKeys, tasks } from '../db/schema.ts';
import { sealFieldText } from '../keys/field-cipher.ts';

/** A task row. */
export type TaskRow = typeof tasks.$inferSelect;
/** A task to insert. */
export type NewTaskRow = typeof tasks.$inferInsert;
/** The task statuses. */
export type TaskStatus = TaskRow['status'];

/** Finds a task by id. */
export async function findTask(tx: Db, isTest: boolean, id: string): Promise<TaskRow | undefined> {
  const [row] = await tx
    .select()
    .from(tasks)
    .where(and(eq(tasks.id, id), eq(tasks.isTest, isTest)))
    .limit(1);
  return row;
}

/** Locks and returns a task for an update in this transaction. */
export async function lockTask(tx: Db, isTest: boolean, id: string): Promise<TaskRow | undefined> {
  const [row] = await tx
    .select()
    .from(tasks)
    .where(and(eq(tasks.id, id), eq(tasks.isTest, isTest)))
    .limit(1)
    .for('update');
  return row;
}

/** The task holding a unique_id, if any. */
export async function findTaskIdByUniqueId(
  tx: Db,
  isTest: boolean,
  uniqueId: string,
): Promise<string | undefined> {
  const [row] = await tx
    .select({ id: tasks.id })
    .from(tasks)
    .where(and(eq(tasks.isTest, isTest), eq(tasks.uniqueId, uniqueId)))
    .limit(1);
  return row?.id;
}

/** The task ids holding any of these unique_ids. */
export async function findTaskIdsByUniqueIds(
  tx: Db,
  isTest: boolean,
  uniqueIds: string[],
): Promise<Map<string, string>> {
  if (uniqueIds.length === 0) return new Map();
  const rows = await tx
    .select({ id: tasks.id, uniqueId: tasks.uniqueId })
    .from(tasks)
    .where(and(eq(tasks.isTest, isTest), sql`${tasks.uniqueId} = ANY(${sql.param(uniqueIds)}::text[])`));
  return new Map(rows.map((r) => [r.uniqueId ?? '', r.id]));
}

/**
 * Inserts a task. Returns undefined when its unique_id is already taken (the insert is skipped, not
 * failed, so the transaction stays usable).
 */
export async function insertTask(tx: Db, row: NewTaskRow): Promise<TaskRow | undefined> {
  const [created] = await tx
    .insert(tasks)
    .values(row)
    .onConflictDoNothing({
      target: [tasks.orgId, tasks.isTest, tasks.uniqueId],
      where: sql`unique_id IS NOT NULL`,
    })
    .returning();
  return created;
}

/** The columns a new task is written with, in the order of `taskValues` and the bulk COPY. */
export const TASK_INSERT_COLUMNS = [
  'id',
  'org_id',
  'is_test',
  'project_id',
  'batch_id',
  'type',
  'status',
  'instruction',
  'params',
  'response',
  'metadata',
  'tags',
  'unique_id',
  'clear_unique_id_on_error',
  'priority',
  'callback_url',
  'params_version',
  'created_at',
  'updated_at',
  'completed_at',
] as const;

/** A new task's values in TASK_INSERT_COLUMNS order, JSON columns serialized (content sealed with the organization's keys in scope). */
export function taskValues(r: NewTaskRow): unknown[] {
  return [
    r.id,
    r.orgId,
    r.isTest,
    r.projectId,
    r.batchId ?? null,
    r.type,
    r.status ?? 'pending',
    r.instruction ?? null,
    sealFieldText('tasks.params', r.params),
    sealFieldText('tasks.response', r.response),
    JSON.stringify(r.metadata),
    r.tags ?? null,
    r.uniqueId ?? null,
    r.clearUniqueIdOnError ?? false,
    r.priority ?? 20,
    r.callbackUrl ?? null,
    r.paramsVersion ?? null,
    r.createdAt,
    r.updatedAt,
    r.completedAt ?? null,
  ];
}

/** A new task as one line of PostgreSQL's text COPY format, columns in TASK_INSERT_COLUMNS order. */
export function taskCopyLine(r: NewTaskRow): string {
  return `${taskValues(r).map(copyField).join('\t')}\n`;
}

/** One value in PostgreSQL's text COPY format. */
function copyField(value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  if (typeof value === 'boolean') return value ? 't' : 'f';
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return copyText(pgArray(value as string[]));
  return copyText(String(value));
}

/** Escapes a value for PostgreSQL's text COPY format. */
function copyText(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
}

/** A text[] value in PostgreSQL's array literal syntax. */
function pgArray(values: string[]): string {
  return `{${values.map((v) => `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`).join(',')}}`;
}

const GUARDED_INSERT = `INSERT INTO tasks (${TASK_INSERT_COLUMNS.join(', ')})
SELECT $1, $2, $3::boolean, $4, $5, $6, $7, $8, $9::jsonb, $10::jsonb, $11::jsonb, $12::text[], $13, $14::boolean,
  $15::integer, $16, $17::integer, $18::timestamptz, $19::timestamptz, $20::timestamptz
WHERE EXISTS (SELECT 1 FROM projects WHERE id = $4 AND version = $21::integer)
  AND ($5::text IS NULL OR EXISTS (SELECT 1 FROM batches WHERE id = $5 AND project_id = $4 AND status <> 'completed'))
ON CONFLICT (org_id, is_test, unique_id) WHERE unique_id IS NOT NULL DO NOTHING
RETURNING id`;

/**
 * Inserts a task only if its project is still at `projectVersion` and its batch (if any) is not
 * completed — the premises under which the caller validated it from cached rows. Returns false when
 * nothing was written (a premise changed, or the unique_id is taken); the caller then takes the slow
 * path. One round trip, built once: this is the hot path of task creation.
 */
export async function insertTaskIfCurrent(tx: Db, row: NewTaskRow, projectVersion: number): Promise<boolean> {
  const rows = await rawQuery<{ id: string }>(tx, {
    name: 'groundwork_task_insert_if_current',
    text: GUARDED_INSERT,
    values: [...taskValues(row), projectVersion],
  });
  return rows.length === 1;
}

/** Updates a task and returns it. */
export async function updateTask(tx: Db, id: string, values: Partial<NewTaskRow>): Promise<TaskRow> {
  const [row] = await tx
    .update(tasks)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(tasks.id, id))
    .returning();
  if (!row) throw new Error(`task ${id} vanished`);
  return row;
}

/** Records an Idempotency-Key; returns the task id that already used it, if any. */
export async function claimIdempotencyKey(
  tx: Db,
  isTest: boolean,
  key: string,
  taskId: string,
  orgId: string,
): Promise<string | undefined> {
  const [inserted] = await tx
    .insert(idempotencyKeys)
    .values({ orgId, isTest, key, taskId })
    .onConflictDoNothing()
    .returning({ taskId: idempotencyKeys.taskId });
  if (inserted) return undefined;
  const [existing] = await tx
    .select({ taskId: idempotencyKeys.taskId })
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.isTest, isTest), eq(idempotencyKeys.key, key)));
  return existing?.taskId ?? '';
}

/** Filters of the task list (Scale's GET /v1/tasks). */
export interface TaskFilter {
  isTest: boolean;
  projectId?: string;
  batchId?: string;
  status?: TaskStatus;
  type?: string;
  createdAfter?: Date;
  createdBefore?: Date;
  completedAfter?: Date;
  completedBefore?: Date;
  updatedAfter?: Date;
  updatedBefore?: Date;
  customerReviewStatus?: string[];
  uniqueIds?: string[];
  tags?: string[];
}

function filterCondition(f: TaskFilter): SQL | undefined {
  const where: (SQL | undefined)[] = [eq(tasks.isTest, f.isTest)];
  if (f.projectId) where.push(eq(tasks.projectId, f.projectId));
  if (f.batchId) where.push(eq(tasks.batchId, f.batchId));
  if (f.status) where.push(eq(tasks.status, f.status));
  if (f.type) where.push(eq(tasks.type, f.type));
  if (f.createdAfter) where.push(gte(tasks.createdAt, f.createdAfter));
  if (f.createdBefore) where.push(lte(tasks.createdAt, f.createdBefore));
  if (f.completedAfter) where.push(gte(tasks.completedAt, f.completedAfter));
  if (f.completedBefore) where.push(lte(tasks.completedAt, f.completedBefore));
  if (f.updatedAfter) where.push(gte(tasks.updatedAt, f.updatedAfter));
  if (f.updatedBefore) where.push(lte(tasks.updatedAt, f.updatedBefore));
  if (f.customerReviewStatus?.length) {
    const statuses = f.customerReviewStatus;
    // Tasks nobody has audited yet are `pending` review.
    where.push(
      statuses.includes('pending')
        ? sql`coalesce(${tasks.customerReviewStatus}, 'pending') IN ${statuses}`
        : inArray(tasks.customerReviewStatus, statuses),
    );
  }
  if (f.uniqueIds?.length) where.push(inArray(tasks.uniqueId, f.uniqueIds));
  if (f.tags?.length) where.push(sql`${tasks.tags} && ${sql.param(f.tags)}::text[]`);
  return and(...where);
}

/** A position in the newest-first order, for token pagination. */
export interface TaskCursor {
  createdAt: Date;
  id: string;
}

/** One page of tasks, newest first; `limit + 1` rows are read to tell whether more exist. */
export async function listTasks(
  tx: Db,
  f: TaskFilter,
  page: { limit: number; offset?: number; after?: TaskCursor },
): Promise<{ rows: TaskRow[]; hasMore: boolean }> {
  const condition = filterCondition(f);
  const after = page.after
    ? sql`(${tasks.createdAt}, ${tasks.id}) < (${page.after.createdAt.toISOString()}::timestamptz, ${page.after.id})`
    : undefined;
  const rows = await tx
    .select()
    .from(tasks)
    .where(after ? and(condition, after) : condition)
    // Spelled as the indexes are (DESC NULLS LAST): a plain DESC means NULLS FIRST, which PostgreSQL will not
    // read from those indexes, and every page would sort the whole project.
    .orderBy(sql`${tasks.createdAt} DESC NULLS LAST`, sql`${tasks.id} DESC NULLS LAST`)
    .limit(page.limit + 1)
    .offset(page.offset ?? 0);
  const hasMore = rows.length > page.limit;
  return { rows: hasMore ? rows.slice(0, page.limit) : rows, hasMore };
}

/** How many tasks match the filter. */
export async function countTasks(tx: Db, f: TaskFilter): Promise<number> {
  const [row] = await tx.select({ n: sql<number>`count(*)::int` }).from(tasks).where(filterCondition(f));
  return row?.n ?? 0;
}

/** Whether a batch still has tasks that are not terminal. */
export async function batchHasPendingTasks(tx: Db, batchId: string): Promise<boolean> {
  const [row] = await tx
    .select({ id: tasks.id })
    .from(tasks)
    .where(and(eq(tasks.batchId, batchId), eq(tasks.status, 'pending')))
    .limit(1);
  return row !== undefined;
}

/** Whether a batch has any task at all. */
export async function batchHasTasks(tx: Db, batchId: string): Promise<boolean> {
  const [row] = await tx.select({ id: tasks.id }).from(tasks).where(eq(tasks.batchId, batchId)).limit(1);
  return row !== undefined;
}
