/**
 * Krippendorff's alpha and Cohen's kappa from per-unit contributions, for the agreement report's
 * bootstrap. Each unit's contribution is computed once — its distinct values with their counts (its row
 * of the coincidence matrix, sparse) and its share of the observed disagreement — and a resample only
 * sums the contributions of the units it drew, times how often it drew them. The formulas are those of
 * `agreement/krippendorff.ts` and `agreement/kappa.ts`; the tests hold the two to each other.
 */

import type { MeasurementLevel } from '../agreement/krippendorff.ts';
import { midRanks } from '../agreement/krippendorff.ts';

/** The report's distinct values, with what the difference functions need of them. */
export interface ValueScale {
  /** The level of measurement, which picks δ². */
  level: MeasurementLevel;
  /** How many distinct values there are. */
  size: number;
  /** Each value as a number for ordinal, interval and ratio data (ascending); unused for nominal data. */
  positions: Float64Array;
}

/** Pairable units (answered at least twice) in flat arrays: unit u's values are entries start[u]..start[u+1]. */
export interface UnitSet {
  /** For each unit, its index in the pool of resampled units, whose weight it takes. */
  pool: Int32Array;
  /** m_u: how many answers unit u has (at least 2). */
  size: Float64Array;
  /**
   * Unit u's share of the observed disagreement, Σ_ck o_uck δ²_ck (each ordered pair of its answers
   * weighted 1/(m_u − 1)). Fixed for nominal, interval and ratio data; 0 and unused for ordinal data,
   * whose δ depends on the marginals of the whole resample.
   */
  observed: Float64Array;
  /** Offsets of each unit's entries; length units + 1. */
  start: Int32Array;
  /** Entry: a distinct value (index into the scale) of the unit. */
  value: Int32Array;
  /** Entry: how many of the unit's answers took that value. */
  count: Float64Array;
}

/**
 * Packs pairable units into a {@link UnitSet}.
 *
 * @param units Each unit's pool index and its answers' value indices (at least two).
 */
export function buildUnitSet(
  units: readonly { pool: number; values: readonly number[] }[],
  scale: ValueScale,
): UnitSet {
  const pool = new Int32Array(units.length);
  const size = new Float64Array(units.length);
  const observed = new Float64Array(units.length);
  const start = new Int32Array(units.length + 1);
  const values: number[] = [];
  const counts: number[] = [];
  units.forEach((unit, u) => {
    pool[u] = unit.pool;
    size[u] = unit.values.length;
    const first = values.length;
    for (const value of unit.values) {
      const at = values.indexOf(value, first);
      if (at >= 0) counts[at] = (counts[at] as number) + 1;
      else {
        values.push(value);
        counts.push(1);
      }
    }
    start[u + 1] = values.length;
    observed[u] = fixedObserved(values.slice(first), counts.slice(first), unit.values.length, scale);
  });
  return { pool, size, observed, start, value: Int32Array.from(values), count: Float64Array.from(counts) };
}

/** Σ_ck o_uck δ²_ck of one unit, for the levels whose δ² depends on the values alone. */
function fixedObserved(values: number[], counts: number[], size: number, scale: ValueScale): number {
  if (scale.level === 'ordinal' || values.length < 2) return 0;
  if (scale.level === 'nominal') {
    let same = 0;
    for (const count of counts) same += count * count;
    return (size * size - same) / (size - 1);
  }
  const position = (a: number): number => scale.positions[values[a] as number] as number;
  if (scale.level === 'interval') {
    // Σ_{i≠j} (p_i − p_j)² = 2(m Σ p² − (Σ p)²), on positions relative to one value so equal ones give 0.
    let sum = 0;
    let sumSquares = 0;
    for (let a = 0; a < values.length; a += 1) {
      const d = position(a) - position(0);
      sum += (counts[a] as number) * d;
      sumSquares += (counts[a] as number) * d * d;
    }
    return Math.max(0, (2 * (size * sumSquares - sum * sum)) / (size - 1));
  }
  let sum = 0;
  for (let a = 0; a < values.length; a += 1)
    for (let b = a + 1; b < values.length; b += 1)
      sum += 2 * (counts[a] as number) * (counts[b] as number) * ratioDifference(position(a), position(b));
  return sum / (size - 1);
}

