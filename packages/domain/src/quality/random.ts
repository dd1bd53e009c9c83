/**
 * A tiny seeded pseudo-random number generator (Tommy Ettinger's mulberry32).
 *
 * The quality engine never uses `Math.random`: anything random (synthetic crowds, bootstrap resamples,
 * random restarts) takes a seed so results and tests are reproducible. mulberry32 has a 32-bit state,
 * period 2^32, passes gjrand/PractRand for the sample sizes we use, and costs a few integer ops per draw.
 *
 * @param seed Any number; it is truncated to an unsigned 32-bit integer, so `seed` and `seed + 2 ** 32`
 *   give the same stream.
 * @returns A function that returns the next float, uniform in [0, 1), on each call.
 *
 * @example
 * const next = mulberry32(42);
 * const u = next(); // 0 <= u < 1, the same value on every run
 */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
