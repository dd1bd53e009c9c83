import { describe, expect, it } from 'vitest';
import { assertScoreProperties } from '../../testing/score-harness.ts';
import { mustParse } from '../../testing/task-type-harness.ts';
import { scenarios } from './arbitraries.ts';
import { categorizationTaskType as type } from './index.ts';

const single = mustParse(type, { attachment: 'a', categories: ['red', 'green', 'blue'] });
const multiple = mustParse(type, {
  attachment: 'a',
  categories: ['red', 'green', 'blue'],
  allow_multiple: true,
});

describe('categorization score', () => {
  it('is exact match for a single choice', () => {
    expect(type.score(single, { category: 'red' }, { category: 'red' })).toBe(1);
    expect(type.score(single, { category: 'red' }, { category: 'blue' })).toBe(0);
  });

  it('is the Jaccard index of the chosen sets for several categories', () => {
    expect(type.score(multiple, { category: ['red', 'green'] }, { category: ['green', 'red'] })).toBe(1);
    expect(type.score(multiple, { category: ['red'] }, { category: ['green', 'blue'] })).toBe(0);
    // {red, green} vs {red, blue}: 1 shared of 3 → 1/3.
    expect(type.score(multiple, { category: ['red', 'green'] }, { category: ['red', 'blue'] })).toBeCloseTo(
      1 / 3,
      12,
    );
    // A missed category and an extra one cost alike: {red} vs {red, green} → 1/2 both ways.
    expect(type.score(multiple, { category: ['red'] }, { category: ['red', 'green'] })).toBe(1 / 2);
    expect(type.score(multiple, { category: ['red', 'green'] }, { category: ['red'] })).toBe(1 / 2);
  });

  it('does not compare the ids, which follow from the categories', () => {
    const withIds = mustParse(type, {
      attachment: 'a',
      categories: ['red', 'blue'],
      category_ids: { r: 'red', b: 'blue' },
    });
    expect(type.score(withIds, { category: 'red', category_id: 'r' }, { category: 'red' })).toBe(1);
  });

  it('scores an answer 1 against itself, in [0, 1], symmetrically', () => {
    assertScoreProperties(type, scenarios);
  });
});
