/**
 * Runs the Groundwork server under test in a child process, so the load generator does not share the
 * server's event loop (in production the clients are other machines).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { onInterrupt } from './cleanup.ts';

const SERVER_MAIN = join(dirname(fileURLToPath(import.meta.url)), 'server-main.ts');

/** A running server child. */
export interface ServerProcess {
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  readonly port: number;
  /** The server process id (for CPU accounting). */
  readonly pid: number;
  /** Asks the server to close (SIGTERM) and waits for the process to exit. Safe to call twice. */
  stop(): Promise<void>;
}

/** Options of {@link startServerProcess}. */
export interface ServerProcessOptions {
  /** Environment of the server (`DATABASE_URL` or `GROUNDWORK_DATA_DIR`, log level...). */
  env: Record<string, string>;
  /** Write a V8 CPU profile of the server into this directory when it exits. */
  cpuProfileDir?: string;
}

/** Starts the server child and resolves once it listens. */
export async function startServerProcess(options: ServerProcessOptions): Promise<ServerProcess> {
  const execArgv = options.cpuProfileDir ? ['--cpu-prof', '--cpu-prof-dir', options.cpuProfileDir] : [];
  const stderr: Buffer[] = [];
  const child: ChildProcess = spawn(process.execPath, [...execArgv, SERVER_MAIN], {
    env: { ...process.env, ...options.env },
    // The request log goes to stdout, as in production, but nobody reads it here.
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  child.stderr?.on('data', (chunk: Buffer) => stderr.push(chunk));
  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopping ??= new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
      child.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
      child.kill('SIGTERM');
    });
    return stopping;
  };
  const release = onInterrupt(stop);
  try {
    const port = await new Promise<number>((resolve, reject) => {
      child.once('message', (message) => resolve((message as { port: number }).port));
      child.once('exit', (code) =>
        reject(new Error(`server exited (${code}) before listening:\n${Buffer.concat(stderr).toString()}`)),
      );
    });
    return {
      port,
      pid: child.pid ?? 0,
      url: `http://127.0.0.1:${port}`,
      stop: async () => {
        await stop();
        release();
      },
    };
  } catch (error) {
    await stop();
    release();
    throw error;
  }
}
