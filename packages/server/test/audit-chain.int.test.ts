import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../src/db/database.ts';
import { deliveries } from '../src/db/schema.ts';
import { newId } from '../src/lib/ids.ts';
import { verifyAuditChain } from '../src/services/audit-chain.ts';
import {
  type Body,
  callApi,
  createTestContext,
  scaleClient,
  type TestContext,
  type TestOrg,
} from './harness.ts';
import { addMember, callAsSession, login, type TestSession } from './session-client.ts';
import { recomputedHash } from './support/audit-recipe.ts';

/** An audit row as stored (raw column names). */
interface Row {
  id: string | number;
  org_id: string;
  actor_type: string;
  actor_id: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  data: Body;
  created_at: Date | string;
  ip: string | null;
  user_agent: string | null;
  prev_hash: string | null;
  hash: string;
}

/** A stored row as the export writes it. */
function asLine(r: Row): Body {
  return { ...r, id: Number(r.id), created_at: new Date(r.created_at).toISOString() };
}

let ctx: TestContext;

async function events(orgId: string): Promise<Row[]> {
  return queryRows<Row>(ctx.db.system, sql`SELECT * FROM audit_events WHERE org_id = ${orgId} ORDER BY id`);
}

async function lastEvent(orgId: string): Promise<Row> {
  const all = await events(orgId);
  const last = all.at(-1);
  if (!last) throw new Error('no audit events');
  return last;
}

const UA = 'AuditTest/1.0 (+https://example.test)';

beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

describe('audit events', () => {
  it('record where a request came from, in the hash, and verify by an independent recipe', async () => {
    const org = await ctx.org();
    const admin = await addMember(ctx, org.id, 'admin');
    const login = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'user-agent': UA },
      payload: { email: admin.email, password: 'correct horse battery' },
    });
    expect(login.statusCode).toBe(200);
    const loginEvent = await lastEvent(org.id);
    expect(loginEvent).toMatchObject({
      action: 'auth.login',
      actor_id: admin.id,
      ip: '127.0.0.1',
      user_agent: UA,
    });

    const cookie = login.cookies.find((c) => c.name === 'gw_session')?.value ?? '';
    const session = { token: cookie, csrf: (login.json() as Body).csrfToken as string };
    const created = await callAsSession(
      ctx.app,
      session,
      'POST',
      '/api-keys',
      { name: 'ci', environment: 'live' },
      { headers: { 'user-agent': UA } },
    );
    expect(created.status).toBe(200);
    const keyEvent = await lastEvent(org.id);
    // The key is created by the person, not by "the system".
    expect(keyEvent).toMatchObject({
      action: 'api_key.create',
      actor_type: 'user',
      actor_id: admin.id,
      target_id: created.body.id,
      ip: '127.0.0.1',
      user_agent: UA,
    });

    const all = await events(org.id);
    // org.create, two keys by the system (harness), member.add, auth.login, api_key.create.
    expect(all.map((e) => e.action)).toEqual([
      'org.create',
      'api_key.create',
      'api_key.create',
      'member.add',
      'auth.login',
      'api_key.create',
    ]);
    expect(all[0]?.prev_hash).toBeNull();
    expect(all[0]?.ip).toBeNull();
    for (const [i, row] of all.entries()) {
      expect(recomputedHash(asLine(row)), `event ${i}`).toBe(row.hash);
      if (i > 0) expect(row.prev_hash).toBe(all[i - 1]?.hash);
    }
    const report = await verifyAuditChain(ctx.db, org.id);
    expect(report).toMatchObject({ intact: true, verified: 6, total: 6, broken: null });
    expect(report.lastVerifiedHash).toBe(keyEvent.hash);
  });

  it('takes the address from X-Forwarded-For only behind a trusted proxy', async () => {
    const proxied = await createTestContext({ GROUNDWORK_TRUST_PROXY: '127.0.0.1' });
    try {
      const org = await proxied.org();
      const key = (await proxied.orgs.createApiKey(org.id, { environment: 'live', name: 'spare' })).row;
      const response = await proxied.app.inject({
        method: 'DELETE',
        url: `/api/api-keys/${key.id}`,
        headers: {
          authorization: `Bearer ${org.liveKey}`,
          'x-forwarded-for': '203.0.113.7',
          'user-agent': UA,
        },
      });
      expect(response.statusCode).toBe(200);
      const [row] = await queryRows<Row>(
        proxied.db.system,
        sql`SELECT * FROM audit_events WHERE org_id = ${org.id} AND action = 'api_key.revoke'`,
      );
      expect(row).toMatchObject({
        actor_type: 'api_key',
        ip: '203.0.113.7',
        user_agent: UA,
        target_id: key.id,
      });
    } finally {
      await proxied.close();
    }
    // Without a trusted proxy the header is ignored.
    const org = await ctx.org();
    const key = (await ctx.orgs.createApiKey(org.id, { environment: 'live', name: 'spare' })).row;
    const response = await ctx.app.inject({
      method: 'DELETE',
      url: `/api/api-keys/${key.id}`,
      headers: { authorization: `Bearer ${org.liveKey}`, 'x-forwarded-for': '203.0.113.7' },
    });
    expect(response.statusCode).toBe(200);
    expect(await lastEvent(org.id)).toMatchObject({
      action: 'api_key.revoke',
      ip: '127.0.0.1',
      user_agent: 'lightMyRequest', // inject's default User-Agent
    });
  });

  it('stay chained under concurrent appends', async () => {
    const org = await ctx.org();
    const viewer = await login(ctx.app, (await addMember(ctx, org.id, 'viewer')).email);
    const scale = scaleClient(ctx.app, org.liveKey);
    await scale.post('/projects', {
      type: 'categorization',
      name: 'busy',
      params: { categories: ['a', 'b'] },
    });
    const task = await scale.post('/task/categorization', {
      project: 'busy',
      attachment: 'x',
      attachment_type: 'text',
    });
    const reads = await Promise.all(
      Array.from({ length: 24 }, () => callAsSession(ctx.app, viewer, 'GET', `/tasks/${task.body.task_id}`)),
    );
    expect(reads.every((r) => r.status === 200)).toBe(true);
    const all = await events(org.id);
    expect(all.filter((e) => e.action === 'task.view')).toHaveLength(24);
    expect(await verifyAuditChain(ctx.db, org.id, { pageSize: 5 })).toMatchObject({
      intact: true,
      verified: all.length,
      total: all.length,
    });
  });
});

