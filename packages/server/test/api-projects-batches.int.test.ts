import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requireRole } from '../src/routes/api/auth.ts';
import type { Principal, Role } from '../src/services/principal.ts';
import {
  type Body,
  basic,
  callApi,
  createTestContext,
  errorPaths,
  type TestContext,
  type TestOrg,
} from './harness.ts';

let ctx: TestContext;
let org: TestOrg;

const api = (method: 'GET' | 'POST' | 'DELETE', url: string, payload?: unknown, key = org.liveKey) =>
  callApi(ctx.app, key, method, url, payload);
const paths = errorPaths;

beforeAll(async () => {
  ctx = await createTestContext();
  org = await ctx.org();
});
afterAll(() => ctx.close());

describe('GET /api/org', () => {
  it("returns the caller's organization, with a Bearer or a Basic key", async () => {
    const bearer = await api('GET', '/org');
    expect(bearer.status).toBe(200);
    expect(bearer.body).toMatchObject({ id: org.id, slug: org.slug, environment: 'live', role: 'admin' });
    const viaBasic = await ctx.app.inject({
      url: '/api/org',
      headers: { authorization: basic(org.testKey) },
    });
    expect(viaBasic.json()).toMatchObject({ slug: org.slug, environment: 'test' });
  });

  it('answers 401 in the /api error shape without a valid key', async () => {
    const none = await ctx.app.inject({ url: '/api/org' });
    expect(none.statusCode).toBe(401);
    expect(none.json()).toMatchObject({ code: 'unauthorized', details: [] });
    expect((await api('GET', '/org', undefined, 'live_nope')).status).toBe(401);
  });
});

describe('/api/projects', () => {
  it('creates, reads, lists and versions a project', async () => {
    const created = await api('POST', '/projects', {
      name: 'animals',
      type: 'categorization',
      params: { categories: ['cat', 'dog'] },
      instruction: 'Pick one.',
    });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({
      name: 'animals',
      type: 'categorization',
      params: { categories: ['cat', 'dog'] },
      instruction: 'Pick one.',
      version: 0,
      isTest: false,
    });

    expect((await api('GET', '/projects/animals')).body.name).toBe('animals');
    const list = await api('GET', '/projects');
    expect(list.body.items.map((p: Body) => p.name)).toContain('animals');

    const patched = await api('POST', '/projects/animals/params', {
      params: { categories: ['cat', 'dog', 'bird'] },
      patch: true,
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ version: 1, instruction: 'Pick one.' });
    const replaced = await api('POST', '/projects/animals/params', { params: {} });
    expect(replaced.body).toMatchObject({ version: 2, params: {}, instruction: null });

    const history = await api('GET', '/projects/animals/param-history');
    expect(history.body.items.map((v: Body) => v.version)).toEqual([0, 1, 2]);
    expect(history.body.items[1].params).toEqual({ categories: ['cat', 'dog', 'bird'] });
  });

  it('refuses a params change made on a version someone else has replaced, and lets one of two racing changes in', async () => {
    await api('POST', '/projects', {
      name: 'racing',
      type: 'categorization',
      params: { categories: ['a', 'b'] },
    });
    const first = await api('POST', '/projects/racing/params', {
      params: { categories: ['a', 'b', 'c'] },
      baseVersion: 0,
    });
    expect(first.status).toBe(200);
    expect(first.body.version).toBe(1);
    const stale = await api('POST', '/projects/racing/params', {
      params: { categories: ['x', 'y'] },
      baseVersion: 0,
    });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('version_conflict');
    expect(stale.body.message).toMatch(/version 1/);
    expect(paths(stale.body)).toEqual(['baseVersion']);
    expect((await api('GET', '/projects/racing')).body).toMatchObject({
      version: 1,
      params: { categories: ['a', 'b', 'c'] },
    });

    const racing = await Promise.all(
      [
        ['p', 'q'],
        ['r', 's'],
      ].map((categories) =>
        api('POST', '/projects/racing/params', { params: { categories }, baseVersion: 1 }),
      ),
    );
    expect(racing.map((r) => r.status).sort()).toEqual([200, 409]);
    const history = await api('GET', '/projects/racing/param-history');
    expect(history.body.items.map((v: Body) => v.version)).toEqual([0, 1, 2]);

    const negative = await api('POST', '/projects/racing/params', { params: {}, baseVersion: -1 });
    expect(negative.status).toBe(400);
    expect(paths(negative.body)).toEqual(['baseVersion']);
  });

  it('names the bad field of a bad request', async () => {
    const missing = await api('POST', '/projects', { name: 'x' });
    expect(missing.status).toBe(400);
    expect(paths(missing.body)).toContain('type');

    const unknownType = await api('POST', '/projects', { name: 'x', type: 'nope' });
    expect(unknownType.status).toBe(400);
    expect(paths(unknownType.body)).toEqual(['type']);

    const badParams = await api('POST', '/projects', {
      name: 'x',
      type: 'categorization',
      params: { categories: 'not-a-list' },
    });
    expect(badParams.status).toBe(400);
    expect(paths(badParams.body)[0]).toMatch(/^params\.categories/);

    // Rules across params (a category twice) run when the project is saved, not first at task creation.
    const twice = await api('POST', '/projects', {
      name: 'x',
      type: 'categorization',
      params: { categories: ['cat', 'cat'] },
    });
    expect(twice.status).toBe(400);
    expect(twice.body.code).toBe('invalid_params');
    expect(paths(twice.body)[0]).toMatch(/^params\.categories/);
    const twicePatched = await api('POST', '/projects/animals/params', {
      params: { categories: ['cat', 'dog', 'dog'] },
      patch: true,
    });
    expect(twicePatched.status).toBe(400);
    expect(paths(twicePatched.body)[0]).toMatch(/^params\.categories/);

    const badPatch = await api('POST', '/projects/animals/params', { params: {}, patch: 'maybe' });
    expect(badPatch.status).toBe(400);
    expect(paths(badPatch.body)).toEqual(['patch']);

    const taken = await api('POST', '/projects', { name: 'animals', type: 'categorization' });
    expect(taken.status).toBe(409);
    expect(taken.body.code).toBe('name_taken');

    expect((await api('GET', '/projects/nope')).status).toBe(404);
    expect((await api('GET', '/projects?archived=perhaps')).status).toBe(400);
  });
});

