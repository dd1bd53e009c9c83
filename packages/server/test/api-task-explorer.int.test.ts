/**
 * The task explorer over HTTP: `GET /api/projects/{name}/tasks` (each filter narrows to the hand-built
 * tasks it should, cursor pages cover every task exactly once in either order, the count is exact up to its
 * cap and flagged beyond), `GET /api/projects/{name}/task-filters`, `GET /api/tasks/{id}/timeline` (order
 * and content of a task that went through the whole work loop) and `POST /api/tasks/{id}/audit` (accept,
 * reject reopening the task), with the security rules: gold is never listed, viewers read but do not
 * audit, another organization's tasks are not found.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../src/db/database.ts';
import { newId } from '../src/lib/ids.ts';
import { EXPLORER_COUNT_CAP } from '../src/services/task-explorer.ts';
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
let other: TestOrg;
let ann1: { id: string; email: string };
let ann2: { id: string; email: string };
let reviewerMember: { id: string; email: string };
let viewer: TestSession;
let manager: TestSession;

const api = (method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, body?: unknown) =>
  callApi(ctx.app, org.liveKey, method, url, body);

beforeAll(async () => {
  ctx = await createTestContext();
  org = await ctx.org();
  other = await ctx.org();
  ann1 = await addMember(ctx, org.id, 'annotator');
  ann2 = await addMember(ctx, org.id, 'annotator');
  reviewerMember = await addMember(ctx, org.id, 'reviewer');
  viewer = await login(ctx.app, (await addMember(ctx, org.id, 'viewer')).email);
  manager = await login(ctx.app, (await addMember(ctx, org.id, 'manager')).email);
});
afterAll(() => ctx.close());

/**
 * The hand-built tasks of project `explore`: unique id → what the test sets. Minutes are offsets from BASE
 * (u-06, u-07 and u-08 share an instant, so the id breaks the tie).
 */
const BASE = Date.parse('2025-03-01T00:00:00.000Z');
interface Spec {
  minute: number;
  batch: 'b1' | 'b2' | null;
  tags: string[];
  status: 'pending' | 'completed' | 'canceled' | 'error';
  stage: 'label' | 'review' | 'done';
  agreement: number | null;
  /** Minutes after BASE it completed. */
  completed: number | null;
}
const SPECS: Record<string, Spec> = {
  'u-01': {
    minute: 1,
    batch: 'b1',
    tags: ['red'],
    status: 'completed',
    stage: 'done',
    agreement: 1,
    completed: 100,
  },
  'u-02': {
    minute: 2,
    batch: 'b1',
    tags: ['blue'],
    status: 'completed',
    stage: 'done',
    agreement: 0.5,
    completed: 200,
  },
  'u-03': {
    minute: 3,
    batch: 'b1',
    tags: ['red', 'blue'],
    status: 'completed',
    stage: 'done',
    agreement: 0.25,
    completed: 300,
  },
  'u-04': {
    minute: 4,
    batch: 'b2',
    tags: [],
    status: 'pending',
    stage: 'review',
    agreement: 0.75,
    completed: null,
  },
  'u-05': {
    minute: 5,
    batch: 'b2',
    tags: ['green'],
    status: 'pending',
    stage: 'label',
    agreement: null,
    completed: null,
  },
  'u-06': {
    minute: 6,
    batch: null,
    tags: [],
    status: 'canceled',
    stage: 'done',
    agreement: null,
    completed: null,
  },
  'u-07': {
    minute: 6,
    batch: null,
    tags: ['red'],
    status: 'error',
    stage: 'done',
    agreement: null,
    completed: null,
  },
  'u-08': {
    minute: 6,
    batch: 'b2',
    tags: [],
    status: 'pending',
    stage: 'label',
    agreement: null,
    completed: null,
  },
  'u-09': {
    minute: 9,
    batch: 'b1',
    tags: ['blue'],
    status: 'completed',
    stage: 'done',
    agreement: 0,
    completed: 150,
  },
  'pre-10': {
    minute: 10,
    batch: null,
    tags: [],
    status: 'pending',
    stage: 'label',
    agreement: null,
    completed: null,
  },
  'pre-11': {
    minute: 11,
    batch: null,
    tags: ['green'],
    status: 'completed',
    stage: 'done',
    agreement: 0.9,
    completed: 400,
  },
  x_12: {
    minute: 12,
    batch: null,
    tags: [],
    status: 'pending',
    stage: 'label',
    agreement: null,
    completed: null,
  },
};
const ALL = Object.keys(SPECS);
/** Unique id by task id, and task id by unique id. */
const uniqueOf = new Map<string, string>();
const idOf = new Map<string, string>();
const at = (minute: number) => new Date(BASE + minute * 60_000);

