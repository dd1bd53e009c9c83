import {
  type CategorizationParams,
  type CategorizationResponse,
  categorizationParamsSchema,
  categorizationTaskType,
  checkResponse,
} from '@groundwork/domain';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  categorizationDraftFromResponse,
  categorizationResponseFromDraft,
  emptyCategorizationDraft,
} from './draft.ts';

function params(overrides: Record<string, unknown> = {}): CategorizationParams {
  return categorizationParamsSchema.parse({
    attachment_type: 'text',
    attachment: 'The parcel arrived crushed.',
    categories: ['positive', 'neutral', 'negative'],
    ...overrides,
  });
}

describe('categorizationResponseFromDraft', () => {
  it('asks for a choice when nothing is chosen', () => {
    expect(categorizationResponseFromDraft(params(), emptyCategorizationDraft())).toEqual({
      ok: false,
      problems: ['Choose a category.'],
    });
    expect(
      categorizationResponseFromDraft(params({ allow_multiple: true }), emptyCategorizationDraft()),
    ).toEqual({ ok: false, problems: ['Choose at least one category.'] });
  });

  it('answers one category as a string and several as an array in the task order', () => {
    expect(categorizationResponseFromDraft(params(), { categories: ['negative'] })).toEqual({
      ok: true,
      response: { category: 'negative' },
    });
    expect(
      categorizationResponseFromDraft(params({ allow_multiple: true }), {
        categories: ['negative', 'positive'],
      }),
    ).toEqual({ ok: true, response: { category: ['positive', 'negative'] } });
  });

  it('adds the category ids when the task maps them', () => {
    const withIds = { category_ids: { p: 'positive', n: 'neutral', x: 'negative' } };
    expect(categorizationResponseFromDraft(params(withIds), { categories: ['neutral'] })).toEqual({
      ok: true,
      response: { category: 'neutral', category_id: 'n' },
    });
    expect(
      categorizationResponseFromDraft(params({ ...withIds, allow_multiple: true }), {
        categories: ['negative', 'positive'],
      }),
    ).toEqual({ ok: true, response: { category: ['positive', 'negative'], category_id: ['p', 'x'] } });
  });

  it('names a category the task does not have', () => {
    const check = categorizationResponseFromDraft(params({ allow_multiple: true }), {
      categories: ['positive', 'angry'],
    });
    expect(check).toEqual({
      ok: false,
      problems: ["“angry” is not one of this task's categories; remove it."],
    });
  });

  it('refuses several categories when the task takes one', () => {
    const check = categorizationResponseFromDraft(params(), { categories: ['positive', 'neutral'] });
    expect(check).toEqual({ ok: false, problems: ['Choose only one category; 2 are chosen.'] });
  });

  it('explains a chosen category that has no id in a task that maps ids', () => {
    const check = categorizationResponseFromDraft(params({ category_ids: { p: 'positive' } }), {
      categories: ['neutral'],
    });
    expect(check.ok).toBe(false);
    expect(!check.ok && check.problems[0]).toMatch(/“neutral” has no id/);
  });
});

/** Params with unique categories, single or multiple choice, with or without a full id map. */
const paramsArbitrary = fc
  .record({
    categories: fc.uniqueArray(fc.string({ minLength: 1, maxLength: 8 }), { minLength: 1, maxLength: 10 }),
    allow_multiple: fc.boolean(),
    withIds: fc.boolean(),
  })
  .map(({ categories, allow_multiple, withIds }) =>
    params({
      categories,
      allow_multiple,
      ...(withIds && {
        category_ids: Object.fromEntries(categories.map((category, index) => [`id-${index}`, category])),
      }),
    }),
  );

/** Params with a submittable draft: one category, or (when several may be chosen) a non-empty set in any order. */
const paramsWithDraft = paramsArbitrary.chain((p) =>
  (p.allow_multiple
    ? fc.shuffledSubarray(p.categories, { minLength: 1 })
    : fc.constantFrom(...p.categories).map((category) => [category])
  ).map((categories) => ({ params: p, draft: { categories } })),
);

describe('categorization draft ⇄ answer', () => {
  it('makes an answer the domain accepts from any complete draft, and gets the same choice back from it', () => {
    fc.assert(
      fc.property(paramsWithDraft, ({ params: p, draft }) => {
        const check = categorizationResponseFromDraft(p, draft);
        if (!check.ok) throw new Error(check.problems.join(' '));
        expect(checkResponse(categorizationTaskType, p, check.response).ok).toBe(true);
        const back = categorizationDraftFromResponse(p, check.response);
        expect(back.categories).toEqual(
          p.categories.filter((category) => draft.categories.includes(category)),
        );
      }),
    );
  });

  it('gives back exactly the answer a reviewer starts from', () => {
    const validAnswers = paramsWithDraft.map(({ params: p, draft }) => {
      const ids = new Map(Object.entries(p.category_ids ?? {}).map(([id, category]) => [category, id]));
      const chosen = p.categories.filter((category) => draft.categories.includes(category));
      const response: CategorizationResponse = p.allow_multiple
        ? {
            category: chosen,
            ...(p.category_ids && { category_id: chosen.map((c) => ids.get(c) as string) }),
          }
        : {
            category: chosen[0] as string,
            ...(p.category_ids && { category_id: ids.get(chosen[0] as string) }),
          };
      return { params: p, response };
    });
    fc.assert(
      fc.property(validAnswers, ({ params: p, response }) => {
        expect(checkResponse(categorizationTaskType, p, response).ok).toBe(true);
        const draft = categorizationDraftFromResponse(p, response);
        expect(categorizationResponseFromDraft(p, draft)).toEqual({ ok: true, response });
      }),
    );
  });
});
