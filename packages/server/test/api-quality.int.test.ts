/**
 * Quality reports over HTTP, on data made through the real work loop (projects and policies through the
 * API, tasks and gold through `/v1`, answers and verdicts through `/api/work`): scorecards per annotator
 * and per workforce with hand-computed figures, the gen-AI checks on pairwise preference (side bias),
 * the agreement report on a case small enough to compute by hand, and the consensus-reliability job.
 * The coin of gold mixing always lands on gold (`goldRandom`), so gold is served before real work.
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

/** A project of `type` with the given workflow and quality policy. */
async function project(
  name: string,
  type: string,
  policy: { workflow?: Record<string, unknown>; quality?: Record<string, unknown> },
  params: Record<string, unknown> = {},
) {
  const created = await scaleClient(ctx.app, org.liveKey).post('/projects', { type, name, params });
  expect(created.status).toBe(200);
  const set = await api('PUT', `/projects/${name}/workflow`, policy);
  expect(set.status).toBe(200);
}

/** Categorization tasks `text 0`, `text 1`, …; returns their ids. */
async function textTasks(name: string, n: number): Promise<string[]> {
  const scale = scaleClient(ctx.app, org.liveKey);
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const r = await scale.post('/task/categorization', {
      project: name,
      attachment: `text ${i}`,
      attachment_type: 'text',
      categories: ['cat', 'dog'],
    });
    expect(r.status).toBe(200);
    ids.push(r.body.task_id as string);
  }
  return ids;
}

async function evaluationTask(name: string, text: string, category: string): Promise<void> {
  const r = await scaleClient(ctx.app, org.liveKey).post('/evaluation_tasks/categorization', {
    project: name,
    attachment: text,
    attachment_type: 'text',
    categories: ['cat', 'dog'],
    expected_response: { category },
  });
  expect(r.status).toBe(200);
}

async function workforce(name: string): Promise<string> {
  const r = await api('POST', '/workforces', { name, kind: 'vendor' });
  expect(r.status).toBe(200);
  return r.body.id as string;
}

interface Person {
  id: string;
  email: string;
  session: TestSession;
}

async function person(
  role: 'annotator' | 'reviewer' | 'viewer' = 'annotator',
  workforceId?: string,
): Promise<Person> {
  const member = await addMember(ctx, org.id, role);
  if (workforceId) {
    expect((await api('PUT', `/members/${member.id}/workforce`, { workforceId })).status).toBe(200);
  }
  return { ...member, session: await login(ctx.app, member.email) };
}

const next = (p: Person, projectName: string, stage: 'label' | 'review' = 'label') =>
  callAsSession(ctx.app, p.session, 'POST', '/work/next', { project: projectName, stage });

async function submit(p: Person, lease: Body, response: unknown, timeSpentMs: number): Promise<Body> {
  const r = await callAsSession(
    ctx.app,
    p.session,
    'POST',
    `/work/assignments/${lease.assignment.id}/submit`,
    {
      response,
      timeSpentMs,
    },
  );
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body;
}

/**
 * Works `p`'s queue of a categorization project until it is empty: gold first (answered by `gold`),
 * then real tasks answered by `answer` from the task's text.
 */
async function work(
  p: Person,
  projectName: string,
  answer: (text: string) => string,
  options: { gold?: (text: string) => string; timeSpentMs?: number } = {},
): Promise<{ gold: number; real: number }> {
  const counts = { gold: 0, real: 0 };
  for (;;) {
    const leased = await next(p, projectName);
    expect(leased.status, JSON.stringify(leased.body)).toBe(200);
    const lease = leased.body.lease as Body | null;
    if (!lease) return counts;
    const text = lease.task.params.attachment as string;
    const isGold = text.startsWith('gold');
    const category = isGold ? (options.gold ?? answer)(text) : answer(text);
    await submit(p, lease, { category }, options.timeSpentMs ?? 4000);
    counts[isGold ? 'gold' : 'real'] += 1;
  }
}

