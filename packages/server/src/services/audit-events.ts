/**
 * The audit log as administrators read it: pages of events with filters (newest first), the JSON Lines
 * export for auditors (chain order, with the hashes; itself recorded as `audit.export`), and the
 * verification of the organization's chain. Test keys are refused: the log is the organization's,
 * across both environments.
 */
import { recordAudit } from '../commands/record-audit.ts';
import type { Database } from '../db/database.ts';
import { ApiError, invalid } from '../errors.ts';
import { isId } from '../lib/ids.ts';
import {
  type AuditEventFilter,
  type AuditEventListed,
  type AuditEventRow,
  auditEventsInOrder,
  lastAuditEventId,
  listAuditEvents,
} from '../repositories/audit-events.ts';
import { type AuditChainReport, checkAuditChain } from './audit-chain.ts';
import { actorOf, type Principal } from './principal.ts';

/** The filters of the audit log, already parsed. */
export interface AuditEventQuery {
  /** A user id or an API key id. */
  actor?: string;
  /** An action or the start of one (`task.`). */
  action?: string;
  targetType?: string;
  targetId?: string;
  from?: Date;
  to?: Date;
}

/** Events the export reads per transaction. */
const EXPORT_PAGE = 1000;

/** Audit log reads, export and verification. */
export class AuditEventService {
  readonly #db: Database;

  constructor(deps: { db: Database }) {
    this.#db = deps.db;
  }

  /** A page of the caller's organization's events, newest first; `next` is the `before` of the next page. */
  async list(
    p: Principal,
    q: AuditEventQuery & { limit: number; before?: number },
  ): Promise<{ items: AuditEventListed[]; next: number | null }> {
    const filter = this.#filter(p, q);
    return this.#db.withOrg(p.orgId, async (tx) => {
      const { rows, hasMore } = await listAuditEvents(tx, filter, {
        limit: q.limit,
        ...(q.before !== undefined ? { before: q.before } : {}),
      });
      const last = rows.at(-1);
      return { items: rows, next: hasMore && last ? last.event.id : null };
    });
  }

  /**
   * The filtered events in chain order, a page per transaction, up to the latest event when the export
   * starts — which is its own `audit.export` event, recorded first.
   */
  async export(p: Principal, q: AuditEventQuery): Promise<AsyncGenerator<AuditEventRow>> {
    const filter = this.#filter(p, q);
    const upTo = await this.#db.withOrg(p.orgId, async (tx) => {
      await recordAudit({
        tx,
        orgId: p.orgId,
        actor: actorOf(p),
        action: 'audit.export',
        target: null,
        data: { filter: exportedFilter(q) },
      });
      return lastAuditEventId(tx, p.orgId);
    });
    const db = this.#db;
    return (async function* () {
      if (upTo === null) return;
      let afterId = 0;
      for (;;) {
        const rows = await db.withOrg(p.orgId, (tx) =>
          auditEventsInOrder(tx, filter, { afterId, limit: EXPORT_PAGE, upTo }),
        );
        yield* rows;
        const last = rows.at(-1);
        if (!last || rows.length < EXPORT_PAGE) return;
        afterId = last.id;
      }
    })();
  }

  /**
   * Verifies the caller's organization's chain; a broken chain is also recorded as
   * `audit.verify_failed` (see `checkAuditChain`).
   */
  async verify(p: Principal): Promise<AuditChainReport> {
    this.#requireLive(p);
    return checkAuditChain(this.#db, p.orgId, actorOf(p));
  }

  #filter(p: Principal, q: AuditEventQuery): AuditEventFilter {
    this.#requireLive(p);
    if (q.actor !== undefined && !isId(q.actor)) {
      throw invalid('actor: must be a user id or an API key id (24 hexadecimal characters)', [
        { path: 'actor', message: 'must be a user id or an API key id' },
      ]);
    }
    if (q.from !== undefined && q.to !== undefined && q.from.getTime() >= q.to.getTime()) {
      throw invalid('from: must be before to', [{ path: 'from', message: 'must be before to' }]);
    }
    if (q.targetId !== undefined && q.targetType === undefined) {
      throw invalid('targetType: required with targetId', [
        { path: 'targetType', message: 'required with targetId' },
      ]);
    }
    return {
      orgId: p.orgId,
      ...(q.actor !== undefined ? { actorId: q.actor } : {}),
      ...(q.action !== undefined ? { actionPrefix: q.action } : {}),
      ...(q.targetType !== undefined ? { targetType: q.targetType } : {}),
      ...(q.targetId !== undefined ? { targetId: q.targetId } : {}),
      ...(q.from !== undefined ? { from: q.from } : {}),
      ...(q.to !== undefined ? { to: q.to } : {}),
    };
  }

  #requireLive(p: Principal): void {
    if (p.isTest) {
      throw new ApiError(
        'forbidden',
        "The audit log covers the organization's live and test work: use a live key or the console.",
      );
    }
  }
}

/** The filter of an export as its audit event records it. */
function exportedFilter(q: AuditEventQuery): Record<string, string> {
  const out: Record<string, string> = {};
  if (q.actor !== undefined) out.actor = q.actor;
  if (q.action !== undefined) out.action = q.action;
  if (q.targetType !== undefined) out.targetType = q.targetType;
  if (q.targetId !== undefined) out.targetId = q.targetId;
  if (q.from !== undefined) out.from = q.from.toISOString();
  if (q.to !== undefined) out.to = q.to.toISOString();
  return out;
}
