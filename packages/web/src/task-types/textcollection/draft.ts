/**
 * The draft of a text-collection form and its conversion to and from the answer. The draft mirrors the form:
 * every field holds a list of entries (one for a single answer, several for a repeated field), each entry
 * holding what the input shows (a number as typed, a boolean or `null` while unanswered, the selected choice
 * values, a nested draft for a field set). The conversion then applies the domain's own checks, so what the
 * editor accepts is what the server accepts.
 */
import {
  checkResponse,
  conditionHolds,
  type FieldIssue,
  type FormField,
  type TextcollectionParams,
  type TextcollectionResponse,
  textcollectionTaskType,
} from '@groundwork/domain';

/** What one input holds: text, number or date as typed; a yes/no; selected choice values; a field set's draft. */
export type EntryDraft = string | boolean | null | string[] | FormDraft;

/** A form's draft: every field's entries by `field_id`. */
export interface FormDraft {
  [fieldId: string]: EntryDraft[];
}

/** Where an entry sits in the draft: `field_id`, entry index, then (in a field set) child `field_id`, index… */
export type DraftPath = (string | number)[];

/** A problem found in a draft, addressed to the entry (or field) it is about. */
export interface DraftProblem {
  /** The entry (`[field_id, index, …]`) or, for problems of a whole repeated field, `[…, field_id]`. */
  path: DraftPath;
  /** What is wrong, without the field's name (`is not a number`). */
  message: string;
  /** The field as the person sees it: `Menu items #2 › Price`. */
  label: string;
}

/** The form field of one kind (`FormFieldOf<'number'>`). */
export type FormFieldOf<T extends FormField['type']> = Extract<FormField, { type: T }>;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Whether a field takes several answers (its answer is then an array). */
export function isRepeated(field: FormField): boolean {
  return field.max_responses_required > 1;
}

/** The empty value of one entry of `field`. */
export function emptyEntry(field: FormField): EntryDraft {
  switch (field.type) {
    case 'text':
    case 'number':
    case 'datetime':
      return '';
    case 'boolean':
      return null;
    case 'category':
      return [];
    case 'field_set':
      return emptyFormDraft(field.fields);
  }
}

/** A draft with every field empty; a repeated field starts with as many entries as it requires. */
export function emptyFormDraft(fields: readonly FormField[]): FormDraft {
  return Object.fromEntries(
    fields.map((field) => [
      field.field_id,
      Array.from({ length: Math.max(1, field.min_responses_required) }, () => emptyEntry(field)),
    ]),
  );
}

/** A field's entries in a draft that may be stale (read back from storage): never empty. */
export function entriesOf(draft: FormDraft, field: FormField): EntryDraft[] {
  const entries = draft[field.field_id];
  return Array.isArray(entries) && entries.length > 0 ? entries : [emptyEntry(field)];
}

/** An entry's text (text, number, date fields). */
export function textOf(entry: EntryDraft | undefined): string {
  return typeof entry === 'string' ? entry : '';
}

/** An entry's selected choice values (category fields). */
export function choicesOf(entry: EntryDraft | undefined): string[] {
  return Array.isArray(entry) ? entry.filter((value): value is string => typeof value === 'string') : [];
}

/** An entry's yes/no, `null` while unanswered (boolean fields). */
export function booleanOf(entry: EntryDraft | undefined): boolean | null {
  return typeof entry === 'boolean' ? entry : null;
}

/** An entry's nested draft (field sets). */
export function formOf(entry: EntryDraft | undefined): FormDraft {
  return isRecord(entry) ? (entry as FormDraft) : {};
}

function entryFromAnswer(field: FormField, value: unknown): EntryDraft {
  switch (field.type) {
    case 'text':
    case 'datetime':
      return typeof value === 'string' ? value : '';
    case 'number':
      return typeof value === 'number' ? String(value) : '';
    case 'boolean':
      return typeof value === 'boolean' ? value : null;
    case 'category':
      if (typeof value === 'string') return [value];
      return Array.isArray(value)
        ? value.filter((choice): choice is string => typeof choice === 'string')
        : [];
    case 'field_set':
      return isRecord(value) ? formDraftFromAnswers(field.fields, value) : emptyFormDraft(field.fields);
  }
}

