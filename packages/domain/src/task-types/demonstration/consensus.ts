import {
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
 * others), taken whole so its rationale stays with it. Agreement is the mean pairwise word-token Jaccard
 * index of the completions.
 */
export function demonstrationConsensus(
  _params: DemonstrationParams,
  answers: readonly DemonstrationResponse[],
): ConsensusResult<DemonstrationResponse> {
  requireAnswers(answers);
  return {
    response: answers[medoidIndex(answers, completionSimilarity)] as DemonstrationResponse,
    agreement: meanPairwiseSimilarity(answers, completionSimilarity),
  };
}
