/**
 * Appends an audit event, chained to the organization's previous event by SHA-256 so that any later
 * edit or deletion breaks the chain. Events of one organization are serialized by an advisory lock.
 */
import { createHash } from 'node:crypto';
import { desc, sql } from 'drizzle-orm';
import type { Db } from '../db/database.ts';
import { auditEvents } from '../db/schema.ts';

/** Props of recordAudit. */
export interface RecordAuditProps {
  /** A transaction (scoped to `orgId`, or the system's). */
  tx: Db;
  orgId: string;
  actor: { type: 'user' | 'api_key' | 'system'; id: string | null };
  /** What happened, `noun.verb` (e.g. `api_key.create`). */
  action: string;
  target: { type: string; id: string } | null;
  data: Record<string, unknown>;
}

/** The canonical JSON of a value: object keys sorted, so the hash does not depend on key order. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/** The hash of an event given the previous event's hash. */
export function auditHash(prevHash: string | null, event: Record<string, unknown>): string {
  return createHash('sha256')
    .update(prevHash ?? '')
    .update('\n')
    .update(canonicalJson(event))
    .digest('hex');
}

/** Appends one audit event. */
export async function recordAudit({
  tx,
  orgId,
  actor,
  action,
  target,
  data,
}: RecordAuditProps): Promise<void> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtextextended(${`audit:${orgId}`}, 0))`);
  const [prev] = await tx
    .select({ hash: auditEvents.hash })
    .from(auditEvents)
    .where(sql`${auditEvents.orgId} = ${orgId}`)
    .orderBy(desc(auditEvents.id))
    .limit(1);
  const createdAt = new Date();
  const event = {
    org_id: orgId,
    actor_type: actor.type,
    actor_id: actor.id,
    action,
    target_type: target?.type ?? null,
    target_id: target?.id ?? null,
    data,
    created_at: createdAt.toISOString(),
  };
  const prevHash = prev?.hash ?? null;
  await tx.insert(auditEvents).values({
    orgId,
    actorType: actor.type,
    actorId: actor.id,
    action,
    targetType: target?.type ?? null,
    targetId: target?.id ?? null,
    data,
    createdAt,
    prevHash,
    hash: auditHash(prevHash, event),
  });
}
