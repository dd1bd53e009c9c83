import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pairwiseAgreement } from './pairwise.ts';

describe('pairwiseAgreement', () => {
  it('counts common tasks and agreements per pair of workers', () => {
    const result = pairwiseAgreement([
      { worker: 'bo', task: 't1', label: 'cat' },
      { worker: 'al', task: 't1', label: 'cat' },
      { worker: 'cy', task: 't1', label: 'dog' },
      { worker: 'al', task: 't2', label: 'dog' },
      { worker: 'bo', task: 't2', label: 'cat' },
      { worker: 'cy', task: 't3', label: 'dog' },
    ]);
    expect(result).toEqual([
      { workers: ['al', 'bo'], common: 2, agreed: 1, agreement: 0.5 },
      { workers: ['al', 'cy'], common: 1, agreed: 0, agreement: 0 },
      { workers: ['bo', 'cy'], common: 1, agreed: 0, agreement: 0 },
    ]);
  });

  it('ignores missing labels and repeated answers, and lists only pairs with a common task', () => {
    const result = pairwiseAgreement([
      { worker: 'a', task: 't', label: 'x' },
      { worker: 'a', task: 't', label: 'y' },
      { worker: 'b', task: 't', label: 'x' },
      { worker: 'c', task: 't', label: null },
      { worker: 'd', task: 'u', label: 'x' },
    ]);
    expect(result).toEqual([{ workers: ['a', 'b'], common: 1, agreed: 1, agreement: 1 }]);
    expect(pairwiseAgreement([])).toEqual([]);
  });

  it('compares structured labels by value, or by the given equality', () => {
    const answers = [
      { worker: 'a', task: 't', label: { x: 1, y: 2 } },
      { worker: 'b', task: 't', label: { y: 2, x: 1 } },
    ];
    expect(pairwiseAgreement(answers)[0]?.agreed).toBe(1);
    expect(pairwiseAgreement(answers, { equals: () => false })[0]?.agreed).toBe(0);
  });

  it('does not depend on the order of answers', () => {
    const answer = fc.record({
      worker: fc.constantFrom('a', 'b', 'c', 'd'),
      task: fc.constantFrom('t1', 't2', 't3', 't4', 't5'),
      label: fc.constantFrom('x', 'y', null),
    });
    fc.assert(
      fc.property(fc.uniqueArray(answer, { selector: (a) => `${a.worker}|${a.task}` }), (answers) => {
        const result = pairwiseAgreement(answers);
        expect(pairwiseAgreement([...answers].reverse())).toEqual(result);
        for (const pair of result) {
          expect(pair.workers[0] < pair.workers[1]).toBe(true);
          expect(pair.agreed).toBeLessThanOrEqual(pair.common);
          expect(pair.agreement).toBe(pair.agreed / pair.common);
        }
      }),
    );
  });
});
