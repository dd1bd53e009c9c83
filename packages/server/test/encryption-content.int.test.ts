/**
 * Task content encrypted in the database, end to end over an organization that holds one of everything
 * (the isolation suites' victim: tasks answered, reviewed, leased and pending, gold with answers, a
 * delivery): every value of the encrypted columns is stored as an envelope and read back through the
 * API; a value copied into another organization's row does not open; values stored in the clear before
 * encryption are read and then encrypted by a key rotation that runs while the server serves; and once
 * the organization is deleted, a restored dump of its rows cannot be read.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.ts';
import { queryRows } from '../src/db/database.ts';
import { ENCRYPTED_COLUMNS } from '../src/db/schema.ts';
import { isFieldEnvelope } from '../src/keys/field-cipher.ts';
import { countStaleContent } from '../src/repositories/encrypted-content.ts';
import { deleteOrganization, rotateOrgDataKey } from '../src/services/org-keys.ts';
import { createTestContext, type TestContext, type TestOrg } from './harness.ts';
import { type Credential, send, sendOk } from './support/http.ts';
import { seedVictim, VICTIM_ENV, type Victim } from './support/victim.ts';

/** The stored text of every non-null value of `column` of `orgId`'s rows, with the row id. */
async function storedValues(
  ctx: TestContext,
  column: string,
  orgId: string,
): Promise<{ id: string; stored: string }[]> {
  const [table = '', name = ''] = column.split('.');
  return queryRows(
    ctx.db.system,
    sql`SELECT id, ${sql.identifier(name)}::text AS stored FROM ${sql.identifier(table)}
        WHERE org_id = ${orgId} AND ${sql.identifier(name)} IS NOT NULL ORDER BY id`,
  );
}

