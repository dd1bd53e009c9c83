/**
 * Dispatch benchmark: how fast annotators get work through the API, against what the database itself
 * can do with the same claim statement.
 *
 * On PostgreSQL (a throwaway local cluster with fsync on, or `DATABASE_URL`), two projects of
 * `--tasks` queued categorization tasks (overlap 1), and `--annotators` people:
 * - `raw`: each annotator loops the server's own claim statement (`FOR UPDATE SKIP LOCKED`, queue row →
 *   assignment) and one statement that submits the answer and completes the task on direct
 *   connections, with the server's durability (claims do not wait for the WAL flush, submits do) —
 *   the database's limit for this loop;
 * - `http`: each annotator is an HTTP client with a login session looping
 *   `POST /api/work/next` → `POST /api/work/assignments/{id}/submit` against the server in a child process.
 * Each runs for `--seconds` (or until its queue is empty). Prints assignments/s of both, lease and submit
 * latency percentiles of the HTTP loop, and as its last line a JSON object with `ratio` = http / raw.
 */

import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  CLAIM_NEXT_SQL,
  createDataKeys,
  loadConfig,
  masterKeyLoader,
  newId,
  OrgService,
  openDatabase,
  sealFieldText,
  withFieldKeyring,
} from '@groundwork/server';
import pg from 'pg';
import { onInterrupt } from '../lib/cleanup.ts';
import { send } from '../lib/http.ts';
import { startTempPostgres } from '../lib/postgres.ts';
import { startServerProcess } from '../lib/server.ts';

const GOAL_RATIO = 0.5;
const GOAL_P99_MS = 50;
const PASSWORD = 'bench-password-1234';
const PARAMS = JSON.stringify({
  attachment: 'https://example.com/image.jpg',
  attachment_type: 'image',
  categories: ['cat', 'dog'],
  allow_multiple: false,
});

interface Options {
  tasks: number;
  seconds: number;
  annotators: number;
  logLevel: string;
  cpuProfileDir: string | undefined;
}

function parseOptions(args: string[]): Options {
  const { values } = parseArgs({
    args,
    options: {
      quick: { type: 'boolean', default: false },
      tasks: { type: 'string' },
      seconds: { type: 'string' },
      annotators: { type: 'string', default: '64' },
      'log-level': { type: 'string', default: 'warn' },
      'cpu-prof': { type: 'string' },
    },
  });
  const positive = (name: string, value: string) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1)
      throw new Error(`--${name}: expected a positive integer, got ${value}`);
    return n;
  };
  return {
    tasks: positive('tasks', values.tasks ?? (values.quick ? '20000' : '100000')),
    seconds: positive('seconds', values.seconds ?? (values.quick ? '10' : '60')),
    annotators: positive('annotators', values.annotators),
    logLevel: values['log-level'],
    cpuProfileDir: values['cpu-prof'],
  };
}

function note(text: string): void {
  process.stderr.write(`${text}\n`);
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)] as number;
}

const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

/** Fills a project with `n` pending categorization tasks; the insert trigger queues their slots. */
async function queueTasks(
  client: pg.Client,
  orgId: string,
  projectId: string,
  n: number,
  params: string,
): Promise<void> {
  const chunk = 20_000;
  for (let done = 0; done < n; done += chunk) {
    const count = Math.min(chunk, n - done);
    await client.query(
      `INSERT INTO tasks (id, org_id, is_test, project_id, type, status, params, metadata, priority, created_at, updated_at)
       SELECT substr(md5(random()::text || i::text), 1, 24), $1, false, $2, 'categorization', 'pending', $3::jsonb,
              '{}'::jsonb, 20, now() + (i || ' microseconds')::interval, now()
         FROM generate_series($4::int, $5::int) AS i`,
      [orgId, projectId, params, done + 1, done + count],
    );
  }
}

interface LoopResult {
  assignments: number;
  seconds: number;
  perSecond: number;
  emptied: boolean;
}

/**
 * The raw loop: the claim statement and one submit statement per assignment, straight on the database,
 * with the server's durability: claims commit without waiting for the WAL flush
 * (`synchronous_commit = off`, set on a connection of their own), submits wait for it.
 */
async function runRaw(
  url: string,
  users: string[],
  projectId: string,
  seconds: number,
  answer: string,
): Promise<LoopResult> {
  const connect = async (settings: string | null) => {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    if (settings) await c.query(settings);
    return c;
  };
  const claimers = await Promise.all(users.map(() => connect('SET synchronous_commit TO off')));
  const clients = await Promise.all(users.map(() => connect(null)));
  const submit = `
    WITH a AS (
      UPDATE assignments SET status = 'submitted', response = $2::jsonb, submitted_at = now(), time_spent_ms = 1000
       WHERE id = $1 RETURNING task_id)
    UPDATE tasks SET status = 'completed', stage = 'done', response = $2::jsonb, completed_at = now(), updated_at = now()
      FROM a WHERE tasks.id = a.task_id`;
  let count = 0;
  let emptied = false;
  const start = performance.now();
  const deadline = start + seconds * 1000;
  await Promise.all(
    clients.map(async (c, i) => {
      while (performance.now() < deadline) {
        const { rows } = await (claimers[i] as pg.Client).query({
          name: 'claim',
          text: CLAIM_NEXT_SQL,
          values: [newId(), users[i], null, 'label', 1800, projectId],
        });
        const leased = rows[0] as { id: string } | undefined;
        if (!leased) {
          emptied = true;
          return;
        }
        await c.query({ name: 'submit', text: submit, values: [leased.id, answer] });
        count++;
      }
    }),
  );
  const elapsed = (performance.now() - start) / 1000;
  await Promise.all([...claimers, ...clients].map((c) => c.end()));
  return { assignments: count, seconds: elapsed, perSecond: count / elapsed, emptied };
}

