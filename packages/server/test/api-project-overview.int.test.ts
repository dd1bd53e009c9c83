/**
 * Project overviews and the projects list's progress. The figures are checked on hand-built rows (tasks,
 * answers and gold answers written straight into the tables at fixed times) through the service with a
 * fixed clock, so every bucket is known: counts by status, stage and batch, dense series by day and by
 * hour, in UTC and across New York's daylight-saving change, gold per workforce. Over HTTP: the shape on
 * data made through the real work loop, an empty project, another organization's and environment's
 * projects (404), bad input naming its field, and the roles (viewer yes, annotator no).
 */
import { eq as eqId } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assignments, batches, goldAnswers, projects, tasks } from '../src/db/schema.ts';
import { newId } from '../src/lib/ids.ts';
import type { Principal } from '../src/services/principal.ts';
import { ProjectOverviewService } from '../src/services/project-overview.ts';
import {
  type Body,
  callApi,
  createTestContext,
  errorPaths,
  scaleClient,
  type TestContext,
  type TestOrg,
} from './harness.ts';
import { addMember, callAsSession, login } from './session-client.ts';

let ctx: TestContext;
let org: TestOrg;
let other: TestOrg;

beforeAll(async () => {
  ctx = await createTestContext();
  org = await ctx.org();
  other = await ctx.org();
});

afterAll(async () => {
  await ctx?.close();
});

const api = (method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, body?: unknown) =>
  callApi(ctx.app, org.liveKey, method, url, body);

/** The fixed "now" of the hand-built cases: Monday 10 March 2025, 15:30 UTC (11:30 in New York, EDT). */
const NOW = new Date('2025-03-10T15:30:00Z');
const at = (iso: string) => new Date(iso);

/** A viewer of `org`, as the service receives one. */
const viewer = (): Principal => ({
  orgId: org.id,
  orgSlug: org.slug,
  isTest: false,
  keyId: null,
  userId: null,
  workforceId: null,
  actorName: 'test',
  role: 'viewer',
});

/** The service at NOW; `byTime` finds answers by time even for a small project (as for a big one). */
const service = (byTime = false) =>
  new ProjectOverviewService({ db: ctx.db, now: () => NOW, ...(byTime ? { smallProjectTasks: -1 } : {}) });

async function createProject(name: string, workflow?: Record<string, unknown>): Promise<string> {
  const created = await api('POST', '/projects', { name, type: 'categorization' });
  expect(created.status, JSON.stringify(created.body)).toBe(200);
  if (workflow) expect((await api('PUT', `/projects/${name}/workflow`, { workflow })).status).toBe(200);
  return created.body.id as string;
}

async function createBatch(project: string, name: string, createdAt: string): Promise<string> {
  const r = await api('POST', '/batches', { project, name });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  const id = r.body.id as string;
  // Fixed creation times, so "newest first" does not depend on how fast the calls ran.
  await ctx.db.system
    .update(batches)
    .set({ createdAt: at(createdAt) })
    .where(eqId(batches.id, id));
  return id;
}

/** A task row with the given status, stage, batch, agreement and completion time. */
async function task(
  projectId: string,
  values: {
    status: 'pending' | 'completed' | 'canceled' | 'error';
    stage?: 'label' | 'review' | 'done';
    batchId?: string | null;
    agreement?: number | null;
    completedAt?: string | null;
  },
): Promise<string> {
  const id = newId();
  // Written as the application writes: content sealed with the organization's keys.
  await ctx.db.withOrgKeys(org.id, () =>
    ctx.db.system.insert(tasks).values({
      id,
      orgId: org.id,
      isTest: false,
      projectId,
      batchId: values.batchId ?? null,
      type: 'categorization',
      status: values.status,
      stage: values.stage ?? (values.status === 'pending' ? 'label' : 'done'),
      params: { attachment: 'a', categories: ['x', 'y'] },
      metadata: {},
      agreement: values.agreement ?? null,
      createdAt: at('2025-02-01T00:00:00Z'),
      completedAt: values.completedAt ? at(values.completedAt) : null,
    }),
  );
  return id;
}

