/**
 * Ingestion benchmark: how fast tasks get in through the API, against what the database itself can
 * take of the same rows, on PostgreSQL and on PGlite.
 *
 * Paths (each on a fresh clone of a migrated database holding only the benchmark organization):
 * - `api`: `POST /v1/task/imageannotation`, one task per request, from `--concurrency` keep-alive clients;
 * - `bulk`: one NDJSON upload to `POST /api/tasks/import`;
 * - `cli`: `groundwork import <file>` (process start, file read and upload);
 * - `raw_insert`: single-row INSERTs from as many workers as the API has clients (the API's baseline);
 * - `raw_copy`: one COPY of the same rows (the bulk paths' baseline).
 * The server runs in a child process: in production the clients are other machines, and a load generator
 * in the server's process would take turns on the server's single event loop.
 */
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { type FieldKeyring, withFieldKeyring } from '@groundwork/server';
import { type CpuUse, cpuBetween, sampleCpu } from '../lib/cpu.ts';
import { send } from '../lib/http.ts';
import { type ServerProcess, startServerProcess } from '../lib/server.ts';
import { runConcurrently } from '../lib/workers.ts';
import {
  type BenchDatabase,
  type DatabaseHost,
  type DatabaseKind,
  openPgliteHost,
  openPostgresHost,
} from './databases.ts';
import { copyText, ndjson, rowValues, TASK_TYPE, taskBody, taskRows } from './tasks.ts';

const REPO = join(dirname(fileURLToPath(import.meta.url)), '../..');
const CLI_BIN = join(REPO, 'packages/cli/src/bin.ts');
const PROJECT = 'bench-ingest';
const GOAL_API = 0.25;
const GOAL_BULK = 0.5;
/** A measurement is flagged when other processes took more than this share of the busy CPU. */
const NOISY_SHARE = 0.15;
const PATHS = ['raw_insert', 'raw_copy', 'api', 'bulk', 'cli'] as const;

type PathName = (typeof PATHS)[number];

interface Options {
  rows: number;
  warmup: number;
  concurrency: number;
  databases: DatabaseKind[];
  paths: Set<PathName>;
  logLevel: string;
  cpuProfileDir: string | undefined;
}

/** One measured path. */
interface Measurement {
  database: DatabaseKind;
  path: PathName;
  rows: number;
  seconds: number;
  perSecond: number;
  /** CPU used during the measurement, by party. */
  cpu: CpuUse;
}

/** Raised when a path's endpoint or command does not exist (yet). */
class NotAvailable extends Error {}

const LABELS: Record<PathName, string> = {
  raw_insert: 'raw single-row INSERT loop',
  raw_copy: 'raw COPY',
  api: 'POST /v1/task (single task)',
  bulk: 'POST /api/tasks/import (NDJSON)',
  cli: 'groundwork import <file> (CLI)',
};

function parseOptions(args: string[]): Options {
  const { values } = parseArgs({
    args,
    options: {
      quick: { type: 'boolean', default: false },
      rows: { type: 'string' },
      warmup: { type: 'string' },
      concurrency: { type: 'string', default: '32' },
      db: { type: 'string', default: 'postgres,pglite' },
      only: { type: 'string', default: PATHS.join(',') },
      'log-level': { type: 'string', default: 'info' },
      'cpu-prof': { type: 'string' },
    },
  });
  const positive = (name: string, value: string) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1)
      throw new Error(`--${name}: expected a positive integer, got ${value}`);
    return n;
  };
  const rows = positive('rows', values.rows ?? (values.quick ? '5000' : '100000'));
  const databases = values.db.split(',').map((d) => d.trim());
  for (const d of databases)
    if (d !== 'postgres' && d !== 'pglite') throw new Error(`--db: unknown database ${d}`);
  const paths = values.only.split(',').map((p) => p.trim());
  for (const p of paths)
    if (!(PATHS as readonly string[]).includes(p))
      throw new Error(`--only: unknown path ${p} (${PATHS.join(', ')})`);
  return {
    rows,
    warmup:
      values.warmup !== undefined ? positive('warmup', values.warmup) : Math.min(1000, Math.ceil(rows / 10)),
    concurrency: positive('concurrency', values.concurrency),
    databases: databases as DatabaseKind[],
    paths: new Set(paths as PathName[]),
    logLevel: values['log-level'],
    cpuProfileDir: values['cpu-prof'],
  };
}

