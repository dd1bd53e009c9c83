import * as z from 'zod';
import { type FindPiiOptions, findPii, PII_KINDS } from './find-pii.ts';
import {
  createPlaceholders,
  offsetMap,
  type PlaceholderEntry,
  placeholderTokens,
  type RedactionSegment,
  redactText,
  restorePlaceholders,
} from './redact-text.ts';

/** Path from a task's params to one of its strings, e.g. `['responses', 1, 'content']`. */
export type ParamsPath = (string | number)[];

/** Version of the {@link Redaction} record's shape, so stored records can be read after it changes. */
export const REDACTION_VERSION = 1;

/** One masked string of a task's params: where it is and what was masked in it. */
export interface RedactedField {
  /** Path of the string in the params. */
  path: ParamsPath;
  /** The masked values, sorted by offset. */
  segments: RedactionSegment[];
}

/**
 * What was masked in one task for one assignment: plain JSON for the server to store with the assignment, and
 * what {@link unredactResponse} needs to map the answer back. It holds the original values, so it is as
 * sensitive as the task's params and must never be sent to the annotator.
 */
export interface Redaction {
  /** Shape version ({@link REDACTION_VERSION}). */
  version: typeof REDACTION_VERSION;
  /** Placeholder → the kind and value it stands for. */
  placeholders: Record<string, PlaceholderEntry>;
  /** The masked strings of the params, in reading order; strings without personal data are not listed. */
  fields: RedactedField[];
  /**
   * Placeholder-shaped strings the task itself contains (`[EMAIL_1]` written in a prompt), which are never
   * handed out as placeholders, so they stay literal when answers are unredacted.
   */
  reserved: string[];
}

const segmentSchema = z.strictObject({
  /** Offset of the value in the original text. */
  start: z.int().min(0).describe('Offset of the value in the original text (UTF-16).'),
  /** Offset just past the value in the original text. */
  end: z.int().min(1).describe('Offset just past the value in the original text.'),
  /** Offset of the placeholder in the redacted text. */
  redactedStart: z.int().min(0).describe('Offset of the placeholder in the redacted text.'),
  /** Offset just past the placeholder in the redacted text. */
  redactedEnd: z.int().min(1).describe('Offset just past the placeholder in the redacted text.'),
  /** The placeholder. */
  placeholder: z.string().min(1).describe('The placeholder written instead, e.g. [PHONE_1].'),
  /** The original value at this place. */
  value: z.string().min(1).describe('The original value at this place.'),
});

/** Zod schema of a stored {@link Redaction}, for reading it back from the database. */
export const redactionSchema: z.ZodType<Redaction> = z.strictObject({
  /** Shape version. */
  version: z.literal(REDACTION_VERSION).describe('Shape version of the record.'),
  /** Placeholder → kind and value. */
  placeholders: z
    .record(
      z.string().regex(/^\[[A-Z]+_[1-9]\d*\]$/),
      z.strictObject({
        /** Kind of the masked value. */
        kind: z.enum(PII_KINDS).describe('Kind of the masked value.'),
        /** The value as first written. */
        value: z.string().min(1).describe('The value as first written in the task.'),
        /** The comparable form. */
        normalized: z.string().describe('The comparable form of the value.'),
      }),
    )
    .describe('Placeholder → the kind and value it stands for.'),
  /** The masked strings. */
  fields: z
    .array(
      z.strictObject({
        /** Path of the string in the params. */
        path: z.array(z.union([z.string(), z.int().min(0)])).describe('Path of the string in the params.'),
        /** The masked values. */
        segments: z.array(segmentSchema).describe('The masked values, sorted by offset.'),
      }),
    )
    .describe('The masked strings of the params, in reading order.'),
  /** Placeholder-shaped strings of the task itself. */
  reserved: z
    .array(z.string().describe('A placeholder-shaped string.'))
    .describe('Placeholder-shaped strings the task itself contains; never handed out.'),
});

