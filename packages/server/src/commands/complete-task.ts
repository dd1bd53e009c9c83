/**
 * Completes a task with its final response: stores it, queues the completion webhook and completes
 * its batch when nothing else is pending (which queues the batch's webhook) — all in the caller's
 * transaction, so the delivery exists exactly when the completion does.
 */
import type { Db, RawStatement } from '../db/database.ts';
import { sealFieldText } from '../keys/field-cipher.ts';
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

/**
 * The one statement `completeTask` amounts to for a task with neither a callback nor a batch (checked
 * by the caller): hot paths send it with their COMMIT.
 */
export function completeTaskStatement(props: {
  task: TaskRow;
  response: unknown;
  labeled: { stageResponse: unknown; agreement: number };
  now: Date;
}): RawStatement {
  if (props.task.callbackUrl || props.task.batchId) {
    throw new Error('completeTaskStatement is only for tasks without callback and batch');
  }
  return {
    name: 'groundwork_complete_task',
    text: `UPDATE tasks SET status = 'completed', stage = 'done', response = $2::jsonb, stage_response = $3::jsonb,
                  agreement = $4, completed_at = $5, updated_at = $5
            WHERE id = $1`,
    values: [
      props.task.id,
      sealFieldText('tasks.response', props.response),
      sealFieldText('tasks.stage_response', props.labeled.stageResponse),
      props.labeled.agreement,
      props.now,
    ],
  };
}
