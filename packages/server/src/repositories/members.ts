/** Membership queries of the scoped organization (a person's role, workforce and status in it). */
import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../db/database.ts';
import { memberships, users } from '../db/schema.ts';
import type { Role } from '../services/principal.ts';

/** A member: the membership with the person's identity. */
export interface MemberRow {
  userId: string;
  email: string;
  name: string;
  role: Role;
  workforceId: string | null;
  disabled: boolean;
  createdAt: Date;
}

const memberColumns = {
  userId: memberships.userId,
  email: users.email,
  name: users.name,
  role: memberships.role,
  workforceId: memberships.workforceId,
  disabled: memberships.disabled,
  createdAt: memberships.createdAt,
};

/** The members of the scoped organization, by email. */
export async function listMemberRows(tx: Db): Promise<MemberRow[]> {
  return tx
    .select(memberColumns)
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .orderBy(asc(users.email));
}

/** One member of the scoped organization. */
export async function findMember(tx: Db, userId: string): Promise<MemberRow | undefined> {
  const [row] = await tx
    .select(memberColumns)
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.userId, userId))
    .limit(1);
  return row;
}

/**
 * Locks the owner memberships of the scoped organization and returns the user ids of the enabled ones,
 * so that two concurrent changes cannot both remove "the other" last owner.
 */
export async function lockEnabledOwners(tx: Db): Promise<string[]> {
  const rows = await tx
    .select({ userId: memberships.userId, disabled: memberships.disabled })
    .from(memberships)
    .where(eq(memberships.role, 'owner'))
    .for('update');
  return rows.filter((r) => !r.disabled).map((r) => r.userId);
}

/** Changes a membership's role or status. */
export async function updateMembership(
  tx: Db,
  userId: string,
  set: { role?: Role; disabled?: boolean },
): Promise<void> {
  await tx.update(memberships).set(set).where(eq(memberships.userId, userId));
}

/** Removes a membership; whether it existed. */
export async function deleteMembership(tx: Db, userId: string): Promise<boolean> {
  const rows = await tx
    .delete(memberships)
    .where(eq(memberships.userId, userId))
    .returning({ userId: memberships.userId });
  return rows.length > 0;
}

/** Adds a membership unless the person already is a member; whether it was added. */
export async function insertMembershipIfAbsent(
  tx: Db,
  row: { orgId: string; userId: string; role: Role; workforceId: string | null },
): Promise<boolean> {
  const rows = await tx
    .insert(memberships)
    .values(row)
    .onConflictDoNothing()
    .returning({ userId: memberships.userId });
  return rows.length > 0;
}

/** Whether the person is a member of the organization (any transaction; the org is named explicitly). */
export async function isMember(tx: Db, orgId: string, userId: string): Promise<boolean> {
  const [row] = await tx
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.orgId, orgId), eq(memberships.userId, userId)))
    .limit(1);
  return row !== undefined;
}
