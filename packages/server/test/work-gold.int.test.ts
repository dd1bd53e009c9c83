/**
 * Gold in the work loop, over HTTP: training tasks gate new annotators (passed or failed, with the
 * expected answer after each), hidden evaluation tasks are mixed into real work and look like it, gold
 * answers are scored at once, a person whose gold falls below the project's threshold is paused with the
 * reason shown to them and to managers, and a manager reinstates them. The coin of gold mixing always
 * lands on gold here (`goldRandom`), so each claim that can be gold is.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Body,
  callApi,
  createTestContext,
  scaleClient,
  type TestContext,
  type TestOrg,
} from './harness.ts';
import { addMember, callAsSession, login, type TestSession } from './session-client.ts';

let ctx: TestContext;
let org: TestOrg;

beforeAll(async () => {
  ctx = await createTestContext({}, { goldRandom: () => 0 });
  org = await ctx.org();
});

afterAll(async () => {
  await ctx?.close();
});

const api = (method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, body?: unknown) =>
  callApi(ctx.app, org.liveKey, method, url, body);

async function project(name: string, quality: Record<string, unknown>, workflow?: Record<string, unknown>) {
  const scale = scaleClient(ctx.app, org.liveKey);
  const created = await scale.post('/projects', {
    type: 'categorization',
    name,
    params: { categories: ['cat', 'dog'], attachment_type: 'text' },
  });
  expect(created.status).toBe(200);
  const policy = await api('PUT', `/projects/${name}/workflow`, {
    quality,
    ...(workflow ? { workflow } : {}),
  });
  expect(policy.status).toBe(200);
  return scale;
}

async function realTasks(name: string, n: number, batch?: string): Promise<string[]> {
  const scale = scaleClient(ctx.app, org.liveKey);
  if (batch) expect((await scale.post('/batches', { project: name, name: batch })).status).toBe(200);
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const r = await scale.post('/task/categorization', {
      project: name,
      ...(batch ? { batch } : {}),
      attachment: `real ${i}`,
    });
    expect(r.status).toBe(200);
    ids.push(r.body.task_id as string);
  }
  return ids;
}

async function gold(kind: 'evaluation' | 'training', name: string, text: string, category: string) {
  const r = await scaleClient(ctx.app, org.liveKey).post(`/${kind}_tasks/categorization`, {
    project: name,
    attachment: text,
    expected_response: { category },
  });
  expect(r.status).toBe(200);
  return r.body.id as string;
}

async function annotator(): Promise<{ id: string; session: TestSession }> {
  const member = await addMember(ctx, org.id, 'annotator');
  return { id: member.id, session: await login(ctx.app, member.email) };
}

const next = (s: TestSession, projectName: string) =>
  callAsSession(ctx.app, s, 'POST', '/work/next', { project: projectName });
const submit = (s: TestSession, id: string, category: string) =>
  callAsSession(ctx.app, s, 'POST', `/work/assignments/${id}/submit`, { response: { category } });

describe('training tasks as an onboarding gate', () => {
  let training: string[];
  let real: string[];

  beforeAll(async () => {
    await project('onboarding', { training_required: 2, training_pass_score: 1 });
    training = [
      await gold('training', 'onboarding', 'a purring animal', 'cat'),
      await gold('training', 'onboarding', 'a barking animal', 'dog'),
      await gold('training', 'onboarding', 'a meowing animal', 'cat'),
    ];
    real = await realTasks('onboarding', 2);
  });

  it('serves training first, shows the expected answer after each, and opens real work once passed', async () => {
    const { session } = await annotator();
    const overviewBefore = await callAsSession(ctx.app, session, 'GET', '/work/overview');
    const listed = (overviewBefore.body.projects as Body[]).find((p) => p.name === 'onboarding');
    expect(listed?.training).toEqual({ state: 'in_progress', answered: 0, passedCount: 0, target: 2 });

    const first = await next(session, 'onboarding');
    expect(first.status).toBe(200);
    expect(first.body.lease.task.id).toBe(training[0]);
    expect(first.body.lease.training).toEqual({
      state: 'in_progress',
      answered: 0,
      passedCount: 0,
      target: 2,
    });
    const right = await submit(session, first.body.lease.assignment.id, 'cat');
    expect(right.status).toBe(200);
    expect(right.body.taskOutcome).toBe('training');
    expect(right.body.training).toMatchObject({
      score: 1,
      passed: true,
      expectedResponse: { category: 'cat' },
      state: 'in_progress',
      answered: 1,
      passedCount: 1,
    });

    const second = await next(session, 'onboarding');
    expect(second.body.lease.task.id).toBe(training[1]);
    const wrong = await submit(session, second.body.lease.assignment.id, 'cat');
    expect(wrong.body.training).toMatchObject({
      score: 0,
      passed: false,
      expectedResponse: { category: 'dog' },
      state: 'in_progress',
    });

    const third = await next(session, 'onboarding');
    expect(third.body.lease.task.id).toBe(training[2]);
    const passed = await submit(session, third.body.lease.assignment.id, 'cat');
    expect(passed.body.training).toMatchObject({ state: 'passed', passedCount: 2, target: 2 });

    const work = await next(session, 'onboarding');
    expect(real).toContain(work.body.lease.task.id);
    expect(work.body.lease.training).toBeNull();
    const submitted = await submit(session, work.body.lease.assignment.id, 'dog');
    expect(submitted.body).toMatchObject({ taskOutcome: 'completed', training: null });
  });

  it('pauses a person who can no longer pass, tells them why, and lets a manager reinstate them', async () => {
    const person = await annotator();
    for (let i = 0; i < 2; i++) {
      const lease = await next(person.session, 'onboarding');
      expect(training).toContain(lease.body.lease.task.id);
      // Always the wrong answer: after two misses one task is left, at most 1 of the 2 passes.
      const expected = lease.body.lease.task.params.attachment === 'a barking animal' ? 'cat' : 'dog';
      const outcome = await submit(person.session, lease.body.lease.assignment.id, expected);
      expect(outcome.body.training.passed).toBe(false);
      if (i === 1) expect(outcome.body.training.state).toBe('failed');
    }
    const refused = await next(person.session, 'onboarding');
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('paused_from_project');
    expect(refused.body.message).toContain('Training not passed');

    const overview = await callAsSession(ctx.app, person.session, 'GET', '/work/overview');
    const listed = (overview.body.projects as Body[]).find((p) => p.name === 'onboarding');
    expect(listed?.paused.reason).toContain('Training not passed');

    const standings = await api('GET', '/projects/onboarding/standings');
    const mine = (standings.body.standings as Body[]).find((s) => s.userId === person.id);
    expect(mine).toMatchObject({ paused: { by: 'training' }, training: { state: 'failed', answered: 2 } });

    const reinstated = await api('PUT', `/projects/onboarding/standings/${person.id}/pause`, {
      paused: false,
    });
    expect(reinstated.status).toBe(200);
    expect(reinstated.body).toMatchObject({ paused: null, training: { state: 'passed' } });
    const work = await next(person.session, 'onboarding');
    expect(work.status).toBe(200);
    expect(real).toContain(work.body.lease.task.id);
  });
});

describe('hidden evaluation tasks', () => {
  let evaluation: string[];
  let real: string[];

  beforeAll(async () => {
    await project(
      'judged',
      { gold_rate: 0.5, gold_threshold: 0.75, gold_window: 4, gold_min_answers: 2 },
      { overlap: 1 },
    );
    evaluation = [
      await gold('evaluation', 'judged', 'a cat on a mat', 'cat'),
      await gold('evaluation', 'judged', 'a cat in a hat', 'cat'),
    ];
    real = await realTasks('judged', 3, 'judged-batch');
  });

  it('look like real work, score at once, and pause a person whose gold falls below the threshold', async () => {
    const person = await annotator();
    const leased = await next(person.session, 'judged');
    expect(leased.status).toBe(200);
    const lease = leased.body.lease as Body;
    expect(evaluation).toContain(lease.task.id);
    // Nothing tells gold apart: the real work's batch, a slot of the project, no training, round 1.
    const realBatch = (await api('GET', '/batches/judged-batch')).body.id;
    expect(realBatch).toEqual(expect.any(String));
    expect(lease.task.batchId).toBe(realBatch);
    expect(lease.assignment).toMatchObject({ stage: 'label', round: 1, slot: 1, status: 'leased' });
    expect(lease.training).toBeNull();
    expect(Object.keys(lease).sort()).toEqual([
      'assignment',
      'feedback',
      'files',
      'masked',
      'review',
      'task',
      'training',
    ]);

    // Listed among the person's live leases (the workbench resumes them after a reload), shaped alike.
    const live = await callAsSession(ctx.app, person.session, 'GET', '/work/assignments?status=leased');
    expect(live.body.items).toEqual([lease.assignment]);

    const heartbeat = await callAsSession(
      ctx.app,
      person.session,
      'POST',
      `/work/assignments/${lease.assignment.id}/heartbeat`,
    );
    expect(heartbeat.status).toBe(200);
    const bad = await callAsSession(
      ctx.app,
      person.session,
      'POST',
      `/work/assignments/${lease.assignment.id}/submit`,
      {
        response: { category: 'horse' },
      },
    );
    expect(bad.status).toBe(400);
    expect(bad.body.details[0].path).toMatch(/^response/);

    const first = await submit(person.session, lease.assignment.id, 'dog');
    expect(first.body).toMatchObject({ taskOutcome: 'completed', training: null });
    const again = await submit(person.session, lease.assignment.id, 'dog');
    expect(again.status).toBe(409);
    // Counted among the person's answers like real work.
    const home = await callAsSession(ctx.app, person.session, 'GET', '/work/overview');
    expect(home.body.me).toMatchObject({ submitted: 1, submittedToday: 1 });

    const second = await next(person.session, 'judged');
    expect(evaluation).toContain(second.body.lease.task.id);
    expect(second.body.lease.task.id).not.toBe(lease.task.id);
    await submit(person.session, second.body.lease.assignment.id, 'dog');

    // Two answers scored 0 against a threshold of 0.75: paused.
    const refused = await next(person.session, 'judged');
    expect(refused.status).toBe(403);
    expect(refused.body.message).toContain('below the 75%');
    const standings = await api('GET', '/projects/judged/standings');
    const mine = (standings.body.standings as Body[]).find((s) => s.userId === person.id);
    expect(mine).toMatchObject({
      gold: { answers: 2, meanScore: 0 },
      reliability: 0,
      reliabilitySource: 'gold',
      paused: { by: 'gold' },
    });
    expect(mine?.paused.reason).toContain('0%');

    const listed = await api('GET', '/projects/judged/gold?kind=evaluation');
    expect(listed.status).toBe(200);
    expect((listed.body.gold as Body[]).map((g) => g.answers)).toEqual([1, 1]);

    // The customer's task list never shows gold.
    const tasks = await scaleClient(ctx.app, org.liveKey).get('/tasks?project=judged');
    expect((tasks.body.docs as Body[]).map((t) => t.task_id).sort()).toEqual([...real].sort());
  });

  it('gives gold back like real work: released gold comes again, skipped gold does not', async () => {
    const person = await annotator();
    const first = (await next(person.session, 'judged')).body.lease as Body;
    expect(evaluation).toContain(first.task.id);
    const released = await callAsSession(
      ctx.app,
      person.session,
      'POST',
      `/work/assignments/${first.assignment.id}/release`,
    );
    expect(released.body).toMatchObject({
      id: first.assignment.id,
      taskId: first.task.id,
      status: 'released',
    });
    const again = (await next(person.session, 'judged')).body.lease as Body;
    expect(evaluation).toContain(again.task.id);
    const skipped = await callAsSession(
      ctx.app,
      person.session,
      'POST',
      `/work/assignments/${again.assignment.id}/skip`,
      { reason: 'unclear' },
    );
    expect(skipped.body).toMatchObject({ id: again.assignment.id, status: 'skipped', skipReason: 'unclear' });
    const third = (await next(person.session, 'judged')).body.lease as Body;
    expect(third.task.id).not.toBe(again.task.id);
    await callAsSession(ctx.app, person.session, 'POST', `/work/assignments/${third.assignment.id}/release`);
  });

  it('serves a good annotator gold then real work, and keeps them working', async () => {
    const person = await annotator();
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const leased = await next(person.session, 'judged');
      if (!leased.body.lease) break;
      ids.push(leased.body.lease.task.id);
      expect((await submit(person.session, leased.body.lease.assignment.id, 'cat')).status).toBe(200);
    }
    // Both gold tasks first (the coin always says gold), then the real work they could take.
    expect(ids.slice(0, 2).sort()).toEqual([...evaluation].sort());
    expect(ids.slice(2).every((id) => real.includes(id))).toBe(true);
    const standings = await api('GET', '/projects/judged/standings');
    const mine = (standings.body.standings as Body[]).find((s) => s.userId === person.id);
    expect(mine).toMatchObject({ gold: { answers: 2, meanScore: 1 }, reliability: 1, paused: null });
  });

  it('is not served when no real work waits, nor once archived', async () => {
    await project('quiet', { gold_rate: 0.5 });
    const only = await gold('evaluation', 'quiet', 'a lonely cat', 'cat');
    const person = await annotator();
    expect((await next(person.session, 'quiet')).body.lease).toBeNull();

    const [realId] = await realTasks('quiet', 1);
    const archived = await api('PATCH', `/gold/${only}`, { archived: true });
    expect(archived.body.archived).toBe(true);
    const leased = await next(person.session, 'quiet');
    expect(leased.body.lease.task.id).toBe(realId);
  });

  it('lets a manager pause someone with a reason; their live leases end', async () => {
    await project('managed', { gold_rate: 0 });
    await realTasks('managed', 2);
    const person = await annotator();
    const leased = await next(person.session, 'managed');
    const noReason = await api('PUT', `/projects/managed/standings/${person.id}/pause`, {
      paused: true,
      reason: '  ',
    });
    expect(noReason.status).toBe(400);
    expect(noReason.body.details[0].path).toBe('reason');
    const paused = await api('PUT', `/projects/managed/standings/${person.id}/pause`, {
      paused: true,
      reason: 'Please reread the guidelines on pets.',
    });
    expect(paused.body.paused).toMatchObject({
      by: 'manager',
      reason: 'Please reread the guidelines on pets.',
    });
    const lost = await submit(person.session, leased.body.lease.assignment.id, 'cat');
    expect(lost.status).toBe(409);
    const refused = await next(person.session, 'managed');
    expect(refused.body.message).toBe('Please reread the guidelines on pets.');
    // The revoked slot went back to the queue: someone else gets both tasks.
    const other = await annotator();
    const first = await next(other.session, 'managed');
    const second = await next(other.session, 'managed');
    expect([first.body.lease.task.id, second.body.lease.task.id]).toContain(leased.body.lease.task.id);
  });
});

describe('pauses in an organization without any gate yet', () => {
  it('take effect at the next lease (claims start checking standings at once)', async () => {
    const fresh = await ctx.org();
    const scale = scaleClient(ctx.app, fresh.liveKey);
    await scale.post('/projects', {
      type: 'categorization',
      name: 'plain',
      params: { categories: ['a', 'b'] },
    });
    for (let i = 0; i < 3; i++)
      await scale.post('/task/categorization', { project: 'plain', attachment: `t${i}` });
    const member = await addMember(ctx, fresh.id, 'annotator');
    const session = await login(ctx.app, member.email);
    // A first lease primes the organization's plan: nobody paused, no training gate.
    expect((await next(session, 'plain')).body.lease).not.toBeNull();
    const paused = await callApi(
      ctx.app,
      fresh.liveKey,
      'PUT',
      `/projects/plain/standings/${member.id}/pause`,
      {
        paused: true,
        reason: 'Holiday cover ended.',
      },
    );
    expect(paused.status).toBe(200);
    const refused = await next(session, 'plain');
    expect(refused.status).toBe(403);
    expect(refused.body.message).toBe('Holiday cover ended.');
    // Nor across projects: the org-wide lease finds nothing for them.
    const any = await callAsSession(ctx.app, session, 'POST', '/work/next', {});
    expect(any.body.lease).toBeNull();
  });
});

describe('quality policy and gold management', () => {
  it('names each bad field of a quality policy', async () => {
    await project('policies', {});
    const bad = await api('PUT', '/projects/policies/workflow', {
      quality: { gold_rate: 2, training_required: -1 },
    });
    expect(bad.status).toBe(400);
    const paths = (bad.body.details as Body[]).map((d) => d.path);
    expect(paths).toEqual(expect.arrayContaining(['quality.gold_rate', 'quality.training_required']));
    const read = await api('GET', '/projects/policies/workflow');
    expect(read.body.quality).toMatchObject({ gold_rate: 0.05, gold_threshold: null, training_required: 0 });
  });

  it('creates gold from the console API, checking the expected answer against the params', async () => {
    await project('console-gold', {});
    const bad = await api('POST', '/projects/console-gold/gold', {
      kind: 'evaluation',
      params: { attachment: 'a cat' },
      expectedResponse: { category: 'horse' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.details[0].path).toMatch(/^expected_response/);
    const created = await api('POST', '/projects/console-gold/gold', {
      kind: 'training',
      params: { attachment: 'a cat' },
      expectedResponse: { category: 'cat' },
    });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({ kind: 'training', project: 'console-gold', archived: false });
    const got = await api('GET', `/gold/${created.body.id}`);
    expect(got.body.expectedResponse).toEqual({ category: 'cat' });
  });

  it("does not show another organization's gold or standings", async () => {
    await project('private-gold', {});
    const id = await gold('evaluation', 'private-gold', 'a secret cat', 'cat');
    const other = await ctx.org();
    expect((await callApi(ctx.app, other.liveKey, 'GET', `/gold/${id}`)).status).toBe(404);
    expect((await callApi(ctx.app, other.liveKey, 'PATCH', `/gold/${id}`, { archived: true })).status).toBe(
      404,
    );
    expect((await callApi(ctx.app, other.liveKey, 'GET', '/projects/private-gold/standings')).status).toBe(
      404,
    );
  });
});
