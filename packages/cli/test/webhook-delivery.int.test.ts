/**
 * Webhook delivery across process crashes, with the real `groundwork` executable: a task completed by a
 * server that is then killed (SIGKILL) is delivered exactly once after a restart, by the embedded
 * worker of `groundwork serve` or by `groundwork worker`. On PGlite (the data directory reused) and,
 * when TEST_DATABASE_URL is set, on a throwaway PostgreSQL database.
 */
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer as createHttpServer, type IncomingHttpHeaders } from 'node:http';
import { type AddressInfo, createServer } from 'node:net';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, runGroundwork, tempDataDir } from './helpers.ts';

interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A receiver on loopback answering 200 and recording everything. */
async function startReceiver() {
  const received: Received[] = [];
  const server = createHttpServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ path: req.url ?? '/', headers: req.headers, body: Buffer.concat(chunks).toString() });
      res.end('ok');
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    at: (path: string) => received.filter((r) => r.path === path),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A port that was free a moment ago. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function until<T>(what: string, fn: () => Promise<T | undefined> | T | undefined, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await fn();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

interface Child {
  process: ChildProcessWithoutNullStreams;
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

function start(args: string[], env: Record<string, string>): Child {
  const child = spawn(process.execPath, [BIN, ...args], {
    env: { ...process.env, GROUNDWORK_LOG_LEVEL: 'info', GROUNDWORK_ALLOW_PRIVATE_NETWORK: 'true', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (c: Buffer) => {
    output += c.toString();
  });
  child.stderr.on('data', (c: Buffer) => {
    output += c.toString();
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  return { process: child, output: () => output, exited };
}

/** Starts `groundwork serve` and waits for /healthz. */
async function serve(dataDir: string, env: Record<string, string>): Promise<Child & { url: string }> {
  const port = await freePort();
  const child = start(['serve', '--port', String(port), '--host', '127.0.0.1', '--data-dir', dataDir], env);
  const url = `http://127.0.0.1:${port}`;
  await until('the server', async () => {
    if (child.process.exitCode !== null) throw new Error(`serve exited early:\n${child.output()}`);
    return fetch(`${url}/healthz`).then(
      (r) => (r.ok ? true : undefined),
      () => undefined,
    );
  });
  return { ...child, url };
}

async function createTestTask(url: string, key: string, callbackUrl: string): Promise<string> {
  const response = await fetch(`${url}/v1/task/categorization`, {
    method: 'POST',
    headers: {
      authorization: `Basic ${Buffer.from(`${key}:`).toString('base64')}`,
      'content-type': 'application/json',
    },
    body: JSON.stringify({
      attachment: 'Cat or dog?',
      attachment_type: 'text',
      categories: ['cat', 'dog'],
      callback_url: callbackUrl,
    }),
  });
  const body = (await response.json()) as { task_id: string };
  expect(response.status).toBe(200);
  return body.task_id;
}

/** A throwaway PostgreSQL database on the test server. */
async function createPostgresDatabase(base: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `gw_cli_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

const databases = [
  { kind: 'pglite' },
  ...(process.env.TEST_DATABASE_URL ? [{ kind: 'postgres' }] : []),
] as const;

/** How long to keep listening after the first callback, to catch a duplicate (two relay periods). */
const DUPLICATE_WINDOW_MS = 3_000;

describe.each(databases)('webhook delivery across crashes ($kind)', ({ kind }) => {
  const data = tempDataDir();
  let env: Record<string, string> = {};
  let dropDatabase: (() => Promise<void>) | undefined;
  const children: Child[] = [];

  afterAll(async () => {
    for (const child of children) child.process.kill('SIGKILL');
    await Promise.all(children.map((c) => c.exited));
    await dropDatabase?.();
    data.remove();
  });

  it('delivers exactly one callback after SIGKILL and restart, embedded or by `groundwork worker`', async () => {
    if (kind === 'postgres') {
      const database = await createPostgresDatabase(process.env.TEST_DATABASE_URL as string);
      dropDatabase = database.drop;
      env = { DATABASE_URL: database.url };
    }
    const receiver = await startReceiver();
    try {
      const slug = (
        await runGroundwork(['org', 'create', 'hooks', '--data-dir', data.dir], env)
      ).stdout.trim();
      const created = await runGroundwork(
        ['api-key', 'create', '--org', slug, '--test', '--data-dir', data.dir],
        env,
      );
      expect(created.code).toBe(0);
      const key = created.stdout.trim();

      // 1. Jobs off: the task completes (test key) and its delivery is committed, then the server dies.
      const first = await serve(data.dir, { ...env, GROUNDWORK_WORKER: 'off' });
      children.push(first);
      const crashed = await createTestTask(first.url, key, `${receiver.url}/crashed`);
      first.process.kill('SIGKILL');
      expect(await first.exited).toEqual({ code: null, signal: 'SIGKILL' });
      expect(receiver.at('/crashed')).toHaveLength(0);

      // 2. Restarted with the embedded worker: exactly one callback, for that task.
      const second = await serve(data.dir, env);
      children.push(second);
      await until('the callback after restart', () =>
        receiver.at('/crashed').length > 0 ? true : undefined,
      );
      await new Promise((r) => setTimeout(r, DUPLICATE_WINDOW_MS));
      const delivered = receiver.at('/crashed');
      expect(delivered).toHaveLength(1);
      expect(JSON.parse(delivered[0]?.body ?? '{}')).toMatchObject({ task_id: crashed, status: 'completed' });
      const list = await fetch(`${second.url}/api/deliveries?taskId=${crashed}`, {
        headers: { authorization: `Bearer ${key}` },
      });
      const { items } = (await list.json()) as { items: Array<{ status: string; attemptCount: number }> };
      expect(items).toEqual([expect.objectContaining({ status: 'succeeded', attemptCount: 1 })]);

      // 3. Jobs off again; this time `groundwork worker` delivers, and stops cleanly on SIGTERM.
      second.process.kill('SIGTERM');
      expect(await second.exited).toEqual({ code: 0, signal: null });
      const third = await serve(data.dir, { ...env, GROUNDWORK_WORKER: 'off' });
      children.push(third);
      const queued = await createTestTask(third.url, key, `${receiver.url}/worker`);
      if (kind === 'pglite') {
        // One process per PGlite data directory: the server must go before the worker opens it.
        third.process.kill('SIGKILL');
        await third.exited;
      }
      const worker = start(['worker', '--data-dir', data.dir], env);
      children.push(worker);
      await until('the callback from the worker', () =>
        receiver.at('/worker').length > 0 ? true : undefined,
      );
      await new Promise((r) => setTimeout(r, DUPLICATE_WINDOW_MS));
      expect(receiver.at('/worker')).toHaveLength(1);
      expect(JSON.parse(receiver.at('/worker')[0]?.body ?? '{}').task_id).toBe(queued);
      expect(receiver.at('/crashed')).toHaveLength(1);
      worker.process.kill('SIGTERM');
      expect(await worker.exited).toEqual({ code: 0, signal: null });
      expect(worker.output()).toContain('groundwork worker stopped');
      third.process.kill('SIGTERM');
      await third.exited;
    } finally {
      await receiver.close();
    }
  }, 180_000);
});
