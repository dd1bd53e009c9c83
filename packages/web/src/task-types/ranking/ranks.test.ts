import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  flatten,
  isRankingOf,
  moveStep,
  moveToPosition,
  moveToRank,
  type Ranking,
  rankingOf,
  rankOf,
  toggleTie,
} from './ranks.ts';

const ids = ['a', 'b', 'c', 'd', 'e'];

const operation = fc.oneof(
  fc.record({
    kind: fc.constant('step' as const),
    id: fc.constantFrom(...ids),
    direction: fc.constantFrom(-1 as const, 1 as const),
  }),
  fc.record({
    kind: fc.constant('rank' as const),
    id: fc.constantFrom(...ids),
    rank: fc.integer({ min: -1, max: 7 }),
  }),
  fc.record({
    kind: fc.constant('drop' as const),
    id: fc.constantFrom(...ids),
    index: fc.integer({ min: -1, max: 6 }),
  }),
  fc.record({ kind: fc.constant('tie' as const), id: fc.constantFrom(...ids) }),
);

type Operation = typeof operation extends fc.Arbitrary<infer T> ? T : never;

function apply(ranking: Ranking, op: Operation): Ranking {
  switch (op.kind) {
    case 'step':
      return moveStep(ranking, op.id, op.direction);
    case 'rank':
      return moveToRank(ranking, op.id, op.rank);
    case 'drop':
      return moveToPosition(ranking, op.id, op.index);
    case 'tie':
      return toggleTie(ranking, op.id);
  }
}

describe('ranking operations', () => {
  it('never lose, duplicate or leave empty ranks, whatever the sequence', () => {
    fc.assert(
      fc.property(fc.array(operation, { maxLength: 30 }), (ops) => {
        let ranking = rankingOf(ids);
        for (const op of ops) {
          ranking = apply(ranking, op);
          expect(isRankingOf(ranking, ids)).toBe(true);
        }
      }),
    );
  });

  it('never create ties unless asked to', () => {
    fc.assert(
      fc.property(
        fc.array(
          operation.filter((op) => op.kind !== 'tie'),
          { maxLength: 30 },
        ),
        (ops) => {
          let ranking = rankingOf(ids);
          for (const op of ops) ranking = apply(ranking, op);
          expect(ranking.every((group) => group.length === 1)).toBe(true);
        },
      ),
    );
  });

  it('moves an untied response one step and back', () => {
    const ranking = rankingOf(ids);
    expect(flatten(moveStep(ranking, 'c', -1))).toEqual(['a', 'c', 'b', 'd', 'e']);
    expect(moveStep(moveStep(ranking, 'c', -1), 'c', 1)).toEqual(ranking);
    expect(moveStep(ranking, 'a', -1)).toEqual(ranking);
    expect(moveStep(ranking, 'e', 1)).toEqual(ranking);
  });

  it('takes a tied response out of its tie before moving it past others', () => {
    const tied: Ranking = [['a'], ['b', 'c'], ['d']];
    expect(moveStep(tied, 'c', -1)).toEqual([['a'], ['c'], ['b'], ['d']]);
    expect(moveStep(tied, 'b', 1)).toEqual([['a'], ['c'], ['b'], ['d']]);
  });

  it('jumps to a rank, clamped to the ends', () => {
    const ranking = rankingOf(ids);
    expect(flatten(moveToRank(ranking, 'd', 1))).toEqual(['d', 'a', 'b', 'c', 'e']);
    expect(flatten(moveToRank(ranking, 'a', 99))).toEqual(['b', 'c', 'd', 'e', 'a']);
    fc.assert(
      fc.property(fc.constantFrom(...ids), fc.integer({ min: 1, max: 5 }), (id, rank) => {
        expect(rankOf(moveToRank(ranking, id, rank), id)).toBe(rank);
      }),
    );
  });

  it('drops a response where a sortable list puts it, joining a tie only between tied responses', () => {
    const ranking = rankingOf(ids);
    fc.assert(
      fc.property(fc.constantFrom(...ids), fc.integer({ min: 0, max: 4 }), (id, index) => {
        expect(flatten(moveToPosition(ranking, id, index)).indexOf(id)).toBe(index);
      }),
    );
    const tied: Ranking = [['a'], ['b', 'c'], ['d']];
    expect(moveToPosition(tied, 'd', 2)).toEqual([['a'], ['b', 'd', 'c']]);
    expect(moveToPosition(tied, 'a', 2)).toEqual([['b', 'c'], ['a'], ['d']]);
  });

  it('ties with the rank above and unties back', () => {
    const ranking = rankingOf(ids);
    const tied = toggleTie(ranking, 'c');
    expect(tied).toEqual([['a'], ['b', 'c'], ['d'], ['e']]);
    expect(rankOf(tied, 'd')).toBe(3);
    expect(toggleTie(tied, 'c')).toEqual(ranking);
    expect(toggleTie(ranking, 'a')).toEqual(ranking);
  });
});
