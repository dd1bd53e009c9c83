import { describe, expect, it } from 'vitest';
import {
  generateRecoveryCode,
  hashRecoveryCode,
  type LoginChallenge,
  signChallenge,
  totpOf,
  verifyChallenge,
} from './account-totp.ts';

/** RFC 6238 appendix B: the SHA-1 secret is the ASCII "12345678901234567890" (here in base32). */
const RFC_SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';

describe('totpOf', () => {
  it('computes the RFC 6238 test vectors (last 6 of the 8 digits)', () => {
    expect(totpOf(RFC_SECRET).generate({ timestamp: 59_000 })).toBe('287082');
    expect(totpOf(RFC_SECRET).generate({ timestamp: 1_111_111_109_000 })).toBe('081804');
    expect(totpOf(RFC_SECRET).generate({ timestamp: 2_000_000_000_000 })).toBe('279037');
  });
  it('accepts a code one step either side and nothing further', () => {
    const totp = totpOf(RFC_SECRET);
    const code = totp.generate({ timestamp: 59_000 });
    expect(totp.validate({ token: code, timestamp: 59_000 + 30_000, window: 1 })).toBe(-1);
    expect(totp.validate({ token: code, timestamp: 59_000 - 30_000, window: 1 })).toBe(1);
    expect(totp.validate({ token: code, timestamp: 59_000 + 60_000, window: 1 })).toBeNull();
  });
});

describe('recovery codes', () => {
  it('are 128 random bits in four groups of 8 hex digits, all different', () => {
    const codes = Array.from({ length: 50 }, generateRecoveryCode);
    for (const code of codes) expect(code).toMatch(/^[0-9a-f]{8}(-[0-9a-f]{8}){3}$/);
    expect(new Set(codes).size).toBe(50);
  });
  it('hash the same whatever the case and separators, and differ from each other', () => {
    const code = '0123abcd-4567ef01-89abcdef-01234567';
    const hash = hashRecoveryCode(code);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hashRecoveryCode(code.toUpperCase())).toBe(hash);
    expect(hashRecoveryCode(code.replaceAll('-', ''))).toBe(hash);
    expect(hashRecoveryCode(` ${code.replaceAll('-', ' ')} `)).toBe(hash);
    expect(hashRecoveryCode('1123abcd-4567ef01-89abcdef-01234567')).not.toBe(hash);
  });
  it('refuses what cannot be a code (empty, short, not hex)', () => {
    expect(hashRecoveryCode('')).toBeNull();
    expect(hashRecoveryCode('0123abcd')).toBeNull();
    expect(hashRecoveryCode('zzzzzzzz-4567ef01-89abcdef-01234567')).toBeNull();
  });
});

describe('sign-in challenges', () => {
  const key = Buffer.alloc(32, 7);
  const challenge: LoginChallenge = { userId: 'u1', orgId: 'o1', expiresAt: 1_800_000_000_000, nonce: 'n1' };

  it('read back what was signed', () => {
    expect(verifyChallenge(key, signChallenge(key, challenge))).toEqual(challenge);
  });
  it('refuse another key, a changed body, a changed signature and junk', () => {
    const token = signChallenge(key, challenge);
    expect(verifyChallenge(Buffer.alloc(32, 8), token)).toBeNull();
    const [body, mac] = token.split('.') as [string, string];
    const forged = Buffer.from(
      JSON.stringify({ u: 'admin', o: 'o1', e: 1_800_000_000_000, n: 'n1' }),
    ).toString('base64url');
    expect(verifyChallenge(key, `${forged}.${mac}`)).toBeNull();
    expect(verifyChallenge(key, `${body}.${mac.slice(0, -2)}AA`)).toBeNull();
    expect(verifyChallenge(key, '')).toBeNull();
    expect(verifyChallenge(key, 'a.b.c')).toBeNull();
    expect(verifyChallenge(key, `${body}`)).toBeNull();
  });
});
