/**
 * `GET /api/work/overview`, the workbench's home: the projects a person may work with what waits for
 * them there — decided as `POST /api/work/next` decides (routing, skills, what they already took,
 * skipped or answered, the review role) — and their own figures after answers, reviews and skips.
 * Everything is the caller's organization's and the caller's own.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../src/db/database.ts';
import type { Role } from '../src/services/principal.ts';
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

beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

/** Calls `/api` with the organization's live key (acts as admin); expects success. */
async function admin(org: TestOrg, method: 'POST' | 'PUT', url: string, body: unknown = {}): Promise<Body> {
  const response = await callApi(ctx.app, org.liveKey, method, url, body);
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return response.body;
}

/** A logged-in member of `org` with `role`, optionally in a workforce (set before logging in). */
async function person(org: TestOrg, role: Role, workforceId: string | null = null) {
  const member = await addMember(ctx, org.id, role);
  if (workforceId) await admin(org, 'PUT', `/members/${member.id}/workforce`, { workforceId });
  return {
    id: member.id,
    email: member.email,
    session: await login(ctx.app, member.email, undefined, org.slug),
  };
}

/** Imports `count` categorization tasks (categories a and b) into a project, oldest first. */
async function importTasks(org: TestOrg, project: string, count: number): Promise<void> {
  const lines = Array.from({ length: count }, (_, i) =>
    JSON.stringify({ attachment: `text ${i}`, attachment_type: 'text', categories: ['a', 'b'] }),
  );
  const response = await ctx.app.inject({
    method: 'POST',
    url: `/api/tasks/import?type=categorization&project=${encodeURIComponent(project)}`,
    headers: { authorization: `Bearer ${org.liveKey}`, 'content-type': 'application/x-ndjson' },
    payload: lines.join('\n'),
  });
  expect(response.statusCode, response.body).toBe(200);
}

async function overview(s: TestSession): Promise<Body> {
  const response = await callAsSession(ctx.app, s, 'GET', '/work/overview');
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return response.body;
}

/** The overview's projects by name: `[waiting, reviewsWaiting]`. */
async function counts(s: TestSession): Promise<Record<string, [number, number]>> {
  const body = await overview(s);
  return Object.fromEntries(
    body.projects.map((p: Body) => [p.name, [p.waiting, p.reviewsWaiting]] as [string, [number, number]]),
  );
}

/** Leases the next slot (of one project) and returns the lease, or null. */
async function lease(
  s: TestSession,
  project: string,
  stage: 'label' | 'review' = 'label',
): Promise<Body | null> {
  const response = await callAsSession(ctx.app, s, 'POST', '/work/next', { project, stage });
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return response.body.lease;
}

async function act(s: TestSession, lease: Body | null, verb: string, body: unknown = {}): Promise<Body> {
  if (!lease) throw new Error(`nothing leased to ${verb}`);
  const response = await callAsSession(
    ctx.app,
    s,
    'POST',
    `/work/assignments/${lease.assignment.id}/${verb}`,
    body,
  );
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return response.body;
}

const answer = (s: TestSession, l: Body | null, category: string, timeSpentMs?: number) =>
  act(s, l, 'submit', { response: { category }, ...(timeSpentMs === undefined ? {} : { timeSpentMs }) });

