import { describe, expect, it } from 'vitest';
import type { CategoricalAnswer } from './answers.ts';
import { mace } from './mace.ts';
import { majorityVote } from './majority-vote.ts';
import { accuracyAgainst, symmetricConfusion, syntheticCrowd } from './synthetic-crowd.ts';

const twoTasks: CategoricalAnswer[] = [
  { worker: 'w1', task: 't1', label: 'a' },
  { worker: 'w2', task: 't1', label: 'a' },
  { worker: 'w1', task: 't2', label: 'b' },
  { worker: 'w2', task: 't2', label: 'a' },
];

describe('mace', () => {
  it('matches one EM iteration computed by hand (smoothing 1)', () => {
    // Start: posteriors t1 = (1, 0), t2 = (1/2, 1/2), θ = 1/2, ξ uniform, so a label right with
    // probability q was faithful with probability 2q/3. w1: faithful 2/3 + 1/3 = 1, spam a 1/3, b 2/3;
    // w2: faithful 1, spam a 1. With one pseudo-count: θ = 2/4, ξ(w1) = (4/9, 5/9), ξ(w2) = (2/3, 1/3).
    const result = mace(twoTasks, { maxIterations: 1, smoothing: 1 });
    expect(result.workerSkill).toEqual({ w1: 0.5, w2: 0.5 });
    expect(result.spamLabels.w1?.a).toBeCloseTo(4 / 9, 12);
    expect(result.spamLabels.w2?.a).toBeCloseTo(2 / 3, 12);
    const a = (0.5 + 0.5 * (4 / 9)) * (0.5 + 0.5 * (2 / 3));
    const b = 0.5 * (4 / 9) * 0.5 * (2 / 3);
    expect(result.probabilities.t1?.a).toBeCloseTo(a / (a + b), 12);
    expect(result.spamming.w1).toBeCloseTo(0.5, 12);
  });

  it('recognises a worker who always gives the same label as a spammer', () => {
    const answers: CategoricalAnswer[] = [];
    for (let t = 0; t < 40; t += 1) {
      const truth = t % 3 === 0 ? 'no' : 'yes';
      for (const worker of ['good1', 'good2', 'good3']) answers.push({ worker, task: `t${t}`, label: truth });
      answers.push({ worker: 'lazy', task: `t${t}`, label: 'yes' });
    }
    const result = mace(answers);
    expect(result.workerSkill.good1).toBeGreaterThan(0.95);
    expect(result.spamming.lazy).toBeGreaterThan(0.9);
    expect(result.spamLabels.lazy?.yes).toBeGreaterThan(0.95);
    expect(result.labels.t0).toBe('no');
  });

  it('beats majority vote when most workers spam', () => {
    const workers = Array.from({ length: 20 }, (_, w) =>
      w < 5 ? symmetricConfusion(4, 0.85) : symmetricConfusion(4, 0.25),
    );
    const { answers, truth } = syntheticCrowd({
      tasks: 1000,
      classes: ['a', 'b', 'c', 'd'],
      workers,
      labelsPerTask: 6,
      seed: 4,
    });
    const result = mace(answers);
    expect(accuracyAgainst(result.labels, truth)).toBeGreaterThan(
      accuracyAgainst(majorityVote(answers).labels, truth) + 0.05,
    );
    expect(result.workerSkill.w0).toBeGreaterThan(result.workerSkill.w10! + 0.4);
  });

  it('defines the degenerate cases', () => {
    expect(mace([])).toMatchObject({ labels: {}, classes: [], spamming: {}, spamLabels: {} });
    expect(mace([{ worker: 'w', task: 't', label: 'x' }])).toMatchObject({
      labels: { t: 'x' },
      workerSkill: { w: 1 },
      spamming: { w: 0 },
      spamLabels: { w: { x: 1 } },
    });
    const missing = mace([{ worker: 'w', task: 't', label: null }], { classes: ['x', 'y'] });
    expect(missing.probabilities).toEqual({ t: { x: 0.5, y: 0.5 } });
    const tie = mace([
      { worker: 'w1', task: 't', label: 'b' },
      { worker: 'w2', task: 't', label: 'a' },
    ]);
    expect(tie.labels.t).toBe('b');
    expect(tie.probabilities.t?.a).toBeCloseTo(0.5, 12);
  });
});
