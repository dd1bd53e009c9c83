/** No input makes the server answer 500: arbitrary bodies, queries and paths on every /v1 route family. */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { basic, createTestContext, type TestContext, type TestOrg } from './harness.ts';

const TYPES = [
  'imageannotation',
  'categorization',
  'comparison',
  'textcollection',
  'namedentityrecognition',
  'transcription',
  'datacollection',
  'pairwisepreference',
  'ranking',
  'demonstration',
];

let ctx: TestContext;
let org: TestOrg;
let taskId: string;

beforeAll(async () => {
  ctx = await createTestContext();
  org = await ctx.org();
  const response = await ctx.app.inject({
    method: 'POST',
    url: '/v1/task/categorization',
    headers: { authorization: basic(org.liveKey), 'content-type': 'application/json' },
    payload: { attachment: 'x', attachment_type: 'text', categories: ['a', 'b'] },
  });
  taskId = response.json().task_id;
});
afterAll(() => ctx.close());

/** JSON values biased toward the shapes task params use. */
const body = fc.oneof(
  fc.jsonValue(),
  fc.dictionary(
    fc.constantFrom(
      'attachment',
      'attachment_type',
      'geometries',
      'categories',
      'fields',
      'project',
      'batch',
      'metadata',
      'tags',
      'unique_id',
      'priority',
      'callback_url',
      'labels',
      'text',
      'responses',
      'prompt',
      'expected_response',
    ),
    fc.oneof(fc.jsonValue(), fc.string({ unit: 'binary' }), fc.array(fc.string({ unit: 'binary' }))),
  ),
);