/** A redaction that masked nothing: what a task without personal data (or a non-text type) gets. */
export function emptyRedaction(): Redaction {
  return { version: REDACTION_VERSION, placeholders: {}, fields: [], reserved: [] };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function promptPaths(params: Record<string, unknown>): ParamsPath[] {
  const prompt = params.prompt;
  if (typeof prompt === 'string') return [['prompt']];
  if (!Array.isArray(prompt)) return [];
  return prompt.flatMap((message, index) =>
    isRecord(message) && typeof message.content === 'string' ? [['prompt', index, 'content']] : [],
  );
}

function contentPaths(list: unknown, name: string, isText: (item: Record<string, unknown>) => boolean) {
  if (!Array.isArray(list)) return [];
  return list.flatMap((item, index): ParamsPath[] =>
    isRecord(item) && typeof item.content === 'string' && isText(item) ? [[name, index, 'content']] : [],
  );
}

/**
 * The strings of a task's params that an annotator reads as data, in reading order: the NER `text`; text
 * attachments of categorization, transcription, datacollection and comparison; the prompt (text or each
 * message) and response contents of pairwise preference and ranking; the demonstration prompt; text
 * attachments of textcollection. Other types (images) have none. Instructions, labels, categories and
 * field descriptions are the project's own words and are not listed. Works on raw or parsed params
 * (an absent `attachment_type` is the type's default, never `text`).
 */
export function redactableTextPaths(type: string, params: unknown): ParamsPath[] {
  if (!isRecord(params)) return [];
  const textAttachment = params.attachment_type === 'text';
  switch (type) {
    case 'namedentityrecognition':
      return typeof params.text === 'string' ? [['text']] : [];
    case 'categorization':
    case 'transcription':
    case 'datacollection':
      return textAttachment && typeof params.attachment === 'string' ? [['attachment']] : [];
    case 'comparison':
      if (!textAttachment || !Array.isArray(params.attachments)) return [];
      return params.attachments.flatMap((item, index): ParamsPath[] =>
        typeof item === 'string' ? [['attachments', index]] : [],
      );
    case 'pairwisepreference':
    case 'ranking':
      return [...promptPaths(params), ...contentPaths(params.responses, 'responses', () => true)];
    case 'demonstration':
      return promptPaths(params);
    case 'textcollection':
      return contentPaths(params.attachments, 'attachments', (item) => item.type === 'text');
    default:
      return [];
  }
}

function getAt(root: unknown, path: ParamsPath): unknown {
  let node = root;
  for (const key of path) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string | number, unknown>)[key];
  }
  return node;
}

/** A copy of `root` with the value at `path` replaced, copying only the objects and arrays on the path. */
function setAt(root: unknown, path: ParamsPath, value: unknown): unknown {
  const [key, ...rest] = path;
  if (key === undefined) return value;
  if (Array.isArray(root)) {
    const copy = [...root];
    copy[key as number] = setAt(root[key as number], rest, value);
    return copy;
  }
  const record = root as Record<string, unknown>;
  return { ...record, [key]: setAt(record[key], rest, value) };
}

function collectStrings(value: unknown, into: string[]): string[] {
  if (typeof value === 'string') into.push(value);
  else if (Array.isArray(value)) for (const item of value) collectStrings(item, into);
  else if (isRecord(value)) for (const item of Object.values(value)) collectStrings(item, into);
  return into;
}

/** Outcome of {@link redactTaskParams}. */
export interface RedactedTaskParams<P> {
  /** The params with personal data in the annotator's texts replaced by placeholders. */
  params: P;
  /** What was masked, to store with the assignment. */
  redaction: Redaction;
}

/**
 * Masks personal data in the texts an annotator of an outside workforce reads ({@link redactableTextPaths}):
 * each found value is replaced by a placeholder that is the same for the same value everywhere in the task
 * (prompt and every response agree). Everything else in the params, and the params passed in, are left as
 * they were. Placeholders the task's own strings already contain are never handed out.
 */
export function redactTaskParams<P>(
  type: string,
  params: P,
  options: FindPiiOptions = {},
): RedactedTaskParams<P> {
  const paths = redactableTextPaths(type, params);
  if (paths.length === 0) return { params, redaction: emptyRedaction() };
  const strings = collectStrings(params, []);
  const placeholders = createPlaceholders(strings);
  const fields: RedactedField[] = [];
  let redacted: unknown = params;
  for (const path of paths) {
    const text = getAt(params, path) as string;
    const matches = findPii(text, options);
    if (matches.length === 0) continue;
    const result = redactText(text, matches, placeholders);
    redacted = setAt(redacted, path, result.text);
    fields.push({ path, segments: [...result.map.segments] });
  }
  return {
    params: redacted as P,
    redaction: {
      version: REDACTION_VERSION,
      placeholders: placeholders.table(),
      fields,
      reserved: placeholderTokens(strings),
    },
  };
}

/** `value` with `change` applied to every string in it (object keys, numbers and the rest kept). */
function mapStrings(value: unknown, change: (text: string) => string): unknown {
  if (typeof value === 'string') return change(value);
  if (Array.isArray(value)) return value.map((item) => mapStrings(item, change));
  if (isRecord(value)) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, mapStrings(item, change)]));
  }
  return value;
}

function restoreStrings(value: unknown, table: Redaction['placeholders']): unknown {
  return mapStrings(value, (text) => restorePlaceholders(text, table));
}

/**
 * The text on the other side of a redaction between offsets `start` and `end` of `slice` (the text there):
 * `toOriginal` reads redacted offsets and gives each placeholder the slice touches (even partly) its whole
 * original value; otherwise original offsets, each value touched becoming its placeholder.
 */
