/**
 * How the console writes dates, times, durations, sizes and figures — one wording on every page, so a
 * webhook attempt, a task's time spent and an annotator's median time read alike. Pure functions; anything
 * unreadable (null, an invalid date, a negative or non-finite number) is written as an em dash, never
 * "NaN" or "Invalid Date".
 */

/** What every formatter writes for a value it cannot read. */
const NONE = '—';

/** A timestamp as a Date, or null when there is none or it is not a date. */
function readDate(iso: string | null | undefined): Date | null {
  if (!iso) return null;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : date;
}

/**
 * A timestamp as a local date and time in the browser's locale (`Nov 26, 2026, 8:17 AM`); with `seconds`,
 * to the second (a task's timeline, where several events share a minute). An em dash for none.
 */
export function formatDateTime(iso: string | null | undefined, options: { seconds?: boolean } = {}): string {
  const date = readDate(iso);
  if (date === null) return NONE;
  return date.toLocaleString(undefined, {
    dateStyle: 'medium',
    timeStyle: options.seconds ? 'medium' : 'short',
  });
}

/** A timestamp as a local date in the browser's locale (`Nov 26, 2026`); an em dash for none. */
export function formatDate(iso: string | null | undefined): string {
  const date = readDate(iso);
  return date === null ? NONE : date.toLocaleDateString(undefined, { dateStyle: 'medium' });
}

/**
 * A moment as a list shows it, as short as it can be told apart: the time for today, the day and time
 * this year, the full date before (`now` is a parameter so the choice can be tested). An em dash for none.
 */
export function formatWhen(iso: string | null | undefined, now: Date = new Date()): string {
  const date = readDate(iso);
  if (date === null) return NONE;
  if (date.toDateString() === now.toDateString()) {
    return date.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
  }
  if (date.getFullYear() === now.getFullYear()) {
    return date.toLocaleString(undefined, {
      month: 'short',
      day: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
    });
  }
  return date.toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' });
}

/** Relative units: below `limit` seconds, count in units of `size` seconds. */
const RELATIVE_UNITS: ReadonlyArray<readonly [limit: number, size: number, unit: string]> = [
  [60, 1, 's'],
  [3600, 60, 'min'],
  [86_400, 3600, 'h'],
  [86_400 * 45, 86_400, 'day'],
  [86_400 * 365, 86_400 * 30, 'month'],
  [Number.POSITIVE_INFINITY, 86_400 * 365, 'year'],
];

/**
 * How long ago (or how far ahead) `iso` is from `now` (ms since the epoch): "just now" within 10 s, else
 * "45 s ago", "3 min ago", "2 h ago", "4 days ago", "in 7 days"… rounded to the nearest whole unit, in
 * the largest unit below its next one (days up to 45, then months of 30 days, then years of 365). Rounding
 * to the nearest keeps a 7-day link made a minute ago at "in 7 days". An em dash for none.
 */
export function formatRelative(iso: string | null | undefined, now: number = Date.now()): string {
  const date = readDate(iso);
  if (date === null) return NONE;
  const diff = Math.round((now - date.getTime()) / 1000);
  const seconds = Math.abs(diff);
  if (seconds < 10) return 'just now';
  let count = Math.round(seconds / (86_400 * 365));
  let unit = 'year';
  for (const [limit, size, name] of RELATIVE_UNITS) {
    const rounded = Math.round(seconds / size);
    if (rounded * size < limit) {
      count = rounded;
      unit = name;
      break;
    }
  }
  const label =
    unit === 'day' || unit === 'month' || unit === 'year' ? (count === 1 ? unit : `${unit}s`) : unit;
  return diff > 0 ? `${count} ${label} ago` : `in ${count} ${label}`;
}

/**
 * A duration in milliseconds, short: `850 ms`, `4.2 s` (a decimal below 10 s, where it tells), `12 s`,
 * `4 min 5 s`, `3 min`, `2 h 10 min`, `1 h`. An em dash for none, a negative or a non-finite value.
 */
export function formatDuration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms) || ms < 0) return NONE;
  if (ms < 999.5) return `${Math.round(ms)} ms`;
  if (ms < 9950) return `${(ms / 1000).toFixed(1)} s`;
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return seconds % 60 === 0 ? `${minutes} min` : `${minutes} min ${seconds % 60} s`;
  const hours = Math.floor(minutes / 60);
  return minutes % 60 === 0 ? `${hours} h` : `${hours} h ${minutes % 60} min`;
}

const BYTE_UNITS = ['KB', 'MB', 'GB', 'TB'] as const;

/**
 * A byte count as people read it: `999 B`, `1.5 KB`, `12 MB`, `1.2 GB` (1 KB = 1,024 bytes; a decimal
 * below 10). An em dash for a negative or non-finite count.
 */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return NONE;
  if (bytes < 1024) return `${Math.round(bytes)} B`;
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < BYTE_UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value < 10 ? value.toFixed(1) : Math.round(value)} ${BYTE_UNITS[unit]}`;
}

/** A count with thousands separators (`12,345`), the same in every locale so tables line up. */
export function formatCount(n: number): string {
  return n.toLocaleString('en');
}

/**
 * A value in 0..1 as a percentage, with at most `decimals` decimals and only when they tell (`87.5%`,
 * `100%`; with 0 decimals `87%`, for scores and agreement). An em dash for none (nothing to measure).
 */
export function formatPercent(value: number | null | undefined, decimals = 1): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return NONE;
  const scale = 10 ** Math.max(0, Math.floor(decimals));
  const rounded = Math.round(value * 100 * scale) / scale;
  return `${Number(rounded.toFixed(Math.max(0, Math.floor(decimals))))}%`;
}

/** `part` of `whole` as a percentage (see {@link formatPercent}); an em dash when `whole` is 0. */
export function formatShare(part: number, whole: number): string {
  return whole > 0 ? formatPercent(part / whole) : NONE;
}
