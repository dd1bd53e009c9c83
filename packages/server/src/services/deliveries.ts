/**
 * Webhook deliveries as the customer sees them: the list with filters, one delivery with its attempts,
 * and re-sending (a new delivery of the same event, or of a task's current result).
 */
import { enqueueTaskDeliveries, isHttpUrl, redeliveryRow } from '../commands/enqueue-deliveries.ts';
import { recordAudit } from '../commands/record-audit.ts';
import type { Database } from '../db/database.ts';
import { ApiError, invalid } from '../errors.ts';
import { decodeCursor, encodeCursor } from '../lib/cursor.ts';
import { isId } from '../lib/ids.ts';
import {
  type DeliveryAttemptRow,
  type DeliveryRow,
  findDelivery,
  insertDelivery,
  listAttempts,
  listDeliveries,
} from '../repositories/deliveries.ts';
import { findTask } from '../repositories/tasks.ts';
import { taskViewStatements } from './audit-views.ts';
import { actorOf, type Principal } from './principal.ts';

/** Query of the delivery list, already parsed. */
export interface DeliveryListQuery {
  taskId?: string;
  batchId?: string;
  status?: DeliveryRow['status'];
  limit: number;
  cursor?: string;
}

/** Delivery rules. */
export class DeliveryService {
  readonly #db: Database;
  readonly #now: () => Date;

  constructor(deps: { db: Database; now?: () => Date }) {
    this.#db = deps.db;
    this.#now = deps.now ?? (() => new Date());
  }

  /** Deliveries of the caller's environment, newest first. */
  async list(
    p: Principal,
    q: DeliveryListQuery,
  ): Promise<{ items: DeliveryRow[]; nextCursor: string | null }> {
    const after = q.cursor === undefined ? undefined : decodeCursor(q.cursor, 'cursor');
    return this.#db.withOrg(p.orgId, async (tx) => {
      const { rows, hasMore } = await listDeliveries(
        tx,
        { isTest: p.isTest, taskId: q.taskId, batchId: q.batchId, status: q.status },
        { limit: q.limit, ...(after ? { after } : {}) },
      );
      const last = rows.at(-1);
      return { items: rows, nextCursor: hasMore && last ? encodeCursor(last) : null };
    });
  }

  /**
   * One delivery with its attempts; 404 when unknown or another organization's. Its body carries the
   * task's result: a person's read of a task's delivery is audited (`task.view`).
   */
  async get(p: Principal, id: string): Promise<{ delivery: DeliveryRow; attempts: DeliveryAttemptRow[] }> {
    return this.#db.withOrgStarting(p.orgId, [], async (tx, _first, finish) => {
      const delivery = isId(id) ? await findDelivery(tx, p.isTest, id) : undefined;
      if (!delivery) throw deliveryNotFound(id);
      if (delivery.taskId) {
        finish(taskViewStatements(p, { type: 'task', id: delivery.taskId }, 'delivery', { delivery: id }));
      }
      return { delivery, attempts: await listAttempts(tx, id) };
    });
  }

  /**
   * Sends a delivery's event again, now: a new delivery (new id, fresh attempt cycle) with the same
   * body and target. The original keeps its history.
   */
  async resend(p: Principal, id: string): Promise<DeliveryRow> {
    return this.#db.withOrg(p.orgId, async (tx) => {
      const original = isId(id) ? await findDelivery(tx, p.isTest, id) : undefined;
      if (!original) throw deliveryNotFound(id);
      const created = await insertDelivery(tx, redeliveryRow(original, this.#now()));
      await recordAudit({
        tx,
        orgId: p.orgId,
        actor: actorOf(p),
        action: 'delivery.resend',
        target: { type: 'delivery', id: created.id },
        data: { resent: original.id, event: original.event, url: original.url },
      });
      return created;
    });
  }

  /**
   * Queues a task's callback again with its current state (Scale's `send_callback`). 400 unless the
   * task has a result and an http(s) `callback_url`.
   */
  async sendTaskCallback(p: Principal, taskId: string): Promise<{ deliveryId: string }> {
    return this.#db.withOrg(p.orgId, async (tx) => {
      const task = isId(taskId) ? await findTask(tx, p.isTest, taskId) : undefined;
      if (!task) throw new ApiError('not_found', `No task found with id ${JSON.stringify(taskId)}.`);
      if (task.status !== 'completed' && task.status !== 'error') {
        throw invalid(`Task ${taskId} has no result to send: its status is ${task.status}.`, [
          { path: 'task_id', message: `task is ${task.status}` },
        ]);
      }
      if (!isHttpUrl(task.callbackUrl)) {
        throw invalid(`Task ${taskId} has no http(s) callback_url to send to.`, [
          { path: 'callback_url', message: 'no http(s) callback_url' },
        ]);
      }
      const [row] = await enqueueTaskDeliveries({ tx, tasks: [task], now: this.#now() });
      const deliveryId = row?.id as string;
      await recordAudit({
        tx,
        orgId: p.orgId,
        actor: actorOf(p),
        action: 'delivery.resend',
        target: { type: 'delivery', id: deliveryId },
        data: { task: task.id, event: `task.${task.status}`, url: task.callbackUrl },
      });
      return { deliveryId };
    });
  }
}

function deliveryNotFound(id: string): ApiError {
  return new ApiError('not_found', `No delivery found with id ${JSON.stringify(id)}.`);
}
