/**
 * `groundwork audit verify` over a real data directory (and a PostgreSQL database when
 * TEST_DATABASE_URL is set): intact chains print OK with their counts; a row edited by hand names its
 * event, exits 1 and leaves an `audit.verify_failed` event.
 */
import { type Database, databaseOptions, openDatabase } from '@groundwork/server';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../src/context.ts';
import { runGroundwork, tempDataDir } from './helpers.ts';

const databases = [
  { kind: 'pglite' },
  ...(process.env.TEST_DATABASE_URL ? [{ kind: 'postgres' }] : []),
] as const;

describe.each(databases)('groundwork audit verify ($kind)', ({ kind }) => {
  const data = tempDataDir();
  let env: Record<string, string> = { GROUNDWORK_DATA_DIR: data.dir };
  let drop: (() => Promise<void>) | undefined;
  const gw = (...args: string[]) => runGroundwork(args, env);

  /** Opens the database the commands use (never while a command runs: PGlite has one process). */
  async function withDb<T>(fn: (db: Database) => Promise<T>): Promise<T> {
    const db = await openDatabase(
      env.DATABASE_URL
        ? { kind: 'postgres', url: env.DATABASE_URL }
        : databaseOptions({ databaseUrl: null, dataDir: data.dir }),
    );
    try {
      return await fn(db);
    } finally {
      await db.close();
    }
  }

  afterAll(async () => {
    await drop?.();
    data.remove();
  });

  it('prints OK for every organization, or for one', async () => {
    if (kind === 'postgres') {
      const url = process.env.TEST_DATABASE_URL as string;
      const name = `gw_cli_audit_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${name}`);
      await admin.end();
      const dbUrl = new URL(url);
      dbUrl.pathname = `/${name}`;
      env = { ...env, DATABASE_URL: dbUrl.toString() };
      drop = async () => {
        const c = new pg.Client({ connectionString: url });
        await c.connect();
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await c.end();
      };
    }
    expect((await gw('org', 'create', 'acme')).code).toBe(0);
    expect((await gw('org', 'create', 'beta')).code).toBe(0);
    const user = await gw('user', 'create', '--org', 'acme', '--email', 'ann@example.com', '--role', 'admin');
    expect(user.code).toBe(0);
    expect((await gw('api-key', 'create', '--org', 'acme')).code).toBe(0);

    const all = await gw('audit', 'verify');
    expect(all).toMatchObject({
      code: 0,
      stderr: '',
      stdout: 'acme: OK: 3 events, chain intact\nbeta: OK: 1 event, chain intact\n',
    });
    const one = await gw('audit', 'verify', '--org', 'beta');
    expect(one).toMatchObject({ code: 0, stdout: 'OK: 1 event, chain intact\n' });
  });

  it('names the edited event, exits 1 and records the failure', async () => {
    const victim = await withDb(async (db) => {
      const rows = rowsOf<{ id: string | number; created_at: Date | string }>(
        await db.system.execute(
          sql`SELECT e.id, e.created_at FROM audit_events e JOIN organizations o ON o.id = e.org_id
              WHERE o.slug = 'acme' AND e.action = 'member.add'`,
        ),
      );
      const row = rows[0];
      if (!row) throw new Error('no member.add event');
      await db.system.execute(sql`UPDATE audit_events SET data = '{"role":"owner"}' WHERE id = ${row.id}`);
      return { id: Number(row.id), at: new Date(row.created_at).toISOString() };
    });
    const run = await gw('audit', 'verify');
    expect(run.code).toBe(1);
    expect(run.stdout).toBe(
      `acme: BROKEN at event ${victim.id} (${victim.at}, member.add): its content does not match its hash: the event was edited\n` +
        'beta: OK: 1 event, chain intact\n',
    );
    expect(run.stderr).toBe(
      'error: the audit chain of organization acme is broken (recorded as audit.verify_failed)\n',
    );
    const failures = await withDb(async (db) =>
      rowsOf<{ actor_type: string; target_id: string; data: { kind: string } }>(
        await db.system.execute(
          sql`SELECT actor_type, target_id, data FROM audit_events WHERE action = 'audit.verify_failed'`,
        ),
      ),
    );
    expect(failures).toEqual([
      {
        actor_type: 'system',
        target_id: String(victim.id),
        data: expect.objectContaining({ kind: 'hash_mismatch' }),
      },
    ]);
    // The same event is named again, with --org too.
    const again = await gw('audit', 'verify', '--org', 'acme');
    expect(again.code).toBe(1);
    expect(again.stdout).toMatch(new RegExp(`^BROKEN at event ${victim.id} `));
  });

  it('reports an unknown organization', async () => {
    expect(await gw('audit', 'verify', '--org', 'nope')).toMatchObject({
      code: 1,
      stdout: '',
      stderr: 'error: No organization with slug "nope".\n',
    });
  });
});
