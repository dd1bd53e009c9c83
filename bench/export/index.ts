/**
 * Export benchmark: how fast a project's annotations stream out as a dataset file, and in how much memory,
 * against how fast PostgreSQL itself hands out the same rows.
 *
 * One project of `--tasks` completed imageannotation tasks with `--boxes` boxes each (1,000,000 boxes by
 * default), each task's image a stored file whose metadata gives its size, all COPY-loaded. Then:
 * - `raw`: `COPY (SELECT <what the export selects> WHERE <the export's filter> ORDER BY created_at, id) TO
 *   STDOUT`, read to the end by a `pg` client: the limit of any export of these rows (best of 3 after a
 *   warm-up), for what COCO reads (the image columns and each task's stored file, for its size) and what
 *   JSON Lines reads (the record columns);
 * - each format (`coco`, `jsonl`): requested through the API (an in-process app), run by a worker in a
 *   child process (the application's job runner: relay, `export.run`, blob store on disk; with the Node
 *   flags `groundwork worker` runs with), timed from the
 *   run's start to its completion (`started_at` → `finished_at`), with the worker's peak RSS.
 * `ratio` = raw seconds ÷ COCO seconds for the same rows (goal ≥ 0.4); the RSS goal is < 300 MB.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { workerNodeFlags } from '@groundwork/cli/worker-flags';
import { createTaskTypeRegistry, parseTaskParams } from '@groundwork/domain';
import {
  type BlobStore,
  buildApp,
  currentFieldKeyring,
  type FieldKeyring,
  IMAGE_EXPORT_COLUMNS,
  loadConfig,
  type NewTaskRow,
  newId,
  OrgService,
  openDatabase,
  TASK_INSERT_COLUMNS,
  taskCopyLine,
  withFieldKeyring,
} from '@groundwork/server';
import pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import { onInterrupt } from '../lib/cleanup.ts';
import { startTempPostgres } from '../lib/postgres.ts';

const WORKER_MAIN = join(dirname(fileURLToPath(import.meta.url)), 'worker-main.ts');
const PROJECT = 'bench-export';
const GOAL_RATIO = 0.4;
const GOAL_RSS_MB = 300;
const LABELS = [
  'car',
  'truck',
  'bus',
  'motorcycle',
  'bicycle',
  'pedestrian',
  'traffic_light',
  'traffic_sign',
];
const EPOCH = Date.UTC(2024, 5, 1);
const MB = 1024 * 1024;

interface Options {
  tasks: number;
  boxes: number;
  formats: string[];
  cpuProfileDir: string | undefined;
  /**
   * Node/V8 flags of the worker process: those `groundwork worker` runs with (`WORKER_NODE_FLAGS`) unless
   * `--worker-flags` gives others (`--worker-flags=` for Node's defaults).
   */
  workerFlags: string[];
}

function parseOptions(args: string[]): Options {
  const { values } = parseArgs({
    args,
    options: {
      quick: { type: 'boolean', default: false },
      tasks: { type: 'string' },
      boxes: { type: 'string', default: '10' },
      formats: { type: 'string', default: 'coco,jsonl' },
      'cpu-prof': { type: 'string' },
      'worker-flags': { type: 'string' },
    },
  });
  const positive = (name: string, value: string) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1)
      throw new Error(`--${name}: expected a positive integer, got ${value}`);
    return n;
  };
  const formats = values.formats.split(',').map((f) => f.trim());
  for (const f of formats)
    if (f !== 'coco' && f !== 'jsonl') throw new Error(`--formats: coco or jsonl, not ${f}`);
  return {
    tasks: positive('tasks', values.tasks ?? (values.quick ? '10000' : '100000')),
    boxes: positive('boxes', values.boxes),
    formats,
    cpuProfileDir: values['cpu-prof'],
    workerFlags: workerNodeFlags({ GROUNDWORK_WORKER_NODE_FLAGS: values['worker-flags'] }),
  };
}

function note(text: string): void {
  process.stderr.write(`${text}\n`);
}

// ---------------------------------------------------------------------------------------------- seeding

