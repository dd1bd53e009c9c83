import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext, type TestOrg } from './harness.ts';

let ctx: TestContext;
let a: TestOrg;
let b: TestOrg;
let taskId: string;
let fileId: string;
let keyId: string;

function as(key: string) {
  return async (method: 'GET' | 'POST' | 'DELETE', url: string, payload?: unknown, contentType?: string) => {
    const response = await ctx.app.inject({
      method,
      url: `/api${url}`,
      headers: {
        authorization: `Bearer ${key}`,
        ...(payload !== undefined ? { 'content-type': contentType ?? 'application/json' } : {}),
      },
      ...(payload !== undefined
        ? { payload: typeof payload === 'string' ? payload : JSON.stringify(payload) }
        : {}),
    });
    // biome-ignore lint/suspicious/noExplicitAny: response bodies are arbitrary JSON that tests walk freely.
    return { status: response.statusCode, body: response.json() as Record<string, any> };
  };
}

beforeAll(async () => {
  ctx = await createTestContext();
  a = await ctx.org();
  b = await ctx.org();
  const apiA = as(a.liveKey);
  await apiA('POST', '/projects', {
    name: 'secret',
    type: 'categorization',
    params: { categories: ['x', 'y'] },
  });
  await apiA('POST', '/batches', { project: 'secret', name: 'secret-batch' });
  const imported = await apiA(
    'POST',
    '/tasks/import?type=categorization&batch=secret-batch',
    JSON.stringify({ attachment: 'PII', attachment_type: 'text' }),
    'application/x-ndjson',
  );
  taskId = imported.body.firstTaskId;
  const boundary = 'iso';
  const upload = await ctx.app.inject({
    method: 'POST',
    url: '/api/files',
    headers: {
      authorization: `Bearer ${a.liveKey}`,
      'content-type': `multipart/form-data; boundary=${boundary}`,
    },
    payload: `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="s.txt"\r\nContent-Type: text/plain\r\n\r\nsecret\r\n--${boundary}--\r\n`,
  });
  fileId = upload.json().id;
  keyId = (await apiA('GET', '/api-keys')).body.items[0].id;
});
afterAll(() => ctx.close());

describe('tenant isolation on /api', () => {
  it("does not return another org's project, batch, task, file or API key: 404", async () => {
    const apiB = as(b.liveKey);
    expect((await apiB('GET', '/projects/secret')).status).toBe(404);
    expect((await apiB('GET', '/projects/secret/param-history')).status).toBe(404);
    expect((await apiB('POST', '/projects/secret/params', { params: {} })).status).toBe(404);
    expect((await apiB('GET', '/batches/secret-batch')).status).toBe(404);
    expect((await apiB('POST', '/batches/secret-batch/finalize')).status).toBe(404);
    expect((await apiB('GET', `/tasks/${taskId}`)).status).toBe(404);
    expect((await apiB('GET', `/files/${fileId}`)).status).toBe(404);
    expect((await apiB('GET', `/files/${fileId}/content`)).status).toBe(404);
    expect((await apiB('DELETE', `/api-keys/${keyId}`)).status).toBe(404);
    expect((await apiB('GET', '/tasks?project=secret')).status).toBe(404);
    expect((await apiB('GET', '/batches?project=secret')).status).toBe(404);
  });

  it("lists none of another org's things", async () => {
    const apiB = as(b.liveKey);
    expect((await apiB('GET', '/projects')).body.items).toEqual([]);
    expect((await apiB('GET', '/batches')).body.total).toBe(0);
    expect((await apiB('GET', '/tasks')).body.total).toBe(0);
    const keys = (await apiB('GET', '/api-keys')).body.items as { id: string }[];
    expect(keys.map((k) => k.id)).not.toContain(keyId);
    expect((await apiB('GET', '/org')).body.id).toBe(b.id);
  });

  it("cannot import tasks into another org's batch", async () => {
    const apiB = as(b.liveKey);
    const bad = await apiB(
      'POST',
      '/tasks/import?type=categorization&batch=secret-batch',
      JSON.stringify({ attachment: 'x', attachment_type: 'text' }),
      'application/x-ndjson',
    );
    expect(bad.status).toBe(400);
    expect((await as(a.liveKey)('GET', '/batches/secret-batch')).body.taskCounts.pending).toBe(1);
  });

  it("keeps a test key out of the live environment's data", async () => {
    expect((await as(a.testKey)('GET', '/projects/secret')).status).toBe(404);
    expect((await as(a.testKey)('GET', `/tasks/${taskId}`)).status).toBe(404);
  });
});
