/**
 * Appends an audit event, chained to the organization's previous event by SHA-256 so that any later
 * edit, deletion, insertion or reordering breaks the chain. Events of one organization are serialized
 * by an advisory lock held until the appending transaction commits.
 *
 * The hash recipe (also checked by `verifyAuditChain` and documented for auditors):
 * `hash = sha256_hex(prev_hash + "\n" + canonical_json(event))`, where `prev_hash` is the previous
 * event's hash of the organization (the empty string for its first event) and `event` is the object
 * `{ org_id, actor_type, actor_id, action, target_type, target_id, data, created_at }` — plus `ip` and
 * `user_agent` when they are not null — with `created_at` as ISO 8601 in UTC with milliseconds
 * (`2025-01-31T12:00:00.000Z`). Canonical JSON is JSON without spaces, object keys sorted by UTF-16
 * code units, strings and numbers written as JavaScript's `JSON.stringify` writes them.
 */
import { createHash } from 'node:crypto';
import { type Db, type RawStatement, rawQuery } from '../db/database.ts';

/** Where a request came from: its client address and User-Agent (none for jobs and the command line). */
export interface AuditOrigin {
  /** The client address (`request.ip`: the proxy's forwarded address when GROUNDWORK_TRUST_PROXY says so). */
  ip: string | null;
  /** The User-Agent header. */
  userAgent: string | null;
}

/** Who acted, and from where. */
export interface AuditActor {
  type: 'user' | 'api_key' | 'system';
  /** The user's or API key's id; null for the system. */
  id: string | null;
  /** The request's origin; absent or null for jobs and the command line. */
  origin?: AuditOrigin | null;
}

/** One event to append. */
export interface AuditEventInput {
  orgId: string;
  actor: AuditActor;
  /** What happened, `noun.verb` (e.g. `api_key.create`). */
  action: string;
  target: { type: string; id: string } | null;
  /** Details; stored as JSON (values JSON cannot hold, such as `undefined` or dates, are normalized first). */
  data: Record<string, unknown>;
}

/** Props of recordAudit. */
export interface RecordAuditProps extends AuditEventInput {
  /** A transaction (scoped to `orgId`, or the system's). */
  tx: Db;
}

/** The columns of a stored event that its hash covers. */
export interface HashedAuditColumns {
  orgId: string;
  actorType: string;
  actorId: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  data: unknown;
  createdAt: Date;
  ip: string | null;
  userAgent: string | null;
}

/** The longest User-Agent kept; longer ones are cut. */
export const MAX_USER_AGENT_LENGTH = 512;

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

/**
 * The object an event's hash is computed over, from its stored columns. `ip` and `user_agent` are left
 * out when null, so events written before they existed (and events of jobs) hash as they always did.
 */
export function hashedAuditEvent(row: HashedAuditColumns): Record<string, unknown> {
  return {
    org_id: row.orgId,
    actor_type: row.actorType,
    actor_id: row.actorId,
    action: row.action,
    target_type: row.targetType,
    target_id: row.targetId,
    data: row.data,
    created_at: row.createdAt.toISOString(),
    ...(row.ip !== null ? { ip: row.ip } : {}),
    ...(row.userAgent !== null ? { user_agent: row.userAgent } : {}),
  };
}

/**
 * `data` as the database will hand it back: through JSON (dates become strings, `undefined` goes),
 * with unpaired surrogates replaced, which PostgreSQL's `jsonb` would refuse.
 */
export function normalizedAuditData(data: Record<string, unknown>): Record<string, unknown> {
  return JSON.parse(
    JSON.stringify(data, (_key, value: unknown) =>
      typeof value === 'string' ? value.toWellFormed() : value,
    ) ?? '{}',
  ) as Record<string, unknown>;
}

/**
 * The statements that append one event: the organization's advisory lock, then an insert that reads the
 * previous hash and computes the new one in SQL (`sha256` over the same bytes as {@link auditHash}).
 * Two statements because the lock must be held before the previous hash is read: a statement's snapshot
 * is taken when it starts. Hot read paths send them with their transaction's COMMIT
 * (`withOrgStarting`'s `finish`), where they cost no extra round trip; the lock is then held only
 * for the COMMIT.
 */