/** The deterministic pseudo-random numbers of the seed (a 32-bit LCG), so every run loads the same data. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** A box as the editor saves it: a uuid, a label, pixel coordinates with one decimal. */
function box(next: () => number, width: number, height: number) {
  const w = Math.round((20 + next() * 300) * 10) / 10;
  const h = Math.round((20 + next() * 200) * 10) / 10;
  const hex = (n: number) => Array.from({ length: n }, () => Math.floor(next() * 16).toString(16)).join('');
  return {
    uuid: `${hex(8)}-${hex(4)}-4${hex(3)}-a${hex(3)}-${hex(12)}`,
    type: 'box',
    label: LABELS[Math.floor(next() * LABELS.length)] as string,
    left: Math.round(next() * (width - w) * 10) / 10,
    top: Math.round(next() * (height - h) * 10) / 10,
    width: w,
    height: h,
  };
}

const FILE_COLUMNS = [
  'id',
  'org_id',
  'is_test',
  'project_id',
  'display_name',
  'reference_id',
  'mime_type',
  'size',
  'sha256',
  'blob_key',
  'source_url',
  'metadata',
  'created_at',
  'updated_at',
];

/** Writes COPY text to a `COPY … FROM STDIN` stream, chunk by chunk, with backpressure. */
async function copyIn(client: pg.Client, statement: string, lines: () => Generator<string>): Promise<void> {
  const stream = client.query(copyFrom(statement));
  async function* chunks() {
    let batch: string[] = [];
    for (const line of lines()) {
      batch.push(line);
      if (batch.length === 2000) {
        yield batch.join('');
        batch = [];
      }
    }
    if (batch.length > 0) yield batch.join('');
  }
  await pipeline(Readable.from(chunks()), stream);
}

/** Loads the files and the completed tasks of the project. */
async function seed(
  client: pg.Client,
  props: { orgId: string; projectId: string; tasks: number; boxes: number; keyring: FieldKeyring },
): Promise<void> {
  const type = createTaskTypeRegistry().get('imageannotation');
  if (!type) throw new Error('imageannotation is not registered');
  const parsed = parseTaskParams(type, {
    attachment: 'https://example.com/x.jpg',
    geometries: { box: { objects_to_annotate: LABELS, min_width: 8, min_height: 8 } },
  });
  if (!parsed.ok) throw new Error(`benchmark params are invalid: ${JSON.stringify(parsed.issues)}`);
  const template = parsed.params as Record<string, unknown>;
  const fileIds = Array.from({ length: props.tasks }, (_, i) => newId(EPOCH + i));
  const created = (i: number) => new Date(EPOCH + i * 1000);
  await copyIn(client, `COPY files (${FILE_COLUMNS.join(', ')}) FROM STDIN`, function* () {
    for (let i = 0; i < props.tasks; i++) {
      const at = created(i).toISOString();
      const id = fileIds[i] as string;
      yield `${[
        id,
        props.orgId,
        'f',
        props.projectId,
        `frame-${i}.jpg`,
        '\\N',
        'image/jpeg',
        '250000',
        '0'.repeat(64),
        `orgs/${props.orgId}/files/${id}`,
        '\\N',
        JSON.stringify({ width: 1920, height: 1080, camera: `cam-${i % 12}` }),
        at,
        at,
      ].join('\t')}\n`;
    }
  });
  const next = random(42);
  await copyIn(client, `COPY tasks (${TASK_INSERT_COLUMNS.join(', ')}) FROM STDIN`, function* () {
    for (let i = 0; i < props.tasks; i++) {
      const at = created(i);
      const row: NewTaskRow = {
        id: newId(at.getTime()),
        orgId: props.orgId,
        isTest: false,
        projectId: props.projectId,
        batchId: null,
        type: 'imageannotation',
        status: 'completed',
        instruction: null,
        params: { ...template, attachment: `groundwork://files/${fileIds[i]}` },
        response: { annotations: Array.from({ length: props.boxes }, () => box(next, 1920, 1080)) },
        metadata: { frame: i, camera: `cam-${i % 12}` },
        tags: null,
        uniqueId: null,
        priority: 20,
        callbackUrl: null,
        paramsVersion: 0,
        createdAt: at,
        updatedAt: at,
        completedAt: new Date(at.getTime() + 3_600_000),
      };
      yield withFieldKeyring(props.keyring, () => taskCopyLine(row));
    }
  });
}

// ---------------------------------------------------------------------------------------------- baseline

/**
 * What the COCO export selects: the image columns (the export's own list: params and response as their
 * envelopes' key version and data, or their text when stored in the clear) — and, in a second COPY, the
 * stored files the tasks name (for their sizes), which the export looks up per page.
 */
