import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { categoryRows, suggestId, withCategoryRows } from './category-rows.ts';

describe('category rows', () => {
  const demo = {
    attachment_type: 'text',
    categories: ['positive', 'mixed', 'neutral', 'negative'],
    category_ids: { pos: 'positive', mix: 'mixed', neu: 'neutral', neg: 'negative' },
  };

  it('gives back the demo review params exactly', () => {
    const { rows, withIds } = categoryRows(demo);
    expect(rows[1]).toEqual({ name: 'mixed', id: 'mix' });
    expect(withCategoryRows(demo, rows, withIds)).toEqual(demo);
  });

  it('round-trips categories with ids for some of them', () => {
    const params = fc
      .uniqueArray(fc.string({ minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 6 })
      .chain((categories) =>
        fc.record({
          categories: fc.constant(categories),
          category_ids: fc.option(
            fc
              .subarray(categories)
              .map((some) => Object.fromEntries(some.map((name, i) => [`id${i}`, name]))),
            { nil: undefined },
          ),
        }),
      )
      .map((p) => (p.category_ids === undefined ? { categories: p.categories } : p));
    fc.assert(
      fc.property(params, (value) => {
        const { rows, withIds } = categoryRows(value);
        expect(withCategoryRows(value, rows, withIds)).toEqual(value);
      }),
    );
  });

  it('drops ids when they are turned off and reads junk as no categories', () => {
    const { rows } = categoryRows(demo);
    expect(withCategoryRows(demo, rows, false)).toEqual({
      attachment_type: 'text',
      categories: demo.categories,
    });
    expect(categoryRows({ categories: 'x', category_ids: [1] })).toEqual({ rows: [], withIds: false });
  });

  it('suggests ids as slugs', () => {
    expect(suggestId('Very positive!')).toBe('very_positive');
    expect(suggestId('Café crème')).toBe('cafe_creme');
    expect(suggestId('!!!')).toBe('');
  });
});
