/**
 * The work engine end to end at the service level: leasing under concurrency, lease expiry, skips and
 * releases, routing and skills, consensus, review (accept / fix / reject → relabel), cancellation and
 * the customer's audit. People are members with principals as their sessions would carry them.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../src/db/database.ts';
import { ApiError } from '../src/errors.ts';
import { openField } from '../src/keys/field-cipher.ts';
import { reapExpiredLeases } from '../src/repositories/assignments.ts';
import type { Principal, Role } from '../src/services/principal.ts';
import type { WorkService } from '../src/services/work.ts';
import { createTestContext, scaleClient, type TestContext, type TestOrg } from './harness.ts';

let ctx: TestContext;
let org: TestOrg;
let work: WorkService;
let people = 0;

beforeAll(async () => {
  ctx = await createTestContext();
  org = await ctx.org();
  work = ctx.app.services.work;
});
afterAll(() => ctx.close());

/** A member of `org` with `role` (and optionally a workforce), as a session principal. */
async function person(
  role: Role = 'annotator',
  workforceId: string | null = null,
  inOrg = org,
): Promise<Principal> {
  const email = `p${++people}-${role}@example.com`;
  const user = await ctx.orgs.addUser(inOrg.id, { email, role });
  if (workforceId) {
    await ctx.db.system.execute(
      sql`UPDATE memberships SET workforce_id = ${workforceId} WHERE org_id = ${inOrg.id} AND user_id = ${user.id}`,
    );
  }
  return {
    orgId: inOrg.id,
    orgSlug: inOrg.slug,
    isTest: false,
    keyId: null,
    userId: user.id,
    workforceId,
    actorName: email,
    role,
  };
}

/** Creates a categorization project with a workflow (and routing), written as the workflow API stores it. */
async function project(
  name: string,
  workflow: Record<string, unknown>,
  routing: Record<string, unknown> = {},
  type = 'categorization',
): Promise<void> {
  const scale = scaleClient(ctx.app, org.liveKey);
  const created = await scale.post('/projects', { type, name, params: {} });
  expect(created.status).toBe(200);
  await ctx.db.system.execute(
    sql`UPDATE projects SET workflow = ${JSON.stringify(workflow)}::jsonb, routing = ${JSON.stringify(routing)}::jsonb
         WHERE org_id = ${org.id} AND name = ${name}`,
  );
}

async function categorizationTasks(projectName: string, n: number): Promise<string[]> {
  const scale = scaleClient(ctx.app, org.liveKey);
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const r = await scale.post('/task/categorization', {
      project: projectName,
      attachment: `https://example.com/${projectName}/${i}.jpg`,
      categories: ['cat', 'dog'],
      instruction: 'Which animal?',
    });
    expect(r.status).toBe(200);
    ids.push(r.body.task_id);
  }
  return ids;
}

async function rows<T = Record<string, unknown>>(query: ReturnType<typeof sql>): Promise<T[]> {
  return queryRows<T>(ctx.db.system, query);
}

async function taskRow(id: string) {
  const [row] = await rows<{
    org_id: string;
    status: string;
    stage: string;
    round: number;
    response: unknown;
    agreement: number | null;
  }>(sql`SELECT org_id, status, stage, round, response, agreement FROM tasks WHERE id = ${id}`);
  if (!row) return row;
  // The response is stored encrypted: opened with the organization's keys, as the application reads it.
  const response = await ctx.db.withOrgKeys(row.org_id, async () =>
    openField('tasks.response', row.response),
  );
  return { ...row, response };
}

async function expectApiError(promise: Promise<unknown>, code: string): Promise<ApiError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiError);
  expect((error as ApiError).code).toBe(code);
  return error as ApiError;
}

