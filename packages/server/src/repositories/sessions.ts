/**
 * Login session queries: sessions, and the users and memberships a login resolves. A session that ends
 * is not deleted but kept as a tombstone (`ended_at`, `end_reason`) for {@link TOMBSTONE_RETENTION_MS},
 * so that its cookie, presented again, is recognised as a replay rather than as an unknown token.
 */
import { and, asc, desc, eq, gt, isNotNull, isNull, lt, ne, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../db/database.ts';
import { memberships, organizations, sessions, users } from '../db/schema.ts';
import type { Role } from '../services/principal.ts';

/** A session row. */
export type SessionRow = typeof sessions.$inferSelect;

/** Why a session ended. */
export type SessionEndReason = NonNullable<SessionRow['endReason']>;

/** How long an ended session is kept as a tombstone before the sweep deletes it: 30 days. */
export const TOMBSTONE_RETENTION_MS = 30 * 24 * 60 * 60 * 1000;

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
  /** When the session ended (a tombstone); null while it is live. */
  endedAt: Date | null;
  /** Why it ended; null while it is live. */
  endReason: SessionEndReason | null;
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
  endedAt: sessions.endedAt,
  endReason: sessions.endReason,
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

/**
 * Ends one live session (keeps it as a tombstone); returns whether it was live. System access, or the
 * organization's transaction.
 */
export async function endSession(tx: Db, id: string, reason: SessionEndReason, at: Date): Promise<boolean> {
  const rows = await tx
    .update(sessions)
    .set({ endedAt: at, endReason: reason })
    .where(and(eq(sessions.id, id), isNull(sessions.endedAt)))
    .returning({ id: sessions.id });
  return rows.length > 0;
}

/**
 * Ends the live sessions of a user in the scoped organization, but the one `exceptId` names; returns the
 * ids it ended.
 */
export async function endSessionsOfUser(
  tx: Db,
  input: { userId: string; reason: SessionEndReason; at: Date; exceptId?: string },
): Promise<string[]> {
  const rows = await tx
    .update(sessions)
    .set({ endedAt: input.at, endReason: input.reason })
    .where(
      and(
        eq(sessions.userId, input.userId),
        isNull(sessions.endedAt),
        input.exceptId === undefined ? undefined : ne(sessions.id, input.exceptId),
      ),
    )
    .returning({ id: sessions.id });
  return rows.map((r) => r.id);
}

/** Ends (as `expired`) a user's live sessions, in every organization, past their absolute or idle end. */
export async function endExpiredSessionsOfUser(
  system: Db,
  userId: string,
  now: Date,
  idleSince: Date,
): Promise<void> {
  await system
    .update(sessions)
    .set({ endedAt: now, endReason: 'expired' })
    .where(
      and(
        eq(sessions.userId, userId),
        isNull(sessions.endedAt),
        or(lt(sessions.expiresAt, now), lt(sessions.lastSeenAt, idleSince)),
      ),
    );
}

/** A session as its holder sees it in the list of their sessions. */
export interface SessionListRow {
  id: string;
  userId: string;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
  ip: string | null;
  userAgent: string | null;
}

const listColumns = {
  id: sessions.id,
  userId: sessions.userId,
  createdAt: sessions.createdAt,
  lastSeenAt: sessions.lastSeenAt,
  expiresAt: sessions.expiresAt,
  ip: sessions.ip,
  userAgent: sessions.userAgent,
};

/**
 * The live sessions of a user in the scoped organization (not ended, not past their absolute or idle
 * end), most recently seen first.
 */
export async function listLiveSessionsOfUser(
  tx: Db,
  input: { orgId: string; userId: string; now: Date; idleSince: Date },
): Promise<SessionListRow[]> {
  return tx
    .select(listColumns)
    .from(sessions)
    .where(
      and(
        eq(sessions.orgId, input.orgId),
        eq(sessions.userId, input.userId),
        isNull(sessions.endedAt),
        gt(sessions.expiresAt, input.now),
        gt(sessions.lastSeenAt, input.idleSince),
      ),
    )
    .orderBy(desc(sessions.lastSeenAt), desc(sessions.id));
}

/** One session of the scoped organization by id, live or not (undefined when unknown). */
export async function findSessionInOrg(
  tx: Db,
  orgId: string,
  id: string,
): Promise<(SessionListRow & { endedAt: Date | null }) | undefined> {
  const [row] = await tx
    .select({ ...listColumns, endedAt: sessions.endedAt })
    .from(sessions)
    .where(and(eq(sessions.orgId, orgId), eq(sessions.id, id)))
    .limit(1);
  return row;
}

/**
 * Claims the right to audit a replay of an ended session: true (and the claim recorded) when no replay of
 * it was audited since `since`. One conditional update, so concurrent replays audit once.
 */
export async function claimReplayAudit(system: Db, id: string, at: Date, since: Date): Promise<boolean> {
  const rows = await system
    .update(sessions)
    .set({ replayAuditedAt: at })
    .where(
      and(
        eq(sessions.id, id),
        isNotNull(sessions.endedAt),
        or(isNull(sessions.replayAuditedAt), lt(sessions.replayAuditedAt, since)),
      ),
    )
    .returning({ id: sessions.id });
  return rows.length > 0;
}

/** A person as a login sees them: their password hash and their memberships, oldest first. */
export interface LoginCandidate {
  id: string;
  email: string;
  name: string;
  passwordHash: string | null;
  /** Whether the person signs in with a second factor (TOTP) after the password. */
  totpEnabled: boolean;
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
  return loginCandidateWhere(system, eq(users.email, email));
}

/** The user with this id and their memberships (system access): the second sign-in step. */
export async function findLoginCandidateById(system: Db, id: string): Promise<LoginCandidate | undefined> {
  return loginCandidateWhere(system, eq(users.id, id));
}

async function loginCandidateWhere(system: Db, where: SQL): Promise<LoginCandidate | undefined> {
  const [user] = await system
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      passwordHash: users.passwordHash,
      totpEnabled: sql<boolean>`${users.totpEnabledAt} IS NOT NULL`,
    })
    .from(users)
    .where(where)
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
  return { ...user, totpEnabled: Boolean(user.totpEnabled), memberships: rows };
}

/**
 * The sweep of every organization's sessions: ends (as `expired`) live sessions past their absolute or idle
 * end, and deletes tombstones that ended more than {@link TOMBSTONE_RETENTION_MS} ago. Returns how many
 * tombstones it deleted.
 */
export async function sweepSessions(system: Db, now: Date, idleSince: Date): Promise<number> {
  await system
    .update(sessions)
    .set({ endedAt: now, endReason: 'expired' })
    .where(
      and(isNull(sessions.endedAt), or(lt(sessions.expiresAt, now), lt(sessions.lastSeenAt, idleSince))),
    );
  const deleted = await system
    .delete(sessions)
    .where(lt(sessions.endedAt, new Date(now.getTime() - TOMBSTONE_RETENTION_MS)))
    .returning({ id: sessions.id });
  return deleted.length;
}
