/**
 * Row-level security, directly: plain SQL as the application role — the role every tenant transaction
 * runs as (`withOrg`) — with another organization's setting, and with none. Whatever filter the
 * application forgets, the database itself shows, changes, deletes and accepts no row of the victim.
 * The tables are found in the database's catalog, so a new org-scoped table is covered (and must have a
 * policy) without being listed here.
 */
import { type SQL, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Db, queryRows } from '../src/db/database.ts';
import { projects, tasks } from '../src/db/schema.ts';
import { callApi, createTestContext, type TestContext, type TestOrg, testDatabaseKind } from './harness.ts';
import { changedTables, type OrgDigest, orgDigest, orgScopedTables } from './support/digest.ts';
import { emptyTablesOf, seedVictim, VICTIM_ENV, type Victim } from './support/victim.ts';

const APP_ROLE = 'groundwork_app';

const ctx: TestContext = await createTestContext(VICTIM_ENV);
const tables = await orgScopedTables(ctx.db);

let victim: Victim;
let other: TestOrg;
let baseline: OrgDigest;

/** Thrown to roll a transaction back after the checks ran in it. */
class Rollback extends Error {}

/**
 * Runs `fn` in a transaction as the application role — scoped to `orgId` exactly as the application
 * does (`withOrg`), or with no organization setting at all — and rolls it back whatever happened.
 * Resolves to `fn`'s result, or rejects with the database's error.
 */
async function asApp<T>(orgId: string | null, fn: (tx: Db) => Promise<T>): Promise<T> {
  let result: T | undefined;
  const run = async (tx: Db) => {
    result = await fn(tx);
    throw new Rollback();
  };
  try {
    if (orgId) await ctx.db.withOrg(orgId, run);
    else
      await ctx.db.withSystem(async (tx) => {
        await tx.execute(sql`SELECT set_config('role', ${APP_ROLE}, true)`);
        return run(tx);
      });
  } catch (error) {
    if (!(error instanceof Rollback)) throw error;
  }
  return result as T;
}

/** Rows of a statement as the application role in `orgId`'s scope (rolled back). */
const rowsAsApp = (orgId: string | null, query: SQL) => asApp(orgId, (tx) => queryRows(tx, query));

/**
 * The rows a changing statement touched as the application role (rolled back): its RETURNING rows, or
 * none when the database refused it outright (e.g. a table that only accepts INSERTs).
 */
const touchedAsApp = (orgId: string | null, query: SQL) => rowsAsApp(orgId, query).catch(() => []);

/**
 * The database's error of a statement that must fail (Drizzle wraps it as `Failed query: …` with the
 * driver's error as the cause); throws if the statement succeeded.
 */
async function refusal(run: Promise<unknown>): Promise<string> {
  try {
    await run;
  } catch (error) {
    const messages: string[] = [];
    for (let e: unknown = error; e instanceof Error; e = e.cause) messages.push(e.message);
    return messages.join(' | ');
  }
  throw new Error('the statement succeeded');
}

/** The columns of `table` an INSERT may name (not generated, not identity ALWAYS). */
async function insertableColumns(table: string): Promise<string[]> {
  const rows = await queryRows<{ column_name: string }>(
    ctx.db.system,
    sql`SELECT column_name FROM information_schema.columns
         WHERE table_schema = 'public' AND table_name = ${table}
           AND is_generated = 'NEVER' AND coalesce(identity_generation, '') <> 'ALWAYS'
         ORDER BY ordinal_position`,
  );
  return rows.map((r) => r.column_name);
}

beforeAll(async () => {
  victim = await seedVictim(ctx);
  other = await ctx.org();
  const created = await callApi(ctx.app, other.liveKey, 'POST', '/projects', {
    name: 'other project',
    type: 'categorization',
  });
  if (created.status !== 200) throw new Error(`other project: ${created.status}`);
  baseline = await orgDigest(ctx.db, victim.org.id);
});

afterAll(() => ctx.close());

