import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readNdjson } from '../src/routes/api/ndjson.ts';
import {
  type Body,
  callApi,
  createTestContext,
  errorPaths,
  type TestContext,
  type TestOrg,
} from './harness.ts';

let ctx: TestContext;
let org: TestOrg;

const api = (method: 'GET' | 'POST', url: string, payload?: unknown) =>
  callApi(ctx.app, org.liveKey, method, url, payload);
const paths = errorPaths;

async function importTasks(query: string, ndjson: string, contentType = 'application/x-ndjson') {
  const response = await ctx.app.inject({
    method: 'POST',
    url: `/api/tasks/import?${query}`,
    headers: { authorization: `Bearer ${org.liveKey}`, 'content-type': contentType },
    payload: ndjson,
  });
  return { status: response.statusCode, body: response.json() as Body };
}

const task = (i: number) => ({ attachment: `text ${i}`, attachment_type: 'text', metadata: { i } });
const ndjson = (bodies: unknown[]) => bodies.map((b) => JSON.stringify(b)).join('\n');

beforeAll(async () => {
  ctx = await createTestContext();
  org = await ctx.org();
  await api('POST', '/projects', {
    name: 'words',
    type: 'categorization',
    params: { categories: ['a', 'b'] },
  });
  await api('POST', '/batches', { project: 'words', name: 'words-1' });
  await api('POST', '/batches', { project: 'words', name: 'bulk' });
  await api('POST', '/batches', { project: 'words', name: 'all-or-nothing' });
});
afterAll(() => ctx.close());

describe('GET /api/tasks', () => {
  let ids: string[] = [];

  beforeAll(async () => {
    const imported = await importTasks(
      'type=categorization&batch=words-1',
      `${ndjson([task(1), task(2)])}\n\n${JSON.stringify(task(3))}\n`,
    );
    expect(imported.status).toBe(200);
    expect(imported.body.created).toBe(3);
    ids = (await api('GET', '/tasks?batch=words-1')).body.items.map((t: Body) => t.id);
  });

  it('lists tasks with filters and pages through them with a cursor', async () => {
    const first = await api('GET', '/tasks?batch=words-1&status=pending&type=categorization&limit=2');
    expect(first.status).toBe(200);
    expect(first.body.total).toBe(3);
    expect(first.body.items).toHaveLength(2);
    expect(first.body.items[0]).toMatchObject({
      project: 'words',
      batch: 'words-1',
      status: 'pending',
      tags: [],
    });
    const second = await api('GET', `/tasks?batch=words-1&limit=2&cursor=${first.body.nextCursor}`);
    expect(second.body.items).toHaveLength(1);
    expect(second.body.nextCursor).toBeNull();
    const seen = [...first.body.items, ...second.body.items].map((t: Body) => t.id);
    expect(new Set(seen)).toEqual(new Set(ids));

    const future = await api(
      'GET',
      `/tasks?batch=words-1&createdAfter=${new Date(Date.now() + 60_000).toISOString()}`,
    );
    expect(future.body.total).toBe(0);
    const past = await api('GET', '/tasks?batch=words-1&createdAfter=2020-01-01');
    expect(past.body.total).toBe(3);
  });

  it('returns one task by id', async () => {
    const one = await api('GET', `/tasks/${ids[0]}`);
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject({
      id: ids[0],
      type: 'categorization',
      params: { categories: ['a', 'b'] },
    });
    expect((await api('GET', '/tasks/000000000000000000000000')).status).toBe(404);
    expect((await api('GET', '/tasks/not-an-id')).status).toBe(404);
  });

  it('names the bad field of a bad query', async () => {
    for (const [query, field] of [
      ['status=done', 'status'],
      ['limit=101', 'limit'],
      ['createdAfter=yesterday', 'createdAfter'],
      ['cursor=garbage', 'cursor'],
    ] as const) {
      const bad = await api('GET', `/tasks?${query}`);
      expect(bad.status, query).toBe(400);
      expect(paths(bad.body), query).toEqual([field]);
    }
    expect((await api('GET', '/tasks?project=nope')).status).toBe(404);
  });
});

