import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, scaleClient, type TestContext } from './harness.ts';

let ctx: TestContext;
let scale: ReturnType<typeof scaleClient>;

beforeAll(async () => {
  ctx = await createTestContext();
  const org = await ctx.org();
  scale = scaleClient(ctx.app, org.liveKey);
});
afterAll(() => ctx.close());

describe('projects', () => {
  it('creates, gets (with %2F in the name) and lists projects; 409 on a duplicate name', async () => {
    const created = await scale.post('/projects', {
      type: 'categorization',
      name: 'a bc/def',
      params: { instruction: 'Pick one.', categories: ['cat', 'dog'] },
      rapid: false,
      studio: false,
      datasetId: null,
    });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({ type: 'categorization', name: 'a bc/def' });
    expect(created.body.param_history).toEqual([
      expect.objectContaining({ version: 0, instruction: 'Pick one.', categories: ['cat', 'dog'] }),
    ]);
    const fetched = await scale.get(`/projects/${encodeURIComponent('a bc/def')}`);
    expect(fetched.status).toBe(200);
    expect(fetched.body.name).toBe('a bc/def');
    const listed = await scale.get('/projects');
    expect(Array.isArray(listed.body)).toBe(true);
    expect((listed.body as unknown as Array<{ name: string }>).map((p) => p.name)).toContain('a bc/def');
    expect((await scale.post('/projects', { type: 'categorization', name: 'a bc/def' })).status).toBe(409);
    expect((await scale.get('/projects/nope')).status).toBe(404);
  });

  it('rejects unknown types and invalid default params naming the field', async () => {
    const unknown = await scale.post('/projects', { type: 'teleport', name: 'x' });
    expect(unknown.status).toBe(400);
    const bad = await scale.post('/projects', {
      type: 'categorization',
      name: 'bad',
      params: { categories: 'cat' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toContain('categories');
    expect((await scale.post('/projects', { name: 'no-type' })).status).toBe(400);
  });

  it('setParams appends versions; patch keeps unspecified params; tasks use the latest version', async () => {
    await scale.post('/projects', {
      type: 'categorization',
      name: 'versioned',
      params: { categories: ['a', 'b'], allow_multiple: false },
    });
    const patched = await scale.post('/projects/versioned/setParams', {
      patch: true,
      instruction: 'v1',
      categories: ['a', 'b', 'c'],
    });
    expect(patched.status).toBe(200);
    const history = patched.body.param_history;
    expect(history.map((h: { version: number }) => h.version)).toEqual([0, 1]);
    expect(history[1]).toMatchObject({
      instruction: 'v1',
      categories: ['a', 'b', 'c'],
      allow_multiple: false,
    });
    const replaced = await scale.post('/projects/versioned/setParams', {
      instruction: 'v2',
      categories: ['z', 'y'],
    });
    expect(replaced.body.param_history[2]).not.toHaveProperty('allow_multiple');
    const task = await scale.post('/task/categorization', {
      project: 'versioned',
      attachment: 'text',
      attachment_type: 'text',
    });
    expect(task.status).toBe(200);
    expect(task.body.params.categories).toEqual(['z', 'y']);
    expect(task.body.instruction).toBe('v2');
    const overridden = await scale.post('/task/categorization', {
      project: 'versioned',
      attachment: 'text',
      attachment_type: 'text',
      categories: ['own'],
    });
    expect(overridden.body.params.categories).toEqual(['own']);
  });
});

describe('creation after a change to what a previous creation saw', () => {
  it('uses the new params version even right after creating tasks with the old one', async () => {
    await scale.post('/projects', { type: 'categorization', name: 'hot', params: { categories: ['old'] } });
    const before = await scale.post('/task/categorization', {
      project: 'hot',
      attachment: 'a',
      attachment_type: 'text',
    });
    expect(before.body.params.categories).toEqual(['old']);
    await scale.post('/projects/hot/setParams', { patch: true, categories: ['new'] });
    const after = await scale.post('/task/categorization', {
      project: 'hot',
      attachment: 'b',
      attachment_type: 'text',
    });
    expect(after.body.params.categories).toEqual(['new']);
  });

  it('accepts a task the old defaults made invalid once the new defaults make it valid', async () => {
    await scale.post('/projects', { type: 'categorization', name: 'hot-2', params: { categories: ['a'] } });
    await scale.post('/task/categorization', { project: 'hot-2', attachment: 'a', attachment_type: 'text' });
    await scale.post('/projects/hot-2/setParams', {
      patch: true,
      allow_multiple: true,
      categories: ['a', 'b'],
    });
    const created = await scale.post('/task/categorization', {
      project: 'hot-2',
      attachment: 'b',
      attachment_type: 'text',
    });
    expect(created.status).toBe(200);
    expect(created.body.params.allow_multiple).toBe(true);
  });

  it('reopens a batch completed since the previous creation', async () => {
    await scale.post('/projects', { type: 'categorization', name: 'reopen', params: { categories: ['a'] } });
    await scale.post('/batches', { project: 'reopen', name: 'reopen-1' });
    const first = await scale.post('/task/categorization', {
      batch: 'reopen-1',
      attachment: 'a',
      attachment_type: 'text',
    });
    await scale.post(`/task/${first.body.task_id}/cancel`);
    expect((await scale.get('/batches/reopen-1')).body.status).toBe('completed');
    const second = await scale.post('/task/categorization', {
      batch: 'reopen-1',
      attachment: 'b',
      attachment_type: 'text',
    });
    expect(second.status).toBe(200);
    expect((await scale.get('/batches/reopen-1')).body.status).toBe('in_progress');
  });
});

describe('batches', () => {
  beforeAll(async () => {
    await scale.post('/projects', {
      type: 'categorization',
      name: 'animals',
      params: { categories: ['cat', 'dog'] },
    });
  });

  it('creates a batch in progress, 409 on duplicates, gets, lists and counts statuses', async () => {
    const created = await scale.post('/batches', {
      project: 'animals',
      name: 'batch/1',
      callback: '',
      metadata: { week: 3 },
    });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({
      name: 'batch/1',
      project: 'animals',
      status: 'in_progress',
      metadata: { week: 3 },
    });
    expect(created.body.created_at).toBeDefined();
    expect((await scale.post('/batches', { project: 'animals', name: 'batch/1' })).status).toBe(409);
    const t1 = await scale.post('/task/categorization', {
      batch: 'batch/1',
      attachment: 'a',
      attachment_type: 'text',
    });
    expect(t1.body).toMatchObject({ project: 'animals', batch: 'batch/1' });
    await scale.post('/task/categorization', { batch: 'batch/1', attachment: 'b', attachment_type: 'text' });
    await scale.post(`/task/${t1.body.task_id}/cancel`);
    const status = await scale.get(`/batches/${encodeURIComponent('batch/1')}/status`);
    expect(status.body).toMatchObject({ status: 'in_progress', pending: 1, canceled: 1, completed: 0 });
    const listed = await scale.get('/batches?project=animals&limit=10');
    expect(listed.body).toMatchObject({ totalDocs: 1, limit: 10, offset: 0, has_more: false });
    expect((await scale.get('/batches/nope')).status).toBe(404);
  });

  it('moves a staging batch to in_progress on finalize and completes it when its tasks are terminal', async () => {
    const created = await scale.post('/batches', { project: 'animals', name: 'staged', staging_batch: true });
    expect(created.body.status).toBe('staging');
    const task = await scale.post('/task/categorization', {
      batch: 'staged',
      attachment: 'a',
      attachment_type: 'text',
    });
    const finalized = await scale.post('/batches/staged/finalize');
    expect(finalized.body.status).toBe('in_progress');
    await scale.post(`/task/${task.body.task_id}/cancel`);
    const done = await scale.get('/batches/staged');
    expect(done.body.status).toBe('completed');
    expect(done.body.completed_at).toBeDefined();
  });

  it('rejects a batch of another project and an unknown batch on task creation', async () => {
    await scale.post('/projects', { type: 'categorization', name: 'other', params: { categories: ['x'] } });
    const mismatch = await scale.post('/task/categorization', {
      project: 'other',
      batch: 'batch/1',
      attachment: 'a',
      attachment_type: 'text',
    });
    expect(mismatch.status).toBe(400);
    expect(mismatch.body.error).toContain('batch');
    expect(
      (await scale.post('/task/categorization', { batch: 'ghost', attachment: 'a', attachment_type: 'text' }))
        .status,
    ).toBe(400);
  });

  it('replaces batch metadata', async () => {
    await scale.post('/batches', { project: 'animals', name: 'meta' });
    const { body } = await scale.post('/batches/meta/setMetadata', { k: 'v' });
    expect(body.metadata).toEqual({ k: 'v' });
  });
});
