import {
  answerWeights,
  fieldAnswersConsensus,
  fieldAnswersSimilarity,
  meanPairwiseSimilarity,
  plurality,
  requireAnswers,
} from '../../shared/consensus.ts';
import type { ConsensusResult } from '../../task-type.ts';
import type { ComparisonParams, ComparisonResponse } from './index.ts';

/**
 * Similarity of two comparison answers in [0, 1]: the choice (1 when equal, else 0) and each free-text field
 * (word-token Jaccard index) count equally; 1 when the task has neither. Symmetric.
 */
export function comparisonSimilarity(
  params: ComparisonParams,
  a: ComparisonResponse,
  b: ComparisonResponse,
): number {
  const keys = Object.keys(params.fields ?? {});
  const parts: number[] = [];
  if (params.choices) parts.push(a.choice === b.choice ? 1 : 0);
  if (params.fields) parts.push(fieldAnswersSimilarity(keys, a.fields ?? {}, b.fields ?? {}) * keys.length);
  const weight = (params.choices ? 1 : 0) + keys.length;
  return weight === 0 ? 1 : parts.reduce((sum, part) => sum + part, 0) / weight;
}

/**
 * Consensus of comparison answers: the plurality choice (earliest on a tie) and, per free-text field, the
 * medoid text; with `weights`, the weighted plurality and the weighted medoid. Agreement is the mean
 * pairwise {@link comparisonSimilarity} (unweighted).
 */
export function comparisonConsensus(
  params: ComparisonParams,
  answers: readonly ComparisonResponse[],
  weights?: readonly number[],
): ConsensusResult<ComparisonResponse> {
  requireAnswers(answers);
  const counted = answerWeights(weights, answers.length);
  const response: ComparisonResponse = {};
  if (params.choices) {
    const choices = answers.map((answer) => answer.choice ?? '');
    response.choice = choices[plurality(choices, counted).index];
  }
  if (params.fields) {
    response.fields = fieldAnswersConsensus(
      Object.keys(params.fields),
      answers.map((answer) => answer.fields ?? {}),
      counted,
    );
  }
  return {
    response,
    agreement: meanPairwiseSimilarity(answers, (a, b) => comparisonSimilarity(params, a, b)),
  };
}