describe('/api/batches', () => {
  beforeAll(async () => {
    await api('POST', '/projects', {
      name: 'shapes',
      type: 'categorization',
      params: { categories: ['a', 'b'] },
    });
  });

  it('creates, lists, reads with task counts and finalizes a batch', async () => {
    const created = await api('POST', '/batches', {
      project: 'shapes',
      name: 'shapes-1',
      staging: true,
      metadata: { week: 1 },
    });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({
      name: 'shapes-1',
      project: 'shapes',
      status: 'staging',
      metadata: { week: 1 },
    });
    await api('POST', '/batches', { project: 'shapes', name: 'shapes-2' });

    const task = await ctx.app.inject({
      method: 'POST',
      url: '/v1/task/categorization',
      headers: { authorization: basic(org.liveKey), 'content-type': 'application/json' },
      payload: JSON.stringify({ batch: 'shapes-1', attachment: 'x', attachment_type: 'text' }),
    });
    expect(task.statusCode).toBe(200);

    const one = await api('GET', '/batches/shapes-1');
    expect(one.body.taskCounts).toEqual({ pending: 1, completed: 0, canceled: 0, error: 0 });

    const staging = await api('GET', '/batches?project=shapes&status=staging');
    expect(staging.body.items.map((b: Body) => b.name)).toEqual(['shapes-1']);
    const page = await api('GET', '/batches?project=shapes&limit=1&offset=1');
    expect(page.body).toMatchObject({ total: 2, limit: 1, offset: 1 });
    expect(page.body.items).toHaveLength(1);

    const finalized = await api('POST', '/batches/shapes-1/finalize');
    expect(finalized.status).toBe(200);
    expect(finalized.body.status).toBe('in_progress');
  });

  it('names the bad field of a bad request', async () => {
    const noProject = await api('POST', '/batches', { project: 'nope', name: 'b' });
    expect(noProject.status).toBe(400);
    expect(paths(noProject.body)).toEqual(['project']);
    const noName = await api('POST', '/batches', { project: 'shapes' });
    expect(paths(noName.body)).toEqual(['name']);
    const badStatus = await api('GET', '/batches?status=done');
    expect(badStatus.status).toBe(400);
    expect(paths(badStatus.body)).toEqual(['status']);
    const badLimit = await api('GET', '/batches?limit=1000');
    expect(paths(badLimit.body)).toEqual(['limit']);
    expect((await api('GET', '/batches/nope')).status).toBe(404);
  });
});

describe('requireRole', () => {
  const principal = (role: Role): Principal => ({
    orgId: org.id,
    orgSlug: org.slug,
    isTest: false,
    keyId: null,
    userId: null,
    workforceId: null,
    actorName: 'someone',
    role,
  });
  const check = (required: Role, role: Role) =>
    requireRole(required)({ principal: principal(role) } as Parameters<ReturnType<typeof requireRole>>[0]);

  it('lets a role at least as powerful as the required one through', async () => {
    await expect(check('viewer', 'viewer')).resolves.toBeUndefined();
    await expect(check('manager', 'admin')).resolves.toBeUndefined();
    await expect(check('admin', 'owner')).resolves.toBeUndefined();
  });

  it('refuses a weaker role with 403', async () => {
    await expect(check('manager', 'viewer')).rejects.toMatchObject({ status: 403, code: 'forbidden' });
    await expect(check('admin', 'manager')).rejects.toMatchObject({ status: 403 });
  });
});
