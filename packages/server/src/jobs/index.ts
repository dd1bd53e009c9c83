/**
 * The application's background jobs and the runner that runs them: in-process under `groundwork serve`
 * (GROUNDWORK_WORKER=embedded) or in `groundwork worker` processes. Every job is registered in
 * {@link registerAppJobs}.
 */
import pino from 'pino';
import type { BlobStore } from '../blobs/index.ts';
import type { Config } from '../config.ts';
import type { Database } from '../db/database.ts';
import { createDataKeys, createEncryptedBlobs, type DataKeys, EncryptedBlobStore } from '../keys/index.ts';
import { masterKeyLoader } from '../lib/crypto.ts';
import type { ResolveHost } from '../net/index.ts';
import { reapExpiredLeases } from '../repositories/assignments.ts';
import { sweepSessions } from '../repositories/sessions.ts';
import { SESSION_IDLE_MS } from '../services/sessions.ts';
import { WebhookSecretService } from '../services/webhook-secrets.ts';
import { type DeliverySchedule, registerDeliveryJobs } from './deliveries.ts';
import { registerExportJobs } from './exports.ts';
import { registerQualityJobs } from './quality.ts';
import { type JobLog, JobRunner } from './runner.ts';

export {
  DEFAULT_DELIVERY_SCHEDULE,
  DELIVERY_QUEUE,
  type DeliveryJob,
  type DeliverySchedule,
  relayDueDeliveries,
} from './deliveries.ts';
export { type JobHandler, type JobLog, JobRunner, type QueueOptions } from './runner.ts';

/** What the application's jobs need. */
export interface AppJobDeps {
  db: Database;
  config: Config;
  log: JobLog;
  /** Resolves webhook receivers' host names (the system resolver by default; tests inject one). */
  resolveHost?: ResolveHost;
  /** Webhook retry policy (tests inject a fast one). */
  deliverySchedule?: DeliverySchedule;
  /** How often due deliveries are looked for, in milliseconds (default 1000). */
  deliveryRelayEveryMs?: number;
  /** How often expired leases are returned to the queue, in milliseconds (default 5000). */
  leaseReapEveryMs?: number;
  /** How often consensus reliabilities are recomputed, in milliseconds (default every 10 minutes). */
  reliabilityEveryMs?: number;
  /** The organizations' data keys (built from the configuration by default). */
  dataKeys?: DataKeys;
  /** The blob store underneath the encryption (built from the configuration by default). */
  blobs?: BlobStore;
}

/** Registers every job of the application on `runner`. */
export function registerAppJobs(runner: JobRunner, deps: AppJobDeps): void {
  const masterKey = masterKeyLoader(deps.config, (m) => deps.log.warn({}, m));
  const dataKeys = deps.dataKeys ?? createDataKeys(deps.config, masterKey);
  // The jobs read and write task content (deliveries, exports): the database needs the keys (those of the
  // server when the jobs run in its process).
  deps.db.useFieldKeys(dataKeys, { ifUnset: true });
  const blobs = deps.blobs
    ? new EncryptedBlobStore(deps.blobs, dataKeys)
    : createEncryptedBlobs(deps.config, dataKeys);
  registerDeliveryJobs(runner, {
    db: deps.db,
    log: deps.log,
    config: deps.config,
    secrets: new WebhookSecretService({ db: deps.db, masterKey }),
    ...(deps.resolveHost ? { resolveHost: deps.resolveHost } : {}),
    ...(deps.deliverySchedule ? { schedule: deps.deliverySchedule } : {}),
    ...(deps.deliveryRelayEveryMs ? { relayEveryMs: deps.deliveryRelayEveryMs } : {}),
  });
  // Expired leases go back to the queue (claims also reap their organization's when they find nothing).
  runner.registerPeriodic('leases.reap', deps.leaseReapEveryMs ?? 5000, async () => {
    await deps.db.withSystem((tx) => reapExpiredLeases(tx, new Date()));
  });
  registerQualityJobs(runner, {
    db: deps.db,
    log: deps.log,
    ...(deps.reliabilityEveryMs ? { everyMs: deps.reliabilityEveryMs } : {}),
  });
  registerExportJobs(runner, { db: deps.db, blobs, log: deps.log });
  // Sessions past their end are ended (kept as tombstones, so a replayed cookie is recognised) and
  // tombstones older than 30 days deleted.
  runner.registerPeriodic('sessions.sweep', 15 * 60_000, async () => {
    const now = new Date();
    await sweepSessions(deps.db.system, now, new Date(now.getTime() - SESSION_IDLE_MS));
  });
}

/** A runner with every application job registered, not yet started. */
export function createJobRunner(deps: AppJobDeps & { pollingIntervalSeconds?: number }): JobRunner {
  const runner = new JobRunner({
    db: deps.db,
    log: deps.log,
    ...(deps.pollingIntervalSeconds ? { pollingIntervalSeconds: deps.pollingIntervalSeconds } : {}),
  });
  registerAppJobs(runner, deps);
  return runner;
}

/** A JSON logger for processes that run jobs without the HTTP server (`groundwork worker`). */
export function createJobLog(level: Config['logLevel']): JobLog {
  return pino({ level });
}