/** The truth of `text i`: cat for even i, dog for odd i. */
const truth = (text: string) => (Number(text.split(' ')[1]) % 2 === 0 ? 'cat' : 'dog');
const opposite = (text: string) => (truth(text) === 'cat' ? 'dog' : 'cat');

const cardOf = (report: Body, userId: string): Body => {
  const card = (report.annotators as Body[]).find((a) => a.userId === userId);
  if (!card) throw new Error(`no scorecard for ${userId}`);
  return card;
};

/** The three annotators of project "cards": Alice and Bob give the truth, Carol its opposite. */
let alice: Person;
let bob: Person;
let carol: Person;

describe('scorecards', () => {
  let acme: string;
  let beta: string;

  beforeAll(async () => {
    acme = await workforce('Acme');
    beta = await workforce('Beta');
    await project('cards', 'categorization', { workflow: { overlap: 3 }, quality: { gold_rate: 0.5 } });
    await evaluationTask('cards', 'gold 1', 'cat');
    await evaluationTask('cards', 'gold 2', 'dog');
    await textTasks('cards', 6);
    alice = await person('annotator', acme);
    bob = await person('annotator', acme);
    carol = await person('annotator', beta);
    // Alice: gold right twice; Bob: once (always "cat"); Carol: never. On real work Alice and Bob give
    // the truth and Carol its opposite, quickly.
    expect(await work(alice, 'cards', truth, { gold: (t) => (t === 'gold 1' ? 'cat' : 'dog') })).toEqual({
      gold: 2,
      real: 6,
    });
    expect(await work(bob, 'cards', truth, { gold: () => 'cat' })).toEqual({ gold: 2, real: 6 });
    expect(
      await work(carol, 'cards', opposite, {
        gold: (t) => (t === 'gold 1' ? 'dog' : 'cat'),
        timeSpentMs: 100,
      }),
    ).toEqual({ gold: 2, real: 6 });
  });

  it('measures each annotator: gold, agreement with the final result, throughput, checks', async () => {
    const r = await api('GET', '/projects/cards/scorecards');
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toMatchObject({
      by: 'annotator',
      projects: ['cards'],
      truncated: false,
      workforces: null,
    });
    expect(Date.parse(r.body.until) - Date.parse(r.body.since)).toBe(30 * 86_400_000);
    expect((r.body.annotators as Body[]).map((a) => a.userId).sort()).toEqual(
      [alice.id, bob.id, carol.id].sort(),
    );

    const a = cardOf(r.body, alice.id);
    expect(a).toMatchObject({
      email: alice.email,
      workforce: { id: acme, name: 'Acme' },
      gold: { answers: 2, meanScore: 1, interval: { low: 1, high: 1 } },
      agreementWithConsensus: { answers: 6, meanScore: 1 },
      reviewAcceptance: { reviewed: 0, accepted: 0, fixed: 0, rejected: 0, rate: null },
      throughput: { answers: 6, medianTimeMs: 4000 },
      flags: [],
    });
    expect(a.throughput.perDay).toBeCloseTo(6 / 30, 12);

    const b = cardOf(r.body, bob.id);
    expect(b.gold).toMatchObject({ answers: 2, meanScore: 0.5 });
    // Resampling two scores 1 and 0: the resampled mean is 0, 0.5 or 1, and both ends turn up.
    expect(b.gold.interval).toEqual({ low: 0, high: 1 });
    expect(b.agreementWithConsensus).toEqual({ answers: 6, meanScore: 1 });

    const c = cardOf(r.body, carol.id);
    expect(c).toMatchObject({
      workforce: { id: beta, name: 'Beta' },
      gold: { answers: 2, meanScore: 0, interval: { low: 0, high: 0 } },
      agreementWithConsensus: { answers: 6, meanScore: 0 },
      throughput: { answers: 6, medianTimeMs: 100 },
    });
    // Fast answers: the project's median is 4000 ms, the bound a quarter of it; all six of Carol's are
    // under it, but six answers are too few for a flag (at least 10).
    const fast = (c.checks as Body[]).find((x) => x.check === 'fast_answers');
    expect(fast).toMatchObject({
      project: 'cards',
      flagged: false,
      reason: null,
      figures: { answers: 6, fast: 6, share: 1, medianMs: 100, thresholdMs: 1000 },
    });
    expect((c.checks as Body[]).map((x) => x.check)).toEqual(['fast_answers']);
    expect(c.flags).toEqual([]);
    // Gold answers made her a standing; nothing set in it yet.
    expect(c.standings).toEqual([
      { project: 'cards', reliability: null, reliabilitySource: null, paused: null },
    ]);
  });

  it('shows a pause on the person’s card and counts it on their workforce’s', async () => {
    const reason = 'Please reread the guidelines.';
    expect(
      (await api('PUT', `/projects/cards/standings/${carol.id}/pause`, { paused: true, reason })).status,
    ).toBe(200);
    const byPerson = await api('GET', '/projects/cards/scorecards');
    expect(cardOf(byPerson.body, carol.id).standings[0].paused).toMatchObject({ by: 'manager', reason });
    const byWorkforce = await api('GET', '/projects/cards/scorecards?by=workforce');
    expect((byWorkforce.body.workforces as Body[]).map((w) => w.pausedAnnotators)).toEqual([0, 1]);
    expect((await api('PUT', `/projects/cards/standings/${carol.id}/pause`, { paused: false })).status).toBe(
      200,
    );
  });

  it('pools the answers given for each workforce', async () => {
    const r = await api('GET', '/projects/cards/scorecards?by=workforce');
    expect(r.status).toBe(200);
    expect(r.body.annotators).toBeNull();
    const cards = r.body.workforces as Body[];
    expect(cards.map((w) => w.workforce?.name)).toEqual(['Acme', 'Beta']);
    expect(cards[0]).toMatchObject({
      workforce: { id: acme, name: 'Acme' },
      annotators: 2,
      pausedAnnotators: 0,
      gold: { answers: 4, meanScore: 0.75 },
      agreementWithConsensus: { answers: 12, meanScore: 1 },
      throughput: { answers: 12, medianTimeMs: 4000 },
      checks: [{ check: 'fast_answers', flagged: false, figures: { annotators: 2, flaggedAnnotators: 0 } }],
    });
    expect(cards[1]).toMatchObject({
      annotators: 1,
      gold: { answers: 2, meanScore: 0 },
      agreementWithConsensus: { answers: 6, meanScore: 0 },
    });
  });

  it('reads only the period asked for, and refuses a period that ends before it starts', async () => {
    const future = new Date(Date.now() + 86_400_000).toISOString();
    const later = new Date(Date.now() + 2 * 86_400_000).toISOString();
    const empty = await api('GET', `/projects/cards/scorecards?since=${future}&until=${later}`);
    expect(empty.status).toBe(200);
    expect(empty.body.annotators).toEqual([]);
    const backwards = await api('GET', `/projects/cards/scorecards?since=${later}&until=${future}`);
    expect(backwards.status).toBe(400);
    expect(backwards.body.details[0].path).toBe('since');
    const bad = await api('GET', '/projects/cards/scorecards?since=yesterday');
    expect(bad.status).toBe(400);
  });

  it('counts reviewers’ verdicts on the rounds a person labeled', async () => {
    await project('reviewed', 'categorization', { workflow: { overlap: 1, review: { mode: 'all' } } });
    await textTasks('reviewed', 3);
    const dave = await person();
    const rita = await person('reviewer');
    expect(await work(dave, 'reviewed', truth)).toEqual({ gold: 0, real: 3 });
    const verdicts = [
      { verdict: 'accept' },
      { verdict: 'fix', response: { category: 'cat' } },
      { verdict: 'reject', comment: 'Look again.' },
    ];
    for (const verdict of verdicts) {
      const lease = await next(rita, 'reviewed', 'review');
      expect(lease.body.lease, JSON.stringify(lease.body)).not.toBeNull();
      const r = await callAsSession(
        ctx.app,
        rita.session,
        'POST',
        `/work/assignments/${lease.body.lease.assignment.id}/review`,
        verdict,
      );
      expect(r.status, JSON.stringify(r.body)).toBe(200);
    }
    const r = await api('GET', '/projects/reviewed/scorecards');
    const d = cardOf(r.body, dave.id);
    expect(d.reviewAcceptance).toEqual({ reviewed: 3, accepted: 1, fixed: 1, rejected: 1, rate: 2 / 3 });
    // Overlap 1: a lone answer is the result, so it says nothing about agreement.
    expect(d.agreementWithConsensus).toEqual({ answers: 0, meanScore: null });
    // The reviewer labeled nothing and has no scorecard.
    expect((r.body.annotators as Body[]).some((a) => a.userId === rita.id)).toBe(false);
  });

  it('covers every project across the organization', async () => {
    const r = await api('GET', '/scorecards');
    expect(r.status).toBe(200);
    expect(r.body.projects).toEqual(expect.arrayContaining(['cards', 'reviewed']));
    const a = cardOf(r.body, alice.id);
    expect(a).toMatchObject({
      gold: { answers: 2, meanScore: 1 },
      agreementWithConsensus: { answers: 6, meanScore: 1 },
      throughput: { answers: 6 },
    });
  });
});