export function auditAppendStatements(event: AuditEventInput, at: Date = new Date()): RawStatement[] {
  const origin = event.actor.origin ?? null;
  const ip = origin?.ip || null;
  const userAgent = origin?.userAgent?.slice(0, MAX_USER_AGENT_LENGTH).toWellFormed() || null;
  const data = normalizedAuditData(event.data);
  const createdAt = new Date(at.getTime());
  const canonical = canonicalJson(
    hashedAuditEvent({
      orgId: event.orgId,
      actorType: event.actor.type,
      actorId: event.actor.id,
      action: event.action,
      targetType: event.target?.type ?? null,
      targetId: event.target?.id ?? null,
      data,
      createdAt,
      ip,
      userAgent,
    }),
  );
  return [
    {
      name: 'audit_lock',
      text: `SELECT pg_advisory_xact_lock(hashtextextended('audit:' || $1::text, 0))`,
      values: [event.orgId],
    },
    {
      name: 'audit_append',
      text: `INSERT INTO audit_events
          (org_id, actor_type, actor_id, action, target_type, target_id, data, created_at, ip, user_agent, prev_hash, hash)
        SELECT $1::text, $2::text, $3::text, $4::text, $5::text, $6::text, $7::jsonb, $8::timestamptz, $9::text, $10::text,
          prev.hash, encode(sha256(convert_to(coalesce(prev.hash, '') || E'\\n' || $11::text, 'UTF8')), 'hex')
        FROM (SELECT (SELECT hash FROM audit_events WHERE org_id = $1::text ORDER BY id DESC LIMIT 1) AS hash) AS prev
        RETURNING id`,
      values: [
        event.orgId,
        event.actor.type,
        event.actor.id,
        event.action,
        event.target?.type ?? null,
        event.target?.id ?? null,
        JSON.stringify(data),
        createdAt.toISOString(),
        ip,
        userAgent,
        canonical,
      ],
    },
  ];
}

/** Stands for the task id in {@link leaseViewAppendStatements}' canonical JSON until SQL knows it. */
const TASK_OF_ASSIGNMENT = '\u0001task of the assignment\u0001';

/**
 * The statements appending a `task.view` whose task is that of assignment `assignmentId`, for the
 * statement that creates that assignment (a lease claim) to run just before them in the same round trip:
 * the task id, unknown until the claim has picked a task, is read from the assignment by the insert and
 * put into the hashed canonical JSON there (a task id is hex, so its JSON is the same in SQL and in
 * JavaScript). Nothing is appended when the assignment does not exist (the claim found no work).
 */
export function leaseViewAppendStatements(
  event: Omit<AuditEventInput, 'target'>,
  assignmentId: string,
  at: Date = new Date(),
): RawStatement[] {
  const [lock, append] = auditAppendStatements(
    { ...event, target: { type: 'task', id: TASK_OF_ASSIGNMENT } },
    at,
  );
  if (!lock || !append) throw new Error('audit statements missing');
  const values = [...append.values];
  values[5] = assignmentId;
  return [
    lock,
    {
      name: 'audit_append_lease_view',
      text: `INSERT INTO audit_events
          (org_id, actor_type, actor_id, action, target_type, target_id, data, created_at, ip, user_agent, prev_hash, hash)
        SELECT $1::text, $2::text, $3::text, $4::text, $5::text, a.task_id, $7::jsonb, $8::timestamptz, $9::text, $10::text,
          prev.hash, encode(sha256(convert_to(coalesce(prev.hash, '') || E'\\n' || replace($11::text, $12::text, to_json(a.task_id)::text), 'UTF8')), 'hex')
        FROM assignments a,
             (SELECT (SELECT hash FROM audit_events WHERE org_id = $1::text ORDER BY id DESC LIMIT 1) AS hash) AS prev
        WHERE a.id = $6::text
        RETURNING id`,
      values: [...values, JSON.stringify(TASK_OF_ASSIGNMENT)],
    },
  ];
}

/** Appends one audit event inside `tx`; returns its id. */
export async function recordAudit({ tx, ...event }: RecordAuditProps): Promise<number> {
  const [lock, append] = auditAppendStatements(event);
  if (!lock || !append) throw new Error('audit statements missing');
  await rawQuery(tx, lock);
  const [row] = await rawQuery<{ id: number | string }>(tx, append);
  return Number(row?.id);
}
