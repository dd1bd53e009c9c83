/**
 * Redaction for outside vendors over HTTP: a project masks personal data for vendor workforces; a vendor
 * annotator's lease of an NER task shows placeholders and none of the originals, an internal annotator's
 * shows the originals; the vendor's spans are stored at the original offsets; a vendor reviewer sees the
 * answer masked and their fix is mapped back; the customer reads originals; a policy changed between lease
 * and submit answers 409 until the task is reloaded.
 */
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assignments } from '../src/db/schema.ts';
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

let ctx: TestContext;
let org: TestOrg;
let vendorAnn: TestSession;
let internalAnn: TestSession;
let vendorReviewer: TestSession;
let vendorId: string;

const TEXT = 'Anna Lee (anna@example.com) called +1 212 555 0100 twice.';
const MASKED = '[NAME_1] ([EMAIL_1]) called [PHONE_1] twice.';
const ORIGINALS = ['Anna Lee', 'anna@example.com', '212 555 0100', '2125550100'];
const LABELS = [{ name: 'PERSON' }, { name: 'CONTACT' }, { name: 'ACTION' }];
const POLICY = { applies_to: 'vendors', names: ['Anna Lee'], default_country: 'US' };

const api = (method: 'GET' | 'PUT' | 'POST', url: string, body?: unknown) =>
  callApi(ctx.app, org.liveKey, method, url, body);
const next = (s: TestSession, stage: 'label' | 'review' = 'label') =>
  callAsSession(ctx.app, s, 'POST', '/work/next', { project: 'support', stage });
const post = (s: TestSession, url: string, body: unknown) => callAsSession(ctx.app, s, 'POST', url, body);

function expectNoOriginals(body: unknown) {
  const json = JSON.stringify(body);
  for (const original of ORIGINALS) expect(json).not.toContain(original);
}

async function createTask(text = TEXT): Promise<string> {
  const created = await scaleClient(ctx.app, org.liveKey).post('/task/namedentityrecognition', {
    project: 'support',
    text,
    labels: LABELS,
  });
  expect(created.status).toBe(200);
  return created.body.task_id as string;
}

beforeAll(async () => {
  ctx = await createTestContext();
  org = await ctx.org();
  const vendor = await api('POST', '/workforces', { name: 'Acme Outsourcing', kind: 'vendor' });
  const internal = await api('POST', '/workforces', { name: 'Our team', kind: 'internal' });
  expect([vendor.status, internal.status]).toEqual([200, 200]);
  vendorId = vendor.body.id as string;
  const people = await Promise.all([
    addMember(ctx, org.id, 'annotator'),
    addMember(ctx, org.id, 'annotator'),
    addMember(ctx, org.id, 'reviewer'),
  ]);
  const [va, ia, vr] = people as [
    { id: string; email: string },
    { id: string; email: string },
    { id: string; email: string },
  ];
  for (const [person, workforce] of [
    [va, vendorId],
    [ia, internal.body.id],
    [vr, vendorId],
  ] as const) {
    expect((await api('PUT', `/members/${person.id}/workforce`, { workforceId: workforce })).status).toBe(
      200,
    );
  }
  [vendorAnn, internalAnn, vendorReviewer] = (await Promise.all(
    people.map((m) => login(ctx.app, m.email)),
  )) as [TestSession, TestSession, TestSession];
  const project = await scaleClient(ctx.app, org.liveKey).post('/projects', {
    type: 'namedentityrecognition',
    name: 'support',
    params: {},
  });
  expect(project.status).toBe(200);
});

afterAll(async () => {
  await ctx?.close();
});

