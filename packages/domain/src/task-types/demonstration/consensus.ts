import {
  answerWeights,
  meanPairwiseSimilarity,
  medoidIndex,
  requireAnswers,
  textSimilarity,
} from '../../shared/consensus.ts';
import type { ConsensusResult } from '../../task-type.ts';
import type { DemonstrationParams, DemonstrationResponse } from './index.ts';

const completionSimilarity = (a: DemonstrationResponse, b: DemonstrationResponse) =>
  textSimilarity(a.completion, b.completion);

/**
 * Consensus of written demonstrations: the medoid answer (its completion is the one most similar to the
 * others; with `weights`, the weighted medoid), taken whole so its rationale stays with it. Agreement is the
 * mean pairwise word-token Jaccard index of the completions (unweighted).
 */
export function demonstrationConsensus(
  _params: DemonstrationParams,
  answers: readonly DemonstrationResponse[],
  weights?: readonly number[],
): ConsensusResult<DemonstrationResponse> {
  requireAnswers(answers);
  const counted = answerWeights(weights, answers.length);
  return {
    response: answers[medoidIndex(answers, completionSimilarity, counted)] as DemonstrationResponse,
    agreement: meanPairwiseSimilarity(answers, completionSimilarity),
  };
}
