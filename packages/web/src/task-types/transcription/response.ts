/**
 * Transcription drafts: the document's fields (each typed or marked not present) and its repeated items
 * (invoice lines, table rows), turned into the answer the server checks.
 */
import {
  type TranscriptionParams,
  type TranscriptionResponse,
  transcriptionTaskType,
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

/** A transcription draft. JSON, kept in the assignment's draft. */
export interface TranscriptionDraft {
  /** The fields transcribed once. */
  fields: FieldValuesDraft;
  /** One entry per repeated item: the text of each repeatable field (a cell may stay blank). */
  items: Record<string, string>[];
}

/** Every field blank, no items yet. */
export function transcriptionEmptyDraft(params: TranscriptionParams): TranscriptionDraft {
  return { fields: emptyFieldValues(params.fields), items: [] };
}

/** An item with every repeatable field blank. */
export function emptyItem(params: TranscriptionParams): Record<string, string> {
  return Object.fromEntries(Object.keys(params.repeatable_fields ?? {}).map((key) => [key, '']));
}

/** The fields part of a draft that may be stale (read back from storage): blank fields when missing. */
export function fieldsOf(params: TranscriptionParams, draft: TranscriptionDraft): FieldValuesDraft {
  return draft.fields && typeof draft.fields === 'object' ? draft.fields : emptyFieldValues(params.fields);
}

/** The draft holding an answer. */
export function transcriptionDraftFromResponse(
  params: TranscriptionParams,
  response: TranscriptionResponse,
): TranscriptionDraft {
  const keys = Object.keys(params.repeatable_fields ?? {});
  return {
    fields: fieldValuesFromAnswers(params.fields, response.fields),
    items: (response.repeatable_fields ?? []).map((row) =>
      Object.fromEntries(keys.map((key) => [key, row[key] ?? ''])),
    ),
  };
}

/** An item's cells for the task's repeatable fields; a stale draft's missing cells read as blank. */
export function itemCells(
  params: TranscriptionParams,
  item: Readonly<Record<string, unknown>> | undefined,
): Record<string, string> {
  return Object.fromEntries(
    Object.keys(params.repeatable_fields ?? {}).map((key) => {
      const value = item?.[key];
      return [key, typeof value === 'string' ? value : ''];
    }),
  );
}

/**
 * The answer a draft makes, checked by the domain's rules, or one sentence per thing to fix: a field left
 * blank without being marked not present, an item with nothing typed in it.
 */
export function transcriptionToResponse(
  params: TranscriptionParams,
  draft: TranscriptionDraft,
): DraftCheck<TranscriptionResponse> {
  const { answers, problems } = fieldValuesToAnswers(params.fields, fieldsOf(params, draft));
  const messages = problems.map((problem) => problem.message);
  const items = params.repeatable_fields
    ? (Array.isArray(draft.items) ? draft.items : []).map((item) => itemCells(params, item))
    : [];
  items.forEach((item, index) => {
    if (Object.values(item).every((value) => value.trim() === '')) {
      messages.push(`Item ${index + 1} is empty: fill it in or remove it (Alt+Shift+Backspace)`);
    }
  });
  if (messages.length > 0) return { ok: false, problems: messages };
  const response: TranscriptionResponse = { fields: answers };
  if (params.repeatable_fields) response.repeatable_fields = items;
  return checkAnswer(transcriptionTaskType, params, response, fieldIssueSentence);
}