describe(`row-level security as the application role (${testDatabaseKind})`, () => {
  it('has the victim in every org-scoped table, and a policy on each', async () => {
    expect(tables.length).toBeGreaterThanOrEqual(24);
    expect(await emptyTablesOf(ctx, victim.org.id)).toEqual([]);
    const unprotected = await queryRows<{ relname: string }>(
      ctx.db.system,
      sql`SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
           WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
             AND has_table_privilege(${APP_ROLE}, c.oid, 'SELECT')
             AND (NOT c.relrowsecurity OR NOT EXISTS (SELECT 1 FROM pg_policy p WHERE p.polrelid = c.oid))`,
    );
    // Every table the application role can read is under row-level security with a policy.
    expect(unprotected.map((r) => r.relname)).toEqual([]);
  });

  for (const table of tables) {
    describe(table.name, () => {
      const t = sql.identifier(table.name);
      const org = sql.identifier(table.orgColumn);

      it("shows another organization none of the victim's rows, even to a SELECT without a filter", async () => {
        const [owned] = await queryRows<{ n: number }>(
          ctx.db.system,
          sql`SELECT count(*)::int AS n FROM ${t} WHERE ${org} = ${victim.org.id}`,
        );
        expect(owned?.n).toBeGreaterThan(0);
        const seen = await rowsAsApp(other.id, sql`SELECT ${org}::text AS org FROM ${t}`);
        expect(seen.filter((r) => r.org !== other.id)).toEqual([]);
        const victimRows = await rowsAsApp(other.id, sql`SELECT * FROM ${t} WHERE ${org} = ${victim.org.id}`);
        expect(victimRows).toEqual([]);
      });

      it("updates and deletes none of the victim's rows", async () => {
        const updated = await touchedAsApp(
          other.id,
          sql`UPDATE ${t} SET ${org} = ${org} WHERE ${org} = ${victim.org.id} RETURNING 1 AS one`,
        );
        expect(updated).toEqual([]);
        const deleted = await touchedAsApp(
          other.id,
          sql`DELETE FROM ${t} WHERE ${org} = ${victim.org.id} RETURNING 1 AS one`,
        );
        expect(deleted).toEqual([]);
        // The same statements with no filter at all touch only the caller's own rows.
        const all = await touchedAsApp(
          other.id,
          sql`UPDATE ${t} SET ${org} = ${org} RETURNING ${org}::text AS org`,
        );
        expect(all.filter((r) => r.org !== other.id)).toEqual([]);
        const gone = await touchedAsApp(other.id, sql`DELETE FROM ${t} RETURNING ${org}::text AS org`);
        expect(gone.filter((r) => r.org !== other.id)).toEqual([]);
      });

      it("refuses a row inserted with the victim's organization", async () => {
        const [sample] = await queryRows<{ row: unknown }>(
          ctx.db.system,
          sql`SELECT to_jsonb(x) AS row FROM ${t} x WHERE ${org} = ${victim.org.id} LIMIT 1`,
        );
        const columns = sql.join(
          (await insertableColumns(table.name)).map((c) => sql.identifier(c)),
          sql`, `,
        );
        // A copy of one of the victim's own rows: the policy's check runs before any constraint.
        const error = await refusal(
          rowsAsApp(
            other.id,
            sql`INSERT INTO ${t} (${columns})
                SELECT ${columns} FROM jsonb_populate_record(NULL::${t}, ${JSON.stringify(sample?.row)}::jsonb)`,
          ),
        );
        expect(error).toMatch(/row-level security/);
      });

      it('shows nothing without an organization setting', async () => {
        const [seen] = await rowsAsApp(null, sql`SELECT count(*)::int AS n FROM ${t}`);
        expect(seen?.n).toBe(0);
        const updated = await touchedAsApp(null, sql`UPDATE ${t} SET ${org} = ${org} RETURNING 1 AS one`);
        expect(updated).toEqual([]);
        expect(await touchedAsApp(null, sql`DELETE FROM ${t} RETURNING 1 AS one`)).toEqual([]);
      });
    });
  }

  it("shows another organization none of the victim's people", async () => {
    const victimOnly = Object.values(victim.members).map((m) => m.id);
    const seen = await rowsAsApp(other.id, sql`SELECT id FROM users`);
    expect(seen.filter((r) => victimOnly.includes(r.id as string))).toEqual([]);
    const updated = await touchedAsApp(
      other.id,
      sql`UPDATE users SET name = 'stolen' WHERE id = ${victim.members.owner.id} RETURNING id`,
    );
    expect(updated).toEqual([]);
    expect(await rowsAsApp(null, sql`SELECT id FROM users`)).toEqual([]);
  });

  it("refuses to move the caller's own rows into the victim's organization", async () => {
    const error = await refusal(
      asApp(other.id, (tx) =>
        tx.update(projects).set({ orgId: victim.org.id }).returning({ id: projects.id }),
      ),
    );
    expect(error).toMatch(/row-level security/);
  });

  it('hides the victim from a query the application built without a filter', async () => {
    const seen = await asApp(other.id, (tx) => tx.select({ id: tasks.id, orgId: tasks.orgId }).from(tasks));
    expect(seen.filter((row) => row.orgId !== other.id)).toEqual([]);
    expect(seen.map((row) => row.id)).not.toContain(victim.completedTaskId);
  });
});

