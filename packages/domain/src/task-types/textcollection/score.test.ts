import { describe, expect, it } from 'vitest';
import { assertScoreProperties } from '../../testing/score-harness.ts';
import { mustParse } from '../../testing/task-type-harness.ts';
import { scenarios } from './arbitraries.ts';
import { textcollectionTaskType as type } from './index.ts';

const choices = (...values: string[]) => values.map((value) => ({ label: value, value }));
const params = mustParse(type, {
  fields: [
    { field_id: 'kind', title: 'Kind', type: 'category', choices: choices('dish', 'drink') },
    { field_id: 'spicy', title: 'Spicy?', type: 'boolean', condition: { field_id: 'kind', value: 'dish' } },
    { field_id: 'name', title: 'Name', type: 'text' },
    {
      field_id: 'tags',
      title: 'Tags',
      type: 'category',
      choices: choices('hot', 'cold', 'vegan'),
      max_choices: 3,
    },
    { field_id: 'note', title: 'Note', type: 'text', required: false },
  ],
});
const reference = { annotations: { kind: 'dish', spicy: true, name: 'Green curry', tags: ['hot', 'vegan'] } };

describe('textcollection score', () => {
  it('is 1 for the same answers and 0 when no field agrees', () => {
    expect(type.score(params, reference, reference)).toBe(1);
    expect(
      type.score(params, { annotations: { kind: 'drink', name: 'Tea', tags: ['cold'] } }, reference),
    ).toBe(0);
  });

  it('averages per-field similarities over the fields the reference answered', () => {
    // kind 1, spicy 0, name {curry} vs {green, curry} 1/2, tags {hot} vs {hot, vegan} 1/2; the note only
    // the answer gave is not graded → (1 + 0 + 1/2 + 1/2) / 4.
    const answer = {
      annotations: { kind: 'dish', spicy: false, name: 'curry', tags: ['hot'], note: 'mild' },
    };
    expect(type.score(params, answer, reference)).toBe(1 / 2);
    // Against the answer as reference, the note counts too (missing → 0): (1 + 0 + 1/2 + 1/2 + 0) / 5.
    expect(type.score(params, reference, answer)).toBe(2 / 5);
  });

  it('lets numbers fall off with their difference, over the range when both bounds are known', () => {
    const numbers = mustParse(type, {
      fields: [
        { field_id: 'bounded', title: 'B', type: 'number', min: 0, max: 100 },
        { field_id: 'open', title: 'O', type: 'number' },
      ],
    });
    // bounded: 1 − 10/100 = 0.9; open: 1 − 10/20 = 0.5 → mean 0.7.
    expect(
      type.score(
        numbers,
        { annotations: { bounded: 20, open: 10 } },
        { annotations: { bounded: 10, open: 20 } },
      ),
    ).toBeCloseTo(0.7, 12);
  });

  it('matches several responses one-to-one, counting missing and extra ones as 0', () => {
    const many = mustParse(type, {
      fields: [{ field_id: 'drinks', title: 'Drinks', type: 'text', max_responses_required: 3 }],
    });
    // "green tea" matches exactly (1), "coffee" has no partner; divided by the longer list (2).
    expect(
      type.score(
        many,
        { annotations: { drinks: ['coffee', 'Green tea'] } },
        { annotations: { drinks: ['green tea'] } },
      ),
    ).toBe(1 / 2);
  });

  it('recurses into field sets', () => {
    const sets = mustParse(type, {
      fields: [
        {
          field_id: 'address',
          title: 'Address',
          type: 'field_set',
          fields: [
            { field_id: 'street', title: 'Street', type: 'text' },
            { field_id: 'city', title: 'City', type: 'text' },
          ],
        },
      ],
    });
    // street 1, city 0 → 1/2.
    expect(
      type.score(
        sets,
        { annotations: { address: { street: 'Main St', city: 'Paris' } } },
        { annotations: { address: { street: 'main st', city: 'Rome' } } },
      ),
    ).toBe(1 / 2);
  });

  it('gives 1 against a reference that answered nothing', () => {
    const optional = mustParse(type, {
      fields: [{ field_id: 'note', title: 'Note', type: 'text', required: false }],
    });
    expect(type.score(optional, { annotations: { note: 'x' } }, { annotations: {} })).toBe(1);
  });

  it('scores an answer 1 against itself and stays in [0, 1]', () => {
    assertScoreProperties(type, scenarios, { symmetric: false, numRuns: 300 });
  });
});
