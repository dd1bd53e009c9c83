import {
  checkResponse,
  namedentityrecognitionParamsSchema,
  namedentityrecognitionTaskType,
} from '@groundwork/domain';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addSpan,
  graphemeBoundaries,
  moveCaret,
  normalizeSelection,
  relabelSpan,
  removeSpan,
  type Span,
  segmentText,
  spanLevels,
  spansAt,
  spansOverlap,
  spanToSelect,
} from './spans.ts';

/** Texts mixing ASCII, accents (combining and precomposed), emoji (ZWJ sequences, flags), CJK and whitespace. */
const textArbitrary = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        'a',
        'Ada',
        'Ö',
        'e\u0301',
        '👩‍👩‍👧',
        '🇫🇷',
        '😀',
        '❤️',
        '中文',
        ' ',
        '  ',
        '\n',
        '\t',
        ',',
        'x',
      ),
      fc.string({ unit: 'grapheme', maxLength: 4 }),
    ),
    { minLength: 1, maxLength: 12 },
  )
  .map((pieces) => pieces.join(''))
  .filter((text) => text.length > 0);

const LABELS = ['PER', 'LOC', 'ORG'];

function paramsFor(text: string, allowOverlap: boolean) {
  return namedentityrecognitionParamsSchema.parse({
    text,
    labels: LABELS.map((name) => ({ name })),
    allow_overlap: allowOverlap,
  });
}

function hasLoneSurrogate(text: string): boolean {
  return /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text);
}

describe('normalizeSelection', () => {
  it('trims whitespace and keeps UTF-16 offsets after an emoji', () => {
    const text = '😀 met  Paris .';
    const start = text.indexOf('Paris');
    expect(normalizeSelection(text, start - 2, start + 6)).toEqual({ start, end: start + 5 });
    expect(start).toBe(8);
  });

  it('widens a selection that splits an emoji or an accent to whole graphemes', () => {
    const family = 'a👩‍👩‍👧b';
    expect(normalizeSelection(family, 2, 4)).toEqual({ start: 1, end: family.length - 1 });
    const accent = 'cafe\u0301!';
    expect(normalizeSelection(accent, 3, 4)).toEqual({ start: 3, end: 5 });
  });

  it('returns null for whitespace only, in either direction', () => {
    expect(normalizeSelection('a \n b', 1, 4)).toBeNull();
    expect(normalizeSelection('ab', 1, 1)).toBeNull();
    expect(normalizeSelection('ab cd', 5, 3)).toEqual({ start: 3, end: 5 });
  });

  it('turns any selection of random text into a span the domain accepts', () => {
    fc.assert(
      fc.property(
        textArbitrary,
        fc.integer({ min: -3, max: 80 }),
        fc.integer({ min: -3, max: 80 }),
        fc.constantFrom(...LABELS),
        (text, anchor, focus, label) => {
          const range = normalizeSelection(text, anchor, focus);
          const lo = Math.max(0, Math.min(anchor, focus, text.length));
          const hi = Math.min(text.length, Math.max(anchor, focus, 0));
          const selected = text.slice(lo, hi);
          if (range === null) {
            expect(selected.trim()).toBe(selected.length > 0 ? '' : selected);
            return;
          }
          const boundaries = graphemeBoundaries(text);
          expect(boundaries).toContain(range.start);
          expect(boundaries).toContain(range.end);
          expect(range.start).toBeLessThan(range.end);
          const covered = text.slice(range.start, range.end);
          expect(hasLoneSurrogate(covered)).toBe(false);
          expect(/^\s|\s$/u.test(covered)).toBe(false);
          // Nothing that was selected and is not whitespace is lost.
          expect(range.start <= lo || text.slice(lo, range.start).trim() === '').toBe(true);
          const response = { annotations: [{ ...range, label, text: covered }] };
          expect(checkResponse(namedentityrecognitionTaskType, paramsFor(text, false), response).ok).toBe(
            true,
          );
        },
      ),
    );
  });
});

describe('moveCaret', () => {
  it('steps over whole graphemes', () => {
    const text = 'a🇫🇷e\u0301z';
    const stops = [0];
    let offset = 0;
    for (let i = 0; i < 6; i += 1) {
      offset = moveCaret(text, offset, 1, 'character');
      stops.push(offset);
    }
    expect(stops).toEqual([0, 1, 5, 7, 8, 8, 8]);
    expect(moveCaret(text, 5, -1, 'character')).toBe(1);
  });

  it('moves by words like a text field', () => {
    const text = 'Ada Lovelace met Babbage.';
    expect(moveCaret(text, 0, 1, 'word')).toBe(3);
    expect(moveCaret(text, 3, 1, 'word')).toBe(12);
    expect(moveCaret(text, 12, -1, 'word')).toBe(4);
    expect(moveCaret(text, 4, -1, 'word')).toBe(0);
    expect(moveCaret(text, 24, 1, 'word')).toBe(text.length);
  });

  it('visits exactly the grapheme boundaries, forwards and backwards', () => {
    fc.assert(
      fc.property(textArbitrary, (text) => {
        const forward = [0];
        while ((forward.at(-1) as number) < text.length)
          forward.push(moveCaret(text, forward.at(-1) as number, 1, 'character'));
        expect(forward).toEqual(graphemeBoundaries(text));
        const backward = [text.length];
        while ((backward.at(-1) as number) > 0)
          backward.push(moveCaret(text, backward.at(-1) as number, -1, 'character'));
        expect(backward.reverse()).toEqual(graphemeBoundaries(text));
      }),
    );
  });
});

