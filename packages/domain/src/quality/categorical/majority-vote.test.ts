import { describe, expect, it } from 'vitest';
import type { CategoricalAnswer } from './answers.ts';
import { majorityVote, wawa } from './majority-vote.ts';

const answers: CategoricalAnswer[] = [
  { worker: 'w1', task: 't1', label: 'a' },
  { worker: 'w2', task: 't1', label: 'a' },
  { worker: 'w3', task: 't1', label: 'b' },
  { worker: 'w1', task: 't2', label: 'b' },
  { worker: 'w2', task: 't2', label: 'a' },
  { worker: 'w3', task: 't2', label: 'b' },
  { worker: 'w1', task: 't3', label: 'a' },
  { worker: 'w2', task: 't3', label: 'b' },
];

describe('majorityVote', () => {
  it('labels by plurality with vote shares as probabilities', () => {
    const result = majorityVote(answers);
    expect(result.labels).toEqual({ t1: 'a', t2: 'b', t3: 'a' });
    expect(result.probabilities.t1?.a).toBeCloseTo(2 / 3, 12);
    expect(result.probabilities.t2).toEqual({ a: 1 / 3, b: 2 / 3 });
    expect(result.classes).toEqual(['a', 'b']);
    expect(result).toMatchObject({ iterations: 1, converged: true });
  });

  it('scores workers by agreement with the majority, their own vote included', () => {
    expect(majorityVote(answers).workerSkill).toEqual({ w1: 1, w2: 1 / 3, w3: 1 / 2 });
  });

  it('gives a tie to the class seen first, or first in `classes`', () => {
    expect(majorityVote(answers).labels.t3).toBe('a');
    const ordered = majorityVote(answers, { classes: ['b', 'a', 'b', 'c'] });
    expect(ordered.labels.t3).toBe('b');
    expect(ordered.classes).toEqual(['b', 'a', 'c']);
    expect(ordered.probabilities.t1).toEqual({ b: 1 / 3, a: 2 / 3, c: 0 });
    // The tie changed t3's winner, so w1 now disagrees there and w2 agrees.
    expect(ordered.workerSkill).toEqual({ w1: 2 / 3, w2: 2 / 3, w3: 1 / 2 });
  });

  it('defines the degenerate cases', () => {
    expect(majorityVote([])).toEqual({
      labels: {},
      probabilities: {},
      workerSkill: {},
      classes: [],
      iterations: 0,
      converged: true,
    });
    const missing = majorityVote([{ worker: 'w', task: 't', label: null }], { classes: ['x', 'y'] });
    expect(missing.labels).toEqual({ t: 'x' });
    expect(missing.probabilities).toEqual({ t: { x: 0.5, y: 0.5 } });
    expect(missing.workerSkill).toEqual({});
    expect(majorityVote([{ worker: 'w', task: 't', label: null }]).labels).toEqual({});
    const oneClass = majorityVote([
      { worker: 'w1', task: 't', label: 'x' },
      { worker: 'w2', task: 't', label: 'x' },
    ]);
    expect(oneClass.probabilities).toEqual({ t: { x: 1 } });
    expect(oneClass.workerSkill).toEqual({ w1: 1, w2: 1 });
  });

  it('keeps the id __proto__ as an ordinary key', () => {
    const result = majorityVote([{ worker: '__proto__', task: '__proto__', label: '__proto__' }]);
    expect(Object.keys(result.labels)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(result.labels)).toBe(Object.prototype);
    const rows = Object.entries(result.probabilities).map(([task, row]) => [task, Object.entries(row)]);
    expect(rows).toEqual([['__proto__', [['__proto__', 1]]]]);
    expect(Object.entries(result.workerSkill)).toEqual([['__proto__', 1]]);
  });
});

describe('wawa', () => {
  it('weights each vote by the worker’s agreement with the majority', () => {
    const result = wawa(answers);
    // Weights w1 = 1, w2 = 1/3, w3 = 1/2.
    expect(result.workerSkill).toEqual({ w1: 1, w2: 1 / 3, w3: 1 / 2 });
    expect(result.probabilities.t1?.a).toBeCloseTo(8 / 11, 12);
    expect(result.probabilities.t2?.b).toBeCloseTo(9 / 11, 12);
    expect(result.probabilities.t3?.a).toBeCloseTo(3 / 4, 12);
    expect(result.labels).toEqual({ t1: 'a', t2: 'b', t3: 'a' });
  });

  it('breaks a plain-vote tie by the weights', () => {
    const result = wawa([
      ...answers,
      { worker: 'w1', task: 't4', label: 'b' },
      { worker: 'w2', task: 't4', label: 'a' },
    ]);
    // The plain vote ties on t4 and gives it a (seen first): w1 = 3/4, w2 = 2/4, so b wins 0.75 to 0.5.
    expect(result.workerSkill).toMatchObject({ w1: 3 / 4, w2: 1 / 2 });
    expect(result.labels.t4).toBe('b');
    expect(result.probabilities.t4?.b).toBeCloseTo(0.6, 12);
  });

  it('gives a worker who never agrees weight 0', () => {
    const zero = wawa([
      { worker: 'w1', task: 't1', label: 'a' },
      { worker: 'w2', task: 't1', label: 'a' },
      { worker: 'w3', task: 't1', label: 'b' },
    ]);
    expect(zero.workerSkill.w3).toBe(0);
    expect(zero.probabilities.t1).toEqual({ a: 1, b: 0 });
    expect(wawa([]).labels).toEqual({});
  });
});
