/**
 * Span arithmetic of the named-entity editor, apart from rendering so it can be tested without a DOM.
 *
 * Offsets follow the domain's answer: UTF-16 code-unit indexes into the task's text (JavaScript string
 * indexes), end exclusive. The editor only ever places them on grapheme-cluster boundaries, so a span
 * never splits an emoji, a flag or a letter from its accent, and `text.slice(start, end)` is always
 * well-formed.
 */

/** One labeled span of the text, as the answer stores it (without the convenience `text`). */
export interface Span {
  /** Index of the first code unit. */
  start: number;
  /** Index just past the last code unit. */
  end: number;
  /** A leaf label name. */
  label: string;
}

/** A stretch of text between two offsets (a selection, before it is labeled). */
export interface Range {
  /** Index of the first code unit. */
  start: number;
  /** Index just past the last code unit. */
  end: number;
}

let cachedText: string | undefined;
let cachedBoundaries: number[] = [];

/**
 * The grapheme-cluster boundaries of `text`, ascending, from 0 to `text.length` inclusive. The editor
 * moves the caret and ends selections only on these offsets. Cached for the last text asked about, since
 * every key press asks about the same task text.
 */
export function graphemeBoundaries(text: string): number[] {
  if (text === cachedText) return cachedBoundaries;
  const boundaries: number[] = [];
  for (const { index } of new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text)) {
    boundaries.push(index);
  }
  boundaries.push(text.length);
  cachedText = text;
  cachedBoundaries = boundaries;
  return boundaries;
}