describe('GET /api/work/overview: what waits for whom', () => {
  it('counts per project by routing, skills, what the caller took, skipped or answered, and the review role', async () => {
    const org = await ctx.org();
    const wfA = (await admin(org, 'POST', '/workforces', { name: 'A', kind: 'vendor' })).id as string;
    const wfB = (await admin(org, 'POST', '/workforces', { name: 'B', kind: 'vendor' })).id as string;
    const project = (name: string, extra: Record<string, unknown> = {}) =>
      admin(org, 'POST', '/projects', { name, type: 'categorization', ...extra });
    await project('shared', {
      instruction: '# Label the *animal*',
      workflow: { overlap: 2, review: { mode: 'all' } },
    });
    await project('vendor a only', { routing: { workforces: [{ id: wfA }] }, priority: 5 });
    await project('medicine', { routing: { skills: ['medicine'] } });
    await project('empty');
    await project('archived');
    await importTasks(org, 'shared', 3);
    await importTasks(org, 'vendor a only', 2);
    await importTasks(org, 'medicine', 1);
    await importTasks(org, 'archived', 1);
    await ctx.db.system.execute(
      sql`UPDATE projects SET archived = true WHERE org_id = ${org.id} AND name = 'archived'`,
    );

    const a1 = await person(org, 'annotator', wfA);
    const a2 = await person(org, 'annotator', wfA);
    const b1 = await person(org, 'annotator', wfB);
    const loner = await person(org, 'annotator');
    const rev = await person(org, 'reviewer', wfA);
    await admin(org, 'PUT', `/members/${a1.id}/skills/medicine`);
    // b1's skill has lapsed.
    await admin(org, 'PUT', `/members/${b1.id}/skills/medicine`);
    await ctx.db.system.execute(
      sql`UPDATE member_skills SET expires_at = now() - interval '1 day' WHERE org_id = ${org.id} AND user_id = ${b1.id}`,
    );

    const first = await overview(a1.session);
    // Priority first (higher served first), then name; every key present.
    expect(first.projects.map((p: Body) => p.name)).toEqual(['vendor a only', 'empty', 'medicine', 'shared']);
    expect(first.projects.find((p: Body) => p.name === 'shared')).toEqual({
      name: 'shared',
      type: 'categorization',
      instruction: '# Label the *animal*',
      waiting: 3,
      reviewsWaiting: 0,
      inProgress: 0,
      reviewsInProgress: 0,
      priority: 0,
      paused: null,
      training: null,
    });
    expect(first.projects[0]).toMatchObject({
      name: 'vendor a only',
      instruction: null,
      priority: 5,
      waiting: 2,
    });
    expect(await counts(a1.session)).toEqual({
      'vendor a only': [2, 0],
      empty: [0, 0],
      medicine: [1, 0],
      shared: [3, 0],
    });
    // Another workforce, no workforce, an expired skill: not routed to them.
    expect(await counts(b1.session)).toEqual({ empty: [0, 0], shared: [3, 0] });
    expect(await counts(loner.session)).toEqual({ empty: [0, 0], shared: [3, 0] });
    expect(await counts(rev.session)).toEqual({ 'vendor a only': [2, 0], empty: [0, 0], shared: [3, 0] });

    // a1 answers one slot of the oldest task: that task no longer counts for a1, still does for the others
    // (each task counts once, however many of its slots are open).
    await answer(a1.session, await lease(a1.session, 'shared'), 'a');
    expect((await counts(a1.session)).shared).toEqual([2, 0]);
    expect((await counts(a2.session)).shared).toEqual([3, 0]);
    // a2 takes that task's second slot: it is their work in progress until answered; then the round is
    // complete and goes to review.
    const second = await lease(a2.session, 'shared');
    expect((await counts(a2.session)).shared).toEqual([2, 0]);
    const inProgress = async (session: TestSession) =>
      (await overview(session)).projects.find((p: Body) => p.name === 'shared').inProgress;
    expect(await inProgress(a2.session)).toBe(1);
    expect(await inProgress(a1.session)).toBe(0);
    await answer(a2.session, second, 'a');
    expect(await inProgress(a2.session)).toBe(0);
    expect((await counts(b1.session)).shared).toEqual([2, 0]);
    // Reviews count for reviewers only.
    expect((await counts(rev.session)).shared).toEqual([2, 1]);
    expect((await counts(a1.session)).shared).toEqual([2, 0]);

    // The reviewer labels the next task and b1 completes its round: the reviewer never reviews a round
    // they labeled, so only the first review waits for them.
    await answer(rev.session, await lease(rev.session, 'shared'), 'b');
    await answer(b1.session, await lease(b1.session, 'shared'), 'b');
    expect((await counts(rev.session)).shared).toEqual([1, 1]);
    const reviewer2 = await person(org, 'reviewer');
    expect((await counts(reviewer2.session)).shared).toEqual([1, 2]);

    // A skipped task is not offered again this round: nothing left for the loner, one task for a1.
    await act(loner.session, await lease(loner.session, 'shared'), 'skip', { reason: 'unreadable' });
    expect((await counts(loner.session)).shared).toEqual([0, 0]);
    expect((await counts(a1.session)).shared).toEqual([1, 0]);

    // A project re-routed away stays listed while the caller holds a live lease there, with nothing waiting.
    const held = await lease(a1.session, 'vendor a only');
    expect(held).not.toBeNull();
    await admin(org, 'PUT', '/projects/vendor%20a%20only/workflow', {
      routing: { workforces: [{ id: wfB }] },
    });
    expect((await counts(a1.session))['vendor a only']).toEqual([0, 0]);
    expect((await counts(a2.session))['vendor a only']).toBeUndefined();
    expect((await counts(b1.session))['vendor a only']).toEqual([1, 0]);
    expect((await overview(a1.session)).me.leased).toBe(1);
  });

  it('counts exactly what leasing hands out when shares route each slot to one workforce', async () => {
    const org = await ctx.org();
    const wfA = (await admin(org, 'POST', '/workforces', { name: 'A', kind: 'vendor' })).id as string;
    const wfB = (await admin(org, 'POST', '/workforces', { name: 'B', kind: 'vendor' })).id as string;
    await admin(org, 'POST', '/projects', {
      name: 'shares',
      type: 'categorization',
      routing: {
        workforces: [
          { id: wfA, share: 1 },
          { id: wfB, share: 1 },
        ],
      },
    });
    await importTasks(org, 'shares', 12);
    const [routed] = await queryRows<{ a: number; b: number }>(
      ctx.db.system,
      sql`SELECT count(*) FILTER (WHERE workforce_id = ${wfA})::integer AS a,
                 count(*) FILTER (WHERE workforce_id = ${wfB})::integer AS b
            FROM work_queue WHERE org_id = ${org.id}`,
    );
    const a = await person(org, 'annotator', wfA);
    const b = await person(org, 'annotator', wfB);
    const loner = await person(org, 'annotator');
    expect((await counts(a.session)).shares).toEqual([routed?.a, 0]);
    expect((await counts(b.session)).shares).toEqual([routed?.b, 0]);
    expect((await counts(a.session)).shares?.[0]).toBe(12 - (routed?.b ?? 0));
    // Listed workforces only: a member of none may work nothing here.
    expect((await counts(loner.session)).shares).toBeUndefined();
    // b leases exactly as many as the overview promised.
    const promised = (await counts(b.session)).shares?.[0] ?? 0;
    let leased = 0;
    while (await lease(b.session, 'shares')) leased += 1;
    expect(leased).toBe(promised);
    expect((await counts(b.session)).shares).toEqual([0, 0]);
    expect((await overview(b.session)).me.leased).toBe(promised);
  });
});

