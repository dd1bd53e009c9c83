/**
 * The rules of the Webhooks page, apart from its components: the filters of the delivery list (what the
 * URL-less form holds and what the server is asked), the tone and wording of a delivery's state, and the
 * outcome of one attempt.
 */
import type { ResponseOf } from '@groundwork/sdk';

/** A webhook delivery as listed. */
export type Delivery = ResponseOf<'listDeliveries'>['items'][number];
/** A delivery with its body and attempts. */
export type DeliveryDetail = ResponseOf<'getDelivery'>;
/** One attempt to deliver a webhook. */
export type DeliveryAttempt = DeliveryDetail['attempts'][number];
/** A delivery's status. */
export type DeliveryStatus = Delivery['status'];

/** What the filter form holds. */
export interface DeliveryFilters {
  /** One status, or every one. */
  status: DeliveryStatus | 'any';
  /** A task id as typed (may be empty or unfinished). */
  taskId: string;
  /** A batch id as typed (may be empty or unfinished). */
  batchId: string;
}

/** The filters of a fresh page: everything. */
export const NO_FILTERS: DeliveryFilters = { status: 'any', taskId: '', batchId: '' };

/** The query of `GET /api/deliveries` for the filters, or the problems that stop asking. */
export type DeliveryQuery =
  | {
      ok: true;
      query: { status?: DeliveryStatus; taskId?: string; batchId?: string };
    }
  | { ok: false; problems: { taskId?: string; batchId?: string } };

const ID = /^[0-9a-f]{24}$/;

/**
 * Turns the form's filters into the server's query: `any` and blank ids are left out; ids are trimmed and
 * lowercased and must be 24 hexadecimal characters (anything else would be a 400), else the problem is
 * named per field.
 */
export function deliveryQuery(filters: DeliveryFilters): DeliveryQuery {
  const query: { status?: DeliveryStatus; taskId?: string; batchId?: string } = {};
  const problems: { taskId?: string; batchId?: string } = {};
  if (filters.status !== 'any') query.status = filters.status;
  for (const field of ['taskId', 'batchId'] as const) {
    const id = filters[field].trim().toLowerCase();
    if (id === '') continue;
    if (ID.test(id)) query[field] = id;
    else problems[field] = 'An id is 24 characters, 0–9 and a–f.';
  }
  return Object.keys(problems).length > 0 ? { ok: false, problems } : { ok: true, query };
}

/** Whether any filter narrows the list. */
export function hasFilters(filters: DeliveryFilters): boolean {
  return filters.status !== 'any' || filters.taskId.trim() !== '' || filters.batchId.trim() !== '';
}

/** The tone of a delivery's status badge. */
export function deliveryTone(status: DeliveryStatus): 'ok' | 'bad' | 'wait' {
  if (status === 'succeeded') return 'ok';
  if (status === 'failed') return 'bad';
  return 'wait';
}

/**
 * The status badge's words: "Delivered", "Failed", and for a pending delivery "Retrying" once an attempt
 * failed, else "Queued".
 */
export function deliveryStatusLabel(delivery: Pick<Delivery, 'status' | 'attemptCount'>): string {
  if (delivery.status === 'succeeded') return 'Delivered';
  if (delivery.status === 'failed') return 'Failed';
  return delivery.attemptCount > 0 ? 'Retrying' : 'Queued';
}

/**
 * An answer in a few words: the status code ("200"), with the error when it says more than the code
 * ("500 · body too large"; a bare "HTTP 500" adds nothing); the error alone when no answer came
 * ("timeout"); "—" when nothing was tried yet.
 */
export function resultText(result: { statusCode: number | null; error: string | null }): string {
  const { statusCode, error } = result;
  if (statusCode === null) return error ?? '—';
  if (error === null || error === `HTTP ${statusCode}`) return String(statusCode);
  return `${statusCode} · ${error}`;
}

/** A delivery's latest answer in a few words (see {@link resultText}). */
export function lastResult(delivery: Pick<Delivery, 'lastStatusCode' | 'lastError'>): string {
  return resultText({ statusCode: delivery.lastStatusCode, error: delivery.lastError });
}

/** How one attempt ended. */
export type AttemptOutcome = 'accepted' | 'rejected' | 'no-answer';

/**
 * How an attempt ended: `accepted` on a 2xx answer, `rejected` on any other answer, `no-answer` when none
 * came (timeout, refused connection, refused address).
 */
export function attemptOutcome(attempt: Pick<DeliveryAttempt, 'statusCode'>): AttemptOutcome {
  if (attempt.statusCode === null) return 'no-answer';
  return attempt.statusCode >= 200 && attempt.statusCode < 300 ? 'accepted' : 'rejected';
}

/** The events a delivery may carry, with what they mean (the page's legend). */
export const DELIVERY_EVENTS: ReadonlyArray<{ event: string; meaning: string }> = [
  { event: 'task.completed', meaning: 'A task with a callback URL finished.' },
  { event: 'task.error', meaning: 'A task with a callback URL ended in error.' },
  { event: 'batch.completed', meaning: 'Every task of a batch with a callback URL finished.' },
];

/** Deliveries of several pages as one list, without repeats (a delivery may move between pages). */
export function mergePages(pages: ReadonlyArray<{ items: readonly Delivery[] }>): Delivery[] {
  const seen = new Set<string>();
  const merged: Delivery[] = [];
  for (const page of pages) {
    for (const delivery of page.items) {
      if (seen.has(delivery.id)) continue;
      seen.add(delivery.id);
      merged.push(delivery);
    }
  }
  return merged;
}
