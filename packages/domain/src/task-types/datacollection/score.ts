import { fieldAnswersSimilarity } from '../../shared/consensus.ts';
import type { DatacollectionParams, DatacollectionResponse } from './index.ts';

/**
 * Score of a datacollection answer against a reference: the mean, over the task's fields (every valid
 * answer, the reference included, has exactly these), of the word-token Jaccard index of the two texts
 * after Unicode normalisation and lower-casing (`textSimilarity`: "Ada Lovelace" and "ada lovelace!" score
 * 1, "Ada Lovelace" and "Ada King" 1/3). A missing field counts as an empty text. Symmetric.
 */
export function datacollectionScore(
  params: DatacollectionParams,
  answer: DatacollectionResponse,
  reference: DatacollectionResponse,
): number {
  return fieldAnswersSimilarity(Object.keys(params.fields), answer.fields, reference.fields);
}