let slotCounter = 0;

/** An assignment row of `taskId` (a fresh person and slot each time). */
async function answer(
  projectId: string,
  taskId: string,
  values: { stage?: 'label' | 'review'; status?: 'submitted' | 'skipped'; submittedAt: string },
): Promise<void> {
  slotCounter += 1;
  // Written as the application writes: content sealed with the organization's keys.
  await ctx.db.withOrgKeys(org.id, () =>
    ctx.db.system.insert(assignments).values({
      id: newId(),
      orgId: org.id,
      projectId,
      taskId,
      stage: values.stage ?? 'label',
      round: 1,
      slot: slotCounter,
      priority: 0,
      taskCreatedAt: at('2025-02-01T00:00:00Z'),
      userId: `user-${slotCounter}`,
      status: values.status ?? 'submitted',
      leasedAt: at(values.submittedAt),
      leaseExpiresAt: at(values.submittedAt),
      submittedAt: values.status === 'skipped' ? null : at(values.submittedAt),
    }),
  );
}

/** A gold answer row (a fresh gold task and person each time). */
async function gold(
  projectId: string,
  values: {
    workforceId: string | null;
    score: number;
    submittedAt: string;
    kind?: 'evaluation' | 'training';
    status?: 'submitted' | 'leased';
  },
): Promise<void> {
  // Written as the application writes: content sealed with the organization's keys.
  await ctx.db.withOrgKeys(org.id, () =>
    ctx.db.system.insert(goldAnswers).values({
      id: newId(),
      orgId: org.id,
      projectId,
      goldTaskId: newId(),
      kind: values.kind ?? 'evaluation',
      userId: newId(),
      workforceId: values.workforceId,
      slot: 1,
      status: values.status ?? 'submitted',
      leasedAt: at(values.submittedAt),
      leaseExpiresAt: at(values.submittedAt),
      submittedAt: values.status === 'leased' ? null : at(values.submittedAt),
      score: values.score,
    }),
  );
}

/** The seven UTC days of the period ending on NOW's day. */
const UTC_DAYS = ['04', '05', '06', '07', '08', '09', '10'].map((d) => `2025-03-${d}T00:00:00.000Z`);

