import { describe, expect, it } from 'vitest';
import { assertScoreProperties } from '../../testing/score-harness.ts';
import { mustParse } from '../../testing/task-type-harness.ts';
import { scenarios } from './arbitraries.ts';
import { pairwisepreferenceTaskType as type } from './index.ts';

const responses = [{ content: 'Water falls.' }, { content: 'Clouds condense.' }];
const params = mustParse(type, { prompt: 'Explain rain', responses });
const rated = mustParse(type, {
  prompt: 'Explain rain',
  responses,
  criteria: [{ key: 'helpful', title: 'Helpful' }],
});

describe('pairwisepreference score', () => {
  it('grades the choice: same 1, tie against a side 1/2, opposite 0', () => {
    expect(type.score(params, { choice: 'A', strength: 3 }, { choice: 'A', strength: 3 })).toBe(1);
    expect(type.score(params, { choice: 'tie' }, { choice: 'tie' })).toBe(1);
    expect(type.score(params, { choice: 'tie' }, { choice: 'B', strength: 7 })).toBe(1 / 2);
    expect(type.score(params, { choice: 'A', strength: 1 }, { choice: 'tie' })).toBe(1 / 2);
    expect(type.score(params, { choice: 'A', strength: 7 }, { choice: 'B', strength: 7 })).toBe(0);
  });

  it('refines the same side by the strengths, never below a tie', () => {
    // Likert 7: 1 − |6 − 3| / (2 · 6) = 3/4.
    expect(type.score(params, { choice: 'B', strength: 3 }, { choice: 'B', strength: 6 })).toBe(3 / 4);
    // The two ends of the scale: 1 − 6/12 = 1/2.
    expect(type.score(params, { choice: 'B', strength: 1 }, { choice: 'B', strength: 7 })).toBe(1 / 2);
  });

  it('blends in the criterion ratings a third', () => {
    const answer = { choice: 'B' as const, strength: 6, criteria_ratings: { helpful: { A: 2, B: 6 } } };
    const reference = { choice: 'B' as const, strength: 6, criteria_ratings: { helpful: { A: 3, B: 7 } } };
    // Ratings on 1–7: each off by one → 1 − 1/6 = 5/6; (2 · 1 + 5/6) / 3 = 17/18.
    expect(type.score(rated, answer, reference)).toBeCloseTo(17 / 18, 12);
    // Opposite choice, same ratings: (2 · 0 + 1) / 3.
    expect(
      type.score(rated, { ...answer, choice: 'A', criteria_ratings: reference.criteria_ratings }, reference),
    ).toBeCloseTo(1 / 3, 12);
  });

  it('scores an answer 1 against itself, in [0, 1], symmetrically', () => {
    assertScoreProperties(type, scenarios, { numRuns: 300 });
  });
});
