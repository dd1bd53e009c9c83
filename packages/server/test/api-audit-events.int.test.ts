import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../src/db/database.ts';
import {
  type Body,
  callApi,
  createTestContext,
  errorPaths,
  scaleClient,
  type TestContext,
  type TestOrg,
} from './harness.ts';
import { addMember, callAsSession, login, type TestSession } from './session-client.ts';
import { recomputedHash } from './support/audit-recipe.ts';

let ctx: TestContext;
let org: TestOrg;
let other: TestOrg;
let admin: TestSession;
let adminId: string;
let viewer: TestSession;
let viewerId: string;
let taskId: string;

const get = (s: TestSession, url: string) => callAsSession(ctx.app, s, 'GET', url);

/** Every event of a filtered list, page by page (`limit` per page). */
async function allPages(query: string, limit: number): Promise<Body[]> {
  const out: Body[] = [];
  let before: number | null = null;
  for (let i = 0; i < 100; i++) {
    const page = await get(
      admin,
      `/audit-events?${query}&limit=${limit}${before ? `&before=${before}` : ''}`,
    );
    expect(page.status, JSON.stringify(page.body)).toBe(200);
    out.push(...page.body.items);
    before = page.body.next;
    if (before === null) return out;
  }
  throw new Error('too many pages');
}

async function exportLines(
  query: string,
  session = admin,
): Promise<{ status: number; lines: Body[]; headers: Body }> {
  const response = await ctx.app.inject({
    method: 'GET',
    url: `/api/audit-events/export${query ? `?${query}` : ''}`,
    cookies: { gw_session: session.token },
  });
  const lines = response.body
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as Body);
  return { status: response.statusCode, lines, headers: response.headers };
}

beforeAll(async () => {
  ctx = await createTestContext();
  org = await ctx.org();
  other = await ctx.org();
  const a = await addMember(ctx, org.id, 'admin');
  const v = await addMember(ctx, org.id, 'viewer');
  adminId = a.id;
  viewerId = v.id;
  admin = await login(ctx.app, a.email);
  viewer = await login(ctx.app, v.email);
  const scale = scaleClient(ctx.app, org.liveKey);
  await scale.post('/projects', { type: 'categorization', name: 'log', params: { categories: ['a', 'b'] } });
  taskId = (
    await scale.post('/task/categorization', { project: 'log', attachment: 'x', attachment_type: 'text' })
  ).body.task_id as string;
  for (let i = 0; i < 3; i++) await get(viewer, `/tasks/${taskId}`);
  // The other organization is busy too: none of this may show.
  const stranger = await login(ctx.app, (await addMember(ctx, other.id, 'viewer')).email);
  const theirs = scaleClient(ctx.app, other.liveKey);
  await theirs.post('/projects', { type: 'categorization', name: 'log', params: { categories: ['a', 'b'] } });
  const theirTask = await theirs.post('/task/categorization', {
    project: 'log',
    attachment: 'y',
    attachment_type: 'text',
  });
  await callAsSession(ctx.app, stranger, 'GET', `/tasks/${theirTask.body.task_id}`);
});
afterAll(() => ctx.close());

