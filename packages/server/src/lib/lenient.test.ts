import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lenientBoolean, parseLenientDate, stringList } from './lenient.ts';

describe('parseLenientDate', () => {
  it.each([
    ['2020-09-08', '2020-09-08T00:00:00.000Z'],
    ['2020-09-08 10:11:12.123456', '2020-09-08T10:11:12.123Z'],
    ['2020-09-08T10:11:12.123Z', '2020-09-08T10:11:12.123Z'],
    ['2024-01-02T03:04:05.000000+0000', '2024-01-02T03:04:05.000Z'],
    ['2024-01-02T03:04:05+02:00', '2024-01-02T01:04:05.000Z'],
    ['2024-01-02T03:04:05', '2024-01-02T03:04:05.000Z'],
  ])('reads %s', (input, iso) => {
    expect(parseLenientDate(input)?.toISOString()).toBe(iso);
  });

  it.each(['yesterday', '2020-13-01', '2020-02-30', '', '2020-01-01T25:00:00Z'])('refuses %j', (input) => {
    expect(parseLenientDate(input)).toBeNull();
  });

  it('round-trips every toISOString()', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1970-01-01'), max: new Date('9999-12-31'), noInvalidDate: true }),
        (d) => {
          expect(parseLenientDate(d.toISOString())?.getTime()).toBe(d.getTime());
        },
      ),
    );
  });
});

describe('lenientBoolean', () => {
  it('accepts Python spellings', () => {
    expect(lenientBoolean.parse('True')).toBe(true);
    expect(lenientBoolean.parse('False')).toBe(false);
    expect(lenientBoolean.parse(true)).toBe(true);
    expect(lenientBoolean.safeParse('maybe').success).toBe(false);
  });
});

describe('stringList', () => {
  it('reads repeated and comma-joined values', () => {
    expect(stringList.parse(['a', 'b,c'])).toEqual(['a', 'b', 'c']);
    expect(stringList.parse('x')).toEqual(['x']);
    expect(stringList.parse(undefined)).toBeUndefined();
  });
});