describe('GET /api/work/overview: the caller’s own figures', () => {
  it('reports answers, time, verdicts, agreement, skips, leases and feedback', async () => {
    const org = await ctx.org();
    await admin(org, 'POST', '/projects', {
      name: 'figures',
      type: 'categorization',
      workflow: { overlap: 2, review: { mode: 'all' } },
    });
    await admin(org, 'POST', '/projects', { name: 'solo', type: 'categorization' });
    await importTasks(org, 'figures', 5);
    await importTasks(org, 'solo', 2);
    const f1 = await person(org, 'annotator');
    const f2 = await person(org, 'annotator');
    const rv = await person(org, 'reviewer');

    const fresh = await overview(f1.session);
    expect(fresh.me).toEqual({
      submitted: 0,
      submittedToday: 0,
      medianTimeMs: null,
      reviewed: 0,
      accepted: 0,
      fixed: 0,
      rejected: 0,
      acceptanceRate: null,
      agreement: null,
      skipped: 0,
      leased: 0,
      feedback: 0,
    });

    // Four tasks answered by both (f2 disagrees on the last two), one overlap-1 answer of f1's.
    const f2Says = ['a', 'a', 'b', 'b'];
    const firstAnswer: string[] = [];
    for (const [i, other] of f2Says.entries()) {
      const mine = await lease(f1.session, 'figures');
      firstAnswer.push(mine?.assignment.id);
      await answer(f1.session, mine, 'a', (i + 1) * 1000);
      await answer(f2.session, await lease(f2.session, 'figures'), other);
    }
    await answer(f1.session, await lease(f1.session, 'solo'), 'a', 5000);
    // f1 skips the fifth task and holds a lease on the other solo task.
    await act(f1.session, await lease(f1.session, 'figures'), 'skip', { reason: 'unsure' });
    expect(await lease(f1.session, 'solo')).not.toBeNull();
    // One answer was submitted before midnight UTC.
    await ctx.db.system.execute(
      sql`UPDATE assignments SET submitted_at = date_trunc('day', now() AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' - interval '1 hour'
           WHERE id = ${firstAnswer[0] ?? ''}`,
    );

    // The reviewer accepts the first, fixes the second, rejects the third, and holds the fourth.
    const agreements: number[] = [];
    const reviewedTasks: string[] = [];
    for (const verdict of ['accept', 'fix', 'reject', null] as const) {
      const review = await lease(rv.session, 'figures', 'review');
      agreements.push(review?.review.agreement);
      reviewedTasks.push(review?.task.id);
      if (verdict === 'fix')
        await act(rv.session, review, 'review', { verdict, response: { category: 'b' } });
      else if (verdict === 'reject')
        await act(rv.session, review, 'review', { verdict, comment: 'look again' });
      else if (verdict) await act(rv.session, review, 'review', { verdict });
    }
    expect(agreements[0]).toBe(1);
    expect(agreements[3]).toBeLessThan(1);
    // The rejected round's agreement is gone; the overlap-1 answer has none worth counting.
    const meanAgreement = ((agreements[0] ?? 0) + (agreements[1] ?? 0) + (agreements[3] ?? 0)) / 3;

    const me1 = (await overview(f1.session)).me;
    expect(me1).toEqual({
      submitted: 5,
      submittedToday: 4,
      medianTimeMs: 3000,
      reviewed: 3,
      accepted: 1,
      fixed: 1,
      rejected: 1,
      acceptanceRate: expect.closeTo(2 / 3, 10),
      agreement: expect.closeTo(meanAgreement, 6),
      skipped: 1,
      leased: 1,
      feedback: 1,
    });
    const me2 = (await overview(f2.session)).me;
    expect(me2).toMatchObject({
      submitted: 4,
      submittedToday: 4,
      reviewed: 3,
      accepted: 1,
      fixed: 1,
      rejected: 1,
      skipped: 0,
      leased: 0,
      feedback: 1,
    });
    expect(me2.medianTimeMs).toEqual(expect.any(Number));
    expect(me2.agreement).toBeCloseTo(meanAgreement, 6);
    // Verdicts are not labeling answers; the held review lease is a lease.
    expect((await overview(rv.session)).me).toMatchObject({
      submitted: 0,
      medianTimeMs: null,
      reviewed: 0,
      acceptanceRate: null,
      agreement: null,
      leased: 1,
    });
    // The customer's audit rejects the accepted task: the reviewer's verdict still counts (audits judge
    // the delivered result), the answers carry the comment, and that round's agreement is gone.
    const audit = await scaleClient(ctx.app, org.liveKey).post(`/task/${reviewedTasks[0]}/audit`, {
      accepted: false,
      comments: 'missed the tail',
    });
    expect(audit.status).toBe(200);
    expect((await overview(f1.session)).me).toMatchObject({
      reviewed: 3,
      accepted: 1,
      rejected: 1,
      feedback: 2,
      agreement: expect.closeTo(((agreements[1] ?? 0) + (agreements[3] ?? 0)) / 2, 6),
    });

    // What waits: the two rejected tasks are open again (a new round) and so is the fifth, except for f1
    // who skipped it; the review in the reviewer's hands and the solo task in f1's wait for nobody.
    expect(await counts(f1.session)).toEqual({ figures: [2, 0], solo: [0, 0] });
    expect(await counts(rv.session)).toEqual({ figures: [3, 0], solo: [0, 0] });
  });
});

