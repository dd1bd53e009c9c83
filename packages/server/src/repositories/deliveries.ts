/**
 * Webhook deliveries (the transactional outbox), their attempts and the organization's webhook
 * secrets. Tenant functions take a transaction scoped to the organization; the `*Due*` functions run
 * on the system connection, across organizations, for the job worker.
 */
import { and, desc, eq, inArray, lte, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../db/database.ts';
import { deliveries, deliveryAttempts, orgSecrets, tasks } from '../db/schema.ts';

/** A delivery row. */
export type DeliveryRow = typeof deliveries.$inferSelect;
/** A delivery to insert. */
export type NewDeliveryRow = typeof deliveries.$inferInsert;
/** One attempt of a delivery. */
export type DeliveryAttemptRow = typeof deliveryAttempts.$inferSelect;
/** An organization's sealed webhook secrets. */
export type OrgSecretsRow = typeof orgSecrets.$inferSelect;

/** Inserts deliveries (in the transaction of the change they report). */
export async function insertDeliveries(tx: Db, rows: NewDeliveryRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) {
    await tx.insert(deliveries).values(rows.slice(i, i + 500));
  }
}

/** Inserts one delivery and returns it. */
export async function insertDelivery(tx: Db, row: NewDeliveryRow): Promise<DeliveryRow> {
  const [created] = await tx.insert(deliveries).values(row).returning();
  if (!created) throw new Error('delivery insert returned nothing');
  return created;
}

/** A delivery by id in one environment. */
export async function findDelivery(tx: Db, isTest: boolean, id: string): Promise<DeliveryRow | undefined> {
  const [row] = await tx
    .select()
    .from(deliveries)
    .where(and(eq(deliveries.id, id), eq(deliveries.isTest, isTest)))
    .limit(1);
  return row;
}

/** Filters of the delivery list. */
export interface DeliveryFilter {
  isTest: boolean;
  taskId?: string;
  batchId?: string;
  status?: DeliveryRow['status'];
}

/** A position in the newest-first order. */
export interface DeliveryCursor {
  createdAt: Date;
  id: string;
}

/** One page of deliveries, newest first; `limit + 1` rows are read to tell whether more exist. */
export async function listDeliveries(
  tx: Db,
  f: DeliveryFilter,
  page: { limit: number; after?: DeliveryCursor },
): Promise<{ rows: DeliveryRow[]; hasMore: boolean }> {
  const where = [eq(deliveries.isTest, f.isTest)];
  if (f.taskId) where.push(eq(deliveries.taskId, f.taskId));
  if (f.batchId) where.push(eq(deliveries.batchId, f.batchId));
  if (f.status) where.push(eq(deliveries.status, f.status));
  if (page.after) {
    where.push(
      sql`(${deliveries.createdAt}, ${deliveries.id}) < (${page.after.createdAt.toISOString()}::timestamptz, ${page.after.id})`,
    );
  }
  const rows = await tx
    .select()
    .from(deliveries)
    .where(and(...where))
    .orderBy(desc(deliveries.createdAt), desc(deliveries.id))
    .limit(page.limit + 1);
  const hasMore = rows.length > page.limit;
  return { rows: hasMore ? rows.slice(0, page.limit) : rows, hasMore };
}

/** The attempts of a delivery, oldest first. */
export async function listAttempts(tx: Db, deliveryId: string): Promise<DeliveryAttemptRow[]> {
  return tx
    .select()
    .from(deliveryAttempts)
    .where(eq(deliveryAttempts.deliveryId, deliveryId))
    .orderBy(deliveryAttempts.attempt);
}

/** Whether any delivery of any organization is due (a cheap probe before claiming; system connection). */
export async function anyDeliveryDue(system: Db, now: Date): Promise<boolean> {
  const rows = await queryRows(
    system,
    sql`SELECT 1 FROM ${deliveries} WHERE ${deliveries.status} = 'pending' AND ${deliveries.nextAttemptAt} <= ${now.toISOString()}::timestamptz LIMIT 1`,
  );
  return rows.length > 0;
}

/**
 * Claims up to `limit` due deliveries of every organization (system transaction): locks them, skipping
 * rows another worker holds, and moves their `next_attempt_at` to `fence`, which both hides them from
 * other claimers until then and identifies this claim.
 */
