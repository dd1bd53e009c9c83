const EPSILON = 1e-9;

/** Whether `value` lies on the grid `base + k·step` (with a tolerance for binary floating point). */
export function isOnStep(value: number, step: number, base = 0): boolean {
  const ratio = (value - base) / step;
  return Math.abs(ratio - Math.round(ratio)) <= EPSILON * Math.max(1, Math.abs(ratio));
}

/** Numeric limits of an input: inclusive `min`/`max` and a `step` grid anchored at `min` (or 0). */
export interface NumberLimits {
  /** Smallest allowed value. */
  min?: number | undefined;
  /** Largest allowed value. */
  max?: number | undefined;
  /** Allowed increments, anchored at `min` (or 0 when there is no min). */
  step?: number | undefined;
}

/** Why `value` breaks `limits`, or undefined when it fits. */
export function numberProblem(value: number, limits: NumberLimits): string | undefined {
  if (!Number.isFinite(value)) return 'expected a finite number';
  if (limits.min !== undefined && value < limits.min) return `expected a number ≥ ${limits.min}`;
  if (limits.max !== undefined && value > limits.max) return `expected a number ≤ ${limits.max}`;
  if (limits.step !== undefined && !isOnStep(value, limits.step, limits.min ?? 0)) {
    return `expected a multiple of ${limits.step}${limits.min ? ` from ${limits.min}` : ''}`;
  }
  return undefined;
}

/** A value within `limits`: the min when there is one, else 0 or the highest grid point not above max. */
export function placeholderNumber(limits: NumberLimits): number {
  if (limits.min !== undefined) return limits.min;
  if (limits.max === undefined || limits.max >= 0) return 0;
  if (limits.step === undefined) return limits.max;
  const steps = Math.floor(limits.max / limits.step);
  // Rounding can land a hair above max; the next grid point down is then the answer.
  return steps * limits.step <= limits.max ? steps * limits.step : (steps - 1) * limits.step;
}

/** Whether min ≤ max when both are set. */
export function limitsOrdered(limits: NumberLimits): boolean {
  return limits.min === undefined || limits.max === undefined || limits.min <= limits.max;
}