describe('GET /api/work/overview: whose', () => {
  it("never shows another organization's projects or work, even to a member of both", async () => {
    const home = await ctx.org();
    const away = await ctx.org();
    await admin(home, 'POST', '/projects', { name: 'home project', type: 'categorization' });
    await admin(away, 'POST', '/projects', { name: 'away project', type: 'categorization', priority: 9 });
    await importTasks(home, 'home project', 2);
    await importTasks(away, 'away project', 3);
    const both = await person(home, 'annotator');
    await addMember(ctx, away.id, 'reviewer', both.email);
    await answer(both.session, await lease(both.session, 'home project'), 'a', 1000);
    await lease(both.session, 'home project');

    const atHome = await overview(both.session);
    expect(atHome.projects.map((p: Body) => p.name)).toEqual(['home project']);
    expect(atHome.me).toMatchObject({ submitted: 1, leased: 1 });
    const awaySession = await login(ctx.app, both.email, undefined, away.slug);
    const atAway = await overview(awaySession);
    expect(atAway.projects.map((p: Body) => [p.name, p.waiting])).toEqual([['away project', 3]]);
    expect(atAway.me).toMatchObject({ submitted: 0, leased: 0, medianTimeMs: null });
    // Another member of the home organization sees none of the first one's figures.
    const colleague = await person(home, 'annotator');
    expect((await overview(colleague.session)).me).toMatchObject({ submitted: 0, leased: 0 });
  });

  it('is for people: an API key gets 403, as when leasing', async () => {
    const org = await ctx.org();
    const keyed = await callApi(ctx.app, org.liveKey, 'GET', '/work/overview');
    expect(keyed.status).toBe(403);
    expect(keyed.body.code).toBe('forbidden');
    const viewer = await person(org, 'viewer');
    expect((await callAsSession(ctx.app, viewer.session, 'GET', '/work/overview')).status).toBe(403);
  });
});