function sliceAcross(
  slice: string,
  start: number,
  end: number,
  segments: readonly RedactionSegment[],
  toOriginal: boolean,
): string {
  let text = '';
  let at = start;
  for (const segment of segments) {
    const from = toOriginal ? segment.redactedStart : segment.start;
    const to = toOriginal ? segment.redactedEnd : segment.end;
    if (to <= start || from >= end) continue;
    if (from > at) text += slice.slice(at - start, from - start);
    text += toOriginal ? segment.value : segment.placeholder;
    at = to;
  }
  if (at < end) text += slice.slice(at - start);
  return text;
}

function unredactEntity(
  entity: unknown,
  segments: readonly RedactionSegment[],
  table: Redaction['placeholders'],
) {
  if (!isRecord(entity)) return entity;
  const { start, end, text, ...rest } = entity;
  if (!(Number.isInteger(start) && Number.isInteger(end))) return restoreStrings(entity, table);
  const map = offsetMap(segments);
  const from = start as number;
  const to = end as number;
  const mapped: Record<string, unknown> = {
    ...rest,
    start: map.toOriginal(from, 'start'),
    end: map.toOriginal(to, 'end'),
  };
  if (typeof text === 'string') {
    mapped.text =
      from < to && text.length === to - from
        ? sliceAcross(text, from, to, segments, true)
        : restorePlaceholders(text, table);
  }
  return mapped;
}

/**
 * Maps an outside annotator's answer, given on redacted params, back onto the original task. NER spans move
 * to original offsets (a span touching part of a placeholder covers the whole value) and their `text`, when
 * present and as long as the span, is rebuilt from the original; in every other string of the answer
 * (completions, rationales, justifications, form answers, transcribed fields) each placeholder of this
 * redaction is replaced by its value (the spelling first seen in the task). Object keys, numbers and
 * placeholder-shaped strings the redaction does not know are unchanged. An answer that touches no
 * placeholder keeps its offsets over non-personal text: they point at the same characters in the original.
 * A `text` that does not match its span is only restored like free text, so the usual validation against
 * the original params still reports it.
 */
export function unredactResponse<R>(type: string, response: R, redaction: Redaction): R {
  const table = redaction.placeholders;
  if (type !== 'namedentityrecognition' || !isRecord(response)) return restoreStrings(response, table) as R;
  const segments = redaction.fields.find(
    (field) => field.path.length === 1 && field.path[0] === 'text',
  )?.segments;
  const { annotations, ...rest } = response;
  const restored = restoreStrings(rest, table) as Record<string, unknown>;
  if (annotations === undefined) return restored as R;
  if (!Array.isArray(annotations)) return { ...restored, annotations } as R;
  return {
    ...restored,
    annotations: annotations.map((entity) => unredactEntity(entity, segments ?? [], table)),
  } as R;
}

/** Outcome of {@link redactResponse}. */
export interface RedactedResponse<R> {
  /** The answer as the masked task's reader may see it. */
  response: R;
  /** The redaction grown by the placeholders of values only the answer contains. */
  redaction: Redaction;
}

/**
 * Masks an answer given on the original task for someone who sees the task masked (an outside reviewer
 * reading the annotators' answers): NER spans move to redacted offsets (a span touching part of a value
 * covers its whole placeholder) and their `text` is rebuilt from the redacted text; every other string is
 * searched for personal data like the params were, with the task's placeholders, so a value keeps its
 * placeholder and new values get new ones. Labels and object keys are left alone. Returns the grown
 * redaction to store with the reviewer's assignment, so that their corrected answer can be unredacted.
 */
export function redactResponse<R>(
  type: string,
  response: R,
  redaction: Redaction,
  options: FindPiiOptions = {},
): RedactedResponse<R> {
  const placeholders = createPlaceholders(
    [...redaction.reserved, ...collectStrings(response, [])],
    redaction.placeholders,
  );
  const mask = (text: string) => redactText(text, findPii(text, options), placeholders).text;
  const grown = () => ({ ...redaction, placeholders: placeholders.table() });
  if (type !== 'namedentityrecognition' || !isRecord(response)) {
    const masked = mapStrings(response, mask) as R;
    return { response: masked, redaction: grown() };
  }
  const segments =
    redaction.fields.find((field) => field.path.length === 1 && field.path[0] === 'text')?.segments ?? [];
  const map = offsetMap(segments);
  const { annotations, ...rest } = response;
  const masked = mapStrings(rest, mask) as Record<string, unknown>;
  if (Array.isArray(annotations)) {
    masked.annotations = annotations.map((entity) => {
      if (!isRecord(entity)) return entity;
      const { start, end, text, ...others } = entity;
      if (!(Number.isInteger(start) && Number.isInteger(end))) return entity;
      const from = start as number;
      const to = end as number;
      const moved: Record<string, unknown> = {
        ...others,
        start: map.toRedacted(from, 'start'),
        end: map.toRedacted(to, 'end'),
      };
      if (typeof text === 'string') {
        moved.text =
          from < to && text.length === to - from ? sliceAcross(text, from, to, segments, false) : mask(text);
      }
      return moved;
    });
  } else if (annotations !== undefined) masked.annotations = annotations;
  return { response: masked as R, redaction: grown() };
}
