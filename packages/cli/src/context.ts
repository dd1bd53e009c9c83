/**
 * What every command shares: its output streams, the configuration (flags laid over `GROUNDWORK_*`
 * variables, validated once by the server's `loadConfig`) and a migrated database.
 */
import type { Writable } from 'node:stream';
import type { Config, Database } from '@groundwork/server';
import { Option } from 'commander';

/** Where a command writes: results on `stdout` (so they can be captured), everything else on `stderr`. */
export interface CliIo {
  stdout: Writable;
  stderr: Writable;
  env: Record<string, string | undefined>;
}

/** Writes one line of the command's result. */
export function printResult(io: CliIo, text: string): void {
  io.stdout.write(`${text}\n`);
}

/** Writes one line of information for the person at the terminal. */
export function printNote(io: CliIo, text: string): void {
  io.stderr.write(`${text}\n`);
}

/** Flags that override configuration variables, by the variable they override. */
export const CONFIG_FLAGS = {
  dataDir: 'GROUNDWORK_DATA_DIR',
  port: 'GROUNDWORK_PORT',
  host: 'GROUNDWORK_HOST',
} as const;

/** The `--data-dir` option every database command takes. */
export function dataDirOption(): Option {
  return new Option(
    '--data-dir <dir>',
    'directory of the embedded database and blobs [env GROUNDWORK_DATA_DIR, default ./data]',
  );
}

/**
 * The server package, loaded on first use: commands that only talk HTTP (import) stay fast and keep
 * working without it.
 */
export function loadServer(): Promise<typeof import('@groundwork/server')> {
  return import('@groundwork/server');
}

/**
 * The configuration from the environment with the given flags laid over it. Throws the server's
 * ConfigError, which lists every problem.
 */
export async function resolveConfig(
  io: CliIo,
  flags: Partial<Record<keyof typeof CONFIG_FLAGS, string | number>>,
): Promise<Config> {
  const { loadConfig } = await loadServer();
  const env = { ...io.env };
  for (const [flag, variable] of Object.entries(CONFIG_FLAGS)) {
    const value = flags[flag as keyof typeof CONFIG_FLAGS];
    if (value !== undefined) env[variable] = String(value);
  }
  return loadConfig(env);
}

/** Opens the configured database, applies pending migrations, runs `fn`, and closes it again. */
export async function withDatabase<T>(config: Config, fn: (db: Database) => Promise<T>): Promise<T> {
  const { databaseOptions, openDatabase } = await loadServer();
  const db = await openDatabase(databaseOptions(config));
  try {
    await db.migrate();
    return await fn(db);
  } finally {
    await db.close();
  }
}

/** The rows of a raw query result (PGlite and node-postgres both answer `{ rows }`). */
export function rowsOf<T>(result: unknown): T[] {
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}
