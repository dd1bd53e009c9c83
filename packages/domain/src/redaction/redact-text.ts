import { normalizeName, type PiiKind, type PiiMatch } from './find-pii.ts';

/** The word each kind's placeholders are written with: `[EMAIL_1]`, `[PHONE_2]`, … */
export const PLACEHOLDER_WORDS: Readonly<Record<PiiKind, string>> = {
  email: 'EMAIL',
  card: 'CARD',
  id: 'ID',
  phone: 'PHONE',
  ip: 'IP',
  name: 'NAME',
};

/** Every string shaped like a placeholder (`[EMAIL_1]`), whether or not a redaction made it. */
const PLACEHOLDER_PATTERN = /\[(EMAIL|CARD|ID|PHONE|IP|NAME)_([1-9]\d*)\]/g;

/** The distinct placeholder-shaped strings (`[EMAIL_1]`) in `texts`, in order of first appearance. */
export function placeholderTokens(texts: Iterable<string>): string[] {
  const tokens = new Set<string>();
  for (const text of texts) {
    for (const token of text.matchAll(PLACEHOLDER_PATTERN)) tokens.add(token[0]);
  }
  return [...tokens];
}

/** What a placeholder stands for. */
export interface PlaceholderEntry {
  /** The kind of the masked value. */
  kind: PiiKind;
  /** The value as first written in the task (other spellings of it get the same placeholder). */
  value: string;
  /** The value's comparable form (see {@link PiiMatch.normalized}); equal forms share a placeholder. */
  normalized: string;
}

/**
 * Hands out stable placeholders within one task: the same value (compared by its normalized form) always gets
 * the same placeholder, so the prompt and every response of a task agree. Numbers count up per kind in the
 * order values are first seen. One registry per task: sharing one across tasks would let an annotator link
 * the same person across tasks.
 */
export interface Placeholders {
  /** The placeholder of a value, made on first sight (`[EMAIL_1]`, then `[EMAIL_2]` for the next email…). */
  placeholderFor(kind: PiiKind, normalized: string, value: string): string;
  /** Placeholder → what it stands for, in the order they were made. */
  table(): Record<string, PlaceholderEntry>;
}

/**
 * Creates a placeholder registry, empty or continuing a stored `seed` table (its placeholders keep their
 * values and new ones count on from its highest number). Placeholders that already occur literally in any of
 * `reserved` (the task's own strings) are skipped, so a text that happens to contain `[EMAIL_1]` can never be
 * confused with a masked value when answers are unredacted.
 */
export function createPlaceholders(
  reserved: Iterable<string> = [],
  seed: Readonly<Record<string, PlaceholderEntry>> = {},
): Placeholders {
  const taken = new Set(placeholderTokens(reserved));
  const counters = new Map<PiiKind, number>();
  const byValue = new Map<string, string>();
  const entries: Record<string, PlaceholderEntry> = {};
  for (const [token, entry] of Object.entries(seed)) {
    const number = Number(/_(\d+)\]$/.exec(token)?.[1] ?? 0);
    counters.set(entry.kind, Math.max(counters.get(entry.kind) ?? 0, number));
    byValue.set(`${entry.kind}\u0000${entry.normalized}`, token);
    entries[token] = { ...entry };
  }
  return {
    placeholderFor(kind, normalized, value) {
      const key = `${kind}\u0000${normalized}`;
      const known = byValue.get(key);
      if (known !== undefined) return known;
      let number = counters.get(kind) ?? 0;
      let token: string;
      do {
        number += 1;
        token = `[${PLACEHOLDER_WORDS[kind]}_${number}]`;
      } while (taken.has(token));
      counters.set(kind, number);
      byValue.set(key, token);
      entries[token] = { kind, value, normalized };
      return token;
    },
    table: () => ({ ...entries }),
  };
}

/**
 * One masked value: where it was in the original text, where its placeholder is in the redacted text, the
 * placeholder and the value it replaced. Plain JSON, stored with an assignment.
 */
export interface RedactionSegment {
  /** Offset of the value in the original text (UTF-16). */
  start: number;
  /** Offset just past the value in the original text. */
  end: number;
  /** Offset of the placeholder in the redacted text. */
  redactedStart: number;
  /** Offset just past the placeholder in the redacted text. */
  redactedEnd: number;
  /** The placeholder written instead, e.g. `[PHONE_1]`. */
  placeholder: string;
  /** The original value at this place (its spelling here, which may differ from the table's). */
  value: string;
}

/** Which side of a masked value an offset inside it moves to. */
export type OffsetBias = 'start' | 'end';

/**
 * Converts offsets between an original text and its redacted form. Offsets outside masked values move by
 * the length changes before them; an offset strictly inside a value (or a placeholder) moves to the start or
 * the end of the placeholder (or value), as `bias` says, so a span that covers part of a placeholder covers
 * the whole value. Both directions are monotonic (non-decreasing), and for an offset outside every value,
 * `toOriginal(toRedacted(o)) === o`.
 */
