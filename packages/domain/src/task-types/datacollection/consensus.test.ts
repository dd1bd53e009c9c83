import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assertConsensusProperties } from '../../testing/consensus-harness.ts';
import { mustParse } from '../../testing/task-type-harness.ts';
import { datacollectionTaskType as type } from './index.ts';

const params = mustParse(type, { attachment: 'https://example.com', fields: { ceo: 'CEO', city: 'City' } });

describe('datacollection consensus', () => {
  it('returns a unanimous answer with agreement 1', () => {
    const answer = { fields: { ceo: 'Ada Lovelace', city: 'London' } };
    expect(type.consensus(params, [answer, answer])).toEqual({ response: answer, agreement: 1 });
  });

  it('takes, per field, the value most answers agree with', () => {
    const result = type.consensus(params, [
      { fields: { ceo: 'Ada Lovelace', city: 'Paris' } },
      { fields: { ceo: 'Grace Hopper', city: 'London' } },
      { fields: { ceo: 'ada lovelace', city: 'London' } },
    ]);
    expect(result.response).toEqual({ fields: { ceo: 'Ada Lovelace', city: 'London' } });
    // Pairs (ceo, city): (0, 0), (1, 0), (0, 1) → mean of 0, 1/2, 1/2.
    expect(result.agreement).toBeCloseTo(1 / 3);
  });

  it('breaks ties in favour of the earliest answer', () => {
    const a = { fields: { ceo: 'A', city: 'X' } };
    const b = { fields: { ceo: 'B', city: 'Y' } };
    expect(type.consensus(params, [a, b]).response).toEqual(a);
    expect(type.consensus(params, [b, a]).response).toEqual(b);
  });

  it('throws on no answers', () => {
    expect(() => type.consensus(params, [])).toThrow(/at least one answer/);
  });
});

describe('datacollection consensus properties', () => {
  it('is valid, bounded, order-independent in agreement, and returns unanimous answers', () => {
    const scenarios = fc.uniqueArray(fc.constantFrom('a', 'b', 'c'), { minLength: 1 }).chain((keys) => {
      const p = mustParse(type, { attachment: 'x', fields: Object.fromEntries(keys.map((k) => [k, k])) });
      const text = fc.constantFrom('one', 'two', 'one two', '', ' ');
      const answer = fc
        .tuple(...keys.map(() => text))
        .map((texts) => ({ fields: Object.fromEntries(keys.map((k, i) => [k, texts[i]])) }));
      return fc.array(answer, { minLength: 1, maxLength: 6 }).map((answers) => ({ params: p, answers }));
    });
    assertConsensusProperties(type, scenarios);
  });
});