describe('concurrent claimers', () => {
  it('32 claimers over 1,000 tasks with overlap 3: no slot leased twice, nobody twice on a task, every task completed once', async () => {
    await project('concurrency', { overlap: 3 });
    // Bulk import: the insert trigger queues 3 slots per task.
    const lines = Array.from({ length: 1000 }, (_, i) =>
      JSON.stringify({
        project: 'concurrency',
        attachment: `https://example.com/c/${i}.jpg`,
        categories: ['cat', 'dog'],
      }),
    ).join('\n');
    const imported = await ctx.app.inject({
      method: 'POST',
      url: '/api/tasks/import?type=categorization',
      headers: { authorization: `Bearer ${org.liveKey}`, 'content-type': 'application/x-ndjson' },
      payload: lines,
    });
    expect(imported.statusCode).toBe(200);
    const [queued] = await rows<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM work_queue WHERE org_id = ${org.id}`,
    );
    expect(queued?.n).toBe(3000);

    const claimers = await Promise.all(Array.from({ length: 32 }, () => person('annotator')));
    const leasedIds = new Set<string>();
    let duplicates = 0;
    await Promise.all(
      claimers.map(async (p, i) => {
        for (;;) {
          const lease = await work.next(p, { stage: 'label', project: 'concurrency' });
          if (!lease) return;
          if (leasedIds.has(lease.assignment.id)) duplicates++;
          leasedIds.add(lease.assignment.id);
          await work.submit(p, lease.assignment.id, { response: { category: i % 3 === 0 ? 'dog' : 'cat' } });
        }
      }),
    );
    expect(duplicates).toBe(0);
    expect(leasedIds.size).toBe(3000);

    const [slots] = await rows<{ total: number; distinct_slots: number; distinct_people: number }>(sql`
      SELECT count(*)::int AS total,
             count(DISTINCT (task_id, slot))::int AS distinct_slots,
             count(DISTINCT (task_id, user_id))::int AS distinct_people
        FROM assignments WHERE org_id = ${org.id} AND project_id = (SELECT id FROM projects WHERE org_id = ${org.id} AND name = 'concurrency')`);
    expect(slots).toEqual({ total: 3000, distinct_slots: 3000, distinct_people: 3000 });
    const status = await rows<{ status: string; stage: string; n: number }>(sql`
      SELECT status, stage, count(*)::int AS n FROM tasks
       WHERE project_id = (SELECT id FROM projects WHERE org_id = ${org.id} AND name = 'concurrency')
       GROUP BY status, stage`);
    expect(status).toEqual([{ status: 'completed', stage: 'done', n: 1000 }]);
    const [left] = await rows<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM work_queue WHERE org_id = ${org.id}`,
    );
    expect(left?.n).toBe(0);
  }, 300_000);
});

