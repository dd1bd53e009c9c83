import {
  answerWeights,
  lowerMedian,
  medoidIndex,
  pickWeights,
  plurality,
  requireAnswers,
  textSimilarity,
} from '../../shared/consensus.ts';
import type { ConsensusResult } from '../../task-type.ts';
import { weightedCriteriaRatingsConsensus } from '../criteria-ratings.ts';
import type { PairwisepreferenceParams, PairwisepreferenceResponse } from './index.ts';

/**
 * Consensus of pairwise preferences: the plurality choice (A, B or tie; earliest on a tie) with the lower
 * median strength of the answers that made it, the lower median of each criterion rating, and the
 * justification of the medoid among the winning answers. `selected_response_id` is set when a winning answer
 * set it. Agreement is the share of answers with the winning choice.
 *
 * With `weights`, the plurality, the medians and the medoid are weighted (the choice with the most weight
 * wins; a winning answer of weight 0 does not set `selected_response_id`). The agreement stays unweighted:
 * the share of answers with the most frequent choice, whatever won.
 */
export function pairwisepreferenceConsensus(
  params: PairwisepreferenceParams,
  answers: readonly PairwisepreferenceResponse[],
  weights?: readonly number[],
): ConsensusResult<PairwisepreferenceResponse> {
  requireAnswers(answers);
  const counted = answerWeights(weights, answers.length);
  const choices = answers.map((answer) => answer.choice);
  const choice = choices[plurality(choices, counted).index] as PairwisepreferenceResponse['choice'];
  const winningIndexes = answers.flatMap((answer, index) => (answer.choice === choice ? [index] : []));
  const winning = winningIndexes.map((index) => answers[index] as PairwisepreferenceResponse);
  const winningWeights = pickWeights(counted, winningIndexes);
  const response: PairwisepreferenceResponse = { choice };
  if (choice !== 'tie') {
    const strengths: number[] = [];
    const strengthWeights: number[] = [];
    winning.forEach((answer, i) => {
      if (answer.strength === undefined) return;
      strengths.push(answer.strength);
      strengthWeights.push(winningWeights?.[i] ?? 1);
    });
    if (strengths.length > 0) response.strength = lowerMedian(strengths, winningWeights && strengthWeights);
    const id = params.responses[choice === 'A' ? 0 : 1]?.id;
    if (
      id !== undefined &&
      winning.some((answer, i) => answer.selected_response_id !== undefined && (winningWeights?.[i] ?? 1) > 0)
    ) {
      response.selected_response_id = id;
    }
  }
  const ratings = weightedCriteriaRatingsConsensus(
    params.criteria,
    answers.map((answer) => answer.criteria_ratings),
    ['A', 'B'],
    counted,
  );
  if (ratings) response.criteria_ratings = ratings as PairwisepreferenceResponse['criteria_ratings'];
  const medoid = winning[
    medoidIndex(
      winning,
      (a, b) => textSimilarity(a.justification ?? '', b.justification ?? ''),
      winningWeights,
    )
  ] as PairwisepreferenceResponse;
  if (medoid.justification !== undefined) response.justification = medoid.justification;
  return { response, agreement: plurality(choices).count / answers.length };
}
