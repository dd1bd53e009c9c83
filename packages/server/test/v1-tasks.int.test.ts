import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { basic, createTestContext, scaleClient, type TestContext, type TestOrg } from './harness.ts';

const imageParams = {
  attachment: 'https://example.com/cow.jpg',
  attachment_type: 'image',
  geometries: { box: { objects_to_annotate: ['cow', 'calf'], min_width: 5, min_height: 5 } },
};

let ctx: TestContext;
let org: TestOrg;
let scale: ReturnType<typeof scaleClient>;

beforeAll(async () => {
  ctx = await createTestContext();
  org = await ctx.org();
  scale = scaleClient(ctx.app, org.liveKey);
  expect(
    (
      await scale.post('/projects', {
        type: 'imageannotation',
        name: 'cows',
        params: { instruction: 'Box every cow.' },
      })
    ).status,
  ).toBe(200);
});
afterAll(() => ctx.close());

describe('authentication', () => {
  it('refuses a missing key with 401 in Scale shape', async () => {
    const response = await ctx.app.inject({ method: 'GET', url: '/v1/tasks' });
    expect(response.statusCode).toBe(401);
    expect(response.json()).toMatchObject({ status_code: 401, error: expect.stringContaining('API key') });
  });

  it('refuses an unknown key', async () => {
    const response = await ctx.app.inject({
      method: 'GET',
      url: '/v1/tasks',
      headers: { authorization: basic('live_nope') },
    });
    expect(response.statusCode).toBe(401);
  });

  it('accepts Bearer as well as Basic', async () => {
    const response = await ctx.app.inject({
      method: 'GET',
      url: '/v1/projects',
      headers: { authorization: `Bearer ${org.liveKey}` },
    });
    expect(response.statusCode).toBe(200);
  });
});

