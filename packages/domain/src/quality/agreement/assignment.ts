/**
 * Optimal assignment (the linear sum assignment problem) by the Hungarian algorithm.
 *
 * Matching shapes across annotators (IoU agreement, geometry consensus) needs the pairing that maximizes
 * total overlap, not a greedy one: greedy matching can take a pair that blocks two better ones.
 */

/** A minimum-cost matching between the rows and the columns of a cost matrix. */
export interface Assignment {
  /** For each row, the column it is matched to, or -1 when the row is left over (more rows than columns). */
  rowToColumn: number[];
  /** For each column, the row it is matched to, or -1 when the column is left over. */
  columnToRow: number[];
  /** The summed cost of the matched cells. */
  cost: number;
}

/**
 * Matches rows to columns so that the summed cost is minimal (Kuhn 1955, Munkres 1957), in O(n²·m) for
 * n ≤ m, with the shortest-augmenting-path form of the algorithm (row and column potentials).
 *
 * The matrix may be rectangular: every row is matched when there are at least as many columns, otherwise
 * every column is, and the rest are reported as -1. To maximize a score (IoU), pass its negation. Ties
 * between equally cheap matchings are broken by the algorithm's fixed scan order (rows top to bottom,
 * columns left to right), so the result is deterministic.
 *
 * @param cost `cost[row][column]`, every row the same length, every entry finite.
 * @throws RangeError when rows differ in length or an entry is not a finite number.
 * @example
 * optimalAssignment([[4, 1, 3], [2, 0, 5], [3, 2, 2]]); // rowToColumn [1, 0, 2], cost 5
 */
export function optimalAssignment(cost: readonly (readonly number[])[]): Assignment {
  const rows = cost.length;
  const columns = rows === 0 ? 0 : (cost[0] as readonly number[]).length;
  for (const row of cost) {
    if (row.length !== columns) throw new RangeError('optimalAssignment needs a rectangular cost matrix');
    for (const value of row) {
      if (!Number.isFinite(value)) throw new RangeError('optimalAssignment needs finite costs');
    }
  }
  const rowToColumn = new Array<number>(rows).fill(-1);
  const columnToRow = new Array<number>(columns).fill(-1);
  if (rows === 0 || columns === 0) return { rowToColumn, columnToRow, cost: 0 };

  // The algorithm below needs n ≤ m; a tall matrix is solved transposed.
  const transposed = rows > columns;
  const n = transposed ? columns : rows;
  const m = transposed ? rows : columns;
  const at = transposed
    ? (i: number, j: number) => (cost[j] as readonly number[])[i] as number
    : (i: number, j: number) => (cost[i] as readonly number[])[j] as number;
  const matchOfColumn = hungarian(n, m, at);

  let total = 0;
  for (let j = 0; j < m; j += 1) {
    const i = matchOfColumn[j] as number;
    if (i < 0) continue;
    const row = transposed ? j : i;
    const column = transposed ? i : j;
    rowToColumn[row] = column;
    columnToRow[column] = row;
    total += (cost[row] as readonly number[])[column] as number;
  }
  return { rowToColumn, columnToRow, cost: total };
}

/** Shortest augmenting paths with potentials for an n × m matrix, n ≤ m; returns each column's row or -1. */
function hungarian(n: number, m: number, at: (i: number, j: number) => number): Int32Array {
  // 1-based, with column 0 as the virtual start of each augmenting path.
  const u = new Float64Array(n + 1);
  const v = new Float64Array(m + 1);
  const rowOfColumn = new Int32Array(m + 1);
  const way = new Int32Array(m + 1);
  const minReduced = new Float64Array(m + 1);
  const used = new Uint8Array(m + 1);
  for (let i = 1; i <= n; i += 1) {
    rowOfColumn[0] = i;
    let column = 0;
    minReduced.fill(Number.POSITIVE_INFINITY);
    used.fill(0);
    do {
      used[column] = 1;
      const row = rowOfColumn[column] as number;
      let delta = Number.POSITIVE_INFINITY;
      let next = 0;
      for (let j = 1; j <= m; j += 1) {
        if (used[j]) continue;
        const reduced = at(row - 1, j - 1) - (u[row] as number) - (v[j] as number);
        if (reduced < (minReduced[j] as number)) {
          minReduced[j] = reduced;
          way[j] = column;
        }
        if ((minReduced[j] as number) < delta) {
          delta = minReduced[j] as number;
          next = j;
        }
      }
      for (let j = 0; j <= m; j += 1) {
        if (used[j]) {
          const r = rowOfColumn[j] as number;
          u[r] = (u[r] as number) + delta;
          v[j] = (v[j] as number) - delta;
        } else {
          minReduced[j] = (minReduced[j] as number) - delta;
        }
      }
      column = next;
    } while (rowOfColumn[column] !== 0);
    do {
      const previous = way[column] as number;
      rowOfColumn[column] = rowOfColumn[previous] as number;
      column = previous;
    } while (column !== 0);
  }
  const result = new Int32Array(m).fill(-1);
  for (let j = 1; j <= m; j += 1) {
    const row = rowOfColumn[j] as number;
    if (row !== 0) result[j - 1] = row - 1;
  }
  return result;
}
