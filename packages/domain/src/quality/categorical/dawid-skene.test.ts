import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../random.ts';
import type { CategoricalAnswer } from './answers.ts';
import { dawidSkene, oneCoinDawidSkene } from './dawid-skene.ts';
import { majorityVote } from './majority-vote.ts';
import { accuracyAgainst, symmetricConfusion, syntheticCrowd } from './synthetic-crowd.ts';

const twoTasks: CategoricalAnswer[] = [
  { worker: 'w1', task: 't1', label: 'a' },
  { worker: 'w2', task: 't1', label: 'a' },
  { worker: 'w1', task: 't2', label: 'b' },
  { worker: 'w2', task: 't2', label: 'a' },
];

describe('dawidSkene', () => {
  it('matches one EM iteration computed by hand (smoothing 1)', () => {
    // Majority-vote start: t1 = (1, 0), t2 = (1/2, 1/2). M-step with one pseudo-count per cell:
    // priors (2.5/4, 1.5/4); w1 rows a: (2, 1.5)/3.5, b: (1, 1.5)/2.5; w2 rows a: (2.5, 1)/3.5, b: (1.5, 1)/2.5.
    const result = dawidSkene(twoTasks, { maxIterations: 1, smoothing: 1 });
    const t1a = (2.5 / 4) * (2 / 3.5) * (2.5 / 3.5);
    const t1b = (1.5 / 4) * (1 / 2.5) * (1.5 / 2.5);
    const t2a = (2.5 / 4) * (1.5 / 3.5) * (2.5 / 3.5);
    const t2b = (1.5 / 4) * (1.5 / 2.5) * (1.5 / 2.5);
    expect(result.probabilities.t1?.a).toBeCloseTo(t1a / (t1a + t1b), 12);
    expect(result.probabilities.t2?.a).toBeCloseTo(t2a / (t2a + t2b), 12);
    expect(result.priors[0]).toBeCloseTo(2.5 / 4, 12);
    expect(result.confusion.w1?.[0]?.[1]).toBeCloseTo(1.5 / 3.5, 12);
    expect(result.confusion.w2?.[1]?.[0]).toBeCloseTo(1.5 / 2.5, 12);
    expect(result.workerSkill.w1).toBeCloseTo((2.5 / 4) * (2 / 3.5) + (1.5 / 4) * (1.5 / 2.5), 12);
    expect(result).toMatchObject({ iterations: 1, converged: false, classes: ['a', 'b'] });
  });

  it('converges and reports the iterations it took', () => {
    const result = dawidSkene(twoTasks, { tolerance: 1e-9 });
    expect(result.converged).toBe(true);
    expect(result.iterations).toBeGreaterThan(1);
    expect(result.iterations).toBeLessThan(100);
    expect(result.labels.t1).toBe('a');
  });

  it('recovers known confusion matrices from a synthetic crowd', () => {
    const classes = ['cat', 'dog', 'fox'];
    const workers = [
      [
        [0.9, 0.05, 0.05],
        [0.1, 0.8, 0.1],
        [0.2, 0.1, 0.7],
      ],
      [
        [0.6, 0.4, 0],
        [0.3, 0.7, 0],
        [0, 0, 1],
      ],
      symmetricConfusion(3, 0.75),
      symmetricConfusion(3, 0.6),
      symmetricConfusion(3, 0.85),
      [
        [0.7, 0.1, 0.2],
        [0.05, 0.9, 0.05],
        [0.3, 0.3, 0.4],
      ],
      symmetricConfusion(3, 1 / 3),
      [
        [1, 0, 0],
        [1, 0, 0],
        [1, 0, 0],
      ],
      symmetricConfusion(3, 0.7),
      symmetricConfusion(3, 0.55),
    ];
    const { answers, truth } = syntheticCrowd({
      tasks: 2000,
      classes,
      workers,
      priors: [0.5, 0.3, 0.2],
      seed: 11,
    });
    const result = dawidSkene(answers, { classes });
    expect(result.converged).toBe(true);
    // Against the matrices the labels were drawn from (sampling noise included) and against the
    // empirical ones (what the labels actually show given the truth).
    const empirical = workers.map(() => classes.map(() => classes.map(() => 0)));
    for (const { worker, task, label } of answers) {
      empirical[Number(worker.slice(1))]![classes.indexOf(truth[task]!)]![classes.indexOf(label!)]! += 1;
    }
    let worstDrawn = 0;
    let worstEmpirical = 0;
    workers.forEach((matrix, w) => {
      matrix.forEach((row, k) => {
        const seen = empirical[w]![k]!.reduce((a, b) => a + b, 0);
        row.forEach((p, l) => {
          const recovered = result.confusion[`w${w}`]?.[k]?.[l] ?? Number.NaN;
          worstDrawn = Math.max(worstDrawn, Math.abs(recovered - p));
          worstEmpirical = Math.max(worstEmpirical, Math.abs(recovered - empirical[w]![k]![l]! / seen));
        });
      });
    });
    expect(worstDrawn).toBeLessThan(0.06);
    expect(worstEmpirical).toBeLessThan(0.02);
    for (const [k, p] of result.priors.entries())
      expect(Math.abs(p - [0.5, 0.3, 0.2][k]!)).toBeLessThan(0.03);
    expect(accuracyAgainst(result.labels, truth)).toBeGreaterThan(
      accuracyAgainst(majorityVote(answers).labels, truth),
    );
  });

  it('beats majority vote when spammers outnumber good workers on sparse data', () => {
    const random = mulberry32(3);
    const workers = Array.from({ length: 30 }, (_, w) =>
      w < 10 ? symmetricConfusion(3, 0.8 + 0.15 * random()) : symmetricConfusion(3, 1 / 3),
    );
    const { answers, truth } = syntheticCrowd({
      tasks: 1500,
      classes: ['a', 'b', 'c'],
      workers,
      labelsPerTask: 7,
      seed: 5,
    });
    const mv = accuracyAgainst(majorityVote(answers).labels, truth);
    const ds = accuracyAgainst(dawidSkene(answers).labels, truth);
    const oneCoin = accuracyAgainst(oneCoinDawidSkene(answers).labels, truth);
    expect(ds).toBeGreaterThan(mv + 0.05);
    expect(oneCoin).toBeGreaterThan(mv + 0.05);
  });

  it('defines the degenerate cases', () => {
    expect(dawidSkene([])).toMatchObject({
      labels: {},
      probabilities: {},
      classes: [],
      priors: [],
      confusion: {},
    });
    const oneClass = dawidSkene([
      { worker: 'w1', task: 't1', label: 'x' },
      { worker: 'w2', task: 't2', label: 'x' },
    ]);
    expect(oneClass).toMatchObject({
      labels: { t1: 'x', t2: 'x' },
      probabilities: { t1: { x: 1 } },
      workerSkill: { w1: 1, w2: 1 },
      confusion: { w1: [[1]] },
      priors: [1],
    });
    // One annotator: their labels stand.
    const alone = dawidSkene([
      { worker: 'w', task: 't1', label: 'a' },
      { worker: 'w', task: 't2', label: 'b' },
      { worker: 'w', task: 't3', label: 'a' },
    ]);
    expect(alone.labels).toEqual({ t1: 'a', t2: 'b', t3: 'a' });
    // All labels missing: the tasks get the (uniform) priors and the first class.
    const missing = dawidSkene(
      [
        { worker: 'w', task: 't1', label: null },
        { worker: 'v', task: 't2', label: null },
      ],
      { classes: ['p', 'q'] },
    );
    expect(missing.probabilities).toEqual({ t1: { p: 0.5, q: 0.5 }, t2: { p: 0.5, q: 0.5 } });
    expect(missing.labels).toEqual({ t1: 'p', t2: 'p' });
    expect(missing.workerSkill).toEqual({});
    // A perfect tie stays a tie and goes to the class seen first.
    const tie = dawidSkene([
      { worker: 'w1', task: 't', label: 'b' },
      { worker: 'w2', task: 't', label: 'a' },
    ]);
    expect(tie.probabilities.t?.a).toBeCloseTo(0.5, 12);
    expect(tie.labels.t).toBe('b');
  });

  it('estimates the priors from labelled tasks only', () => {
    const unlabelled = Array.from({ length: 8 }, (_, t) => ({ worker: 'w1', task: `u${t}`, label: null }));
    const plain = dawidSkene(twoTasks);
    const padded = dawidSkene([...twoTasks, ...unlabelled]);
    expect(padded.priors).toEqual(plain.priors);
    expect(padded.probabilities.u0).toEqual({ a: plain.priors[0], b: plain.priors[1] });
    expect(padded.labels.u0).toBe('a');
  });

  it('lets a worker with one answer count without dominating', () => {
    const answers: CategoricalAnswer[] = [];
    for (let t = 0; t < 20; t += 1) {
      for (const worker of ['w1', 'w2', 'w3'])
        answers.push({ worker, task: `t${t}`, label: t % 2 ? 'a' : 'b' });
    }
    answers.push({ worker: 'singleton', task: 't0', label: 'a' });
    const result = dawidSkene(answers);
    expect(result.labels.t0).toBe('b');
    for (const value of Object.values(result.workerSkill)) expect(Number.isFinite(value)).toBe(true);
    // Classes in order of appearance: b, a. The singleton met only a b task (and said a there).
    expect(result.classes).toEqual(['b', 'a']);
    expect(result.confusion.singleton?.[0]?.[1]).toBeGreaterThan(0.98);
    expect(result.confusion.singleton?.[1]?.[0]).toBeCloseTo(0.5, 6);
  });
});