export interface OffsetMap {
  /** The masked values, sorted by offset and disjoint. */
  readonly segments: readonly RedactionSegment[];
  /** Original offset → redacted offset. */
  toRedacted(offset: number, bias?: OffsetBias): number;
  /** Redacted offset → original offset. */
  toOriginal(offset: number, bias?: OffsetBias): number;
}

/** Rebuilds the offset conversions over stored segments (sorted and disjoint, as {@link redactText} makes them). */
export function offsetMap(segments: readonly RedactionSegment[]): OffsetMap {
  const convert = (
    offset: number,
    bias: OffsetBias,
    from: (s: RedactionSegment) => [number, number],
    to: (s: RedactionSegment) => [number, number],
  ): number => {
    // Last segment starting before the offset (binary search over the disjoint, sorted segments).
    let low = 0;
    let high = segments.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (from(segments[mid]!)[0] < offset) low = mid + 1;
      else high = mid;
    }
    const before = segments[low - 1];
    if (before === undefined) return offset;
    const [fromStart, fromEnd] = from(before);
    const [toStart, toEnd] = to(before);
    if (offset < fromEnd && offset > fromStart) return bias === 'start' ? toStart : toEnd;
    return offset - fromEnd + toEnd;
  };
  const original = (s: RedactionSegment): [number, number] => [s.start, s.end];
  const redacted = (s: RedactionSegment): [number, number] => [s.redactedStart, s.redactedEnd];
  return {
    segments,
    toRedacted: (offset, bias = 'start') => convert(offset, bias, original, redacted),
    toOriginal: (offset, bias = 'start') => convert(offset, bias, redacted, original),
  };
}

/** A piece of personal data to mask; `normalized` defaults to the kind's usual normalization of the text. */
export type RedactableMatch = Pick<PiiMatch, 'kind' | 'start' | 'end'> & { normalized?: string | undefined };

/** Outcome of {@link redactText}. */
export interface RedactedText {
  /** The text with each match replaced by its placeholder. */
  text: string;
  /** Offset conversions between `text` and the original. */
  map: OffsetMap;
}

/**
 * Replaces each match in `text` by its stable placeholder from `placeholders` (pass one registry to every
 * field of a task). Matches may come in any order but must not overlap (use {@link findPii}'s result). The
 * text between matches is copied unchanged.
 *
 * @throws RangeError when a match is empty, outside the text, or overlaps another.
 */
export function redactText(
  text: string,
  matches: readonly RedactableMatch[],
  placeholders: Placeholders = createPlaceholders([text]),
): RedactedText {
  const sorted = [...matches].sort((a, b) => a.start - b.start);
  const segments: RedactionSegment[] = [];
  const parts: string[] = [];
  let copied = 0;
  let length = 0;
  for (const match of sorted) {
    if (!(Number.isInteger(match.start) && Number.isInteger(match.end))) {
      throw new RangeError(`match ${match.start}..${match.end} is not made of integer offsets`);
    }
    if (match.start < copied || match.start >= match.end || match.end > text.length) {
      throw new RangeError(
        `match ${match.start}..${match.end} is empty, outside the text or overlaps the previous one`,
      );
    }
    const value = text.slice(match.start, match.end);
    const normalized = match.normalized ?? normalizePii(match.kind, value);
    const placeholder = placeholders.placeholderFor(match.kind, normalized, value);
    const between = text.slice(copied, match.start);
    parts.push(between, placeholder);
    length += between.length;
    segments.push({
      start: match.start,
      end: match.end,
      redactedStart: length,
      redactedEnd: length + placeholder.length,
      placeholder,
      value,
    });
    length += placeholder.length;
    copied = match.end;
  }
  parts.push(text.slice(copied));
  return { text: parts.join(''), map: offsetMap(segments) };
}

/**
 * A value's comparable form when the finder did not give one: emails and IPv6 lower-cased, cards and phone
 * numbers as digits (a leading `+` kept), ids as upper-case letters and digits, names case-folded.
 */
export function normalizePii(kind: PiiKind, value: string): string {
  switch (kind) {
    case 'email':
    case 'ip':
      return value.trim().toLowerCase();
    case 'card':
      return value.replace(/\D/g, '');
    case 'phone':
      return `${value.trim().startsWith('+') ? '+' : ''}${value.replace(/\D/g, '')}`;
    case 'id':
      return value.replace(/[^\p{L}\p{N}]/gu, '').toUpperCase();
    case 'name':
      return normalizeName(value);
  }
}

/**
 * Replaces every placeholder of `table` in `text` by the value it stands for; other text, including
 * placeholder-shaped strings the table does not know, is left as is.
 */
export function restorePlaceholders(text: string, table: Readonly<Record<string, PlaceholderEntry>>): string {
  return text.replace(PLACEHOLDER_PATTERN, (token) =>
    Object.hasOwn(table, token) ? table[token]!.value : token,
  );
}
