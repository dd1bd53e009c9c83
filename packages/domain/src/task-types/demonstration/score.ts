import { textSimilarity } from '../../shared/consensus.ts';
import type { DemonstrationParams, DemonstrationResponse } from './index.ts';

/**
 * Score of a written demonstration against a reference: the word-token Jaccard index of the completions
 * after Unicode normalisation and lower-casing (`textSimilarity`). When the task requires a rationale, the
 * rationale is a field of its own and the score is the mean of the completion's and the rationale's
 * similarity (a missing rationale counts as empty); otherwise the optional rationale is commentary and is
 * not graded. Symmetric.
 *
 * Word overlap rewards the same content in other words only partly; it is a floor for free writing, which
 * a reviewer grades better.
 */
export function demonstrationScore(
  params: DemonstrationParams,
  answer: DemonstrationResponse,
  reference: DemonstrationResponse,
): number {
  const completion = textSimilarity(answer.completion, reference.completion);
  if (!params.require_rationale) return completion;
  return (completion + textSimilarity(answer.rationale ?? '', reference.rationale ?? '')) / 2;
}
