/** Data-collection drafts: the fields typed so far, turned into the answer the server checks. */
import {
  type DatacollectionParams,
  type DatacollectionResponse,
  datacollectionTaskType,
} from '@groundwork/domain';
import {
  emptyFieldValues,
  type FieldValuesDraft,
  fieldIssueSentence,
  fieldValuesFromAnswers,
  fieldValuesToAnswers,
} from '../../components/fields-form/field-values.ts';
import { checkAnswer } from '../check-answer.ts';
import type { DraftCheck } from '../contract.ts';

/** A data-collection draft: the fields' texts and the fields marked not present. */
export type DatacollectionDraft = FieldValuesDraft;

/** Every field blank. */
export function datacollectionEmptyDraft(params: DatacollectionParams): DatacollectionDraft {
  return emptyFieldValues(params.fields);
}

/** The draft holding an answer. */
export function datacollectionDraftFromResponse(
  params: DatacollectionParams,
  response: DatacollectionResponse,
): DatacollectionDraft {
  return fieldValuesFromAnswers(params.fields, response.fields);
}

/** The answer a draft makes, checked by the domain's rules, or one sentence per field to fix. */
export function datacollectionToResponse(
  params: DatacollectionParams,
  draft: DatacollectionDraft,
): DraftCheck<DatacollectionResponse> {
  const { answers, problems } = fieldValuesToAnswers(params.fields, draft);
  if (problems.length > 0) return { ok: false, problems: problems.map((problem) => problem.message) };
  return checkAnswer(datacollectionTaskType, params, { fields: answers }, fieldIssueSentence);
}