describe('leases', () => {
  it('an expired lease cannot be submitted and returns to the queue for someone else', async () => {
    await project('expiry', { overlap: 1 });
    const [taskId] = await categorizationTasks('expiry', 1);
    const alice = await person();
    const bob = await person();
    const lease = await work.next(alice, { stage: 'label', project: 'expiry' });
    expect(lease?.task.id).toBe(taskId);
    expect(await work.next(bob, { stage: 'label', project: 'expiry' })).toBeNull();

    await ctx.db.system.execute(
      sql`UPDATE assignments SET lease_expires_at = now() - interval '1 second' WHERE id = ${lease?.assignment.id}`,
    );
    await expectApiError(
      work.submit(alice, lease?.assignment.id ?? '', { response: { category: 'cat' } }),
      'lease_expired',
    );
    await expectApiError(work.heartbeat(alice, lease?.assignment.id ?? ''), 'lease_expired');

    // Bob finds nothing open, so the claim reaps the expired lease first and leases it to him.
    const bobs = await work.next(bob, { stage: 'label', project: 'expiry' });
    expect(bobs?.task.id).toBe(taskId);
    const [old] = await rows<{ status: string }>(
      sql`SELECT status FROM assignments WHERE id = ${lease?.assignment.id}`,
    );
    expect(old?.status).toBe('expired');
    await expectApiError(
      work.submit(alice, lease?.assignment.id ?? '', { response: { category: 'cat' } }),
      'lease_not_held',
    );
    const outcome = await work.submit(bob, bobs?.assignment.id ?? '', { response: { category: 'dog' } });
    expect(outcome.taskOutcome).toBe('completed');
    expect((await taskRow(taskId ?? ''))?.response).toEqual({ category: 'dog' });
  });

  it('completes a task with a callback through the full path, writing its delivery with the completion', async () => {
    await project('callbacks', { overlap: 1 });
    const scale = scaleClient(ctx.app, org.liveKey);
    const created = await scale.post('/task/categorization', {
      project: 'callbacks',
      attachment: 'https://example.com/cb.jpg',
      categories: ['cat', 'dog'],
      callback_url: 'https://example.com/hook',
    });
    const alice = await person();
    const lease = await work.next(alice, { stage: 'label', project: 'callbacks' });
    const outcome = await work.submit(alice, lease?.assignment.id ?? '', { response: { category: 'cat' } });
    expect(outcome.taskOutcome).toBe('completed');
    const deliveries = await rows<{ event: string; status: string }>(
      sql`SELECT event, status FROM deliveries WHERE task_id = ${created.body.task_id}`,
    );
    expect(deliveries).toEqual([{ event: 'task.completed', status: 'pending' }]);
  });

  it('the reaper job returns expired leases of every organization', async () => {
    await project('reaper', { overlap: 1 });
    await categorizationTasks('reaper', 2);
    const alice = await person();
    const lease = await work.next(alice, { stage: 'label', project: 'reaper' });
    await ctx.db.system.execute(
      sql`UPDATE assignments SET lease_expires_at = now() - interval '1 second' WHERE id = ${lease?.assignment.id}`,
    );
    expect(await ctx.db.withSystem((tx) => reapExpiredLeases(tx, new Date()))).toBeGreaterThanOrEqual(1);
    const [queued] = await rows<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM work_queue WHERE task_id = ${lease?.task.id}`,
    );
    expect(queued?.n).toBe(1);
  });

  it('heartbeat extends, skip hides the task from the skipper, release does not', async () => {
    await project('skips', { overlap: 1, lease_seconds: 60 });
    const [taskId] = await categorizationTasks('skips', 1);
    const alice = await person();
    const lease = await work.next(alice, { stage: 'label', project: 'skips' });
    const before = lease?.assignment.leaseExpiresAt.getTime() ?? 0;
    await new Promise((r) => setTimeout(r, 20));
    const beat = await work.heartbeat(alice, lease?.assignment.id ?? '');
    expect(beat.leaseExpiresAt.getTime()).toBeGreaterThan(before);

    const released = await work.release(alice, lease?.assignment.id ?? '');
    expect(released.status).toBe('released');
    const again = await work.next(alice, { stage: 'label', project: 'skips' });
    expect(again?.task.id).toBe(taskId);

    const skipped = await work.skip(alice, again?.assignment.id ?? '', 'image does not load');
    expect(skipped).toMatchObject({ status: 'skipped', skipReason: 'image does not load' });
    expect(await work.next(alice, { stage: 'label', project: 'skips' })).toBeNull();
    const bob = await person();
    expect((await work.next(bob, { stage: 'label', project: 'skips' }))?.task.id).toBe(taskId);
  });

  it("refuses another person's lease as not found and an API key as not a person", async () => {
    await project('owners', { overlap: 1 });
    await categorizationTasks('owners', 1);
    const alice = await person();
    const mallory = await person();
    const lease = await work.next(alice, { stage: 'label', project: 'owners' });
    const id = lease?.assignment.id ?? '';
    await expectApiError(work.submit(mallory, id, { response: { category: 'cat' } }), 'not_found');
    await expectApiError(work.heartbeat(mallory, id), 'not_found');
    await expectApiError(work.get(mallory, id), 'not_found');
    await expectApiError(work.next({ ...alice, userId: null, keyId: 'k' }, { stage: 'label' }), 'forbidden');

    const other = await ctx.org();
    const outsider = await person('admin', null, other);
    await expectApiError(work.submit({ ...outsider }, id, { response: { category: 'cat' } }), 'not_found');
    // Nothing changed.
    const [row] = await rows<{ status: string }>(sql`SELECT status FROM assignments WHERE id = ${id}`);
    expect(row?.status).toBe('leased');
  });

  it('refuses an answer the task does not allow, naming the field, and keeps the lease', async () => {
    await project('validation', { overlap: 1 });
    await categorizationTasks('validation', 1);
    const alice = await person();
    const lease = await work.next(alice, { stage: 'label', project: 'validation' });
    const error = await expectApiError(
      work.submit(alice, lease?.assignment.id ?? '', { response: { category: 'horse' } }),
      'invalid_response',
    );
    expect(error.details.map((d) => d.path)).toEqual(['response.category']);
    const [row] = await rows<{ status: string }>(
      sql`SELECT status FROM assignments WHERE id = ${lease?.assignment.id}`,
    );
    expect(row?.status).toBe('leased');
  });

  it('canceling a task revokes its open assignments and empties its queue', async () => {
    await project('cancel', { overlap: 2 });
    const [taskId] = await categorizationTasks('cancel', 1);
    const alice = await person();
    const lease = await work.next(alice, { stage: 'label', project: 'cancel' });
    const scale = scaleClient(ctx.app, org.liveKey);
    expect((await scale.post(`/task/${taskId}/cancel`)).status).toBe(200);
    await expectApiError(
      work.submit(alice, lease?.assignment.id ?? '', { response: { category: 'cat' } }),
      'lease_not_held',
    );
    const [queued] = await rows<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM work_queue WHERE task_id = ${taskId}`,
    );
    expect(queued?.n).toBe(0);
    expect(await work.next(await person(), { stage: 'label', project: 'cancel' })).toBeNull();
  });
});

