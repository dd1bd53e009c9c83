import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { choosePosition, type PairwiseDraft, ratePosition } from './draft.ts';
import { pairwisepreferenceUi as ui } from './index.tsx';

const params = ui.parseParams({
  prompt: [{ role: 'user', content: 'Explain recursion.' }],
  responses: [
    { id: 'r-first', content: 'First answer', model: 'm1' },
    { id: 'r-second', content: 'Second answer', model: 'm2' },
  ],
  criteria: [
    { key: 'helpful', title: 'Helpfulness' },
    { key: 'concise', title: 'Concision', scale: { min: 1, max: 5 }, required: false },
  ],
  likert_scale: 5,
  require_justification: true,
});

const swapped = [1, 0];

describe('pairwisepreference display order', () => {
  it('answers with the task’s own slots whatever the positions', () => {
    let draft = ui.emptyDraft(params);
    draft = choosePosition(draft, swapped, 0);
    draft = ratePosition(draft, swapped, 'helpful', 0, 6);
    draft = ratePosition(draft, swapped, 'helpful', 1, 2);
    draft = { ...draft, strength: 4, justification: 'Clearer.' };
    expect(ui.toResponse(params, draft)).toEqual({
      ok: true,
      response: {
        choice: 'B',
        strength: 4,
        selected_response_id: 'r-second',
        criteria_ratings: { helpful: { A: 2, B: 6 } },
        justification: 'Clearer.',
      },
    });
  });

  it('keeps positions and slots aligned in the task order too', () => {
    const draft = ratePosition(choosePosition(ui.emptyDraft(params), null, 0), null, 'helpful', 1, 3);
    expect(draft.choice).toBe('A');
    expect(draft.ratings).toEqual({ helpful: { B: 3 } });
  });

  it('maps every position to the slot shown there', () => {
    fc.assert(
      fc.property(fc.constantFrom([0, 1], [1, 0], null), fc.constantFrom(0, 1), (order, position) => {
        const draft = choosePosition(ui.emptyDraft(params), order, position);
        const shownItem = (order ?? [0, 1])[position];
        expect(draft.choice).toBe(shownItem === 0 ? 'A' : 'B');
      }),
    );
  });
});

describe('pairwisepreference problems', () => {
  it('lists everything left to do at once, naming responses as shown', () => {
    const result = ui.toResponse(params, ui.emptyDraft(params));
    expect(result).toEqual({
      ok: false,
      problems: [
        'Choose the better response, or call it a tie.',
        'Rate both responses on “Helpfulness” (1–7).',
        'Write a justification: this task requires one.',
      ],
    });
  });

  it('asks for the strength and the missing half of a rating by position', () => {
    let draft = choosePosition(ui.emptyDraft(params), swapped, 1);
    draft = ratePosition(draft, swapped, 'helpful', 0, 5);
    draft = ratePosition(draft, swapped, 'concise', 1, 3);
    draft = { ...draft, justification: 'x' };
    expect(ui.toResponse(params, draft)).toEqual({
      ok: false,
      problems: [
        'Rate Response B on “Helpfulness” too.',
        'Rate Response A on “Concision” too (or clear both: it is optional).',
        'Choose how much better Response B is (1–5).',
      ],
    });
  });

  it('refuses a tie when the task does not allow one', () => {
    const strict = ui.parseParams({
      ...params,
      criteria: undefined,
      allow_tie: false,
      require_justification: false,
    });
    const result = ui.toResponse(strict, { ...ui.emptyDraft(strict), choice: 'tie' });
    expect(result).toEqual({
      ok: false,
      problems: ['This task does not allow a tie: choose the better response.'],
    });
    expect(ui.toResponse(strict, ui.emptyDraft(strict))).toEqual({
      ok: false,
      problems: ['Choose the better response.'],
    });
  });

  it('drops the strength of a tie', () => {
    const plain = ui.parseParams({ ...params, criteria: undefined, require_justification: false });
    expect(ui.toResponse(plain, { ...ui.emptyDraft(plain), choice: 'tie', strength: 3 })).toEqual({
      ok: true,
      response: { choice: 'tie' },
    });
  });
});

describe('pairwisepreference drafts', () => {
  const draftArbitrary: fc.Arbitrary<PairwiseDraft> = fc
    .record({
      choice: fc.constantFrom('A' as const, 'B' as const, 'tie' as const),
      strength: fc.integer({ min: 1, max: 5 }),
      helpful: fc.record({ A: fc.integer({ min: 1, max: 7 }), B: fc.integer({ min: 1, max: 7 }) }),
      concise: fc.option(
        fc.record({ A: fc.integer({ min: 1, max: 5 }), B: fc.integer({ min: 1, max: 5 }) }),
        {
          nil: undefined,
        },
      ),
      justification: fc.string({ minLength: 1 }).filter((text) => text.trim() !== ''),
    })
    .map(({ choice, strength, helpful, concise, justification }) => ({
      choice,
      strength: choice === 'tie' ? null : strength,
      ratings: (concise ? { helpful, concise } : { helpful }) as PairwiseDraft['ratings'],
      justification,
      displayOrder: null,
    }));

  it('round-trips every complete draft through its answer', () => {
    fc.assert(
      fc.property(draftArbitrary, (draft) => {
        const checked = ui.toResponse(params, draft);
        expect(checked.ok).toBe(true);
        if (!checked.ok) return;
        expect(ui.draftFromResponse(params, checked.response)).toEqual(draft);
        expect(ui.toResponse(params, ui.draftFromResponse(params, checked.response))).toEqual(checked);
      }),
    );
  });
});