describe('pairwise preference checks', () => {
  let lefty: Person;
  let fair: Person;

  beforeAll(async () => {
    await project('prefs', 'pairwisepreference', {
      workflow: { overlap: 2 },
      quality: { weighted_consensus: false },
    });
    const scale = scaleClient(ctx.app, org.liveKey);
    for (let i = 0; i < 24; i++) {
      const r = await scale.post('/task/pairwisepreference', {
        project: 'prefs',
        prompt: `Question ${i}?`,
        // Equal lengths: the length check then has nothing to test, whatever is chosen.
        responses: [
          { id: `q${i}-a`, content: 'answer one' },
          { id: `q${i}-b`, content: 'answer two' },
        ],
      });
      expect(r.status).toBe(200);
    }
    lefty = await person();
    fair = await person();
    const choose = async (p: Person, pick: (shownFirst: number, i: number) => number) => {
      for (let i = 0; ; i++) {
        const leased = await next(p, 'prefs');
        const lease = leased.body.lease as Body | null;
        if (!lease) return i;
        const order = lease.assignment.displayOrder as number[];
        expect(order.slice().sort()).toEqual([0, 1]);
        const chosen = pick(order[0] as number, i);
        await submit(p, lease, { choice: chosen === 0 ? 'A' : 'B', strength: 3 }, 3000);
      }
    };
    // Lefty always picks the response shown first; Fair picks it every other time.
    expect(await choose(lefty, (first) => first)).toBe(24);
    expect(await choose(fair, (first, i) => (i % 2 === 0 ? first : 1 - first))).toBe(24);
  });

  it('flags side bias in one who always picks the option shown first, not in a fair one', async () => {
    const r = await api('GET', '/projects/prefs/scorecards');
    expect(r.status).toBe(200);
    const l = cardOf(r.body, lefty.id);
    const side = (card: Body) => (card.checks as Body[]).find((c) => c.check === 'side_bias');
    expect(side(l)).toMatchObject({ flagged: true, figures: { answers: 24, firstChosen: 24, share: 1 } });
    expect(side(l)?.reason).toContain('first');
    // 24 of 24 against a fair coin: p = 2 · 2^-24.
    expect(side(l)?.figures.pValue).toBeCloseTo(2 / 2 ** 24, 12);
    expect((l.flags as Body[]).map((f) => f.check)).toEqual(['side_bias']);

    const f = cardOf(r.body, fair.id);
    expect(side(f)).toMatchObject({
      flagged: false,
      figures: { answers: 24, firstChosen: 12, share: 0.5, pValue: 1 },
    });
    expect(f.flags).toEqual([]);
    expect((f.checks as Body[]).map((c) => c.check).sort()).toEqual([
      'fast_answers',
      'length_bias',
      'side_bias',
      'transitivity',
    ]);
    const length = (f.checks as Body[]).find((c) => c.check === 'length_bias');
    expect(length?.figures).toMatchObject({ answers: 0, equalLength: 24 });
    const cycles = (f.checks as Body[]).find((c) => c.check === 'transitivity');
    expect(cycles?.figures).toMatchObject({ comparisons: 24, triads: 0, cycles: 0, rate: null });

    const byWorkforce = await api('GET', '/projects/prefs/scorecards?by=workforce');
    const unassigned = (byWorkforce.body.workforces as Body[]).find((w) => w.workforce === null);
    const pooled = ((unassigned?.flags ?? []) as Body[]).find((c) => c.check === 'side_bias');
    expect(pooled).toMatchObject({ flagged: true, figures: { annotators: 2, flaggedAnnotators: 1 } });
    expect(pooled?.reason).toContain(lefty.email);
  });
});