/** ((c − k)/(c + k))², for distinct non-negative values (so c + k > 0). */
function ratioDifference(c: number, k: number): number {
  return ((c - k) / (c + k)) ** 2;
}

/**
 * Krippendorff's alpha of the units of `set` taken `weights[pool[u]]` times each: α = 1 − (n.. − 1) Σ_u w_u O_u / Σ_ck n_c n_k δ²_ck, with the marginals n_c summed
 * from the units' entries. Equal to `krippendorffAlpha` on the reliability matrix of those units.
 *
 * Cost: O(units + entries + V) for V values; ordinal data visit the drawn units' entries twice, ratio data
 * add O(P²) for the P values present.
 *
 * @param marginal Scratch space of `scale.size` entries, overwritten.
 * @returns α, or NaN when it is undefined: no unit drawn, or fewer than two distinct values.
 */
export function weightedAlpha(
  set: UnitSet,
  weights: Int32Array,
  scale: ValueScale,
  marginal: Float64Array,
): number {
  marginal.fill(0);
  let n = 0;
  let observed = 0;
  const units = set.size.length;
  for (let u = 0; u < units; u += 1) {
    const w = weights[set.pool[u] as number] as number;
    if (w === 0) continue;
    n += w * (set.size[u] as number);
    observed += w * (set.observed[u] as number);
    for (let e = set.start[u] as number; e < (set.start[u + 1] as number); e += 1) {
      const value = set.value[e] as number;
      marginal[value] = (marginal[value] as number) + w * (set.count[e] as number);
    }
  }
  let present = 0;
  for (let c = 0; c < marginal.length && present < 2; c += 1) if ((marginal[c] as number) > 0) present += 1;
  if (present < 2) return Number.NaN;

  let expected = 0;
  switch (scale.level) {
    case 'nominal': {
      let same = 0;
      for (const count of marginal) same += count * count;
      expected = n * n - same;
      break;
    }
    case 'interval':
      expected = spread(marginal, scale.positions, n);
      break;
    case 'ordinal': {
      const ranks = midRanks(marginal);
      observed = 0;
      for (let u = 0; u < units; u += 1) {
        const w = weights[set.pool[u] as number] as number;
        if (w > 0) observed += w * squaredRankDistances(set, u, ranks);
      }
      expected = spread(marginal, ranks, n);
      break;
    }
    case 'ratio': {
      const present: number[] = [];
      marginal.forEach((count, value) => {
        if (count > 0) present.push(value);
      });
      for (let a = 0; a < present.length; a += 1) {
        const c = present[a] as number;
        for (let b = a + 1; b < present.length; b += 1) {
          const k = present[b] as number;
          expected +=
            2 *
            (marginal[c] as number) *
            (marginal[k] as number) *
            ratioDifference(scale.positions[c] as number, scale.positions[k] as number);
        }
      }
      break;
    }
  }
  return expected > 0 ? 1 - ((n - 1) * observed) / expected : Number.NaN;
}

/** Σ_ck n_c n_k (p_c − p_k)² = 2n Σ_c n_c (p_c − p̄)². */
function spread(marginal: Float64Array, positions: Float64Array, n: number): number {
  let mean = 0;
  for (let c = 0; c < marginal.length; c += 1) mean += (marginal[c] as number) * (positions[c] as number);
  mean /= n;
  let sum = 0;
  for (let c = 0; c < marginal.length; c += 1) {
    const count = marginal[c] as number;
    if (count > 0) sum += count * ((positions[c] as number) - mean) ** 2;
  }
  return 2 * n * sum;
}

