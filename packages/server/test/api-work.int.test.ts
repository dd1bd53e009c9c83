/**
 * The whole loop over HTTP, as the customer, the annotators and the reviewer see it: a task sent
 * through the Scale-compatible API with a callback, a project workflow with overlap 2 and review,
 * two logged-in annotators leasing and submitting, a reviewer accepting, and the signed webhook with
 * the merged answer arriving at the customer's receiver.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJobRunner, type JobRunner } from '../src/jobs/index.ts';
import { verifySignatureHeader } from '../src/lib/crypto.ts';
import { AssetUrlService } from '../src/services/asset-urls.ts';
import {
  type Body,
  callApi,
  createTestContext,
  scaleClient,
  type TestContext,
  type TestOrg,
} from './harness.ts';
import { addMember, callAsSession, login, type TestSession } from './session-client.ts';
import { startWebhookReceiver, type WebhookReceiver } from './webhook-receiver.ts';

let ctx: TestContext;
let org: TestOrg;
let runner: JobRunner;
let receiver: WebhookReceiver;
let ann1: TestSession;
let ann2: TestSession;
let reviewer: TestSession;

const silent = { info() {}, warn() {}, error() {} };

beforeAll(async () => {
  ctx = await createTestContext({ GROUNDWORK_ALLOW_PRIVATE_NETWORK: 'true' });
  org = await ctx.org();
  receiver = await startWebhookReceiver();
  runner = createJobRunner({
    db: ctx.db,
    config: ctx.config,
    log: silent,
    deliverySchedule: { maxAttempts: 5, delayMs: () => 50 },
    deliveryRelayEveryMs: 50,
    pollingIntervalSeconds: 0.5,
  });
  await runner.start();
  const people = await Promise.all([
    addMember(ctx, org.id, 'annotator'),
    addMember(ctx, org.id, 'annotator'),
    addMember(ctx, org.id, 'reviewer'),
  ]);
  const sessions = await Promise.all(people.map((m) => login(ctx.app, m.email)));
  [ann1, ann2, reviewer] = sessions as [TestSession, TestSession, TestSession];
  const scale = scaleClient(ctx.app, org.liveKey);
  expect(
    (await scale.post('/projects', { type: 'categorization', name: 'animals', params: {} })).status,
  ).toBe(200);
  const workflow = await callApi(ctx.app, org.liveKey, 'PUT', '/projects/animals/workflow', {
    workflow: { overlap: 2, review: { mode: 'all' }, lease_seconds: 600 },
  });
  expect(workflow.status).toBe(200);
});

afterAll(async () => {
  await runner?.stop();
  await receiver?.close();
  await ctx?.close();
});

const next = (s: TestSession, body: Record<string, unknown> = { project: 'animals' }) =>
  callAsSession(ctx.app, s, 'POST', '/work/next', body);

describe('the work loop over HTTP', () => {
  it('goes from a customer task to a signed webhook with the reviewed consensus', async () => {
    const scale = scaleClient(ctx.app, org.liveKey);
    const created = await scale.post('/task/categorization', {
      project: 'animals',
      attachment: 'https://example.com/animal.jpg',
      categories: ['cat', 'dog'],
      callback_url: `${receiver.url}/hook`,
    });
    expect(created.status).toBe(200);
    const taskId = created.body.task_id as string;

    const l1 = await next(ann1);
    const l2 = await next(ann2);
    expect(l1.status).toBe(200);
    expect(l1.body.lease.task).toMatchObject({ id: taskId, type: 'categorization', project: 'animals' });
    expect(l2.body.lease.task.id).toBe(taskId);
    expect(l1.body.lease.assignment.slot).not.toBe(l2.body.lease.assignment.slot);
    // Both slots are taken: nothing left for the first annotator.
    expect((await next(ann1)).body.lease).toBeNull();

    const bad = await callAsSession(
      ctx.app,
      ann1,
      'POST',
      `/work/assignments/${l1.body.lease.assignment.id}/submit`,
      {
        response: { category: 'horse' },
      },
    );
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('invalid_response');
    expect(bad.body.details.map((d: { path: string }) => d.path)).toEqual(['response.category']);

    const s1 = await callAsSession(
      ctx.app,
      ann1,
      'POST',
      `/work/assignments/${l1.body.lease.assignment.id}/submit`,
      {
        response: { category: 'dog' },
        timeSpentMs: 4200,
      },
    );
    expect(s1.status).toBe(200);
    expect(s1.body.taskOutcome).toBe('waiting');
    expect(s1.body.assignment).toMatchObject({ status: 'submitted', response: { category: 'dog' } });
    const s2 = await callAsSession(
      ctx.app,
      ann2,
      'POST',
      `/work/assignments/${l2.body.lease.assignment.id}/submit`,
      {
        response: { category: 'dog' },
      },
    );
    expect(s2.body.taskOutcome).toBe('review');
    // Submitting twice is refused.
    const again = await callAsSession(
      ctx.app,
      ann2,
      'POST',
      `/work/assignments/${l2.body.lease.assignment.id}/submit`,
      {
        response: { category: 'dog' },
      },
    );
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('lease_not_held');

    // Annotators cannot take reviews.
    expect((await next(ann1, { stage: 'review' })).status).toBe(403);
    const review = await next(reviewer, { stage: 'review', project: 'animals' });
    expect(review.status).toBe(200);
    expect(review.body.lease.review.result).toEqual({ category: 'dog' });
    expect(review.body.lease.review.agreement).toBe(1);
    expect(review.body.lease.review.answers).toHaveLength(2);
    const verdict = await callAsSession(
      ctx.app,
      reviewer,
      'POST',
      `/work/assignments/${review.body.lease.assignment.id}/review`,
      { verdict: 'accept' },
    );
    expect(verdict.status).toBe(200);
    expect(verdict.body.taskOutcome).toBe('completed');

    const task = await scale.get(`/task/${taskId}`);
    expect(task.body).toMatchObject({ status: 'completed', response: { category: 'dog' } });

    const [hook] = await receiver.waitFor('/hook', 1);
    const body = JSON.parse(hook?.body ?? '{}');
    expect(body).toMatchObject({ task_id: taskId, status: 'completed', response: { category: 'dog' } });
    // The API shows the secrets once; the delivery worker's own read gives them in clear.
    const secrets = { body: await ctx.app.services.webhookSecrets.forOrg(org.id) };
    expect(hook?.headers['scale-callback-auth']).toBe(secrets.body.callbackAuthKey);
    expect(
      verifySignatureHeader(
        secrets.body.signingSecret,
        String(hook?.headers['x-groundwork-signature']),
        hook?.body ?? '',
      ),
    ).toBe(true);
  });

  it('keeps work to people, roles and the caller’s own leases', async () => {
    const scale = scaleClient(ctx.app, org.liveKey);
    await scale.post('/task/categorization', {
      project: 'animals',
      attachment: 'https://example.com/second.jpg',
      categories: ['cat', 'dog'],
    });
    // An API key is not a person.
    const keyed = await callApi(ctx.app, org.liveKey, 'POST', '/work/next', { project: 'animals' });
    expect(keyed.status).toBe(403);
    // Cookie-authenticated writes need the CSRF token.
    expect((await callAsSession(ctx.app, ann1, 'POST', '/work/next', {}, { csrf: null })).status).toBe(403);
    // A viewer does not take work.
    const viewer = await login(ctx.app, (await addMember(ctx, org.id, 'viewer')).email);
    expect((await next(viewer)).status).toBe(403);

    const lease = await next(ann1);
    const id = lease.body.lease.assignment.id as string;
    // Another annotator, and a member of another org, cannot touch it.
    const other = await ctx.org();
    const outsider = await login(ctx.app, (await addMember(ctx, other.id, 'annotator')).email);
    for (const s of [ann2, outsider]) {
      const r = await callAsSession(ctx.app, s, 'POST', `/work/assignments/${id}/submit`, {
        response: { category: 'cat' },
      });
      expect(r.status).toBe(404);
      expect((await callAsSession(ctx.app, s, 'GET', `/work/assignments/${id}`)).status).toBe(404);
    }
    const mine = await callAsSession(ctx.app, ann1, 'GET', `/work/assignments/${id}`);
    expect(mine.body.assignment.status).toBe('leased');
    const beat = await callAsSession(ctx.app, ann1, 'POST', `/work/assignments/${id}/heartbeat`);
    expect(beat.status).toBe(200);
    const skip = await callAsSession(ctx.app, ann1, 'POST', `/work/assignments/${id}/skip`, { reason: '' });
    expect(skip.status).toBe(400);
    expect(skip.body.details.map((d: { path: string }) => d.path)).toEqual(['reason']);
    const skipped = await callAsSession(ctx.app, ann1, 'POST', `/work/assignments/${id}/skip`, {
      reason: 'blurry',
    });
    expect(skipped.body).toMatchObject({ status: 'skipped', skipReason: 'blurry' });
    const listed = await callAsSession(ctx.app, ann1, 'GET', '/work/assignments?status=skipped');
    expect(listed.body.items.map((a: { id: string }) => a.id)).toContain(id);
    expect((await callAsSession(ctx.app, ann1, 'GET', '/work/assignments/not-an-id')).status).toBe(404);
  });

  it('lets the lease holder read the files of the leased task, and nothing else', async () => {
    const upload = async (name: string, text: string) => {
      const boundary = 'work-files';
      const response = await ctx.app.inject({
        method: 'POST',
        url: '/v1/files/upload',
        headers: {
          authorization: `Bearer ${org.liveKey}`,
          'content-type': `multipart/form-data; boundary=${boundary}`,
        },
        payload:
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\n` +
          `Content-Type: text/plain\r\n\r\n${text}\r\n--${boundary}--\r\n`,
      });
      expect(response.statusCode).toBe(200);
      return response.json().id as string;
    };
    const shown = await upload('shown.txt', 'the document to label');
    const other = await upload('other.txt', 'not in any task');
    const scale = scaleClient(ctx.app, org.liveKey);
    await scale.post('/projects', { type: 'categorization', name: 'documents', params: {} });
    const created = await scale.post('/task/categorization', {
      project: 'documents',
      attachment: `groundwork://files/${shown}`,
      categories: ['spam', 'ham'],
    });
    expect(created.status).toBe(200);

    const lease = await next(ann2, { project: 'documents' });
    const id = lease.body.lease.assignment.id as string;
    const files = lease.body.lease.files as Array<{ reference: string; url: string }>;
    expect(files.map((f) => f.reference)).toEqual([`groundwork://files/${shown}`]);
    const link = files[0]?.url ?? '';
    expect(link).toMatch(
      new RegExp(`^/api/work/assignments/${id}/files/${shown}\\?expires=\\d+&signature=[A-Za-z0-9_-]{43}$`),
    );
    const expires = Number(new URL(link, 'http://x').searchParams.get('expires'));
    expect(expires * 1000 - Date.now()).toBeGreaterThan(9 * 60_000);
    expect(expires * 1000 - Date.now()).toBeLessThanOrEqual(10 * 60_000);
    const fetchAs = (s: TestSession, url: string) =>
      ctx.app.inject({ method: 'GET', url, cookies: { gw_session: s.token } });
    const read = await fetchAs(ann2, link);
    expect(read.statusCode).toBe(200);
    expect(read.body).toBe('the document to label');
    expect(read.headers['x-content-type-options']).toBe('nosniff');
    expect(read.headers['cache-control']).toBe('private, max-age=600, immutable');

    // Not unsigned, not another file with this link's signature, not someone else with this link, not
    // through the files API, not after the lease. Changed links are recorded in the audit log.
    const query = link.slice(link.indexOf('?'));
    const userOf = (session: TestSession) => (session.body.user as Body).id;
    const refusedEvents = async () =>
      (
        (await ctx.db.system.execute(
          sql`SELECT actor_id, target_id FROM audit_events WHERE action = 'security.file_url_refused' ORDER BY id`,
        )) as unknown as { rows: Body[] }
      ).rows;
    const unsigned = await fetchAs(ann2, `/api/work/assignments/${id}/files/${shown}`);
    expect(unsigned.statusCode).toBe(403);
    expect(unsigned.json().message).toMatch(/not signed/);
    expect(await refusedEvents()).toEqual([]);
    const otherFile = await fetchAs(ann2, `/api/work/assignments/${id}/files/${other}${query}`);
    expect(otherFile.statusCode).toBe(403);
    expect(otherFile.json().message).toMatch(/not valid/);
    const borrowed = await fetchAs(ann1, link);
    expect(borrowed.statusCode).toBe(403);
    const later = await fetchAs(ann2, link.replace(/expires=\d+/, `expires=${expires + 3600}`));
    expect(later.statusCode).toBe(403);
    expect(await refusedEvents()).toEqual([
      { actor_id: userOf(ann2), target_id: other },
      { actor_id: userOf(ann1), target_id: shown },
      { actor_id: userOf(ann2), target_id: shown },
    ]);
    const get = (s: TestSession, url: string) => callAsSession(ctx.app, s, 'GET', url);
    expect((await get(ann2, `/files/${shown}/content`)).status).toBe(403);
    await callAsSession(ctx.app, ann2, 'POST', `/work/assignments/${id}/submit`, {
      response: { category: 'ham' },
    });
    expect((await fetchAs(ann2, link)).statusCode).toBe(404);
  });

  it('refuses a signed file link once it has expired', async () => {
    const claim = { orgId: 'org', userId: 'user', assignmentId: 'a1', fileId: 'f1' };
    const key = Buffer.alloc(32, 7);
    let now = new Date('2026-11-26T12:00:00Z');
    const urls = new AssetUrlService({ db: ctx.db, masterKey: () => key, now: () => now });
    const link = new URL(urls.sign(claim), 'http://x');
    const query = {
      expires: link.searchParams.get('expires') ?? '',
      signature: link.searchParams.get('signature') ?? '',
    };
    expect(Number(query.expires)).toBe(Date.parse('2026-11-26T12:10:00Z') / 1000);
    const principal = { orgId: 'org', userId: 'user', keyId: null, role: 'annotator' } as never;
    now = new Date('2026-11-26T12:09:59Z');
    await expect(urls.verify(principal, claim, query)).resolves.toBeUndefined();
    now = new Date('2026-11-26T12:10:00Z');
    await expect(urls.verify(principal, claim, query)).rejects.toMatchObject({
      code: 'forbidden',
      message: expect.stringMatching(/expired at 2026-11-26T12:10:00.000Z/),
    });
    // A link signed under another master key is not valid here.
    const elsewhere = new AssetUrlService({
      db: ctx.db,
      masterKey: () => Buffer.alloc(32, 8),
      now: () => now,
    });
    const foreign = new URL(elsewhere.sign(claim), 'http://x');
    expect(foreign.searchParams.get('signature')).not.toBe(query.signature);
  });
});