describe('agreement', () => {
  it('computes alpha, kappa and the pairwise score on a case small enough to check by hand', async () => {
    const gamma = await workforce('Gamma');
    await project('alpha', 'categorization', { workflow: { overlap: 2 }, quality: { gold_rate: 0 } });
    await textTasks('alpha', 5);
    const x = await person('annotator', gamma);
    const y = await person('annotator', gamma);
    // X: cat cat dog dog cat; Y: cat dog dog dog cat — they differ on task 1 only.
    const xs = ['cat', 'cat', 'dog', 'dog', 'cat'];
    const ys = ['cat', 'dog', 'dog', 'dog', 'cat'];
    await work(x, 'alpha', (t) => xs[Number(t.split(' ')[1])] as string);
    await work(y, 'alpha', (t) => ys[Number(t.split(' ')[1])] as string);

    const r = await api('GET', '/projects/alpha/agreement');
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toMatchObject({
      project: 'alpha',
      type: 'categorization',
      answers: 10,
      units: 5,
      level: 'nominal',
    });
    // Coincidences: cat-cat 4, dog-dog 4, cat-dog 1 + 1; n = 10, n_cat = n_dog = 5.
    // alpha = 1 − (n − 1) · Σ o_ck / Σ n_c n_k (c ≠ k) = 1 − 9 · 2 / (2 · 25) = 0.64.
    const c = r.body.categorical as Body;
    expect(c.overall.alpha).toBeCloseTo(0.64, 12);
    expect(c.overall).toMatchObject({ units: 5, pairableValues: 10, reason: null });
    expect(c.overall.interval.low).toBeLessThanOrEqual(0.64);
    expect(c.overall.interval.high).toBeGreaterThanOrEqual(0.64);
    // Cohen's kappa: p_o = 4/5; X gives cat 3/5, Y 2/5: p_e = (3·2 + 2·3)/25 = 0.48; (0.8 − 0.48)/0.52 = 8/13.
    expect(c.byPair).toHaveLength(1);
    expect(c.byPair[0]).toMatchObject({ sharedUnits: 5, agreed: 4, percentAgreement: 0.8 });
    expect(c.byPair[0].workers.slice().sort()).toEqual([x.id, y.id].sort());
    expect(c.byPair[0].kappa).toBeCloseTo(8 / 13, 12);
    expect(c.byGroup).toHaveLength(1);
    expect(c.byGroup[0].workforce).toEqual({ id: gamma, name: 'Gamma' });
    expect(c.byGroup[0].alpha).toBeCloseTo(0.64, 12);
    expect(c.byLabel.map((l: Body) => [l.label, l.answers])).toEqual([
      ['cat', 5],
      ['dog', 5],
    ]);

    // The generic measure: exact-match scores 1, 0, 1, 1, 1 over the five tasks.
    const p = r.body.pairwise as Body;
    expect(p).toMatchObject({ units: 5, mean: 0.8, reason: null });
    expect(p.byPair).toHaveLength(1);
    expect(p.byPair[0]).toMatchObject({ units: 5, mean: 0.8 });
    expect(p.byGroup[0]).toMatchObject({ workforce: { id: gamma, name: 'Gamma' }, units: 5, mean: 0.8 });
    expect(p.interval.low).toBeLessThanOrEqual(0.8);
    expect(p.interval.high).toBe(1);
    expect((r.body.people as Body[]).map((q) => q.email).sort()).toEqual([x.email, y.email].sort());
  });

  it('answers nulls with reasons, never NaN, when there is nothing to compare', async () => {
    await project('quiet-agreement', 'categorization', {});
    const empty = await api('GET', '/projects/quiet-agreement/agreement');
    expect(empty.status).toBe(200);
    expect(empty.body).toMatchObject({ answers: 0, units: 0, level: 'nominal' });
    expect(empty.body.categorical.overall).toMatchObject({ alpha: null, interval: null, units: 0 });
    expect(empty.body.categorical.overall.reason).toEqual(expect.any(String));
    expect(empty.body.pairwise).toMatchObject({
      units: 0,
      mean: null,
      interval: null,
      byPair: [],
      byGroup: [],
    });
    expect(empty.body.pairwise.reason).toEqual(expect.any(String));

    await project('texts', 'transcription', {});
    const other = await api('GET', '/projects/texts/agreement');
    expect(other.status).toBe(200);
    expect(other.body).toMatchObject({ level: null, categorical: null });
    expect(other.body.categoricalReason).toContain('transcription');
    expect(JSON.stringify([empty.body, other.body])).not.toContain('NaN');
  });
});