/** The draft holding `answers` (the `annotations` of an answer, or one field set's answer). */
export function formDraftFromAnswers(
  fields: readonly FormField[],
  answers: Readonly<Record<string, unknown>>,
): FormDraft {
  const draft: FormDraft = {};
  for (const field of fields) {
    const value = answers[field.field_id];
    const entries =
      value === undefined
        ? []
        : isRepeated(field) && Array.isArray(value)
          ? value.map((entry) => entryFromAnswer(field, entry))
          : [entryFromAnswer(field, value)];
    draft[field.field_id] =
      entries.length > 0
        ? entries
        : Array.from({ length: Math.max(1, field.min_responses_required) }, () => emptyEntry(field));
  }
  return draft;
}

/**
 * What converting a draft collects besides the answers: its own problems, and for repeated fields whose
 * unusable entries (empty, or a number that does not parse) were left out of the answer, which draft entry
 * each answer entry came from, so the domain's issues still point at the right entry.
 */
interface Conversion {
  problems: DraftProblem[];
  /** Draft field path key → the draft index of each answer entry (only for fields that lost entries). */
  entryMaps: Map<string, number[]>;
}

/** What one entry contributes: nothing (unanswered), or a value (undefined when it cannot be used). */
interface EntryResult {
  answered: boolean;
  value: unknown;
}

/** A field's label as the person sees it: its title, `#n` for an entry of a repeated field. */
function entryLabel(parentLabel: string, field: FormField, index: number | undefined): string {
  const own = index !== undefined && isRepeated(field) ? `${field.title} #${index + 1}` : field.title;
  return parentLabel === '' ? own : `${parentLabel} › ${own}`;
}

const UNANSWERED: EntryResult = { answered: false, value: undefined };

function entryResult(
  field: FormField,
  entry: EntryDraft | undefined,
  path: DraftPath,
  label: string,
  conversion: Conversion,
): EntryResult {
  switch (field.type) {
    case 'text': {
      const text = textOf(entry);
      return text.trim() === '' ? UNANSWERED : { answered: true, value: text };
    }
    case 'datetime': {
      const text = textOf(entry).trim();
      return text === '' ? UNANSWERED : { answered: true, value: text };
    }
    case 'number': {
      const text = textOf(entry).trim();
      if (text === '') return UNANSWERED;
      const value = Number(text);
      if (!Number.isFinite(value)) {
        conversion.problems.push({ path, label, message: `is not a number (“${text}”)` });
        return { answered: true, value: undefined };
      }
      return { answered: true, value };
    }
    case 'boolean': {
      const value = booleanOf(entry);
      return value === null ? UNANSWERED : { answered: true, value };
    }
    case 'category': {
      const chosen = choicesOf(entry);
      if (chosen.length === 0) return UNANSWERED;
      return { answered: true, value: field.max_choices <= 1 ? chosen[0] : [...chosen] };
    }
    case 'field_set': {
      const before = conversion.problems.length;
      const nested = convertList(field.fields, formOf(entry), path, label, conversion);
      // A required field set is always answered: the domain then names the required fields inside it that
      // are missing (and accepts `{}` when all of them are optional).
      const answered =
        field.required || Object.keys(nested.answers).length > 0 || conversion.problems.length > before;
      return answered ? { answered, value: nested.answers } : UNANSWERED;
    }
  }
}

/** The outcome of converting one list of fields (the form, or one field set entry). */
interface ListResult {
  answers: Record<string, unknown>;
  /** `field_id`s shown: unconditional fields and those whose condition holds. */
  shown: Set<string>;
}

function convertList(
  fields: readonly FormField[],
  draft: FormDraft,
  prefix: DraftPath,
  parentLabel: string,
  conversion: Conversion,
): ListResult {
  const answers: Record<string, unknown> = {};
  const shown = new Set<string>();
  for (const field of fields) {
    const condition = field.condition;
    if (
      condition &&
      !(shown.has(condition.field_id) && conditionHolds(condition, answers[condition.field_id]))
    ) {
      continue;
    }
    shown.add(field.field_id);
    const fieldPath = [...prefix, field.field_id];
    const entries = entriesOf(draft, field);
    if (!isRepeated(field)) {
      const result = entryResult(
        field,
        entries[0],
        [...fieldPath, 0],
        entryLabel(parentLabel, field, undefined),
        conversion,
      );
      if (result.answered && result.value !== undefined) answers[field.field_id] = result.value;
      continue;
    }
    const results = entries.map((entry, index) =>
      entryResult(field, entry, [...fieldPath, index], entryLabel(parentLabel, field, index), conversion),
    );
    if (!results.some((result) => result.answered)) continue;
    const kept: number[] = [];
    results.forEach((result, index) => {
      if (!result.answered) {
        conversion.problems.push({
          path: [...fieldPath, index],
          label: entryLabel(parentLabel, field, index),
          message: 'is empty: fill it in or remove it (Alt+Shift+Backspace)',
        });
      } else if (result.value !== undefined) kept.push(index);
    });
    answers[field.field_id] = kept.map((index) => results[index]?.value);
    if (kept.length < results.length) conversion.entryMaps.set(pathKey(fieldPath), kept);
  }
  return { answers, shown };
}