describe('routing', () => {
  it('serves a project only to its workforces and to holders of its skills', async () => {
    const wfA = 'a'.repeat(24);
    const wfB = 'b'.repeat(24);
    await project('routed', { overlap: 1 }, { workforces: [{ id: wfA }], skills: ['medicine'] });
    await categorizationTasks('routed', 1);
    const outsider = await person('annotator', wfB);
    const unskilled = await person('annotator', wfA);
    const skilled = await person('annotator', wfA);
    await ctx.db.system.execute(
      sql`INSERT INTO member_skills (org_id, user_id, skill, source) VALUES (${org.id}, ${skilled.userId}, 'medicine', 'granted')`,
    );
    expect(await work.next(outsider, { stage: 'label', project: 'routed' })).toBeNull();
    expect(await work.next(unskilled, { stage: 'label', project: 'routed' })).toBeNull();
    expect(await work.next(skilled, { stage: 'label', project: 'routed' })).not.toBeNull();
  });

  it('serves higher priority first, then older tasks', async () => {
    await project('prio', { overlap: 1 });
    const scale = scaleClient(ctx.app, org.liveKey);
    const low = await scale.post('/task/categorization', {
      project: 'prio',
      attachment: 'https://example.com/low.jpg',
      categories: ['a', 'b'],
      priority: 10,
    });
    const high = await scale.post('/task/categorization', {
      project: 'prio',
      attachment: 'https://example.com/high.jpg',
      categories: ['a', 'b'],
      priority: 30,
    });
    const alice = await person();
    expect((await work.next(alice, { stage: 'label', project: 'prio' }))?.task.id).toBe(high.body.task_id);
    expect((await work.next(alice, { stage: 'label', project: 'prio' }))?.task.id).toBe(low.body.task_id);
  });

  it('records a random display order per assignment for pairwise preference', async () => {
    const scale = scaleClient(ctx.app, org.liveKey);
    await scale.post('/projects', { type: 'pairwisepreference', name: 'pairs', params: {} });
    for (let i = 0; i < 24; i++) {
      const r = await scale.post('/task/pairwisepreference', {
        project: 'pairs',
        prompt: `Question ${i}?`,
        responses: [{ content: 'first' }, { content: 'second' }],
      });
      expect(r.status).toBe(200);
    }
    const alice = await person();
    const orders = new Set<string>();
    for (let i = 0; i < 24; i++) {
      const lease = await work.next(alice, { stage: 'label', project: 'pairs' });
      expect(lease?.assignment.displayOrder?.slice().sort()).toEqual([0, 1]);
      orders.add(JSON.stringify(lease?.assignment.displayOrder));
    }
    // 24 fair coin flips all alike: probability 2^-23.
    expect(orders.size).toBe(2);
  });
});

