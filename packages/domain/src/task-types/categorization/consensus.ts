import {
  isMajority,
  meanPairwiseSimilarity,
  medoidIndex,
  plurality,
  requireAnswers,
  setJaccard,
} from '../../shared/consensus.ts';
import type { ConsensusResult } from '../../task-type.ts';
import type { CategorizationParams, CategorizationResponse } from './index.ts';

function chosen(answer: CategorizationResponse): string[] {
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
 */
export function categorizationConsensus(
  params: CategorizationParams,
  answers: readonly CategorizationResponse[],
): ConsensusResult<CategorizationResponse> {
  requireAnswers(answers);
  if (!params.allow_multiple) {
    const winner = plurality(answers.map((answer) => chosen(answer).join('\u0000')));
    const first = answers[winner.index] as CategorizationResponse;
    return { response: first, agreement: winner.count / answers.length };
  }
  const sets = answers.map((answer) => new Set(chosen(answer)));
  const agreement = meanPairwiseSimilarity(sets, setJaccard);
  // First-mention order keeps a unanimous answer as it was given.
  const mentioned = [...new Set([...answers.flatMap(chosen), ...params.categories])];
  const kept = mentioned.filter(
    (category) =>
      params.categories.includes(category) &&
      isMajority(sets.filter((set) => set.has(category)).length, answers.length),
  );
  if (kept.length === 0)
    return { response: answers[medoidIndex(sets, setJaccard)] as CategorizationResponse, agreement };
  return { response: withIds(params, kept), agreement };
}