describe(`the application role (${testDatabaseKind})`, () => {
  it('is the role of tenant transactions, cannot log in, is no superuser and cannot bypass row-level security', async () => {
    const [role] = await rowsAsApp(
      other.id,
      sql`SELECT current_user AS name, r.rolsuper AS super, r.rolbypassrls AS bypass, r.rolcanlogin AS login,
                 r.rolcreaterole AS createrole, r.rolcreatedb AS createdb,
                 (SELECT count(*)::int FROM pg_auth_members m WHERE m.member = r.oid) AS memberships
            FROM pg_roles r WHERE r.rolname = current_user`,
    );
    expect(role).toEqual({
      name: APP_ROLE,
      super: false,
      bypass: false,
      login: false,
      createrole: false,
      createdb: false,
      memberships: 0,
    });
  });

  it('owns no table (owners are exempt from their tables’ policies)', async () => {
    const owned = await queryRows<{ tablename: string }>(
      ctx.db.system,
      sql`SELECT tablename FROM pg_tables WHERE tableowner = ${APP_ROLE}`,
    );
    expect(owned).toEqual([]);
    for (const table of tables) {
      const [row] = await queryRows<{ owner: string }>(
        ctx.db.system,
        sql`SELECT pg_get_userbyid(relowner) AS owner FROM pg_class WHERE oid = ${`public.${table.name}`}::regclass`,
      );
      expect(row?.owner, table.name).not.toBe(APP_ROLE);
    }
  });

  it('cannot turn row-level security off: a query it would filter is refused instead', async () => {
    const error = await refusal(
      asApp(other.id, async (tx) => {
        await tx.execute(sql`SET LOCAL row_security = off`);
        return queryRows(tx, sql`SELECT count(*) FROM tasks`);
      }),
    );
    expect(error).toMatch(/row-level security/);
  });

  it('cannot change the policies or the tables', async () => {
    expect(await refusal(rowsAsApp(other.id, sql`ALTER TABLE tasks DISABLE ROW LEVEL SECURITY`))).toMatch(
      /must be (the )?owner/,
    );
    expect(await refusal(rowsAsApp(other.id, sql`DROP POLICY org_isolation ON tasks`))).toMatch(
      /must be (the )?owner/,
    );
    expect(await refusal(rowsAsApp(other.id, sql`TRUNCATE tasks`))).toMatch(/permission denied/);
    expect(await refusal(rowsAsApp(other.id, sql`ALTER ROLE groundwork_app BYPASSRLS`))).toMatch(
      /permission denied|must be superuser|privilege/,
    );
  });
});

describe('afterwards', () => {
  it('leaves every row of the victim as it was', async () => {
    // Whatever the statements above could have done, they did it to the victim's rows or to nothing.
    expect(changedTables(baseline, await orgDigest(ctx.db, victim.org.id))).toEqual([]);
  });
});
