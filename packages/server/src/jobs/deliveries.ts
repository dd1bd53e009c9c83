/**
 * Webhook delivery, in two steps over the `deliveries` outbox:
 *
 * 1. The relay (a periodic task) claims due deliveries of every organization with
 *    `FOR UPDATE SKIP LOCKED`, stamps each with a fence (a new `next_attempt_at` a few minutes ahead)
 *    and queues one `delivery.send` job per delivery in the same transaction.
 * 2. The job takes its delivery only if the fence is still the one it was queued with, POSTs it, and
 *    records the attempt — success, the next retry, or the final failure — guarded by the fence again.
 *
 * A target that resolves to a refused address (private, loopback... unless the operator allows it) fails
 * the delivery at once, without retries, and is recorded in the organization's audit log as
 * `security.outbound_refused`.
 *
 * A crash anywhere loses nothing: an unsent delivery's fence expires and the relay queues it again.
 * Two jobs never send the same attempt (the second finds the fence moved); only a crash between the
 * POST and its record repeats a POST, so receivers should deduplicate by `x-groundwork-delivery`.
 */
import type { Config } from '../config.ts';
import type { Database } from '../db/database.ts';
import { signatureHeader } from '../lib/crypto.ts';
import { type ResolveHost, SsrfBlockedError, safeFetch } from '../net/safe-fetch.ts';
import {
  anyDeliveryDue,
  claimDueDeliveries,
  type DeliveryRow,
  recordAttempt,
  setTaskCallbackSucceeded,
  takeDelivery,
} from '../repositories/deliveries.ts';
import { OutboundService } from '../services/outbound.ts';
import type { WebhookSecrets } from '../services/webhook-secrets.ts';
import type { JobLog, JobRunner } from './runner.ts';

/** The queue of single delivery attempts. */
export const DELIVERY_QUEUE = 'delivery.send';

/** When to retry, and how often. */
export interface DeliverySchedule {
  /** Attempts before a delivery is given up as `failed` (Scale: 20). */
  maxAttempts: number;
  /** Milliseconds to wait after the `failedAttempts`-th failed attempt (1-based). */
  delayMs(failedAttempts: number): number;
}

/**
 * Scale's policy: 20 attempts over about a day. Waits start at 5 s and double up to 160 minutes
 * (5 s, 10 s, 20 s … 85 min, then 160 min), about 24 h in all, each ±10 % so that a receiver coming
 * back up is not hit by every retry at once.
 */
export const DEFAULT_DELIVERY_SCHEDULE: DeliverySchedule = {
  maxAttempts: 20,
  delayMs(failedAttempts) {
    const base = Math.min(5_000 * 2 ** (failedAttempts - 1), 160 * 60_000);
    return Math.round(base * (0.9 + Math.random() * 0.2));
  },
};

/** Deadline of one POST, connection to last byte. */
export const DELIVERY_TIMEOUT_MS = 10_000;

/** How long a relayed delivery stays claimed before it may be queued again. */
const RELAY_LEASE_MS = 5 * 60_000;
/** How long a delivery being sent stays claimed (the POST's deadline and then some). */
const SEND_LEASE_MS = DELIVERY_TIMEOUT_MS + 50_000;
/** Most deliveries claimed by one relay run. */
const RELAY_BATCH = 100;
/** Largest receiver answer read (and discarded). */
const MAX_ANSWER_BYTES = 64 * 1024;

/** The data of a `delivery.send` job. */
export interface DeliveryJob {
  orgId: string;
  deliveryId: string;
  /** The `next_attempt_at` the relay stamped (ISO 8601): the claim this job holds. */
  fence: string;
}

/** What the delivery jobs need. */
export interface DeliveryJobDeps {
  db: Database;
  log: JobLog;
  /** Secrets of an organization (created on first use). */
  secrets: { forOrg(orgId: string): Promise<WebhookSecrets> };
  config: Pick<Config, 'allowPrivateNetwork' | 'outboundAllowCidrs'>;
  /** Resolves receivers' host names (the system resolver by default). */
  resolveHost?: ResolveHost;
  schedule?: DeliverySchedule;
  /** How often the relay looks for due deliveries (default 1000 ms). */
  relayEveryMs?: number;
  now?: () => Date;
}

/** Registers the relay and the `delivery.send` queue on a runner. */
export function registerDeliveryJobs(runner: JobRunner, deps: DeliveryJobDeps): void {
  const sender = new DeliverySender(deps);
  runner.register<DeliveryJob>(DELIVERY_QUEUE, (job) => sender.send(job), {
    concurrency: 4,
    expireInSeconds: Math.ceil(SEND_LEASE_MS / 1000),
    retryLimit: 2,
    retryDelaySeconds: 5,
  });
  runner.registerPeriodic('deliveries.relay', deps.relayEveryMs ?? 1000, async () => {
    if ((await relayDueDeliveries(runner, deps)) > 0) runner.notify(DELIVERY_QUEUE);
  });
}

/** Claims due deliveries and queues a send job for each, in one transaction; returns how many. */
export async function relayDueDeliveries(
  runner: JobRunner,
  deps: Pick<DeliveryJobDeps, 'db' | 'now'>,
): Promise<number> {
  const now = deps.now?.() ?? new Date();
  if (!(await anyDeliveryDue(deps.db.system, now))) return 0;
  return deps.db.withSystem(async (tx) => {
    const fence = new Date(now.getTime() + RELAY_LEASE_MS);
    const claimed = await claimDueDeliveries(tx, now, fence, RELAY_BATCH);
    await runner.insert<DeliveryJob>(
      DELIVERY_QUEUE,
      claimed.map((d) => ({ orgId: d.orgId, deliveryId: d.id, fence: fence.toISOString() })),
      { tx },
    );
    return claimed.length;
  });
}