/** Unit u's Σ over ordered pairs of answers of (r_i − r_j)², weighted 1/(m − 1). */
function squaredRankDistances(set: UnitSet, u: number, ranks: Float64Array): number {
  const first = set.start[u] as number;
  const reference = ranks[set.value[first] as number] as number;
  let sum = 0;
  let sumSquares = 0;
  for (let e = first; e < (set.start[u + 1] as number); e += 1) {
    const d = (ranks[set.value[e] as number] as number) - reference;
    sum += (set.count[e] as number) * d;
    sumSquares += (set.count[e] as number) * d * d;
  }
  const m = set.size[u] as number;
  return Math.max(0, (2 * (m * sumSquares - sum * sum)) / (m - 1));
}

/**
 * Nominal alpha of the binary coding "label c or another" for every value c at once. With n answers,
 * H_c of them c and k_uc of unit u's m_u: α_c = 1 − (n − 1) Σ_u 2 k_uc (m_u − k_uc)/(m_u − 1) / (2 H_c (n − H_c)).
 *
 * @param out One entry per value: α_c, or NaN when c is in none or all of the answers.
 * @param scratch Two arrays of one entry per value, overwritten.
 */
export function weightedLabelAlphas(
  set: UnitSet,
  weights: Int32Array,
  out: Float64Array,
  scratch: { hits: Float64Array; observed: Float64Array },
): void {
  const { hits, observed } = scratch;
  hits.fill(0);
  observed.fill(0);
  let n = 0;
  const units = set.size.length;
  for (let u = 0; u < units; u += 1) {
    const w = weights[set.pool[u] as number] as number;
    if (w === 0) continue;
    const m = set.size[u] as number;
    n += w * m;
    for (let e = set.start[u] as number; e < (set.start[u + 1] as number); e += 1) {
      const value = set.value[e] as number;
      const k = set.count[e] as number;
      hits[value] = (hits[value] as number) + w * k;
      observed[value] = (observed[value] as number) + (w * 2 * k * (m - k)) / (m - 1);
    }
  }
  for (let c = 0; c < out.length; c += 1) {
    const h = hits[c] as number;
    out[c] = h > 0 && h < n ? 1 - ((n - 1) * (observed[c] as number)) / (2 * h * (n - h)) : Number.NaN;
  }
}

/**
 * The units each listed pair of workers shares, as contingency tables: pair p's cells are
 * cellStart[p]..cellStart[p+1], cell c standing for the shared units where the first worker answered
 * first[c] and the second second[c]. Kappa depends on the shared units only through the weight of each
 * cell, so a resample first sums each cell's weight ({@link pairCellWeights}, one pass over the drawn
 * units), then each pair's kappa reads its few cells.
 */
export interface PairSet {
  /** Offsets of each pair's cells; length pairs + 1. */
  cellStart: Int32Array;
  /** Cell: value index of the first worker's answer. */
  first: Int32Array;
  /** Cell: value index of the second worker's answer. */
  second: Int32Array;
  /** Offsets of each pool unit's cells in `unitCells`; length pool units + 1. */
  unitCellStart: Int32Array;
  /** The cells each pool unit falls in (one per listed pair of workers who both answered it). */
  unitCells: Int32Array;
}

/**
 * Packs pairs of workers' shared units into a {@link PairSet}.
 *
 * @param pairs Per pair, its shared units as triples (pool index, first worker's value, second's value).
 * @param poolSize How many units the pool has.
 */
export function buildPairSet(pairs: readonly (readonly number[])[], poolSize: number): PairSet {
  const cellStart = new Int32Array(pairs.length + 1);
  const first: number[] = [];
  const second: number[] = [];
  const cellsOfUnit: number[][] = Array.from({ length: poolSize }, () => []);
  pairs.forEach((triples, p) => {
    const cells = new Map<string, number>();
    for (let i = 0; i < triples.length; i += 3) {
      const key = `${triples[i + 1]},${triples[i + 2]}`;
      let cell = cells.get(key);
      if (cell === undefined) {
        cell = first.length;
        cells.set(key, cell);
        first.push(triples[i + 1] as number);
        second.push(triples[i + 2] as number);
      }
      (cellsOfUnit[triples[i] as number] as number[]).push(cell);
    }
    cellStart[p + 1] = first.length;
  });
  const unitCellStart = new Int32Array(poolSize + 1);
  cellsOfUnit.forEach((cells, u) => {
    unitCellStart[u + 1] = (unitCellStart[u] as number) + cells.length;
  });
  return {
    cellStart,
    first: Int32Array.from(first),
    second: Int32Array.from(second),
    unitCellStart,
    unitCells: Int32Array.from(cellsOfUnit.flat()),
  };
}

