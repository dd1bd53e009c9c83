/** Login session queries: sessions, and the users and memberships a login resolves. */
import { and, asc, eq, lt, or } from 'drizzle-orm';
import type { Db } from '../db/database.ts';
import { memberships, organizations, sessions, users } from '../db/schema.ts';
import type { Role } from '../services/principal.ts';

/** A session row. */
export type SessionRow = typeof sessions.$inferSelect;

/** A session with the person, membership and organization it acts for. */
export interface SessionRecord {
  id: string;
  orgId: string;
  orgSlug: string;
  orgName: string;
  userId: string;
  email: string;
  name: string;
  role: Role;
  workforceId: string | null;
  disabled: boolean;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
}

const sessionColumns = {
  id: sessions.id,
  orgId: organizations.id,
  orgSlug: organizations.slug,
  orgName: organizations.name,
  userId: users.id,
  email: users.email,
  name: users.name,
  role: memberships.role,
  workforceId: memberships.workforceId,
  disabled: memberships.disabled,
  createdAt: sessions.createdAt,
  lastSeenAt: sessions.lastSeenAt,
  expiresAt: sessions.expiresAt,
};

/**
 * Resolves a token hash to its session (system access: precedes tenant scope). A session whose
 * membership is gone resolves to nothing.
 */
export async function findSessionByTokenHash(
  system: Db,
  tokenHash: string,
): Promise<SessionRecord | undefined> {
  const [row] = await system
    .select(sessionColumns)
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(organizations, eq(organizations.id, sessions.orgId))
    .innerJoin(
      memberships,
      and(eq(memberships.orgId, sessions.orgId), eq(memberships.userId, sessions.userId)),
    )
    .where(eq(sessions.tokenHash, tokenHash))
    .limit(1);
  return row;
}

/** Inserts a session (system or the organization's transaction). */
export async function insertSession(tx: Db, row: typeof sessions.$inferInsert): Promise<SessionRow> {
  const [created] = await tx.insert(sessions).values(row).returning();
  if (!created) throw new Error('session insert returned nothing');
  return created;
}

/** Records activity on a session (its idle expiry counts from here). */
export async function touchSession(system: Db, id: string, at: Date): Promise<void> {
  await system.update(sessions).set({ lastSeenAt: at }).where(eq(sessions.id, id));
}

/** Deletes one session by id (system access). */
export async function deleteSession(system: Db, id: string): Promise<void> {
  await system.delete(sessions).where(eq(sessions.id, id));
}

/** Deletes a user's sessions in the scoped organization; returns their ids. */
export async function deleteSessionsOfUser(tx: Db, userId: string): Promise<string[]> {
  const rows = await tx.delete(sessions).where(eq(sessions.userId, userId)).returning({ id: sessions.id });
  return rows.map((r) => r.id);
}

/** Deletes a user's sessions (in every organization) that expired absolutely or by idleness. */
export async function deleteExpiredSessionsOfUser(
  system: Db,
  userId: string,
  now: Date,
  idleSince: Date,
): Promise<void> {
  await system
    .delete(sessions)
    .where(
      and(eq(sessions.userId, userId), or(lt(sessions.expiresAt, now), lt(sessions.lastSeenAt, idleSince))),
    );
}

/** A person as a login sees them: their password hash and their memberships, oldest first. */
export interface LoginCandidate {
  id: string;
  email: string;
  name: string;
  passwordHash: string | null;
  memberships: Array<{
    orgId: string;
    orgSlug: string;
    orgName: string;
    role: Role;
    workforceId: string | null;
    disabled: boolean;
  }>;
}

/** The user with this (normalized) email and their memberships (system access). */
export async function findLoginCandidate(system: Db, email: string): Promise<LoginCandidate | undefined> {
  const [user] = await system
    .select({ id: users.id, email: users.email, name: users.name, passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.email, email))
    .limit(1);
  if (!user) return undefined;
  const rows = await system
    .select({
      orgId: organizations.id,
      orgSlug: organizations.slug,
      orgName: organizations.name,
      role: memberships.role,
      workforceId: memberships.workforceId,
      disabled: memberships.disabled,
    })
    .from(memberships)
    .innerJoin(organizations, eq(organizations.id, memberships.orgId))
    .where(eq(memberships.userId, user.id))
    .orderBy(asc(memberships.createdAt), asc(organizations.slug));
  return { ...user, memberships: rows };
}

/** Deletes every session that expired absolutely or by idleness (a periodic job, all organizations). */
export async function deleteExpiredSessions(system: Db, now: Date, idleSince: Date): Promise<number> {
  const deleted = await system
    .delete(sessions)
    .where(or(lt(sessions.expiresAt, now), lt(sessions.lastSeenAt, idleSince)))
    .returning({ id: sessions.id });
  return deleted.length;
}
