/**
 * The audit log's reads: pages of an organization's events newest first (with who acted, by name),
 * and runs of events in chain order (id ascending) for verification and the JSON Lines export. Every
 * function takes a transaction scoped to the organization and also names the organization in its
 * conditions. Appending is `commands/record-audit.ts`.
 */
import { and, asc, count, desc, eq, gt, gte, like, lt, lte, max, type SQL } from 'drizzle-orm';
import type { Db } from '../db/database.ts';
import { apiKeys, auditEvents, organizations, users } from '../db/schema.ts';

/** An audit event as stored. */
export type AuditEventRow = typeof auditEvents.$inferSelect;

/** An audit event with the names of who acted (null when unknown: a former member, the system). */
export interface AuditEventListed {
  event: AuditEventRow;
  /** The acting user's name and email, when the actor is a user still visible to the organization. */
  user: { name: string; email: string } | null;
  /** The acting API key's name and environment, when the actor is an API key. */
  apiKey: { name: string; environment: 'live' | 'test' } | null;
}

/** Which events to read. */
export interface AuditEventFilter {
  orgId: string;
  /** Only events of this actor (a user id or an API key id). */
  actorId?: string;
  /** Only events whose action starts with this (`task.` or `task.view`). */
  actionPrefix?: string;
  /** Only events about objects of this type (`task`, `api_key`...). */
  targetType?: string;
  /** Only events about the object with this id. */
  targetId?: string;
  /** Only events at or after this time. */
  from?: Date;
  /** Only events before this time. */
  to?: Date;
}

/** The columns every read returns. */
const eventColumns = {
  id: auditEvents.id,
  orgId: auditEvents.orgId,
  actorType: auditEvents.actorType,
  actorId: auditEvents.actorId,
  action: auditEvents.action,
  targetType: auditEvents.targetType,
  targetId: auditEvents.targetId,
  data: auditEvents.data,
  createdAt: auditEvents.createdAt,
  prevHash: auditEvents.prevHash,
  hash: auditEvents.hash,
  ip: auditEvents.ip,
  userAgent: auditEvents.userAgent,
};

/** A LIKE pattern matching values that start with `prefix` (its `%`, `_` and `\` taken literally). */
export function likePrefix(prefix: string): string {
  return `${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function conditions(f: AuditEventFilter): SQL[] {
  const where = [eq(auditEvents.orgId, f.orgId)];
  if (f.actorId !== undefined) where.push(eq(auditEvents.actorId, f.actorId));
  if (f.actionPrefix !== undefined) where.push(like(auditEvents.action, likePrefix(f.actionPrefix)));
  if (f.targetType !== undefined) where.push(eq(auditEvents.targetType, f.targetType));
  if (f.targetId !== undefined) where.push(eq(auditEvents.targetId, f.targetId));
  if (f.from !== undefined) where.push(gte(auditEvents.createdAt, f.from));
  if (f.to !== undefined) where.push(lt(auditEvents.createdAt, f.to));
  return where;
}

/**
 * One page of events newest first, keyset by id (`before`: the last id of the previous page); reads
 * `limit + 1` rows to tell whether more exist.
 */
export async function listAuditEvents(
  tx: Db,
  filter: AuditEventFilter,
  page: { limit: number; before?: number },
): Promise<{ rows: AuditEventListed[]; hasMore: boolean }> {
  const where = conditions(filter);
  if (page.before !== undefined) where.push(lt(auditEvents.id, page.before));
  const rows = await tx
    .select({
      event: eventColumns,
      userName: users.name,
      userEmail: users.email,
      keyName: apiKeys.name,
      keyEnvironment: apiKeys.environment,
    })
    .from(auditEvents)
    .leftJoin(users, and(eq(auditEvents.actorType, 'user'), eq(users.id, auditEvents.actorId)))
    .leftJoin(
      apiKeys,
      and(
        eq(auditEvents.actorType, 'api_key'),
        eq(apiKeys.id, auditEvents.actorId),
        eq(apiKeys.orgId, filter.orgId),
      ),
    )
    .where(and(...where))
    .orderBy(desc(auditEvents.id))
    .limit(page.limit + 1);
  const hasMore = rows.length > page.limit;
  return {
    rows: (hasMore ? rows.slice(0, page.limit) : rows).map((r) => ({
      event: r.event,
      user: r.userName !== null && r.userEmail !== null ? { name: r.userName, email: r.userEmail } : null,
      apiKey:
        r.keyName !== null && r.keyEnvironment !== null
          ? { name: r.keyName, environment: r.keyEnvironment }
          : null,
    })),
    hasMore,
  };
}

/**
 * Events in chain order (id ascending) after `afterId`, at most `limit`, up to `upTo` when given (a
 * snapshot's end, so a walk does not chase events appended while it runs).
 */
export async function auditEventsInOrder(
  tx: Db,
  filter: AuditEventFilter,
  page: { afterId: number; limit: number; upTo?: number },
): Promise<AuditEventRow[]> {
  const where = conditions(filter);
  where.push(gt(auditEvents.id, page.afterId));
  if (page.upTo !== undefined) where.push(lte(auditEvents.id, page.upTo));
  return tx
    .select(eventColumns)
    .from(auditEvents)
    .where(and(...where))
    .orderBy(asc(auditEvents.id))
    .limit(page.limit);
}

/** The id of the organization's latest event, or null when it has none. */
export async function lastAuditEventId(tx: Db, orgId: string): Promise<number | null> {
  const [row] = await tx
    .select({ id: max(auditEvents.id) })
    .from(auditEvents)
    .where(eq(auditEvents.orgId, orgId));
  return row?.id == null ? null : Number(row.id);
}

/** How many events the organization has, up to id `upTo`. */
export async function countAuditEvents(tx: Db, orgId: string, upTo: number): Promise<number> {
  const [row] = await tx
    .select({ n: count() })
    .from(auditEvents)
    .where(and(eq(auditEvents.orgId, orgId), lte(auditEvents.id, upTo)));
  return Number(row?.n ?? 0);
}

/** Every organization's id and slug, by slug (system connection: the command line verifies them all). */
export async function organizationsToVerify(system: Db): Promise<Array<{ id: string; slug: string }>> {
  return system
    .select({ id: organizations.id, slug: organizations.slug })
    .from(organizations)
    .orderBy(asc(organizations.slug));
}
