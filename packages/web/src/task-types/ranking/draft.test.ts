import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { currentRanking, type RankingDraft } from './draft.ts';
import { rankingUi as ui } from './index.tsx';
import { moveStep, toggleTie } from './ranks.ts';

const params = ui.parseParams({
  prompt: 'Write a haiku about autumn.',
  responses: [
    { id: 'r0', content: 'Leaves fall' },
    { id: 'r1', content: 'Red maple' },
    { id: 'r2', content: 'Cold wind' },
  ],
  criteria: [{ key: 'fluency', title: 'Fluency', scale: { min: 1, max: 5 } }],
  allow_ties: true,
});
const order = [2, 0, 1];

describe('ranking display order', () => {
  it('shows the server’s order until the annotator ranks, and answers with the task’s ids', () => {
    const draft = ui.emptyDraft(params);
    expect(currentRanking(params, draft, order)).toEqual([['r2'], ['r0'], ['r1']]);
    const confirmed: RankingDraft = {
      ...draft,
      ranking: currentRanking(params, draft, order),
      ratings: { fluency: { r0: 4, r1: 2, r2: 5 } },
    };
    expect(ui.toResponse(params, confirmed)).toEqual({
      ok: true,
      response: { ranking: ['r2', 'r0', 'r1'], criteria_ratings: { fluency: { r0: 4, r1: 2, r2: 5 } } },
    });
  });

  it('answers ties as groups', () => {
    const ranking = toggleTie(moveStep(currentRanking(params, ui.emptyDraft(params), order), 'r1', -1), 'r0');
    const draft: RankingDraft = {
      ...ui.emptyDraft(params),
      ranking,
      ratings: { fluency: { r0: 1, r1: 1, r2: 1 } },
    };
    expect(ui.toResponse(params, draft)).toMatchObject({
      ok: true,
      response: { ranking: ['r2', ['r1', 'r0']] },
    });
  });
});

describe('ranking problems', () => {
  it('asks for a ranking and names unrated responses as shown', () => {
    const draft: RankingDraft = {
      ...ui.emptyDraft(params),
      ratings: { fluency: { r1: 3 } },
      displayOrder: order,
    };
    expect(ui.toResponse(params, draft)).toEqual({
      ok: false,
      problems: [
        'Rank the responses, best first: drag them, or focus one and press Alt+↑/↓ (or confirm the order shown).',
        'Rate Response A and Response B on “Fluency” (1–5).',
      ],
    });
  });

  it('explains ties on a task that forbids them, and missing justifications', () => {
    const strict = ui.parseParams({
      ...params,
      criteria: undefined,
      allow_ties: false,
      require_justification: true,
    });
    const draft: RankingDraft = {
      ...ui.emptyDraft(strict),
      ranking: [['r0', 'r2'], ['r1']],
      displayOrder: order,
    };
    expect(ui.toResponse(strict, draft)).toEqual({
      ok: false,
      problems: [
        'Response A and Response B share rank 1, but this task does not allow ties.',
        'Write a justification: this task requires one.',
      ],
    });
  });

  it('names responses a stale ranking misses', () => {
    const plain = ui.parseParams({ ...params, criteria: undefined });
    const draft: RankingDraft = { ...ui.emptyDraft(plain), ranking: [['r0']], displayOrder: order };
    expect(ui.toResponse(plain, draft)).toEqual({
      ok: false,
      problems: ['Rank every response; Response A and Response C are missing.'],
    });
  });
});

describe('ranking drafts', () => {
  const draftArbitrary: fc.Arbitrary<RankingDraft> = fc
    .record({
      order: fc.shuffledSubarray(['r0', 'r1', 'r2'], { minLength: 3, maxLength: 3 }),
      ties: fc.array(fc.boolean(), { minLength: 3, maxLength: 3 }),
      ratings: fc.tuple(
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 5 }),
      ),
      justification: fc.string(),
    })
    .map(({ order: ids, ties, ratings, justification }) => {
      const ranking: string[][] = [];
      ids.forEach((id, index) => {
        const last = ranking.at(-1);
        if (last && ties[index]) last.push(id);
        else ranking.push([id]);
      });
      return {
        ranking,
        ratings: { fluency: { r0: ratings[0], r1: ratings[1], r2: ratings[2] } },
        justification: justification.trim() === '' ? '' : justification,
        displayOrder: null,
      };
    });

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