describe('oneCoinDawidSkene', () => {
  it('matches one EM iteration computed by hand (smoothing 1)', () => {
    // Start t1 = (1, 0), t2 = (1/2, 1/2). Accuracies: w1 (1 + 1/2 + 1)/(2 + 2) = 5/8, w2 (1 + 1/2 + 1)/4 = 5/8.
    const result = oneCoinDawidSkene(twoTasks, { maxIterations: 1, smoothing: 1 });
    expect(result.workerSkill).toEqual({ w1: 5 / 8, w2: 5 / 8 });
    const prior = [2.5 / 4, 1.5 / 4];
    const t1a = prior[0]! * (5 / 8) ** 2;
    const t1b = prior[1]! * (3 / 8) ** 2;
    expect(result.probabilities.t1?.a).toBeCloseTo(t1a / (t1a + t1b), 12);
    // t2: one vote each way, so only the prior decides.
    expect(result.probabilities.t2?.a).toBeCloseTo(prior[0]!, 12);
  });

  it('spreads a worker’s errors evenly over the other classes', () => {
    const answers: CategoricalAnswer[] = [];
    for (let t = 0; t < 30; t += 1) {
      const truth = ['a', 'b', 'c'][t % 3]!;
      answers.push({ worker: 'good1', task: `t${t}`, label: truth });
      answers.push({ worker: 'good2', task: `t${t}`, label: truth });
      answers.push({ worker: 'bad', task: `t${t}`, label: t % 2 ? truth : 'c' });
    }
    const result = oneCoinDawidSkene(answers);
    expect(result.workerSkill.good1).toBeGreaterThan(0.99);
    // bad is right on the odd tasks and on the even tasks whose truth is c: 15 + 5 of 30.
    expect(result.workerSkill.bad).toBeCloseTo(20 / 30, 2);
    expect(result.priors.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });

  it('defines the degenerate cases', () => {
    expect(oneCoinDawidSkene([])).toMatchObject({ labels: {}, classes: [], priors: [] });
    expect(oneCoinDawidSkene([{ worker: 'w', task: 't', label: 'x' }])).toMatchObject({
      labels: { t: 'x' },
      workerSkill: { w: 1 },
      priors: [1],
    });
  });
});
