import { describe, expect, it } from 'vitest';
import { assertConsensusProperties } from '../../testing/consensus-harness.ts';
import { assertWeightedConsensusProperties } from '../../testing/score-harness.ts';
import { mustParse } from '../../testing/task-type-harness.ts';
import { scenarios } from './arbitraries.ts';
import { transcriptionTaskType as type } from './index.ts';

const params = mustParse(type, {
  attachment: 'https://example.com/invoice.png',
  fields: { total: 'Total' },
  repeatable_fields: { item: 'Item', price: 'Price' },
});
const line = (item: string, price: string) => ({ item, price });

describe('transcription consensus', () => {
  it('returns a unanimous answer with agreement 1', () => {
    const answer = { fields: { total: '12' }, repeatable_fields: [line('tea', '2'), line('cake', '10')] };
    expect(type.consensus(params, [answer, answer, answer])).toEqual({ response: answer, agreement: 1 });
  });

  it('takes the majority field value and the rows of the most central answer', () => {
    const result = type.consensus(params, [
      { fields: { total: '13' }, repeatable_fields: [line('tea', '3')] },
      { fields: { total: '12' }, repeatable_fields: [line('tea', '2'), line('cake', '10')] },
      { fields: { total: '12' }, repeatable_fields: [line('tea', '2'), line('cake', '10')] },
    ]);
    expect(result.response).toEqual({
      fields: { total: '12' },
      repeatable_fields: [line('tea', '2'), line('cake', '10')],
    });
    expect(result.agreement).toBeGreaterThan(0);
    expect(result.agreement).toBeLessThan(1);
  });

  it('breaks ties in favour of the earliest answer', () => {
    const a = { fields: { total: '1' }, repeatable_fields: [] };
    const b = { fields: { total: '2' }, repeatable_fields: [line('x', '1')] };
    expect(type.consensus(params, [a, b]).response).toEqual(a);
    expect(type.consensus(params, [b, a]).response).toEqual(b);
  });

  it('throws on no answers', () => {
    expect(() => type.consensus(params, [])).toThrow(/at least one answer/);
  });
});

describe('transcription consensus properties', () => {
  it('is valid, bounded, order-independent in agreement, and returns unanimous answers', () => {
    assertConsensusProperties(type, scenarios);
  });
});

describe('weighted transcription consensus', () => {
  it('takes the weighted medoid for fields and rows, so one reliable annotator outweighs two others', () => {
    const answers = [
      { fields: { total: '13' }, repeatable_fields: [line('tea', '3')] },
      { fields: { total: '13' }, repeatable_fields: [line('tea', '3')] },
      { fields: { total: '12' }, repeatable_fields: [line('tea', '2'), line('cake', '10')] },
    ];
    expect(type.consensus(params, answers).response).toEqual(answers[0]);
    expect(type.consensus(params, answers, [0.25, 0.25, 1]).response).toEqual(answers[2]);
  });

  it('has the weighted-consensus properties', () => {
    assertWeightedConsensusProperties(type, scenarios);
  });
});
