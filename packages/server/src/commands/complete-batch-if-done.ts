/**
 * Marks an in-progress batch completed once it has tasks and none of them is still pending, and
 * queues its completion callback in the same transaction.
 */
import type { Db } from '../db/database.ts';
import { findBatchById, updateBatch } from '../repositories/batches.ts';
import { batchHasPendingTasks, batchHasTasks } from '../repositories/tasks.ts';
import { enqueueBatchDelivery } from './enqueue-deliveries.ts';

/** Props of completeBatchIfDone. */
export interface CompleteBatchIfDoneProps {
  /** A transaction scoped to the batch's organization. */
  tx: Db;
  batchId: string;
  now: Date;
}

/** Returns whether the batch became completed. */
export async function completeBatchIfDone({ tx, batchId, now }: CompleteBatchIfDoneProps): Promise<boolean> {
  const batch = await findBatchById(tx, batchId);
  if (batch?.status !== 'in_progress') return false;
  if ((await batchHasPendingTasks(tx, batchId)) || !(await batchHasTasks(tx, batchId))) return false;
  const completed = await updateBatch(tx, batchId, { status: 'completed', completedAt: now });
  await enqueueBatchDelivery({ tx, batch: completed, now });
  return true;
}
