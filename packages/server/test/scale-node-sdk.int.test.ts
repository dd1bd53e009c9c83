/**
 * Contract test: Scale's official Node SDK (`scaleapi` 2.3), its hard-coded base URL redirected to a
 * Groundwork server listening on loopback, creates, fetches, lists and cancels tasks unchanged.
 */
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext, type TestOrg } from './harness.ts';

const require = createRequire(import.meta.url);
const SCALE_HOST = 'https://api.scaleapi.com/v1/';

interface ScaleTask {
  id: string;
  task_id: string;
  status: string;
  [key: string]: unknown;
}
interface ScaleClient {
  createTask(
    type: string,
    params: unknown,
    cb: (err: { message: string; errcode: number } | null, task: ScaleTask) => void,
  ): void;
  fetchTask(id: string, cb: (err: unknown, task: ScaleTask) => void): void;
  cancelTask(
    id: string,
    cb: (err: { message: string; errcode: number } | null, task: ScaleTask) => void,
  ): void;
  tasks(
    params: Record<string, unknown>,
    cb: (err: unknown, page: { docs: ScaleTask[]; total: number; has_more: boolean }) => void,
  ): void;
}

let ctx: TestContext;
let org: TestOrg;
let client: ScaleClient;
let requests = 0;

function call<T>(fn: (cb: (err: unknown, value: T) => void) => void): Promise<T> {
  return new Promise((resolve, reject) => fn((err, value) => (err ? reject(err) : resolve(value))));
}

beforeAll(async () => {
  ctx = await createTestContext();
  org = await ctx.org();
  await ctx.app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(ctx.app.server.address() as AddressInfo).port}/v1/`;
  // The SDK calls request.get/post with its hard-coded host; point those calls at the local server.
  const request = require(require.resolve('request', { paths: [require.resolve('scaleapi')] })) as Record<
    string,
    (options: { url: string }, cb: unknown) => unknown
  >;
  for (const method of ['get', 'post'] as const) {
    const original = request[method];
    if (!original) throw new Error(`request.${method} missing`);
    request[method] = (options, cb) => {
      expect(options.url.startsWith(SCALE_HOST)).toBe(true);
      requests++;
      return original.call(request, { ...options, url: base + options.url.slice(SCALE_HOST.length) }, cb);
    };
  }
  const { ScaleClient } = require('scaleapi') as { ScaleClient: new (key: string) => ScaleClient };
  client = new ScaleClient(org.liveKey);
});
afterAll(() => ctx.close());

describe("Scale's Node SDK against Groundwork", () => {
  it('creates, fetches, lists and cancels tasks', async () => {
    const created = await call<ScaleTask>((cb) =>
      client.createTask(
        'imageannotation',
        {
          attachment: 'https://example.com/street.jpg',
          attachment_type: 'image',
          instruction: 'Draw a box around every car.',
          geometries: { box: { objects_to_annotate: ['car', 'pedestrian'], min_width: 10, min_height: 10 } },
          metadata: { camera: 'front' },
        },
        cb,
      ),
    );
    expect(created.id).toMatch(/^[0-9a-f]{24}$/);
    expect(created.status).toBe('pending');

    const fetched = await call<ScaleTask>((cb) => client.fetchTask(created.id, cb));
    expect(fetched).toMatchObject({
      task_id: created.id,
      type: 'imageannotation',
      metadata: { camera: 'front' },
    });

    const second = await call<ScaleTask>((cb) =>
      client.createTask(
        'categorization',
        { attachment: 'Is this spam?', attachment_type: 'text', categories: ['spam', 'ham'] },
        cb,
      ),
    );
    const page = await call<{ docs: ScaleTask[]; total: number; has_more: boolean }>((cb) =>
      client.tasks({ limit: 1, offset: 0, status: 'pending' }, cb),
    );
    expect(page.total).toBe(2);
    expect(page.has_more).toBe(true);
    const rest = await call<{ docs: ScaleTask[] }>((cb) => client.tasks({ limit: 1, offset: 1 }, cb));
    // Two pages of one: both tasks, each once (tasks created in the same millisecond order by id).
    expect([...page.docs, ...rest.docs].map((t) => t.id).sort()).toEqual([created.id, second.id].sort());

    const canceled = await call<ScaleTask>((cb) => client.cancelTask(created.id, cb));
    expect(canceled.status).toBe('canceled');
    expect(requests).toBeGreaterThanOrEqual(6);
  });

  it('surfaces Groundwork errors through the SDK error object', async () => {
    const error = await call<ScaleTask>((cb) =>
      client.createTask(
        'imageannotation',
        { attachment: 'https://example.com/a.jpg', geometries: { box: { min_width: -1 } } },
        cb,
      ),
    ).then(
      () => null,
      (e: { message: string; errcode: number }) => e,
    );
    expect(error?.errcode).toBe(400);
    expect(error?.message).toContain('geometries.box');
    const missing = await call<ScaleTask>((cb) => client.cancelTask('0123456789abcdef01234567', cb)).then(
      () => null,
      (e: { errcode: number }) => e,
    );
    expect(missing?.errcode).toBe(404);
  });
});
