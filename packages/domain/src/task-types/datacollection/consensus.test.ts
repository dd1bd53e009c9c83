import { describe, expect, it } from 'vitest';
import { assertConsensusProperties } from '../../testing/consensus-harness.ts';
import { assertWeightedConsensusProperties } from '../../testing/score-harness.ts';
import { mustParse } from '../../testing/task-type-harness.ts';
import { scenarios } from './arbitraries.ts';
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
    assertConsensusProperties(type, scenarios);
  });
});

describe('weighted datacollection consensus', () => {
  it('takes the weighted medoid per field, so one reliable annotator outweighs two unreliable ones', () => {
    const answers = [
      { fields: { ceo: 'Grace Hopper', city: 'Paris' } },
      { fields: { ceo: 'Grace Hopper', city: 'Paris' } },
      { fields: { ceo: 'Ada Lovelace', city: 'London' } },
    ];
    expect(type.consensus(params, answers).response).toEqual(answers[0]);
    // Per field, self included: the shared value 0.3 + 0.3 = 0.6, the lone one 1.
    expect(type.consensus(params, answers, [0.3, 0.3, 1]).response).toEqual(answers[2]);
    // At 0.6 each the pair wins again: 0.6 + 0.6 = 1.2 > 1.
    expect(type.consensus(params, answers, [0.6, 0.6, 1]).response).toEqual(answers[0]);
  });

  it('has the weighted-consensus properties', () => {
    assertWeightedConsensusProperties(type, scenarios);
  });
});