describe('review', () => {
  it('reject sends the task back to labeling with the comment; accept then completes it', async () => {
    await project('reviewed', { overlap: 1, review: { mode: 'all' } });
    const [taskId] = await categorizationTasks('reviewed', 1);
    const alice = await person();
    const rita = await person('reviewer');

    const first = await work.next(alice, { stage: 'label', project: 'reviewed' });
    expect(
      (await work.submit(alice, first?.assignment.id ?? '', { response: { category: 'cat' } })).taskOutcome,
    ).toBe('review');
    expect((await taskRow(taskId ?? ''))?.stage).toBe('review');
    // The author cannot review their own round.
    const aliceAsReviewer = { ...alice, role: 'reviewer' as const };
    expect(await work.next(aliceAsReviewer, { stage: 'review', project: 'reviewed' })).toBeNull();

    const review = await work.next(rita, { stage: 'review', project: 'reviewed' });
    expect(review?.review?.answers.map((a) => a.response)).toEqual([{ category: 'cat' }]);
    expect(review?.review?.result).toEqual({ category: 'cat' });
    const missing = await expectApiError(
      work.review(rita, review?.assignment.id ?? '', { verdict: 'reject' }),
      'invalid_request',
    );
    expect(missing.details.map((d) => d.path)).toEqual(['comment']);
    const rejected = await work.review(rita, review?.assignment.id ?? '', {
      verdict: 'reject',
      comment: 'It is a dog.',
    });
    expect(rejected.taskOutcome).toBe('relabel');
    expect(await taskRow(taskId ?? '')).toMatchObject({ status: 'pending', stage: 'label', round: 2 });

    const feedback = await work.mine(alice, { withFeedback: true, limit: 10 });
    expect(feedback.map((a) => a.feedback)).toEqual(['It is a dog.']);

    const second = await work.next(alice, { stage: 'label', project: 'reviewed' });
    expect(second?.task.id).toBe(taskId);
    expect(second?.feedback.map((r) => r.comment)).toEqual(['It is a dog.']);
    await work.submit(alice, second?.assignment.id ?? '', { response: { category: 'dog' } });
    const again = await work.next(rita, { stage: 'review', project: 'reviewed' });
    expect((await work.review(rita, again?.assignment.id ?? '', { verdict: 'accept' })).taskOutcome).toBe(
      'completed',
    );
    expect(await taskRow(taskId ?? '')).toMatchObject({ status: 'completed', response: { category: 'dog' } });
  });

  it('fix completes the task with the corrected, validated answer', async () => {
    await project('fixed', { overlap: 1, review: { mode: 'all' } });
    const [taskId] = await categorizationTasks('fixed', 1);
    const alice = await person();
    const rita = await person('reviewer');
    const lease = await work.next(alice, { stage: 'label', project: 'fixed' });
    await work.submit(alice, lease?.assignment.id ?? '', { response: { category: 'cat' } });
    const review = await work.next(rita, { stage: 'review', project: 'fixed' });
    await expectApiError(
      work.review(rita, review?.assignment.id ?? '', { verdict: 'fix', response: { category: 'horse' } }),
      'invalid_response',
    );
    await work.review(rita, review?.assignment.id ?? '', { verdict: 'fix', response: { category: 'dog' } });
    expect(await taskRow(taskId ?? '')).toMatchObject({ status: 'completed', response: { category: 'dog' } });
  });

  it('overlap with low agreement goes to review when the policy says so', async () => {
    await project('agreement', { overlap: 2, review: { mode: 'below_agreement', agreement_threshold: 0.9 } });
    const [taskId] = await categorizationTasks('agreement', 2);
    const alice = await person();
    const bob = await person();
    const a1 = await work.next(alice, { stage: 'label', project: 'agreement' });
    const b1 = await work.next(bob, { stage: 'label', project: 'agreement' });
    expect(a1?.task.id).toBe(taskId);
    expect(b1?.task.id).toBe(taskId);
    expect(
      (await work.submit(alice, a1?.assignment.id ?? '', { response: { category: 'cat' } })).taskOutcome,
    ).toBe('waiting');
    expect(
      (await work.submit(bob, b1?.assignment.id ?? '', { response: { category: 'dog' } })).taskOutcome,
    ).toBe('review');
    const row = await taskRow(taskId ?? '');
    expect(row?.stage).toBe('review');
    expect(row?.agreement).toBeLessThan(0.9);
    // The second task, answered alike, completes without review.
    const a2 = await work.next(alice, { stage: 'label', project: 'agreement' });
    const b2 = await work.next(bob, { stage: 'label', project: 'agreement' });
    await work.submit(alice, a2?.assignment.id ?? '', { response: { category: 'cat' } });
    expect(
      (await work.submit(bob, b2?.assignment.id ?? '', { response: { category: 'cat' } })).taskOutcome,
    ).toBe('completed');
  });

  it("the customer's audit rejection re-queues a completed task", async () => {
    await project('audited', { overlap: 1 });
    const [taskId] = await categorizationTasks('audited', 1);
    const alice = await person();
    const lease = await work.next(alice, { stage: 'label', project: 'audited' });
    await work.submit(alice, lease?.assignment.id ?? '', { response: { category: 'cat' } });
    const scale = scaleClient(ctx.app, org.liveKey);
    const audit = await scale.post(`/task/${taskId}/audit`, { accepted: false, comments: 'Wrong animal.' });
    expect(audit.status).toBe(200);
    expect(audit.body.status).toBe('pending');
    expect(await taskRow(taskId ?? '')).toMatchObject({ status: 'pending', stage: 'label', round: 2 });
    const again = await work.next(alice, { stage: 'label', project: 'audited' });
    expect(again?.task.id).toBe(taskId);
    expect(again?.feedback.map((r) => [r.source, r.comment])).toEqual([['customer', 'Wrong animal.']]);
  });
});