const IMAGE_SELECT = `${IMAGE_EXPORT_COLUMNS} FROM tasks t`;
const FILES_COPY =
  "COPY (SELECT f.id, f.blob_key, f.mime_type, f.metadata->>'width', f.metadata->>'height' FROM files f WHERE f.is_test = false ORDER BY f.id) TO STDOUT";
/** What the JSON Lines export selects. */
const RECORD_SELECT =
  't.id, t.created_at, t.type, t.unique_id, t.status, t.batch_id, t.params, t.response, t.metadata, t.tags, t.params_version, t.completed_at FROM tasks t';

interface RawRun {
  seconds: number;
  bytes: number;
}

/** One `COPY (SELECT …) TO STDOUT` of the export's rows (and for images then the files), read to the end. */
async function rawCopy(client: pg.Client, select: string, projectId: string): Promise<RawRun> {
  const text = `COPY (SELECT ${select} WHERE t.project_id = '${projectId}' AND t.is_test = false AND t.status = 'completed' AND t.created_at <= now() AND t.completed_at <= now() ORDER BY t.created_at, t.id) TO STDOUT`;
  const tasks = await copyOut(client, text);
  if (select !== IMAGE_SELECT) return tasks;
  const files = await copyOut(client, FILES_COPY);
  return { seconds: tasks.seconds + files.seconds, bytes: tasks.bytes + files.bytes };
}

async function copyOut(client: pg.Client, text: string): Promise<RawRun> {
  const start = performance.now();
  let bytes = 0;
  for await (const chunk of client.query(copyTo(text))) bytes += (chunk as Buffer).length;
  return { seconds: (performance.now() - start) / 1000, bytes };
}

/** The best of three runs after a warm-up (the exports also read a warm cache). */
async function rawBest(client: pg.Client, select: string, projectId: string): Promise<RawRun> {
  await rawCopy(client, select, projectId);
  const runs: RawRun[] = [];
  for (let i = 0; i < 3; i++) runs.push(await rawCopy(client, select, projectId));
  return runs.reduce((best, run) => (run.seconds < best.seconds ? run : best));
}

// ---------------------------------------------------------------------------------------------- exports

interface WorkerMemory {
  peakRss: number;
  startRss: number;
  idleRss: number;
  rss: number;
  /** Peak RSS sampled every 10 ms since the last `mark`. */
  sampledPeak: number;
  /** At that peak: the heap's total and used size, external and array-buffer memory, each heap space > 1 MB. */
  peakBreakdown: Record<string, number>;
}

interface WorkerReport {
  memory: WorkerMemory;
  cpu: { user: number; system: number };
}

interface Worker {
  report(): Promise<WorkerReport>;
  /** Starts sampling the worker's RSS (the peak of what follows). */
  mark(): void;
  /** Throws when the worker process has exited. */
  assertAlive(): void;
  stop(): Promise<void>;
}

async function startWorker(
  env: Record<string, string>,
  cpuProfileDir: string | undefined,
  flags: string[],
): Promise<Worker> {
  const execArgv = [...flags, ...(cpuProfileDir ? ['--cpu-prof', '--cpu-prof-dir', cpuProfileDir] : [])];
  const child: ChildProcess = spawn(process.execPath, [...execArgv, WORKER_MAIN], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.send('stop');
      const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
      await exited;
      clearTimeout(timer);
    }
  };
  const release = onInterrupt(stop);
  await new Promise<void>((resolve, reject) => {
    child.once('message', () => resolve());
    child.once('exit', (code) => reject(new Error(`the worker exited (${code}) before it was ready`)));
  });
  return {
    report: () =>
      new Promise((resolve, reject) => {
        const onExit = (code: number | null) => reject(new Error(`the worker exited (${code})`));
        const onMessage = (message: unknown) => {
          const report = message as Partial<WorkerReport>;
          if (!report.memory || !report.cpu) return;
          child.off('message', onMessage);
          child.off('exit', onExit);
          resolve(report as WorkerReport);
        };
        child.on('message', onMessage);
        child.once('exit', onExit);
        child.send('memory');
      }),
    mark() {
      child.send('mark');
    },
    assertAlive() {
      if (child.exitCode !== null || child.signalCode !== null) {
        throw new Error(`the worker exited (${child.exitCode ?? child.signalCode})`);
      }
    },
    async stop() {
      await stop();
      release();
    },
  };
}

