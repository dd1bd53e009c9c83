/**
 * A comparison draft and its conversion to and from the answer the server takes: the chosen option (when the
 * task has `choices`) and the text of each field (when it has `fields`). The answer is checked by the domain's
 * own rules; what stops it being submitted is said in words a labeler can act on.
 */
import {
  type ComparisonParams,
  type ComparisonResponse,
  comparisonTaskType,
  type FieldIssue,
} from '@groundwork/domain';
import { checkAnswer } from '../check-answer.ts';
import type { DraftCheck } from '../contract.ts';

/** What a labeler has answered so far. JSON, kept in localStorage by the labeling loop. */
export interface ComparisonDraft {
  /** The chosen option, or null before one is chosen (ignored when the task has no choices). */
  choice: string | null;
  /** The text typed for each field key of the task. */
  fields: Record<string, string>;
}

/** The field keys of a task, in the order the task lists them. */
export function fieldKeys(params: ComparisonParams): string[] {
  return Object.keys(params.fields ?? {});
}

/** The draft of a new assignment: no option chosen, every field empty. */
export function emptyComparisonDraft(params: ComparisonParams): ComparisonDraft {
  return { choice: null, fields: Object.fromEntries(fieldKeys(params).map((key) => [key, ''])) };
}

/** The draft holding an answer, so a reviewer fixing the merged answer starts from it. */
export function comparisonDraftFromResponse(
  params: ComparisonParams,
  response: ComparisonResponse,
): ComparisonDraft {
  return {
    choice: response.choice ?? null,
    fields: { ...emptyComparisonDraft(params).fields, ...response.fields },
  };
}

/** How a field is named to the labeler: its description (shortened), or its key when it has none. */
export function fieldName(params: ComparisonParams, key: string): string {
  const description = params.fields?.[key]?.trim() || key;
  return description.length > 60 ? `${description.slice(0, 57).trimEnd()}…` : description;
}

/** The text of a field in a draft; empty when the draft has none (an older draft, or a key it never had). */
export function fieldText(draft: ComparisonDraft, key: string): string {
  return Object.hasOwn(draft.fields, key) ? (draft.fields[key] ?? '') : '';
}

function describeIssue(params: ComparisonParams, issue: FieldIssue): string {
  const [head, key] = issue.path.split('.');
  if (head === 'choice') return `Choice: ${issue.message}.`;
  if (head === 'fields' && key !== undefined) return `Field “${fieldName(params, key)}”: ${issue.message}.`;
  if (head === 'fields') return `Fields: ${issue.message}.`;
  return issue.path === '' ? `Answer: ${issue.message}.` : `Answer ${issue.path}: ${issue.message}.`;
}

/**
 * The answer a draft makes, or what stops it being submitted: no option chosen, an option the task does not
 * have, an empty field (a comparison's fields ask for a description, so a blank one is an oversight). What
 * passes those is checked by the domain's `checkResponse`, the same rules the server applies.
 */
export function comparisonResponseFromDraft(
  params: ComparisonParams,
  draft: ComparisonDraft,
): DraftCheck<ComparisonResponse> {
  const problems: string[] = [];
  if (params.choices) {
    if (draft.choice === null) problems.push('Choose an answer.');
    else if (!params.choices.includes(draft.choice)) {
      problems.push(`“${draft.choice}” is not one of this task's answers; choose again.`);
    }
  }
  const keys = fieldKeys(params);
  for (const key of keys) {
    if (fieldText(draft, key).trim() === '') problems.push(`Fill in “${fieldName(params, key)}”.`);
  }
  if (problems.length > 0) return { ok: false, problems };

  const response: ComparisonResponse = {};
  if (params.choices && draft.choice !== null) response.choice = draft.choice;
  if (params.fields) response.fields = Object.fromEntries(keys.map((key) => [key, fieldText(draft, key)]));
  return checkAnswer(comparisonTaskType, params, response, (issue) => describeIssue(params, issue));
}
