import { type BootstrapInterval, type BootstrapOptions, bootstrapInterval } from './bootstrap.ts';

/** Level of measurement of the values; it picks the difference function δ² of Krippendorff's alpha. */
export type MeasurementLevel = 'nominal' | 'ordinal' | 'interval' | 'ratio';

/** One cell of a reliability matrix: a coder's value for a unit, or `null` when the coder gave none. */
export type ReliabilityValue = number | string | null;

/** Krippendorff's alpha with the quantities it is made of. */
export interface KrippendorffAlphaDetails {
  /** α = 1 − D_o / D_e; 1 by convention when D_e = 0 (see {@link krippendorffAlpha}). */
  alpha: number;
  /** Observed disagreement D_o: the mean δ² over the pairable pairs of values within units. */
  observedDisagreement: number;
  /** Expected disagreement D_e: the mean δ² over all pairs of pairable values, regardless of unit. */
  expectedDisagreement: number;
  /** n.. — how many values were pairable (in units with at least two values). */
  pairableValues: number;
  /** How many units had at least two values and entered the computation. */
  units: number;
}

/**
 * Krippendorff's alpha reliability coefficient, computed as in Krippendorff, "Computing Krippendorff's
 * Alpha-Reliability" (2011): values are tallied in a coincidence matrix o_ck, where each unit u with m_u
 * values contributes every ordered pair of its values from different coders with weight 1/(m_u − 1);
 * then α = 1 − D_o/D_e = 1 − (n.. − 1) Σ o_ck δ²_ck / Σ n_c n_k δ²_ck.
 *
 * Only pairable values count: units with fewer than two values are dropped (so any pattern of missing
 * values is handled), and the marginals n_c come from the coincidence matrix. The difference functions:
 * - `nominal`: δ² = 0 when c = k, else 1 (any numbers or strings; `1` and `'1'` are different values);
 * - `ordinal`: δ²_ck = (Σ_{g=c..k} n_g − (n_c + n_k)/2)², the distance between the values' ranks in the
 *   marginal frequencies, so only the order of the values matters;
 * - `interval`: δ² = (c − k)²;
 * - `ratio`: δ² = ((c − k)/(c + k))², for values with an absolute zero (0 against 0 differs by 0).
 *
 * Cost: linear in the number of values for nominal, ordinal and interval data (no V × V matrix is built);
 * ratio data also pays O(V²) in the number V of distinct values (about 6 s at V = 60,000), so round
 * continuous measurements before computing it, above all under the bootstrap.
 *
 * α is at most 1 (perfect agreement), 0 when coders agree as often as chance, negative for systematic
 * disagreement.
 *
 * Degenerate data: when the expected disagreement D_e is 0 — every pairable value is the same, or no unit
 * has two values — α is 0/0 in the formula. It is defined here as **1**: no disagreement was observed and
 * none was possible. Callers that must tell "perfect" from "no evidence" read `pairableValues` and the
 * variation from {@link krippendorffAlphaDetails}.
 *
 * @param reliability One row per coder (annotator), one column per unit, `null` for a missing value — the
 *   layout of Krippendorff's papers. A row shorter than the longest one is missing its remaining units.
 * @param level Level of measurement. `ordinal`, `interval` and `ratio` take numbers only (map ordered
 *   categories to their ranks first); `ratio` takes non-negative numbers.
 * @throws RangeError for a value the level does not accept, or a number that is not finite.
 * @example
 * krippendorffAlpha([[1, 2, 3, 3], [1, 2, 3, 4]], 'nominal'); // 1 − 14/46 ≈ 0.696
 */
export function krippendorffAlpha(
  reliability: readonly (readonly ReliabilityValue[])[],
  level: MeasurementLevel,
): number {
  return krippendorffAlphaDetails(reliability, level).alpha;
}

/**
 * {@link krippendorffAlpha} with its observed and expected disagreement and how much data it rests on,
 * for reports that must show "no overlap" rather than a vacuous α = 1.
 */
export function krippendorffAlphaDetails(
  reliability: readonly (readonly ReliabilityValue[])[],
  level: MeasurementLevel,
): KrippendorffAlphaDetails {
  const coded = codeUnits(reliability, level);
  return alphaOfUnits(coded.units, coded.values, level);
}

/**
 * Krippendorff's alpha with a percentile bootstrap confidence interval over units (see
 * {@link bootstrapInterval}): the pairable units (columns with at least two values) are resampled with
 * replacement and α is recomputed on each resample, marginals included. Resamples without variation
 * count as α = 1, the convention of {@link krippendorffAlpha}.
 *
 * @param options `samples` (default 1000), `confidence` (default 0.95), `seed` (default 1).
 */
