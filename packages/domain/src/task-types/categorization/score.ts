import { setJaccard } from '../../shared/consensus.ts';
import { chosen } from './consensus.ts';
import type { CategorizationParams, CategorizationResponse } from './index.ts';

/**
 * Score of a categorization answer against a reference: the Jaccard index of the chosen categories,
 * |answer ∩ reference| / |answer ∪ reference|. For a single choice that is exact match (1 or 0); for several
 * categories it gives partial credit, penalising both missed and extra categories. Two empty choices score
 * 1. `category_id` follows from the categories and is not compared. Symmetric.
 */
export function categorizationScore(
  _params: CategorizationParams,
  answer: CategorizationResponse,
  reference: CategorizationResponse,
): number {
  return setJaccard(new Set(chosen(answer)), new Set(chosen(reference)));
}
