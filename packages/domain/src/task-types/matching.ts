/** One-to-one matching of the items of two answers, for scores that must not reward an item twice. */

import { optimalAssignment } from '../quality/agreement/assignment.ts';

/** A matched pair: `answer` indexes the first list, `reference` the second. */
export interface MatchedPair {
  /** Index in the answer's list. */
  answer: number;
  /** Index in the reference's list. */
  reference: number;
  /** The pair's value, > 0. */
  value: number;
}

/**
 * The one-to-one matching of `answer` items to `reference` items with the largest summed `value` (Hungarian
 * algorithm, {@link optimalAssignment}); pairs whose value is not positive (or not finite) are left
 * unmatched. Ties between equally good matchings follow the algorithm's fixed scan order.
 */
export function bestMatching<A, B>(
  answer: readonly A[],
  reference: readonly B[],
  value: (a: A, b: B) => number,
): MatchedPair[] {
  const values = answer.map((a) =>
    reference.map((b) => {
      const v = value(a, b);
      return Number.isFinite(v) && v > 0 ? v : 0;
    }),
  );
  const { rowToColumn } = optimalAssignment(values.map((row) => row.map((v) => -v)));
  return rowToColumn.flatMap((column, row) => {
    const v = column < 0 ? 0 : ((values[row] as number[])[column] as number);
    return v > 0 ? [{ answer: row, reference: column, value: v }] : [];
  });
}

/**
 * Matched similarity of two lists: the summed `similarity` (in [0, 1]) of the best one-to-one matching,
 * divided by the longer list's length, so that missed and extra items both count 0. Two empty lists score
 * 1. Symmetric when `similarity` is.
 */
export function matchedSimilarity<T>(
  answer: readonly T[],
  reference: readonly T[],
  similarity: (a: T, b: T) => number,
): number {
  const longest = Math.max(answer.length, reference.length);
  if (longest === 0) return 1;
  const total = bestMatching(answer, reference, similarity).reduce((sum, pair) => sum + pair.value, 0);
  return Math.min(1, total / longest);
}
