import {
  answerWeights,
  fieldAnswersConsensus,
  fieldAnswersSimilarity,
  meanPairwiseSimilarity,
  requireAnswers,
} from '../../shared/consensus.ts';
import type { ConsensusResult } from '../../task-type.ts';
import type { DatacollectionParams, DatacollectionResponse } from './index.ts';

/**
 * Consensus of datacollection answers: per field, the medoid text (the one most similar to the others, so a
 * value most labelers typed wins); with `weights`, the weighted medoid. Agreement is the mean pairwise field
 * similarity (word-token Jaccard, unweighted).
 */
export function datacollectionConsensus(
  params: DatacollectionParams,
  answers: readonly DatacollectionResponse[],
  weights?: readonly number[],
): ConsensusResult<DatacollectionResponse> {
  requireAnswers(answers);
  const keys = Object.keys(params.fields);
  const fields = answers.map((answer) => answer.fields);
  return {
    response: { fields: fieldAnswersConsensus(keys, fields, answerWeights(weights, answers.length)) },
    agreement: meanPairwiseSimilarity(fields, (a, b) => fieldAnswersSimilarity(keys, a, b)),
  };
}