function note(text: string): void {
  process.stderr.write(`${text}\n`);
}

/** Runs `fn` and measures its wall time and the CPU used meanwhile by the server, the database and us. */
async function timed(
  host: DatabaseHost,
  path: PathName,
  rows: number,
  serverPid: number | undefined,
  fn: () => Promise<void>,
): Promise<Measurement> {
  const watch = { serverPid, postmasterPid: host.postmasterPid };
  const before = sampleCpu(watch);
  const start = performance.now();
  await fn();
  const seconds = (performance.now() - start) / 1000;
  const m: Measurement = {
    database: host.kind,
    path,
    rows,
    seconds,
    perSecond: rows / seconds,
    cpu: cpuBetween(before, sampleCpu(watch)),
  };
  note(
    `  ${host.kind} ${LABELS[path]}: ${rows} rows in ${seconds.toFixed(2)} s = ${Math.round(m.perSecond)}/s` +
      ` (machine ${(m.cpu.machineBusyShare * 100).toFixed(0)}% busy, load ${loadavg()[0]?.toFixed(1)})`,
  );
  return m;
}

function expectEqual(what: string, actual: number, expected: number): void {
  if (actual !== expected) throw new Error(`${what}: expected ${expected}, found ${actual}`);
}

// ---------------------------------------------------------------- the server paths

interface ServerRun {
  server: ServerProcess;
  db: BenchDatabase;
  basic: string;
  bearer: string;
}

async function withServer<T>(
  host: DatabaseHost,
  path: PathName,
  options: Options,
  fn: (run: ServerRun) => Promise<T>,
): Promise<T> {
  const db = await host.clone(path);
  try {
    const server = await startServerProcess({
      env: { ...db.serverEnv, GROUNDWORK_LOG_LEVEL: options.logLevel },
      ...(options.cpuProfileDir
        ? { cpuProfileDir: join(options.cpuProfileDir, `${host.kind}-${path}`) }
        : {}),
    });
    try {
      const run: ServerRun = {
        server,
        db,
        basic: `Basic ${Buffer.from(`${host.apiKey}:`).toString('base64')}`,
        bearer: `Bearer ${host.apiKey}`,
      };
      const created = await send(`${server.url}/v1/projects`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: run.basic },
        body: JSON.stringify({ type: TASK_TYPE, name: PROJECT }),
      });
      if (created.status !== 200) throw new Error(`creating the project: ${created.status} ${created.body}`);
      return await fn(run);
    } finally {
      await server.stop();
    }
  } finally {
    await db.drop();
  }
}

async function countTasks(run: ServerRun): Promise<number> {
  const response = await send(`${run.server.url}/v1/tasks?project=${PROJECT}&limit=1`, {
    method: 'GET',
    headers: { authorization: run.basic },
  });
  if (response.status !== 200) throw new Error(`listing tasks: ${response.status} ${response.body}`);
  return Number((JSON.parse(response.body) as { total: number }).total);
}