describe('GET /api/projects/{name}/tasks', () => {
  beforeAll(async () => {
    expect((await api('POST', '/projects', { name: 'explore', type: 'categorization' })).status).toBe(200);
    for (const name of ['b1', 'b2']) {
      expect((await api('POST', '/batches', { project: 'explore', name })).status).toBe(200);
    }
    const ids = await queryRows<{ project_id: string; batch: string | null; batch_id: string | null }>(
      ctx.db.system,
      sql`SELECT p.id AS project_id, b.name AS batch, b.id AS batch_id
            FROM projects p LEFT JOIN batches b ON b.project_id = p.id
           WHERE p.org_id = ${org.id} AND p.name = 'explore' AND NOT p.is_test`,
    );
    const projectId = ids[0]?.project_id as string;
    const batchId = new Map(ids.map((r) => [r.batch, r.batch_id]));
    // Written as the task creation writes them (the insert trigger queues the pending ones).
    for (const [uniqueId, spec] of Object.entries(SPECS)) {
      const id = newId(at(spec.minute).getTime());
      uniqueOf.set(id, uniqueId);
      idOf.set(uniqueId, id);
      const params = { attachment: `Text of ${uniqueId}`, attachment_type: 'text', categories: ['a', 'b'] };
      await ctx.db.system.execute(sql`
        INSERT INTO tasks (id, org_id, is_test, project_id, batch_id, type, status, stage, params, metadata, tags,
                           unique_id, agreement, params_version, created_at, updated_at, completed_at)
        VALUES (${id}, ${org.id}, false, ${projectId}, ${spec.batch ? batchId.get(spec.batch) : null},
                'categorization', ${spec.status}, ${spec.stage}, ${await ctx.seal(org.id, 'tasks.params', params)}::jsonb, '{}'::jsonb,
                ${spec.tags.length ? sql.param(spec.tags) : null}::text[], ${uniqueId}, ${spec.agreement},
                0, ${at(spec.minute)}, now(), ${spec.completed === null ? null : at(spec.completed)})`);
    }
    // Labeling answers: ann1 answered u-01, u-02 and u-03 (u-03 in round 1 of 2); ann2 answered u-03 and
    // u-04. ann2 skipped u-05 and the reviewer gave a verdict on u-06: neither is an answer.
    const answer = async (
      uniqueId: string,
      userId: string,
      props: { stage?: 'label' | 'review'; status?: 'submitted' | 'skipped'; round?: number; slot: number },
    ) => {
      const taskId = idOf.get(uniqueId) as string;
      const project = await queryRows<{ project_id: string }>(
        ctx.db.system,
        sql`SELECT project_id FROM tasks WHERE id = ${taskId}`,
      );
      await ctx.db.system.execute(sql`
        INSERT INTO assignments (id, org_id, project_id, task_id, stage, round, slot, priority, task_created_at,
                                 user_id, status, leased_at, lease_expires_at, submitted_at, response)
        VALUES (${newId()}, ${org.id}, ${project[0]?.project_id}, ${taskId}, ${props.stage ?? 'label'},
                ${props.round ?? 1}, ${props.slot}, 0, now(), ${userId}, ${props.status ?? 'submitted'}, now(),
                now() + interval '1 hour', ${props.status === 'skipped' ? null : new Date()},
                ${props.status === 'skipped' ? null : await ctx.seal(org.id, 'assignments.response', { category: 'a' })}::jsonb)`);
    };
    await answer('u-01', ann1.id, { slot: 1 });
    await answer('u-02', ann1.id, { slot: 1 });
    await answer('u-03', ann1.id, { slot: 1 });
    await answer('u-03', ann2.id, { slot: 2, round: 2 });
    await ctx.db.system.execute(sql`UPDATE tasks SET round = 2 WHERE id = ${idOf.get('u-03')}`);
    await answer('u-04', ann2.id, { slot: 1 });
    await answer('u-05', ann2.id, { slot: 1, status: 'skipped' });
    await answer('u-06', reviewerMember.id, { slot: 1, stage: 'review' });
  });

  /** The unique ids a query lists, in order, following every cursor. */
  async function list(query: string): Promise<string[]> {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const url = `/projects/explore/tasks?${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const page = await api('GET', url);
      expect(page.status, JSON.stringify(page.body)).toBe(200);
      seen.push(...(page.body.items as Body[]).map((i) => uniqueOf.get(i.id) as string));
      cursor = page.body.nextCursor;
    } while (cursor);
    return seen;
  }

  it('lists every task newest first, ties broken by id, with what a row shows', async () => {
    const page = await api('GET', '/projects/explore/tasks');
    expect(page.status).toBe(200);
    expect(page.body.total).toBe(12);
    expect(page.body.totalExact).toBe(true);
    expect(page.body.nextCursor).toBeNull();
    const tied = ['u-06', 'u-07', 'u-08'].sort((a, b) =>
      (idOf.get(b) as string).localeCompare(idOf.get(a) as string),
    );
    expect(page.body.items.map((i: Body) => uniqueOf.get(i.id))).toEqual([
      'x_12',
      'pre-11',
      'pre-10',
      'u-09',
      ...tied,
      'u-05',
      'u-04',
      'u-03',
      'u-02',
      'u-01',
    ]);
    const u03 = (page.body.items as Body[]).find((i) => i.uniqueId === 'u-03');
    expect(u03).toMatchObject({
      uniqueId: 'u-03',
      type: 'categorization',
      status: 'completed',
      stage: 'done',
      round: 2,
      batch: 'b1',
      tags: ['red', 'blue'],
      agreement: 0.25,
      paramsVersion: 0,
      createdAt: at(3).toISOString(),
      completedAt: at(300).toISOString(),
      preview: { kind: 'text', url: null, text: 'Text of u-03' },
      // Only the current round's answers: ann2's (round 2), not ann1's (round 1).
      answerCount: 1,
      annotators: [{ id: ann2.id, name: 'Test annotator' }],
    });
  });

  it('narrows by each filter to exactly the tasks that match', async () => {
    const cases: Array<[string, string[]]> = [
      ['status=completed', ['pre-11', 'u-09', 'u-03', 'u-02', 'u-01']],
      ['status=error', ['u-07']],
      ['stage=review', ['u-04']],
      ['stage=label', ['x_12', 'pre-10', 'u-08', 'u-05']],
      ['stage=done&status=canceled', ['u-06']],
      ['batch=b2', ['u-08', 'u-05', 'u-04']],
      ['tag=red', ['u-07', 'u-03', 'u-01']],
      ['tag=green&tag=blue', ['pre-11', 'u-09', 'u-05', 'u-03', 'u-02']],
      ['agreementBelow=0.5', ['u-09', 'u-03']],
      ['agreementAtLeast=0.75', ['pre-11', 'u-04', 'u-01']],
      ['agreementAtLeast=0.25&agreementBelow=0.75', ['u-03', 'u-02']],
      [`annotator=${ann1.id}`, ['u-03', 'u-02', 'u-01']],
      [`annotator=${ann2.id}`, ['u-04', 'u-03']],
      [`annotator=${reviewerMember.id}`, []],
      [`createdAfter=${at(9).toISOString()}`, ['x_12', 'pre-11', 'pre-10', 'u-09']],
      [`createdBefore=${at(2).toISOString()}`, ['u-02', 'u-01']],
      [
        `completedAfter=${at(150).toISOString()}&completedBefore=${at(300).toISOString()}`,
        ['u-09', 'u-03', 'u-02'],
      ],
      ['q=u-05', ['u-05']],
      ['q=pre-', ['pre-11', 'pre-10']],
      // `_` is a character, not a LIKE wildcard.
      ['q=u_0', []],
      ['q=x_', ['x_12']],
      ['q=nothing', []],
      ['status=completed&batch=b1&tag=blue', ['u-09', 'u-03', 'u-02']],
    ];
    for (const [query, expected] of cases) {
      expect(await list(query), query).toEqual(expected);
    }
    // A task id, whole or by its first characters.
    const id = idOf.get('u-04') as string;
    expect(await list(`q=${id}`)).toEqual(['u-04']);
    expect(await list(`q=${id.slice(0, 20)}`)).toContain('u-04');
  });

  it('pages with a cursor over every task exactly once, in both orders', async () => {
    for (const sort of ['newest', 'oldest']) {
      const pages: string[][] = [];
      let cursor: string | null = null;
      do {
        const page: { status: number; body: Body } = await api(
          'GET',
          `/projects/explore/tasks?sort=${sort}&limit=5${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
        );
        expect(page.status).toBe(200);
        // Only the first page counts.
        expect(page.body.total).toBe(cursor ? null : 12);
        pages.push((page.body.items as Body[]).map((i) => uniqueOf.get(i.id) as string));
        cursor = page.body.nextCursor;
      } while (cursor);
      expect(pages.map((p) => p.length)).toEqual([5, 5, 2]);
      const flat = pages.flat();
      expect(new Set(flat).size).toBe(12);
      expect([...flat].sort()).toEqual([...ALL].sort());
      const newest = await list('sort=newest');
      expect(flat).toEqual(sort === 'newest' ? newest : [...newest].reverse());
    }
  });

  it('names the field of a bad query', async () => {
    const bad: Array<[string, string]> = [
      ['status=done', 'status'],
      ['agreementBelow=2', 'agreementBelow'],
      ['agreementAtLeast=0.8&agreementBelow=0.5', 'agreementAtLeast'],
      ['annotator=someone', 'annotator'],
      ['limit=501', 'limit'],
      ['createdAfter=yesterday', 'createdAfter'],
      ['cursor=garbage', 'cursor'],
      ['batch=nope', 'batch'],
    ];
    for (const [query, field] of bad) {
      const r = await api('GET', `/projects/explore/tasks?${query}`);
      expect(r.status, query).toBe(400);
      expect(errorPaths(r.body), query).toContain(field);
    }
    // A cursor of one order is refused in the other.
    const first = await api('GET', '/projects/explore/tasks?limit=2&sort=newest');
    const mixed = await api(
      'GET',
      `/projects/explore/tasks?sort=oldest&cursor=${encodeURIComponent(first.body.nextCursor)}`,
    );
    expect(mixed.status).toBe(400);
    expect(errorPaths(mixed.body)).toEqual(['cursor']);
    expect((await api('GET', '/projects/nowhere/tasks')).status).toBe(404);
  });

  it('counts exactly up to the cap and flags an estimate beyond it', async () => {
    expect((await api('POST', '/projects', { name: 'big', type: 'categorization' })).status).toBe(200);
    const [project] = await queryRows<{ id: string }>(
      ctx.db.system,
      sql`SELECT id FROM projects WHERE org_id = ${org.id} AND name = 'big' AND NOT is_test`,
    );
    // Completed tasks: nothing to queue.
    await ctx.db.system.execute(sql`
      INSERT INTO tasks (id, org_id, is_test, project_id, type, status, stage, params, metadata, tags, created_at, updated_at)
      SELECT lpad(to_hex(i), 24, '0'), ${org.id}, false, ${project?.id}, 'categorization', 'completed', 'done',
             ${await ctx.seal(org.id, 'tasks.params', { attachment: 'x', attachment_type: 'text', categories: ['a', 'b'] })}::jsonb, '{}'::jsonb,
             CASE WHEN i <= 3 THEN ARRAY['few'] ELSE ARRAY['many'] END,
             now() - make_interval(secs => i), now()
        FROM generate_series(1, ${EXPLORER_COUNT_CAP + 50}) AS i`);
    await ctx.db.system.execute(sql`ANALYZE tasks`);
    const all = await api('GET', '/projects/big/tasks?limit=1');
    expect(all.body.totalExact).toBe(false);
    expect(all.body.total).toBeGreaterThan(EXPLORER_COUNT_CAP);
    const few = await api('GET', '/projects/big/tasks?tag=few');
    expect(few.body).toMatchObject({ total: 3, totalExact: true });
    expect(few.body.items).toHaveLength(3);
  });

  it('offers the project’s batches and the people who can answer', async () => {
    const options = await callAsSession(ctx.app, viewer, 'GET', '/projects/explore/task-filters');
    expect(options.status).toBe(200);
    expect(options.body.batches.map((b: Body) => b.name).sort()).toEqual(['b1', 'b2']);
    const ids = options.body.people.map((p: Body) => p.id);
    expect(ids).toEqual(expect.arrayContaining([ann1.id, ann2.id, reviewerMember.id]));
    // Viewers answer nothing.
    expect(options.body.people.every((p: Body) => p.role !== 'viewer')).toBe(true);
  });
});

