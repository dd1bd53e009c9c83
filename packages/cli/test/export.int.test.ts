/**
 * `groundwork export` against a real server in this process: the app over in-memory PGlite behind a
 * loopback HTTP server, with the application's job runner making the exports.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import {
  type App,
  buildApp,
  createJobRunner,
  type Database,
  type JobRunner,
  loadConfig,
  OrgService,
  openDatabase,
} from '@groundwork/server';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../src/index.ts';
import { BIN } from './helpers.ts';

let dataDir: string;
let outDir: string;
let db: Database;
let app: App;
let runner: JobRunner;
let server: Server;
let url = '';
let key = '';
const tasks: string[] = [];

async function v1(method: 'POST', path: string, payload: unknown) {
  const response = await app.inject({
    method,
    url: `/v1${path}`,
    headers: {
      authorization: `Basic ${Buffer.from(`${key}:`).toString('base64')}`,
      'content-type': 'application/json',
    },
    payload: JSON.stringify(payload),
  });
  if (response.statusCode !== 200) throw new Error(`${path}: ${response.statusCode} ${response.body}`);
  return response.json() as Record<string, unknown>;
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'gw-export-cli-'));
  outDir = mkdtempSync(join(tmpdir(), 'gw-export-out-'));
  const config = loadConfig({ GROUNDWORK_DATA_DIR: dataDir, GROUNDWORK_LOG_LEVEL: 'silent' });
  db = await openDatabase({ kind: 'pglite', dataDir: null });
  await db.migrate();
  app = await buildApp(config, { db, logger: false });
  await app.ready();
  const orgs = new OrgService({ db });
  const org = await orgs.createOrg({ slug: 'export-cli' });
  key = (await orgs.createApiKey(org.id, { environment: 'live', name: 'live' })).key;
  await v1('POST', '/projects', {
    type: 'imageannotation',
    name: 'street scenes',
    params: { geometries: { box: { objects_to_annotate: ['car'] } } },
  });
  await v1('POST', '/projects', { type: 'categorization', name: 'kinds' });
  for (const [i, response] of [
    { annotations: [{ type: 'box', label: 'car', left: 1, top: 2, width: 3, height: 4 }] },
    { annotations: [] },
    { annotations: 'broken' },
  ].entries()) {
    const task = await v1('POST', '/task/imageannotation', {
      project: 'street scenes',
      attachment: `https://example.com/${i}.jpg`,
    });
    const id = task.task_id as string;
    tasks.push(id);
    if (i < 2) {
      await db.system.execute(
        sql`UPDATE tasks SET status = 'completed', response = ${JSON.stringify(response)}::jsonb,
          completed_at = now(), created_at = created_at + ${i} * interval '1 ms' WHERE id = ${id}`,
      );
    } else {
      // A pending task with a malformed answer: only an export of every status reads it, and fails.
      await db.system.execute(
        sql`UPDATE tasks SET response = ${JSON.stringify(response)}::jsonb WHERE id = ${id}`,
      );
    }
  }
  runner = createJobRunner({
    db,
    config,
    log: { info() {}, warn() {}, error() {} },
    pollingIntervalSeconds: 0.5,
  });
  await runner.start();
  server = createServer((req, res) => app.routing(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await runner?.stop();
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
  await app?.close();
  await db?.close();
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(outDir, { recursive: true, force: true });
});

function collector(isTTY = false): { stream: Writable; text: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      chunks.push(String(chunk));
      done();
    },
  });
  if (isTTY)
    Object.assign(stream, { isTTY: true, columns: 120, cursorTo() {}, clearLine() {}, moveCursor() {} });
  return { stream, text: () => chunks.join('') };
}

async function exportCli(args: string[], options: { tty?: boolean } = {}) {
  const stdout = collector();
  const stderr = collector(options.tty);
  const code = await runCli(['node', 'groundwork', 'export', ...args], {
    stdout: stdout.stream,
    stderr: stderr.stream,
    env: { GROUNDWORK_URL: url, GROUNDWORK_API_KEY: key },
  });
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}

describe('groundwork export', () => {
  it('creates the export, follows it and downloads the file to --out', async () => {
    const out = join(outDir, 'street.json');
    const run = await exportCli(['street scenes', '--format', 'coco', '--out', out]);
    expect(run.stderr).toMatch(/^export [0-9a-f]{24}: queued\n/);
    expect(run.stderr).toMatch(/: completed\nwrote .*street\.json \(\d+(\.\d)? (B|KiB)\)\n$/);
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result).toMatchObject({ file: out, tasks: 2 });
    const file = JSON.parse(readFileSync(out, 'utf8'));
    expect(result.bytes).toBe(readFileSync(out).length);
    expect(file.images.map((i: { groundwork_task_id: string }) => i.groundwork_task_id)).toEqual(
      tasks.slice(0, 2),
    );
    expect(file.annotations).toHaveLength(1);
    expect(readdirSync(outDir).filter((f) => f.endsWith('.part'))).toEqual([]);
  });

  it('names the file as the server does when --out is not given', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'gw-export-cwd-'));
    try {
      const run = await new Promise<{ code: number | null; stdout: string; stderr: string }>(
        (resolve, reject) => {
          const child = spawn(
            process.execPath,
            [BIN, 'export', 'street scenes', '--format', 'jsonl', '--status', 'completed'],
            {
              cwd,
              env: {
                ...process.env,
                GROUNDWORK_URL: url,
                GROUNDWORK_API_KEY: key,
                GROUNDWORK_LOG_LEVEL: 'silent',
              },
              stdio: ['ignore', 'pipe', 'pipe'],
            },
          );
          let stdout = '';
          let stderr = '';
          child.stdout.on('data', (c: Buffer) => {
            stdout += c;
          });
          child.stderr.on('data', (c: Buffer) => {
            stderr += c;
          });
          child.on('error', reject);
          child.on('close', (code) => resolve({ code, stdout, stderr }));
        },
      );
      expect(run.code, run.stderr).toBe(0);
      const name = `street-scenes-jsonl-${new Date().toISOString().slice(0, 10)}.jsonl`;
      expect(JSON.parse(run.stdout).file).toBe(name);
      const lines = readFileSync(join(cwd, name), 'utf8').trim().split('\n');
      expect(lines.map((l) => JSON.parse(l).task_id)).toEqual(tasks.slice(0, 2));
    } finally {
      rmSync(cwd, { recursive: true, force: true });
    }
  });

  it('draws a progress bar when stderr is a terminal', async () => {
    const out = join(outDir, 'bar.json');
    const run = await exportCli(['street scenes', '--format', 'scale_json', '--out', out], { tty: true });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('scale_json');
    expect(run.stderr).toContain('100%');
    expect(run.stderr).toContain('2/2 tasks');
    expect(JSON.parse(readFileSync(out, 'utf8'))).toHaveLength(2);
  });

  it("exits 1 with the server's message and the field when the format does not apply", async () => {
    const run = await exportCli(['kinds', '--format', 'coco', '--out', join(outDir, 'never.json')]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      'error: format: coco does not apply to categorization projects (applicable: jsonl, scale_json, huggingface)\n' +
        '  format: does not apply to categorization projects; use one of jsonl, scale_json, huggingface\n',
    );
    expect(existsSync(join(outDir, 'never.json'))).toBe(false);
  });

  it('exits 1 with the reason when the export fails, writing nothing', async () => {
    const out = join(outDir, 'failed.json');
    const run = await exportCli(['street scenes', '--format', 'coco', '--status', 'any', '--out', out]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      `error: the export failed: task ${tasks[2]}: its response is not an image annotation answer\n`,
    );
    expect(existsSync(out)).toBe(false);
  });

  it('refuses bad usage with exit code 2', async () => {
    const run = await exportCli(['street scenes', '--format', 'coco', '--status', 'done']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--status: expected one of completed, pending, canceled, error, any');
    const unknown = await exportCli(['nowhere', '--format', 'coco']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toBe('error: No project found with name "nowhere".\n');
  });
});
