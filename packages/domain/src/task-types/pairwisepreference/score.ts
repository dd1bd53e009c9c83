import { criteriaRatingsScore } from '../criteria-ratings.ts';
import type { PairwisepreferenceParams, PairwisepreferenceResponse } from './index.ts';

/**
 * How close a preference is to the reference's, in [0, 1]: 1 for the same choice, 0.5 for a tie against a
 * side (half right: no preference where there is one, or the reverse), 0 for the opposite side. When both
 * prefer the same side and both give a strength, the strengths refine it: 1 − |Δstrength| / (2·(likert_scale
 * − 1)), from 1 (same strength) down to 0.5 (the two ends of the scale), so the right side with the wrong
 * strength never scores below a tie.
 */
export function preferenceAgreement(
  params: PairwisepreferenceParams,
  answer: PairwisepreferenceResponse,
  reference: PairwisepreferenceResponse,
): number {
  if (answer.choice === reference.choice) {
    if (answer.choice === 'tie' || answer.strength === undefined || reference.strength === undefined)
      return 1;
    const span = Math.max(1, params.likert_scale - 1);
    return Math.max(0.5, 1 - Math.abs(answer.strength - reference.strength) / (2 * span));
  }
  return answer.choice === 'tie' || reference.choice === 'tie' ? 0.5 : 0;
}

/**
 * Score of a pairwise preference against a reference. The preference ({@link preferenceAgreement}: same
 * choice 1, tie against a side 0.5, opposite 0, refined by the strengths when both chose the same side)
 * is what the task asks above all, so when criteria were rated the score is ⅔ preference + ⅓ ratings
 * ({@link criteriaRatingsScore}: each rating 1 − |Δ| / scale width, a rating only one side gave 0); without
 * ratings on either side it is the preference alone. The justification is free commentary and is not
 * graded. Symmetric.
 *
 * @example
 * // likert 7: reference B strength 6, answer B strength 3 → 1 − 3/12 = 0.75 (no criteria)
 */
export function pairwisepreferenceScore(
  params: PairwisepreferenceParams,
  answer: PairwisepreferenceResponse,
  reference: PairwisepreferenceResponse,
): number {
  const preference = preferenceAgreement(params, answer, reference);
  const ratings = criteriaRatingsScore(params.criteria, answer.criteria_ratings, reference.criteria_ratings);
  return ratings === undefined ? preference : (2 * preference + ratings) / 3;
}
