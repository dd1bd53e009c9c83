import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type DigitBuffer, isReservedKey, readDigit } from './keys.ts';

function type(keys: string, max: number): number[] {
  let buffer: DigitBuffer = { digits: '' };
  const chosen: number[] = [];
  let pending: number | null = null;
  for (const key of keys) {
    const reading = readDigit(buffer, key, max);
    buffer = reading.buffer;
    chosen.push(...reading.commits);
    pending = reading.pending;
  }
  if (pending !== null) chosen.push(pending);
  return chosen;
}

describe('readDigit', () => {
  it('acts on every digit at once up to 9 choices', () => {
    expect(readDigit({ digits: '' }, '3', 7)).toEqual({
      buffer: { digits: '' },
      commits: [3],
      pending: null,
    });
    expect(type('1280', 9)).toEqual([1, 2, 8]);
  });

  it('reads two-digit choices, waiting only on digits that can grow', () => {
    expect(readDigit({ digits: '' }, '1', 20)).toEqual({ buffer: { digits: '1' }, commits: [], pending: 1 });
    expect(readDigit({ digits: '' }, '3', 20)).toEqual({
      buffer: { digits: '' },
      commits: [3],
      pending: null,
    });
    expect(type('20', 20)).toEqual([20]);
    expect(type('15', 20)).toEqual([15]);
    expect(type('25', 20)).toEqual([2, 5]);
    expect(type('1', 11)).toEqual([1]);
    expect(type('11', 11)).toEqual([11]);
    expect(type('0', 20)).toEqual([]);
  });

  it('only ever chooses numbers from 1 to max', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9]{0,8}$/), fc.integer({ min: 1, max: 30 }), (keys, max) => {
        for (const value of type(keys, max)) {
          expect(value).toBeGreaterThanOrEqual(1);
          expect(value).toBeLessThanOrEqual(max);
        }
      }),
    );
  });

  it('ignores keys that are not digits', () => {
    expect(readDigit({ digits: '1' }, 'x', 20)).toEqual({
      buffer: { digits: '1' },
      commits: [],
      pending: null,
    });
  });
});

describe('isReservedKey', () => {
  const key = (k: string, mods: Partial<Record<'ctrlKey' | 'metaKey' | 'shiftKey', boolean>> = {}) => ({
    key: k,
    ctrlKey: false,
    metaKey: false,
    shiftKey: false,
    ...mods,
  });
  it('keeps the loop’s keys and nothing else', () => {
    expect(isReservedKey(key('Enter', { ctrlKey: true }))).toBe(true);
    expect(isReservedKey(key('S', { metaKey: true, shiftKey: true }))).toBe(true);
    expect(isReservedKey(key('i', { ctrlKey: true }))).toBe(true);
    expect(isReservedKey(key('?', { shiftKey: true }))).toBe(true);
    expect(isReservedKey(key('Enter'))).toBe(false);
    expect(isReservedKey(key('s', { ctrlKey: true }))).toBe(false);
    expect(isReservedKey(key('z', { ctrlKey: true }))).toBe(false);
  });
});
