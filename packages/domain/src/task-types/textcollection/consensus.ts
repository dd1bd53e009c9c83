import {
  answerWeights,
  canonicalJson,
  isWeightedMajority,
  jsonSimilarity,
  meanPairwiseSimilarity,
  medoidIndex,
  pickWeights,
  plurality,
  requireAnswers,
  weightOfAll,
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

/**
 * Consensus of the values given to one field: medoid for text, recursion for field sets, plurality otherwise;
 * each weighted by `weights` (one per value) when given.
 */
function fuseValue(
  field: FormField,
  values: readonly unknown[],
  weights: readonly number[] | undefined,
): unknown {
  if (field.max_responses_required <= 1) {
    if (field.type === 'text') return values[medoidIndex(values, jsonSimilarity, weights)];
    if (field.type === 'field_set') {
      const indexes = values.flatMap((value, index) => (isRecord(value) ? [index] : []));
      return indexes.length > 0
        ? fuseFields(
            field.fields,
            indexes.map((index) => values[index] as Answers),
            pickWeights(weights, indexes),
          )
        : values[0];
    }
  } else if (field.type === 'text' || field.type === 'field_set') {
    return values[medoidIndex(values, jsonSimilarity, weights)];
  }
  return values[
    plurality(
      values.map((value) => voteKey(field, value)),
      weights,
    ).index
  ];
}

/**
 * Field-by-field consensus of one list of fields. A field is answered when it is shown given the consensus
 * so far and either it is required or more than half of the answers (by weight, when weighted) answered it.
 */
function fuseFields(
  fields: readonly FormField[],
  answers: readonly Answers[],
  weights: readonly number[] | undefined,
): Answers {
  const result: Answers = {};
  const shown = new Set<string>();
  const total = weightOfAll(weights, answers.keys());
  for (const field of fields) {
    const condition = field.condition;
    if (
      condition &&
      !(shown.has(condition.field_id) && conditionHolds(condition, result[condition.field_id]))
    ) {
      continue;
    }
    shown.add(field.field_id);
    const given = answers.flatMap((answer, index) => (Object.hasOwn(answer, field.field_id) ? [index] : []));
    if (given.length === 0 || (!field.required && !isWeightedMajority(weightOfAll(weights, given), total))) {
      continue;
    }
    result[field.field_id] = fuseValue(
      field,
      given.map((index) => (answers[index] as Answers)[field.field_id]),
      pickWeights(weights, given),
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
 *
 * With `weights`, every vote, majority and medoid is weighted; the agreement stays unweighted.
 */
export function textcollectionConsensus(
  params: TextcollectionParams,
  answers: readonly TextcollectionResponse[],
  weights?: readonly number[],
): ConsensusResult<TextcollectionResponse> {
  requireAnswers(answers);
  const counted = answerWeights(weights, answers.length);
  const agreement = meanPairwiseSimilarity(answers, answerSimilarity);
  const annotations = fuseFields(
    params.fields,
    answers.map((answer) => answer.annotations),
    counted,
  ) as TextcollectionResponse['annotations'];
  if (formAnswerIssues(params.fields, annotations, ['annotations']).length === 0) {
    return { response: { annotations }, agreement };
  }
  return {
    response: answers[medoidIndex(answers, answerSimilarity, counted)] as TextcollectionResponse,
    agreement,
  };
}
