import { describe, expect, it } from 'vitest';
import { assertScoreProperties } from '../../testing/score-harness.ts';
import { mustParse } from '../../testing/task-type-harness.ts';
import { scenarios } from './arbitraries.ts';
import { namedentityrecognitionTaskType as type } from './index.ts';

const text = 'Ada Lovelace met Charles Babbage in London.';
const params = mustParse(type, { text, labels: [{ name: 'PER' }, { name: 'LOC' }] });
const span = (start: number, end: number, label: string) => ({ start, end, label });
const ada = span(0, 12, 'PER');
const charles = span(17, 32, 'PER');
const london = span(36, 42, 'LOC');

describe('namedentityrecognition score', () => {
  it('is 1 for the same spans (text aside) and 0 for disjoint ones', () => {
    expect(
      type.score(
        params,
        { annotations: [london, { ...ada, text: 'Ada Lovelace' }] },
        { annotations: [ada, london] },
      ),
    ).toBe(1);
    expect(type.score(params, { annotations: [ada] }, { annotations: [charles, london] })).toBe(0);
    expect(type.score(params, { annotations: [] }, { annotations: [] })).toBe(1);
    expect(type.score(params, { annotations: [] }, { annotations: [ada] })).toBe(0);
  });

  it('is the span F1 score with exact boundaries and labels', () => {
    // 1 shared span of 2 + 2 → 2·1 / 4.
    expect(type.score(params, { annotations: [ada, london] }, { annotations: [ada, charles] })).toBe(1 / 2);
    // Off by one character, or another label, is a different span.
    expect(type.score(params, { annotations: [span(0, 11, 'PER')] }, { annotations: [ada] })).toBe(0);
    expect(type.score(params, { annotations: [span(36, 42, 'PER')] }, { annotations: [london] })).toBe(0);
  });

  it('scores an answer 1 against itself, in [0, 1], symmetrically', () => {
    assertScoreProperties(type, scenarios);
  });
});