describe('consensus reliability', () => {
  it('stores reliability from consensus, keeps a gold one, and changes nothing when run again', async () => {
    const service = ctx.app.services.quality;
    // Project "cards": two gold answers each are fewer than the five a gold reliability needs, so
    // nobody has one yet.
    const cards = await service.refreshReliability(await principal(), 'cards');
    expect(cards.method).toBe('dawid_skene');
    const outcome = (id: string) => cards.annotators.find((a) => a.userId === id);
    const standings = await api('GET', '/projects/cards/standings');
    const stored = (id: string) => (standings.body.standings as Body[]).find((s) => s.userId === id);
    expect(outcome(carol.id)).toMatchObject({ outcome: 'written', answers: 6 });
    expect(outcome(carol.id)?.reliability).toBeLessThan(0.1);
    for (const id of [alice.id, bob.id]) {
      expect(outcome(id)).toMatchObject({ outcome: 'written', answers: 6 });
      expect(outcome(id)?.reliability).toBeGreaterThan(0.9);
    }
    for (const id of [alice.id, bob.id, carol.id]) {
      expect(stored(id)?.reliabilitySource).toBe('consensus');
      expect(stored(id)?.reliability).toBeCloseTo(outcome(id)?.reliability as number, 5);
    }

    const again = await service.refreshProjectReliability(org.id, cards.projectId);
    expect(again.annotators.map((a) => a.outcome)).toEqual(['unchanged', 'unchanged', 'unchanged']);
  });

  it('never overwrites a reliability measured on gold', async () => {
    await project('reliable', 'categorization', {
      workflow: { overlap: 3 },
      quality: { gold_rate: 0.5, gold_min_answers: 1 },
    });
    await textTasks('reliable', 6);
    const [ann, ben, cat] = [await person(), await person(), await person()];
    await work(ann, 'reliable', truth);
    await work(ben, 'reliable', truth);
    // Gold arrives now: Cat answers it first (right), then disagrees with everyone on real work.
    await evaluationTask('reliable', 'gold 1', 'cat');
    expect(await work(cat, 'reliable', opposite, { gold: () => 'cat' })).toEqual({ gold: 1, real: 6 });
    const before = await api('GET', '/projects/reliable/standings');
    expect((before.body.standings as Body[]).find((s) => s.userId === cat.id)).toMatchObject({
      reliability: 1,
      reliabilitySource: 'gold',
    });

    const { refreshed, failed } = await ctx.app.services.quality.refreshAllReliability();
    expect(failed).toEqual([]);
    const names = refreshed.map((r) => r.project);
    expect(names).toEqual(expect.arrayContaining(['cards', 'reliable']));
    // "prefs" does not weigh consensus by reliability: the job leaves it alone.
    expect(names).not.toContain('prefs');
    const reliable = refreshed.find((r) => r.project === 'reliable');
    const outcome = (id: string) => reliable?.annotators.find((a) => a.userId === id);
    expect(outcome(cat.id)).toMatchObject({ outcome: 'kept_gold', answers: 6 });
    expect(outcome(ann.id)).toMatchObject({ outcome: 'written' });
    expect(outcome(ben.id)).toMatchObject({ outcome: 'written' });

    const after = await api('GET', '/projects/reliable/standings');
    const stored = (id: string) => (after.body.standings as Body[]).find((s) => s.userId === id);
    expect(stored(cat.id)).toMatchObject({ reliability: 1, reliabilitySource: 'gold' });
    expect(stored(ann.id)?.reliabilitySource).toBe('consensus');
    expect(stored(ann.id)?.reliability).toBeGreaterThan(0.9);

    // The same over HTTP, for a manager who wants it now.
    const http = await api('POST', '/projects/reliable/quality/refresh');
    expect(http.status, JSON.stringify(http.body)).toBe(200);
    expect(http.body).toMatchObject({
      project: 'reliable',
      method: 'dawid_skene',
      answers: 18,
      minAnswers: 1,
    });
    const statuses = Object.fromEntries((http.body.annotators as Body[]).map((a) => [a.userId, a.outcome]));
    expect(statuses).toEqual({ [ann.id]: 'unchanged', [ben.id]: 'unchanged', [cat.id]: 'kept_gold' });

    // The periodic run after this one looks only at projects answered since: none here.
    const later = await ctx.app.services.quality.refreshAllReliability(new Date());
    expect(later.refreshed.map((r) => r.project)).toEqual([]);
    const sinceStart = await ctx.app.services.quality.refreshAllReliability(new Date(Date.now() - 3_600_000));
    expect(sinceStart.refreshed.map((r) => r.project)).toContain('reliable');
  });
});

