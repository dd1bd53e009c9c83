import { comparisonSimilarity } from './consensus.ts';
import type { ComparisonParams, ComparisonResponse } from './index.ts';

/**
 * Score of a comparison answer against a reference: the mean over the task's parts, each counting once —
 * the choice (1 when it is the reference's, else 0) and every free-text field (the word-token Jaccard index
 * of the two texts, after Unicode normalisation and lower-casing, see `textSimilarity`). A valid answer has
 * exactly the task's choice and fields, as the reference does, so this averages over what the reference
 * has. Symmetric.
 *
 * @example
 * // choices and one field: choice right (1), "sharp image" vs "sharp" (1/2) → 3/4
 */
export function comparisonScore(
  params: ComparisonParams,
  answer: ComparisonResponse,
  reference: ComparisonResponse,
): number {
  return comparisonSimilarity(params, answer, reference);
}
