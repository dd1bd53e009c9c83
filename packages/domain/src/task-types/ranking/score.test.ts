import { describe, expect, it } from 'vitest';
import { assertScoreProperties } from '../../testing/score-harness.ts';
import { mustParse } from '../../testing/task-type-harness.ts';
import { scenarios } from './arbitraries.ts';
import { rankingTaskType as type } from './index.ts';

const responses = ['a', 'b', 'c'].map((id) => ({ id, content: id }));
const params = mustParse(type, { prompt: 'p', responses });
const withTies = mustParse(type, { prompt: 'p', responses, allow_ties: true });

describe('ranking score', () => {
  it('is 1 for the same order and 0 for the reversed one', () => {
    expect(type.score(params, { ranking: ['c', 'a', 'b'] }, { ranking: ['c', 'a', 'b'] })).toBe(1);
    expect(type.score(params, { ranking: ['a', 'b', 'c'] }, { ranking: ['c', 'b', 'a'] })).toBe(0);
  });

  it('is one minus the normalised Kendall tau distance', () => {
    // Pairs (a,b) and (a,c) ordered alike, (b,c) not → 2/3.
    expect(type.score(params, { ranking: ['a', 'b', 'c'] }, { ranking: ['a', 'c', 'b'] })).toBeCloseTo(
      2 / 3,
      12,
    );
    // A tie against an order disagrees on that pair: (a,b) tied vs ordered → 2/3.
    expect(type.score(withTies, { ranking: [['a', 'b'], 'c'] }, { ranking: ['a', 'b', 'c'] })).toBeCloseTo(
      2 / 3,
      12,
    );
  });

  it('blends in the criterion ratings a third', () => {
    const rated = mustParse(type, { prompt: 'p', responses, criteria: [{ key: 'q', title: 'Q' }] });
    const ratings = (a: number, b: number, c: number) => ({ q: { a, b, c } });
    // Order 1; ratings on 1–7 off by 0, 3, 6 → (1 + 1/2 + 0) / 3 = 1/2; (2 · 1 + 1/2) / 3 = 5/6.
    const score = type.score(
      rated,
      { ranking: ['a', 'b', 'c'], criteria_ratings: ratings(7, 4, 1) },
      { ranking: ['a', 'b', 'c'], criteria_ratings: ratings(7, 7, 7) },
    );
    expect(score).toBeCloseTo(5 / 6, 12);
  });

  it('scores an answer 1 against itself, in [0, 1], symmetrically', () => {
    assertScoreProperties(type, scenarios, { numRuns: 300 });
  });
});
