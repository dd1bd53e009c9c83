import { transcriptionSimilarity } from './consensus.ts';
import type { TranscriptionParams, TranscriptionResponse } from './index.ts';

/**
 * Score of a transcription against a reference ({@link transcriptionSimilarity}): the mean, over the task's
 * fields, of the word-token Jaccard index of the two texts after Unicode normalisation and lower-casing;
 * when the task has repeatable fields, that mean counts half and the repeated rows the other half, compared
 * row by row in order (each row by the mean similarity of its cells, a row only one side has scoring 0,
 * divided by the longer list; two empty lists score 1). Symmetric.
 */
export function transcriptionScore(
  params: TranscriptionParams,
  answer: TranscriptionResponse,
  reference: TranscriptionResponse,
): number {
  return transcriptionSimilarity(params, answer, reference);
}
