import {
  answerWeights,
  isWeightedMajority,
  meanPairwiseSimilarity,
  requireAnswers,
  setF1,
  weightOf,
  weightOfAll,
} from '../../shared/consensus.ts';
import type { ConsensusResult } from '../../task-type.ts';
import type { NamedentityrecognitionParams, NamedentityrecognitionResponse } from './index.ts';

type Entity = NamedentityrecognitionResponse['annotations'][number];

function spanKey(entity: Entity): string {
  return JSON.stringify([entity.start, entity.end, entity.label]);
}

/** The spans of an answer as `[start, end, label]` keys: two spans are the same when start, end and label are. */
export function spanKeys(answer: NamedentityrecognitionResponse): Set<string> {
  return new Set(answer.annotations.map(spanKey));
}

/**
 * Consensus of NER answers: every span (same start, end and label) marked by more than half of the answers,
 * in order of first mention; its `text` is included when any supporting answer included it. Two
 * spans that each have a majority share an answer, so if the task forbids overlaps they do not overlap.
 * Agreement is the mean pairwise F1 score of the answers' span sets. Reordering the answers can only reorder the
 * spans.
 *
 * With `weights`, a span is kept when the answers marking it carry more than half of the total weight (two
 * such spans still share an answer, of positive weight); answers of weight 0 count for nothing, not even
 * for the order or the `text`. The agreement stays unweighted.
 */
export function namedentityrecognitionConsensus(
  params: NamedentityrecognitionParams,
  answers: readonly NamedentityrecognitionResponse[],
  weights?: readonly number[],
): ConsensusResult<NamedentityrecognitionResponse> {
  requireAnswers(answers);
  const counted = answerWeights(weights, answers.length);
  const sets = answers.map(spanKeys);
  const support = new Map<string, { entity: Entity; weight: number; withText: boolean }>();
  answers.forEach((answer, index) => {
    const weight = weightOf(counted, index);
    if (weight === 0) return;
    const seen = new Set<string>();
    for (const entity of answer.annotations) {
      const key = spanKey(entity);
      if (seen.has(key)) continue;
      seen.add(key);
      const entry = support.get(key) ?? { entity, weight: 0, withText: false };
      entry.weight += weight;
      entry.withText ||= entity.text !== undefined;
      support.set(key, entry);
    }
  });
  const total = weightOfAll(counted, answers.keys());
  const annotations = [...support.values()]
    .filter((entry) => isWeightedMajority(entry.weight, total))
    .map(({ entity, withText }): Entity => {
      const { start, end, label } = entity;
      return withText ? { start, end, label, text: params.text.slice(start, end) } : { start, end, label };
    });
  return { response: { annotations }, agreement: meanPairwiseSimilarity(sets, setF1) };
}