interface ExportRun {
  format: string;
  seconds: number;
  bytes: number;
  peakRssMb: number;
  idleRssMb: number;
  /** The worker's peak RSS before the export was requested (its start: loading the server's modules). */
  startPeakRssMb: number;
  /** The worker's peak RSS from the request to the completion (sampled every 10 ms). */
  exportPeakRssMb: number;
  /** CPU time the worker spent from the request to the completion (its whole process, all threads). */
  cpuSeconds: number;
  /** What the file holds, counted by reading it back (annotations for COCO, lines for JSON Lines). */
  counted: number;
}

/** Counts occurrences of `needle` in a stream. */
async function countIn(body: AsyncIterable<unknown>, needle: string): Promise<number> {
  const pattern = Buffer.from(needle);
  let count = 0;
  let carry: Buffer = Buffer.alloc(0);
  for await (const chunk of body) {
    const buffer = carry.length > 0 ? Buffer.concat([carry, chunk as Buffer]) : (chunk as Buffer);
    let at = buffer.indexOf(pattern);
    let last = -1;
    while (at !== -1) {
      count++;
      last = at;
      at = buffer.indexOf(pattern, at + pattern.length);
    }
    const keepFrom = Math.max(last + pattern.length, buffer.length - pattern.length + 1);
    carry = buffer.subarray(keepFrom);
  }
  return count;
}

