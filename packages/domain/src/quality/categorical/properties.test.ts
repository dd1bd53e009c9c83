import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CategoricalAnswer, CategoricalConsensus } from './answers.ts';
import { dawidSkene, oneCoinDawidSkene } from './dawid-skene.ts';
import { glad } from './glad.ts';
import { mace } from './mace.ts';
import { majorityVote, wawa } from './majority-vote.ts';
import { accuracyAgainst, symmetricConfusion, syntheticCrowd } from './synthetic-crowd.ts';

const methods: [
  string,
  (answers: readonly CategoricalAnswer[], options?: { classes?: readonly string[] }) => CategoricalConsensus,
][] = [
  ['majorityVote', majorityVote],
  ['wawa', wawa],
  ['dawidSkene', dawidSkene],
  ['oneCoinDawidSkene', oneCoinDawidSkene],
  ['glad', glad],
  ['mace', mace],
];

const labelNames = ['a', 'b', 'c'];
const answersArbitrary = fc.array(
  fc.record({
    worker: fc.constantFrom('w1', 'w2', 'w3', 'w4', 'w5'),
    task: fc.constantFrom('t1', 't2', 't3', 't4', 't5', 't6', 't7', 't8'),
    label: fc.option(fc.constantFrom(...labelNames), { nil: null, freq: 6 }),
  }),
  { maxLength: 40 },
);
const renamingArbitrary = fc
  .shuffledSubarray(['x', 'y', 'z', 'a', 'b', 'c', '__proto__'], { minLength: 3, maxLength: 3 })
  .map((names) => new Map(labelNames.map((label, i) => [label, names[i]!])));

describe.each(methods)('%s', (_, method) => {
  it('returns probabilities that sum to 1 and finite skills', () => {
    fc.assert(
      fc.property(answersArbitrary, (answers) => {
        const result = method(answers);
        for (const [task, row] of Object.entries(result.probabilities)) {
          const values = Object.values(row);
          expect(values).toHaveLength(result.classes.length);
          for (const p of values) expect(p >= 0 && p <= 1).toBe(true);
          expect(values.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
          expect(row[result.labels[task]!]).toBeGreaterThanOrEqual(Math.max(...values) - 1e-12);
        }
        for (const skill of Object.values(result.workerSkill)) expect(Number.isFinite(skill)).toBe(true);
        expect(Object.keys(result.workerSkill).sort()).toEqual(
          [
            ...new Set(answers.filter((answer) => answer.label !== null).map((answer) => answer.worker)),
          ].sort(),
        );
      }),
    );
  });

  it('renames its results when the labels are renamed', () => {
    fc.assert(
      fc.property(answersArbitrary, renamingArbitrary, (answers, renaming) => {
        const rename = (label: string) => renaming.get(label) ?? label;
        const original = method(answers);
        const renamed = method(
          answers.map((answer) => ({ ...answer, label: answer.label && rename(answer.label) })),
        );
        expect(renamed.classes).toEqual(original.classes.map(rename));
        expect(renamed.workerSkill).toEqual(original.workerSkill);
        for (const [task, label] of Object.entries(original.labels)) {
          expect(renamed.labels[task]).toBe(rename(label));
          for (const [k, p] of Object.entries(original.probabilities[task]!)) {
            expect(renamed.probabilities[task]?.[rename(k)]).toBe(p);
          }
        }
      }),
    );
  });

  it('gives the same probabilities whatever the order of `classes`', () => {
    // Wawa weighs workers by agreement with a majority vote whose ties follow the class order, so its
    // probabilities legitimately depend on that order.
    if (method === wawa) return;
    fc.assert(
      fc.property(answersArbitrary, fc.shuffledSubarray(labelNames, { minLength: 3 }), (answers, order) => {
        const first = method(answers, { classes: labelNames });
        const second = method(answers, { classes: order });
        for (const [task, row] of Object.entries(first.probabilities)) {
          for (const [k, p] of Object.entries(row)) expect(second.probabilities[task]?.[k]).toBeCloseTo(p, 7);
        }
      }),
    );
  });
});

describe('adding a perfect annotator', () => {
  const crowdArbitrary = fc
    .array(fc.constantFrom(...labelNames), { minLength: 1, maxLength: 12 })
    .chain((truth) =>
      fc.record({
        truth: fc.constant(truth),
        answers: fc.array(
          fc.record({
            worker: fc.constantFrom('w1', 'w2', 'w3', 'w4'),
            task: fc.integer({ min: 0, max: truth.length - 1 }).map((t) => `t${t}`),
            label: fc.constantFrom(...labelNames),
          }),
          { maxLength: 40 },
        ),
      }),
    );

  it('never lowers the accuracy of majorityVote', () => {
    fc.assert(
      fc.property(crowdArbitrary, ({ truth, answers }) => {
        const truthByTask = Object.fromEntries(truth.map((label, t) => [`t${t}`, label]));
        const oracle = truth.map((label, t) => ({ worker: 'oracle', task: `t${t}`, label }));
        const before = accuracyAgainst(majorityVote(answers).labels, truthByTask);
        const after = accuracyAgainst(majorityVote([...answers, ...oracle]).labels, truthByTask);
        expect(after).toBeGreaterThanOrEqual(before);
      }),
      { numRuns: 300 },
    );
  });

  // Dawid-Skene maximises a likelihood that is invariant under relabelling the classes, so on a handful
  // of noise labels EM can settle on a relabelled optimum (e.g. 5 tasks, truth b a a a a, w1 saying
  // a a on t0 and b c on t1, w4 saying c on t2: with an oracle added, every label comes out wrong), and
  // with fewer labels than parameters (10 tasks, 2 labels each) it overfits. The property is checked where
  // the model is identifiable: workers better than chance, 60+ tasks, 3+ labels per task.
  it('never lowers the accuracy of dawidSkene on crowds better than chance', () => {
    const signalArbitrary = fc.record({
      seed: fc.integer({ min: 0, max: 2 ** 31 }),
      tasks: fc.integer({ min: 60, max: 200 }),
      accuracies: fc.array(fc.double({ min: 0.5, max: 0.95, noNaN: true }), { minLength: 3, maxLength: 6 }),
      labelsPerTask: fc.integer({ min: 3, max: 5 }),
    });
    fc.assert(
      fc.property(signalArbitrary, ({ seed, tasks, accuracies, labelsPerTask }) => {
        const workers = accuracies.map((accuracy) => symmetricConfusion(3, accuracy));
        const { answers, truth } = syntheticCrowd({
          tasks,
          classes: labelNames,
          workers,
          labelsPerTask,
          seed,
        });
        const oracle = Object.entries(truth).map(([task, label]) => ({ worker: 'oracle', task, label }));
        const before = accuracyAgainst(dawidSkene(answers, { classes: labelNames }).labels, truth);
        const after = accuracyAgainst(
          dawidSkene([...answers, ...oracle], { classes: labelNames }).labels,
          truth,
        );
        expect(after).toBeGreaterThanOrEqual(before);
      }),
      { numRuns: 300 },
    );
  });
});
