/**
 * Queues webhooks in the transactional outbox: a `deliveries` row written in the transaction of the
 * change it reports, so it exists exactly when the change commits. The job worker sends it
 * (jobs/deliveries.ts).
 *
 * Events: `task.completed` (and `task.error`) to the task's `callback_url`, with Scale's body
 * `{task_id, status, response, task}`; `batch.completed` to the batch's `callback`, with
 * `{batch_name, status, batch}`. Canceling a task sends nothing (Scale calls back on results only).
 * Email callbacks (Scale accepts an address) are not sent: only http(s) URLs are.
 */
import type { Db } from '../db/database.ts';
import { newId } from '../lib/ids.ts';
import { presentScaleBatch, presentScaleTask, type TaskNames } from '../presenters/scale.ts';
import { type BatchRow, batchNames } from '../repositories/batches.ts';
import { type DeliveryRow, insertDeliveries, type NewDeliveryRow } from '../repositories/deliveries.ts';
import { projectNames } from '../repositories/projects.ts';
import type { TaskRow } from '../repositories/tasks.ts';

/** Props of enqueueTaskDelivery. */
export interface EnqueueTaskDeliveryProps {
  /** The transaction that completes the task, scoped to its organization. */
  tx: Db;
  /** The task as it now is (completed, with its response). */
  task: TaskRow;
  now: Date;
  /** The task's project and batch names, when the caller has them (saves two lookups). */
  names?: TaskNames;
}

/** Queues the task's callback when it has an http(s) `callback_url`; does nothing otherwise. */
export async function enqueueTaskDelivery(props: EnqueueTaskDeliveryProps): Promise<void> {
  await enqueueTaskDeliveries({
    tx: props.tx,
    tasks: [props.task],
    now: props.now,
    ...(props.names ? { names: new Map([[props.task.id, props.names]]) } : {}),
  });
}

/** Props of enqueueTaskDeliveries. */
export interface EnqueueTaskDeliveriesProps {
  tx: Db;
  tasks: TaskRow[];
  now: Date;
  /** Names by task id, when known. */
  names?: Map<string, TaskNames>;
}

/** Queues the callbacks of many tasks (bulk creation) in a few statements; returns the rows written. */
export async function enqueueTaskDeliveries(props: EnqueueTaskDeliveriesProps): Promise<NewDeliveryRow[]> {
  const { tx, now } = props;
  const tasks = props.tasks.filter((t) => isHttpUrl(t.callbackUrl));
  if (tasks.length === 0) return [];
  const missing = tasks.filter((t) => !props.names?.has(t.id));
  const [projects, batches] = await Promise.all([
    projectNames(tx, [...new Set(missing.map((t) => t.projectId))]),
    batchNames(tx, [...new Set(missing.flatMap((t) => (t.batchId ? [t.batchId] : [])))]),
  ]);
  const rows = tasks.map((task) => {
    const names = props.names?.get(task.id) ?? {
      project: projects.get(task.projectId),
      batch: task.batchId ? batches.get(task.batchId) : undefined,
    };
    return taskDeliveryRow(task, names, now);
  });
  await insertDeliveries(tx, rows);
  return rows;
}

/** The delivery row of a task's callback (its url must be http(s)). */
export function taskDeliveryRow(task: TaskRow, names: TaskNames, now: Date): NewDeliveryRow & { id: string } {
  return {
    id: newId(now.getTime()),
    orgId: task.orgId,
    isTest: task.isTest,
    event: `task.${task.status}`,
    taskId: task.id,
    batchId: task.batchId,
    url: task.callbackUrl ?? '',
    payload: {
      task_id: task.id,
      status: task.status,
      response: task.response ?? null,
      task: presentScaleTask(task, names),
    },
    status: 'pending',
    attempts: 0,
    nextAttemptAt: now,
    createdAt: now,
  };
}

/** Props of enqueueBatchDelivery. */
export interface EnqueueBatchDeliveryProps {
  /** The transaction that completes the batch, scoped to its organization. */
  tx: Db;
  /** The batch as it now is. */
  batch: BatchRow;
  now: Date;
}

/** Queues the batch's completion callback when it has an http(s) `callback`; does nothing otherwise. */
export async function enqueueBatchDelivery({ tx, batch, now }: EnqueueBatchDeliveryProps): Promise<void> {
  if (!isHttpUrl(batch.callback)) return;
  const project = (await projectNames(tx, [batch.projectId])).get(batch.projectId) ?? '';
  const row: NewDeliveryRow = {
    id: newId(now.getTime()),
    orgId: batch.orgId,
    isTest: batch.isTest,
    event: `batch.${batch.status}`,
    taskId: null,
    batchId: batch.id,
    url: batch.callback ?? '',
    payload: { batch_name: batch.name, status: batch.status, batch: presentScaleBatch(batch, project) },
    status: 'pending',
    attempts: 0,
    nextAttemptAt: now,
    createdAt: now,
  };
  await insertDeliveries(tx, [row]);
}

/** A copy of a delivery as a new one, due now: a manual re-send starts a fresh attempt cycle. */
export function redeliveryRow(original: DeliveryRow, now: Date): NewDeliveryRow & { id: string } {
  return {
    id: newId(now.getTime()),
    orgId: original.orgId,
    isTest: original.isTest,
    event: original.event,
    taskId: original.taskId,
    batchId: original.batchId,
    url: original.url,
    payload: original.payload,
    status: 'pending',
    attempts: 0,
    nextAttemptAt: now,
    createdAt: now,
  };
}

/** Whether a callback target is an http(s) URL (Scale also accepts email addresses, not sent here). */
export function isHttpUrl(value: string | null | undefined): value is string {
  return typeof value === 'string' && /^https?:\/\//i.test(value);
}
