import { isMajority, meanPairwiseSimilarity, requireAnswers, setF1 } from '../../shared/consensus.ts';
import type { ConsensusResult } from '../../task-type.ts';
import type { NamedentityrecognitionParams, NamedentityrecognitionResponse } from './index.ts';

type Entity = NamedentityrecognitionResponse['annotations'][number];

function spanKey(entity: Entity): string {
  return JSON.stringify([entity.start, entity.end, entity.label]);
}

function spanKeys(answer: NamedentityrecognitionResponse): Set<string> {
  return new Set(answer.annotations.map(spanKey));
}

/**
 * Consensus of NER answers: every span (same start, end and label) marked by more than half of the answers,
 * in order of first mention; its `text` is included when any supporting answer included it. Two
 * spans that each have a majority share an answer, so if the task forbids overlaps they do not overlap.
 * Agreement is the mean pairwise F1 score of the answers' span sets. Reordering the answers can only reorder the
 * spans.
 */
export function namedentityrecognitionConsensus(
  params: NamedentityrecognitionParams,
  answers: readonly NamedentityrecognitionResponse[],
): ConsensusResult<NamedentityrecognitionResponse> {
  requireAnswers(answers);
  const sets = answers.map(spanKeys);
  const support = new Map<string, { entity: Entity; count: number; withText: boolean }>();
  for (const answer of answers) {
    const seen = new Set<string>();
    for (const entity of answer.annotations) {
      const key = spanKey(entity);
      if (seen.has(key)) continue;
      seen.add(key);
      const entry = support.get(key) ?? { entity, count: 0, withText: false };
      entry.count += 1;
      entry.withText ||= entity.text !== undefined;
      support.set(key, entry);
    }
  }
  const annotations = [...support.values()]
    .filter((entry) => isMajority(entry.count, answers.length))
    .map(({ entity, withText }): Entity => {
      const { start, end, label } = entity;
      return withText ? { start, end, label, text: params.text.slice(start, end) } : { start, end, label };
    });
  return { response: { annotations }, agreement: meanPairwiseSimilarity(sets, setF1) };
}
