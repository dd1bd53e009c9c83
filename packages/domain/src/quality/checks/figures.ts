/**
 * Small helpers shared by the quality checks: how figures read in a flag's `reason`, and the options
 * every check validates the same way.
 */

/** A share as a whole percentage for a reason sentence: 0.953 → "95%". */
export function formatPercent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

/** A p-value for a reason sentence: two significant digits, "p < 1e-300" below what a double holds. */
export function formatPValue(pValue: number): string {
  if (pValue === 0) return 'p < 1e-300';
  return pValue < 0.001 ? `p = ${pValue.toExponential(1)}` : `p = ${Number(pValue.toPrecision(2))}`;
}

/** Throws a RangeError unless `value` is a probability strictly between 0 and 1. */
export function checkOpenUnit(name: string, value: number): void {
  if (!(value > 0 && value < 1)) throw new RangeError(`${name} must be in (0, 1), got ${value}`);
}

/** Throws a RangeError unless `value` is a non-negative integer. */
export function checkCount(name: string, value: number): void {
  if (!(Number.isInteger(value) && value >= 0))
    throw new RangeError(`${name} must be a non-negative integer, got ${value}`);
}

/** Code-unit order of worker ids, so results never depend on the order of the input. */
export function byId(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Median of a non-empty list (mean of the two middle values for an even count); 0 for an empty list. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = Float64Array.from(values).sort();
  const middle = sorted.length >>> 1;
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}