describe('task content encrypted in the database', () => {
  let ctx: TestContext;
  let victim: Victim;
  let other: TestOrg;
  let otherKey: Credential;

  beforeAll(async () => {
    ctx = await createTestContext(VICTIM_ENV);
    victim = await seedVictim(ctx);
    other = await ctx.org();
    otherKey = { kind: 'key', key: other.liveKey };
  }, 120_000);
  afterAll(async () => {
    await ctx?.close();
  });

  const deps = () => ({ db: ctx.db, keys: ctx.app.services.dataKeys, blobs: ctx.app.services.blobs });

  it('stores params, answers, verdicts, gold and delivery bodies as envelopes; the API reads them', async () => {
    const filled: string[] = [];
    for (const column of ENCRYPTED_COLUMNS) {
      const values = await storedValues(ctx, column, victim.org.id);
      if (values.length > 0) filled.push(column);
      for (const { stored } of values) {
        expect(stored, column).not.toContain(victim.secret);
        expect(isFieldEnvelope(JSON.parse(stored)), column).toBe(true);
      }
    }
    // What the victim holds covers every kind of content (a review's fix is the one it has none of).
    expect(filled.sort()).toEqual(
      [
        'assignments.response',
        'deliveries.payload',
        'gold_answers.response',
        'gold_tasks.expected_response',
        'gold_tasks.params',
        'tasks.params',
        'tasks.response',
        'tasks.stage_response',
      ].sort(),
    );
    const task = await sendOk(ctx.app, victim.key, 'GET', `/v1/task/${victim.completedTaskId}`);
    expect(JSON.stringify(task.params)).toContain(victim.secret);
    expect(task.response).toMatchObject({ category: expect.any(String) });
    const delivery = await sendOk(ctx.app, victim.key, 'GET', `/api/deliveries/${victim.deliveryId}`);
    expect(JSON.stringify(delivery)).toContain(victim.secret);
  });

  it('does not open a value copied into another organization’s row', async () => {
    const mine = await sendOk(ctx.app, otherKey, 'POST', '/v1/task/categorization', {
      attachment: 'the other organization’s own text',
      attachment_type: 'text',
      categories: ['a', 'b'],
    });
    const [stolen] = await storedValues(ctx, 'tasks.params', victim.org.id);
    // Someone with write access to the database copies the victim's ciphertext into the other org's task.
    await ctx.db.system.execute(
      sql`UPDATE tasks SET params = ${stolen?.stored}::jsonb WHERE id = ${mine.task_id as string}`,
    );
    const read = await send(ctx.app, otherKey, { method: 'GET', url: `/v1/task/${mine.task_id}` });
    expect(read.status).toBe(500);
    expect(JSON.parse(read.text).error).toMatch(/cannot be decrypted/);
    expect(read.text).not.toContain(victim.secret);
  });

  it('reads values stored before encryption, and a rotation under load encrypts them under the new key', async () => {
    const before = await sendOk(ctx.app, victim.key, 'GET', `/v1/task/${victim.pendingTaskId}`);
    const plain = { ...(before.params as Record<string, unknown>), note: `in the clear ${victim.secret}` };
    // As a database from before encryption holds it.
    await ctx.db.system.execute(
      sql`UPDATE tasks SET params = ${JSON.stringify(plain)}::jsonb WHERE id = ${victim.pendingTaskId}`,
    );
    expect((await countStaleContent(ctx.db.system, 1, victim.org.id))['tasks.params']).toBe(1);
    const legacy = await sendOk(ctx.app, victim.key, 'GET', `/v1/task/${victim.pendingTaskId}`);
    expect(legacy.params).toEqual(plain);

    const stale = await countStaleContent(ctx.db.system, 2, victim.org.id);
    // Reads go on while the key rotates.
    let reads = 0;
    let rotating = true;
    const failures: string[] = [];
    const reader = (async () => {
      while (rotating) {
        const r = await send(ctx.app, victim.key, {
          method: 'GET',
          url: `/v1/task/${victim.completedTaskId}`,
        });
        if (r.status !== 200) failures.push(`${r.status} ${r.text}`);
        reads += 1;
        // PGlite answers through microtasks only: give the event loop a turn, or no timer would ever fire.
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    const report = await rotateOrgDataKey(deps(), victim.org.id, { settleMs: 20 }).finally(() => {
      rotating = false;
    });
    await reader;
    expect(failures).toEqual([]);
    expect(reads).toBeGreaterThan(0);
    expect(report.version).toBe(2);
    expect(report.retired).toEqual([1]);
    expect(report.rows).toEqual(stale);
    expect(Object.values(await countStaleContent(ctx.db.system, 2, victim.org.id))).toEqual(
      ENCRYPTED_COLUMNS.map(() => 0),
    );
    for (const column of ENCRYPTED_COLUMNS) {
      for (const { stored } of await storedValues(ctx, column, victim.org.id)) {
        expect(JSON.parse(stored), column).toMatchObject({ $gw: 'enc1', k: 2 });
      }
    }
    expect((await sendOk(ctx.app, victim.key, 'GET', `/v1/task/${victim.pendingTaskId}`)).params).toEqual(
      plain,
    );
    const done = await sendOk(ctx.app, victim.key, 'GET', `/v1/task/${victim.completedTaskId}`);
    expect(JSON.stringify(done.params)).toContain(victim.secret);
    // The other organization's content did not move.
    expect(await ctx.app.services.dataKeys.versions(other.id)).toEqual({ current: 1, versions: [1] });
  });

  it('deleting the organization makes a restored dump of its rows unreadable', async () => {
    const tables = ['organizations', 'api_keys', 'tasks'] as const;
    const dump: { table: string; rows: unknown[] }[] = [];
    for (const table of tables) {
      const column = table === 'organizations' ? 'id' : 'org_id';
      const rows = await queryRows<{ r: unknown }>(
        ctx.db.system,
        sql`SELECT row_to_json(x) AS r FROM ${sql.identifier(table)} x WHERE ${sql.identifier(column)} = ${victim.org.id}`,
      );
      dump.push({ table, rows: rows.map((r) => r.r) });
    }
    await deleteOrganization(deps(), victim.org.id);
    await ctx.db.withSystem(async (tx) => {
      for (const { table, rows } of dump) {
        for (const row of rows) {
          await tx.execute(
            sql`INSERT INTO ${sql.identifier(table)} OVERRIDING SYSTEM VALUE SELECT * FROM json_populate_record(NULL::${sql.identifier(table)}, ${JSON.stringify(row)}::json)`,
          );
        }
      }
    });
    const restarted = await buildApp(ctx.config, { db: ctx.db, logger: false });
    try {
      await restarted.ready();
      // The restored key authenticates (the list of tasks is there)...
      const list = await send(restarted, victim.key, { method: 'GET', url: '/v1/tasks?limit=1&project=x' });
      expect(list.status).not.toBe(401);
      // ...but the content of its tasks is gone for good.
      const read = await send(restarted, victim.key, {
        method: 'GET',
        url: `/v1/task/${victim.completedTaskId}`,
      });
      expect(read.status).toBe(500);
      expect(JSON.parse(read.text).error).toMatch(/cannot be decrypted/);
      expect(read.text).not.toContain(victim.secret);
    } finally {
      await restarted.close();
    }
    // The restored rows are removed again (they reference what the deletion removed).
    await ctx.db.withSystem(async (tx) => {
      for (const table of [...tables].reverse()) {
        const column = table === 'organizations' ? 'id' : 'org_id';
        await tx.execute(
          sql`DELETE FROM ${sql.identifier(table)} WHERE ${sql.identifier(column)} = ${victim.org.id}`,
        );
      }
    });
  });
});
