/**
 * Property checks of `score` and of weighted `consensus` that every task type must pass, for the types'
 * tests (not exported from the package). They complement `consensus-harness.ts`.
 * @internal
 */

import fc from 'fast-check';
import { expect } from 'vitest';
import { checkResponse, type TaskType } from '../task-type.ts';
import { type ConsensusScenario, validAnswers } from './consensus-harness.ts';

/** Options of {@link assertScoreProperties}. @internal */
export interface ScorePropertyOptions {
  /** Whether score(a, b) must equal score(b, a) (default true). */
  symmetric?: boolean;
  /** fast-check runs (default 200). */
  numRuns?: number;
}

/**
 * The properties every type's score must have, over the valid answers of `scenarios`:
 * - every answer scores exactly 1 against itself;
 * - every pair scores a finite number in [0, 1];
 * - unless `symmetric` is false, score(a, b) = score(b, a) (up to rounding).
 * @internal
 */
export function assertScoreProperties<P, R>(
  type: TaskType<P, R>,
  scenarios: fc.Arbitrary<ConsensusScenario<P>>,
  options: ScorePropertyOptions = {},
): void {
  fc.assert(
    fc.property(scenarios, ({ params, answers }) => {
      const valid = validAnswers(type, params, answers);
      fc.pre(valid.length > 0);
      for (const answer of valid) expect(type.score(params, answer, answer)).toBe(1);
      for (const answer of valid) {
        for (const reference of valid) {
          const score = type.score(params, answer, reference);
          expect(Number.isFinite(score)).toBe(true);
          expect(score).toBeGreaterThanOrEqual(0);
          expect(score).toBeLessThanOrEqual(1);
          if (options.symmetric ?? true) expect(type.score(params, reference, answer)).toBeCloseTo(score, 12);
        }
      }
    }),
    { numRuns: options.numRuns ?? 200 },
  );
}

/**
 * The properties every type's weighted consensus must have, over the valid answers of `scenarios`:
 * - equal weights (any value, 0 included) give exactly the unweighted result;
 * - scaling the weights by a power of two (exact in floating point, for the normal numbers drawn here)
 *   changes nothing;
 * - with any weights the result passes `checkResponse` and the agreement is the unweighted one;
 * - one answer of weight 1 and all others of weight 0 give that answer back (the others count for nothing).
 * @internal
 */
export function assertWeightedConsensusProperties<P, R>(
  type: TaskType<P, R>,
  scenarios: fc.Arbitrary<ConsensusScenario<P>>,
  numRuns = 200,
): void {
  fc.assert(
    fc.property(
      scenarios,
      fc.constantFrom(0, 0.25, 1, 3.7, 1e6),
      fc.array(fc.oneof(fc.constant(0), fc.constant(1), fc.double({ min: 1e-3, max: 10, noNaN: true })), {
        minLength: 8,
        maxLength: 8,
      }),
      fc.integer({ min: -4, max: 4 }),
      fc.nat(),
      ({ params, answers }, equal, randomWeights, exponent, pick) => {
        const valid = validAnswers(type, params, answers);
        fc.pre(valid.length > 0);
        const unweighted = type.consensus(params, valid);
        expect(
          type.consensus(
            params,
            valid,
            valid.map(() => equal),
          ),
        ).toEqual(unweighted);

        const weights = valid.map((_, index) => randomWeights[index % randomWeights.length] as number);
        const weighted = type.consensus(params, valid, weights);
        const check = checkResponse(type, params, weighted.response);
        expect(check.ok ? [] : check.issues).toEqual([]);
        expect(weighted.agreement).toBe(unweighted.agreement);
        const scaled = weights.map((weight) => weight * 2 ** exponent);
        expect(type.consensus(params, valid, scaled)).toEqual(weighted);

        const chosen = pick % valid.length;
        const oneHot = valid.map((_, index) => (index === chosen ? 1 : 0));
        expect(type.consensus(params, valid, oneHot).response).toEqual(valid[chosen]);
      },
    ),
    { numRuns },
  );
}
