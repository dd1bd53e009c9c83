import {
  answerWeights,
  meanPairwiseSimilarity,
  medoidIndex,
  requireAnswers,
  textSimilarity,
  weightOf,
} from '../../shared/consensus.ts';
import type { ConsensusResult } from '../../task-type.ts';
import { weightedCriteriaRatingsConsensus } from '../criteria-ratings.ts';
import type { RankingParams, RankingResponse } from './index.ts';

/** Rank (0 = best) of each response id in one answer; ids sharing a rank have the same number. */
export function rankOf(ranking: RankingResponse['ranking']): Map<string, number> {
  const ranks = new Map<string, number>();
  ranking.forEach((entry, rank) => {
    for (const id of typeof entry === 'string' ? [entry] : entry) if (!ranks.has(id)) ranks.set(id, rank);
  });
  return ranks;
}

/**
 * Borda scores of the response ids over the answers: in each answer an id earns one point per response
 * ranked below it and half a point per response sharing its rank. Ids an answer leaves out earn nothing
 * from it. With `weights` (one per answer) each answer's points are multiplied by its weight, and the
 * totals are rounded to 9 decimals so that sums equal up to rounding compare equal.
 */
export function bordaScores(
  ids: readonly string[],
  answers: readonly RankingResponse[],
  weights?: readonly number[],
): Map<string, number> {
  const scores = new Map(ids.map((id) => [id, 0]));
  answers.forEach((answer, index) => {
    const weight = weightOf(weights, index);
    const ranks = rankOf(answer.ranking);
    for (const id of ids) {
      const rank = ranks.get(id);
      if (rank === undefined) continue;
      let points = 0;
      for (const other of ids) {
        const otherRank = ranks.get(other);
        if (other === id || otherRank === undefined) continue;
        if (otherRank > rank) points += 1;
        else if (otherRank === rank) points += 0.5;
      }
      scores.set(id, (scores.get(id) ?? 0) + (weights === undefined ? points : weight * points));
    }
  });
  if (weights !== undefined) {
    for (const [id, score] of scores) scores.set(id, Math.round(score * 1e9) / 1e9);
  }
  return scores;
}

/**
 * Kendall-tau agreement of two rankings mapped to [0, 1]: the share of pairs of response ids the two order
 * the same way (both put the same one first, or both tie them). For rankings without ties this is
 * (1 + τ) / 2.
 */
export function rankingSimilarity(ids: readonly string[], a: RankingResponse, b: RankingResponse): number {
  const left = rankOf(a.ranking);
  const right = rankOf(b.ranking);
  const order = (ranks: Map<string, number>, x: string, y: string) =>
    Math.sign((ranks.get(x) ?? ids.length) - (ranks.get(y) ?? ids.length));
  let same = 0;
  let pairs = 0;
  for (let i = 0; i < ids.length; i += 1) {
    for (let j = i + 1; j < ids.length; j += 1) {
      const x = ids[i] as string;
      const y = ids[j] as string;
      if (order(left, x, y) === order(right, x, y)) same += 1;
      pairs += 1;
    }
  }
  return pairs === 0 ? 1 : same / pairs;
}

/**
 * Consensus of rankings by Borda count: ids by decreasing score; equal scores are ordered as the earliest
 * answer ranked them, and share a rank when the task allows ties. Criterion ratings are lower medians per
 * response; the justification is the medoid answer's. Agreement is the mean pairwise Kendall-tau agreement
 * ({@link rankingSimilarity}).
 *
 * With `weights`: weighted Borda count (each answer's points times its weight), weighted lower medians and
 * the weighted medoid; equal scores are then ordered as the earliest answer of positive weight ranked them.
 * The agreement stays unweighted.
 */
export function rankingConsensus(
  params: RankingParams,
  answers: readonly RankingResponse[],
  weights?: readonly number[],
): ConsensusResult<RankingResponse> {
  requireAnswers(answers);
  const counted = answerWeights(weights, answers.length);
  const ids = params.responses.map((candidate) => candidate.id);
  const scores = bordaScores(ids, answers, counted);
  const leader = answers.find((_, index) => weightOf(counted, index) > 0) ?? answers[0];
  const firstOrder = leader.ranking.flat();
  const tieBreak = (id: string) => {
    const position = firstOrder.indexOf(id);
    return position === -1 ? firstOrder.length + ids.indexOf(id) : position;
  };
  const sorted = [...ids].sort(
    (a, b) => (scores.get(b) ?? 0) - (scores.get(a) ?? 0) || tieBreak(a) - tieBreak(b),
  );
  const ranking: RankingResponse['ranking'] = [];
  let group: string[] = [];
  const flush = () => {
    if (group.length === 1) ranking.push(group[0] as string);
    else if (group.length > 1) ranking.push(group);
    group = [];
  };
  for (const id of sorted) {
    const previous = group[group.length - 1];
    if (previous !== undefined && !(params.allow_ties && scores.get(previous) === scores.get(id))) flush();
    group.push(id);
  }
  flush();
  const response: RankingResponse = { ranking };
  const ratings = weightedCriteriaRatingsConsensus(
    params.criteria,
    answers.map((answer) => answer.criteria_ratings),
    ids,
    counted,
  );
  if (ratings) response.criteria_ratings = ratings;
  const medoid = answers[
    medoidIndex(answers, (a, b) => textSimilarity(a.justification ?? '', b.justification ?? ''), counted)
  ] as RankingResponse;
  if (medoid.justification !== undefined) response.justification = medoid.justification;
  return { response, agreement: meanPairwiseSimilarity(answers, (a, b) => rankingSimilarity(ids, a, b)) };
}
