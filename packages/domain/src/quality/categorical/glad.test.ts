import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../random.ts';
import type { CategoricalAnswer } from './answers.ts';
import { glad } from './glad.ts';
import { majorityVote } from './majority-vote.ts';
import { accuracyAgainst, symmetricConfusion, syntheticCrowd } from './synthetic-crowd.ts';

const twoTasks: CategoricalAnswer[] = [
  { worker: 'w1', task: 't1', label: 'a' },
  { worker: 'w2', task: 't1', label: 'a' },
  { worker: 'w1', task: 't2', label: 'b' },
  { worker: 'w2', task: 't2', label: 'a' },
];
const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

describe('glad', () => {
  it('takes one Fisher-scoring step by hand', () => {
    // Start α = 1, β = 1, posteriors t1 = (1, 0), t2 = (1/2, 1/2): each worker has one sure-right label
    // and one half-right one.
    const s = sigmoid(1);
    const alpha = 1 + (1 - s + (0.5 - s)) / (2 * s * (1 - s) + 1);
    const s2 = sigmoid(alpha);
    const logBeta1 = (2 * (1 - s2) * alpha) / (2 * s2 * (1 - s2) * alpha * alpha + 1);
    const logBeta2 = (2 * (0.5 - s2) * alpha) / (2 * s2 * (1 - s2) * alpha * alpha + 1);
    const result = glad(twoTasks, { maxIterations: 1, gradientSteps: 1, estimatePriors: true });
    expect(result.workerSkill.w1).toBeCloseTo(alpha, 12);
    expect(result.workerSkill.w2).toBeCloseTo(alpha, 12);
    expect(result.taskDifficulty.t1).toBeCloseTo(Math.exp(-logBeta1), 12);
    expect(result.taskDifficulty.t2).toBeCloseTo(Math.exp(-logBeta2), 12);
    // E-step with those parameters and priors (1.5 + 0.01, 0.5 + 0.01) / 2.02.
    const prior = [1.51 / 2.02, 0.51 / 2.02];
    const right = sigmoid(alpha * Math.exp(logBeta1));
    const a = prior[0]! * right * right;
    const b = prior[1]! * (1 - right) * (1 - right);
    expect(result.probabilities.t1?.a).toBeCloseTo(a / (a + b), 12);
    expect(result.priors[0]).toBeCloseTo(prior[0]!, 12);
  });

  it('keeps a single annotator’s labels (uniform priors)', () => {
    const solo = ['x', 'x', 'x', 'y', 'y'].map((label, i) => ({ worker: 'solo', task: `t${i}`, label }));
    const result = glad(solo);
    expect(result.labels).toEqual({ t0: 'x', t1: 'x', t2: 'x', t3: 'y', t4: 'y' });
    expect(result.priors).toEqual([0.5, 0.5]);
    expect(result.converged).toBe(true);
  });

  it('keeps its posteriors consistent with the returned parameters (multiclass)', () => {
    const answers: CategoricalAnswer[] = [
      { worker: 'w1', task: 't', label: 'a' },
      { worker: 'w2', task: 't', label: 'b' },
      { worker: 'w3', task: 't', label: 'a' },
      { worker: 'w1', task: 'u', label: 'c' },
      { worker: 'w2', task: 'u', label: 'c' },
      { worker: 'w3', task: 'u', label: 'b' },
    ];
    const result = glad(answers, { tolerance: 1e-12 });
    const beta = 1 / result.taskDifficulty.t!;
    const p = (worker: string, right: boolean) => {
      const s = sigmoid(result.workerSkill[worker]! * beta);
      return right ? s : (1 - s) / 2;
    };
    const joint = result.classes.map(
      (k, i) => result.priors[i]! * p('w1', k === 'a') * p('w2', k === 'b') * p('w3', k === 'a'),
    );
    const total = joint.reduce((x, y) => x + y, 0);
    for (const [i, k] of result.classes.entries()) {
      expect(result.probabilities.t?.[k]).toBeCloseTo(joint[i]! / total, 9);
    }
  });

  it('ends at a stationary point of the M-step objective', () => {
    const answers: CategoricalAnswer[] = [];
    const labels = ['a', 'b', 'a', 'a', 'b', 'b', 'a', 'b'];
    for (const [t, truth] of labels.entries()) {
      answers.push({ worker: 'w1', task: `t${t}`, label: truth });
      answers.push({ worker: 'w2', task: `t${t}`, label: t % 3 === 0 ? 'b' : truth });
      answers.push({ worker: 'w3', task: `t${t}`, label: t % 2 === 0 ? 'a' : 'b' });
    }
    const result = glad(answers, { tolerance: 1e-14, maxIterations: 2000 });
    // ∂/∂α_i = Σ_j (q_ij − σ(α_i β_j)) β_j − (α_i − 1) and ∂/∂log β_j = Σ_i (q_ij − σ) α_i β_j − log β_j,
    // with q_ij the posterior that the label is right.
    const alphaGradient: Record<string, number> = {};
    const betaGradient: Record<string, number> = {};
    for (const { worker, task, label } of answers) {
      const alpha = result.workerSkill[worker]!;
      const beta = 1 / result.taskDifficulty[task]!;
      const q = result.probabilities[task]![label!]!;
      const residual = q - sigmoid(alpha * beta);
      alphaGradient[worker] = (alphaGradient[worker] ?? -(alpha - 1)) + residual * beta;
      betaGradient[task] = (betaGradient[task] ?? -Math.log(beta)) + residual * alpha * beta;
    }
    for (const g of [...Object.values(alphaGradient), ...Object.values(betaGradient)]) {
      expect(Math.abs(g)).toBeLessThan(1e-6);
    }
    expect(result.converged).toBe(true);
  });

  it('finds adversarial workers, easy tasks and beats majority vote with spammers', () => {
    const random = mulberry32(9);
    const workers = Array.from({ length: 12 }, (_, w) => {
      if (w === 0) return symmetricConfusion(2, 0.1);
      return w < 5 ? symmetricConfusion(2, 0.8 + 0.15 * random()) : symmetricConfusion(2, 0.5);
    });
    const { answers, truth } = syntheticCrowd({
      tasks: 800,
      classes: ['yes', 'no'],
      workers,
      labelsPerTask: 6,
      seed: 2,
    });
    const result = glad(answers, { classes: ['yes', 'no'] });
    expect(result.workerSkill.w0).toBeLessThan(0);
    expect(result.workerSkill.w1).toBeGreaterThan(result.workerSkill.w6!);
    expect(accuracyAgainst(result.labels, truth)).toBeGreaterThan(
      accuracyAgainst(majorityVote(answers).labels, truth),
    );
    const unanimous = glad([
      ...twoTasks,
      { worker: 'w1', task: 't3', label: 'b' },
      { worker: 'w2', task: 't3', label: 'b' },
    ]);
    expect(unanimous.taskDifficulty.t2).toBeGreaterThan(unanimous.taskDifficulty.t1!);
  });

  it('defines the degenerate cases', () => {
    expect(glad([])).toMatchObject({ labels: {}, classes: [], taskDifficulty: {}, priors: [] });
    expect(glad([{ worker: 'w', task: 't', label: 'x' }])).toMatchObject({
      labels: { t: 'x' },
      workerSkill: { w: 1 },
      taskDifficulty: { t: 1 },
    });
    const missing = glad([{ worker: 'w', task: 't', label: null }], { classes: ['x', 'y'] });
    expect(missing.probabilities).toEqual({ t: { x: 0.5, y: 0.5 } });
    expect(missing.taskDifficulty).toEqual({ t: 1 });
    const tie = glad([
      { worker: 'w1', task: 't', label: 'b' },
      { worker: 'w2', task: 't', label: 'a' },
    ]);
    expect(tie.labels.t).toBe('b');
    expect(tie.probabilities.t?.a).toBeCloseTo(0.5, 12);
  });
});
