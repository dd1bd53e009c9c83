import { describe, expect, it } from 'vitest';
import {
  type ApiKeyRow,
  countActiveKeys,
  duplicateKeyName,
  keyEndLabel,
  keyNameProblem,
  keyState,
  maskedKey,
  sortApiKeys,
} from './api-keys.ts';

function key(overrides: Partial<ApiKeyRow> = {}): ApiKeyRow {
  return {
    id: 'k',
    name: 'CI',
    environment: 'live',
    prefix: 'live_abcd',
    createdAt: '2026-01-01T00:00:00.000Z',
    lastUsedAt: null,
    revokedAt: null,
    expiresAt: null,
    replacedBy: null,
    ...overrides,
  };
}

describe('sortApiKeys', () => {
  it('puts active keys first, newest first, then revoked ones, latest revoked first', () => {
    const sorted = sortApiKeys([
      key({ id: 'old', createdAt: '2026-01-01T00:00:00.000Z' }),
      key({ id: 'revoked-early', revokedAt: '2026-02-01T00:00:00.000Z' }),
      key({ id: 'new', createdAt: '2026-03-01T00:00:00.000Z' }),
      key({ id: 'revoked-late', revokedAt: '2026-04-01T00:00:00.000Z' }),
    ]);
    expect(sorted.map((k) => k.id)).toEqual(['new', 'old', 'revoked-late', 'revoked-early']);
  });
  it('keeps an empty list empty', () => {
    expect(sortApiKeys([])).toEqual([]);
  });
});

describe('countActiveKeys', () => {
  it('counts the active keys of each environment', () => {
    expect(
      countActiveKeys([
        key({ id: '1' }),
        key({ id: '2', environment: 'test' }),
        key({ id: '3', revokedAt: '2026-02-01T00:00:00.000Z' }),
      ]),
    ).toEqual({ live: 1, test: 1 });
  });
});

describe('key names', () => {
  it('needs 1 to 100 characters after trimming', () => {
    expect(keyNameProblem('  ')).toMatch(/name/);
    expect(keyNameProblem('x'.repeat(100))).toBeNull();
    expect(keyNameProblem('x'.repeat(101))).toBe('Use at most 100 characters.');
  });
  it('warns about a name an active key has, any case, but not a revoked one', () => {
    const keys = [key({ name: 'CI' }), key({ id: '2', name: 'Old', revokedAt: '2026-02-01T00:00:00.000Z' })];
    expect(duplicateKeyName(' ci ', keys)).toBe(true);
    expect(duplicateKeyName('old', keys)).toBe(false);
    expect(duplicateKeyName('', keys)).toBe(false);
  });
  it('masks a key after its prefix', () => {
    expect(maskedKey('live_abcd')).toBe('live_abcd…');
  });
});

describe('rotated keys', () => {
  const now = Date.parse('2026-06-01T12:00:00.000Z');
  const rotated = (expiresAt: string) => key({ expiresAt, replacedBy: 'k2' });

  it('works until its overlap ends, then is stopped', () => {
    expect(keyState(key(), now)).toBe('active');
    expect(keyState(rotated('2026-06-01T12:42:00.000Z'), now)).toBe('expiring');
    expect(keyState(rotated('2026-06-01T12:00:00.000Z'), now)).toBe('expired');
    expect(
      keyState(key({ revokedAt: '2026-05-01T00:00:00.000Z', expiresAt: '2026-07-01T00:00:00.000Z' }), now),
    ).toBe('revoked');
  });

  it('says when it stops working', () => {
    expect(keyEndLabel(key(), now)).toBeNull();
    expect(keyEndLabel(rotated('2026-06-01T12:42:00.000Z'), now)).toBe('Stops working in 42 min');
    expect(keyEndLabel(rotated('2026-06-01T09:00:00.000Z'), now)).toBe('Stopped working 3 h ago');
  });

  it('counts a key inside its overlap as active, and a stopped one not', () => {
    const keys = [
      key({ id: 'a' }),
      rotated('2026-06-01T13:00:00.000Z'),
      key({ id: 'c', environment: 'test', expiresAt: '2026-06-01T11:00:00.000Z' }),
    ];
    expect(countActiveKeys(keys, now)).toEqual({ live: 2, test: 0 });
  });

  it('sorts stopped keys after working ones, latest stopped first', () => {
    const sorted = sortApiKeys(
      [
        key({ id: 'expired-early', expiresAt: '2026-05-01T00:00:00.000Z' }),
        key({ id: 'working', createdAt: '2026-01-02T00:00:00.000Z' }),
        key({ id: 'revoked-late', revokedAt: '2026-05-20T00:00:00.000Z' }),
        key({ id: 'overlap', createdAt: '2026-01-01T00:00:00.000Z', expiresAt: '2026-06-02T00:00:00.000Z' }),
      ],
      now,
    );
    expect(sorted.map((k) => k.id)).toEqual(['working', 'overlap', 'revoked-late', 'expired-early']);
  });
});