async function measureApi(host: DatabaseHost, options: Options): Promise<Measurement> {
  const { rows, warmup, concurrency } = options;
  const body = (i: number) => JSON.stringify({ project: PROJECT, ...taskBody(i) });
  const bodies = Array.from({ length: rows }, (_, i) => body(i));
  const warmBodies = Array.from({ length: warmup }, (_, i) => body(rows + i));
  return withServer(host, 'api', options, async (run) => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
    const url = `${run.server.url}/v1/task/${TASK_TYPE}`;
    const headers = { 'content-type': 'application/json', authorization: run.basic };
    const post = async (payload: string | undefined) => {
      const response = await send(url, { method: 'POST', headers, body: payload, agent });
      if (response.status !== 200)
        throw new Error(`POST ${url}: ${response.status} ${response.body.slice(0, 500)}`);
    };
    try {
      await runConcurrently(warmup, concurrency, (i) => post(warmBodies[i]));
      await run.db.checkpoint();
      const m = await timed(host, 'api', rows, run.server.pid, () =>
        runConcurrently(rows, concurrency, (i) => post(bodies[i])),
      );
      expectEqual('tasks after the API run', await countTasks(run), rows + warmup);
      return m;
    } finally {
      agent.destroy();
    }
  });
}

async function importNdjson(run: ServerRun, body: Buffer): Promise<number> {
  const url = `${run.server.url}/api/tasks/import?type=${TASK_TYPE}&project=${PROJECT}`;
  const response = await send(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-ndjson', authorization: run.bearer },
    body,
  });
  if (response.status === 404 && response.body.includes('No route')) {
    throw new NotAvailable('POST /api/tasks/import does not exist yet');
  }
  if (response.status < 200 || response.status > 299) {
    throw new Error(`POST /api/tasks/import: ${response.status} ${response.body.slice(0, 500)}`);
  }
  return Number((JSON.parse(response.body) as { created: number }).created);
}

async function measureBulk(host: DatabaseHost, options: Options): Promise<Measurement> {
  const { rows, warmup } = options;
  const body = Buffer.from(ndjson(0, rows));
  return withServer(host, 'bulk', options, async (run) => {
    expectEqual('warm-up import', await importNdjson(run, Buffer.from(ndjson(rows, warmup))), warmup);
    await run.db.checkpoint();
    let created = 0;
    const m = await timed(host, 'bulk', rows, run.server.pid, async () => {
      created = await importNdjson(run, body);
    });
    expectEqual('created by the import', created, rows);
    expectEqual('tasks after the import', await countTasks(run), rows + warmup);
    return m;
  });
}

function cliAvailable(): boolean {
  if (!existsSync(CLI_BIN)) return false;
  const help = spawnSync(process.execPath, [CLI_BIN, 'import', '--help'], {
    stdio: 'ignore',
    timeout: 30_000,
  });
  return help.status === 0;
}

