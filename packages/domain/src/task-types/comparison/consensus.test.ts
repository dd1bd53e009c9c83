import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assertConsensusProperties, permute, validAnswers } from '../../testing/consensus-harness.ts';
import { mustParse } from '../../testing/task-type-harness.ts';
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

const words = fc.constantFrom('sharp', 'blurry', 'bright', 'dark', 'sharp image', '');
const scenarios = fc
  .record({
    choices: fc.option(fc.shuffledSubarray(['yes', 'no', 'same'], { minLength: 1 }), { nil: undefined }),
    fields: fc.option(fc.uniqueArray(fc.constantFrom('why', 'what', 'how'), { minLength: 1 }), {
      nil: undefined,
    }),
  })
  .filter(({ choices, fields }) => choices !== undefined || fields !== undefined)
  .chain(({ choices, fields }) => {
    const params = mustParse(type, {
      attachments: ['a', 'b'],
      ...(choices ? { choices } : {}),
      ...(fields ? { fields: Object.fromEntries(fields.map((key) => [key, key])) } : {}),
    });
    const answer = fc
      .record(
        {
          choice: choices ? fc.constantFrom(...choices) : fc.constant(undefined),
          fields: fields
            ? fc
                .tuple(...fields.map(() => words))
                .map((texts) => Object.fromEntries(fields.map((key, i) => [key, texts[i]])))
            : fc.constant(undefined),
        },
        { requiredKeys: [] },
      )
      .map((answer) => JSON.parse(JSON.stringify(answer)) as unknown);
    return fc.array(answer, { minLength: 1, maxLength: 6 }).map((answers) => ({ params, answers }));
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
