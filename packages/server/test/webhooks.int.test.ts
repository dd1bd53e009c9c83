import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../src/db/database.ts';
import { createJobRunner, type JobRunner } from '../src/jobs/index.ts';
import { verifySignatureHeader } from '../src/lib/crypto.ts';
import {
  type Body,
  callApi,
  createTestContext,
  scaleClient,
  type TestContext,
  type TestOrg,
} from './harness.ts';
import { startWebhookReceiver, type WebhookReceiver } from './webhook-receiver.ts';

const MAX_ATTEMPTS = 5;
const silent = { info() {}, warn() {}, error() {} };

let ctx: TestContext;
let org: TestOrg;
let other: TestOrg;
let runner: JobRunner;
let receiver: WebhookReceiver;
let healed = false;

/** Paths under /fail-3 fail three times, /never always fails (until `healed`), the rest succeed. */
function answer(path: string, n: number): number {
  if (path.startsWith('/fail-3')) return n <= 3 ? 500 : 200;
  if (path.startsWith('/never')) return healed ? 200 : 503;
  return 200;
}

const scale = () => scaleClient(ctx.app, org.testKey);
const api = (method: 'GET' | 'POST', url: string, key = org.testKey) => callApi(ctx.app, key, method, url);

async function createTestTask(callbackPath: string, extra: Record<string, unknown> = {}): Promise<string> {
  const created = await scale().post('/task/categorization', {
    attachment: 'Is this a cat?',
    attachment_type: 'text',
    categories: ['cat', 'dog'],
    callback_url: `${receiver.url}${callbackPath}`,
    ...extra,
  });
  expect(created.status).toBe(200);
  return created.body.task_id as string;
}

