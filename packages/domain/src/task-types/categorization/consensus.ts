import {
  answerWeights,
  isWeightedMajority,
  meanPairwiseSimilarity,
  medoidIndex,
  plurality,
  requireAnswers,
  setJaccard,
  weightOf,
  weightOfAll,
} from '../../shared/consensus.ts';
import type { ConsensusResult } from '../../task-type.ts';
import type { CategorizationParams, CategorizationResponse } from './index.ts';

/** The chosen categories of an answer, as a list (one entry for a single choice). */
export function chosen(answer: CategorizationResponse): string[] {
  return Array.isArray(answer.category) ? answer.category : [answer.category];
}

function withIds(params: CategorizationParams, categories: string[]): CategorizationResponse {
  const idOf = new Map(Object.entries(params.category_ids ?? {}).map(([id, category]) => [category, id]));
  if (params.category_ids === undefined) return { category: categories };
  return { category: categories, category_id: categories.map((category) => idOf.get(category) ?? '') };
}

/**
 * Consensus of categorization answers. Single choice: the plurality category (earliest on a tie), with
 * agreement = share of answers choosing it. Multiple choice: every category chosen by more than half of the
 * answers, in order of first mention (the medoid answer when no category reaches a majority), with
 * agreement = mean pairwise Jaccard index of the chosen sets.
 *
 * With `weights`, the plurality, the majorities and the medoid are weighted (a category is kept when the
 * answers choosing it carry more than half of the total weight; mentions by answers of weight 0 do not
 * set the order). The agreement stays unweighted, the share of the most frequent choice, whatever won.
 */
export function categorizationConsensus(
  params: CategorizationParams,
  answers: readonly CategorizationResponse[],
  weights?: readonly number[],
): ConsensusResult<CategorizationResponse> {
  requireAnswers(answers);
  const counted = answerWeights(weights, answers.length);
  if (!params.allow_multiple) {
    const keys = answers.map((answer) => chosen(answer).join('\u0000'));
    const first = answers[plurality(keys, counted).index] as CategorizationResponse;
    return { response: first, agreement: plurality(keys).count / answers.length };
  }
  const sets = answers.map((answer) => new Set(chosen(answer)));
  const agreement = meanPairwiseSimilarity(sets, setJaccard);
  const total = weightOfAll(counted, answers.keys());
  // First-mention order keeps a unanimous answer as it was given.
  const voting = answers.filter((_, index) => weightOf(counted, index) > 0);
  const mentioned = [...new Set([...voting.flatMap(chosen), ...params.categories])];
  const kept = mentioned.filter((category) => {
    const support = weightOfAll(
      counted,
      sets.flatMap((set, index) => (set.has(category) ? [index] : [])),
    );
    return params.categories.includes(category) && isWeightedMajority(support, total);
  });
  if (kept.length === 0)
    return {
      response: answers[medoidIndex(sets, setJaccard, counted)] as CategorizationResponse,
      agreement,
    };
  return { response: withIds(params, kept), agreement };
}