export async function claimDueDeliveries(
  tx: Db,
  now: Date,
  fence: Date,
  limit: number,
): Promise<{ id: string; orgId: string }[]> {
  const due = await tx
    .select({ id: deliveries.id, orgId: deliveries.orgId })
    .from(deliveries)
    .where(and(eq(deliveries.status, 'pending'), lte(deliveries.nextAttemptAt, now)))
    .orderBy(deliveries.nextAttemptAt)
    .limit(limit)
    .for('update', { skipLocked: true });
  if (due.length === 0) return [];
  await tx
    .update(deliveries)
    .set({ nextAttemptAt: fence })
    .where(
      inArray(
        deliveries.id,
        due.map((d) => d.id),
      ),
    );
  return due;
}

/**
 * Takes a claimed delivery for sending: only if it is still pending and still carries the claim's
 * `fence` (no newer claim replaced it). Moves the fence to `until` and returns the row, or undefined.
 */
export async function takeDelivery(
  tx: Db,
  id: string,
  fence: Date,
  until: Date,
): Promise<DeliveryRow | undefined> {
  const [row] = await tx
    .update(deliveries)
    .set({ nextAttemptAt: until })
    .where(
      and(
        eq(deliveries.id, id),
        eq(deliveries.status, 'pending'),
        sql`${deliveries.nextAttemptAt} = ${fence.toISOString()}::timestamptz`,
      ),
    )
    .returning();
  return row;
}

/** The outcome of one attempt, to record. */
export interface AttemptOutcome {
  attempt: number;
  startedAt: Date;
  durationMs: number;
  statusCode: number | null;
  error: string | null;
  /** The delivery's new state after this attempt. */
  status: DeliveryRow['status'];
  nextAttemptAt: Date | null;
  deliveredAt: Date | null;
}

/**
 * Records an attempt of a delivery taken with `fence`; returns false (and writes nothing) when the
 * delivery was taken again meanwhile, so each attempt number is recorded once.
 */
export async function recordAttempt(
  tx: Db,
  delivery: { id: string; orgId: string },
  fence: Date,
  o: AttemptOutcome,
): Promise<boolean> {
  const [updated] = await tx
    .update(deliveries)
    .set({
      status: o.status,
      attempts: o.attempt,
      nextAttemptAt: o.nextAttemptAt,
      lastAttemptAt: o.startedAt,
      lastStatusCode: o.statusCode,
      lastError: o.error,
      deliveredAt: o.deliveredAt,
    })
    .where(
      and(
        eq(deliveries.id, delivery.id),
        eq(deliveries.status, 'pending'),
        eq(deliveries.attempts, o.attempt - 1),
        sql`${deliveries.nextAttemptAt} = ${fence.toISOString()}::timestamptz`,
      ),
    )
    .returning({ id: deliveries.id });
  if (!updated) return false;
  await tx.insert(deliveryAttempts).values({
    orgId: delivery.orgId,
    deliveryId: delivery.id,
    attempt: o.attempt,
    startedAt: o.startedAt,
    durationMs: o.durationMs,
    statusCode: o.statusCode,
    error: o.error,
  });
  return true;
}

/** Sets a task's `callback_succeeded` (Scale's outcome flag of its callback). */
export async function setTaskCallbackSucceeded(tx: Db, taskId: string, succeeded: boolean): Promise<void> {
  await tx.update(tasks).set({ callbackSucceeded: succeeded }).where(eq(tasks.id, taskId));
}

/** The organization's sealed webhook secrets, if created. */
export async function findOrgSecrets(tx: Db, orgId: string): Promise<OrgSecretsRow | undefined> {
  const [row] = await tx.select().from(orgSecrets).where(eq(orgSecrets.orgId, orgId)).limit(1);
  return row;
}

/** Stores the organization's first secrets unless another transaction just did; returns the stored row. */
export async function insertOrgSecretsIfAbsent(
  tx: Db,
  row: typeof orgSecrets.$inferInsert,
): Promise<OrgSecretsRow> {
  await tx.insert(orgSecrets).values(row).onConflictDoNothing();
  const stored = await findOrgSecrets(tx, row.orgId);
  if (!stored) throw new Error('org secrets vanished');
  return stored;
}

/** Replaces the organization's secrets. */
export async function replaceOrgSecrets(
  tx: Db,
  row: { orgId: string; callbackAuth: string; signingKey: string },
): Promise<void> {
  await tx
    .insert(orgSecrets)
    .values(row)
    .onConflictDoUpdate({
      target: orgSecrets.orgId,
      set: { callbackAuth: row.callbackAuth, signingKey: row.signingKey, updatedAt: new Date() },
    });
}
