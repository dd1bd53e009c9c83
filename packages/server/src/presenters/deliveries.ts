/** The first-party (`/api`) shapes of webhook deliveries, their attempts and the webhook secrets. */
import { z } from 'zod';
import type { DeliveryAttemptRow, DeliveryRow } from '../repositories/deliveries.ts';
import type { WebhookSecretsView } from '../services/webhook-secrets.ts';

const timestamp = (what: string) => z.string().meta({ format: 'date-time' }).describe(what);

/** A webhook delivery as listed. */
export const apiDeliverySchema = z
  .object({
    id: z.string().describe('Delivery id, sent as `x-groundwork-delivery`.'),
    event: z.string().describe('What happened: `task.completed`, `task.error` or `batch.completed`.'),
    status: z
      .enum(['pending', 'succeeded', 'failed'])
      .describe('`pending` until the receiver answers 2xx (`succeeded`) or every attempt failed (`failed`).'),
    url: z.string().describe('Where the webhook is POSTed.'),
    taskId: z.string().nullable().describe('The task the event is about, if any.'),
    batchId: z.string().nullable().describe('The batch the event is about (or the task belongs to), if any.'),
    isTest: z.boolean().describe('Whether the delivery belongs to the test environment.'),
    attemptCount: z.int().describe('Attempts made so far.'),
    nextAttemptAt: z
      .string()
      .meta({ format: 'date-time' })
      .nullable()
      .describe('When the next attempt is due, while pending.'),
    lastAttemptAt: z
      .string()
      .meta({ format: 'date-time' })
      .nullable()
      .describe('When the latest attempt started.'),
    lastStatusCode: z.int().nullable().describe('HTTP status of the latest answer; `null` if none came.'),
    lastError: z.string().nullable().describe('Why the latest attempt failed, if it did.'),
    createdAt: timestamp('When the event happened and the delivery was queued.'),
    deliveredAt: z
      .string()
      .meta({ format: 'date-time' })
      .nullable()
      .describe('When the receiver accepted it.'),
  })
  .describe('A webhook delivery.');
/** A webhook delivery as listed. */
export type ApiDelivery = z.infer<typeof apiDeliverySchema>;

/** One attempt to deliver a webhook. */
export const apiDeliveryAttemptSchema = z
  .object({
    attempt: z.int().describe('Attempt number, from 1.'),
    startedAt: timestamp('When the attempt started.'),
    durationMs: z.int().describe('How long the attempt took, in milliseconds.'),
    statusCode: z.int().nullable().describe('HTTP status of the answer; `null` when none came.'),
    error: z.string().nullable().describe('Why the attempt failed (status, timeout, refused address...).'),
  })
  .describe('One attempt to deliver a webhook.');

/** A webhook delivery with its body and attempts. */
export const apiDeliveryDetailSchema = apiDeliverySchema
  .extend({
    payload: z.record(z.string(), z.unknown()).describe('The JSON body POSTed to the receiver.'),
    attempts: z.array(apiDeliveryAttemptSchema).describe('Every attempt, oldest first.'),
  })
  .describe('A webhook delivery with its body and attempts.');
/** A webhook delivery with its body and attempts. */
export type ApiDeliveryDetail = z.infer<typeof apiDeliveryDetailSchema>;

/** Presents a delivery. */
export function presentDelivery(row: DeliveryRow): ApiDelivery {
  return {
    id: row.id,
    event: row.event,
    status: row.status,
    url: row.url,
    taskId: row.taskId,
    batchId: row.batchId,
    isTest: row.isTest,
    attemptCount: row.attempts,
    // While an attempt is claimed the column holds the claim's expiry, which is not a schedule.
    nextAttemptAt: row.status === 'pending' ? (row.nextAttemptAt?.toISOString() ?? null) : null,
    lastAttemptAt: row.lastAttemptAt?.toISOString() ?? null,
    lastStatusCode: row.lastStatusCode,
    lastError: row.lastError,
    createdAt: row.createdAt.toISOString(),
    deliveredAt: row.deliveredAt?.toISOString() ?? null,
  };
}

/** Presents a delivery with its body and attempts. */
export function presentDeliveryDetail(row: DeliveryRow, attempts: DeliveryAttemptRow[]): ApiDeliveryDetail {
  return {
    ...presentDelivery(row),
    payload: row.payload,
    attempts: attempts.map((a) => ({
      attempt: a.attempt,
      startedAt: a.startedAt.toISOString(),
      durationMs: a.durationMs,
      statusCode: a.statusCode,
      error: a.error,
    })),
  };
}

/** The organization's webhook secrets, in clear only in the answer that created or rotated them. */
export const apiWebhookSecretsSchema = z
  .object({
    callbackAuthKey: z
      .string()
      .describe(
        'Sent verbatim in the `scale-callback-auth` header of every webhook; compare it as is. Masked (`cba_…` and its last four characters) unless `revealed`.',
      ),
    signingSecret: z
      .string()
      .describe(
        'Key of the `x-groundwork-signature` HMAC-SHA256 (its UTF-8 bytes); see the webhook documentation. Masked (`whsec_…` and its last four characters) unless `revealed`.',
      ),
    revealed: z
      .boolean()
      .describe(
        'True only in the answer that created or rotated the secrets — the one time they are shown in clear; store them then.',
      ),
  })
  .describe("The organization's webhook secrets, shown in clear once.");

/** Presents the webhook secrets. */
export function presentWebhookSecrets(v: WebhookSecretsView): z.infer<typeof apiWebhookSecretsSchema> {
  return {
    callbackAuthKey: v.secrets.callbackAuthKey,
    signingSecret: v.secrets.signingSecret,
    revealed: v.revealed,
  };
}
