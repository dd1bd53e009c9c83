import {
  lowerMedian,
  medoidIndex,
  plurality,
  requireAnswers,
  textSimilarity,
} from '../../shared/consensus.ts';
import { criteriaRatingsConsensus } from '../../shared/genai.ts';
import type { ConsensusResult } from '../../task-type.ts';
import type { PairwisepreferenceParams, PairwisepreferenceResponse } from './index.ts';

/**
 * Consensus of pairwise preferences: the plurality choice (A, B or tie; earliest on a tie) with the lower
 * median strength of the answers that made it, the lower median of each criterion rating, and the
 * justification of the medoid among the winning answers. `selected_response_id` is set when a winning answer
 * set it. Agreement is the share of answers with the winning choice.
 */
export function pairwisepreferenceConsensus(
  params: PairwisepreferenceParams,
  answers: readonly PairwisepreferenceResponse[],
): ConsensusResult<PairwisepreferenceResponse> {
  requireAnswers(answers);
  const winner = plurality(answers.map((answer) => answer.choice));
  const choice = (answers[winner.index] as PairwisepreferenceResponse).choice;
  const winning = answers.filter((answer) => answer.choice === choice);
  const response: PairwisepreferenceResponse = { choice };
  if (choice !== 'tie') {
    const strengths = winning.flatMap((answer) => (answer.strength === undefined ? [] : [answer.strength]));
    if (strengths.length > 0) response.strength = lowerMedian(strengths);
    const id = params.responses[choice === 'A' ? 0 : 1]?.id;
    if (id !== undefined && winning.some((answer) => answer.selected_response_id !== undefined)) {
      response.selected_response_id = id;
    }
  }
  const ratings = criteriaRatingsConsensus(
    params.criteria,
    answers.map((answer) => answer.criteria_ratings),
    ['A', 'B'],
  );
  if (ratings) response.criteria_ratings = ratings as PairwisepreferenceResponse['criteria_ratings'];
  const medoid = winning[
    medoidIndex(winning, (a, b) => textSimilarity(a.justification ?? '', b.justification ?? ''))
  ] as PairwisepreferenceResponse;
  if (medoid.justification !== undefined) response.justification = medoid.justification;
  return { response, agreement: winner.count / answers.length };
}
