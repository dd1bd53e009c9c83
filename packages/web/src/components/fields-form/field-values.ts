/**
 * The draft model of `{key: description}` fields (data collection, transcription, comparison): what the person
 * typed per field, and which fields they marked as not present in the attachment. Pure, so the conversion to
 * and from answers is unit-tested without a browser.
 */
import type { FieldDescriptions } from '@groundwork/domain';

/** What a person has typed into `{key: description}` fields. JSON, kept in the assignment's draft. */
export interface FieldValuesDraft {
  /** Text typed per field key. */
  values: Record<string, string>;
  /**
   * Keys marked "not present" (the attachment does not show this field). They are answered with an empty
   * text, so a blank answer is always a decision, never a field someone forgot.
   */
  absent: string[];
}

/** One problem of a draft, addressed by the field key (or row) it belongs to. */
export interface FieldValueProblem {
  /** Field key the problem is about. */
  key: string;
  /** The whole sentence, naming the field as the person sees it. */
  message: string;
}

/**
 * The title a field key is shown under: `invoice_total` and `invoiceTotal` both read `Invoice total`. The
 * key is what the task's author chose as the field's name; its description is shown beneath it.
 */
export function fieldTitle(key: string): string {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_\-.]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (words === '') return key;
  return words.charAt(0).toUpperCase() + words.slice(1).toLowerCase();
}

/** The description worth showing under a field's title: none when it is blank or only repeats the title. */
export function shownDescription(key: string, description: string): string | undefined {
  const text = description.trim();
  return text === '' || text.toLowerCase() === fieldTitle(key).toLowerCase() ? undefined : text;
}

/** Prefixes a domain message with the field it is about: `Total is required`, `Total: expected …`. */
export function labelMessage(label: string, message: string): string {
  return /^(is|must|has|needs) /.test(message) ? `${label} ${message}` : `${label}: ${message}`;
}

/** A draft with every field blank and none marked absent. */
export function emptyFieldValues(fields: FieldDescriptions): FieldValuesDraft {
  return { values: Object.fromEntries(Object.keys(fields).map((key) => [key, ''])), absent: [] };
}

/** The draft holding `answers`: an empty answer is a field marked not present. */
export function fieldValuesFromAnswers(
  fields: FieldDescriptions,
  answers: Readonly<Record<string, string>>,
): FieldValuesDraft {
  const keys = Object.keys(fields);
  return {
    values: Object.fromEntries(keys.map((key) => [key, answers[key] ?? ''])),
    absent: keys.filter((key) => answers[key] === ''),
  };
}

/** The text of one field in a draft that may be stale (read back from storage): always a string. */
export function fieldValue(draft: FieldValuesDraft, key: string): string {
  const value = draft.values?.[key];
  return typeof value === 'string' ? value : '';
}

/** Whether a field is marked not present. */
export function isAbsent(draft: FieldValuesDraft, key: string): boolean {
  return Array.isArray(draft.absent) && draft.absent.includes(key);
}

/** The draft with `key` marked (or no longer marked) not present. */
export function setAbsent(draft: FieldValuesDraft, key: string, absent: boolean): FieldValuesDraft {
  const others = (Array.isArray(draft.absent) ? draft.absent : []).filter((entry) => entry !== key);
  return { ...draft, absent: absent ? [...others, key] : others };
}

/** The draft with `key`'s text replaced. */
export function setValue(draft: FieldValuesDraft, key: string, value: string): FieldValuesDraft {
  return { ...draft, values: { ...draft.values, [key]: value } };
}

/**
 * The answers a draft makes (every field key, an absent field as `""`), or the problems that stop it: a field
 * left blank without being marked not present.
 */
export function fieldValuesToAnswers(
  fields: FieldDescriptions,
  draft: FieldValuesDraft,
): { answers: Record<string, string>; problems: FieldValueProblem[] } {
  const answers: Record<string, string> = {};
  const problems: FieldValueProblem[] = [];
  for (const key of Object.keys(fields)) {
    if (isAbsent(draft, key)) {
      answers[key] = '';
      continue;
    }
    const value = fieldValue(draft, key);
    if (value.trim() === '') {
      problems.push({
        key,
        message: `${fieldTitle(key)} is empty: type it, or mark it “Not present” (Alt+M)`,
      });
      continue;
    }
    answers[key] = value;
  }
  return { answers, problems };
}

/**
 * A domain issue about `{key: description}` answers as a sentence naming the field as the person sees it:
 * `fields.total` → `Total …`, `repeatable_fields.1.price` → `Item 2 › Price …`.
 */
export function fieldIssueSentence(issue: { path: string; message: string }): string {
  const [root, ...rest] = issue.path === '' ? [] : issue.path.split('.');
  if (root === 'fields' && rest.length === 1)
    return labelMessage(fieldTitle(rest[0] as string), issue.message);
  if (root === 'repeatable_fields') {
    const [index, key] = rest;
    const item = index !== undefined && /^\d+$/.test(index) ? `Item ${Number(index) + 1}` : 'Items';
    return labelMessage(key === undefined ? item : `${item} › ${fieldTitle(key)}`, issue.message);
  }
  return labelMessage(root === undefined ? 'The answer' : fieldTitle(issue.path), issue.message);
}
