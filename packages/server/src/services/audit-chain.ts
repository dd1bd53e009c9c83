/**
 * Verification of an organization's audit chain: its events are read in chain order (id ascending, a
 * page at a time, each page in its own short transaction), each event's hash is recomputed by the
 * recipe of `commands/record-audit.ts`, and each `prev_hash` is compared with the hash of the event
 * before it. The first event that fails either check is the first broken link. Gaps between ids are
 * not breaks: identity values are skipped by transactions that rolled back.
 *
 * What the chain cannot show by itself: events removed from its end (no later event names them), or a
 * chain rewritten from some event on with every hash recomputed. Keeping the latest hash somewhere
 * else (an export, a ticket) closes both: the stored chain must still contain it.
 */
import { type AuditActor, auditHash, hashedAuditEvent, recordAudit } from '../commands/record-audit.ts';
import type { Database } from '../db/database.ts';
import {
  type AuditEventRow,
  auditEventsInOrder,
  countAuditEvents,
  lastAuditEventId,
  organizationsToVerify,
} from '../repositories/audit-events.ts';

/** How a link is broken. */
export type AuditBreakKind =
  /** The event's content no longer matches its hash: the row was edited. */
  | 'hash_mismatch'
  /** The event's `prev_hash` is not the hash of the event before it: events were deleted, inserted or moved. */
  | 'prev_hash_mismatch'
  /** The organization's first event names a previous one: the events before it were deleted. */
  | 'unexpected_prev_hash';

/** The first broken link of a chain. */
export interface AuditChainBreak {
  eventId: number;
  createdAt: Date;
  action: string;
  kind: AuditBreakKind;
  /** What is wrong, in a sentence. */
  reason: string;
}

/** The outcome of a verification. */
export interface AuditChainReport {
  orgId: string;
  /** Whether every event up to the walk's start checked out. */
  intact: boolean;
  /** Events that checked out (all of them when intact; those before the break otherwise). */
  verified: number;
  /** Events of the organization when the walk started. */
  total: number;
  /** The id and hash of the last event that checked out (null when none did). */
  lastVerifiedId: number | null;
  lastVerifiedHash: string | null;
  /** The first broken link, or null when the chain is intact. */
  broken: AuditChainBreak | null;
}

/** Options of a verification. */
export interface VerifyAuditChainOptions {
  /** Events read per page (default 1000). */
  pageSize?: number;
}

/** Checks one event against the hash of the event before it (null for the first); the break, if any. */
export function checkAuditLink(
  row: AuditEventRow,
  previous: { id: number; hash: string } | null,
): AuditChainBreak | null {
  const at = { eventId: row.id, createdAt: row.createdAt, action: row.action };
  if (previous === null && row.prevHash !== null) {
    return {
      ...at,
      kind: 'unexpected_prev_hash',
      reason:
        "it is the organization's first event but names a previous one (prev_hash): earlier events were deleted",
    };
  }
  if (previous !== null && row.prevHash !== previous.hash) {
    return {
      ...at,
      kind: 'prev_hash_mismatch',
      reason: `its prev_hash is not the hash of event ${previous.id}, the one before it: events were deleted, inserted or moved between them`,
    };
  }
  if (auditHash(row.prevHash, hashedAuditEvent(row)) !== row.hash) {
    return {
      ...at,
      kind: 'hash_mismatch',
      reason: 'its content does not match its hash: the event was edited',
    };
  }
  return null;
}

/**
 * Walks the organization's audit chain up to its latest event at the start of the walk and returns the
 * first broken link, with counts. Reads only (see {@link checkAuditChain} to record a failure).
 */
export async function verifyAuditChain(
  db: Database,
  orgId: string,
  options: VerifyAuditChainOptions = {},
): Promise<AuditChainReport> {
  const pageSize = Math.max(1, options.pageSize ?? 1000);
  const upTo = await db.withOrg(orgId, (tx) => lastAuditEventId(tx, orgId));
  const report: AuditChainReport = {
    orgId,
    intact: true,
    verified: 0,
    total: 0,
    lastVerifiedId: null,
    lastVerifiedHash: null,
    broken: null,
  };
  if (upTo === null) return report;
  let previous: { id: number; hash: string } | null = null;
  let afterId = 0;
  for (;;) {
    const rows = await db.withOrg(orgId, (tx) =>
      auditEventsInOrder(tx, { orgId }, { afterId, limit: pageSize, upTo }),
    );
    for (const row of rows) {
      const broken = checkAuditLink(row, previous);
      if (broken) {
        report.intact = false;
        report.broken = broken;
        report.total = await db.withOrg(orgId, (tx) => countAuditEvents(tx, orgId, upTo));
        return report;
      }
      previous = { id: row.id, hash: row.hash };
      report.verified += 1;
      report.lastVerifiedId = row.id;
      report.lastVerifiedHash = row.hash;
    }
    const last = rows.at(-1);
    if (!last || rows.length < pageSize) break;
    afterId = last.id;
  }
  report.total = report.verified;
  return report;
}

/**
 * {@link verifyAuditChain}, and when the chain is broken an `audit.verify_failed` event appended to its
 * end (chained to the latest event, so the chain stays verifiable from there on) naming the break.
 */
export async function checkAuditChain(
  db: Database,
  orgId: string,
  actor: AuditActor,
  options: VerifyAuditChainOptions = {},
): Promise<AuditChainReport> {
  const report = await verifyAuditChain(db, orgId, options);
  const broken = report.broken;
  if (broken) {
    await db.withOrg(orgId, (tx) =>
      recordAudit({
        tx,
        orgId,
        actor,
        action: 'audit.verify_failed',
        target: { type: 'audit_event', id: String(broken.eventId) },
        data: {
          kind: broken.kind,
          reason: broken.reason,
          verified: report.verified,
          total: report.total,
        },
      }),
    );
  }
  return report;
}

/** Every organization's id and slug, by slug: what `groundwork audit verify` walks without `--org`. */
export function auditedOrganizations(db: Database): Promise<Array<{ id: string; slug: string }>> {
  return organizationsToVerify(db.system);
}

/** The one-line summary of a report, as the command line prints it. */
export function describeAuditChain(report: AuditChainReport): string {
  const b = report.broken;
  if (!b) return `OK: ${report.total} event${report.total === 1 ? '' : 's'}, chain intact`;
  return `BROKEN at event ${b.eventId} (${b.createdAt.toISOString()}, ${b.action}): ${b.reason}`;
}