describe('the overview of hand-built data', () => {
  let acme: string;
  let beta: string;
  let projectId: string;

  beforeAll(async () => {
    acme = (await api('POST', '/workforces', { name: 'Acme', kind: 'vendor' })).body.id as string;
    beta = (await api('POST', '/workforces', { name: 'Beta', kind: 'vendor' })).body.id as string;
    projectId = await createProject('figures', { overlap: 2 });
    const elsewhere = await createProject('elsewhere');
    const b1 = await createBatch('figures', 'b1', '2025-03-01T00:00:00Z');
    const b2 = await createBatch('figures', 'b2', '2025-03-02T00:00:00Z');
    await createBatch('figures', 'b3-empty', '2025-03-03T00:00:00Z');

    const t1 = await task(projectId, {
      status: 'completed',
      batchId: b1,
      agreement: 1,
      completedAt: '2025-03-10T09:00:00Z',
    });
    const t2 = await task(projectId, {
      status: 'completed',
      batchId: b1,
      agreement: 0.5,
      completedAt: '2025-03-09T23:30:00Z',
    });
    await task(projectId, { status: 'pending', batchId: b1 });
    await task(projectId, { status: 'canceled', batchId: b1 });
    // Completed without an agreement (e.g. by a customer's fix): counted, not averaged.
    await task(projectId, { status: 'completed', batchId: b2, completedAt: '2025-03-08T12:00:00Z' });
    await task(projectId, { status: 'pending', stage: 'review', batchId: b2 });
    await task(projectId, { status: 'error', batchId: b2 });
    // Outside the period: counts in the totals and the overall agreement only.
    await task(projectId, { status: 'completed', agreement: 0, completedAt: '2025-02-01T00:00:00Z' });
    await task(projectId, { status: 'pending' });

    await answer(projectId, t1, { submittedAt: '2025-03-10T10:00:00Z' });
    await answer(projectId, t1, { submittedAt: '2025-03-10T10:00:00Z' });
    await answer(projectId, t2, { submittedAt: '2025-03-09T20:00:00Z' });
    await answer(projectId, t2, { submittedAt: '2025-03-09T21:00:00Z' });
    await answer(projectId, t2, { submittedAt: '2025-03-04T00:00:00Z' }); // the period's first instant
    await answer(projectId, t2, { submittedAt: '2025-03-03T23:59:59.999Z' }); // just before it
    await answer(projectId, t1, { status: 'skipped', submittedAt: '2025-03-10T11:00:00Z' });
    // 02:00 UTC on the 10th is 22:00 on the 9th in New York.
    await answer(projectId, t1, { stage: 'review', submittedAt: '2025-03-10T02:00:00Z' });
    const foreign = await task(elsewhere, { status: 'completed', completedAt: '2025-03-10T09:00:00Z' });
    await answer(elsewhere, foreign, { submittedAt: '2025-03-10T10:00:00Z' });

    await gold(projectId, { workforceId: acme, score: 1, submittedAt: '2025-03-10T12:00:00Z' });
    await gold(projectId, { workforceId: acme, score: 0, submittedAt: '2025-03-10T12:00:00Z' });
    await gold(projectId, { workforceId: acme, score: 1, submittedAt: '2025-03-05T12:00:00Z' });
    await gold(projectId, { workforceId: beta, score: 0.25, submittedAt: '2025-03-10T12:00:00Z' });
    await gold(projectId, { workforceId: null, score: 1, submittedAt: '2025-03-06T12:00:00Z' });
    await gold(projectId, {
      workforceId: acme,
      score: 0,
      submittedAt: '2025-03-10T12:00:00Z',
      kind: 'training',
    });
    await gold(projectId, {
      workforceId: acme,
      score: 0,
      submittedAt: '2025-03-10T12:00:00Z',
      status: 'leased',
    });
    await gold(elsewhere, { workforceId: acme, score: 0, submittedAt: '2025-03-10T12:00:00Z' });
  });

  const utcWeek = () => service().overview(viewer(), 'figures', { days: 7, bucket: 'day', timezone: 'UTC' });

  it('counts every task by status, stage and batch, whatever the period', async () => {
    const o = await utcWeek();
    expect(o.project).toEqual({ name: 'figures', type: 'categorization', archived: false, overlap: 2 });
    expect(o.tasks).toEqual({
      total: 9,
      byStatus: { pending: 3, completed: 4, canceled: 1, error: 1 },
      byStage: { label: 2, review: 1, done: 6 },
      labeling: 2,
      inReview: 1,
      unbatched: 2,
      // (1 + 0.5 + 0) / 3: the completed task without an agreement is left out.
      agreement: { mean: 0.5, n: 3 },
    });
    expect(o.batches.total).toBe(3);
    expect(o.batches.items.map((b) => [b.name, b.total, b.counts, b.completedShare])).toEqual([
      ['b3-empty', 0, { pending: 0, completed: 0, canceled: 0, error: 0 }, null],
      ['b2', 3, { pending: 1, completed: 1, canceled: 0, error: 1 }, 1 / 3],
      ['b1', 4, { pending: 1, completed: 2, canceled: 1, error: 0 }, 0.5],
    ]);
  });

  it('gives one point per day of the period, zeros and nulls where nothing happened', async () => {
    const o = await utcWeek();
    const byTime = await service(true).overview(viewer(), 'figures', {
      days: 7,
      bucket: 'day',
      timezone: 'UTC',
    });
    expect(byTime.throughput).toEqual(o.throughput);
    expect(o.since.toISOString()).toBe('2025-03-04T00:00:00.000Z');
    expect(o.until.toISOString()).toBe('2025-03-11T00:00:00.000Z');
    expect(o.throughput.map((p) => p.start.toISOString())).toEqual(UTC_DAYS);
    expect(o.throughput.map((p) => [p.tasksCompleted, p.answersSubmitted, p.reviewsDone])).toEqual([
      [0, 1, 0],
      [0, 0, 0],
      [0, 0, 0],
      [0, 0, 0],
      [1, 0, 0],
      [1, 2, 0],
      [1, 2, 1],
    ]);
    expect(o.agreement.map((p) => [p.mean, p.n])).toEqual([
      [null, 0],
      [null, 0],
      [null, 0],
      [null, 0],
      [null, 0], // the 8th: one task completed, without an agreement
      [0.5, 1],
      [1, 1],
    ]);
    expect(o.period).toEqual({
      tasksCompleted: 3,
      answersSubmitted: 5,
      reviewsDone: 1,
      agreement: { mean: 0.75, n: 2 },
      gold: { mean: 3.25 / 5, n: 5 },
    });
  });

  it('follows hidden-gold accuracy overall and per workforce', async () => {
    const o = await utcWeek();
    expect(o.gold.series.map((p) => [p.mean, p.n])).toEqual([
      [null, 0],
      [1, 1],
      [1, 1],
      [null, 0],
      [null, 0],
      [null, 0],
      [1.25 / 3, 3],
    ]);
    // Most answers first; Beta and the unassigned tie at one, the unassigned go last.
    expect(o.gold.workforces.map((w) => [w.workforce?.name ?? null, w.overall])).toEqual([
      ['Acme', { mean: 2 / 3, n: 3 }],
      ['Beta', { mean: 0.25, n: 1 }],
      [null, { mean: 1, n: 1 }],
    ]);
    const acmeSeries = o.gold.workforces[0]?.series ?? [];
    expect(acmeSeries.map((p) => p.start.toISOString())).toEqual(UTC_DAYS);
    expect(acmeSeries.map((p) => [p.mean, p.n])).toEqual([
      [null, 0],
      [1, 1],
      [null, 0],
      [null, 0],
      [null, 0],
      [null, 0],
      [0.5, 2],
    ]);
    expect(o.gold.workforces[0]?.workforce).toEqual({ id: acme, name: 'Acme' });
  });

  it('counts days in the given time zone, across a daylight-saving change', async () => {
    const o = await service().overview(viewer(), 'figures', {
      days: 7,
      bucket: 'day',
      timezone: 'America/New_York',
    });
    expect(o.timezone).toBe('America/New_York');
    // Midnight in New York: 05:00 UTC in winter time, 04:00 from the 9th's change on.
    expect(o.throughput.map((p) => p.start.toISOString())).toEqual([
      '2025-03-04T05:00:00.000Z',
      '2025-03-05T05:00:00.000Z',
      '2025-03-06T05:00:00.000Z',
      '2025-03-07T05:00:00.000Z',
      '2025-03-08T05:00:00.000Z',
      '2025-03-09T05:00:00.000Z',
      '2025-03-10T04:00:00.000Z',
    ]);
    expect(o.until.toISOString()).toBe('2025-03-11T04:00:00.000Z');
    // The answer at 00:00 UTC on the 4th was given on the 3rd in New York; the review at 02:00 UTC on
    // the 10th, on the 9th.
    expect(o.throughput.map((p) => [p.tasksCompleted, p.answersSubmitted, p.reviewsDone])).toEqual([
      [0, 0, 0],
      [0, 0, 0],
      [0, 0, 0],
      [0, 0, 0],
      [1, 0, 0],
      [1, 2, 1],
      [1, 2, 0],
    ]);
  });

  it('buckets by hour', async () => {
    const o = await service().overview(viewer(), 'figures', { days: 1, bucket: 'hour', timezone: 'UTC' });
    expect(o.throughput).toHaveLength(24);
    expect(o.since.toISOString()).toBe('2025-03-09T16:00:00.000Z');
    expect(o.until.toISOString()).toBe('2025-03-10T16:00:00.000Z');
    const busy = o.throughput
      .map((p, i) => [i, p.start.toISOString(), p.tasksCompleted, p.answersSubmitted, p.reviewsDone])
      .filter(([, , c, a, r]) => Number(c) + Number(a) + Number(r) > 0);
    expect(busy).toEqual([
      [4, '2025-03-09T20:00:00.000Z', 0, 1, 0],
      [5, '2025-03-09T21:00:00.000Z', 0, 1, 0],
      [7, '2025-03-09T23:00:00.000Z', 1, 0, 0],
      [10, '2025-03-10T02:00:00.000Z', 0, 0, 1],
      [17, '2025-03-10T09:00:00.000Z', 1, 0, 0],
      [18, '2025-03-10T10:00:00.000Z', 0, 2, 0],
    ]);
    expect(o.gold.series[20]).toMatchObject({ n: 3 });
  });

  it('lists every project with its tasks counted, in one read', async () => {
    const r = await api('GET', '/project-progress');
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const figures = (r.body.items as Body[]).find((p) => p.name === 'figures');
    expect(figures).toEqual({
      name: 'figures',
      type: 'categorization',
      archived: false,
      createdAt: expect.any(String),
      tasks: { total: 9, labeling: 2, inReview: 1, completed: 4, canceled: 1, error: 1 },
      lastCompletedAt: '2025-03-10T09:00:00.000Z',
    });
  });
});

