import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assertConsensusProperties } from '../../testing/consensus-harness.ts';
import { mustParse } from '../../testing/task-type-harness.ts';
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
    const word = fc.constantFrom('hello', 'world', 'hi', 'there', '!');
    const scenarios = fc
      .record({
        min_length: fc.option(fc.integer({ min: 1, max: 12 }), { nil: undefined }),
        max_length: fc.option(fc.integer({ min: 12, max: 40 }), { nil: undefined }),
        require_rationale: fc.boolean(),
      })
      .chain((options) => {
        const p = mustParse(type, { prompt: 'p', ...JSON.parse(JSON.stringify(options)) });
        const answer = fc.record(
          {
            completion: fc.array(word, { minLength: 1, maxLength: 6 }).map((w) => w.join(' ')),
            rationale: fc.constantFrom('because', 'why not'),
          },
          { requiredKeys: ['completion'] },
        );
        return fc.array(answer, { minLength: 1, maxLength: 6 }).map((answers) => ({ params: p, answers }));
      });
    assertConsensusProperties(type, scenarios);
  });
});