/** The `field_id`s of `fields` shown for `draft`: those without a condition or whose condition holds. */
export function shownFields(fields: readonly FormField[], draft: FormDraft): Set<string> {
  return convertList(fields, draft, [], '', { problems: [], entryMaps: new Map() }).shown;
}

/**
 * Maps a domain issue's path inside `annotations` (`items.1.price`) to the draft entry it is about
 * (`['items', 1, 'price', 0]`) and the label the person sees (`Menu items #2 › Price`).
 */
export function locateIssue(
  fields: readonly FormField[],
  segments: readonly string[],
  entryMaps: ReadonlyMap<string, readonly number[]> = new Map(),
): { path: DraftPath; label: string } {
  const path: DraftPath = [];
  const labels: string[] = [];
  let list: readonly FormField[] = fields;
  let rest = [...segments];
  while (rest.length > 0) {
    const [id, ...after] = rest;
    const field = list.find((candidate) => candidate.field_id === id);
    if (!field) {
      path.push(id as string);
      labels.push(id as string);
      break;
    }
    path.push(field.field_id);
    rest = after;
    let index = 0;
    if (isRepeated(field)) {
      const next = rest[0];
      if (next === undefined || !/^\d+$/.test(next)) {
        labels.push(field.title);
        break;
      }
      index = entryMaps.get(pathKey(path))?.[Number(next)] ?? Number(next);
      rest = rest.slice(1);
      labels.push(`${field.title} #${index + 1}`);
    } else {
      labels.push(field.title);
    }
    path.push(index);
    if (field.type !== 'field_set') break;
    list = field.fields;
  }
  return { path, label: labels.join(' › ') };
}

/** The outcome of checking a draft: the answer, or the problems (each located in the draft). */
export type FormDraftCheck =
  | { ok: true; response: TextcollectionResponse; problems: [] }
  | { ok: false; problems: DraftProblem[] };

/** The key problems are grouped by in {@link problemsByPath}. */
export function pathKey(path: readonly (string | number)[]): string {
  return path.join('\u0000');
}

/** Problems grouped by the entry or field they are about, for showing each under its input. */
export function problemsByPath(problems: readonly DraftProblem[]): Map<string, DraftProblem[]> {
  const grouped = new Map<string, DraftProblem[]>();
  for (const problem of problems) {
    const key = pathKey(problem.path);
    grouped.set(key, [...(grouped.get(key) ?? []), problem]);
  }
  return grouped;
}

/** Where a draft path sits in the form's order: field positions and entry indexes, for sorting problems. */
function formOrder(fields: readonly FormField[], path: DraftPath): number[] {
  const order: number[] = [];
  let list: readonly FormField[] = fields;
  for (let at = 0; at < path.length; at += 2) {
    const position = list.findIndex((field) => field.field_id === String(path[at]));
    order.push(position === -1 ? list.length : position, Number(path[at + 1] ?? -1));
    const field = list[position];
    if (field?.type !== 'field_set') break;
    list = field.fields;
  }
  return order;
}

function compareOrder(a: readonly number[], b: readonly number[]): number {
  for (let at = 0; at < Math.min(a.length, b.length); at += 1) {
    const difference = (a[at] ?? 0) - (b[at] ?? 0);
    if (difference !== 0) return difference;
  }
  return a.length - b.length;
}

/**
 * Converts a draft into the answer and checks it with the domain's `checkResponse`, returning the problems
 * in the form's order. The conversion finds its own problems (a number that does not parse, an empty entry
 * among filled ones) and leaves those entries out of the checked answer; the domain's issues that only
 * repeat them (the entry "is required", a repeated field with too few answers) are dropped.
 */
