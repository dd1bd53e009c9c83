import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatBytes,
  formatCount,
  formatDate,
  formatDateTime,
  formatDuration,
  formatPercent,
  formatRelative,
  formatShare,
  formatWhen,
} from './format.ts';

const NOW = Date.parse('2026-11-26T12:00:00.000Z');

describe('formatRelative', () => {
  it('says just now within 10 seconds either way', () => {
    expect(formatRelative('2026-11-26T11:59:51.000Z', NOW)).toBe('just now');
    expect(formatRelative('2026-11-26T12:00:09.000Z', NOW)).toBe('just now');
  });
  it('counts seconds, minutes and hours, rounded to the nearest', () => {
    expect(formatRelative('2026-11-26T11:59:15.000Z', NOW)).toBe('45 s ago');
    expect(formatRelative('2026-11-26T11:57:01.000Z', NOW)).toBe('3 min ago');
    expect(formatRelative('2026-11-26T11:57:50.000Z', NOW)).toBe('2 min ago');
    expect(formatRelative('2026-11-26T09:00:00.000Z', NOW)).toBe('3 h ago');
  });
  it('counts days in the singular and plural, and the future', () => {
    expect(formatRelative('2026-11-25T12:00:00.000Z', NOW)).toBe('1 day ago');
    expect(formatRelative('2026-11-17T12:00:00.000Z', NOW)).toBe('9 days ago');
    expect(formatRelative('2026-12-03T12:00:00.000Z', NOW)).toBe('in 7 days');
    // A 7-day link made a minute ago still reads "in 7 days", not 6.
    expect(formatRelative('2026-12-03T11:59:00.000Z', NOW)).toBe('in 7 days');
  });
  it('moves up a unit rather than showing 60 min or 60 s', () => {
    expect(formatRelative('2026-11-26T11:00:01.000Z', NOW)).toBe('1 h ago');
    expect(formatRelative('2026-11-26T11:59:00.500Z', NOW)).toBe('1 min ago');
  });
  it('switches to months after 45 days and to years after 365', () => {
    expect(formatRelative('2026-09-27T12:00:00.000Z', NOW)).toBe('2 months ago');
    expect(formatRelative('2024-11-26T12:00:00.000Z', NOW)).toBe('2 years ago');
  });
  it('gives a dash for null, empty and unreadable timestamps', () => {
    expect(formatRelative(null, NOW)).toBe('—');
    expect(formatRelative(undefined, NOW)).toBe('—');
    expect(formatRelative('', NOW)).toBe('—');
    expect(formatRelative('yesterday', NOW)).toBe('—');
  });
  it('always says ago for the past and in for the future, with a whole count', () => {
    fc.assert(
      fc.property(fc.integer({ min: 10_000, max: 400 * 86_400_000 }), (offset) => {
        const past = formatRelative(new Date(NOW - offset).toISOString(), NOW);
        const future = formatRelative(new Date(NOW + offset).toISOString(), NOW);
        expect(past).toMatch(/^\d+ (s|min|h|days?|months?|years?) ago$/);
        expect(future).toMatch(/^in \d+ (s|min|h|days?|months?|years?)$/);
      }),
    );
  });
});

describe('formatDuration', () => {
  it('picks the unit by size', () => {
    expect(formatDuration(0)).toBe('0 ms');
    expect(formatDuration(850)).toBe('850 ms');
    expect(formatDuration(999.4)).toBe('999 ms');
    expect(formatDuration(999.6)).toBe('1.0 s');
    expect(formatDuration(1234)).toBe('1.2 s');
    expect(formatDuration(4210)).toBe('4.2 s');
    expect(formatDuration(9949)).toBe('9.9 s');
    expect(formatDuration(9950)).toBe('10 s');
    expect(formatDuration(12_345)).toBe('12 s');
    expect(formatDuration(42_000)).toBe('42 s');
  });
  it('writes minutes with their seconds, and hours with their minutes, leaving out a zero part', () => {
    expect(formatDuration(59_600)).toBe('1 min');
    expect(formatDuration(125_000)).toBe('2 min 5 s');
    expect(formatDuration(185_000)).toBe('3 min 5 s');
    expect(formatDuration(245_000)).toBe('4 min 5 s');
    expect(formatDuration(3_540_000)).toBe('59 min');
    expect(formatDuration(3_600_000)).toBe('1 h');
    expect(formatDuration(3_720_000)).toBe('1 h 2 min');
    expect(formatDuration(7_800_000)).toBe('2 h 10 min');
  });
  it('writes an em dash for no value or a nonsense one', () => {
    expect(formatDuration(null)).toBe('—');
    expect(formatDuration(undefined)).toBe('—');
    expect(formatDuration(-1)).toBe('—');
    expect(formatDuration(Number.NaN)).toBe('—');
    expect(formatDuration(Number.POSITIVE_INFINITY)).toBe('—');
  });
});

