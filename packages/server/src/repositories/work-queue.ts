/**
 * Work queue queries: the open slots (`work_queue`, one row per slot nobody holds). Rows are written by
 * the database's dispatch functions (drizzle/0003_dispatch_functions.sql): a trigger queues the labeling
 * slots of inserted tasks, `groundwork_enqueue_tasks` those of tasks released later. Callers pass a
 * transaction already scoped to the organization.
 */
import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../db/database.ts';

/**
 * Queues the labeling slots of a batch's tasks (after it leaves staging). Tasks not pending, of the test
 * environment, or already queued are skipped by the function. Returns the number of slots queued.
 */
export async function enqueueBatchTasks(tx: Db, batchId: string): Promise<number> {
  const [row] = await queryRows<{ queued: number }>(
    tx,
    sql`SELECT groundwork_enqueue_tasks(ARRAY(SELECT id FROM tasks WHERE batch_id = ${batchId})) AS queued`,
  );
  return Number(row?.queued ?? 0);
}

/**
 * Re-stamps the open slots of a project after its routing or priority changed: every slot's combined
 * priority, and the workforce of labeling slots by the project's current shares. Review slots keep
 * their workforce (they are routed to reviewers, not by the labeling shares). Returns the rows changed.
 */
export async function restampProjectQueue(tx: Db, projectId: string): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    tx,
    sql`WITH changed AS (
        UPDATE work_queue q
           SET priority = groundwork_queue_priority(p.priority, b.priority, t.priority),
               workforce_id = CASE WHEN q.stage = 'label'
                                   THEN groundwork_route_slot(p.routing, q.task_id, q.round, q.slot)
                                   ELSE q.workforce_id END
          FROM tasks t
          JOIN projects p ON p.id = t.project_id
          LEFT JOIN batches b ON b.id = t.batch_id
         WHERE q.project_id = ${projectId} AND t.id = q.task_id
     RETURNING 1)
     SELECT count(*)::integer AS n FROM changed`,
  );
  return Number(row?.n ?? 0);
}

/** Re-stamps the priority of a batch's open slots after the batch's priority changed. */
export async function restampBatchQueue(tx: Db, batchId: string): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    tx,
    sql`WITH changed AS (
        UPDATE work_queue q
           SET priority = groundwork_queue_priority(p.priority, b.priority, t.priority)
          FROM tasks t
          JOIN projects p ON p.id = t.project_id
          JOIN batches b ON b.id = t.batch_id
         WHERE q.batch_id = ${batchId} AND t.id = q.task_id
     RETURNING 1)
     SELECT count(*)::integer AS n FROM changed`,
  );
  return Number(row?.n ?? 0);
}