async function runExport(props: {
  format: string;
  admin: pg.Client;
  inject: (body: unknown) => Promise<{ status: number; body: string }>;
  workerEnv: Record<string, string>;
  /** The product's blob store: export results are stored encrypted, so they are read back through it. */
  blobs: BlobStore;
  cpuProfileDir: string | undefined;
  workerFlags: string[];
}): Promise<ExportRun> {
  const worker = await startWorker(
    props.workerEnv,
    props.cpuProfileDir ? join(props.cpuProfileDir, props.format) : undefined,
    props.workerFlags,
  );
  try {
    const before = await worker.report();
    worker.mark();
    const created = await props.inject({ format: props.format });
    if (created.status !== 200) throw new Error(`creating the export: ${created.status} ${created.body}`);
    const id = (JSON.parse(created.body) as { id: string }).id;
    let shown = -1;
    for (;;) {
      const { rows } = await props.admin.query<{
        status: string;
        done: number;
        total: number | null;
        seconds: number | null;
        bytes: string | null;
        blob_key: string | null;
        error: string | null;
      }>(
        `SELECT status, done, total, extract(epoch FROM finished_at - started_at)::float8 AS seconds, bytes, blob_key, error
           FROM dataset_exports WHERE id = $1`,
        [id],
      );
      const row = rows[0];
      if (!row) throw new Error(`export ${id} vanished`);
      worker.assertAlive();
      if (row.status === 'failed' || row.status === 'canceled')
        throw new Error(`export ${row.status}: ${row.error}`);
      if (row.status === 'completed') {
        const { memory, cpu } = await worker.report();
        note(
          `  ${props.format}: at the worker's peak RSS (MB) ${Object.entries(memory.peakBreakdown)
            .map(([name, bytes]) => `${name} ${(bytes / MB).toFixed(1)}`)
            .join(', ')}`,
        );
        const stored = await props.blobs.get(row.blob_key ?? '');
        if (!stored) throw new Error(`${props.format}: the export's file ${row.blob_key} is missing`);
        const counted = await countIn(stored.body, props.format === 'coco' ? '"iscrowd":' : '\n');
        return {
          format: props.format,
          seconds: row.seconds ?? 0,
          bytes: Number(row.bytes),
          peakRssMb: memory.peakRss / MB,
          idleRssMb: memory.idleRss / MB,
          startPeakRssMb: before.memory.peakRss / MB,
          exportPeakRssMb: memory.sampledPeak / MB,
          cpuSeconds: (cpu.user + cpu.system - before.cpu.user - before.cpu.system) / 1e6,
          counted,
        };
      }
      const percent = row.total ? Math.floor((row.done / row.total) * 10) * 10 : 0;
      if (percent !== shown) {
        shown = percent;
        note(`  ${props.format}: ${row.status} ${row.done}/${row.total ?? '?'}`);
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  } finally {
    await worker.stop();
  }
}

// ---------------------------------------------------------------------------------------------- main

/** Runs the benchmark. */
export async function main(args: string[]): Promise<void> {
  const options = parseOptions(args);
  const external = process.env.DATABASE_URL;
  const cluster = external ? undefined : await startTempPostgres();
  const database = `gw_bench_export_${Math.random().toString(36).slice(2, 8)}`;
  const urlOf = (name: string) => {
    if (cluster) return cluster.url(name);
    const u = new URL(external ?? '');
    u.pathname = `/${name}`;
    return u.toString();
  };
  const admin = new pg.Client({ connectionString: urlOf('postgres') });
  await admin.connect();
  const dataDir = mkdtempSync(join(tmpdir(), 'groundwork-bench-export-'));
  let created = false;
  const cleanup = async () => {
    if (created) await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`).catch(() => {});
    await admin.end().catch(() => {});
    rmSync(dataDir, { recursive: true, force: true });
    await cluster?.stop();
  };
  const release = onInterrupt(cleanup);
  try {
    const { rows: versions } = await admin.query<{ server_version: string }>('SHOW server_version');
    await admin.query(`CREATE DATABASE ${database}`);
    created = true;
    const url = urlOf(database);
    const db = await openDatabase({ kind: 'postgres', url, poolSize: 4 });
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await db.migrate();
      const orgs = new OrgService({ db });
      const org = await orgs.createOrg({ slug: 'bench-export', name: 'Export benchmark' });
      const { key } = await orgs.createApiKey(org.id, { environment: 'live', name: 'bench' });
      const env = { DATABASE_URL: url, GROUNDWORK_DATA_DIR: dataDir, GROUNDWORK_LOG_LEVEL: 'warn' };
      const app = await buildApp(loadConfig(env), { db, logger: false });
      const project = await app.inject({
        method: 'POST',
        url: '/api/projects',
        headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
        payload: JSON.stringify({
          name: PROJECT,
          type: 'imageannotation',
          params: { geometries: { box: { objects_to_annotate: LABELS } } },
        }),
      });
      if (project.statusCode !== 200) throw new Error(`creating the project: ${project.body}`);
      const projectId = (project.json() as { id: string }).id;
      const annotations = options.tasks * options.boxes;
      note(
        `seeding ${options.tasks.toLocaleString('en')} tasks × ${options.boxes} boxes = ${annotations.toLocaleString('en')} annotations`,
      );
      const seedStart = performance.now();
      // Task content sealed under the organization's data key, as the application stores it.
      const keyring = await db.withOrgKeys(org.id, async () => currentFieldKeyring());
      if (!keyring) throw new Error('the organization has no data key');
      await seed(client, { orgId: org.id, projectId, tasks: options.tasks, boxes: options.boxes, keyring });
      await client.query('VACUUM ANALYZE tasks');
      await client.query('VACUUM ANALYZE files');
      await admin.query('CHECKPOINT').catch(() => {});
      note(`  seeded in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`);

      note('raw COPY (SELECT …) TO STDOUT of the same rows');
      const rawImage = await rawBest(client, IMAGE_SELECT, projectId);
      const rawRecord = await rawBest(client, RECORD_SELECT, projectId);

      const runs: ExportRun[] = [];
      for (const format of options.formats) {
        note(`export ${format}`);
        const run = await runExport({
          format,
          admin: client,
          inject: async (body) => {
            const response = await app.inject({
              method: 'POST',
              url: `/api/projects/${PROJECT}/exports`,
              headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
              payload: JSON.stringify(body),
            });
            return { status: response.statusCode, body: response.body };
          },
          workerEnv: env,
          blobs: app.services.blobs,
          cpuProfileDir: options.cpuProfileDir,
          workerFlags: options.workerFlags,
        });
        const expected = format === 'coco' ? annotations : options.tasks;
        if (run.counted !== expected)
          throw new Error(`${format}: the file holds ${run.counted}, expected ${expected}`);
        runs.push(run);
      }
      await app.close();
      report({
        options,
        annotations,
        rawImage,
        rawRecord,
        runs,
        postgres: `PostgreSQL ${versions[0]?.server_version ?? '?'} (${cluster ? 'throwaway local cluster, fsync on' : 'DATABASE_URL'})`,
      });
    } finally {
      await client.end().catch(() => {});
      await db.close();
    }
  } finally {
    await cleanup();
    release();
  }
}

function report(r: {
  options: Options;
  annotations: number;
  rawImage: RawRun;
  rawRecord: RawRun;
  runs: ExportRun[];
  postgres: string;
}): void {
  const { options, annotations, rawImage, rawRecord, runs } = r;
  const mbps = (bytes: number, seconds: number) => bytes / MB / seconds;
  const line = (name: string, seconds: number, bytes: number, extra = '') =>
    `| ${name.padEnd(34)} | ${seconds.toFixed(2).padStart(7)} | ${(bytes / MB).toFixed(1).padStart(8)} | ${mbps(bytes, seconds).toFixed(1).padStart(7)} | ${Math.round(
      annotations / seconds,
    )
      .toLocaleString('en')
      .padStart(12)} | ${extra.padEnd(50)} |`;
  const out: string[] = [
    `${options.tasks.toLocaleString('en')} tasks × ${options.boxes} boxes = ${annotations.toLocaleString('en')} annotations; ${r.postgres}; ${cpus().length} CPUs, ${(totalmem() / 1024 ** 3).toFixed(0)} GiB; Node ${process.version}; worker flags ${options.workerFlags.length > 0 ? options.workerFlags.join(' ') : "none (Node's defaults)"}`,
    '',
    '| path                               |       s |       MB |    MB/s |  boxes/s     | RSS MB: export peak (idle, start peak) / ratio; CPU |',
    '| ---------------------------------- | ------: | -------: | ------: | -----------: | -------------------------------------------------- |',
    line('raw COPY, COCO’s rows (with files)', rawImage.seconds, rawImage.bytes),
    line('raw COPY, JSON Lines’ rows', rawRecord.seconds, rawRecord.bytes),
  ];
  const figures: Record<string, unknown> = {
    tasks: options.tasks,
    annotations,
    raw_image_s: round(rawImage.seconds),
    raw_image_mb_per_s: round(mbps(rawImage.bytes, rawImage.seconds)),
    raw_record_s: round(rawRecord.seconds),
    raw_record_mb_per_s: round(mbps(rawRecord.bytes, rawRecord.seconds)),
  };
  for (const run of runs) {
    const raw = run.format === 'coco' ? rawImage : rawRecord;
    const ratio = raw.seconds / run.seconds;
    out.push(
      line(
        `export ${run.format}`,
        run.seconds,
        run.bytes,
        `${run.exportPeakRssMb.toFixed(0)} (${run.idleRssMb.toFixed(0)}, ${run.startPeakRssMb.toFixed(0)}) / ${ratio.toFixed(3)}; CPU ${run.cpuSeconds.toFixed(2)} s`,
      ),
    );
    Object.assign(figures, {
      [`${run.format}_s`]: round(run.seconds),
      [`${run.format}_mb`]: round(run.bytes / MB),
      [`${run.format}_mb_per_s`]: round(mbps(run.bytes, run.seconds)),
      [`${run.format}_peak_rss_mb`]: round(run.peakRssMb),
      [`${run.format}_idle_rss_mb`]: round(run.idleRssMb),
      [`${run.format}_start_peak_rss_mb`]: round(run.startPeakRssMb),
      [`${run.format}_export_peak_rss_mb`]: round(run.exportPeakRssMb),
      [`${run.format}_worker_cpu_s`]: round(run.cpuSeconds),
      [`${run.format}_ratio`]: round(ratio, 3),
    });
  }
  const coco = runs.find((run) => run.format === 'coco');
  const ratio = coco ? rawImage.seconds / coco.seconds : null;
  out.push('');
  if (coco && ratio !== null) {
    out.push(
      `COCO at ${ratio.toFixed(3)} of the raw rate (goal ≥ ${GOAL_RATIO}: ${ratio >= GOAL_RATIO ? 'met' : 'NOT met'}); ` +
        `worker peak RSS during the export ${coco.exportPeakRssMb.toFixed(0)} MB (goal < ${GOAL_RSS_MB}: ${coco.exportPeakRssMb < GOAL_RSS_MB ? 'met' : 'NOT met'}; ${coco.idleRssMb.toFixed(0)} MB idle before it)`,
    );
  }
  process.stdout.write(`${out.join('\n')}\n`);
  process.stdout.write(`${JSON.stringify({ ...figures, ratio: ratio === null ? null : round(ratio, 3) })}\n`);
}

function round(value: number, digits = 2): number {
  return Number(value.toFixed(digits));
}