/** Sends one attempt of a claimed delivery and records its outcome. */
export class DeliverySender {
  readonly #deps: DeliveryJobDeps;
  readonly #schedule: DeliverySchedule;
  readonly #outbound: OutboundService;

  constructor(deps: DeliveryJobDeps) {
    this.#deps = deps;
    this.#schedule = deps.schedule ?? DEFAULT_DELIVERY_SCHEDULE;
    this.#outbound = new OutboundService({
      db: deps.db,
      policy: {
        allowPrivate: deps.config.allowPrivateNetwork,
        allowCidrs: deps.config.outboundAllowCidrs,
        ...(deps.resolveHost ? { resolveHost: deps.resolveHost } : {}),
      },
    });
  }

  #now(): Date {
    return this.#deps.now?.() ?? new Date();
  }

  /** Runs one `delivery.send` job. Stale jobs (the delivery claimed again or done) do nothing. */
  async send(job: DeliveryJob): Promise<void> {
    const { db, log } = this.#deps;
    const fence = new Date(job.fence);
    const sendFence = new Date(this.#now().getTime() + SEND_LEASE_MS);
    const delivery = await db.withOrg(job.orgId, (tx) => takeDelivery(tx, job.deliveryId, fence, sendFence));
    if (!delivery) return;
    const secrets = await this.#deps.secrets.forOrg(job.orgId);
    const startedAt = this.#now();
    const answer = await this.#post(delivery, secrets, startedAt);
    const durationMs = Math.max(0, Date.now() - startedAt.getTime());
    const attempt = delivery.attempts + 1;
    const succeeded = answer.statusCode !== null && answer.statusCode >= 200 && answer.statusCode < 300;
    // A refused address is the target's own answer, not a passing failure: retrying would only ask again.
    const finalFailure = !succeeded && (attempt >= this.#schedule.maxAttempts || answer.refused !== null);
    const finishedAt = this.#now();
    const recorded = await db.withOrg(job.orgId, async (tx) => {
      const ok = await recordAttempt(tx, delivery, sendFence, {
        attempt,
        startedAt,
        durationMs,
        statusCode: answer.statusCode,
        error: answer.error,
        status: succeeded ? 'succeeded' : finalFailure ? 'failed' : 'pending',
        nextAttemptAt:
          succeeded || finalFailure ? null : new Date(finishedAt.getTime() + this.#schedule.delayMs(attempt)),
        deliveredAt: succeeded ? finishedAt : null,
      });
      if (ok && delivery.taskId && (succeeded || finalFailure)) {
        await setTaskCallbackSucceeded(tx, delivery.taskId, succeeded);
      }
      return ok;
    });
    if (recorded && answer.refused) {
      const field = delivery.taskId ? 'callback_url' : 'callback';
      await this.#outbound.record(
        job.orgId,
        { type: 'system', id: null },
        {
          field,
          url: answer.refused.url,
          address: answer.refused.address,
          reason: answer.refused.reason,
          stage: 'delivery',
        },
      );
    }
    const context = { delivery: delivery.id, event: delivery.event, attempt, status: answer.statusCode };
    if (!recorded) log.warn(context, 'delivery attempt not recorded: the delivery was claimed again');
    else if (succeeded) log.info(context, 'delivery succeeded');
    else if (finalFailure) log.warn({ ...context, error: answer.error }, 'delivery failed for good');
    else log.info({ ...context, error: answer.error }, 'delivery attempt failed; will retry');
  }

  async #post(
    delivery: DeliveryRow,
    secrets: WebhookSecrets,
    startedAt: Date,
  ): Promise<{ statusCode: number | null; error: string | null; refused: SsrfBlockedError | null }> {
    const body = JSON.stringify(delivery.payload);
    const timestamp = Math.floor(startedAt.getTime() / 1000);
    try {
      const response = await safeFetch(delivery.url, {
        method: 'POST',
        body,
        headers: {
          'content-type': 'application/json',
          'user-agent': 'Groundwork-Webhooks/1',
          'scale-callback-auth': secrets.callbackAuthKey,
          'x-groundwork-delivery': delivery.id,
          'x-groundwork-event': delivery.event,
          'x-groundwork-signature': signatureHeader(secrets.signingSecret, timestamp, body),
        },
        timeoutMs: DELIVERY_TIMEOUT_MS,
        maxBytes: MAX_ANSWER_BYTES,
        // A redirect is the receiver's misconfiguration; following it would re-target the POST.
        maxRedirects: 0,
        ...this.#outbound.policy,
      });
      await drain(response.body);
      const ok = response.status >= 200 && response.status < 300;
      return { statusCode: response.status, error: ok ? null : `HTTP ${response.status}`, refused: null };
    } catch (error) {
      return {
        statusCode: null,
        error: describeError(error),
        refused: error instanceof SsrfBlockedError ? error : null,
      };
    }
  }
}

/** Reads and discards a receiver's answer (up to the size limit), so the connection can close. */
async function drain(body: AsyncIterable<unknown> & { destroy(): void }): Promise<void> {
  try {
    for await (const _ of body) {
      // discarded
    }
  } catch {
    body.destroy();
  }
}

function describeError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.length > 500 ? `${message.slice(0, 497)}...` : message;
}
