import { describe, expect, it } from 'vitest';
import { assertScoreProperties } from '../../testing/score-harness.ts';
import { mustParse } from '../../testing/task-type-harness.ts';
import { scenarios } from './arbitraries.ts';
import { datacollectionTaskType as type } from './index.ts';

const params = mustParse(type, { attachment: 'https://example.com', fields: { ceo: 'CEO', city: 'City' } });

describe('datacollection score', () => {
  it('is 1 for the same texts up to case and punctuation, 0 for different ones', () => {
    expect(
      type.score(
        params,
        { fields: { ceo: 'ada lovelace!', city: 'LONDON' } },
        { fields: { ceo: 'Ada Lovelace', city: 'London' } },
      ),
    ).toBe(1);
    expect(
      type.score(
        params,
        { fields: { ceo: 'Grace Hopper', city: 'Paris' } },
        { fields: { ceo: 'Ada Lovelace', city: 'London' } },
      ),
    ).toBe(0);
  });

  it('averages the word-token Jaccard index over the fields', () => {
    // ceo: {ada, king} vs {ada, lovelace} → 1/3; city 1 → (1/3 + 1) / 2 = 2/3.
    const score = type.score(
      params,
      { fields: { ceo: 'Ada King', city: 'London' } },
      { fields: { ceo: 'Ada Lovelace', city: 'London' } },
    );
    expect(score).toBeCloseTo(2 / 3, 12);
  });

  it('scores an answer 1 against itself, in [0, 1], symmetrically', () => {
    assertScoreProperties(type, scenarios);
  });
});
