/**
 * `groundwork worker` replaces itself (same pid) with a process that has the worker's V8 heap flags, so a
 * deployment gets them without setting anything; GROUNDWORK_WORKER_NODE_FLAGS overrides or turns them off.
 * The flags are read from /proc/<pid>/cmdline of the running worker.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { WORKER_NODE_FLAGS } from '../src/worker-flags.ts';
import { BIN, tempDataDir } from './helpers.ts';

const data = tempDataDir();
afterAll(() => data.remove());

/** Starts `groundwork worker`, waits until it is ready, returns its command line, and stops it. */
async function workerCommandLine(env: Record<string, string>, nodeFlags: string[] = []): Promise<string[]> {
  const child = spawn(process.execPath, [...nodeFlags, BIN, 'worker', '--data-dir', data.dir], {
    env: { ...process.env, GROUNDWORK_LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  try {
    await new Promise<void>((resolve, reject) => {
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('groundwork worker is ready')) resolve();
      };
      child.stdout.on('data', onData);
      child.stderr.on('data', onData);
      void exited.then((code) =>
        reject(new Error(`the worker exited (${code}) before it was ready:\n${output}`)),
      );
    });
    return readFileSync(`/proc/${child.pid}/cmdline`, 'utf8')
      .split('\0')
      .filter((arg) => arg !== '');
  } finally {
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  }
}

describe.runIf(process.platform === 'linux')('groundwork worker’s Node flags', () => {
  it('runs with the worker’s flags by default, in the same process', async () => {
    const args = await workerCommandLine({});
    expect(args.slice(1, 1 + WORKER_NODE_FLAGS.length)).toEqual([...WORKER_NODE_FLAGS]);
    expect(args.slice(-3)).toEqual(['worker', '--data-dir', data.dir]);
  }, 60_000);

  it('takes other flags from GROUNDWORK_WORKER_NODE_FLAGS, none when it is empty, and keeps a flag given to node', async () => {
    const custom = await workerCommandLine({ GROUNDWORK_WORKER_NODE_FLAGS: '--max-semi-space-size=4' });
    expect(custom.slice(1, 2)).toEqual(['--max-semi-space-size=4']);
    expect(custom.some((arg) => arg.startsWith('--heap-growing-percent'))).toBe(false);
    const none = await workerCommandLine({ GROUNDWORK_WORKER_NODE_FLAGS: '' });
    expect(none.filter((arg) => arg.startsWith('--max-semi'))).toEqual([]);
    const own = await workerCommandLine({ GROUNDWORK_WORKER_NODE_FLAGS: '--max-semi-space-size=4' }, [
      '--max-semi-space-size=2',
    ]);
    expect(own.filter((arg) => arg.startsWith('--max-semi'))).toEqual(['--max-semi-space-size=2']);
  }, 120_000);
});
