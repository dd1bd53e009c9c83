import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { characterCount, stepNumber } from './input-logic.ts';

describe('stepNumber', () => {
  it('steps on the grid anchored at min', () => {
    expect(stepNumber('1', 1, { min: 0.5, step: 1 })).toBe('1.5');
    expect(stepNumber('1.5', 1, { min: 0.5, step: 1 })).toBe('2.5');
    expect(stepNumber('1.5', -1, { min: 0.5, step: 1 })).toBe('0.5');
  });

  it('avoids binary floating-point noise', () => {
    expect(stepNumber('0.2', 1, { step: 0.1 })).toBe('0.3');
  });

  it('starts from min going up and from the highest grid point going down when empty', () => {
    expect(stepNumber('', 1, { min: 3, max: 10, step: 2 })).toBe('3');
    expect(stepNumber('', -1, { min: 3, max: 10, step: 2 })).toBe('9');
  });

  it('stays within the range and on the grid', () => {
    expect(stepNumber('9', 1, { min: 3, max: 10, step: 2 })).toBe('9');
    expect(stepNumber('3', -1, { min: 3, max: 10, step: 2 })).toBe('3');
  });

  it('leaves text that is not a number alone', () => {
    expect(stepNumber('abc', 1, {})).toBe('abc');
  });

  it('always lands on an allowed value', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -50, max: 50 }),
        fc.integer({ min: 1, max: 40 }),
        fc.constantFrom(0.25, 0.5, 1, 3),
        fc.integer({ min: -200, max: 200 }),
        fc.constantFrom(1 as const, -1 as const),
        (min, span, step, start, direction) => {
          const max = min + span;
          const next = Number(stepNumber(String(start / 4), direction, { min, max, step }));
          expect(next).toBeGreaterThanOrEqual(min);
          expect(next).toBeLessThanOrEqual(max);
          const position = (next - min) / step;
          expect(Math.abs(position - Math.round(position))).toBeLessThan(1e-9);
        },
      ),
    );
  });
});

describe('characterCount', () => {
  it('counts an emoji once, as the domain does', () => {
    expect(characterCount('a😀')).toBe(2);
  });
});
