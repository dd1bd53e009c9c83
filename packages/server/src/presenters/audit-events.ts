/**
 * The first-party (`/api`) shapes of the audit log: an event as the console lists it (who by name,
 * what, which object, when, from where), the result of a chain verification, and the JSON Lines form
 * of the export, which keeps the stored column names so an auditor can recompute every hash.
 */
import { z } from 'zod';
import type { AuditEventListed, AuditEventRow } from '../repositories/audit-events.ts';
import type { AuditChainReport } from '../services/audit-chain.ts';

const timestamp = (what: string) => z.string().meta({ format: 'date-time' }).describe(what);

/** An audit event as listed. */
export const apiAuditEventSchema = z
  .object({
    id: z.int().describe('Event id: increasing in chain order (ids may skip numbers).'),
    action: z
      .string()
      .describe(
        'What happened, `noun.verb`: `api_key.create`, `member.update`, `task.view`, `export.download`...',
      ),
    actor: z
      .object({
        type: z
          .enum(['user', 'api_key', 'system'])
          .describe('`user` (a person), `api_key`, or `system` (jobs, the command line).'),
        id: z.string().nullable().describe('The user id or API key id; null for the system.'),
        name: z
          .string()
          .nullable()
          .describe('The person’s name or the key’s name; null for the system and for former members.'),
        email: z.string().nullable().describe('The person’s email, when the actor is a current member.'),
      })
      .describe('Who acted.'),
    target: z
      .object({
        type: z.string().describe('The kind of object: `task`, `api_key`, `user`, `project`...'),
        id: z.string().describe('The object’s id.'),
      })
      .nullable()
      .describe(
        'Which object the event is about; null for events about no single object (lists, exports of the log).',
      ),
    data: z
      .record(z.string(), z.unknown())
      .describe('Details of the event; their fields depend on the action.'),
    createdAt: timestamp('When it happened.'),
    ip: z
      .string()
      .nullable()
      .describe('The client address of the request; null for jobs and the command line.'),
    userAgent: z.string().nullable().describe('The client’s User-Agent; null when none was sent.'),
  })
  .describe('An audit event.');
/** An audit event as listed. */
export type ApiAuditEvent = z.infer<typeof apiAuditEventSchema>;

/** Presents a listed audit event. */
export function presentAuditEvent(listed: AuditEventListed): ApiAuditEvent {
  const e = listed.event;
  return {
    id: e.id,
    action: e.action,
    actor: {
      type: e.actorType,
      id: e.actorId,
      name: listed.user?.name ?? listed.apiKey?.name ?? null,
      email: listed.user?.email ?? null,
    },
    target: e.targetType !== null && e.targetId !== null ? { type: e.targetType, id: e.targetId } : null,
    data: e.data,
    createdAt: e.createdAt.toISOString(),
    ip: e.ip,
    userAgent: e.userAgent,
  };
}

/** The result of a chain verification. */
export const apiAuditVerificationSchema = z
  .object({
    intact: z.boolean().describe('Whether every event checked out.'),
    verified: z
      .int()
      .describe('Events that checked out: all of them when intact, those before the break otherwise.'),
    total: z.int().describe('Events of the organization when the verification started.'),
    lastVerifiedId: z.int().nullable().describe('The last event that checked out; null when none did.'),
    lastVerifiedHash: z
      .string()
      .nullable()
      .describe('Its hash: keep it elsewhere to detect later rewrites or removals from the end.'),
    broken: z
      .object({
        eventId: z.int().describe('The first event that fails.'),
        createdAt: timestamp('When that event says it happened.'),
        action: z.string().describe('Its action.'),
        kind: z
          .enum(['hash_mismatch', 'prev_hash_mismatch', 'unexpected_prev_hash'])
          .describe(
            '`hash_mismatch`: the event was edited; `prev_hash_mismatch`: events were deleted, inserted or moved before it; `unexpected_prev_hash`: the events before the first one were deleted.',
          ),
        reason: z.string().describe('What is wrong, in a sentence.'),
      })
      .nullable()
      .describe(
        'The first broken link; null when the chain is intact. A break is also recorded as `audit.verify_failed`.',
      ),
    message: z
      .string()
      .describe(
        'The summary line: `OK: N events, chain intact` or `BROKEN at event <id> (<time>, <action>): <reason>`.',
      ),
  })
  .describe('The outcome of verifying the audit chain.');
/** The result of a chain verification. */
export type ApiAuditVerification = z.infer<typeof apiAuditVerificationSchema>;

/** Presents a verification report with its summary line. */
export function presentAuditVerification(report: AuditChainReport, message: string): ApiAuditVerification {
  const b = report.broken;
  return {
    intact: report.intact,
    verified: report.verified,
    total: report.total,
    lastVerifiedId: report.lastVerifiedId,
    lastVerifiedHash: report.lastVerifiedHash,
    broken: b
      ? {
          eventId: b.eventId,
          createdAt: b.createdAt.toISOString(),
          action: b.action,
          kind: b.kind,
          reason: b.reason,
        }
      : null,
    message,
  };
}

/**
 * One line of the JSON Lines export: the stored columns under their column names. Without `id`,
 * `prev_hash` and `hash` (and `ip`, `user_agent` when null) it is exactly the object the hash covers.
 */
export function auditEventJsonLine(row: AuditEventRow): string {
  return `${JSON.stringify({
    id: row.id,
    org_id: row.orgId,
    actor_type: row.actorType,
    actor_id: row.actorId,
    action: row.action,
    target_type: row.targetType,
    target_id: row.targetId,
    data: row.data,
    created_at: row.createdAt.toISOString(),
    ip: row.ip,
    user_agent: row.userAgent,
    prev_hash: row.prevHash,
    hash: row.hash,
  })}\n`;
}