describe('GET /api/audit-events', () => {
  it('lists events newest first with who acted by name, the object, and where from', async () => {
    const page = await get(admin, '/audit-events?limit=100');
    expect(page.status).toBe(200);
    const items = page.body.items as Body[];
    const ids = items.map((e) => e.id as number);
    expect(ids).toEqual([...ids].sort((x, y) => y - x));
    expect(items.map((e) => e.action).reverse()).toEqual([
      'org.create',
      'api_key.create',
      'api_key.create',
      'member.add',
      'member.add',
      'auth.login',
      'auth.login',
      'project.create',
      'task.view',
      'task.view',
      'task.view',
    ]);
    const view = items[0] as Body;
    expect(view).toMatchObject({
      action: 'task.view',
      actor: { type: 'user', id: viewerId, name: 'Test viewer', email: expect.stringContaining('viewer') },
      target: { type: 'task', id: taskId },
      data: { via: 'task' },
      ip: '127.0.0.1',
      userAgent: 'lightMyRequest',
    });
    const project = items.find((e) => e.action === 'project.create') as Body;
    expect(project.actor).toMatchObject({ type: 'api_key', name: 'live', email: null });
    const created = items.at(-1) as Body;
    expect(created).toMatchObject({
      action: 'org.create',
      actor: { type: 'system', id: null, name: null },
      ip: null,
    });
  });

  it('pages by id without gaps or repeats', async () => {
    const all = (await get(admin, '/audit-events?limit=100')).body.items as Body[];
    const paged = await allPages('', 3);
    expect(paged.map((e) => e.id)).toEqual(all.map((e) => e.id));
  });

  it('filters by actor, action prefix, object and time range', async () => {
    const byViewer = await allPages(`actor=${viewerId}`, 100);
    expect(byViewer.map((e) => e.action)).toEqual(['task.view', 'task.view', 'task.view', 'auth.login']);
    const tasks = await allPages('action=task.', 100);
    expect(tasks).toHaveLength(3);
    const exact = await allPages('action=auth.login', 100);
    expect(exact.map((e) => e.actor.id).sort()).toEqual([adminId, viewerId].sort());
    // `_` and `%` are not wildcards.
    expect(await allPages('action=task_', 100)).toEqual([]);
    const onTask = await allPages(`targetType=task&targetId=${taskId}`, 100);
    expect(onTask).toHaveLength(3);
    const onKeys = await allPages('targetType=api_key', 100);
    expect(onKeys.map((e) => e.action)).toEqual(['api_key.create', 'api_key.create']);

    const [row] = await queryRows<{ created_at: Date | string }>(
      ctx.db.system,
      sql`SELECT created_at FROM audit_events WHERE org_id = ${org.id} AND action = 'project.create'`,
    );
    const at = new Date(row?.created_at as string).toISOString();
    const everything = await allPages('', 100);
    const since = await allPages(`from=${encodeURIComponent(at)}`, 100);
    expect(since.map((e) => e.id)).toEqual(everything.filter((e) => e.createdAt >= at).map((e) => e.id));
    expect(since.map((e) => e.action)).toContain('project.create');
    expect(since.filter((e) => e.action === 'task.view')).toHaveLength(3);
    const until = await allPages(`to=${encodeURIComponent(at)}`, 100);
    expect(until.map((e) => e.id)).toEqual(everything.filter((e) => e.createdAt < at).map((e) => e.id));
    expect(until.some((e) => e.action === 'project.create')).toBe(false);
    expect(until.map((e) => e.action)).toContain('org.create');
  });

  it('refuses bad filters with a 400 naming the field', async () => {
    const cases: Array<[string, string]> = [
      ['actor=someone', 'actor'],
      ['from=2025-02-01&to=2025-01-01', 'from'],
      ['from=yesterday', 'from'],
      [`targetId=${taskId}`, 'targetType'],
      ['before=abc', 'before'],
      ['limit=0', 'limit'],
      ['action=', 'action'],
    ];
    for (const [query, field] of cases) {
      const response = await get(admin, `/audit-events?${query}`);
      expect(response.status, query).toBe(400);
      expect(errorPaths(response.body), query).toEqual([field]);
    }
  });

  it("never shows another organization's events", async () => {
    const ours = await allPages('', 100);
    const theirIds = (
      await queryRows<{ id: string }>(
        ctx.db.system,
        sql`SELECT id FROM audit_events WHERE org_id = ${other.id}`,
      )
    ).map((r) => Number(r.id));
    expect(theirIds.length).toBeGreaterThan(0);
    expect(ours.some((e) => theirIds.includes(e.id))).toBe(false);
    // Their admin key sees their log only.
    const theirs = await callApi(ctx.app, other.liveKey, 'GET', '/audit-events?limit=100');
    expect(theirs.status).toBe(200);
    expect((theirs.body.items as Body[]).map((e) => e.id).sort()).toEqual([...theirIds].sort());
    // Another organization's user or object ids simply match nothing.
    const stranger = (theirs.body.items as Body[]).find((e) => e.actor.type === 'user') as Body;
    expect(await allPages(`actor=${stranger.actor.id}`, 100)).toEqual([]);
  });

  it('is for admins and owners and live keys only', async () => {
    for (const role of ['manager', 'reviewer', 'viewer', 'annotator'] as const) {
      const member = await login(ctx.app, (await addMember(ctx, org.id, role)).email);
      expect((await get(member, '/audit-events')).status, role).toBe(403);
      expect((await exportLines('', member)).status, role).toBe(403);
      expect((await callAsSession(ctx.app, member, 'POST', '/audit-events/verify')).status, role).toBe(403);
    }
    const owner = await login(ctx.app, (await addMember(ctx, org.id, 'owner')).email);
    expect((await get(owner, '/audit-events')).status).toBe(200);
    expect((await callApi(ctx.app, org.liveKey, 'GET', '/audit-events')).status).toBe(200);
    const test = await callApi(ctx.app, org.testKey, 'GET', '/audit-events');
    expect(test.status).toBe(403);
    expect(test.body.message).toContain('live key');
    expect((await callApi(ctx.app, org.testKey, 'POST', '/audit-events/verify')).status).toBe(403);
  });
});