export function krippendorffAlphaInterval(
  reliability: readonly (readonly ReliabilityValue[])[],
  level: MeasurementLevel,
  options: BootstrapOptions = {},
): BootstrapInterval {
  const coded = codeUnits(reliability, level);
  return bootstrapInterval(coded.units, (units) => alphaOfUnits(units, coded.values, level).alpha, options);
}

/** The distinct values (ascending numbers for the metric levels) and each pairable unit as value indices. */
interface CodedUnits {
  values: readonly (number | string)[];
  units: Int32Array[];
}

function codeUnits(
  reliability: readonly (readonly ReliabilityValue[])[],
  level: MeasurementLevel,
): CodedUnits {
  let unitCount = 0;
  const seen = new Map<number | string, number>();
  for (const row of reliability) {
    unitCount = Math.max(unitCount, row.length);
    for (const value of row) {
      if (value === null || value === undefined) continue;
      checkValue(value, level);
      if (!seen.has(value)) seen.set(value, seen.size);
    }
  }
  let values: (number | string)[] = [...seen.keys()];
  if (level !== 'nominal') {
    values = (values as number[]).sort((a, b) => a - b);
    values.forEach((value, index) => {
      seen.set(value, index);
    });
  }
  const units: Int32Array[] = [];
  const scratch = new Int32Array(reliability.length);
  for (let u = 0; u < unitCount; u += 1) {
    let count = 0;
    for (const row of reliability) {
      const value = row[u];
      if (value === null || value === undefined) continue;
      scratch[count] = seen.get(value) as number;
      count += 1;
    }
    if (count >= 2) units.push(scratch.slice(0, count));
  }
  return { values, units };
}

function checkValue(value: number | string, level: MeasurementLevel): void {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new RangeError(`krippendorffAlpha: ${value} is not a finite number`);
    if (level === 'ratio' && value < 0)
      throw new RangeError(`krippendorffAlpha: ratio values must be ≥ 0, got ${value}`);
  } else if (level !== 'nominal') {
    throw new RangeError(`krippendorffAlpha: ${level} data must be numbers, got ${JSON.stringify(value)}`);
  }
}

/**
 * α from the pairable units. It never builds the V × V coincidence matrix, so continuous interval or ratio
 * data with many distinct values stays cheap: the marginals n_c are each value's pairable count, and
 * Σ_ck o_ck δ²_ck is summed unit by unit (Krippendorff 2011, the "values by units" computation).
 */
function alphaOfUnits(
  units: readonly Int32Array[],
  values: readonly (number | string)[],
  level: MeasurementLevel,
): KrippendorffAlphaDetails {
  const marginal = new Float64Array(values.length);
  let n = 0;
  for (const unit of units) {
    for (const value of unit) marginal[value] = (marginal[value] as number) + 1;
    n += unit.length;
  }
  const { observed, expected } = disagreementSums(units, values, level, marginal, n);
  const observedDisagreement = n > 0 ? observed / n : 0;
  const expectedDisagreement = n > 1 ? expected / (n * (n - 1)) : 0;
  const alpha = expected > 0 ? 1 - ((n - 1) * observed) / expected : 1;
  return { alpha, observedDisagreement, expectedDisagreement, pairableValues: n, units: units.length };
}

/** Σ_ck o_ck δ²_ck (observed) and Σ_ck n_c n_k δ²_ck (expected) for the level. */
function disagreementSums(
  units: readonly Int32Array[],
  values: readonly (number | string)[],
  level: MeasurementLevel,
  marginal: Float64Array,
  n: number,
): { observed: number; expected: number } {
  switch (level) {
    case 'nominal':
      return { observed: nominalObserved(units, marginal.length), expected: nominalExpected(marginal, n) };
    case 'ratio':
      return {
        observed: ratioObserved(units, values as number[]),
        expected: ratioExpected(marginal, values as number[]),
      };
    case 'ordinal':
      return squaredDistance(units, midRanks(marginal), marginal, n);
    case 'interval':
      return squaredDistance(units, standardized(values as number[]), marginal, n);
  }
}

/**
 * The values mapped onto [0, 1] by (v − min) / (max − min). Interval alpha does not change under an affine
 * map, and squaring differences of tiny or huge values would underflow to 0 or overflow to ∞ otherwise.
 */
function standardized(values: readonly number[]): Float64Array {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const v of values) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const span = max - min;
  if (!(span > 0 && Number.isFinite(span))) return Float64Array.from(values);
  return Float64Array.from(values, (v) => (v - min) / span);
}

