import { describe, expect, it } from 'vitest';
import { assertScoreProperties } from '../../testing/score-harness.ts';
import { mustParse } from '../../testing/task-type-harness.ts';
import { scenarios } from './arbitraries.ts';
import { demonstrationTaskType as type } from './index.ts';

const params = mustParse(type, { prompt: 'Say hello' });
const withRationale = mustParse(type, { prompt: 'Say hello', require_rationale: true });

describe('demonstration score', () => {
  it('compares the completions by word-token Jaccard index', () => {
    expect(type.score(params, { completion: 'Hello, there!' }, { completion: 'hello there' })).toBe(1);
    expect(type.score(params, { completion: 'Good morning' }, { completion: 'Hello there' })).toBe(0);
    // {hello, there} vs {hello, world}: 1 shared of 3.
    expect(type.score(params, { completion: 'Hello there' }, { completion: 'Hello world' })).toBeCloseTo(
      1 / 3,
      12,
    );
  });

  it('ignores an optional rationale but grades a required one half', () => {
    const answer = { completion: 'Hello there', rationale: 'friendly' };
    const reference = { completion: 'Hello there', rationale: 'short and warm' };
    expect(type.score(params, answer, reference)).toBe(1);
    // (completion 1 + rationale 0) / 2.
    expect(type.score(withRationale, answer, reference)).toBe(1 / 2);
  });

  it('scores an answer 1 against itself, in [0, 1], symmetrically', () => {
    assertScoreProperties(type, scenarios);
  });
});
