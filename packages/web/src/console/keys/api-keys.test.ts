import { describe, expect, it } from 'vitest';
import {
  type ApiKeyRow,
  countActiveKeys,
  duplicateKeyName,
  keyNameProblem,
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