/**
 * The weight of every cell of `pairs` in a resample: how many drawn shared units fall in it.
 *
 * @param weights How many times each pool unit was drawn (all 1 for the original units).
 * @param out One entry per cell, overwritten.
 */
export function pairCellWeights(pairs: PairSet, weights: Int32Array, out: Float64Array): void {
  out.fill(0);
  for (let u = 0; u < weights.length; u += 1) {
    const w = weights[u] as number;
    if (w === 0) continue;
    for (let k = pairs.unitCellStart[u] as number; k < (pairs.unitCellStart[u + 1] as number); k += 1) {
      const cell = pairs.unitCells[k] as number;
      out[cell] = (out[cell] as number) + w;
    }
  }
}

/**
 * Cohen's kappa of pair `p` from the weights of its cells (see {@link pairCellWeights}), as `cohenKappa`
 * computes it from the contingency table: unweighted,
 * κ = 1 − D / (Σ_{c≠k} a_c b_k / N) with D the weighted disagreements; quadratic-weighted on the values'
 * positions, κ = 1 − Σ w(x − y)² / (Σ w x² + Σ w y² − 2 Σ wx Σ wy / N).
 *
 * @param counts Scratch arrays of one entry per value, all 0 on entry and left all 0 (unweighted only).
 * @returns κ, or NaN when no shared unit is drawn or both workers gave one and the same value throughout.
 */
export function weightedKappa(
  pairs: PairSet,
  p: number,
  cellWeights: Float64Array,
  quadratic: boolean,
  positions: Float64Array,
  counts: { first: Float64Array; second: Float64Array },
): number {
  const from = pairs.cellStart[p] as number;
  const to = pairs.cellStart[p + 1] as number;
  let n = 0;
  let reference = -1;
  let varied = false;
  if (!quadratic) {
    let disagreements = 0;
    for (let c = from; c < to; c += 1) {
      const w = cellWeights[c] as number;
      if (w === 0) continue;
      const x = pairs.first[c] as number;
      const y = pairs.second[c] as number;
      if (reference < 0) reference = x;
      if (x !== reference || y !== reference) varied = true;
      n += w;
      if (x !== y) disagreements += w;
      counts.first[x] = (counts.first[x] as number) + w;
      counts.second[y] = (counts.second[y] as number) + w;
    }
    let same = 0;
    for (let c = from; c < to; c += 1) {
      const x = pairs.first[c] as number;
      same += (counts.first[x] as number) * (counts.second[x] as number);
      counts.first[x] = 0;
    }
    for (let c = from; c < to; c += 1) counts.second[pairs.second[c] as number] = 0;
    const expected = n > 0 ? (n * n - same) / n : 0;
    return varied && expected > 0 ? 1 - disagreements / expected : Number.NaN;
  }
  let observed = 0;
  let sumX = 0;
  let sumY = 0;
  let squaresX = 0;
  let squaresY = 0;
  let origin = 0;
  for (let c = from; c < to; c += 1) {
    const w = cellWeights[c] as number;
    if (w === 0) continue;
    const xc = pairs.first[c] as number;
    const yc = pairs.second[c] as number;
    if (reference < 0) {
      reference = xc;
      origin = positions[xc] as number;
    }
    if (xc !== reference || yc !== reference) varied = true;
    // Positions relative to one answer, so that values that agree give exactly zero.
    const x = (positions[xc] as number) - origin;
    const y = (positions[yc] as number) - origin;
    n += w;
    observed += w * (x - y) ** 2;
    sumX += w * x;
    sumY += w * y;
    squaresX += w * x * x;
    squaresY += w * y * y;
  }
  if (n === 0) return Number.NaN;
  const expected = squaresX + squaresY - (2 * sumX * sumY) / n;
  return varied && expected > 0 ? 1 - observed / expected : Number.NaN;
}
