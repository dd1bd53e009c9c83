import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, runGroundwork, tempDataDir } from './helpers.ts';

const data = tempDataDir();
afterAll(() => data.remove());

/** A port that was free a moment ago. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function waitForHealth(
  url: string,
  child: { exitCode: number | null },
  timeoutMs: number,
): Promise<Response> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`serve exited early with code ${child.exitCode}`);
    try {
      return await fetch(url);
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

describe('groundwork serve', () => {
  it('answers /healthz on the given port, seeds the demo into an empty database, and stops on SIGTERM', async () => {
    const port = await freePort();
    const child = spawn(
      process.execPath,
      [
        BIN,
        'serve',
        '--port',
        String(port),
        '--host',
        '127.0.0.1',
        '--data-dir',
        data.dir,
        '--seed-demo-if-empty',
      ],
      { env: { ...process.env, GROUNDWORK_LOG_LEVEL: 'info' }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      child.on('exit', (code, signal) => resolve({ code, signal })),
    );
    try {
      const res = await waitForHealth(`http://127.0.0.1:${port}/healthz`, child, 60_000);
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ ok: true });
      expect(output).toContain('seeded the demo organization');
      expect(output).toContain(`"url":"http://localhost:${port}"`);

      // `groundwork import` against the real bulk endpoint, with the seeded demo key.
      const { apiKeys } = JSON.parse(readFileSync(join(data.dir, 'demo-credentials.json'), 'utf8'));
      const importEnv = { GROUNDWORK_URL: `http://127.0.0.1:${port}`, GROUNDWORK_API_KEY: apiKeys.live };
      const good = join(data.dir, 'good.ndjson');
      writeFileSync(
        good,
        ['positive', 'negative', 'neutral']
          .map((word, i) => JSON.stringify({ attachment: `A ${word} review.`, unique_id: `cli-import-${i}` }))
          .join('\n'),
      );
      const imported = await runGroundwork(
        ['import', good, '--type', 'categorization', '--project', 'demo-review-sentiment'],
        importEnv,
      );
      expect(imported.stderr).not.toContain('error');
      expect(imported.code).toBe(0);
      expect(imported.stdout).toContain('created 3, skipped 0, failed 0');

      const bad = join(data.dir, 'bad.ndjson');
      writeFileSync(
        bad,
        [
          JSON.stringify({ attachment: 'fine' }),
          JSON.stringify({ categories: [] }),
          JSON.stringify({ attachment: 5 }),
        ].join('\n'),
      );
      const rejected = await runGroundwork(
        ['import', bad, '--type', 'categorization', '--project', 'demo-review-sentiment'],
        importEnv,
      );
      // The good line is created; each bad one is reported by line and the exit status is 1.
      expect(rejected.code).toBe(1);
      expect(rejected.stdout).toContain('created 1, skipped 0, failed 2');
      expect(rejected.stdout).toMatch(/line 2: /);
      expect(rejected.stdout).toMatch(/line 3: /);
      expect(rejected.stdout).not.toMatch(/line 1: /);
      expect(rejected.stderr).toMatch(/error: 2 row\(s\) or image\(s\) were not imported/);
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toEqual({ code: 0, signal: null });
    expect(output).toContain('SIGTERM received, shutting down');
    await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow();
  });

  it('reports every configuration problem at once and exits 1', async () => {
    const child = spawn(process.execPath, [BIN, 'serve', '--data-dir', data.dir], {
      env: { ...process.env, GROUNDWORK_PORT: 'eighty', GROUNDWORK_BLOB_STORE: 'tape' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const code = await new Promise((resolve) => child.on('exit', resolve));
    expect(code).toBe(1);
    expect(stderr).toContain('error: invalid configuration');
    expect(stderr).toContain('GROUNDWORK_PORT');
    expect(stderr).toContain('GROUNDWORK_BLOB_STORE');
  });

  it('refuses a port that is not a number as a usage error', async () => {
    const child = spawn(process.execPath, [BIN, 'serve', '--port', 'http'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const code = await new Promise((resolve) => child.on('exit', resolve));
    expect(code).toBe(2);
    expect(stderr).toContain('expected a port number');
  });
});
