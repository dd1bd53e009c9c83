import fc from 'fast-check';
import { expect } from 'vitest';
import { checkResponse, type TaskType } from '../task-type.ts';

/**
 * Params plus candidate answers for consensus property tests (used by `*.test.ts` files only).
 * @internal
 */
export interface ConsensusScenario<P> {
  /** Parsed task params. */
  params: P;
  /** Candidate answers; those failing `checkResponse` are dropped before use. */
  answers: unknown[];
}

/** The answers that pass `checkResponse`, parsed (defaults applied). @internal */
export function validAnswers<P, R>(type: TaskType<P, R>, params: P, answers: readonly unknown[]): R[] {
  return answers.flatMap((answer) => {
    const result = checkResponse(type, params, answer);
    return result.ok ? [result.response] : [];
  });
}

/** `items` reordered by sorting on `keys` (a random permutation when `keys` is random). @internal */
export function permute<T>(items: readonly T[], keys: readonly number[]): T[] {
  return items
    .map((item, index) => ({ item, key: keys[index] ?? 0, index }))
    .sort((a, b) => a.key - b.key || b.index - a.index)
    .map(({ item }) => item);
}

/**
 * The properties every type's consensus must have, checked over `scenarios` (answers filtered to the valid
 * ones, at least one):
 * - the result passes `checkResponse`;
 * - the agreement is within [0, 1];
 * - reordering the answers leaves the agreement unchanged (up to floating-point rounding);
 * - k copies of one answer (k = 1..4) give that answer back with agreement 1.
 * @internal
 */
export function assertConsensusProperties<P, R>(
  type: TaskType<P, R>,
  scenarios: fc.Arbitrary<ConsensusScenario<P>>,
  numRuns = 200,
): void {
  fc.assert(
    fc.property(
      scenarios,
      fc.array(fc.nat(), { minLength: 8, maxLength: 8 }),
      fc.integer({ min: 1, max: 4 }),
      ({ params, answers }, keys, copies) => {
        const valid = validAnswers(type, params, answers);
        fc.pre(valid.length > 0);
        const { response, agreement } = type.consensus(params, valid);
        const check = checkResponse(type, params, response);
        expect(check.ok ? [] : check.issues).toEqual([]);
        expect(agreement).toBeGreaterThanOrEqual(0);
        expect(agreement).toBeLessThanOrEqual(1);
        expect(type.consensus(params, permute(valid, keys)).agreement).toBeCloseTo(agreement, 9);
        const first = valid[0] as R;
        expect(
          type.consensus(
            params,
            Array.from({ length: copies }, () => first),
          ),
        ).toEqual({
          response: first,
          agreement: 1,
        });
      },
    ),
    { numRuns },
  );
}