describe('over HTTP', () => {
  beforeAll(async () => {
    await createProject('empty');
  });

  it('answers for an empty project with zeros, nulls and every bucket', async () => {
    const r = await api('GET', '/projects/empty/overview?days=30');
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const o = r.body as Body;
    expect(o).toMatchObject({
      days: 30,
      bucket: 'day',
      timezone: 'UTC',
      tasks: {
        total: 0,
        byStatus: { pending: 0, completed: 0, canceled: 0, error: 0 },
        agreement: { mean: null, n: 0 },
      },
      batches: { total: 0, items: [] },
      period: {
        tasksCompleted: 0,
        answersSubmitted: 0,
        reviewsDone: 0,
        agreement: { mean: null, n: 0 },
        gold: { mean: null, n: 0 },
      },
      gold: { workforces: [] },
    });
    expect(o.throughput).toHaveLength(30);
    expect(o.agreement).toHaveLength(30);
    expect(o.gold.series).toHaveLength(30);
    expect((o.throughput as Body[]).every((p) => p.tasksCompleted === 0 && p.answersSubmitted === 0)).toBe(
      true,
    );
    expect((o.agreement as Body[]).every((p) => p.mean === null && p.n === 0)).toBe(true);
    // Consecutive UTC days, the last one holding now.
    const starts = (o.throughput as Body[]).map((p) => Date.parse(p.start as string));
    expect(starts.slice(1).map((s, i) => s - (starts[i] ?? 0))).toEqual(Array(29).fill(86_400_000));
    expect(Date.parse(o.until)).toBe((starts[29] ?? 0) + 86_400_000);
    expect(Date.parse(o.until)).toBeGreaterThan(Date.now() - 1000);

    const listed = await api('GET', '/project-progress');
    expect((listed.body.items as Body[]).find((p) => p.name === 'empty')).toMatchObject({
      tasks: { total: 0, labeling: 0, inReview: 0, completed: 0, canceled: 0, error: 0 },
      lastCompletedAt: null,
    });
  });

  it('shows work done through the work loop in the current period', async () => {
    await createProject('loop');
    const scale = scaleClient(ctx.app, org.liveKey);
    const created = await scale.post('/task/categorization', {
      project: 'loop',
      attachment: 'text 1',
      attachment_type: 'text',
      categories: ['cat', 'dog'],
    });
    expect(created.status).toBe(200);
    const member = await addMember(ctx, org.id, 'annotator');
    const session = await login(ctx.app, member.email);
    const leased = await callAsSession(ctx.app, session, 'POST', '/work/next', {
      project: 'loop',
      stage: 'label',
    });
    expect(leased.status, JSON.stringify(leased.body)).toBe(200);
    const submitted = await callAsSession(
      ctx.app,
      session,
      'POST',
      `/work/assignments/${leased.body.lease.assignment.id}/submit`,
      { response: { category: 'cat' }, timeSpentMs: 1000 },
    );
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);

    const r = await api('GET', '/projects/loop/overview?days=7&timezone=Europe/Paris');
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.tasks).toMatchObject({
      total: 1,
      byStatus: { completed: 1 },
      agreement: { mean: 1, n: 1 },
    });
    expect(r.body.period).toMatchObject({ tasksCompleted: 1, answersSubmitted: 1, reviewsDone: 0 });
    // Today's bucket (or yesterday's, had midnight struck in between).
    const lastTwo = (r.body.throughput as Body[]).slice(-2);
    expect(lastTwo.reduce((s, p) => s + (p.answersSubmitted as number), 0)).toBe(1);
  });

  it('names the field of bad input', async () => {
    const cases: [string, string][] = [
      ['days=0', 'days'],
      ['days=366', 'days'],
      ['days=abc', 'days'],
      ['bucket=week', 'bucket'],
      ['days=32&bucket=hour', 'bucket'],
      ['timezone=Mars/Olympus_Mons', 'timezone'],
      ['timezone=%2B05:00', 'timezone'],
      ['timezone=UTC;DROP', 'timezone'],
    ];
    for (const [query, path] of cases) {
      const r = await api('GET', `/projects/empty/overview?${query}`);
      expect(r.status, query).toBe(400);
      expect(errorPaths(r.body), query).toEqual([path]);
    }
    expect((await api('GET', '/projects/empty/overview?days=31&bucket=hour')).status).toBe(200);
  });

  it("does not show another organization's or environment's project", async () => {
    const foreign = await callApi(ctx.app, other.liveKey, 'GET', '/projects/empty/overview');
    expect(foreign.status).toBe(404);
    expect(foreign.body.code).toBe('not_found');
    const test = await callApi(ctx.app, org.testKey, 'GET', '/projects/empty/overview');
    expect(test.status).toBe(404);
    const missing = await api('GET', '/projects/nope/overview');
    expect(missing.status).toBe(404);
    const list = await callApi(ctx.app, other.liveKey, 'GET', '/project-progress');
    expect(list.status).toBe(200);
    expect(list.body.items).toEqual([]);
  });

  it('filters the projects list by archived', async () => {
    await createProject('old');
    await ctx.db.system.update(projects).set({ archived: true }).where(eqId(projects.name, 'old'));
    const archived = await api('GET', '/project-progress?archived=true');
    expect((archived.body.items as Body[]).map((p) => p.name)).toEqual(['old']);
    const active = await api('GET', '/project-progress?archived=false');
    expect((active.body.items as Body[]).map((p) => p.name)).not.toContain('old');
    expect((active.body.items as Body[]).map((p) => p.name)).toContain('empty');
    const all = await api('GET', '/project-progress');
    const names = (all.body.items as Body[]).map((p) => p.name);
    expect(names).toContain('old');
    expect(names).toContain('empty');
  });

  it('lets a viewer read it and refuses an annotator', async () => {
    for (const [role, expected] of [
      ['viewer', 200],
      ['annotator', 403],
    ] as const) {
      const member = await addMember(ctx, org.id, role);
      const session = await login(ctx.app, member.email);
      const overview = await callAsSession(ctx.app, session, 'GET', '/projects/empty/overview');
      expect(overview.status, role).toBe(expected);
      const list = await callAsSession(ctx.app, session, 'GET', '/project-progress');
      expect(list.status, role).toBe(expected);
      if (expected === 403) expect(overview.body.code).toBe('forbidden');
    }
  });
});
