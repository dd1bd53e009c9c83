import { criteriaRatingsScore } from '../criteria-ratings.ts';
import { rankingSimilarity } from './consensus.ts';
import type { RankingParams, RankingResponse } from './index.ts';

/**
 * Score of a ranking against a reference: one minus the normalised Kendall tau distance, i.e. the share of
 * pairs of responses the two rankings order the same way ({@link rankingSimilarity}; a pair both tie counts
 * as agreeing, a pair one ties and the other orders does not). The same order scores 1, the reversed order
 * 0; for rankings without ties it is (1 + τ) / 2. When criteria were rated, the score is ⅔ order + ⅓
 * ratings ({@link criteriaRatingsScore}: each rating 1 − |Δ| / scale width, a rating only one side gave 0),
 * the order being what the task asks above all. The justification is free commentary and is not graded.
 * Symmetric.
 *
 * @example
 * // a > b > c against a > c > b: pairs (a,b) and (a,c) agree, (b,c) does not → 2/3
 */
export function rankingScore(
  params: RankingParams,
  answer: RankingResponse,
  reference: RankingResponse,
): number {
  const ids = params.responses.map((candidate) => candidate.id);
  const order = rankingSimilarity(ids, answer, reference);
  const ratings = criteriaRatingsScore(params.criteria, answer.criteria_ratings, reference.criteria_ratings);
  return ratings === undefined ? order : (2 * order + ratings) / 3;
}
