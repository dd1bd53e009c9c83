import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assertConsensusProperties, permute, validAnswers } from '../../testing/consensus-harness.ts';
import { assertWeightedConsensusProperties } from '../../testing/score-harness.ts';
import { mustParse } from '../../testing/task-type-harness.ts';
import { scenarios } from './arbitraries.ts';
import { comparisonTaskType as type } from './index.ts';

const params = mustParse(type, {
  attachments: ['a', 'b'],
  choices: ['left', 'right'],
  fields: { why: 'Why?' },
});

describe('comparison consensus', () => {
  it('returns a unanimous answer with agreement 1', () => {
    const answer = { choice: 'left', fields: { why: 'sharper' } };
    expect(type.consensus(params, [answer, answer, answer])).toEqual({ response: answer, agreement: 1 });
  });

  it('takes the majority choice and the most central text per field', () => {
    const result = type.consensus(params, [
      { choice: 'right', fields: { why: 'sharper' } },
      { choice: 'left', fields: { why: 'it is sharper' } },
      { choice: 'left', fields: { why: 'sharper' } },
    ]);
    expect(result.response).toEqual({ choice: 'left', fields: { why: 'sharper' } });
    // Pairs (choice + field) / 2: (0 + 1/3) / 2, (0 + 1) / 2, (1 + 1/3) / 2 → mean 4/9.
    expect(result.agreement).toBeCloseTo(4 / 9);
  });

  it('breaks ties in favour of the earliest answer', () => {
    const a = { choice: 'right', fields: { why: 'x' } };
    const b = { choice: 'left', fields: { why: 'y' } };
    expect(type.consensus(params, [a, b]).response).toEqual(a);
    expect(type.consensus(params, [b, a]).response).toEqual(b);
  });

  it('does not list display items (choices may name positions)', () => {
    expect(type.displayItems).toBeUndefined();
  });

  it('throws on no answers', () => {
    expect(() => type.consensus(params, [])).toThrow(/at least one answer/);
  });
});

describe('comparison consensus properties', () => {
  it('is valid, bounded, order-independent in agreement, and returns unanimous answers', () => {
    assertConsensusProperties(type, scenarios);
  });

  it('keeps a choice made by more than half of the answers whatever their order', () => {
    fc.assert(
      fc.property(
        scenarios,
        fc.array(fc.nat(), { minLength: 8, maxLength: 8 }),
        ({ params, answers }, keys) => {
          const valid = validAnswers(type, params, answers);
          fc.pre(valid.length > 0);
          const choice = type.consensus(params, valid).response.choice;
          fc.pre(choice !== undefined && valid.filter((a) => a.choice === choice).length * 2 > valid.length);
          expect(type.consensus(params, permute(valid, keys)).response.choice).toBe(choice);
        },
      ),
    );
  });
});

describe('weighted comparison consensus', () => {
  it('lets one reliable annotator outvote two unreliable ones, on the choice and on the texts', () => {
    const answers = [
      { choice: 'right', fields: { why: 'blurry' } },
      { choice: 'right', fields: { why: 'blurry' } },
      { choice: 'left', fields: { why: 'sharper edges' } },
    ];
    expect(type.consensus(params, answers).response).toEqual(answers[0]);
    // Choice: right 0.6 vs left 1. Text medoid, self included: "blurry" 0.3 + 0.3·1 + 1·0 = 0.6,
    // "sharper edges" 1 + 0 = 1.
    expect(type.consensus(params, answers, [0.3, 0.3, 1]).response).toEqual(answers[2]);
  });

  it('has the weighted-consensus properties', () => {
    assertWeightedConsensusProperties(type, scenarios);
  });
});
