/** File queries. Callers pass a transaction already scoped to the organization. */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db/database.ts';
import { files } from '../db/schema.ts';

/** A file row. */
export type FileRow = typeof files.$inferSelect;

/** Inserts a file; returns undefined if its reference_id is taken. */
export async function insertFile(tx: Db, row: typeof files.$inferInsert): Promise<FileRow | undefined> {
  const [created] = await tx
    .insert(files)
    .values(row)
    .onConflictDoNothing({
      target: [files.orgId, files.isTest, files.referenceId],
      where: sql`reference_id IS NOT NULL`,
    })
    .returning();
  return created;
}

/** Finds a file by id. */
export async function findFile(tx: Db, isTest: boolean, id: string): Promise<FileRow | undefined> {
  const [row] = await tx
    .select()
    .from(files)
    .where(and(eq(files.id, id), eq(files.isTest, isTest)))
    .limit(1);
  return row;
}

/** Which of these file ids exist in the environment. */
export async function existingFileIds(tx: Db, isTest: boolean, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await tx
    .select({ id: files.id })
    .from(files)
    .where(and(eq(files.isTest, isTest), inArray(files.id, ids)));
  return new Set(rows.map((r) => r.id));
}
