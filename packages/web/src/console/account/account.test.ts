import { describe, expect, it } from 'vitest';
import {
  describeUserAgent,
  groupSecret,
  type LoginSessionRow,
  recoveryCodesText,
  sortSessions,
} from './account.ts';

function session(overrides: Partial<LoginSessionRow> = {}): LoginSessionRow {
  return {
    id: 's',
    createdAt: '2026-01-01T00:00:00.000Z',
    lastSeenAt: '2026-01-01T00:00:00.000Z',
    expiresAt: '2026-01-08T00:00:00.000Z',
    ip: '127.0.0.1',
    userAgent: null,
    current: false,
    ...overrides,
  };
}

describe('describeUserAgent', () => {
  it('names common browsers and systems', () => {
    expect(describeUserAgent('Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0')).toBe(
      'Firefox on Linux',
    );
    expect(
      describeUserAgent(
        'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36',
      ),
    ).toBe('Chrome on macOS');
    expect(
      describeUserAgent(
        'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36 Edg/126.0',
      ),
    ).toBe('Edge on Windows');
    expect(
      describeUserAgent(
        'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
      ),
    ).toBe('Safari on iOS');
  });
  it('says so when there is none, and cuts unknown long ones', () => {
    expect(describeUserAgent(null)).toBe('Unknown browser');
    expect(describeUserAgent('  ')).toBe('Unknown browser');
    expect(describeUserAgent('my-script/1.0')).toBe('my-script/1.0');
    const long = 'x'.repeat(60);
    expect(describeUserAgent(long)).toBe(`${'x'.repeat(39)}…`);
  });
});

describe('sortSessions', () => {
  it('puts the current session first, then the most recently used', () => {
    const sorted = sortSessions([
      session({ id: 'old', lastSeenAt: '2026-01-01T00:00:00.000Z' }),
      session({ id: 'recent', lastSeenAt: '2026-01-03T00:00:00.000Z' }),
      session({ id: 'me', lastSeenAt: '2026-01-02T00:00:00.000Z', current: true }),
    ]);
    expect(sorted.map((s) => s.id)).toEqual(['me', 'recent', 'old']);
  });
  it('keeps an empty list empty', () => {
    expect(sortSessions([])).toEqual([]);
  });
});

describe('recovery codes and secrets', () => {
  it('writes the codes one a line under a heading', () => {
    expect(recoveryCodesText(['a-b', 'c-d'], 'ana@example.com')).toBe(
      'Groundwork recovery codes for ana@example.com\nEach code works once.\n\na-b\nc-d\n',
    );
  });
  it('groups a secret by four characters', () => {
    expect(groupSecret('ABCDEFGHIJ')).toBe('ABCD EFGH IJ');
    expect(groupSecret('ABCD')).toBe('ABCD');
    expect(groupSecret('')).toBe('');
  });
});
