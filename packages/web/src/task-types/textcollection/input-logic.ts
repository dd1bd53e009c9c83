/** Pure logic behind the text-collection inputs: character counts and number steps. */

/** Counts characters as the domain does: Unicode code points, so an emoji counts once. */
export function characterCount(text: string): number {
  return [...text].length;
}

function decimals(step: number): number {
  const text = String(step);
  const exponent = /e-(\d+)$/.exec(text);
  if (exponent) return Number(exponent[1]);
  return text.includes('.') ? (text.split('.')[1]?.length ?? 0) : 0;
}

/**
 * The value one step up or down from `text` on the field's grid (`min + k·step`), kept within its range;
 * `text` unchanged when it is not a number.
 */
export function stepNumber(
  text: string,
  direction: 1 | -1,
  limits: { min?: number | undefined; max?: number | undefined; step?: number | undefined },
): string {
  const step = limits.step ?? 1;
  const base = limits.min ?? 0;
  const trimmed = text.trim();
  const current = trimmed === '' ? undefined : Number(trimmed);
  if (current !== undefined && !Number.isFinite(current)) return text;
  // The highest grid point not above max: max itself may lie between two grid points.
  const top =
    limits.max === undefined ? undefined : base + Math.floor((limits.max - base) / step + 1e-9) * step;
  let next: number;
  if (current === undefined) next = direction === 1 ? base : (top ?? base);
  else {
    const position = (current - base) / step;
    const onGrid = Math.abs(position - Math.round(position)) < 1e-9;
    const steps = onGrid
      ? Math.round(position) + direction
      : direction === 1
        ? Math.ceil(position)
        : Math.floor(position);
    next = base + steps * step;
  }
  if (top !== undefined && next > top) next = top;
  if (limits.min !== undefined && next < limits.min) next = limits.min;
  const places = Math.min(15, Math.max(decimals(step), decimals(base)));
  return String(Number(next.toFixed(places)));
}
