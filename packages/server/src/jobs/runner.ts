/**
 * The job runner: durable queues on pg-boss (its tables live in their own `pgboss` schema, created
 * and upgraded by pg-boss itself, apart from the Drizzle migrations), plus periodic tasks. Runs over
 * the application's own database handle, so it works on PGlite (in-process) and PostgreSQL alike.
 *
 * Queued jobs survive crashes: a job whose worker dies is expired and retried by pg-boss. Periodic
 * tasks run on a timer in every runner process, one run at a time per process; they must therefore
 * be safe to run concurrently in several processes (claim rows with `FOR UPDATE SKIP LOCKED`, or
 * update conditionally) and idempotent.
 */
import PgBoss from 'pg-boss';
import type { Database, Db } from '../db/database.ts';

/** Where the runner logs (pino's signature; Fastify's `app.log` fits). */
export interface JobLog {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

/** Handles one job's data; throwing fails the job, which pg-boss retries up to the queue's limit. */
export type JobHandler<T> = (data: T) => Promise<void>;

/** Options of a queue. */
export interface QueueOptions {
  /** Jobs of this queue run at once in this process (default 1). */
  concurrency?: number;
  /** A job running longer than this is considered lost and retried (default 60). */
  expireInSeconds?: number;
  /** Retries after a failure (default 2). */
  retryLimit?: number;
  /** Seconds between retries (default 5). */
  retryDelaySeconds?: number;
}

/** Options of {@link JobRunner}. */
export interface JobRunnerOptions {
  db: Database;
  log: JobLog;
  /** How often idle workers look for new jobs, in seconds (at least 0.5; default 2). */
  pollingIntervalSeconds?: number;
}

interface Periodic {
  name: string;
  everyMs: number;
  fn: () => Promise<void>;
  timer: NodeJS.Timeout | undefined;
  running: Promise<void> | undefined;
}

/** A pg-boss executor over a Drizzle handle (the database or one transaction), for either driver. */
export function sqlExecutor(handle: Db): PgBoss.Db {
  // The driver behind Drizzle: a pg Pool or PoolClient, or PGlite or its transaction.
  const session = (handle as unknown as { session: { client: unknown } }).session;
  const client = session.client as {
    query(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
    exec?(text: string): Promise<Array<{ rows: unknown[] }>>;
  };
  return {
    async executeSql(text: string, values?: unknown[]) {
      // PGlite runs several statements only through exec, and parameters only through query.
      if (client.exec && (!values || values.length === 0)) {
        const results = await client.exec(text);
        return { rows: results.at(-1)?.rows ?? [] };
      }
      return client.query(text, values);
    },
  };
}

/** Runs queued jobs and periodic tasks until stopped. */
export class JobRunner {
  readonly #db: Database;
  readonly #log: JobLog;
  readonly #boss: PgBoss;
  readonly #queues = new Map<string, { handler: JobHandler<object>; options: QueueOptions }>();
  readonly #workers = new Map<string, string[]>();
  readonly #periodic = new Map<string, Periodic>();
  #state: 'new' | 'starting' | 'running' | 'stopped' = 'new';

  constructor(options: JobRunnerOptions) {
    this.#db = options.db;
    this.#log = options.log;
    this.#boss = new PgBoss({
      db: sqlExecutor(options.db.system),
      // No cron schedules are used; periodic tasks run on timers (sub-minute periods).
      schedule: false,
      supervise: true,
      migrate: true,
      pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2,
    });
    this.#boss.on('error', (error) => this.#log.error({ err: error }, 'job queue error'));
  }

  /** Whether the runner has started and not stopped. */
  get running(): boolean {
    return this.#state === 'running';
  }

