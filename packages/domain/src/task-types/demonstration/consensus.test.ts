import { describe, expect, it } from 'vitest';
import { assertConsensusProperties } from '../../testing/consensus-harness.ts';
import { assertWeightedConsensusProperties } from '../../testing/score-harness.ts';
import { mustParse } from '../../testing/task-type-harness.ts';
import { scenarios } from './arbitraries.ts';
import { demonstrationTaskType as type } from './index.ts';

const params = mustParse(type, { prompt: 'Say hello', require_rationale: true });

describe('demonstration consensus', () => {
  it('returns a unanimous answer with agreement 1', () => {
    const answer = { completion: 'Hello there!', rationale: 'Friendly.' };
    expect(type.consensus(params, [answer, answer])).toEqual({ response: answer, agreement: 1 });
  });

  it('takes the most central completion with its own rationale', () => {
    const result = type.consensus(params, [
      { completion: 'Good morning.', rationale: 'r1' },
      { completion: 'Hello, world!', rationale: 'r2' },
      { completion: 'Hello world, friends.', rationale: 'r3' },
    ]);
    expect(result.response).toEqual({ completion: 'Hello, world!', rationale: 'r2' });
    // Jaccard: 0, 0, and {hello, world} vs {hello, world, friends} = 2/3.
    expect(result.agreement).toBeCloseTo(2 / 9);
  });

  it('breaks ties in favour of the earliest answer', () => {
    const a = { completion: 'One.', rationale: 'a' };
    const b = { completion: 'Two.', rationale: 'b' };
    expect(type.consensus(params, [a, b]).response).toEqual(a);
    expect(type.consensus(params, [b, a]).response).toEqual(b);
  });

  it('throws on no answers', () => {
    expect(() => type.consensus(params, [])).toThrow(/at least one answer/);
  });
});

describe('demonstration consensus properties', () => {
  it('is valid, bounded, order-independent in agreement, and returns unanimous answers', () => {
    assertConsensusProperties(type, scenarios);
  });
});

describe('weighted demonstration consensus', () => {
  it('takes the weighted medoid, so one reliable writer outweighs two unreliable ones', () => {
    const answers = [
      { completion: 'Hi there', rationale: 'short' },
      { completion: 'Hi there friend', rationale: 'warm' },
      { completion: 'Good morning to you', rationale: 'formal' },
    ];
    // Unweighted: "Hi there" and "Hi there friend" share 2 of 3 words (2/3); the third shares none.
    expect(type.consensus(params, answers).response).toEqual(answers[0]);
    // Weighted, self included: 0.2 + 0.2·2/3 ≈ 0.33, 0.2 + 0.2·2/3 ≈ 0.33, 1 + 0 = 1.
    expect(type.consensus(params, answers, [0.2, 0.2, 1]).response).toEqual(answers[2]);
  });

  it('has the weighted-consensus properties', () => {
    assertWeightedConsensusProperties(type, scenarios);
  });
});