interface HttpResult extends LoopResult {
  lease: { p50: number; p99: number };
  submit: { p50: number; p99: number };
}

/** Logs one annotator in; returns the headers their requests carry (cookie and CSRF token). */
async function login(base: string, email: string, agent: http.Agent): Promise<Record<string, string>> {
  const body = JSON.stringify({ email, password: PASSWORD });
  const response = await new Promise<{ status: number; cookie: string; body: string }>((resolve, reject) => {
    const request = http.request(
      `${base}/api/auth/login`,
      {
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            cookie: (res.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]).join('; '),
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
      },
    );
    request.on('error', reject);
    request.end(body);
  });
  if (response.status !== 200) throw new Error(`login ${email}: ${response.status} ${response.body}`);
  const csrf = JSON.parse(response.body) as { csrfToken?: string; csrf_token?: string };
  return {
    cookie: response.cookie,
    'x-csrf-token': csrf.csrfToken ?? csrf.csrf_token ?? '',
    'content-type': 'application/json',
  };
}

async function runHttp(
  base: string,
  emails: string[],
  project: string,
  seconds: number,
): Promise<HttpResult> {
  const agents = emails.map(() => new http.Agent({ keepAlive: true, maxSockets: 1 }));
  const sessions = await Promise.all(emails.map((email, i) => login(base, email, agents[i] as http.Agent)));
  const leaseMs: number[] = [];
  const submitMs: number[] = [];
  let count = 0;
  let emptied = false;
  const start = performance.now();
  const deadline = start + seconds * 1000;
  const nextBody = JSON.stringify({ project });
  const answer = JSON.stringify({ response: { category: 'cat' }, timeSpentMs: 1000 });
  await Promise.all(
    sessions.map(async (headers, i) => {
      const agent = agents[i] as http.Agent;
      while (performance.now() < deadline) {
        const t0 = performance.now();
        const next = await send(`${base}/api/work/next`, { method: 'POST', headers, body: nextBody, agent });
        leaseMs.push(performance.now() - t0);
        if (next.status !== 200) throw new Error(`work/next: ${next.status} ${next.body}`);
        const lease = (JSON.parse(next.body) as { lease: { assignment: { id: string } } | null }).lease;
        if (!lease) {
          emptied = true;
          return;
        }
        const t1 = performance.now();
        const done = await send(`${base}/api/work/assignments/${lease.assignment.id}/submit`, {
          method: 'POST',
          headers,
          body: answer,
          agent,
        });
        submitMs.push(performance.now() - t1);
        if (done.status !== 200) throw new Error(`submit: ${done.status} ${done.body}`);
        count++;
      }
    }),
  );
  const elapsed = (performance.now() - start) / 1000;
  for (const agent of agents) agent.destroy();
  leaseMs.sort((a, b) => a - b);
  submitMs.sort((a, b) => a - b);
  return {
    assignments: count,
    seconds: elapsed,
    perSecond: count / elapsed,
    emptied,
    lease: { p50: percentile(leaseMs, 50), p99: percentile(leaseMs, 99) },
    submit: { p50: percentile(submitMs, 50), p99: percentile(submitMs, 99) },
  };
}