async function send(method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: unknown) {
  const response = await ctx.app.inject({
    method,
    url,
    headers: {
      authorization: basic(org.liveKey),
      ...(payload !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    ...(payload !== undefined ? { payload: JSON.stringify(payload) } : {}),
  });
  return response;
}

describe('bad input never yields a 500', () => {
  it('task creation of every type', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...TYPES), body, async (type, payload) => {
        const response = await send('POST', `/v1/task/${type}`, payload);
        expect(response.statusCode, response.body).toBeLessThan(500);
        if (response.statusCode !== 200)
          expect(response.json()).toMatchObject({
            status_code: response.statusCode,
            error: expect.any(String),
          });
      }),
      { numRuns: 150 },
    );
  });

  it('task operations, batches, projects and gold', async () => {
    const routes: Array<['POST' | 'PUT' | 'DELETE', string]> = [
      ['POST', `/v1/task/${taskId}/setMetadata`],
      ['POST', `/v1/task/${taskId}/tags`],
      ['PUT', `/v1/task/${taskId}/tags`],
      ['DELETE', `/v1/task/${taskId}/tags`],
      ['POST', `/v1/task/${taskId}/unique_id`],
      ['POST', `/v1/task/${taskId}/audit`],
      ['POST', '/v1/batches'],
      ['POST', '/v1/projects'],
      ['POST', '/v1/projects/nope/setParams'],
      ['POST', '/v1/evaluation_tasks/categorization'],
      ['POST', '/v1/files/import'],
    ];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...routes), body, async ([method, url], payload) => {
        const response = await send(method, url, payload);
        expect(response.statusCode, `${method} ${url} ${response.body}`).toBeLessThan(500);
      }),
      { numRuns: 150 },
    );
  });

  it('list queries and path segments', async () => {
    const query = fc.dictionary(
      fc.constantFrom(
        'start_time',
        'end_time',
        'status',
        'limit',
        'offset',
        'next_token',
        'project',
        'batch',
        'tags',
        'unique_id',
        'limited_response',
        'customer_review_status',
      ),
      fc.string(),
    );
    await fc.assert(
      fc.asyncProperty(query, fc.string(), async (q, segment) => {
        const search = new URLSearchParams(q).toString();
        for (const url of [
          `/v1/tasks?${search}`,
          `/v1/batches?${search}`,
          `/v1/task/${encodeURIComponent(segment)}`,
          `/v1/batches/${encodeURIComponent(segment)}/status`,
          `/v1/projects/${encodeURIComponent(segment)}`,
        ]) {
          const response = await send('GET', url);
          expect(response.statusCode, `${url} ${response.body}`).toBeLessThan(500);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('raw garbage bodies and content types', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string(),
        fc.constantFrom(
          'application/json',
          'application/x-www-form-urlencoded',
          'text/plain',
          'multipart/form-data',
        ),
        async (raw, type) => {
          const response = await ctx.app.inject({
            method: 'POST',
            url: '/v1/task/categorization',
            headers: { authorization: basic(org.liveKey), 'content-type': type },
            payload: raw,
          });
          expect(response.statusCode, response.body).toBeLessThan(500);
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe('limits', () => {
  it('refuses an oversize JSON body with 413 and writes nothing', async () => {
    const small = await createTestContext({ GROUNDWORK_MAX_BODY_BYTES: '4096' });
    try {
      const o = await small.org();
      const response = await small.app.inject({
        method: 'POST',
        url: '/v1/task/categorization',
        headers: { authorization: basic(o.liveKey), 'content-type': 'application/json' },
        payload: JSON.stringify({
          attachment: 'x'.repeat(10_000),
          attachment_type: 'text',
          categories: ['a'],
        }),
      });
      expect(response.statusCode).toBe(413);
      expect(response.json()).toMatchObject({
        status_code: 413,
        error: expect.stringContaining('too large'),
      });
      const listed = await small.app.inject({
        method: 'GET',
        url: '/v1/tasks',
        headers: { authorization: basic(o.liveKey) },
      });
      expect(listed.json().total).toBe(0);
    } finally {
      await small.close();
    }
  });
});

describe('characters PostgreSQL cannot store: NUL and unpaired surrogates', () => {
  it('are refused with a 400 wherever they arrive, and nothing is written', async () => {
    const headers = { authorization: basic(org.liveKey) };
    const count = async () =>
      (await ctx.app.inject({ method: 'GET', url: '/v1/tasks?limit=1', headers })).json().total as number;
    const before = await count();
    const cases = [
      {
        method: 'POST',
        url: '/v1/task/categorization',
        json: { attachment: 'x', attachment_type: 'text', categories: ['a'], metadata: { a: 'b\u0000c' } },
      },
      {
        method: 'POST',
        url: '/v1/task/categorization',
        json: { attachment: 'x\u0000', attachment_type: 'text', categories: ['a'] },
      },
      { method: 'POST', url: '/v1/projects', json: { type: 'categorization', name: 'n\u0000' } },
      { method: 'POST', url: `/v1/task/${taskId}/tags`, json: ['a\u0000'] },
      {
        method: 'POST',
        url: '/v1/task/categorization',
        json: { attachment: 'x', attachment_type: 'text', categories: ['a'], metadata: { a: 'b\ud800c' } },
      },
      {
        method: 'POST',
        url: '/v1/task/categorization',
        json: { attachment: 'x\udc00', attachment_type: 'text', categories: ['a'] },
      },
      { method: 'GET', url: '/v1/projects/a%00b' },
      { method: 'GET', url: '/v1/tasks?project=a%00' },
    ] as const;
    for (const c of cases) {
      const response = await ctx.app.inject({
        method: c.method,
        url: c.url,
        headers: { ...headers, ...('json' in c ? { 'content-type': 'application/json' } : {}) },
        ...('json' in c ? { payload: JSON.stringify(c.json) } : {}),
      });
      expect(response.statusCode, `${c.method} ${c.url}: ${response.body}`).toBe(400);
      expect(response.json().error).toMatch(/NUL|surrogate/);
    }
    const form = await ctx.app.inject({
      method: 'POST',
      url: '/v1/task/categorization',
      headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'attachment=x%00&attachment_type=text&categories=a',
    });
    expect(form.statusCode).toBe(400);
    const boundary = 'nul';
    const upload = await ctx.app.inject({
      method: 'POST',
      url: '/v1/files/upload',
      headers: { ...headers, 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: `--${boundary}\r\nContent-Disposition: form-data; name="display_name"\r\n\r\na\u0000b\r\n--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\nContent-Type: text/plain\r\n\r\nhello\r\n--${boundary}--\r\n`,
    });
    expect(upload.statusCode).toBe(400);
    const imported = await ctx.app.inject({
      method: 'POST',
      url: '/api/tasks/import?type=categorization',
      headers: { authorization: `Bearer ${org.liveKey}`, 'content-type': 'application/x-ndjson' },
      payload: `${JSON.stringify({ attachment: 'ok', attachment_type: 'text', categories: ['a'] })}\n${JSON.stringify({ attachment: 'x\u0000', attachment_type: 'text', categories: ['a'] })}\n`,
    });
    expect(imported.statusCode).toBe(400);
    expect(imported.json().details).toEqual([expect.objectContaining({ path: 'line 2' })]);
    expect(await count()).toBe(before);
  });
});