describe('POST /api/tasks/import', () => {
  it('rejects a bad JSON line, naming its line number', async () => {
    const bad = await importTasks('type=categorization&project=words', `${JSON.stringify(task(1))}\n{oops\n`);
    expect(bad.status).toBe(400);
    expect(paths(bad.body)).toEqual(['line 2']);
  });

  it('writes nothing when one line of 1,000 is invalid, and names that line', async () => {
    const bodies: unknown[] = Array.from({ length: 1000 }, (_, i) => task(i));
    bodies[499] = { attachment_type: 'text' };
    const bad = await importTasks('type=categorization&batch=all-or-nothing', ndjson(bodies));
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('invalid_request');
    expect(bad.body.details[0].message).toContain('attachment');
    expect(paths(bad.body)).toEqual(['line 500']);
    expect((await api('GET', '/tasks?batch=all-or-nothing')).body.total).toBe(0);
  });

  it('rolls back rows already streamed when a late line is invalid', async () => {
    const bodies: unknown[] = Array.from({ length: 5000 }, (_, i) => task(i));
    bodies[4499] = { ...task(4499), priority: 'high' };
    bodies[4699] = { ...task(4699), unique_id: '' };
    const bad = await importTasks('type=categorization&batch=all-or-nothing', ndjson(bodies));
    expect(bad.status).toBe(400);
    expect(paths(bad.body)).toEqual(['line 4500', 'line 4700']);
    expect((await api('GET', '/tasks?batch=all-or-nothing')).body.total).toBe(0);
  });

  it('refuses attachments that name no uploaded file, naming the line', async () => {
    const bodies = [
      task(1),
      { ...task(2), attachment: 'groundwork://files/0123456789abcdef01234567', attachment_type: 'image' },
    ];
    const bad = await importTasks('type=categorization&batch=all-or-nothing', ndjson(bodies));
    expect(bad.status).toBe(400);
    expect(paths(bad.body)).toEqual(['line 2']);
    expect((await api('GET', '/tasks?batch=all-or-nothing')).body.total).toBe(0);
  });

  it('creates every task of 10,000 lines', async () => {
    const bodies = Array.from({ length: 10_000 }, (_, i) => ({ ...task(i), unique_id: `bulk-${i}` }));
    const done = await importTasks('type=categorization&batch=bulk', ndjson(bodies));
    expect(done.status).toBe(200);
    expect(done.body.created).toBe(10_000);
    const first = await api('GET', `/tasks/${done.body.firstTaskId}`);
    expect(first.body).toMatchObject({ uniqueId: 'bulk-0', metadata: { i: 0 }, batch: 'bulk' });
    expect((await api('GET', `/tasks/${done.body.lastTaskId}`)).body.uniqueId).toBe('bulk-9999');
    expect((await api('GET', '/tasks?batch=bulk&limit=1')).body.total).toBe(10_000);
    expect((await api('GET', '/batches/bulk')).body.taskCounts.pending).toBe(10_000);

    const again = await importTasks('type=categorization&batch=bulk', ndjson(bodies.slice(0, 2)));
    expect(again.status).toBe(400);
    expect(paths(again.body)).toEqual(['line 1', 'line 2']);
  });

  it('names the bad field of a bad request', async () => {
    const badType = await importTasks('type=nope', ndjson([task(1)]));
    expect(badType.status).toBe(400);
    expect(paths(badType.body)).toEqual(['type']);
    const noType = await importTasks('project=words', ndjson([task(1)]));
    expect(paths(noType.body)).toEqual(['type']);
    const noBatch = await importTasks('type=categorization&batch=nope', ndjson([task(1)]));
    expect(noBatch.status).toBe(400);
    expect(noBatch.body.details[0]).toMatchObject({ path: 'line 1' });
    expect(noBatch.body.message).toContain('batch');
    const empty = await importTasks('type=categorization&project=words', '\n\n');
    expect(empty.status).toBe(400);
    const json = await importTasks('type=categorization', JSON.stringify([task(1)]), 'application/json');
    expect(json.status).toBe(415);
  });
});

describe('readNdjson', () => {
  it('refuses a body over the byte limit', async () => {
    const body = Readable.from([Buffer.from(`${'{"a":1}\n'.repeat(1000)}`)]);
    await expect(readNdjson(body, { maxBytes: 1024, maxLines: 10 ** 6 })).rejects.toMatchObject({
      status: 413,
    });
  });

  it('refuses more lines than the line limit', async () => {
    const body = Readable.from(['{}\n{}\n{}\n']);
    await expect(readNdjson(body, { maxBytes: 10 ** 6, maxLines: 2 })).rejects.toMatchObject({ status: 413 });
  });

  it('numbers lines counting blank ones, across chunk boundaries and CRLF', async () => {
    const body = Readable.from(['{"a":', '1}\r\n\r\n', '{"b":2}']);
    expect(await readNdjson(body, { maxBytes: 10 ** 6, maxLines: 10 })).toEqual([
      { line: 1, body: { a: 1 } },
      { line: 3, body: { b: 2 } },
    ]);
  });
});
