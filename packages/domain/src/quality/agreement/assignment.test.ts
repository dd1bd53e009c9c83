import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { optimalAssignment } from './assignment.ts';

/** The cheapest matching by trying every injection of the smaller side into the larger. */
function bruteForceCost(cost: number[][]): number {
  const rows = cost.length;
  const columns = cost[0]?.length ?? 0;
  if (rows === 0 || columns === 0) return 0;
  const tall = rows > columns;
  const n = tall ? columns : rows;
  const m = tall ? rows : columns;
  const at = (i: number, j: number) => (tall ? cost[j]?.[i] : cost[i]?.[j]) as number;
  let best = Number.POSITIVE_INFINITY;
  const taken = new Array<boolean>(m).fill(false);
  const visit = (i: number, sum: number): void => {
    if (i === n) {
      best = Math.min(best, sum);
      return;
    }
    for (let j = 0; j < m; j += 1) {
      if (taken[j]) continue;
      taken[j] = true;
      visit(i + 1, sum + at(i, j));
      taken[j] = false;
    }
  };
  visit(0, 0);
  return best;
}

const matrix = fc
  .tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 6 }))
  .chain(([rows, columns]) =>
    fc.array(fc.array(fc.integer({ min: -20, max: 20 }), { minLength: columns, maxLength: columns }), {
      minLength: rows,
      maxLength: rows,
    }),
  );

describe('optimalAssignment', () => {
  it('finds the cheapest matching of a square matrix', () => {
    const result = optimalAssignment([
      [4, 1, 3],
      [2, 0, 5],
      [3, 2, 2],
    ]);
    expect(result.rowToColumn).toEqual([1, 0, 2]);
    expect(result.columnToRow).toEqual([1, 0, 2]);
    expect(result.cost).toBe(5);
  });

  it('beats the greedy choice', () => {
    // Greedy takes the 0 at (0, 0) and is left with 10; the optimum pays 1 + 1.
    const result = optimalAssignment([
      [0, 1],
      [1, 10],
    ]);
    expect(result.rowToColumn).toEqual([1, 0]);
    expect(result.cost).toBe(2);
  });

  it('leaves extra rows or columns unmatched', () => {
    const wide = optimalAssignment([[5, 1, 9]]);
    expect(wide.rowToColumn).toEqual([1]);
    expect(wide.columnToRow).toEqual([-1, 0, -1]);
    const tall = optimalAssignment([[5], [1], [9]]);
    expect(tall.rowToColumn).toEqual([-1, 0, -1]);
    expect(tall.columnToRow).toEqual([1]);
    expect(tall.cost).toBe(1);
  });

  it('handles empty matrices', () => {
    expect(optimalAssignment([])).toEqual({ rowToColumn: [], columnToRow: [], cost: 0 });
    expect(optimalAssignment([[], []])).toEqual({ rowToColumn: [-1, -1], columnToRow: [], cost: 0 });
  });

  it('rejects ragged or non-finite matrices', () => {
    expect(() => optimalAssignment([[1, 2], [3]])).toThrow(RangeError);
    expect(() => optimalAssignment([[1, Number.NaN]])).toThrow(RangeError);
    expect(() => optimalAssignment([[Number.POSITIVE_INFINITY]])).toThrow(RangeError);
  });

  it('matches brute force on random matrices, with a one-to-one matching of the smaller side', () => {
    fc.assert(
      fc.property(matrix, (cost) => {
        const result = optimalAssignment(cost);
        expect(result.cost).toBe(bruteForceCost(cost));
        const matched = result.rowToColumn.filter((column) => column >= 0);
        expect(matched.length).toBe(Math.min(cost.length, cost[0]?.length ?? 0));
        expect(new Set(matched).size).toBe(matched.length);
        result.rowToColumn.forEach((column, row) => {
          if (column >= 0) expect(result.columnToRow[column]).toBe(row);
        });
        const summed = result.rowToColumn.reduce(
          (sum, column, row) => sum + (column >= 0 ? (cost[row]?.[column] as number) : 0),
          0,
        );
        expect(result.cost).toBe(summed);
      }),
      { numRuns: 300 },
    );
  });

  it('solves a 200 × 200 matrix exactly as the sum of its diagonal when that is forced', () => {
    const n = 200;
    const cost = Array.from({ length: n }, (_, i) =>
      Array.from({ length: n }, (_, j) => (i === j ? 0 : 1 + ((i * 7 + j * 13) % 5))),
    );
    const result = optimalAssignment(cost);
    expect(result.cost).toBe(0);
    expect(result.rowToColumn.every((column, row) => column === row)).toBe(true);
  });
});
