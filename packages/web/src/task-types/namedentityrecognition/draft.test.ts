import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptyNerDraft, nerDraftFromResponse, nerToResponse } from './draft.ts';
import { namedentityrecognitionUi as ui } from './index.tsx';
import { addSpan, normalizeSelection, type Span } from './spans.ts';

const text = 'Ada Lovelace met Charles Babbage in 😀 London.';
const params = ui.parseParams({
  text,
  labels: [{ name: 'PER' }, { name: 'PLACE', children: [{ name: 'CITY' }, { name: 'COUNTRY' }] }],
  allow_overlap: false,
});
const london = text.indexOf('London');

describe('namedentityrecognition draft', () => {
  it('starts empty, and an empty answer is acceptable', () => {
    expect(ui.emptyDraft(params)).toEqual(emptyNerDraft());
    expect(ui.toResponse(params, ui.emptyDraft(params))).toEqual({ ok: true, response: { annotations: [] } });
  });

  it('answers with UTF-16 offsets and the covered text', () => {
    const draft = { spans: [{ start: london, end: london + 6, label: 'CITY' }] };
    expect(london).toBe(39);
    expect(ui.toResponse(params, draft)).toEqual({
      ok: true,
      response: { annotations: [{ start: 39, end: 45, label: 'CITY', text: 'London' }] },
    });
  });

  it('explains problems in the annotator’s words', () => {
    const draft = {
      spans: [
        { start: 0, end: 12, label: 'PER' },
        { start: 4, end: 12, label: 'PER' },
        { start: 17, end: 24, label: 'PLACE' },
        { start: 40, end: 90, label: 'CITY' },
      ],
    };
    const result = nerToResponse(params, draft);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems).toEqual([
      '“Charles” (PLACE) uses the label “PLACE”, which this task does not offer; give it another label.',
      '“ondon.” (CITY) runs past the end of the text.',
      '“Lovelace” (PER) overlaps “Ada Lovelace” (PER); this task does not allow overlapping spans.',
    ]);
  });

  it('round-trips drafts through answers', () => {
    const edits = fc.array(
      fc.record({
        anchor: fc.nat(text.length),
        focus: fc.nat(text.length),
        label: fc.constantFrom('PER', 'CITY', 'COUNTRY'),
      }),
      { maxLength: 10 },
    );
    fc.assert(
      fc.property(edits, (steps) => {
        let spans: Span[] = [];
        for (const step of steps) {
          const range = normalizeSelection(text, step.anchor, step.focus);
          if (!range) continue;
          const result = addSpan(text, spans, { ...range, label: step.label }, params.allow_overlap);
          if (result.ok) spans = result.spans;
        }
        const draft = { spans };
        const checked = ui.toResponse(params, draft);
        expect(checked.ok).toBe(true);
        if (!checked.ok) return;
        expect(ui.draftFromResponse(params, checked.response)).toEqual(draft);
        expect(ui.toResponse(params, ui.draftFromResponse(params, checked.response))).toEqual(checked);
      }),
    );
  });

  it('reads answers without text and in any order', () => {
    const draft = nerDraftFromResponse({
      annotations: [
        { start: london, end: london + 6, label: 'CITY' },
        { start: 0, end: 3, label: 'PER', text: 'Ada' },
      ],
    });
    expect(draft.spans.map((span) => span.label)).toEqual(['PER', 'CITY']);
  });
});
