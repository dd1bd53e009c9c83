import { describe, expect, it } from 'vitest';
import { mulberry32 } from './random.ts';

describe('mulberry32', () => {
  it('repeats its stream for a seed and differs between seeds', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const first = [a(), a(), a()];
    expect([b(), b(), b()]).toEqual(first);
    expect(first[0]).toBe(0.6011037519201636);
    expect(mulberry32(43)()).not.toBe(first[0]);
    expect(mulberry32(42 + 2 ** 32)()).toBe(first[0]);
  });

  it('draws uniformly from [0, 1)', () => {
    const next = mulberry32(7);
    const buckets = new Array<number>(10).fill(0);
    for (let i = 0; i < 100_000; i += 1) {
      const u = next();
      expect(u >= 0 && u < 1).toBe(true);
      buckets[Math.floor(u * 10)]! += 1;
    }
    for (const count of buckets) expect(Math.abs(count - 10_000)).toBeLessThan(400);
  });
});
