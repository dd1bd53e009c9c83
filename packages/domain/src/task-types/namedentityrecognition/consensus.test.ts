import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assertConsensusProperties, permute, validAnswers } from '../../testing/consensus-harness.ts';
import { assertWeightedConsensusProperties } from '../../testing/score-harness.ts';
import { mustParse } from '../../testing/task-type-harness.ts';
import { scenarios } from './arbitraries.ts';
import { namedentityrecognitionTaskType as type } from './index.ts';

const text = 'Ada Lovelace met Charles Babbage in London.';
const params = mustParse(type, { text, labels: [{ name: 'PER' }, { name: 'LOC' }], allow_overlap: false });
const span = (start: number, end: number, label: string) => ({ start, end, label });
const ada = span(0, 12, 'PER');
const charles = span(17, 32, 'PER');
const london = span(36, 42, 'LOC');

describe('namedentityrecognition consensus', () => {
  it('returns a unanimous answer with agreement 1', () => {
    const answer = { annotations: [{ ...ada, text: 'Ada Lovelace' }, london] };
    expect(type.consensus(params, [answer, answer, answer])).toEqual({ response: answer, agreement: 1 });
  });

  it('keeps spans marked by more than half of the answers', () => {
    const result = type.consensus(params, [
      { annotations: [ada, london] },
      { annotations: [ada, charles] },
      { annotations: [ada, span(36, 42, 'PER')] },
    ]);
    expect(result.response).toEqual({ annotations: [ada] });
    // F1 of each pair: 1 common span of 2 + 2 → 1/2.
    expect(result.agreement).toBeCloseTo(1 / 2);
  });

  it('needs a strict majority, so two answers that disagree keep only what they share', () => {
    expect(type.consensus(params, [{ annotations: [ada] }, { annotations: [london] }]).response).toEqual({
      annotations: [],
    });
  });

  it('throws on no answers', () => {
    expect(() => type.consensus(params, [])).toThrow(/at least one answer/);
  });
});

describe('namedentityrecognition consensus properties', () => {
  it('is valid, bounded, order-independent in agreement, and returns unanimous answers', () => {
    assertConsensusProperties(type, scenarios);
  });

  it('keeps the same spans whatever the order of the answers (only their order may change)', () => {
    const key = (s: { start: number; end: number; label: string }) => `${s.start}:${s.end}:${s.label}`;
    fc.assert(
      fc.property(
        scenarios,
        fc.array(fc.nat(), { minLength: 8, maxLength: 8 }),
        ({ params: p, answers }, keys) => {
          const valid = validAnswers(type, p, answers);
          fc.pre(valid.length > 0);
          const spans = type.consensus(p, valid).response.annotations.map(key).sort();
          expect(type.consensus(p, permute(valid, keys)).response.annotations.map(key).sort()).toEqual(spans);
        },
      ),
    );
  });
});

describe('weighted namedentityrecognition consensus', () => {
  it('keeps the spans carrying more than half of the weight', () => {
    const answers = [
      { annotations: [ada, london] },
      { annotations: [ada, london] },
      { annotations: [charles] },
    ];
    expect(type.consensus(params, answers).response).toEqual({ annotations: [ada, london] });
    // Total 1.6: ada and london 0.6 each, charles 1 > 0.8.
    expect(type.consensus(params, answers, [0.3, 0.3, 1]).response).toEqual({ annotations: [charles] });
  });

  it('ignores answers of weight 0, even for the order and the text of the spans', () => {
    const answers = [{ annotations: [{ ...london, text: 'London' }] }, { annotations: [ada, london] }];
    expect(type.consensus(params, answers, [0, 1]).response).toEqual({ annotations: [ada, london] });
  });

  it('has the weighted-consensus properties', () => {
    assertWeightedConsensusProperties(type, scenarios);
  });
});
