/** Batch queries. Callers pass a transaction already scoped to the organization. */
import { and, desc, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import type { Db } from '../db/database.ts';
import { batches, tasks } from '../db/schema.ts';

/** A batch row. */
export type BatchRow = typeof batches.$inferSelect;

/** Finds a batch by name in one environment. */
export async function findBatchByName(tx: Db, isTest: boolean, name: string): Promise<BatchRow | undefined> {
  const [row] = await tx
    .select()
    .from(batches)
    .where(and(eq(batches.isTest, isTest), eq(batches.name, name)))
    .limit(1);
  return row;
}

/** Finds a batch by id. */
export async function findBatchById(tx: Db, id: string): Promise<BatchRow | undefined> {
  const [row] = await tx.select().from(batches).where(eq(batches.id, id)).limit(1);
  return row;
}

/** Inserts a batch; returns undefined if the name is taken. */
export async function insertBatch(tx: Db, row: typeof batches.$inferInsert): Promise<BatchRow | undefined> {
  const [created] = await tx.insert(batches).values(row).onConflictDoNothing().returning();
  return created;
}

/** Updates a batch. */
export async function updateBatch(
  tx: Db,
  id: string,
  values: Partial<Pick<BatchRow, 'status' | 'metadata' | 'completedAt' | 'priority'>>,
): Promise<BatchRow> {
  const [row] = await tx
    .update(batches)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(batches.id, id))
    .returning();
  if (!row) throw new Error(`batch ${id} vanished`);
  return row;
}

/** Filters of the batch list. */
export interface BatchFilter {
  isTest: boolean;
  projectId?: string;
  status?: BatchRow['status'];
  createdAfter?: Date;
  createdBefore?: Date;
  excludeArchived?: boolean;
  limit: number;
  offset: number;
}

/** One page of batches, newest first, and the count of all that match. */
export async function listBatches(tx: Db, f: BatchFilter): Promise<{ rows: BatchRow[]; total: number }> {
  const where = [eq(batches.isTest, f.isTest)];
  if (f.projectId) where.push(eq(batches.projectId, f.projectId));
  if (f.status) where.push(eq(batches.status, f.status));
  if (f.createdAfter) where.push(gte(batches.createdAt, f.createdAfter));
  if (f.createdBefore) where.push(lte(batches.createdAt, f.createdBefore));
  if (f.excludeArchived) where.push(eq(batches.archived, false));
  const condition = and(...where);
  const [rows, [count]] = await Promise.all([
    tx
      .select()
      .from(batches)
      .where(condition)
      .orderBy(desc(batches.createdAt), desc(batches.id))
      .limit(f.limit)
      .offset(f.offset),
    tx.select({ n: sql<number>`count(*)::int` }).from(batches).where(condition),
  ]);
  return { rows, total: count?.n ?? 0 };
}

/** Task counts by status for a batch. */
export async function countBatchTasks(tx: Db, batchId: string): Promise<Record<string, number>> {
  const rows = await tx
    .select({ status: tasks.status, n: sql<number>`count(*)::int` })
    .from(tasks)
    .where(eq(tasks.batchId, batchId))
    .groupBy(tasks.status);
  return Object.fromEntries(rows.map((r) => [r.status, r.n]));
}

/** Names of batches by id. */
export async function batchNames(tx: Db, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await tx
    .select({ id: batches.id, name: batches.name })
    .from(batches)
    .where(inArray(batches.id, ids));
  return new Map(rows.map((r) => [r.id, r.name]));
}
