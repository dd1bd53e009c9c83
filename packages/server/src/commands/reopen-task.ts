/**
 * Sends a task back to labeling after a rejection (by a reviewer or the customer's audit): its answers
 * of the rejected round carry the comment for their authors, the round advances, and the new round's
 * labeling slots are queued. A completed task becomes pending again and reopens its batch.
 */
import type { Db } from '../db/database.ts';
import { enqueueLabeling, markRejected, revokeTaskWork } from '../repositories/assignments.ts';
import { findBatchById, updateBatch } from '../repositories/batches.ts';
import { type TaskRow, updateTask } from '../repositories/tasks.ts';

/** Props of reopenTask. */
export interface ReopenTaskProps {
  /** A transaction scoped to the task's organization, holding the task's row lock. */
  tx: Db;
  task: TaskRow;
  /** Why it was rejected; shown to the annotators of the rejected round. */
  comment: string;
}

/** Returns the task as it now is (pending, labeling, next round). */
export async function reopenTask({ tx, task, comment }: ReopenTaskProps): Promise<TaskRow> {
  await markRejected(tx, task.id, task.round, comment);
  await revokeTaskWork(tx, task.id);
  const row = await updateTask(tx, task.id, {
    status: 'pending',
    stage: 'label',
    round: task.round + 1,
    response: null,
    stageResponse: null,
    agreement: null,
    completedAt: null,
  });
  if (row.batchId) {
    const batch = await findBatchById(tx, row.batchId);
    if (batch?.status === 'completed')
      await updateBatch(tx, batch.id, { status: 'in_progress', completedAt: null });
  }
  await enqueueLabeling(tx, row.id);
  return row;
}