/** Entry point: `npm run bench -- dispatch [--quick] [--tasks N] [--seconds S] [--annotators N]`. */
export async function main(args: string[]): Promise<void> {
  const options = parseOptions(args);
  note(
    `dispatch: ${options.tasks} queued tasks per loop, ${options.annotators} annotators, ${options.seconds} s per loop; ` +
      `${cpus().length} CPUs, ${Math.round(totalmem() / 2 ** 30)} GiB, load ${loadavg()[0]?.toFixed(2)}`,
  );
  // Two connections per annotator in the raw loop, the server's pool, and room to spare.
  const cluster = process.env.DATABASE_URL
    ? undefined
    : await startTempPostgres({ max_connections: String(2 * options.annotators + 60) });
  const adminUrl = process.env.DATABASE_URL ?? cluster?.url('postgres') ?? '';
  const dbName = `gw_bench_dispatch_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${dbName}`);
  const dbUrlObject = new URL(adminUrl);
  dbUrlObject.pathname = `/${dbName}`;
  const dbUrl = dbUrlObject.toString();
  const dataDir = mkdtempSync(join(tmpdir(), 'gw-bench-dispatch-'));
  const cleanup = async () => {
    await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`).catch(() => {});
    await admin.end().catch(() => {});
    await cluster?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
  const release = onInterrupt(cleanup);
  try {
    note(`PostgreSQL ${cluster?.version ?? '(DATABASE_URL)'}: seeding...`);
    const db = await openDatabase({ kind: 'postgres', url: dbUrl, poolSize: 4 });
    await db.migrate();
    const orgs = new OrgService({ db });
    const org = await orgs.createOrg({ slug: 'bench-dispatch', name: 'Dispatch benchmark' });
    const emails = Array.from({ length: options.annotators }, (_, i) => `annotator-${i + 1}@bench.example`);
    const users: string[] = [];
    for (const email of emails) {
      users.push((await orgs.addUser(org.id, { email, role: 'annotator', password: PASSWORD })).id);
    }
    // The tasks' params and the raw loop's answer sealed under the organization's data key, as the server
    // stores them (the server, given the same data directory, reads them with the same key).
    const config = loadConfig({ DATABASE_URL: dbUrl, GROUNDWORK_DATA_DIR: dataDir });
    const keys = createDataKeys(
      config,
      masterKeyLoader(config, () => {}),
    );
    await keys.checkMasterKey();
    const ring = await keys.fieldKeyring(org.id);
    const sealedParams = withFieldKeyring(ring, () => sealFieldText('tasks.params', JSON.parse(PARAMS)));
    const sealedAnswer = withFieldKeyring(ring, () =>
      sealFieldText('assignments.response', { category: 'cat' }),
    );
    await db.close();

    const client = new pg.Client({ connectionString: dbUrl });
    await client.connect();
    const projectIds: Record<string, string> = {};
    for (const name of ['raw', 'http']) {
      const id = newId();
      projectIds[name] = id;
      await client.query(
        `INSERT INTO projects (id, org_id, is_test, name, type, params, workflow) VALUES ($1, $2, false, $3, 'categorization', '{}'::jsonb, '{"overlap":1}'::jsonb)`,
        [id, org.id, `bench-${name}`],
      );
      await queueTasks(client, org.id, id, options.tasks, sealedParams as string);
    }
    await client.query('VACUUM ANALYZE');
    await client.query('CHECKPOINT');
    const queued = await client.query<{ n: string }>('SELECT count(*) AS n FROM work_queue');
    note(`queued ${queued.rows[0]?.n} slots`);

    note('raw: claim statement + submit statement on direct connections...');
    const raw = await runRaw(dbUrl, users, projectIds.raw as string, options.seconds, sealedAnswer as string);
    note(
      `  ${raw.assignments} assignments in ${raw.seconds.toFixed(1)} s: ${Math.round(raw.perSecond)}/s${raw.emptied ? ' (queue emptied)' : ''}`,
    );
    await client.query('CHECKPOINT');

    note('http: POST /api/work/next + POST .../submit from session clients...');
    const server = await startServerProcess({
      env: {
        DATABASE_URL: dbUrl,
        GROUNDWORK_DATA_DIR: dataDir,
        GROUNDWORK_LOG_LEVEL: options.logLevel,
        GROUNDWORK_WORKER: 'off',
        GROUNDWORK_DB_POOL_SIZE: String(Math.min(options.annotators, 32)),
      },
      cpuProfileDir: options.cpuProfileDir,
    });
    let result: HttpResult;
    try {
      result = await runHttp(server.url, emails, 'bench-http', options.seconds);
    } finally {
      await server.stop();
    }
    note(
      `  ${result.assignments} assignments in ${result.seconds.toFixed(1)} s: ${Math.round(result.perSecond)}/s${result.emptied ? ' (queue emptied)' : ''}; ` +
        `lease p50 ${result.lease.p50.toFixed(1)} ms p99 ${result.lease.p99.toFixed(1)} ms; submit p50 ${result.submit.p50.toFixed(1)} ms p99 ${result.submit.p99.toFixed(1)} ms`,
    );
    const [check] = (
      await client.query<{ dup: string }>(
        `SELECT count(*) - count(DISTINCT (task_id, stage, round, slot)) AS dup FROM assignments WHERE status = 'submitted'`,
      )
    ).rows;
    await client.end();
    if (Number(check?.dup ?? 0) !== 0) throw new Error(`a slot was submitted twice (${check?.dup})`);

    const ratio = result.perSecond / raw.perSecond;
    note(
      `ratio ${ratio.toFixed(3)} (goal ≥ ${GOAL_RATIO}); lease p99 ${result.lease.p99.toFixed(1)} ms (goal < ${GOAL_P99_MS} ms)`,
    );
    process.stdout.write(
      `${JSON.stringify({
        benchmark: 'dispatch',
        database: 'postgres',
        tasks: options.tasks,
        annotators: options.annotators,
        seconds: options.seconds,
        raw_assignments_per_s: Math.round(raw.perSecond),
        http_assignments_per_s: Math.round(result.perSecond),
        lease_p50_ms: round(result.lease.p50),
        lease_p99_ms: round(result.lease.p99),
        submit_p50_ms: round(result.submit.p50),
        submit_p99_ms: round(result.submit.p99),
        ratio: round(ratio, 3),
      })}\n`,
    );
  } finally {
    await cleanup();
    release();
  }
}