describe('formatBytes', () => {
  it('uses bytes below a kilobyte and binary units above, with a decimal below 10', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(1023)).toBe('1023 B');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(12 * 1024 * 1024)).toBe('12 MB');
    expect(formatBytes(1.25 * 1024 ** 3)).toBe('1.3 GB');
    expect(formatBytes(2048 * 1024 ** 4)).toBe('2048 TB');
  });
  it('writes an em dash for a negative or non-finite count', () => {
    expect(formatBytes(-1)).toBe('—');
    expect(formatBytes(Number.NaN)).toBe('—');
  });
});

describe('formatCount', () => {
  it('separates thousands', () => {
    expect(formatCount(1234567)).toBe('1,234,567');
    expect(formatCount(0)).toBe('0');
  });
});

describe('formatPercent', () => {
  it('writes a 0..1 value as a percentage, one decimal only when it helps', () => {
    expect(formatPercent(0)).toBe('0%');
    expect(formatPercent(1)).toBe('100%');
    expect(formatPercent(0.875)).toBe('87.5%');
    expect(formatPercent(2 / 3)).toBe('66.7%');
    expect(formatPercent(0.9999)).toBe('100%');
  });
  it('rounds to whole percentages with no decimals (scores, agreement)', () => {
    expect(formatPercent(0.873, 0)).toBe('87%');
    expect(formatPercent(0.875, 0)).toBe('88%');
    expect(formatPercent(1, 0)).toBe('100%');
  });
  it('writes an em dash where there is nothing to measure', () => {
    expect(formatPercent(null)).toBe('—');
    expect(formatPercent(undefined)).toBe('—');
    expect(formatPercent(Number.NaN, 0)).toBe('—');
  });
});

describe('formatShare', () => {
  it('is the part over the whole, or an em dash for an empty whole', () => {
    expect(formatShare(1, 4)).toBe('25%');
    expect(formatShare(1, 8)).toBe('12.5%');
    expect(formatShare(0, 0)).toBe('—');
  });
});

describe('formatDateTime and formatDate', () => {
  it('give a dash for null, empty and unreadable timestamps and the year otherwise', () => {
    expect(formatDateTime(null)).toBe('—');
    expect(formatDateTime('nope')).toBe('—');
    expect(formatDateTime('2026-11-26T12:00:00.000Z')).toMatch(/2026/);
    expect(formatDate(null)).toBe('—');
    expect(formatDate('')).toBe('—');
    expect(formatDate('2026-11-26T12:00:00.000Z')).toMatch(/2026/);
  });
  it('shows seconds only when asked', () => {
    const at = '2026-11-26T12:34:56.000Z';
    expect(formatDateTime(at, { seconds: true })).toMatch(/56/);
    expect(formatDateTime(at)).not.toMatch(/:56/);
  });
});

describe('formatWhen', () => {
  const now = new Date(2026, 10, 26, 15, 0, 0);
  it('shows only the time for today, the day for this year, and the year before', () => {
    const today = formatWhen(new Date(2026, 10, 26, 9, 5).toISOString(), now);
    expect(today).toMatch(/05/);
    expect(today).not.toMatch(/2026|Nov/);
    const thisYear = formatWhen(new Date(2026, 2, 3, 9, 5).toISOString(), now);
    expect(thisYear).toMatch(/Mar/);
    expect(thisYear).not.toMatch(/2026/);
    expect(formatWhen(new Date(2024, 2, 3, 9, 5).toISOString(), now)).toMatch(/2024/);
  });
  it('leaves the year out this year and the date out today, around the turn of a year too', () => {
    const newYear = new Date(2025, 0, 2, 12, 0);
    expect(formatWhen(new Date(2025, 0, 2, 9, 30).toISOString(), newYear)).not.toMatch(/2025|Jan/);
    expect(formatWhen(new Date(2024, 11, 31, 9, 30).toISOString(), newYear)).toMatch(/2024/);
  });
  it('gives a dash for an unreadable moment', () => {
    expect(formatWhen('nope', now)).toBe('—');
    expect(formatWhen(null, now)).toBe('—');
  });
});