describe('task creation', () => {
  it('creates a pending task with project defaults and the instruction appended', async () => {
    const { status, body } = await scale.post('/task/imageannotation', {
      project: 'cows',
      instruction: 'Look closely.',
      metadata: { frame: 1 },
      ...imageParams,
    });
    expect(status).toBe(200);
    expect(body.task_id).toMatch(/^[0-9a-f]{24}$/);
    expect(body).toMatchObject({
      type: 'imageannotation',
      status: 'pending',
      project: 'cows',
      instruction: 'Look closely.\n\nBox every cow.',
      metadata: { frame: 1 },
      is_test: false,
      priority: 20,
    });
    expect(body.params.geometries.box.objects_to_annotate).toEqual(['cow', 'calf']);
    expect(body).not.toHaveProperty('tags');
    expect(body).not.toHaveProperty('completed_at');
    expect(body.created_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
  });

  it('rejects invalid params with 400 naming the field path, and writes nothing', async () => {
    const before = (await scale.get('/tasks?project=cows&limit=1')).body.total;
    const { status, body } = await scale.post('/task/imageannotation', {
      project: 'cows',
      attachment: 'https://example.com/x.jpg',
      geometries: { box: { objects_to_annotate: ['cow'], min_width: 'wide' } },
    });
    expect(status).toBe(400);
    expect(body.error).toContain('geometries.box.min_width');
    expect((await scale.get('/tasks?project=cows&limit=1')).body.total).toBe(before);
  });

  it('rejects an unknown task type', async () => {
    const { status, body } = await scale.post('/task/teleportation', { attachment: 'x' });
    expect(status).toBe(400);
    expect(body.error).toContain('teleportation');
  });

  it('rejects a body that is not an object, malformed JSON and a wrong content type', async () => {
    expect((await scale.post('/task/imageannotation', [1, 2])).status).toBe(400);
    const malformed = await ctx.app.inject({
      method: 'POST',
      url: '/v1/task/imageannotation',
      headers: { authorization: basic(org.liveKey), 'content-type': 'application/json' },
      payload: '{"attachment": ',
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error).toContain('JSON');
    const xml = await ctx.app.inject({
      method: 'POST',
      url: '/v1/task/imageannotation',
      headers: { authorization: basic(org.liveKey), 'content-type': 'application/xml' },
      payload: '<task/>',
    });
    expect(xml.statusCode).toBe(415);
  });

  it('rejects a task whose type differs from its project', async () => {
    const { status, body } = await scale.post('/task/categorization', {
      project: 'cows',
      attachment: 'hello',
      attachment_type: 'text',
      categories: ['a', 'b'],
    });
    expect(status).toBe(400);
    expect(body.error).toContain('imageannotation');
  });

  it('puts a task without project into the type default project', async () => {
    const { status, body } = await scale.post('/task/categorization', {
      attachment: 'hello',
      attachment_type: 'text',
      categories: ['greeting', 'farewell'],
    });
    expect(status).toBe(200);
    expect(body.project).toBe('default-categorization');
  });

  it('answers 409 naming the existing task for a repeated unique_id', async () => {
    const first = await scale.post('/task/imageannotation', {
      project: 'cows',
      unique_id: 's3://b/f.png',
      ...imageParams,
    });
    expect(first.status).toBe(200);
    const second = await scale.post('/task/imageannotation', {
      project: 'cows',
      unique_id: 's3://b/f.png',
      ...imageParams,
    });
    expect(second.status).toBe(409);
    expect(second.body.error).toBe(
      `The unique_id ("s3://b/f.png") is already used for a different task (${first.body.task_id}).`,
    );
    const listed = await scale.get(`/tasks?unique_id=${encodeURIComponent('s3://b/f.png')}`);
    expect(listed.body.docs.map((t: { task_id: string }) => t.task_id)).toEqual([first.body.task_id]);
  });

  it('honours Idempotency-Key: a repeated key creates nothing and answers 409', async () => {
    const headers = { 'idempotency-key': 'req-123' };
    const first = await scale.post('/task/imageannotation', { project: 'cows', ...imageParams }, headers);
    expect(first.status).toBe(200);
    const before = (await scale.get('/tasks?project=cows&limit=1')).body.total;
    const second = await scale.post('/task/imageannotation', { project: 'cows', ...imageParams }, headers);
    expect(second.status).toBe(409);
    expect(second.body.error).toContain(first.body.task_id);
    expect((await scale.get('/tasks?project=cows&limit=1')).body.total).toBe(before);
  });

  it('accepts legacy form-encoded bodies with repeated keys and brackets', async () => {
    const form = new URLSearchParams();
    form.append('attachment', 'Is this a greeting?');
    form.append('attachment_type', 'text');
    form.append('categories', 'yes');
    form.append('categories', 'no');
    form.append('metadata[source]', 'legacy');
    const response = await ctx.app.inject({
      method: 'POST',
      url: '/v1/task/categorization',
      headers: { authorization: basic(org.liveKey), 'content-type': 'application/x-www-form-urlencoded' },
      payload: form.toString(),
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      params: { categories: ['yes', 'no'] },
      metadata: { source: 'legacy' },
    });
  });
});

describe('test keys', () => {
  it('auto-complete tasks with a valid placeholder answer: pending on create, completed on read', async () => {
    const test = scaleClient(ctx.app, org.testKey);
    expect((await test.post('/projects', { type: 'imageannotation', name: 'cows' })).status).toBe(200);
    const created = await test.post('/task/imageannotation', { project: 'cows', ...imageParams });
    expect(created.status).toBe(200);
    expect(created.body.status).toBe('pending');
    const fetched = await test.get(`/task/${created.body.task_id}`);
    expect(fetched.body).toMatchObject({ status: 'completed', is_test: true });
    expect(fetched.body.response).toHaveProperty('annotations');
    expect(fetched.body.completed_at).toBeDefined();
    const cancel = await test.post(`/task/${created.body.task_id}/cancel`);
    expect(cancel.status).toBe(400);
  });

  it('keep live and test data apart', async () => {
    const test = scaleClient(ctx.app, org.testKey);
    const live = await scale.post('/task/imageannotation', { project: 'cows', ...imageParams });
    expect((await test.get(`/task/${live.body.task_id}`)).status).toBe(404);
    const liveProjects = (await scale.get('/projects')).body as unknown as Array<{ name: string }>;
    const testProjects = (await test.get('/projects')).body as unknown as Array<{ name: string }>;
    expect(liveProjects.map((p) => p.name)).toContain('cows');
    expect(testProjects.length).toBeLessThan(liveProjects.length + 1);
  });
});

describe('task operations', () => {
  async function newTask(extra: Record<string, unknown> = {}) {
    const { body } = await scale.post('/task/imageannotation', { project: 'cows', ...imageParams, ...extra });
    return body.task_id as string;
  }

  it('gets a task and 404s an unknown or malformed id', async () => {
    const id = await newTask();
    expect((await scale.get(`/task/${id}`)).body.task_id).toBe(id);
    expect((await scale.get('/task/000000000000000000000000')).status).toBe(404);
    const bad = await scale.get('/task/not-an-id');
    expect(bad.status).toBe(404);
    expect(bad.body).toMatchObject({ status_code: 404 });
  });

  it('cancels a pending task, keeps its unique_id unless cleared, and refuses to cancel twice', async () => {
    const kept = await newTask({ unique_id: 'keep-me' });
    const canceled = await scale.post(`/task/${kept}/cancel`);
    expect(canceled.body).toMatchObject({ status: 'canceled', unique_id: 'keep-me' });
    const again = await scale.post(`/task/${kept}/cancel`);
    expect(again.status).toBe(400);
    expect(again.body.error).toContain('canceled');
    expect(
      (await scale.post('/task/imageannotation', { project: 'cows', unique_id: 'keep-me', ...imageParams }))
        .status,
    ).toBe(409);

    const cleared = await newTask({ unique_id: 'free-me' });
    const response = await scale.post(`/task/${cleared}/cancel?clear_unique_id=True`);
    expect(response.body.status).toBe('canceled');
    expect(response.body).not.toHaveProperty('unique_id');
    expect(
      (await scale.post('/task/imageannotation', { project: 'cows', unique_id: 'free-me', ...imageParams }))
        .status,
    ).toBe(200);
  });

  it('sets, renames and clears unique ids with 409 on conflict', async () => {
    const a = await newTask();
    const b = await newTask();
    expect((await scale.post(`/task/${a}/unique_id`, { unique_id: 'uid-a' })).body.unique_id).toBe('uid-a');
    const conflict = await scale.post(`/task/${b}/unique_id`, { unique_id: 'uid-a' });
    expect(conflict.status).toBe(409);
    expect(conflict.body.error).toContain(a);
    const cleared = await scale.delete(`/task/${a}/unique_id`);
    expect(cleared.status).toBe(200);
    expect(cleared.body).not.toHaveProperty('unique_id');
    expect((await scale.post(`/task/${b}/unique_id`, { unique_id: 'uid-a' })).status).toBe(200);
  });

  it('replaces metadata wholesale', async () => {
    const id = await newTask({ metadata: { a: 1 } });
    const { body } = await scale.post(`/task/${id}/setMetadata`, { b: 2 });
    expect(body.metadata).toEqual({ b: 2 });
    expect((await scale.post(`/task/${id}/setMetadata`, ['no'])).status).toBe(400);
  });

  it('sets, adds and deletes tags (DELETE with a JSON body)', async () => {
    const id = await newTask();
    expect((await scale.post(`/task/${id}/tags`, ['a', 'b'])).body.tags).toEqual(['a', 'b']);
    expect((await scale.put(`/task/${id}/tags`, ['b', 'c'])).body.tags).toEqual(['a', 'b', 'c']);
    expect((await scale.delete(`/task/${id}/tags`, ['a', 'zzz'])).body.tags).toEqual(['b', 'c']);
    expect((await scale.post(`/task/${id}/tags`, { tags: 'x' })).status).toBe(400);
  });

  it('records a customer audit only on completed tasks', async () => {
    const id = await newTask();
    const refused = await scale.post(`/task/${id}/audit`, { accepted: true });
    expect(refused.status).toBe(400);
    const test = scaleClient(ctx.app, org.testKey);
    const done = (await test.post('/task/imageannotation', { project: 'cows', ...imageParams })).body.task_id;
    const audited = await test.post(`/task/${done}/audit`, { accepted: false, comments: 'missed a calf' });
    expect(audited.status).toBe(200);
    expect(audited.body.audits).toEqual([
      expect.objectContaining({
        audit_result: 'rejected',
        audit_source: 'customer',
        comments: 'missed a calf',
      }),
    ]);
    const listed = await test.get('/tasks?project=cows&customer_review_status=rejected');
    expect(listed.body.docs.map((t: { task_id: string }) => t.task_id)).toEqual([done]);
  });
});

describe('listing tasks', () => {
  let listOrg: TestOrg;
  let client: ReturnType<typeof scaleClient>;
  const ids: string[] = [];

  beforeAll(async () => {
    listOrg = await ctx.org();
    client = scaleClient(ctx.app, listOrg.liveKey);
    await client.post('/projects', { type: 'categorization', name: 'a bc/def' });
    for (let i = 0; i < 7; i++) {
      const { body } = await client.post('/task/categorization', {
        project: 'a bc/def',
        attachment: `text ${i}`,
        attachment_type: 'text',
        categories: ['x', 'y'],
        tags: i % 2 === 0 ? ['even'] : ['odd'],
      });
      ids.unshift(body.task_id);
    }
  });

  it('pages by next_token until has_more is false, newest first, total counting all', async () => {
    const seen: string[] = [];
    let token: string | undefined;
    for (let guard = 0; guard < 10; guard++) {
      const query = `/tasks?project=${encodeURIComponent('a bc/def')}&limit=3${token ? `&next_token=${token}` : ''}`;
      const { status, body } = await client.get(query);
      expect(status).toBe(200);
      expect(body.total).toBe(7);
      seen.push(...body.docs.map((t: { task_id: string }) => t.task_id));
      expect(Boolean(body.next_token)).toBe(body.has_more);
      if (!body.has_more) break;
      token = body.next_token;
    }
    // One page holding everything gives the reference order (tasks created in the same millisecond
    // order by id); token pages must reproduce it exactly, and hold every created task once.
    const all = (
      await client.get(`/tasks?project=${encodeURIComponent('a bc/def')}&limit=100`)
    ).body.docs.map((t: { task_id: string }) => t.task_id);
    expect([...all].sort()).toEqual([...ids].sort());
    expect(seen).toEqual(all);
  });

  it('pages by offset', async () => {
    const { body } = await client.get(`/tasks?project=${encodeURIComponent('a bc/def')}&limit=5&offset=5`);
    const all = (
      await client.get(`/tasks?project=${encodeURIComponent('a bc/def')}&limit=100`)
    ).body.docs.map((t: { task_id: string }) => t.task_id);
    expect(body.docs.map((t: { task_id: string }) => t.task_id)).toEqual(all.slice(5));
    expect(body).toMatchObject({ has_more: false, offset: 5, limit: 5 });
  });

  it('filters by repeated tags, status, type and dates in several spellings', async () => {
    const odd = await client.get('/tasks?tags=odd');
    expect(odd.body.total).toBe(3);
    const both = await client.get('/tasks?tags=odd&tags=even&status=pending&type=categorization');
    expect(both.body.total).toBe(7);
    expect((await client.get('/tasks?status=completed')).body.total).toBe(0);
    for (const start of [
      '2020-09-08',
      '2020-09-08 10:11:12.123456',
      '2020-09-08T10:11:12.123Z',
      '2020-09-08T03:04:05.000000+0000',
    ]) {
      expect((await client.get(`/tasks?start_time=${encodeURIComponent(start)}`)).body.total).toBe(7);
    }
    expect((await client.get(`/tasks?end_time=2020-01-01`)).body.total).toBe(0);
  });

  it('answers 400 for bad filters and a forged token', async () => {
    const date = await client.get('/tasks?start_time=yesterday');
    expect(date.status).toBe(400);
    expect(date.body.error).toContain('start_time');
    expect((await client.get('/tasks?limit=500')).status).toBe(400);
    expect((await client.get('/tasks?status=done')).status).toBe(400);
    expect((await client.get('/tasks?next_token=abc')).status).toBe(400);
  });

  it('returns limited responses', async () => {
    const { body } = await client.get('/tasks?limit=1&limited_response=true');
    expect(Object.keys(body.docs[0]).sort()).toEqual(['metadata', 'project', 'status', 'task_id']);
  });

  it('tolerates a JSON content type on GET with no body (Python client)', async () => {
    const response = await ctx.app.inject({
      method: 'GET',
      url: '/v1/tasks?limit=1',
      headers: { authorization: basic(listOrg.liveKey), 'content-type': 'application/json' },
    });
    expect(response.statusCode).toBe(200);
  });
});
