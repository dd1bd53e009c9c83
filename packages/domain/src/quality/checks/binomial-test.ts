/**
 * R's relative tolerance in `binom.test`: outcomes whose probability is within this factor of the
 * observed one count as "no more likely", so rounding in the probabilities does not drop an outcome that
 * is exactly as likely as the observed one (the mirror image under p = 0.5, for instance).
 */
const RELATIVE_TOLERANCE = 1 + 1e-7;

/** A tail term this much smaller than the running sum no longer changes it (the tail decays geometrically). */
const NEGLIGIBLE = 1e-18;

const LN_2PI = Math.log(2 * Math.PI);
const LN_SQRT_2PI = 0.5 * LN_2PI;

/**
 * Exact two-sided binomial test, as R's `binom.test(successes, trials, p)`: the probability, under
 * Binomial(trials, p), of every outcome no more likely than the observed one (within a relative
 * tolerance of 1e-7, as R does), capped at 1.
 *
 * The quality checks use it to ask whether an annotator's rate (picking the option shown first, picking
 * the longer response) could plausibly be the rate an unbiased annotator would show. It is exact rather
 * than a normal approximation because the counts per annotator are often small.
 *
 * Probabilities are computed in log space with Catherine Loader's saddle-point expansion ("Fast and
 * accurate computation of binomial probabilities", 2000 — the method of R's `dbinom`), which stays
 * accurate to about 1e-14 relative without overflow for any number of trials. Only the tail terms that
 * still change the sum are visited, so even 1e6 trials cost at most one pass.
 *
 * Degenerate input: 0 trials gives 1 (nothing observed, nothing to reject); p = 0 or p = 1 gives 1 when
 * the observation is the only possible outcome and 0 otherwise. A p-value too small for a double
 * (below about 1e-308) is 0.
 *
 * @param successes Observed successes, an integer in [0, trials].
 * @param trials Number of trials, a non-negative integer.
 * @param p Success probability under the null hypothesis, in [0, 1]; default 0.5.
 * @returns The p-value, in [0, 1].
 * @throws RangeError when the counts are not integers in range or `p` is outside [0, 1].
 * @example
 * binomialTest(7, 10); // 0.34375 (R: binom.test(7, 10))
 * binomialTest(682, 925, 0.75); // 0.3825 (R's documentation example)
 */
export function binomialTest(successes: number, trials: number, p = 0.5): number {
  if (!(Number.isInteger(trials) && trials >= 0))
    throw new RangeError(`binomialTest: trials must be a non-negative integer, got ${trials}`);
  if (!(Number.isInteger(successes) && successes >= 0 && successes <= trials))
    throw new RangeError(`binomialTest: successes must be an integer in [0, ${trials}], got ${successes}`);
  if (!(p >= 0 && p <= 1)) throw new RangeError(`binomialTest: p must be in [0, 1], got ${p}`);
  if (trials === 0) return 1;
  const n = trials;
  const x = successes;
  const mean = n * p;
  if (x === mean) return 1;
  const probability = (k: number): number => binomialProbability(k, n, p);
  const threshold = probability(x) * RELATIVE_TOLERANCE;
  const atMost = (k: number): boolean => probability(k) <= threshold;

  // The probabilities rise up to the mode and fall after it, and the mode lies between floor(np) and
  // ceil(np). So the outcomes as unlikely as x form x's own tail plus one tail on the other side of the
  // mean, found by bisection.
  if (x < mean) {
    let low = Math.ceil(mean);
    let high = n + 1;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (atMost(middle)) high = middle;
      else low = middle + 1;
    }
    return Math.min(1, sumDownFrom(x, probability) + sumUpFrom(low, n, probability));
  }
  let low = -1;
  let high = Math.floor(mean);
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (atMost(middle)) low = middle;
    else high = middle - 1;
  }
  return Math.min(1, sumUpFrom(x, n, probability) + sumDownFrom(low, probability));
}

/** Σ_{k = from..0} P(k), stopping once the terms no longer matter. `from` = −1 gives 0. */
function sumDownFrom(from: number, probability: (k: number) => number): number {
  let total = 0;
  for (let k = from; k >= 0; k -= 1) {
    const term = probability(k);
    total += term;
    if (term === 0 || term < total * NEGLIGIBLE) break;
  }
  return total;
}

/** Σ_{k = from..n} P(k), stopping once the terms no longer matter. `from` = n + 1 gives 0. */
function sumUpFrom(from: number, n: number, probability: (k: number) => number): number {
  let total = 0;
  for (let k = from; k <= n; k += 1) {
    const term = probability(k);
    total += term;
    if (term === 0 || term < total * NEGLIGIBLE) break;
  }
  return total;
}

/**
 * P(X = x) for X ~ Binomial(n, p), by Loader's method (R's `dbinom_raw`):
 * exp(stirlerr(n) − stirlerr(x) − stirlerr(n − x) − bd0(x, np) − bd0(n − x, nq)) · √(n / (2π x (n − x))).
 * Symmetric parts are added before they are subtracted so that P(x) and P(n − x) are bitwise equal when
 * p = 1/2.
 */
function binomialProbability(x: number, n: number, p: number): number {
  const q = 1 - p;
  if (p === 0) return x === 0 ? 1 : 0;
  if (q === 0) return x === n ? 1 : 0;
  if (x === 0) return Math.exp(p < 0.1 ? -deviance(n, n * q) - n * p : n * Math.log(q));
  if (x === n) return Math.exp(q < 0.1 ? -deviance(n, n * p) - n * q : n * Math.log(p));
  const y = n - x;
  const logCore =
    stirlingError(n) - (stirlingError(x) + stirlingError(y)) - (deviance(x, n * p) + deviance(y, n * q));
  const logScale = LN_2PI + (Math.log(x) + Math.log(y)) - Math.log(n);
  return Math.exp(logCore - 0.5 * logScale);
}

/**
 * The error of Stirling's formula in log space, log(n!) − ((n + ½) log n − n + log √(2π)), for an integer
 * n ≥ 1: exactly from n! for n ≤ 15 (n! is exact in a double there), else by its asymptotic series.
 */
function stirlingError(n: number): number {
  if (n <= 15) {
    let factorial = 1;
    for (let i = 2; i <= n; i += 1) factorial *= i;
    return Math.log(factorial) - (n + 0.5) * Math.log(n) + n - LN_SQRT_2PI;
  }
  const s0 = 1 / 12;
  const s1 = 1 / 360;
  const s2 = 1 / 1260;
  const s3 = 1 / 1680;
  const s4 = 1 / 1188;
  const nn = n * n;
  if (n > 500) return (s0 - s1 / nn) / n;
  if (n > 80) return (s0 - (s1 - s2 / nn) / nn) / n;
  if (n > 35) return (s0 - (s1 - (s2 - s3 / nn) / nn) / nn) / n;
  return (s0 - (s1 - (s2 - (s3 - s4 / nn) / nn) / nn) / nn) / n;
}

/**
 * Loader's deviance term bd0(x, μ) = x log(x/μ) + μ − x, by a series when x is close to μ (where the
 * direct formula loses every digit to cancellation).
 */
function deviance(x: number, mu: number): number {
  if (Math.abs(x - mu) < 0.1 * (x + mu)) {
    let v = (x - mu) / (x + mu);
    let sum = (x - mu) * v;
    let term = 2 * x * v;
    v *= v;
    for (let j = 1; j < 1000; j += 1) {
      term *= v;
      const next = sum + term / (2 * j + 1);
      if (next === sum) return next;
      sum = next;
    }
    return sum;
  }
  return x * Math.log(x / mu) + mu - x;
}