describe('access', () => {
  it('lets managers read scorecards and viewers read agreement; annotators neither', async () => {
    const annotator = await person();
    const viewer = await person('viewer');
    const call = (p: Person, method: 'GET' | 'POST', url: string) =>
      callAsSession(ctx.app, p.session, method, url);
    expect((await call(annotator, 'GET', '/projects/cards/scorecards')).status).toBe(403);
    expect((await call(annotator, 'GET', '/scorecards')).status).toBe(403);
    expect((await call(annotator, 'GET', '/projects/cards/agreement')).status).toBe(403);
    expect((await call(annotator, 'POST', '/projects/cards/quality/refresh')).status).toBe(403);
    expect((await call(viewer, 'GET', '/projects/cards/agreement')).status).toBe(200);
    expect((await call(viewer, 'GET', '/projects/cards/scorecards')).status).toBe(403);
  });

  it("does not show another organization's projects or people", async () => {
    const other = await ctx.org();
    const as = (method: 'GET' | 'POST', url: string) => callApi(ctx.app, other.liveKey, method, url);
    for (const [method, url] of [
      ['GET', '/projects/cards/scorecards'],
      ['GET', '/projects/cards/agreement'],
      ['POST', '/projects/cards/quality/refresh'],
    ] as const) {
      const r = await as(method, url);
      expect(r.status).toBe(404);
      expect(r.body.code).toBe('not_found');
    }
    const all = await as('GET', '/scorecards');
    expect(all.status).toBe(200);
    expect(all.body).toMatchObject({ projects: [], annotators: [] });
  });
});

/** The organization's live API key as the routes see it. */
function principal() {
  return ctx.app.services.auth.authenticate(`Bearer ${org.liveKey}`);
}
