import {
  canonicalJson,
  isMajority,
  jsonSimilarity,
  meanPairwiseSimilarity,
  medoidIndex,
  plurality,
  requireAnswers,
} from '../../shared/consensus.ts';
import type { ConsensusResult } from '../../task-type.ts';
import type { FormField } from './form-fields.ts';
import type { TextcollectionParams, TextcollectionResponse } from './index.ts';
import { conditionHolds, formAnswerIssues } from './validate.ts';

type Answers = Record<string, unknown>;

function isRecord(value: unknown): value is Answers {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Vote key of a value: multi-choice selections count as sets, so their order does not split the vote. */
function voteKey(field: FormField, value: unknown): string {
  if (field.type === 'category' && field.max_choices > 1 && field.max_responses_required <= 1) {
    return Array.isArray(value) ? canonicalJson(value.map(canonicalJson).sort()) : canonicalJson(value);
  }
  return canonicalJson(value);
}

/** Consensus of the values given to one field: medoid for text, recursion for field sets, plurality otherwise. */
function fuseValue(field: FormField, values: readonly unknown[]): unknown {
  if (field.max_responses_required <= 1) {
    if (field.type === 'text') return values[medoidIndex(values, jsonSimilarity)];
    if (field.type === 'field_set') {
      const records = values.filter(isRecord);
      return records.length > 0 ? fuseFields(field.fields, records) : values[0];
    }
  } else if (field.type === 'text' || field.type === 'field_set') {
    return values[medoidIndex(values, jsonSimilarity)];
  }
  return values[plurality(values.map((value) => voteKey(field, value))).index];
}

/**
 * Field-by-field consensus of one list of fields. A field is answered when it is shown given the consensus
 * so far and either it is required or more than half of the answers answered it.
 */
function fuseFields(fields: readonly FormField[], answers: readonly Answers[]): Answers {
  const result: Answers = {};
  const shown = new Set<string>();
  for (const field of fields) {
    const condition = field.condition;
    if (
      condition &&
      !(shown.has(condition.field_id) && conditionHolds(condition, result[condition.field_id]))
    ) {
      continue;
    }
    shown.add(field.field_id);
    const given = answers.filter((answer) => Object.hasOwn(answer, field.field_id));
    if (given.length === 0 || (!field.required && !isMajority(given.length, answers.length))) continue;
    result[field.field_id] = fuseValue(
      field,
      given.map((answer) => answer[field.field_id]),
    );
  }
  return result;
}

const answerSimilarity = (a: TextcollectionResponse, b: TextcollectionResponse) =>
  jsonSimilarity(a.annotations, b.annotations);

/**
 * Consensus of form answers, field by field: a plurality vote for choices, numbers, booleans and dates
 * (multi-choice selections compared as sets), the medoid text for free text, and recursion into field sets;
 * conditional fields follow the consensus of the fields they depend on. When this merge is not itself a
 * valid answer (conflicting field-set parts, say), the medoid answer is returned instead. Agreement is the
 * mean pairwise similarity of the answers: per field, 1 when equal, word-token Jaccard for texts, element
 * Jaccard for lists, averaged over the fields either answer gave.
 */
export function textcollectionConsensus(
  params: TextcollectionParams,
  answers: readonly TextcollectionResponse[],
): ConsensusResult<TextcollectionResponse> {
  requireAnswers(answers);
  const agreement = meanPairwiseSimilarity(answers, answerSimilarity);
  const annotations = fuseFields(
    params.fields,
    answers.map((answer) => answer.annotations),
  ) as TextcollectionResponse['annotations'];
  if (formAnswerIssues(params.fields, annotations, ['annotations']).length === 0) {
    return { response: { annotations }, agreement };
  }
  return { response: answers[medoidIndex(answers, answerSimilarity)] as TextcollectionResponse, agreement };
}
