import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonHasNul, unstorableJson, urlEncodedHasNul } from './nul.ts';

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

describe('unstorableJson', () => {
  it('refuses unpaired surrogates in values and keys, and accepts pairs', () => {
    expect(unstorableJson(JSON.stringify({ a: 'x\ud800' }))).toContain('surrogate');
    expect(unstorableJson(JSON.stringify({ '\udc00': 1 }))).toContain('surrogate');
    expect(unstorableJson(JSON.stringify({ a: '😀 \ud83d\ude00' }))).toBeNull();
    expect(unstorableJson(JSON.stringify({ a: '\\ud800' }))).toBeNull();
    expect(unstorableJson(JSON.stringify({ a: 'ok' }))).toBeNull();
  });

  it('agrees with decoding for any JSON text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }), (a, b) => {
        const text = JSON.stringify({ a, b });
        const storable =
          !a.includes('\u0000') && !b.includes('\u0000') && a.isWellFormed() && b.isWellFormed();
        expect(unstorableJson(text) === null).toBe(storable);
      }),
      { numRuns: 500 },
    );
  });
});