export function checkFormDraft(params: TextcollectionParams, draft: FormDraft): FormDraftCheck {
  const conversion: Conversion = { problems: [], entryMaps: new Map() };
  const converted = convertList(params.fields, isRecord(draft) ? draft : {}, [], '', conversion);
  const response = { annotations: converted.answers };
  const checked = checkResponse(textcollectionTaskType, params, response);
  if (checked.ok && conversion.problems.length === 0) {
    return { ok: true, response: checked.response, problems: [] };
  }
  const own = new Set(conversion.problems.map((problem) => pathKey(problem.path)));
  const domain = (checked.ok ? [] : checked.issues)
    .map((issue) => domainProblem(params.fields, issue, conversion.entryMaps))
    .filter((problem) => {
      const key = pathKey(problem.path);
      return !own.has(key) && !conversion.entryMaps.has(key);
    });
  const problems = [...conversion.problems, ...domain]
    .map((problem) => ({ problem, order: formOrder(params.fields, problem.path) }))
    .sort((a, b) => compareOrder(a.order, b.order))
    .map(({ problem }) => problem);
  return { ok: false, problems };
}

function domainProblem(
  fields: readonly FormField[],
  issue: FieldIssue,
  entryMaps: ReadonlyMap<string, readonly number[]>,
): DraftProblem {
  const segments = issue.path === '' ? [] : issue.path.split('.');
  if (segments[0] === 'annotations') segments.shift();
  if (segments.length === 0) return { path: [], label: 'The form', message: issue.message };
  return { ...locateIssue(fields, segments, entryMaps), message: issue.message };
}

/** A problem as one sentence naming the field: `Price: expected a number ≥ 0`, `Title is required`. */
export function problemSentence(problem: Pick<DraftProblem, 'label' | 'message'>): string {
  return /^(is|must|has|needs) /.test(problem.message)
    ? `${problem.label} ${problem.message}`
    : `${problem.label}: ${problem.message}`;
}

/** The draft with the entries of the field at `fieldPath` (`[…, field_id]`) replaced. */
export function setEntries(draft: FormDraft, fieldPath: DraftPath, entries: EntryDraft[]): FormDraft {
  const [id, index, ...rest] = fieldPath;
  const key = String(id);
  if (index === undefined) return { ...draft, [key]: entries };
  const current = Array.isArray(draft[key]) ? [...(draft[key] as EntryDraft[])] : [];
  current[Number(index)] = setEntries(formOf(current[Number(index)]), rest, entries);
  return { ...draft, [key]: current };
}

/** The draft with one entry (`[…, field_id, index]`) replaced. */
export function setEntry(
  draft: FormDraft,
  entryPath: DraftPath,
  entries: EntryDraft[],
  value: EntryDraft,
): FormDraft {
  const index = Number(entryPath[entryPath.length - 1]);
  const next = [...entries];
  next[index] = value;
  return setEntries(draft, entryPath.slice(0, -1), next);
}

/** The field at `fieldPath` (`[field_id, index, field_id, …]`) and its entries, or undefined if none. */
export function fieldAtPath(
  fields: readonly FormField[],
  draft: FormDraft,
  fieldPath: DraftPath,
): { field: FormField; entries: EntryDraft[] } | undefined {
  let list = fields;
  let form = draft;
  for (let at = 0; at < fieldPath.length; at += 2) {
    const field = list.find((candidate) => candidate.field_id === String(fieldPath[at]));
    if (!field) return undefined;
    const entries = entriesOf(form, field);
    if (at === fieldPath.length - 1) return { field, entries };
    if (field.type !== 'field_set') return undefined;
    form = formOf(entries[Number(fieldPath[at + 1])]);
    list = field.fields;
  }
  return undefined;
}

/**
 * The draft with an empty entry added to the repeated field at `fieldPath`, and the new entry's index; the
 * draft is unchanged (index undefined) when the field already has its most answers.
 */
export function addEntry(
  fields: readonly FormField[],
  draft: FormDraft,
  fieldPath: DraftPath,
): { draft: FormDraft; index: number | undefined } {
  const found = fieldAtPath(fields, draft, fieldPath);
  if (!found || found.entries.length >= found.field.max_responses_required)
    return { draft, index: undefined };
  return {
    draft: setEntries(draft, fieldPath, [...found.entries, emptyEntry(found.field)]),
    index: found.entries.length,
  };
}

/** The fewest entries a repeated field shows: its minimum answers (at least one input to type into). */
export function fewestEntries(field: FormField): number {
  return Math.max(1, field.min_responses_required);
}

/** The draft without entry `index` of the repeated field at `fieldPath`; unchanged at the field's fewest entries. */
export function removeEntry(
  fields: readonly FormField[],
  draft: FormDraft,
  fieldPath: DraftPath,
  index: number,
): FormDraft {
  const found = fieldAtPath(fields, draft, fieldPath);
  if (!found || found.entries.length <= fewestEntries(found.field) || index >= found.entries.length)
    return draft;
  return setEntries(
    draft,
    fieldPath,
    found.entries.filter((_, at) => at !== index),
  );
}
