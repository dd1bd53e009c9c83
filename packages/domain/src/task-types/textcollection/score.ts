import { canonicalJson, numberSimilarity, setJaccard, textSimilarity } from '../../shared/consensus.ts';
import { matchedSimilarity } from '../matching.ts';
import type { FormField } from './form-fields.ts';
import type { TextcollectionParams, TextcollectionResponse } from './index.ts';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const exact = (a: unknown, b: unknown) => (canonicalJson(a) === canonicalJson(b) ? 1 : 0);

/** Similarity of one response to `field` (not a list of responses), in [0, 1]. */
function singleSimilarity(field: FormField, answer: unknown, reference: unknown): number {
  switch (field.type) {
    case 'category':
      return field.max_choices > 1 && Array.isArray(answer) && Array.isArray(reference)
        ? setJaccard(new Set(answer.map(canonicalJson)), new Set(reference.map(canonicalJson)))
        : exact(answer, reference);
    case 'text':
      return typeof answer === 'string' && typeof reference === 'string'
        ? textSimilarity(answer, reference)
        : exact(answer, reference);
    case 'number': {
      if (typeof answer !== 'number' || typeof reference !== 'number') return exact(answer, reference);
      const range = field.min !== undefined && field.max !== undefined ? field.max - field.min : undefined;
      return numberSimilarity(answer, reference, range);
    }
    case 'field_set':
      return isRecord(answer) && isRecord(reference)
        ? fieldsSimilarity(field.fields, answer, reference)
        : exact(answer, reference);
    default:
      return exact(answer, reference);
  }
}

/** Similarity of the value(s) given to `field`: several responses are matched one-to-one. */
function fieldSimilarity(field: FormField, answer: unknown, reference: unknown): number {
  if (field.max_responses_required <= 1) return singleSimilarity(field, answer, reference);
  const list = (value: unknown) => (Array.isArray(value) ? value : [value]);
  return matchedSimilarity(list(answer), list(reference), (a, b) => singleSimilarity(field, a, b));
}

/** Mean similarity over the fields (of `fields`, recursively) that the reference answered; 1 when none. */
function fieldsSimilarity(
  fields: readonly FormField[],
  answer: Readonly<Record<string, unknown>>,
  reference: Readonly<Record<string, unknown>>,
): number {
  let sum = 0;
  let count = 0;
  for (const field of fields) {
    if (!Object.hasOwn(reference, field.field_id)) continue;
    count += 1;
    if (Object.hasOwn(answer, field.field_id)) {
      sum += fieldSimilarity(field, answer[field.field_id], reference[field.field_id]);
    }
  }
  return count === 0 ? 1 : sum / count;
}

/**
 * Score of a form answer against a reference: the mean, over the fields the reference answered, of each
 * field's similarity (a field the answer left out scores 0):
 * - single choice, boolean, date/time: 1 when equal, else 0;
 * - multiple choice: Jaccard index of the selected sets;
 * - free text: word-token Jaccard index after Unicode normalisation and lower-casing (`textSimilarity`);
 * - number: 1 when equal, falling linearly to 0 at a difference of the field's max − min, or, without both
 *   bounds, at a difference as large as the larger magnitude (`numberSimilarity`);
 * - field set: the same mean over its child fields, recursively;
 * - a field with several responses (`max_responses_required` > 1): its responses matched one-to-one for the
 *   largest summed similarity, divided by the longer list (so missing and extra responses count 0).
 *
 * Fields only the answer gave (an optional field the reference skipped, a conditional field shown only
 * by the answer's own choices) are not graded: the wrong choice that showed them already costs. A reference
 * that answered no field scores 1. So the score is not symmetric: it grades against the reference.
 */
export function textcollectionScore(
  params: TextcollectionParams,
  answer: TextcollectionResponse,
  reference: TextcollectionResponse,
): number {
  return fieldsSimilarity(params.fields, answer.annotations, reference.annotations);
}