describe('GET /api/audit-events/export', () => {
  it('streams JSON Lines in chain order that verify offline, ending with the export itself', async () => {
    const { status, lines, headers } = await exportLines('');
    expect(status).toBe(200);
    expect(headers['content-type']).toMatch(/^application\/x-ndjson/);
    expect(headers['content-disposition']).toMatch(
      new RegExp(`^attachment; filename="audit-${org.slug}-\\d{4}-\\d{2}-\\d{2}\\.jsonl"$`),
    );
    expect(lines.length).toBeGreaterThan(11);
    expect(lines[0]).toMatchObject({ action: 'org.create', prev_hash: null, org_id: org.id });
    expect(lines.at(-1)).toMatchObject({ action: 'audit.export', actor_id: adminId, data: { filter: {} } });
    for (const [i, line] of lines.entries()) {
      expect(Object.keys(line).sort()).toEqual([
        'action',
        'actor_id',
        'actor_type',
        'created_at',
        'data',
        'hash',
        'id',
        'ip',
        'org_id',
        'prev_hash',
        'target_id',
        'target_type',
        'user_agent',
      ]);
      expect(recomputedHash(line), `line ${i + 1}`).toBe(line.hash);
      if (i > 0) expect(line.prev_hash, `line ${i + 1}`).toBe(lines[i - 1]?.hash);
      expect(line.org_id).toBe(org.id);
    }
  });

  it('exports only the filtered events, and records the filter', async () => {
    const { lines } = await exportLines(`targetType=task&targetId=${taskId}`);
    expect(lines.map((l) => [l.action, l.target_id])).toEqual([
      ['task.view', taskId],
      ['task.view', taskId],
      ['task.view', taskId],
    ]);
    for (const line of lines) expect(recomputedHash(line)).toBe(line.hash);
    const recorded = await get(admin, '/audit-events?action=audit.export&limit=1');
    expect(recorded.body.items[0].data).toEqual({ filter: { targetType: 'task', targetId: taskId } });
  });

  it('refuses bad filters naming the field, before streaming anything', async () => {
    const response = await ctx.app.inject({
      method: 'GET',
      url: '/api/audit-events/export?actor=x',
      cookies: { gw_session: admin.token },
    });
    expect(response.statusCode).toBe(400);
    expect(errorPaths(response.json() as Body)).toEqual(['actor']);
  });
});

describe('POST /api/audit-events/verify', () => {
  it('answers an intact chain with its counts, never counting another organization', async () => {
    const total = (
      await queryRows<{ n: string | number }>(
        ctx.db.system,
        sql`SELECT count(*) AS n FROM audit_events WHERE org_id = ${org.id}`,
      )
    )[0]?.n;
    const response = await callAsSession(ctx.app, admin, 'POST', '/audit-events/verify');
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      intact: true,
      verified: Number(total),
      total: Number(total),
      broken: null,
      message: `OK: ${Number(total)} events, chain intact`,
    });
  });

  it('names the first broken link, records audit.verify_failed at the end, and stays verifiable from there', async () => {
    const team = await ctx.org();
    const owner = await login(ctx.app, (await addMember(ctx, team.id, 'owner')).email);
    const [victim] = await queryRows<{ id: string; action: string; created_at: Date | string }>(
      ctx.db.system,
      sql`SELECT id, action, created_at FROM audit_events WHERE org_id = ${team.id} AND action = 'member.add'`,
    );
    const victimId = Number(victim?.id);
    await ctx.db.system.execute(
      sql`UPDATE audit_events SET data = '{"role":"viewer"}' WHERE id = ${victimId}`,
    );

    const response = await callAsSession(ctx.app, owner, 'POST', '/audit-events/verify');
    expect(response.status).toBe(200);
    const when = new Date(victim?.created_at as string).toISOString();
    expect(response.body).toMatchObject({
      intact: false,
      verified: 3,
      broken: { eventId: victimId, kind: 'hash_mismatch', action: 'member.add', createdAt: when },
      message: `BROKEN at event ${victimId} (${when}, member.add): its content does not match its hash: the event was edited`,
    });

    const lines = (await exportLines('', owner)).lines;
    const failed = lines.find((l) => l.action === 'audit.verify_failed') as Body;
    expect(failed).toMatchObject({
      target_type: 'audit_event',
      target_id: String(victimId),
      data: { kind: 'hash_mismatch', verified: 3 },
    });
    // Everything from the failure event on still links and hashes correctly.
    const from = lines.indexOf(failed);
    for (let i = from; i < lines.length; i++) {
      expect(recomputedHash(lines[i] as Body)).toBe(lines[i]?.hash);
      expect(lines[i]?.prev_hash).toBe(lines[i - 1]?.hash);
    }
    // Verifying again names the same event.
    const again = await callAsSession(ctx.app, owner, 'POST', '/audit-events/verify');
    expect(again.body.broken.eventId).toBe(victimId);
  });
});