  /** Registers the handler of a queue; call before {@link start}. */
  register<T extends object>(queue: string, handler: JobHandler<T>, options: QueueOptions = {}): void {
    if (this.#state !== 'new') throw new Error(`register ${queue}: the runner has already started`);
    if (this.#queues.has(queue)) throw new Error(`queue ${queue} is already registered`);
    this.#queues.set(queue, { handler: handler as JobHandler<object>, options });
  }

  /**
   * Runs `fn` every `everyMs` milliseconds while the runner runs (the first run one period after
   * start; never two runs of one task at once in this process). Errors are logged, not fatal.
   */
  registerPeriodic(name: string, everyMs: number, fn: () => Promise<void>): void {
    if (this.#periodic.has(name)) throw new Error(`periodic task ${name} is already registered`);
    if (!(everyMs > 0)) throw new Error(`periodic task ${name}: everyMs must be positive`);
    const task: Periodic = { name, everyMs, fn, timer: undefined, running: undefined };
    this.#periodic.set(name, task);
    if (this.#state === 'running') this.#schedule(task);
  }

  /** Installs pg-boss's schema if needed, creates the queues and starts the workers and timers. */
  async start(): Promise<void> {
    if (this.#state !== 'new') throw new Error('the job runner can only be started once');
    this.#state = 'starting';
    await this.#boss.start();
    for (const [queue, { handler, options }] of this.#queues) {
      const settings = {
        name: queue,
        expireInSeconds: options.expireInSeconds ?? 60,
        retryLimit: options.retryLimit ?? 2,
        retryDelay: options.retryDelaySeconds ?? 5,
      };
      if (await this.#boss.getQueue(queue)) await this.#boss.updateQueue(queue, settings);
      else await this.#boss.createQueue(queue, settings);
      const ids: string[] = [];
      for (let i = 0; i < Math.max(1, options.concurrency ?? 1); i++) {
        ids.push(
          await this.#boss.work<object>(queue, async ([job]) => {
            if (job) await handler(job.data);
          }),
        );
      }
      this.#workers.set(queue, ids);
    }
    this.#state = 'running';
    for (const task of this.#periodic.values()) this.#schedule(task);
    this.#log.info(
      { queues: [...this.#queues.keys()], periodic: [...this.#periodic.keys()] },
      'job runner started',
    );
  }

  /**
   * Queues jobs. With `tx` they are written in that transaction (system connection), so they exist
   * exactly when it commits.
   */
  async insert<T extends object>(queue: string, items: T[], options: { tx?: Db } = {}): Promise<void> {
    if (items.length === 0) return;
    await this.#boss.insert(
      items.map((data) => ({ name: queue, data })),
      options.tx ? { db: sqlExecutor(options.tx) } : {},
    );
  }

  /** Wakes this process's idle workers of `queue` now instead of at their next poll. */
  notify(queue: string): void {
    for (const id of this.#workers.get(queue) ?? []) this.#boss.notifyWorker(id);
  }

  /**
   * Stops the timers and the workers, waiting (up to `timeoutMs`) for running jobs and periodic runs
   * to finish. Jobs cut off are retried later by any runner.
   */
  async stop(timeoutMs = 15_000): Promise<void> {
    if (this.#state === 'stopped') return;
    const started = this.#state !== 'new';
    this.#state = 'stopped';
    for (const task of this.#periodic.values()) clearTimeout(task.timer);
    await Promise.all([...this.#periodic.values()].map((t) => t.running));
    // pg-boss's executor is the application's database handle, which its owner closes.
    if (started) await this.#boss.stop({ graceful: true, wait: true, close: false, timeout: timeoutMs });
  }

  #schedule(task: Periodic): void {
    task.timer = setTimeout(() => {
      if (this.#state !== 'running') return;
      task.running = task
        .fn()
        .catch((error: unknown) => this.#log.error({ err: error, task: task.name }, 'periodic task failed'))
        .finally(() => {
          task.running = undefined;
          if (this.#state === 'running') this.#schedule(task);
        });
    }, task.everyMs);
    task.timer.unref();
  }

  /** The database the runner works on. */
  get db(): Database {
    return this.#db;
  }
}
