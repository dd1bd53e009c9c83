import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assertConsensusProperties, permute, validAnswers } from '../../testing/consensus-harness.ts';
import { mustParse } from '../../testing/task-type-harness.ts';
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

const spanArbitrary = fc
  .record({
    start: fc.nat({ max: 12 }),
    length: fc.integer({ min: 1, max: 6 }),
    label: fc.constantFrom('A', 'B'),
  })
  .map(({ start, length, label }) => ({ start, end: start + length, label }));
const scenarios = fc.boolean().chain((allow_overlap) => {
  const p = mustParse(type, {
    text: 'abcdefghijklmnopqrst',
    labels: [{ name: 'A' }, { name: 'B' }],
    allow_overlap,
  });
  const answer = fc
    .uniqueArray(spanArbitrary, { maxLength: 4, selector: (s) => `${s.start}:${s.end}:${s.label}` })
    .map((annotations) => ({ annotations }));
  return fc.array(answer, { minLength: 1, maxLength: 6 }).map((answers) => ({ params: p, answers }));
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
