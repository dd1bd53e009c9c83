import { describe, expect, it } from 'vitest';
import { assertScoreProperties } from '../../testing/score-harness.ts';
import { mustParse } from '../../testing/task-type-harness.ts';
import { scenarios } from './arbitraries.ts';
import { transcriptionTaskType as type } from './index.ts';

const params = mustParse(type, {
  attachment: 'https://example.com/invoice.png',
  fields: { total: 'Total' },
  repeatable_fields: { item: 'Item', price: 'Price' },
});
const line = (item: string, price: string) => ({ item, price });

describe('transcription score', () => {
  it('is 1 for the same transcription and 0 when nothing agrees', () => {
    const answer = { fields: { total: '12' }, repeatable_fields: [line('tea', '2')] };
    expect(type.score(params, answer, answer)).toBe(1);
    expect(
      type.score(params, answer, { fields: { total: '13' }, repeatable_fields: [line('cake', '3')] }),
    ).toBe(0);
  });

  it('counts the fields half and the rows, compared in order, half', () => {
    // Fields 1; rows: tea matches (1), cake is missing (0), over 2 rows → 1/2; (1 + 1/2) / 2.
    const score = type.score(
      params,
      { fields: { total: '12' }, repeatable_fields: [line('tea', '2')] },
      { fields: { total: '12' }, repeatable_fields: [line('tea', '2'), line('cake', '10')] },
    );
    expect(score).toBe(3 / 4);
  });

  it('scores an answer 1 against itself, in [0, 1], symmetrically', () => {
    assertScoreProperties(type, scenarios);
  });
});