describe('addSpan and relabelSpan', () => {
  const text = 'Ada Lovelace met Charles Babbage in London.';
  const ada = { start: 0, end: 12, label: 'PER' };

  it('ignores a duplicate and keeps reading order', () => {
    const first = addSpan(text, [], { start: 36, end: 42, label: 'LOC' }, true);
    const second = first.ok ? addSpan(text, first.spans, ada, true) : first;
    expect(second).toEqual({ ok: true, spans: [ada, { start: 36, end: 42, label: 'LOC' }], index: 0 });
    const again = second.ok ? addSpan(text, second.spans, ada, true) : second;
    expect(again).toEqual(second);
  });

  it('allows nesting when overlaps are allowed, and refuses it (with the reason) otherwise', () => {
    const nested = { start: 4, end: 12, label: 'LOC' };
    expect(addSpan(text, [ada], nested, true)).toMatchObject({ ok: true, index: 1 });
    const refused = addSpan(text, [ada], nested, false);
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.problem).toBe(
      '“Lovelace” overlaps “Ada Lovelace” (PER); this task does not allow overlapping spans.',
    );
  });

  it('relabels an exact range when overlaps are not allowed', () => {
    expect(addSpan(text, [ada], { ...ada, label: 'ORG' }, false)).toEqual({
      ok: true,
      spans: [{ ...ada, label: 'ORG' }],
      index: 0,
    });
    expect(addSpan(text, [ada], { ...ada, label: 'ORG' }, true)).toMatchObject({
      ok: true,
      spans: [{ ...ada, label: 'ORG' }, ada],
      index: 0,
    });
  });

  it('merges a relabel that would duplicate another span', () => {
    const org = { ...ada, label: 'ORG' };
    expect(relabelSpan([ada, org], 1, 'PER')).toEqual({ ok: true, spans: [ada], index: 0 });
    expect(relabelSpan([ada], 3, 'PER').ok).toBe(false);
  });

  it('keeps every sequence of edits valid for the domain', () => {
    const edit = fc.oneof(
      fc.record({
        kind: fc.constant('add' as const),
        anchor: fc.nat(60),
        focus: fc.nat(60),
        label: fc.constantFrom(...LABELS),
      }),
      fc.record({
        kind: fc.constant('relabel' as const),
        index: fc.nat(8),
        label: fc.constantFrom(...LABELS),
      }),
      fc.record({ kind: fc.constant('remove' as const), index: fc.nat(8) }),
    );
    fc.assert(
      fc.property(
        textArbitrary,
        fc.boolean(),
        fc.array(edit, { maxLength: 20 }),
        (text, allowOverlap, edits) => {
          let spans: Span[] = [];
          for (const step of edits) {
            if (step.kind === 'add') {
              const range = normalizeSelection(text, step.anchor, step.focus);
              if (!range) continue;
              const result = addSpan(text, spans, { ...range, label: step.label }, allowOverlap);
              if (result.ok) {
                expect(result.spans[result.index]).toEqual({ ...range, label: step.label });
                spans = result.spans;
              }
            } else if (step.kind === 'relabel') {
              const result = relabelSpan(spans, step.index, step.label);
              if (result.ok) spans = result.spans;
            } else {
              spans = removeSpan(spans, step.index);
            }
          }
          const response = {
            annotations: spans.map((span) => ({ ...span, text: text.slice(span.start, span.end) })),
          };
          expect(
            checkResponse(namedentityrecognitionTaskType, paramsFor(text, allowOverlap), response),
          ).toMatchObject({
            ok: true,
          });
        },
      ),
    );
  });
});

describe('segments, levels and clicks', () => {
  const spanArbitrary = fc
    .record({ start: fc.nat(30), length: fc.integer({ min: 1, max: 10 }), label: fc.constantFrom(...LABELS) })
    .map(({ start, length, label }) => ({ start, end: start + length, label }));

  it('cuts the text into contiguous runs, each covered by the same spans throughout', () => {
    fc.assert(
      fc.property(fc.array(spanArbitrary, { maxLength: 6 }), fc.array(fc.nat(45)), (spans, cuts) => {
        const text = 'x'.repeat(45);
        const segments = segmentText(text, spans, cuts);
        expect(segments[0]?.start).toBe(0);
        expect(segments.at(-1)?.end).toBe(text.length);
        segments.forEach((segment, index) => {
          expect(segment.start).toBeLessThan(segment.end);
          if (index > 0) expect(segment.start).toBe(segments[index - 1]?.end);
          for (let offset = segment.start; offset < segment.end; offset += 1) {
            expect(spansAt(spans, offset)).toEqual(segment.covering);
          }
        });
        for (const cut of cuts) {
          if (cut > 0 && cut < text.length)
            expect(segments.some((segment) => segment.start === cut)).toBe(true);
        }
      }),
    );
  });

  it('gives overlapping spans different levels', () => {
    fc.assert(
      fc.property(fc.array(spanArbitrary, { maxLength: 8 }), (spans) => {
        const levels = spanLevels(spans);
        spans.forEach((a, i) => {
          spans.forEach((b, j) => {
            if (i !== j && spansOverlap(a, b)) expect(levels[i]).not.toBe(levels[j]);
          });
        });
      }),
    );
  });

  it('selects the innermost span first, then walks outwards on repeated clicks', () => {
    const spans = [
      { start: 0, end: 12, label: 'PER' },
      { start: 4, end: 12, label: 'LOC' },
    ];
    expect(spanToSelect(spans, 5, null)).toBe(1);
    expect(spanToSelect(spans, 5, 1)).toBe(0);
    expect(spanToSelect(spans, 5, 0)).toBe(1);
    expect(spanToSelect(spans, 2, null)).toBe(0);
    expect(spanToSelect(spans, 20, null)).toBeUndefined();
  });
});
