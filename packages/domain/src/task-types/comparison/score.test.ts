import { describe, expect, it } from 'vitest';
import { assertScoreProperties } from '../../testing/score-harness.ts';
import { mustParse } from '../../testing/task-type-harness.ts';
import { scenarios } from './arbitraries.ts';
import { comparisonTaskType as type } from './index.ts';

const params = mustParse(type, {
  attachments: ['a', 'b'],
  choices: ['left', 'right'],
  fields: { why: 'Why?', what: 'What?' },
});

describe('comparison score', () => {
  it('is 1 for the same answer and 0 when nothing agrees', () => {
    const answer = { choice: 'left', fields: { why: 'sharper', what: 'the cat' } };
    expect(type.score(params, answer, answer)).toBe(1);
    expect(type.score(params, answer, { choice: 'right', fields: { why: 'blurry', what: 'a dog' } })).toBe(0);
  });

  it('averages the choice and each field with equal weight', () => {
    // choice 1; why: "Sharp image!" vs "sharp" → {sharp, image} vs {sharp} = 1/2; what: 0 → (1 + 1/2 + 0) / 3.
    const score = type.score(
      params,
      { choice: 'left', fields: { why: 'Sharp image!', what: 'a cat' } },
      { choice: 'left', fields: { why: 'sharp', what: 'dog' } },
    );
    expect(score).toBeCloseTo(1 / 2, 12);
  });

  it('scores an answer 1 against itself, in [0, 1], symmetrically', () => {
    assertScoreProperties(type, scenarios);
  });
});