async function measureCli(host: DatabaseHost, options: Options): Promise<Measurement> {
  const { rows, warmup } = options;
  if (!cliAvailable()) throw new NotAvailable('`groundwork import` does not exist yet');
  const dir = mkdtempSync(join(tmpdir(), 'groundwork-bench-cli-'));
  try {
    const file = join(dir, 'tasks.ndjson');
    writeFileSync(file, ndjson(0, rows));
    return await withServer(host, 'cli', options, async (run) => {
      expectEqual('warm-up import', await importNdjson(run, Buffer.from(ndjson(rows, warmup))), warmup);
      await run.db.checkpoint();
      const m = await timed(host, 'cli', rows, run.server.pid, async () => {
        const child = spawn(
          process.execPath,
          [CLI_BIN, 'import', file, '--type', TASK_TYPE, '--project', PROJECT],
          {
            env: { ...process.env, GROUNDWORK_URL: run.server.url, GROUNDWORK_API_KEY: host.apiKey },
            stdio: ['ignore', 'ignore', 'pipe'],
          },
        );
        const stderr: Buffer[] = [];
        child.stderr?.on('data', (chunk: Buffer) => stderr.push(chunk));
        const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
        if (code !== 0)
          throw new Error(`groundwork import exited ${code}: ${Buffer.concat(stderr).toString()}`);
      });
      expectEqual('tasks after the CLI import', await countTasks(run), rows + warmup);
      return m;
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------- the baselines

async function measureRaw(host: DatabaseHost, options: Options): Promise<Measurement[]> {
  const { rows: count, warmup, concurrency } = options;
  const projectId = '0'.repeat(8) + 'ab'.repeat(8);
  const rows = taskRows(host.orgId, projectId, 0, count);
  const warmRows = taskRows(host.orgId, projectId, count, warmup);
  // The rows as the server stores them: content sealed under a data key (prepared before any timing).
  const keys: FieldKeyring = { orgId: host.orgId, current: 1, keys: new Map([[1, randomBytes(32)]]) };
  const sealed = <T>(fn: () => T): T => withFieldKeyring(keys, fn);
  const db = await host.clone('raw');
  const results: Measurement[] = [];
  try {
    const raw = await db.openRaw(concurrency);
    try {
      if (options.paths.has('raw_insert')) {
        const values = sealed(() => rowValues(rows));
        await raw.insertEach(
          sealed(() => rowValues(warmRows)),
          concurrency,
        );
        await db.checkpoint();
        results.push(
          await timed(host, 'raw_insert', count, undefined, () => raw.insertEach(values, concurrency)),
        );
        expectEqual('rows after the INSERT loop', await raw.count(), count + warmup);
        await raw.truncate();
      }
      if (options.paths.has('raw_copy')) {
        const text = sealed(() => copyText(rows));
        await raw.copy(sealed(() => copyText(warmRows)));
        await db.checkpoint();
        results.push(await timed(host, 'raw_copy', count, undefined, () => raw.copy(text)));
        expectEqual('rows after COPY', await raw.count(), count + warmup);
      }
    } finally {
      await raw.close();
    }
  } finally {
    await db.drop();
  }
  return results;
}

// ---------------------------------------------------------------- report

function find(results: Measurement[], database: DatabaseKind, path: PathName): Measurement | undefined {
  return results.find((m) => m.database === database && m.path === path);
}

function ratioOf(a: Measurement | undefined, b: Measurement | undefined): number | null {
  return a && b ? a.perSecond / b.perSecond : null;
}

function round(value: number | null, digits: number): number | null {
  if (value === null) return null;
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

function report(results: Measurement[], options: Options, hosts: string[], missing: string[]): void {
  const out = (line: string) => process.stdout.write(`${line}\n`);
  out('');
  out(
    `ingest: ${options.rows} imageannotation tasks per path, ${options.concurrency} concurrent clients/workers, ` +
      `warm-up ${options.warmup}, server log level ${options.logLevel}`,
  );
  for (const h of hosts) out(`  ${h}`);
  out(
    `  machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, node ${process.version}`,
  );
  out('');
  const header = [
    'database',
    'path',
    'tasks/s',
    'seconds',
    'vs baseline',
    'goal',
    'CPU µs/task: server',
    'database',
    'bench',
    'other',
    'machine busy',
  ];
  const table: string[][] = [header];
  const json: Record<string, unknown> = { rows: options.rows };
  const noisy: string[] = [];
  for (const database of options.databases) {
    const insert = find(results, database, 'raw_insert');
    const copy = find(results, database, 'raw_copy');
    for (const path of PATHS) {
      const m = find(results, database, path);
      if (!m) continue;
      const baseline = path === 'api' ? insert : path === 'bulk' || path === 'cli' ? copy : undefined;
      const goal = path === 'api' ? GOAL_API : path === 'bulk' || path === 'cli' ? GOAL_BULK : undefined;
      const ratio = baseline ? ratioOf(m, baseline) : null;
      const micros = (seconds: number | null) =>
        seconds === null ? '-' : String(Math.round((seconds * 1e6) / m.rows));
      const { cpu } = m;
      // Clamped: the counters tick at 10 ms, so a short, quiet measurement can come out slightly negative.
      const other = Math.max(
        0,
        cpu.machineBusySeconds - (cpu.server ?? 0) - (cpu.database ?? 0) - cpu.client,
      );
      if (other > NOISY_SHARE * cpu.machineBusySeconds) noisy.push(`${database}_${path}`);
      table.push([
        database,
        LABELS[path],
        String(Math.round(m.perSecond)),
        m.seconds.toFixed(2),
        ratio === null ? (baseline || !goal ? '' : 'n/a') : ratio.toFixed(3),
        goal === undefined ? '' : `≥ ${goal}${ratio === null ? '' : ratio >= goal ? ' met' : ' MISSED'}`,
        micros(cpu.server),
        micros(cpu.database),
        micros(cpu.client),
        micros(other),
        `${Math.round(cpu.machineBusyShare * 100)}%${other > NOISY_SHARE * cpu.machineBusySeconds ? ' *' : ''}`,
      ]);
    }
    const api = find(results, database, 'api');
    const bulk = find(results, database, 'bulk');
    const cli = find(results, database, 'cli');
    Object.assign(json, {
      [`${database}_api_tasks_per_s`]: round(api?.perSecond ?? null, 0),
      [`${database}_bulk_tasks_per_s`]: round(bulk?.perSecond ?? null, 0),
      [`${database}_cli_tasks_per_s`]: round(cli?.perSecond ?? null, 0),
      [`${database}_raw_insert_rows_per_s`]: round(insert?.perSecond ?? null, 0),
      [`${database}_raw_copy_rows_per_s`]: round(copy?.perSecond ?? null, 0),
      [`${database}_api_ratio`]: round(ratioOf(api, insert), 3),
      [`${database}_bulk_ratio`]: round(ratioOf(bulk, copy), 3),
      [`${database}_cli_ratio`]: round(ratioOf(cli, copy), 3),
    });
  }
  const widths = header.map((_, i) => Math.max(...table.map((row) => (row[i] ?? '').length)));
  for (const row of table) {
    out(
      row
        .map((cell, i) => (i >= 2 && i !== 5 ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0)))
        .join('  ')
        .trimEnd(),
    );
  }
  out(
    'CPU µs/task: server = the server process (on PGlite it runs the database too); database = postmaster and ' +
      'backends; bench = this process (HTTP clients, or the pg driver / embedded PGlite of the raw paths, plus ' +
      'the CLI process); other = the rest of the busy time (kernel, other processes).',
  );
  if (noisy.length > 0) {
    out(
      `* more than ${NOISY_SHARE * 100}% of the busy CPU went to other processes during ${noisy.join(', ')}: ` +
        'the machine was shared; rerun when it is quiet.',
    );
  }
  for (const m of missing) out(`not measured: ${m}`);
  out('');
  const headline = options.databases[0] ?? 'postgres';
  json.goal_api_ratio = GOAL_API;
  json.goal_bulk_ratio = GOAL_BULK;
  json.noisy = noisy;
  json.ratio = json[`${headline}_api_ratio`] ?? null;
  out(JSON.stringify(json));
}

/** Entry point: `npm run bench -- ingest [--quick] [--rows N] [--db postgres,pglite] [--only paths]`. */
export async function main(args: string[]): Promise<void> {
  const options = parseOptions(args);
  const results: Measurement[] = [];
  const hosts: string[] = [];
  const missing: string[] = [];
  for (const kind of options.databases) {
    note(`${kind}: preparing`);
    const host =
      kind === 'postgres' ? await openPostgresHost(process.env.DATABASE_URL) : await openPgliteHost();
    hosts.push(host.description);
    try {
      if (options.paths.has('raw_insert') || options.paths.has('raw_copy'))
        results.push(...(await measureRaw(host, options)));
      const serverPaths: [PathName, (h: DatabaseHost, o: Options) => Promise<Measurement>][] = [
        ['api', measureApi],
        ['bulk', measureBulk],
        ['cli', measureCli],
      ];
      for (const [path, measure] of serverPaths) {
        if (!options.paths.has(path)) continue;
        try {
          results.push(await measure(host, options));
        } catch (error) {
          if (!(error instanceof NotAvailable)) throw error;
          missing.push(`${kind} ${LABELS[path]}: ${error.message}`);
          note(`  ${kind} ${LABELS[path]}: skipped, ${error.message}`);
        }
      }
    } finally {
      await host.close();
    }
  }
  report(results, options, hosts, missing);
}