describe("people's reads of task data", () => {
  let org: TestOrg;
  let viewer: TestSession;
  let viewerId: string;
  let annotator: TestSession;
  let annotatorId: string;
  let manager: TestSession;
  let taskIds: string[];

  const call = (s: TestSession, method: 'GET' | 'POST', url: string, body?: unknown) =>
    callAsSession(ctx.app, s, method, url, body, { headers: { 'user-agent': UA } });

  /** The events appended by `fn`. */
  async function appendedBy(fn: () => Promise<unknown>): Promise<Row[]> {
    const before = (await events(org.id)).length;
    await fn();
    return (await events(org.id)).slice(before);
  }

  beforeAll(async () => {
    org = await ctx.org();
    const v = await addMember(ctx, org.id, 'viewer');
    const a = await addMember(ctx, org.id, 'annotator');
    const m = await addMember(ctx, org.id, 'manager');
    viewerId = v.id;
    annotatorId = a.id;
    [viewer, annotator, manager] = await Promise.all([
      login(ctx.app, v.email),
      login(ctx.app, a.email),
      login(ctx.app, m.email),
    ]);
    const scale = scaleClient(ctx.app, org.liveKey);
    await scale.post('/projects', {
      type: 'categorization',
      name: 'reads',
      params: { categories: ['a', 'b'] },
    });
    taskIds = [];
    for (const i of [1, 2, 3]) {
      const t = await scale.post('/task/categorization', {
        project: 'reads',
        attachment: `text ${i}`,
        attachment_type: 'text',
      });
      taskIds.push(t.body.task_id as string);
    }
  });

  it('records a task read by a person as task.view, and none by an API key', async () => {
    const taskId = taskIds[0] as string;
    const byPerson = await appendedBy(async () => {
      expect((await call(viewer, 'GET', `/tasks/${taskId}`)).status).toBe(200);
    });
    expect(byPerson).toHaveLength(1);
    expect(byPerson[0]).toMatchObject({
      action: 'task.view',
      actor_type: 'user',
      actor_id: viewerId,
      target_type: 'task',
      target_id: taskId,
      data: { via: 'task' },
      ip: '127.0.0.1',
      user_agent: UA,
    });
    const byKey = await appendedBy(async () => {
      expect((await callApi(ctx.app, org.liveKey, 'GET', `/tasks/${taskId}`)).status).toBe(200);
      expect((await scaleClient(ctx.app, org.liveKey).get(`/task/${taskId}`)).status).toBe(200);
      expect((await callApi(ctx.app, org.liveKey, 'GET', '/tasks?project=reads')).status).toBe(200);
    });
    expect(byKey).toEqual([]);
  });

  it('records nothing for a task that is not found', async () => {
    const none = await appendedBy(async () => {
      expect((await call(viewer, 'GET', `/tasks/${newId()}`)).status).toBe(404);
      expect((await call(viewer, 'GET', `/tasks/${newId()}/timeline`)).status).toBe(404);
    });
    expect(none).toEqual([]);
  });

  it('records one task.list per page with its filter and count, not one event per row', async () => {
    const listed = await appendedBy(async () => {
      const page = await call(viewer, 'GET', '/tasks?project=reads&limit=2');
      expect(page.body.items).toHaveLength(2);
    });
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({
      action: 'task.list',
      target_type: null,
      data: { via: 'tasks', filter: { project: 'reads', limit: 2 }, count: 2 },
    });
    const explored = await appendedBy(async () => {
      const page = await call(viewer, 'GET', '/projects/reads/tasks?status=pending');
      expect(page.status).toBe(200);
      expect(page.body.items).toHaveLength(3);
    });
    expect(explored).toHaveLength(1);
    expect(explored[0]).toMatchObject({
      action: 'task.list',
      target_type: 'project',
      data: { via: 'explorer', filter: { project: 'reads', status: 'pending' }, count: 3 },
    });
  });

  it('records the timeline, a lease, a reopened assignment and a delivery body as task.view', async () => {
    const [first] = taskIds as [string];
    const timeline = await appendedBy(() => call(viewer, 'GET', `/tasks/${first}/timeline`));
    expect(timeline.map((e) => [e.action, e.target_id, e.data.via])).toEqual([
      ['task.view', first, 'timeline'],
    ]);

    let lease: Body = {};
    const leased = await appendedBy(async () => {
      lease = (await call(annotator, 'POST', '/work/next', { project: 'reads' })).body.lease;
    });
    expect(leased).toHaveLength(1);
    expect(leased[0]).toMatchObject({
      action: 'task.view',
      actor_id: annotatorId,
      target_type: 'task',
      target_id: lease.task.id,
      data: { via: 'lease', assignment: lease.assignment.id },
      user_agent: UA,
    });
    const reopened = await appendedBy(() =>
      call(annotator, 'GET', `/work/assignments/${lease.assignment.id}`),
    );
    expect(reopened.map((e) => [e.target_id, e.data.via])).toEqual([[lease.task.id, 'assignment']]);

    const deliveryId = newId();
    await ctx.db.withOrg(org.id, (tx) =>
      tx.insert(deliveries).values({
        id: deliveryId,
        orgId: org.id,
        isTest: false,
        event: 'task.completed',
        taskId: first,
        url: 'https://receiver.example.test/hook',
        payload: { task: { task_id: first } },
        status: 'pending',
      }),
    );
    const delivery = await appendedBy(async () => {
      expect((await call(manager, 'GET', `/deliveries/${deliveryId}`)).status).toBe(200);
    });
    expect(delivery.map((e) => [e.action, e.target_id, e.data])).toEqual([
      ['task.view', first, { via: 'delivery', delivery: deliveryId }],
    ]);
    expect(await verifyAuditChain(ctx.db, org.id)).toMatchObject({ intact: true, broken: null });
  });
});

