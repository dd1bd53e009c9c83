/**
 * Workforce and membership-workforce queries. Callers pass a transaction already scoped to the
 * organization (row-level security keeps every query inside it).
 */
import { asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/database.ts';
import { memberships, users, workforces } from '../db/schema.ts';

/** A workforce row. */
export type WorkforceRow = typeof workforces.$inferSelect;

/** The editable fields of a workforce. */
export type WorkforceChanges = Partial<
  Pick<WorkforceRow, 'name' | 'kind' | 'contact' | 'description' | 'archived'>
>;

/** A member of a workforce as its member list shows them. */
export interface WorkforceMemberRow {
  userId: string;
  email: string;
  name: string;
  role: string;
  disabled: boolean;
  joinedAt: Date;
}

/** The workforces of the organization, oldest first; `archived` filters when given. */
export async function listWorkforces(tx: Db, archived?: boolean): Promise<WorkforceRow[]> {
  return tx
    .select()
    .from(workforces)
    .where(archived === undefined ? undefined : eq(workforces.archived, archived))
    .orderBy(asc(workforces.createdAt), asc(workforces.id));
}

/** A workforce by id, optionally locked for an update. */
export async function findWorkforce(
  tx: Db,
  id: string,
  forUpdate = false,
): Promise<WorkforceRow | undefined> {
  const query = tx.select().from(workforces).where(eq(workforces.id, id)).limit(1);
  const [row] = forUpdate ? await query.for('update') : await query;
  return row;
}

/**
 * The workforces among `ids` (unknown ids are simply absent); with `forShare`, locked against
 * concurrent changes (an archive) until the transaction ends.
 */
export async function findWorkforces(tx: Db, ids: string[], forShare = false): Promise<WorkforceRow[]> {
  if (ids.length === 0) return [];
  const query = tx.select().from(workforces).where(inArray(workforces.id, ids)).orderBy(asc(workforces.id));
  return forShare ? query.for('share') : query;
}

/** Inserts a workforce; undefined if the name is taken in the organization. */
export async function insertWorkforce(
  tx: Db,
  row: typeof workforces.$inferInsert,
): Promise<WorkforceRow | undefined> {
  const [created] = await tx.insert(workforces).values(row).onConflictDoNothing().returning();
  return created;
}

/**
 * Updates a workforce; undefined if the new name is taken (the unique index refuses it, which aborts the
 * transaction: the caller must fail it).
 */
export async function updateWorkforce(
  tx: Db,
  id: string,
  changes: WorkforceChanges,
): Promise<WorkforceRow | undefined> {
  try {
    const [row] = await tx
      .update(workforces)
      .set({ ...changes, updatedAt: new Date() })
      .where(eq(workforces.id, id))
      .returning();
    return row;
  } catch (error) {
    if (isUniqueViolation(error)) return undefined;
    throw error;
  }
}

/** The members whose membership names the workforce, by email. */
export async function listWorkforceMembers(tx: Db, workforceId: string): Promise<WorkforceMemberRow[]> {
  return tx
    .select({
      userId: users.id,
      email: users.email,
      name: users.name,
      role: memberships.role,
      disabled: memberships.disabled,
      joinedAt: memberships.createdAt,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.workforceId, workforceId))
    .orderBy(asc(users.email));
}

/** A member's workforce (null: none), or undefined when the user is not a member of the organization. */
export async function findMemberWorkforce(
  tx: Db,
  userId: string,
  forUpdate = false,
): Promise<{ workforceId: string | null } | undefined> {
  const query = tx
    .select({ workforceId: memberships.workforceId })
    .from(memberships)
    .where(eq(memberships.userId, userId))
    .limit(1);
  const [row] = forUpdate ? await query.for('update') : await query;
  return row;
}

/** Sets a member's workforce. */
export async function setMemberWorkforce(tx: Db, userId: string, workforceId: string | null): Promise<void> {
  await tx.update(memberships).set({ workforceId }).where(eq(memberships.userId, userId));
}

/** Whether a database error is a unique-constraint violation (possibly wrapped by the ORM). */
function isUniqueViolation(error: unknown): boolean {
  for (let e = error; e && typeof e === 'object'; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: unknown }).code === '23505') return true;
  }
  return false;
}
