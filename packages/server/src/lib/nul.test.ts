import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonHasNul, urlEncodedHasNul } from './nul.ts';

function decodesToNul(value: unknown): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (Array.isArray(value)) return value.some(decodesToNul);
  if (value && typeof value === 'object') {
    return Object.entries(value).some(([k, v]) => k.includes('\u0000') || decodesToNul(v));
  }
  return false;
}

describe('jsonHasNul', () => {
  it('agrees with decoding for any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.string({ unit: 'binary' }), (value, extra) => {
        const text = JSON.stringify({ value, extra });
        expect(jsonHasNul(text)).toBe(decodesToNul(JSON.parse(text)));
      }),
      { numRuns: 500 },
    );
  });

  it('tells an escaped backslash before u0000 from a NUL escape', () => {
    expect(jsonHasNul(JSON.stringify({ a: 'x\u0000' }))).toBe(true);
    expect(jsonHasNul(JSON.stringify({ a: '\\u0000' }))).toBe(false);
    expect(jsonHasNul(JSON.stringify({ a: '\\\u0000' }))).toBe(true);
  });
});

describe('urlEncodedHasNul', () => {
  it('finds %00 in any case', () => {
    expect(urlEncodedHasNul('/v1/projects/a%00b')).toBe(true);
    expect(urlEncodedHasNul('a=%00')).toBe(true);
    expect(urlEncodedHasNul('/v1/projects/a%2500b')).toBe(false);
  });
});