describe('a tampered chain', () => {
  /**
   * A fresh organization with `n` task reads by a person after its setup events: the ids of all its
   * events and of the reads (`task.view`).
   */
  async function chainOf(n: number): Promise<{ org: TestOrg; ids: number[]; views: number[] }> {
    const org = await ctx.org();
    const viewer = await login(ctx.app, (await addMember(ctx, org.id, 'viewer')).email);
    const scale = scaleClient(ctx.app, org.liveKey);
    await scale.post('/projects', { type: 'categorization', name: 'p', params: { categories: ['a', 'b'] } });
    const task = await scale.post('/task/categorization', {
      project: 'p',
      attachment: 'x',
      attachment_type: 'text',
    });
    for (let i = 0; i < n; i++) await callAsSession(ctx.app, viewer, 'GET', `/tasks/${task.body.task_id}`);
    const all = await events(org.id);
    return {
      org,
      ids: all.map((e) => Number(e.id)),
      views: all.filter((e) => e.action === 'task.view').map((e) => Number(e.id)),
    };
  }

  /** Runs raw SQL as the database owner, as someone with direct access to the database would. */
  const asOwner = (query: ReturnType<typeof sql>) => ctx.db.system.execute(query);

  it('names the event whose data was edited', async () => {
    const { org, ids, views } = await chainOf(4);
    const victim = views[1] as number;
    await asOwner(sql`UPDATE audit_events SET data = '{"via":"nothing to see"}' WHERE id = ${victim}`);
    const report = await verifyAuditChain(ctx.db, org.id);
    expect(report.broken).toMatchObject({ eventId: victim, kind: 'hash_mismatch', action: 'task.view' });
    expect(report).toMatchObject({ intact: false, verified: ids.indexOf(victim), total: ids.length });
  });

  it('names the event after one that was deleted', async () => {
    const { org, ids, views } = await chainOf(3);
    const [before, deleted, after] = views as [number, number, number];
    await asOwner(sql`DELETE FROM audit_events WHERE id = ${deleted}`);
    const report = await verifyAuditChain(ctx.db, org.id);
    expect(report.broken).toMatchObject({ eventId: after, kind: 'prev_hash_mismatch' });
    expect(report.broken?.reason).toContain(`event ${before}`);
    expect(report).toMatchObject({ verified: ids.indexOf(deleted), total: ids.length - 1 });
  });

  it('names the first of two events whose contents were swapped', async () => {
    const { org, views } = await chainOf(3);
    const [a, b] = views as [number, number];
    const columns = sql.raw(
      'actor_type, actor_id, action, target_type, target_id, data, created_at, ip, user_agent, prev_hash, hash',
    );
    await asOwner(sql`
      UPDATE audit_events AS t SET (${columns}) = (
        SELECT ${columns} FROM audit_events s
        WHERE s.id = CASE t.id WHEN ${a}::bigint THEN ${b}::bigint ELSE ${a}::bigint END)
      WHERE t.id IN (${a}::bigint, ${b}::bigint)`);
    const report = await verifyAuditChain(ctx.db, org.id);
    expect(report.broken).toMatchObject({ eventId: a, kind: 'prev_hash_mismatch' });
  });

  it('names the first event when the ones before it were deleted', async () => {
    const { org, ids } = await chainOf(1);
    await asOwner(sql`DELETE FROM audit_events WHERE id IN (${ids[0] as number}, ${ids[1] as number})`);
    const report = await verifyAuditChain(ctx.db, org.id);
    expect(report.broken).toMatchObject({ eventId: ids[2], kind: 'unexpected_prev_hash' });
    expect(report.verified).toBe(0);
  });

  it('is not fooled by an edit whose hash was recomputed: the next link breaks', async () => {
    const { org, views } = await chainOf(2);
    const [victim, next] = views as [number, number];
    const [row] = await queryRows<Row>(ctx.db.system, sql`SELECT * FROM audit_events WHERE id = ${victim}`);
    const forged = { ...asLine(row as Row), data: { via: 'forged' } };
    await asOwner(
      sql`UPDATE audit_events SET data = ${JSON.stringify(forged.data)}::jsonb, hash = ${recomputedHash(forged)} WHERE id = ${victim}`,
    );
    const report = await verifyAuditChain(ctx.db, org.id);
    expect(report.broken).toMatchObject({ eventId: next, kind: 'prev_hash_mismatch' });
  });

  it('takes gaps between ids for what they are: not a break', async () => {
    const { org } = await chainOf(1);
    // An append that rolls back still consumes an identity value.
    await ctx.db
      .withOrg(org.id, async (tx) => {
        await tx.execute(
          sql`INSERT INTO audit_events (org_id, actor_type, action, data, hash) VALUES (${org.id}, 'system', 'x', '{}', 'h')`,
        );
        throw new Error('roll back');
      })
      .catch(() => {});
    const viewer = await login(ctx.app, (await addMember(ctx, org.id, 'viewer')).email);
    await callAsSession(ctx.app, viewer, 'GET', '/tasks?limit=1');
    const ids = (await events(org.id)).map((e) => Number(e.id));
    expect(ids.some((id, i) => i > 0 && id > (ids[i - 1] as number) + 1)).toBe(true);
    expect(await verifyAuditChain(ctx.db, org.id)).toMatchObject({ intact: true, total: ids.length });
  });
});
