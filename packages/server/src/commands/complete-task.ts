/**
 * Completes a task with its final response: stores it, queues the completion webhook and completes
 * its batch when nothing else is pending (which queues the batch's webhook) — all in the caller's
 * transaction, so the delivery exists exactly when the completion does.
 */
import type { Db } from '../db/database.ts';
import { type TaskRow, updateTask } from '../repositories/tasks.ts';
import { completeBatchIfDone } from './complete-batch-if-done.ts';
import { enqueueTaskDelivery } from './enqueue-deliveries.ts';

/** Props of completeTask. */
export interface CompleteTaskProps {
  /**
   * A transaction scoped to the task's organization, holding the task's row lock. The caller has
   * made sure no slot of the task is still open or leased (every slot is in, or this is the review).
   */
  tx: Db;
  task: TaskRow;
  response: unknown;
  /** The labeling stage's consensus and agreement, when this completion comes from labeling. */
  labeled?: { stageResponse: unknown; agreement: number };
  now: Date;
}

/** Returns the completed task. */
export async function completeTask({
  tx,
  task,
  response,
  labeled,
  now,
}: CompleteTaskProps): Promise<TaskRow> {
  const row = await updateTask(tx, task.id, {
    status: 'completed',
    stage: 'done',
    response,
    completedAt: now,
    ...labeled,
  });
  if (row.callbackUrl) await enqueueTaskDelivery({ tx, task: row, now });
  if (row.batchId) await completeBatchIfDone({ tx, batchId: row.batchId, now });
  return row;
}
