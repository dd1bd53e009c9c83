import { describe, expect, it } from 'vitest';
import { assertConsensusProperties } from '../../testing/consensus-harness.ts';
import { assertWeightedConsensusProperties } from '../../testing/score-harness.ts';
import { mustParse } from '../../testing/task-type-harness.ts';
import { scenarios } from './arbitraries.ts';
import { textcollectionTaskType as type } from './index.ts';

const params = mustParse(type, {
  fields: [
    {
      field_id: 'kind',
      title: 'Kind',
      type: 'category',
      choices: ['dish', 'drink'].map((value) => ({ label: value, value })),
    },
    { field_id: 'spicy', title: 'Spicy?', type: 'boolean', condition: { field_id: 'kind', value: 'dish' } },
    { field_id: 'name', title: 'Name', type: 'text' },
    {
      field_id: 'tags',
      title: 'Tags',
      type: 'category',
      choices: ['hot', 'cold', 'vegan'].map((value) => ({ label: value, value })),
      max_choices: 3,
    },
    { field_id: 'note', title: 'Note', type: 'text', required: false },
  ],
});

describe('textcollection consensus', () => {
  it('returns a unanimous answer with agreement 1', () => {
    const answer = { annotations: { kind: 'dish', spicy: true, name: 'Curry', tags: ['hot', 'vegan'] } };
    expect(type.consensus(params, [answer, answer, answer])).toEqual({ response: answer, agreement: 1 });
  });

  it('votes field by field, following conditions and counting choice sets regardless of order', () => {
    const result = type.consensus(params, [
      { annotations: { kind: 'drink', name: 'Green curry', tags: ['cold'], note: 'odd' } },
      { annotations: { kind: 'dish', spicy: true, name: 'Red curry', tags: ['vegan', 'hot'] } },
      { annotations: { kind: 'dish', spicy: false, name: 'Curry', tags: ['hot', 'vegan'] } },
      { annotations: { kind: 'dish', spicy: true, name: 'Curry', tags: ['hot'] } },
    ]);
    expect(result.response).toEqual({
      annotations: { kind: 'dish', spicy: true, name: 'Curry', tags: ['vegan', 'hot'] },
    });
    expect(result.agreement).toBeGreaterThan(0);
    expect(result.agreement).toBeLessThan(1);
  });

  it('drops a conditional field when the consensus hides it', () => {
    const result = type.consensus(params, [
      { annotations: { kind: 'dish', spicy: true, name: 'a', tags: ['hot'] } },
      { annotations: { kind: 'drink', name: 'a', tags: ['hot'] } },
      { annotations: { kind: 'drink', name: 'a', tags: ['hot'] } },
    ]);
    expect(result.response.annotations).toEqual({ kind: 'drink', name: 'a', tags: ['hot'] });
  });

  it('breaks ties in favour of the earliest answer', () => {
    const a = { annotations: { kind: 'drink', name: 'Tea', tags: ['hot'] } };
    const b = { annotations: { kind: 'dish', spicy: false, name: 'Rice', tags: ['cold'] } };
    expect(type.consensus(params, [a, b]).response).toEqual(a);
    expect(type.consensus(params, [b, a]).response).toEqual(b);
  });

  it('throws on no answers', () => {
    expect(() => type.consensus(params, [])).toThrow(/at least one answer/);
  });
});

describe('textcollection consensus properties', () => {
  it('is valid, bounded, order-independent in agreement, and returns unanimous answers', () => {
    assertConsensusProperties(type, scenarios, 300);
  });
});

describe('weighted textcollection consensus', () => {
  it('lets one reliable annotator outvote two unreliable ones, field by field', () => {
    const drink = { annotations: { kind: 'drink', name: 'Tea', tags: ['cold'] } };
    const dish = { annotations: { kind: 'dish', spicy: true, name: 'Curry', tags: ['hot'], note: 'hot!' } };
    expect(type.consensus(params, [drink, drink, dish]).response).toEqual(drink);
    // kind: drink 0.6, dish 1; the optional note is given by 1 of 1.6 (> 0.8), so it is kept.
    expect(type.consensus(params, [drink, drink, dish], [0.3, 0.3, 1]).response).toEqual(dish);
  });

  it('has the weighted-consensus properties', () => {
    assertWeightedConsensusProperties(type, scenarios, 300);
  });
});