describe('the redaction policy', () => {
  it('is part of the workflow: refused naming the field, saved with defaults, audited without the names', async () => {
    const bad = await api('PUT', '/projects/support/workflow', {
      redaction: { applies_to: 'contractors', default_country: 'ZZ' },
    });
    expect(bad.status).toBe(400);
    expect(errorPaths(bad.body)).toEqual(
      expect.arrayContaining(['redaction.applies_to', 'redaction.default_country']),
    );
    const unknown = await api('PUT', '/projects/support/workflow', {
      redaction: { applies_to: 'vendors', workforces: ['0123456789abcdef01234567'] },
    });
    expect(unknown.status).toBe(400);
    expect(errorPaths(unknown.body)).toEqual(['redaction.workforces.0']);

    expect((await api('GET', '/projects/support/workflow')).body.redaction).toEqual({
      applies_to: 'none',
      workforces: [],
      kinds: ['email', 'card', 'id', 'phone', 'ip', 'name'],
      default_country: null,
      names: [],
    });
    const saved = await api('PUT', '/projects/support/workflow', {
      redaction: POLICY,
      workflow: { overlap: 1, review: { mode: 'all' } },
    });
    expect(saved.status).toBe(200);
    expect(saved.body.redaction).toMatchObject({ applies_to: 'vendors', names: ['Anna Lee'] });
    const rows = await ctx.db.withOrg(org.id, (tx) =>
      tx.execute(
        sql`SELECT data FROM audit_events WHERE action = 'project.set_workflow' ORDER BY created_at DESC LIMIT 1`,
      ),
    );
    const data = JSON.stringify((rows as unknown as { rows?: Body[] }).rows ?? rows);
    expect(data).toContain('"names_count":1');
    expect(data).not.toContain('Anna Lee');
  });
});

