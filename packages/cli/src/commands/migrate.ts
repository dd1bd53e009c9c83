/** `groundwork migrate`: applies pending database migrations and says which. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from '@groundwork/server';
import { Command } from 'commander';
import { type CliIo, dataDirOption, loadServer, printResult, resolveConfig, rowsOf } from '../context.ts';

interface JournalEntry {
  tag: string;
  when: number;
}

/** The committed migrations, oldest first. */
async function journal(): Promise<JournalEntry[]> {
  const { MIGRATIONS_DIR } = await loadServer();
  const text = readFileSync(join(MIGRATIONS_DIR, 'meta', '_journal.json'), 'utf8');
  return (JSON.parse(text) as { entries: JournalEntry[] }).entries;
}

/**
 * The timestamps of the migrations recorded as applied. Drizzle's migrator keeps them in
 * `drizzle.__drizzle_migrations`; `Database.migrate()` does not report what it applied.
 */
async function appliedTimestamps(db: Database): Promise<Set<number>> {
  const exists = rowsOf<{ name: string | null }>(
    await db.system.execute("SELECT to_regclass('drizzle.__drizzle_migrations')::text AS name"),
  );
  if (!exists[0]?.name) return new Set();
  const applied = rowsOf<{ created_at: string | number }>(
    await db.system.execute('SELECT created_at FROM drizzle.__drizzle_migrations'),
  );
  return new Set(applied.map((r) => Number(r.created_at)));
}

/** Applies pending migrations and returns the tags of those it applied, oldest first. */
export async function migrateDatabase(db: Database): Promise<{ applied: string[]; total: number }> {
  const entries = await journal();
  const before = await appliedTimestamps(db);
  await db.migrate();
  return { applied: entries.filter((e) => !before.has(e.when)).map((e) => e.tag), total: entries.length };
}

/** The `migrate` command. */
export function migrateCommand(io: CliIo): Command {
  return new Command('migrate')
    .description('apply pending database migrations')
    .addOption(dataDirOption())
    .action(async (opts: { dataDir?: string }) => {
      const config = await resolveConfig(io, { dataDir: opts.dataDir });
      const { databaseOptions, openDatabase } = await loadServer();
      const db = await openDatabase(databaseOptions(config));
      try {
        const { applied, total } = await migrateDatabase(db);
        const where = config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : join(config.dataDir, 'pglite');
        printResult(
          io,
          applied.length === 0
            ? `database is up to date (${total} migrations) — ${where}`
            : `applied ${applied.length} migration${applied.length === 1 ? '' : 's'} to ${where}: ${applied.join(', ')}`,
        );
      } finally {
        await db.close();
      }
    });
}
