import {
  fieldAnswersConsensus,
  fieldAnswersSimilarity,
  meanPairwiseSimilarity,
  plurality,
  requireAnswers,
} from '../../shared/consensus.ts';
import type { ConsensusResult } from '../../task-type.ts';
import type { ComparisonParams, ComparisonResponse } from './index.ts';

function similarity(params: ComparisonParams, a: ComparisonResponse, b: ComparisonResponse): number {
  const keys = Object.keys(params.fields ?? {});
  const parts: number[] = [];
  if (params.choices) parts.push(a.choice === b.choice ? 1 : 0);
  if (params.fields) parts.push(fieldAnswersSimilarity(keys, a.fields ?? {}, b.fields ?? {}) * keys.length);
  const weight = (params.choices ? 1 : 0) + keys.length;
  return weight === 0 ? 1 : parts.reduce((sum, part) => sum + part, 0) / weight;
}

/**
 * Consensus of comparison answers: the plurality choice (earliest on a tie) and, per free-text field, the
 * medoid text. Agreement is the mean pairwise similarity, averaging the choice (equal or not) and each
 * field's word-token Jaccard index with equal weight.
 */
export function comparisonConsensus(
  params: ComparisonParams,
  answers: readonly ComparisonResponse[],
): ConsensusResult<ComparisonResponse> {
  requireAnswers(answers);
  const response: ComparisonResponse = {};
  if (params.choices) {
    const choices = answers.map((answer) => answer.choice ?? '');
    response.choice = choices[plurality(choices).index];
  }
  if (params.fields) {
    response.fields = fieldAnswersConsensus(
      Object.keys(params.fields),
      answers.map((answer) => answer.fields ?? {}),
    );
  }
  return { response, agreement: meanPairwiseSimilarity(answers, (a, b) => similarity(params, a, b)) };
}