describe('a masked lease', () => {
  let vendorTask: string;
  let vendorAssignment: string;

  it('shows a vendor annotator placeholders and none of the originals; an internal one the originals', async () => {
    vendorTask = await createTask();
    const internalTask = await createTask();
    const lease = await next(vendorAnn);
    expect(lease.status).toBe(200);
    expect(lease.body.lease.task.id).toBe(vendorTask);
    expect(lease.body.lease.task.params.text).toBe(MASKED);
    expect(lease.body.lease.masked).toBe(true);
    expectNoOriginals(lease.body);
    vendorAssignment = lease.body.lease.assignment.id as string;

    const reopened = await callAsSession(ctx.app, vendorAnn, 'GET', `/work/assignments/${vendorAssignment}`);
    expect(reopened.status).toBe(200);
    expect(reopened.body.task.params.text).toBe(MASKED);
    expectNoOriginals(reopened.body);

    const internal = await next(internalAnn);
    expect(internal.body.lease.task.id).toBe(internalTask);
    expect(internal.body.lease.task.params.text).toBe(TEXT);
    expect(internal.body.lease.masked).toBe(false);
  });

  it('stores spans drawn over placeholders and plain words at the original offsets', async () => {
    const submitted = await post(vendorAnn, `/work/assignments/${vendorAssignment}/submit`, {
      response: {
        annotations: [
          { start: 0, end: 8, label: 'PERSON', text: '[NAME_1]' },
          { start: 21, end: 27, label: 'ACTION', text: 'called' },
          { start: 28, end: 37, label: 'CONTACT', text: '[PHONE_1]' },
        ],
      },
    });
    expect(submitted.status).toBe(200);
    expectNoOriginals(submitted.body);
    expect(submitted.body.assignment.response.annotations[0]).toMatchObject({ start: 0, end: 8 });
    // Read as stored, through the ORM (the column is encrypted): the answer at the original offsets.
    const [stored] = await ctx.db.withOrg(org.id, (tx) =>
      tx
        .select({ response: assignments.response })
        .from(assignments)
        .where(eq(assignments.id, vendorAssignment)),
    );
    const response = stored?.response;
    expect(response).toEqual({
      annotations: [
        { start: 0, end: 8, label: 'PERSON', text: 'Anna Lee' },
        { start: 28, end: 34, label: 'ACTION', text: 'called' },
        { start: 35, end: 50, label: 'CONTACT', text: '+1 212 555 0100' },
      ],
    });
    const mine = await callAsSession(ctx.app, vendorAnn, 'GET', '/work/assignments');
    expect(mine.status).toBe(200);
    expectNoOriginals(mine.body);
  });

  it('shows a vendor reviewer the answer masked and maps their fix back; the customer reads originals', async () => {
    const review = await next(vendorReviewer, 'review');
    expect(review.status).toBe(200);
    expect(review.body.lease.task.id).toBe(vendorTask);
    expect(review.body.lease.masked).toBe(true);
    expectNoOriginals(review.body);
    expect(review.body.lease.review.answers[0].response.annotations).toEqual([
      { start: 0, end: 8, label: 'PERSON', text: '[NAME_1]' },
      { start: 21, end: 27, label: 'ACTION', text: 'called' },
      { start: 28, end: 37, label: 'CONTACT', text: '[PHONE_1]' },
    ]);
    const fixed = await post(vendorReviewer, `/work/assignments/${review.body.lease.assignment.id}/review`, {
      verdict: 'fix',
      response: {
        annotations: [
          { start: 0, end: 8, label: 'PERSON', text: '[NAME_1]' },
          { start: 10, end: 19, label: 'CONTACT', text: '[EMAIL_1]' },
          { start: 28, end: 37, label: 'CONTACT', text: '[PHONE_1]' },
        ],
      },
      comment: 'Also mark [EMAIL_1]; [EMAIL_9] is not in the task.',
    });
    expect(fixed.status).toBe(200);
    expect(fixed.body.taskOutcome).toBe('completed');
    expectNoOriginals(fixed.body);

    const task = await scaleClient(ctx.app, org.liveKey).get(`/task/${vendorTask}`);
    expect(task.body.response.annotations).toEqual([
      { start: 0, end: 8, label: 'PERSON', text: 'Anna Lee' },
      { start: 10, end: 26, label: 'CONTACT', text: 'anna@example.com' },
      { start: 35, end: 50, label: 'CONTACT', text: '+1 212 555 0100' },
    ]);
    const reviews = await ctx.db.withOrg(org.id, (tx) =>
      tx.execute(sql`SELECT comment FROM reviews WHERE task_id = ${vendorTask}`),
    );
    const comment = ((reviews as unknown as { rows?: Body[] }).rows ?? (reviews as unknown as Body[]))[0]
      ?.comment;
    expect(comment).toBe('Also mark anna@example.com; [EMAIL_9] is not in the task.');
  });

  it('answers 409 when the policy changed between lease and submit, and takes the answer after a reload', async () => {
    const taskId = await createTask('Bob Stone wrote to anna@example.com.');
    const lease = await next(vendorAnn);
    expect(lease.body.lease.task.id).toBe(taskId);
    expect(lease.body.lease.task.params.text).toBe('Bob Stone wrote to [EMAIL_1].');
    const id = lease.body.lease.assignment.id as string;
    const changed = await api('PUT', '/projects/support/workflow', {
      redaction: { ...POLICY, names: ['Anna Lee', 'Bob Stone'] },
    });
    expect(changed.status).toBe(200);
    const answer = { annotations: [{ start: 19, end: 28, label: 'CONTACT', text: '[EMAIL_1]' }] };
    const refused = await post(vendorAnn, `/work/assignments/${id}/submit`, { response: answer });
    expect(refused.status).toBe(409);
    expect(refused.body.message).toBe(
      "The project's redaction settings changed while you worked; reload the task.",
    );
    const reloaded = await callAsSession(ctx.app, vendorAnn, 'GET', `/work/assignments/${id}`);
    expect(reloaded.body.task.params.text).toBe('[NAME_1] wrote to [EMAIL_1].');
    const accepted = await post(vendorAnn, `/work/assignments/${id}/submit`, {
      response: {
        annotations: [
          { start: 0, end: 8, label: 'PERSON' },
          { start: 18, end: 27, label: 'CONTACT', text: '[EMAIL_1]' },
        ],
      },
    });
    expect(accepted.status).toBe(200);
    // Read as stored, through the ORM (the column is encrypted): the answer at the original offsets.
    const [stored] = await ctx.db.withOrg(org.id, (tx) =>
      tx.select({ response: assignments.response }).from(assignments).where(eq(assignments.id, id)),
    );
    const response = stored?.response;
    expect(response).toEqual({
      annotations: [
        { start: 0, end: 9, label: 'PERSON' },
        { start: 19, end: 35, label: 'CONTACT', text: 'anna@example.com' },
      ],
    });
  });
});