/** Nominal Σ o_ck δ² over c ≠ k: per unit, (m² − Σ_c n_uc²)/(m − 1) disagreeing ordered pairs, weighted. */
function nominalObserved(units: readonly Int32Array[], valueCount: number): number {
  const counts = new Float64Array(valueCount);
  let observed = 0;
  for (const unit of units) {
    let sameValuePairs = 0;
    for (const value of unit) {
      sameValuePairs += 2 * (counts[value] as number) + 1;
      counts[value] = (counts[value] as number) + 1;
    }
    observed += (unit.length * unit.length - sameValuePairs) / (unit.length - 1);
    for (const value of unit) counts[value] = 0;
  }
  return observed;
}

/** Nominal Σ n_c n_k δ² over c ≠ k = n² − Σ n_c². */
function nominalExpected(marginal: Float64Array, n: number): number {
  let same = 0;
  for (const count of marginal) same += count * count;
  return n * n - same;
}

/**
 * Interval (and ordinal, on mid-ranks) sums: with δ² = (p_c − p_k)², a set of m positions has
 * Σ_{i≠j} (p_i − p_j)² = 2m Σ_i (p_i − p̄)². Positions are taken relative to a reference value, so values
 * that agree give exactly zero.
 */
function squaredDistance(
  units: readonly Int32Array[],
  position: Float64Array,
  marginal: Float64Array,
  n: number,
): { observed: number; expected: number } {
  let observed = 0;
  for (const unit of units) {
    const reference = position[unit[0] as number] as number;
    let sum = 0;
    let sumSquares = 0;
    for (const value of unit) {
      const d = (position[value] as number) - reference;
      sum += d;
      sumSquares += d * d;
    }
    const m = unit.length;
    observed += (2 * (m * sumSquares - sum * sum)) / (m - 1);
  }
  let mean = 0;
  for (let c = 0; c < marginal.length; c += 1) mean += (marginal[c] as number) * (position[c] as number);
  mean = n > 0 ? mean / n : 0;
  let spread = 0;
  for (let c = 0; c < marginal.length; c += 1)
    spread += (marginal[c] as number) * ((position[c] as number) - mean) ** 2;
  return { observed: Math.max(0, observed), expected: 2 * n * spread };
}

/**
 * Krippendorff's ordinal difference (Σ_{g=c..k} n_g − (n_c + n_k)/2)² is the squared difference of the
 * values' mid-ranks r_c = Σ_{g<c} n_g + (n_c + 1)/2 among the pairable values (values in ascending order).
 */
export function midRanks(marginal: Float64Array): Float64Array {
  const ranks = new Float64Array(marginal.length);
  let below = 0;
  for (let c = 0; c < marginal.length; c += 1) {
    ranks[c] = below + ((marginal[c] as number) + 1) / 2;
    below += marginal[c] as number;
  }
  return ranks;
}

/** ((c − k)/(c + k))² for distinct non-negative values, so c + k > 0. */
function ratioDifference(c: number, k: number): number {
  return ((c - k) / (c + k)) ** 2;
}

/** Ratio Σ o_ck δ²: the distinct values of each unit, pair by pair (units hold few values). */
function ratioObserved(units: readonly Int32Array[], values: readonly number[]): number {
  const counts = new Float64Array(values.length);
  const present = new Int32Array(values.length);
  let observed = 0;
  for (const unit of units) {
    let distinct = 0;
    for (const value of unit) {
      if (counts[value] === 0) {
        present[distinct] = value;
        distinct += 1;
      }
      counts[value] = (counts[value] as number) + 1;
    }
    let sum = 0;
    for (let a = 0; a < distinct; a += 1) {
      const c = present[a] as number;
      for (let b = a + 1; b < distinct; b += 1) {
        const k = present[b] as number;
        sum +=
          2 *
          (counts[c] as number) *
          (counts[k] as number) *
          ratioDifference(values[c] as number, values[k] as number);
      }
    }
    observed += sum / (unit.length - 1);
    for (let a = 0; a < distinct; a += 1) counts[present[a] as number] = 0;
  }
  return observed;
}

/** Ratio Σ n_c n_k δ² over the values that occur, in O(V²) time and O(V) memory. */
function ratioExpected(marginal: Float64Array, values: readonly number[]): number {
  let expected = 0;
  for (let c = 0; c < marginal.length; c += 1) {
    const nc = marginal[c] as number;
    if (nc === 0) continue;
    for (let k = c + 1; k < marginal.length; k += 1) {
      const nk = marginal[k] as number;
      if (nk !== 0) expected += 2 * nc * nk * ratioDifference(values[c] as number, values[k] as number);
    }
  }
  return expected;
}
