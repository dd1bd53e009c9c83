import {
  answerWeights,
  fieldAnswersConsensus,
  fieldAnswersSimilarity,
  meanPairwiseSimilarity,
  medoidIndex,
  requireAnswers,
} from '../../shared/consensus.ts';
import type { ConsensusResult } from '../../task-type.ts';
import type { TranscriptionParams, TranscriptionResponse } from './index.ts';

type Row = Readonly<Record<string, string>>;

/** Row-by-row similarity of two lists of repeated items; a row present on one side only scores 0. */
function rowsSimilarity(keys: readonly string[], a: readonly Row[], b: readonly Row[]): number {
  const length = Math.max(a.length, b.length);
  if (length === 0) return 1;
  let sum = 0;
  for (let index = 0; index < Math.min(a.length, b.length); index += 1) {
    sum += fieldAnswersSimilarity(keys, a[index] as Row, b[index] as Row);
  }
  return sum / length;
}

/**
 * Similarity of two transcriptions in [0, 1]: the mean word-token Jaccard index over the fields, averaged
 * half and half with the row-by-row similarity of the repeated items when the task has repeatable fields (a
 * row present on one side only scores 0). Symmetric.
 */
export function transcriptionSimilarity(
  params: TranscriptionParams,
  a: TranscriptionResponse,
  b: TranscriptionResponse,
): number {
  const fields = fieldAnswersSimilarity(Object.keys(params.fields), a.fields, b.fields);
  if (!params.repeatable_fields) return fields;
  const keys = Object.keys(params.repeatable_fields);
  return (fields + rowsSimilarity(keys, a.repeatable_fields ?? [], b.repeatable_fields ?? [])) / 2;
}

/**
 * Consensus of transcription answers: per field, the medoid text; the repeated rows are taken whole from
 * the medoid answer (rows cannot be merged cell by cell without aligning them). With `weights`, both are
 * weighted medoids. Agreement is the mean pairwise {@link transcriptionSimilarity} (unweighted).
 */
export function transcriptionConsensus(
  params: TranscriptionParams,
  answers: readonly TranscriptionResponse[],
  weights?: readonly number[],
): ConsensusResult<TranscriptionResponse> {
  requireAnswers(answers);
  const counted = answerWeights(weights, answers.length);
  const similarity = (a: TranscriptionResponse, b: TranscriptionResponse) =>
    transcriptionSimilarity(params, a, b);
  const response: TranscriptionResponse = {
    fields: fieldAnswersConsensus(
      Object.keys(params.fields),
      answers.map((answer) => answer.fields),
      counted,
    ),
  };
  if (params.repeatable_fields) {
    const medoid = answers[medoidIndex(answers, similarity, counted)];
    if (medoid?.repeatable_fields) response.repeatable_fields = medoid.repeatable_fields;
  }
  return { response, agreement: meanPairwiseSimilarity(answers, similarity) };
}
