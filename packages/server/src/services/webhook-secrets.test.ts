import { describe, expect, it } from 'vitest';
import { randomSecret } from '../lib/crypto.ts';
import { maskSecret } from './webhook-secrets.ts';

describe('maskSecret', () => {
  it('keeps the prefix and the last four characters', () => {
    expect(maskSecret('whsec_abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG')).toBe('whsec_…DEFG');
    expect(maskSecret('cba_0123456789abcdefghijklmnopqrstu')).toBe('cba_…rstu');
  });

  it('hides everything of a value too short to keep secret otherwise', () => {
    expect(maskSecret('cba_short')).toBe('cba_…');
    expect(maskSecret('')).toBe('…');
    expect(maskSecret('nounderscor')).toBe('…');
    expect(maskSecret('nounderscore')).toBe('…core');
  });

  it('never shows more than the prefix and four characters of a generated secret', () => {
    for (let i = 0; i < 20; i++) {
      const secret = randomSecret('whsec_', 32);
      const masked = maskSecret(secret);
      expect(masked).toBe(`whsec_…${secret.slice(-4)}`);
      expect(masked.length).toBe('whsec_…'.length + 4);
    }
  });
});