describe('gold never shows', () => {
  it('lists no gold task and has no timeline for one', async () => {
    expect((await api('POST', '/projects', { name: 'golden', type: 'categorization' })).status).toBe(200);
    const gold = await api('POST', '/projects/golden/gold', {
      kind: 'evaluation',
      params: { attachment: 'gold text', attachment_type: 'text', categories: ['a', 'b'] },
      expectedResponse: { category: 'a' },
    });
    expect(gold.status).toBe(200);
    const real = await scaleClient(ctx.app, org.liveKey).post('/task/categorization', {
      project: 'golden',
      attachment: 'real text',
      attachment_type: 'text',
      categories: ['a', 'b'],
    });
    const listed = await api('GET', '/projects/golden/tasks');
    expect(listed.body.items.map((i: Body) => i.id)).toEqual([real.body.task_id]);
    expect(listed.body.total).toBe(1);
    expect((await api('GET', `/tasks/${gold.body.id}/timeline`)).status).toBe(404);
    expect((await api('POST', `/tasks/${gold.body.id}/audit`, { accepted: true })).status).toBe(404);
  });
});

describe('GET /api/tasks/{id}/timeline and POST /api/tasks/{id}/audit', () => {
  let taskId: string;
  let s1: TestSession;
  let s2: TestSession;
  let rev: TestSession;

  beforeAll(async () => {
    expect((await api('POST', '/projects', { name: 'flow', type: 'categorization' })).status).toBe(200);
    expect(
      (
        await api('PUT', '/projects/flow/workflow', {
          workflow: { overlap: 2, review: { mode: 'all' }, lease_seconds: 600 },
        })
      ).status,
    ).toBe(200);
    const created = await scaleClient(ctx.app, org.liveKey).post('/task/categorization', {
      project: 'flow',
      attachment: 'The quick brown fox',
      attachment_type: 'text',
      categories: ['fox', 'dog'],
      callback_url: 'https://example.com/hook',
      unique_id: 'flow-1',
    });
    expect(created.status).toBe(200);
    taskId = created.body.task_id;
    [s1, s2, rev] = await Promise.all([
      login(ctx.app, ann1.email),
      login(ctx.app, ann2.email),
      login(ctx.app, reviewerMember.email),
    ]);
  });

  const work = (s: TestSession, url: string, body?: unknown) => callAsSession(ctx.app, s, 'POST', url, body);

  it('tells a task’s story in order, with every answer and the final one', async () => {
    const l1 = await work(s1, '/work/next', { project: 'flow' });
    const l2 = await work(s2, '/work/next', { project: 'flow' });
    expect(l1.body.lease.task.id).toBe(taskId);
    expect(l2.body.lease.task.id).toBe(taskId);
    expect(
      (await work(s2, `/work/assignments/${l2.body.lease.assignment.id}/skip`, { reason: 'Cannot tell' }))
        .status,
    ).toBe(200);
    expect(
      (
        await work(s1, `/work/assignments/${l1.body.lease.assignment.id}/submit`, {
          response: { category: 'fox' },
          timeSpentMs: 4200,
        })
      ).status,
    ).toBe(200);
    // The skipped slot went back: the reviewer (who may label too) takes it.
    const l3 = await work(rev, '/work/next', { project: 'flow' });
    expect(l3.body.lease.task.id).toBe(taskId);
    const submitted = await work(rev, `/work/assignments/${l3.body.lease.assignment.id}/submit`, {
      response: { category: 'dog' },
      timeSpentMs: 1000,
    });
    expect(submitted.body.taskOutcome).toBe('review');
    const review = await callAsSession(ctx.app, manager, 'POST', '/work/next', {
      project: 'flow',
      stage: 'review',
    });
    expect(review.body.lease.task.id).toBe(taskId);
    const verdict = await callAsSession(
      ctx.app,
      manager,
      'POST',
      `/work/assignments/${review.body.lease.assignment.id}/review`,
      { verdict: 'fix', response: { category: 'fox' } },
    );
    expect(verdict.body.taskOutcome).toBe('completed');

    const t = await callAsSession(ctx.app, viewer, 'GET', `/tasks/${taskId}/timeline`);
    expect(t.status).toBe(200);
    expect(t.body.task).toMatchObject({
      id: taskId,
      uniqueId: 'flow-1',
      project: 'flow',
      status: 'completed',
      stage: 'done',
      round: 1,
      paramsVersion: 0,
      response: { category: 'fox' },
    });
    expect(t.body.final).toMatchObject({ response: { category: 'fox' }, agreement: expect.any(Number) });
    expect(t.body.final.agreement).toBe(t.body.task.agreement);
    const labels = (t.body.assignments as Body[]).filter((a) => a.stage === 'label');
    expect(labels.map((a) => [a.annotator.email, a.status])).toEqual([
      [ann1.email, 'submitted'],
      [ann2.email, 'skipped'],
      [reviewerMember.email, 'submitted'],
    ]);
    expect(labels[0]).toMatchObject({
      round: 1,
      response: { category: 'fox' },
      timeSpentMs: 4200,
      annotator: { id: ann1.id, name: 'Test annotator' },
    });
    expect(labels[1]).toMatchObject({ skipReason: 'Cannot tell', response: null });
    expect(labels[2]).toMatchObject({ response: { category: 'dog' } });
    expect(t.body.reviews).toHaveLength(1);
    expect(t.body.reviews[0]).toMatchObject({
      source: 'reviewer',
      verdict: 'fix',
      response: { category: 'fox' },
      reviewer: { type: 'user', name: 'Test manager' },
    });
    expect(t.body.deliveries).toHaveLength(1);
    expect(t.body.deliveries[0]).toMatchObject({ event: 'task.completed', status: 'pending', taskId });

    const kinds = (t.body.events as Body[]).map((e) => e.kind);
    expect(kinds).toEqual([
      'task.created',
      'assignment.leased',
      'assignment.leased',
      'assignment.submitted',
      'assignment.leased',
      'assignment.submitted',
      'assignment.leased',
      'review.fixed',
      'task.completed',
      'delivery.queued',
    ]);
    const times = (t.body.events as Body[]).map((e) => Date.parse(e.at));
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    const skipped = (t.body.events as Body[]).find((e) => e.assignmentId === labels[1]?.id);
    expect(skipped?.summary).toContain('skipped: Cannot tell');
  });

  it('lets a viewer read but not audit, and a manager accept then reject', async () => {
    const denied = await callAsSession(ctx.app, viewer, 'POST', `/tasks/${taskId}/audit`, { accepted: true });
    expect(denied.status).toBe(403);

    const accepted = await callAsSession(ctx.app, manager, 'POST', `/tasks/${taskId}/audit`, {
      accepted: true,
      comments: 'Looks right',
    });
    expect(accepted.status).toBe(200);
    expect(accepted.body.task).toMatchObject({ status: 'completed', customerReviewStatus: 'accepted' });
    expect(accepted.body.audits).toHaveLength(1);
    expect(accepted.body.audits[0]).toMatchObject({
      result: 'accepted',
      comments: 'Looks right',
      source: 'customer',
    });
    expect(accepted.body.events.at(-1)).toMatchObject({ kind: 'audit.accepted' });

    const rejected = await callAsSession(ctx.app, manager, 'POST', `/tasks/${taskId}/audit`, {
      accepted: false,
      comments: 'The animal is a dog',
    });
    expect(rejected.status).toBe(200);
    expect(rejected.body.task).toMatchObject({
      status: 'pending',
      stage: 'label',
      round: 2,
      response: null,
      customerReviewStatus: 'rejected',
    });
    expect(rejected.body.audits.map((a: Body) => a.result)).toEqual(['accepted', 'rejected']);
    expect(rejected.body.events.at(-1)).toMatchObject({ kind: 'audit.rejected', round: 1 });
    const answered = (rejected.body.assignments as Body[]).filter(
      (a) => a.stage === 'label' && a.status === 'submitted',
    );
    expect(answered.every((a) => a.feedback === 'The animal is a dog')).toBe(true);
    // The task is labeled again: its new round is in the queue.
    expect((await work(s1, '/work/next', { project: 'flow' })).body.lease.task.id).toBe(taskId);

    const notCompleted = await callAsSession(ctx.app, manager, 'POST', `/tasks/${taskId}/audit`, {
      accepted: true,
    });
    expect(notCompleted.status).toBe(400);
    expect(notCompleted.body.code).toBe('task_not_pending');
    const badBody = await api('POST', `/tasks/${taskId}/audit`, { accepted: 'yes' });
    expect(badBody.status).toBe(400);
    expect(errorPaths(badBody.body)).toContain('accepted');
  });

  it('does not find another organization’s task or project', async () => {
    const outsider = (method: 'GET' | 'POST', url: string, body?: unknown) =>
      callApi(ctx.app, other.liveKey, method, url, body);
    expect((await outsider('GET', `/tasks/${taskId}/timeline`)).status).toBe(404);
    expect((await outsider('POST', `/tasks/${taskId}/audit`, { accepted: true })).status).toBe(404);
    expect((await outsider('GET', '/projects/flow/tasks')).status).toBe(404);
    expect((await outsider('GET', '/projects/flow/task-filters')).status).toBe(404);
    // Nor a live task with a test key.
    expect((await callApi(ctx.app, org.testKey, 'GET', `/tasks/${taskId}/timeline`)).status).toBe(404);
    expect((await api('GET', '/tasks/not-an-id/timeline')).status).toBe(404);
  });
});
