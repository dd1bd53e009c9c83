/** Criterion ratings (pairwise preference, ranking): their weighted consensus and how close two sets are. */

import {
  isWeightedMajority,
  lowerMedian,
  numberSimilarity,
  weightOf,
  weightOfAll,
} from '../shared/consensus.ts';
import { type Criterion, criteriaRatingsConsensus, DEFAULT_RATING_SCALE } from '../shared/genai.ts';

/** Ratings keyed by criterion, then by slot (`A`/`B`, or a response id). */
export type CriteriaRatings = Readonly<Record<string, Readonly<Record<string, number>>>>;

/**
 * {@link criteriaRatingsConsensus} with one weight per answer: for each criterion, the weighted lower median
 * per slot of the answers that rated it (still always a rating someone gave); an optional criterion is kept
 * when the answers that rated it carry more than half of the total weight, and there are no ratings when
 * only answers of weight 0 gave any. Without weights it is `criteriaRatingsConsensus` itself.
 */
export function weightedCriteriaRatingsConsensus(
  criteria: readonly Criterion[] | undefined,
  ratings: readonly (CriteriaRatings | undefined)[],
  slots: readonly string[],
  weights: readonly number[] | undefined,
): Record<string, Record<string, number>> | undefined {
  if (weights === undefined) return criteriaRatingsConsensus(criteria, ratings, slots);
  if (!criteria || ratings.every((rating, index) => rating === undefined || weightOf(weights, index) === 0)) {
    return undefined;
  }
  const total = weightOfAll(weights, ratings.keys());
  const result: Record<string, Record<string, number>> = {};
  for (const criterion of criteria) {
    const given = ratings.flatMap((rating, index) => {
      const value = rating?.[criterion.key];
      return value === undefined ? [] : [{ value, weight: weightOf(weights, index) }];
    });
    const support = given.reduce((sum, entry) => sum + entry.weight, 0);
    if (given.length === 0 || (!criterion.required && !isWeightedMajority(support, total))) continue;
    const merged: Record<string, number> = {};
    for (const slot of slots) {
      const rated = given.filter((entry) => entry.value[slot] !== undefined);
      if (rated.length === 0) continue;
      merged[slot] = lowerMedian(
        rated.map((entry) => entry.value[slot] as number),
        rated.map((entry) => entry.weight),
      );
    }
    result[criterion.key] = merged;
  }
  return result;
}

/**
 * How close two sets of criterion ratings are, in [0, 1], or `undefined` when neither has any (nothing to
 * grade). The mean, over every rating either gave (criterion × slot), of 1 − |difference| / (the
 * criterion's scale max − min): the same rating scores 1, the opposite ends of the scale 0, and a rating
 * only one of them gave (an optional criterion the other skipped) 0. Symmetric. A criterion missing from
 * `criteria` is read on the default 1–7 scale.
 */
export function criteriaRatingsScore(
  criteria: readonly Criterion[] | undefined,
  answer: CriteriaRatings | undefined,
  reference: CriteriaRatings | undefined,
): number | undefined {
  const rated = new Map<string, Set<string>>();
  for (const ratings of [answer, reference]) {
    for (const [key, slots] of Object.entries(ratings ?? {})) {
      const known = rated.get(key) ?? new Set<string>();
      for (const slot of Object.keys(slots)) known.add(slot);
      rated.set(key, known);
    }
  }
  let sum = 0;
  let count = 0;
  for (const [key, slots] of rated) {
    const scale = criteria?.find((criterion) => criterion.key === key)?.scale ?? DEFAULT_RATING_SCALE;
    for (const slot of slots) {
      const given = answer?.[key]?.[slot];
      const expected = reference?.[key]?.[slot];
      if (given !== undefined && expected !== undefined) {
        sum += numberSimilarity(given, expected, scale.max - scale.min);
      }
      count += 1;
    }
  }
  return count === 0 ? undefined : sum / count;
}