/** Index of the first boundary ≥ `offset` (binary search). */
function firstAtOrAfter(boundaries: readonly number[], offset: number): number {
  let low = 0;
  let high = boundaries.length - 1;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((boundaries[middle] as number) < offset) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** `offset` moved back to the grapheme boundary at or before it. */
export function snapBackward(text: string, offset: number): number {
  const boundaries = graphemeBoundaries(text);
  const clamped = Math.max(0, Math.min(text.length, offset));
  const index = firstAtOrAfter(boundaries, clamped);
  const at = boundaries[index] as number;
  return at === clamped ? at : (boundaries[index - 1] as number);
}

/** `offset` moved forward to the grapheme boundary at or after it. */
export function snapForward(text: string, offset: number): number {
  const boundaries = graphemeBoundaries(text);
  const clamped = Math.max(0, Math.min(text.length, offset));
  return boundaries[firstAtOrAfter(boundaries, clamped)] as number;
}

const WHITESPACE = /^\s+$/u;

/**
 * The span a selection between two offsets (in either order, possibly mid-grapheme, possibly out of range)
 * stands for: widened to whole graphemes, then stripped of leading and trailing whitespace, so dragging
 * across "␣Ada␣" labels "Ada". Null when nothing but whitespace is selected.
 */
export function normalizeSelection(text: string, anchor: number, focus: number): Range | null {
  let start = snapBackward(text, Math.min(anchor, focus));
  let end = snapForward(text, Math.max(anchor, focus));
  const boundaries = graphemeBoundaries(text);
  let index = firstAtOrAfter(boundaries, start);
  while (start < end) {
    const next = boundaries[index + 1] as number;
    if (!WHITESPACE.test(text.slice(start, next))) break;
    start = next;
    index += 1;
  }
  index = firstAtOrAfter(boundaries, end);
  while (end > start) {
    const previous = boundaries[index - 1] as number;
    if (!WHITESPACE.test(text.slice(previous, end))) break;
    end = previous;
    index -= 1;
  }
  return start < end ? { start, end } : null;
}

/** How far one arrow press moves the caret. */
export type CaretUnit = 'character' | 'word';

/**
 * The caret offset after one step left (-1) or right (+1): a whole grapheme, or to the previous word's
 * start / the next word's end, as text fields do with Ctrl (Alt on a Mac).
 */
export function moveCaret(text: string, offset: number, direction: -1 | 1, unit: CaretUnit): number {
  const from = direction < 0 ? snapBackward(text, offset) : snapForward(text, offset);
  if (unit === 'character') {
    const boundaries = graphemeBoundaries(text);
    const index = firstAtOrAfter(boundaries, from);
    const next = boundaries[index + direction];
    return next ?? from;
  }
  const words = [...new Intl.Segmenter(undefined, { granularity: 'word' }).segment(text)].filter(
    (segment) => segment.isWordLike,
  );
  if (direction > 0) {
    const word = words.find((segment) => segment.index + segment.segment.length > from);
    return word ? word.index + word.segment.length : text.length;
  }
  const word = words.findLast((segment) => segment.index < from);
  return word ? word.index : 0;
}

/** Spans in reading order: by start, the longer (outer) one first, then by label. */
export function sortSpans(spans: readonly Span[]): Span[] {
  return [...spans].sort((a, b) => a.start - b.start || b.end - a.end || a.label.localeCompare(b.label));
}

/** Whether two spans share at least one code unit. */
export function spansOverlap(a: Range, b: Range): boolean {
  return a.start < b.end && b.start < a.end;
}

/** Whether two spans cover the same text with the same label (the domain rejects such duplicates). */
export function sameSpan(a: Span, b: Span): boolean {
  return a.start === b.start && a.end === b.end && a.label === b.label;
}

/** The spans after an edit, with the index (in the returned, sorted list) of the span the edit touched. */
export type SpanEdit = { ok: true; spans: Span[]; index: number } | { ok: false; problem: string };

function quote(text: string, range: Range): string {
  const covered = text.slice(range.start, range.end);
  const chars = [...covered];
  return `“${chars.length > 40 ? `${chars.slice(0, 39).join('')}…` : covered}”`;
}

/**
 * Adds a labeled span. Marking an existing span again does nothing (the answer may not hold duplicates).
 * When the task forbids overlaps, labeling exactly an existing span's text relabels that span, and a span
 * that would overlap another is refused with the reason.
 */
export function addSpan(text: string, spans: readonly Span[], span: Span, allowOverlap: boolean): SpanEdit {
  const existing = spans.findIndex((other) => sameSpan(other, span));
  if (existing >= 0) {
    const sorted = sortSpans(spans);
    return { ok: true, spans: sorted, index: sorted.findIndex((other) => sameSpan(other, span)) };
  }
  let kept = [...spans];
  if (!allowOverlap) {
    kept = kept.filter((other) => other.start !== span.start || other.end !== span.end);
    const clash = kept.find((other) => spansOverlap(other, span));
    if (clash) {
      return {
        ok: false,
        problem: `${quote(text, span)} overlaps ${quote(text, clash)} (${clash.label}); this task does not allow overlapping spans.`,
      };
    }
  }
  const sorted = sortSpans([...kept, span]);
  return { ok: true, spans: sorted, index: sorted.findIndex((other) => sameSpan(other, span)) };
}

/**
 * Gives the span at `index` another label. If that makes it a duplicate of another span, the two merge
 * and the other one is returned as the touched span.
 */
export function relabelSpan(spans: readonly Span[], index: number, label: string): SpanEdit {
  const target = spans[index];
  if (!target) return { ok: false, problem: 'No span is selected.' };
  const relabeled = { ...target, label };
  const rest = spans.filter((_, other) => other !== index);
  const merged = rest.some((other) => sameSpan(other, relabeled)) ? rest : [...rest, relabeled];
  const sorted = sortSpans(merged);
  return { ok: true, spans: sorted, index: sorted.findIndex((other) => sameSpan(other, relabeled)) };
}

/** The spans without the one at `index`. */
export function removeSpan(spans: readonly Span[], index: number): Span[] {
  return spans.filter((_, other) => other !== index);
}

/** Indexes of the spans covering the code unit at `offset`, innermost (shortest) first. */
export function spansAt(spans: readonly Span[], offset: number): number[] {
  return spans
    .map((span, index) => ({ span, index }))
    .filter(({ span }) => span.start <= offset && offset < span.end)
    .sort((a, b) => a.span.end - a.span.start - (b.span.end - b.span.start) || a.index - b.index)
    .map(({ index }) => index);
}

/**
 * Which span a click on the code unit at `offset` selects: the innermost span there, or, when the
 * selected span is already one of them, the next one outwards (so repeated clicks walk through nested
 * spans). Undefined when no span covers the offset.
 */
export function spanToSelect(
  spans: readonly Span[],
  offset: number,
  selected: number | null,
): number | undefined {
  const covering = spansAt(spans, offset);
  if (covering.length === 0) return undefined;
  const current = selected === null ? -1 : covering.indexOf(selected);
  return covering[(current + 1) % covering.length];
}

/**
 * A level per span such that overlapping spans get different levels (greedy interval colouring in reading
 * order, so an outer span sits on level 0 and what nests in it above). The view draws one underline per
 * level.
 */
export function spanLevels(spans: readonly Span[]): number[] {
  const order = spans
    .map((span, index) => ({ span, index }))
    .sort((a, b) => a.span.start - b.span.start || b.span.end - a.span.end || a.index - b.index);
  const levels = new Array<number>(spans.length).fill(0);
  const placed: { span: Span; level: number }[] = [];
  for (const { span, index } of order) {
    const taken = new Set(
      placed.filter((other) => spansOverlap(other.span, span)).map((other) => other.level),
    );
    let level = 0;
    while (taken.has(level)) level += 1;
    levels[index] = level;
    placed.push({ span, level });
  }
  return levels;
}

/** A run of text with the same covering spans and the same selection state. */
export interface Segment {
  /** Index of the first code unit. */
  start: number;
  /** Index just past the last code unit. */
  end: number;
  /** Indexes of the spans covering the run, innermost first. */
  covering: number[];
}

/**
 * Cuts the text at every span boundary and at the extra `cuts` (selection ends, the caret), so each run
 * is drawn uniformly. Runs are non-empty, in order, and together cover the whole text.
 */
export function segmentText(text: string, spans: readonly Span[], cuts: readonly number[] = []): Segment[] {
  const offsets = new Set<number>([0, text.length]);
  for (const span of spans) {
    offsets.add(Math.min(span.start, text.length));
    offsets.add(Math.min(span.end, text.length));
  }
  for (const cut of cuts) if (cut > 0 && cut < text.length) offsets.add(cut);
  const sorted = [...offsets].sort((a, b) => a - b);
  const segments: Segment[] = [];
  for (let i = 0; i + 1 < sorted.length; i += 1) {
    const start = sorted[i] as number;
    const end = sorted[i + 1] as number;
    segments.push({ start, end, covering: spansAt(spans, start) });
  }
  return segments;
}
