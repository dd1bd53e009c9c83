/**
 * The databases under test. Each kind prepares one migrated template holding the benchmark organization
 * and its API key (made with the server's OrgService), and hands out fresh clones of it, so every
 * measured path starts from the same small, empty-of-tasks database.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Database, OrgService, openDatabase } from '@groundwork/server';
import pg from 'pg';
import { onInterrupt } from '../lib/cleanup.ts';
import { startTempPostgres } from '../lib/postgres.ts';
import { openRawPglite, openRawPostgres, type RawTarget } from './raw.ts';

/** The kinds of database the server runs on. */
export type DatabaseKind = 'postgres' | 'pglite';

/** One fresh clone of the template. */
export interface BenchDatabase {
  /** Environment that points the server at this database. */
  readonly serverEnv: Record<string, string>;
  /** Opens a direct connection as the table owner (for the baselines). */
  openRaw(connections: number): Promise<RawTarget>;
  /** Flushes dirty buffers before a measurement (PostgreSQL only; a no-op on PGlite). */
  checkpoint(): Promise<void>;
  /** Deletes the clone. */
  drop(): Promise<void>;
}

/** A database server (or directory) holding the template and its clones. */
export interface DatabaseHost {
  readonly kind: DatabaseKind;
  /** A human description: version and where it runs. */
  readonly description: string;
  /** The benchmark organization's live API key. */
  readonly apiKey: string;
  /** The benchmark organization's id. */
  readonly orgId: string;
  /** The postmaster's process id when the cluster runs on this machine (for CPU accounting). */
  readonly postmasterPid?: number | undefined;
  /** A fresh clone of the template named after the path that uses it. */
  clone(name: string): Promise<BenchDatabase>;
  close(): Promise<void>;
}

async function seedTemplate(db: Database): Promise<{ orgId: string; apiKey: string }> {
  await db.migrate();
  const orgs = new OrgService({ db });
  const org = await orgs.createOrg({ slug: 'bench', name: 'Ingestion benchmark' });
  const { key } = await orgs.createApiKey(org.id, { environment: 'live', name: 'bench' });
  return { orgId: org.id, apiKey: key };
}

/**
 * PostgreSQL: the cluster at `DATABASE_URL` (which needs CREATEDB), else a throwaway local one. Clones are
 * `CREATE DATABASE … TEMPLATE`.
 */
export async function openPostgresHost(externalUrl: string | undefined): Promise<DatabaseHost> {
  const cluster = externalUrl ? undefined : await startTempPostgres();
  const url = (database: string) => {
    if (cluster) return cluster.url(database);
    const u = new URL(externalUrl ?? '');
    u.pathname = `/${database}`;
    return u.toString();
  };
  const adminUrl = externalUrl ?? url('postgres');
  const admin = new pg.Client({ connectionString: adminUrl });
  const suffix = Math.random().toString(36).slice(2, 8);
  const template = `gw_bench_${suffix}_template`;
  const created: string[] = [];
  const dropAll = async () => {
    for (const name of created.splice(0).reverse()) {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => {});
    }
    await admin.end().catch(() => {});
    await cluster?.stop();
  };
  const release = onInterrupt(dropAll);
  try {
    await admin.connect();
    const { rows } = await admin.query<{ v: string }>('SHOW server_version');
    const version = rows[0]?.v ?? cluster?.version ?? 'unknown';
    await admin.query(`CREATE DATABASE ${template}`);
    created.push(template);
    const db = await openDatabase({ kind: 'postgres', url: url(template), poolSize: 2 });
    const seeded = await seedTemplate(db).finally(() => db.close());
    return {
      kind: 'postgres',
      description: `PostgreSQL ${version} (${cluster ? 'throwaway local cluster, fsync on' : 'DATABASE_URL'})`,
      postmasterPid: cluster?.pid,
      ...seeded,
      async clone(name) {
        const database = `gw_bench_${suffix}_${name}`;
        await admin.query(`CREATE DATABASE ${database} TEMPLATE ${template}`);
        created.push(database);
        return {
          serverEnv: { DATABASE_URL: url(database) },
          openRaw: (connections) => openRawPostgres(url(database), connections),
          async checkpoint() {
            await admin.query('CHECKPOINT').catch(() => {});
          },
          async drop() {
            await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
            created.splice(created.indexOf(database), 1);
          },
        };
      },
      async close() {
        await dropAll();
        release();
      },
    };
  } catch (error) {
    await dropAll();
    release();
    throw error;
  }
}

/** PGlite: a migrated template data directory, cloned by copying the directory. */
export async function openPgliteHost(): Promise<DatabaseHost> {
  const root = mkdtempSync(join(tmpdir(), 'groundwork-bench-pglite-'));
  const removeRoot = () => rmSync(root, { recursive: true, force: true });
  const release = onInterrupt(removeRoot);
  try {
    const templateDir = join(root, 'template');
    const db = await openDatabase({ kind: 'pglite', dataDir: join(templateDir, 'pglite') });
    const seeded = await seedTemplate(db).finally(() => db.close());
    return {
      kind: 'pglite',
      description: 'PGlite (embedded in the server process, file data dir; no fsync)',
      ...seeded,
      async clone(name) {
        const dataDir = join(root, name);
        cpSync(templateDir, dataDir, { recursive: true });
        return {
          // An empty DATABASE_URL makes the server use its embedded database whatever the caller's environment.
          serverEnv: { DATABASE_URL: '', GROUNDWORK_DATA_DIR: dataDir },
          openRaw: () => openRawPglite(join(dataDir, 'pglite')),
          async checkpoint() {},
          async drop() {
            rmSync(dataDir, { recursive: true, force: true });
          },
        };
      },
      async close() {
        removeRoot();
        release();
      },
    };
  } catch (error) {
    removeRoot();
    release();
    throw error;
  }
}