/** Polls the delivery list until `predicate` holds for the task's deliveries. */
async function deliveriesOf(taskId: string, predicate: (items: Body[]) => boolean): Promise<Body[]> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const { body } = await api('GET', `/deliveries?taskId=${taskId}`);
    if (predicate(body.items)) return body.items;
    if (Date.now() > deadline) throw new Error(`deliveries of ${taskId}: ${JSON.stringify(body.items)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

beforeAll(async () => {
  ctx = await createTestContext({ GROUNDWORK_ALLOW_PRIVATE_NETWORK: 'true' });
  org = await ctx.org();
  other = await ctx.org();
  receiver = await startWebhookReceiver(answer);
  runner = createJobRunner({
    db: ctx.db,
    config: ctx.config,
    log: silent,
    deliverySchedule: { maxAttempts: MAX_ATTEMPTS, delayMs: () => 50 },
    deliveryRelayEveryMs: 50,
    pollingIntervalSeconds: 0.5,
  });
  await runner.start();
});

afterAll(async () => {
  await runner?.stop();
  await receiver?.close();
  await ctx?.close();
});

describe('task callbacks', () => {
  it('retries a receiver that fails 3 times and delivers on the 4th attempt, signed and authenticated', async () => {
    const taskId = await createTestTask('/fail-3');
    const requests = await receiver.waitFor('/fail-3', 4);
    const [delivery] = await deliveriesOf(taskId, (items) => items[0]?.status === 'succeeded');

    // The API shows the secrets once; the delivery worker's own read gives them in clear.
    const secrets = { body: await ctx.app.services.webhookSecrets.forOrg(org.id) };
    for (const request of requests) {
      expect(request.headers['content-type']).toBe('application/json');
      expect(request.headers['scale-callback-auth']).toBe(secrets.body.callbackAuthKey);
      expect(request.headers['x-groundwork-delivery']).toBe(delivery?.id);
      expect(request.headers['x-groundwork-event']).toBe('task.completed');
      const signature = String(request.headers['x-groundwork-signature']);
      expect(signature).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
      expect(verifySignatureHeader(secrets.body.signingSecret, signature, request.body)).toBe(true);
      expect(verifySignatureHeader(secrets.body.signingSecret, signature, `${request.body} `)).toBe(false);
    }
    const body = JSON.parse(requests[3]?.body ?? '{}');
    expect(body).toMatchObject({ task_id: taskId, status: 'completed' });
    expect(body.response).toEqual(body.task.response);
    expect(body.task).toMatchObject({
      task_id: taskId,
      status: 'completed',
      callback_url: `${receiver.url}/fail-3`,
    });

    const detail = await api('GET', `/deliveries/${delivery?.id}`);
    expect(detail.status).toBe(200);
    expect(detail.body).toMatchObject({
      status: 'succeeded',
      attemptCount: 4,
      taskId,
      event: 'task.completed',
    });
    expect(detail.body.attempts.map((a: Body) => a.statusCode)).toEqual([500, 500, 500, 200]);
    expect(detail.body.attempts.map((a: Body) => a.attempt)).toEqual([1, 2, 3, 4]);
    expect(detail.body.payload).toEqual(body);
    expect((await scale().get(`/task/${taskId}`)).body.callback_succeeded).toBe(true);

    // Nothing more arrives once it succeeded.
    await new Promise((r) => setTimeout(r, 500));
    expect(receiver.at('/fail-3')).toHaveLength(4);
  });

  it('gives up after the configured attempts: failed, callback_succeeded false', async () => {
    const taskId = await createTestTask('/never');
    const [delivery] = await deliveriesOf(taskId, (items) => items[0]?.status === 'failed');
    expect(receiver.at('/never')).toHaveLength(MAX_ATTEMPTS);
    const detail = await api('GET', `/deliveries/${delivery?.id}`);
    expect(detail.body.attempts).toHaveLength(MAX_ATTEMPTS);
    expect(detail.body).toMatchObject({ lastStatusCode: 503, lastError: 'HTTP 503', nextAttemptAt: null });
    expect((await scale().get(`/task/${taskId}`)).body.callback_succeeded).toBe(false);

    // Re-sending makes a new delivery with a fresh cycle; it succeeds once the receiver is healed.
    healed = true;
    const resent = await api('POST', `/deliveries/${delivery?.id}/resend`);
    expect(resent.status).toBe(200);
    expect(resent.body.id).not.toBe(delivery?.id);
    expect(resent.body).toMatchObject({ status: 'pending', attemptCount: 0, taskId });
    const requests = await receiver.waitFor('/never', MAX_ATTEMPTS + 1);
    expect(requests.at(-1)?.headers['x-groundwork-delivery']).toBe(resent.body.id);
    const items = await deliveriesOf(taskId, (list) => list.some((d) => d.status === 'succeeded'));
    expect(items.map((d) => d.status)).toEqual(['succeeded', 'failed']);
    expect((await scale().get(`/task/${taskId}`)).body.callback_succeeded).toBe(true);
    const audit = await queryRows<{ action: string; target_id: string }>(
      ctx.db.system,
      sql`SELECT action, target_id FROM audit_events WHERE org_id = ${org.id} AND action = 'delivery.resend'`,
    );
    expect(audit).toEqual([{ action: 'delivery.resend', target_id: resent.body.id }]);
  });

  it('sends the callbacks of test tasks created in bulk, one delivery each', async () => {
    const ndjson = [1, 2, 3]
      .map((i) =>
        JSON.stringify({
          attachment: `bulk ${i}`,
          attachment_type: 'text',
          categories: ['a', 'b'],
          callback_url: `${receiver.url}/bulk`,
        }),
      )
      .join('\n');
    const imported = await ctx.app.inject({
      method: 'POST',
      url: '/api/tasks/import?type=categorization',
      headers: { authorization: `Bearer ${org.testKey}`, 'content-type': 'application/x-ndjson' },
      payload: ndjson,
    });
    expect(imported.statusCode).toBe(200);
    const requests = await receiver.waitFor('/bulk', 3);
    const taskIds = requests.map((r) => JSON.parse(r.body).task_id);
    expect(new Set(taskIds).size).toBe(3);
    expect(taskIds).toContain(imported.json().firstTaskId);
    expect(taskIds).toContain(imported.json().lastTaskId);
  });

  it('queues nothing for a live task until it completes, nor for an email callback', async () => {
    const live = await scaleClient(ctx.app, org.liveKey).post('/task/categorization', {
      attachment: 'live',
      attachment_type: 'text',
      categories: ['a', 'b'],
      callback_url: `${receiver.url}/live`,
    });
    expect(live.status).toBe(200);
    const email = await createTestTask('', { callback_url: 'ops@example.com' });
    for (const [key, id] of [
      [org.liveKey, live.body.task_id],
      [org.testKey, email],
    ]) {
      const { body } = await api('GET', `/deliveries?taskId=${id}`, key);
      expect(body.items).toEqual([]);
    }
  });

  it('re-sends a task callback through /v1/task/{id}/send_callback', async () => {
    const taskId = await createTestTask('/again');
    await deliveriesOf(taskId, (items) => items[0]?.status === 'succeeded');
    const sent = await scale().post(`/task/${taskId}/send_callback`);
    expect(sent.status).toBe(200);
    expect(sent.body.task_id).toBe(taskId);
    const requests = await receiver.waitFor('/again', 2);
    expect(requests[0]?.headers['x-groundwork-delivery']).not.toBe(
      requests[1]?.headers['x-groundwork-delivery'],
    );
    expect(JSON.parse(requests[1]?.body ?? '{}').task.callback_succeeded).toBe(true);

    const noCallback = await scale().post('/task/categorization', {
      attachment: 'x',
      attachment_type: 'text',
      categories: ['a', 'b'],
    });
    const refused = await scale().post(`/task/${noCallback.body.task_id}/send_callback`);
    expect(refused.status).toBe(400);
    expect(refused.body.error).toContain('callback_url');
  });
});

describe('batch callbacks', () => {
  it('posts the batch callback when the batch completes', async () => {
    await scale().post('/projects', {
      type: 'categorization',
      name: 'hooks',
      params: { categories: ['a', 'b'] },
    });
    const batch = await scale().post('/batches', {
      project: 'hooks',
      name: 'hooks-1',
      callback: `${receiver.url}/batch`,
    });
    expect(batch.status).toBe(200);
    // A test task completes at once, and with it the batch.
    await scale().post('/task/categorization', {
      batch: 'hooks-1',
      attachment: 'a',
      attachment_type: 'text',
    });
    const [request] = await receiver.waitFor('/batch', 1);
    expect(request?.headers['x-groundwork-event']).toBe('batch.completed');
    const body = JSON.parse(request?.body ?? '{}');
    expect(body).toMatchObject({
      batch_name: 'hooks-1',
      status: 'completed',
      batch: { name: 'hooks-1', project: 'hooks', status: 'completed' },
    });
  });
});

describe('deliveries API', () => {
  it('lists deliveries newest first with filters and cursor pagination', async () => {
    const first = await api('GET', '/deliveries?limit=2');
    expect(first.status).toBe(200);
    expect(first.body.items).toHaveLength(2);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await api('GET', `/deliveries?limit=2&cursor=${first.body.nextCursor}`);
    const ids = [...first.body.items, ...second.body.items].map((d: Body) => d.id);
    expect(new Set(ids).size).toBe(ids.length);
    const times = [...first.body.items, ...second.body.items].map((d: Body) => d.createdAt);
    expect([...times].sort().reverse()).toEqual(times);

    const failed = await api('GET', '/deliveries?status=failed');
    expect(failed.body.items.length).toBeGreaterThan(0);
    expect(failed.body.items.every((d: Body) => d.status === 'failed')).toBe(true);
  });

  it('names the bad field of a bad filter or cursor', async () => {
    const badTask = await api('GET', '/deliveries?taskId=nope');
    expect(badTask.status).toBe(400);
    expect(badTask.body.details.map((d: Body) => d.path)).toEqual(['taskId']);
    const badCursor = await api('GET', '/deliveries?cursor=xyz');
    expect(badCursor.status).toBe(400);
    expect(badCursor.body.details.map((d: Body) => d.path)).toEqual(['cursor']);
  });

  it("does not show or re-send another organization's delivery", async () => {
    const [mine] = (await api('GET', '/deliveries?limit=1')).body.items;
    expect(mine).toBeDefined();
    const seen = await api('GET', `/deliveries/${mine.id}`, other.testKey);
    expect(seen.status).toBe(404);
    const resent = await api('POST', `/deliveries/${mine.id}/resend`, other.testKey);
    expect(resent.status).toBe(404);
    expect((await api('GET', '/deliveries', other.testKey)).body.items).toEqual([]);
    // Live and test are separate worlds too.
    expect((await api('GET', `/deliveries/${mine.id}`, org.liveKey)).status).toBe(404);
  });

  it('rotates the webhook secrets, audited, showing the new ones once', async () => {
    const before = await ctx.app.services.webhookSecrets.forOrg(org.id);
    const rotated = await api('POST', '/org/webhook-secrets/rotate');
    expect(rotated.status).toBe(200);
    expect(rotated.body.revealed).toBe(true);
    expect(rotated.body.callbackAuthKey).not.toBe(before.callbackAuthKey);
    expect(rotated.body.signingSecret).not.toBe(before.signingSecret);
    expect(await ctx.app.services.webhookSecrets.forOrg(org.id)).toEqual({
      callbackAuthKey: rotated.body.callbackAuthKey,
      signingSecret: rotated.body.signingSecret,
    });
    // Later reads show them masked.
    expect((await api('GET', '/org/webhook-secrets')).body).toEqual({
      callbackAuthKey: `cba_…${rotated.body.callbackAuthKey.slice(-4)}`,
      signingSecret: `whsec_…${rotated.body.signingSecret.slice(-4)}`,
      revealed: false,
    });
    const [stored] = await queryRows<{ callback_auth: string; signing_key: string }>(
      ctx.db.system,
      sql`SELECT callback_auth, signing_key FROM org_secrets WHERE org_id = ${org.id}`,
    );
    expect(stored?.callback_auth).not.toContain(rotated.body.callbackAuthKey);
    expect(stored?.signing_key).not.toContain(rotated.body.signingSecret);
    const actions = await queryRows<{ action: string }>(
      ctx.db.system,
      sql`SELECT action FROM audit_events WHERE org_id = ${org.id} AND action LIKE 'webhook_secrets.%' ORDER BY id`,
    );
    expect(actions.map((a) => a.action)).toContain('webhook_secrets.rotate');
    // Another organization has secrets of its own.
    const theirs = await ctx.app.services.webhookSecrets.forOrg(other.id);
    expect(theirs.signingSecret).not.toBe(rotated.body.signingSecret);
  });
});
