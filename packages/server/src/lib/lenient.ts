/**
 * Lenient readers for what Scale's clients send: Python's `True`/`False`, repeated or comma-joined query
 * keys, and the several date spellings of §1 of the reference.
 */
import { z } from 'zod';

/** A boolean from a query string or JSON: true/false in any case, 1/0, or a real boolean. */
export const lenientBoolean = z.preprocess((value) => {
  if (typeof value !== 'string') return value;
  const v = value.trim().toLowerCase();
  if (v === 'true' || v === '1' || v === 'yes') return true;
  if (v === 'false' || v === '0' || v === 'no' || v === '') return false;
  return value;
}, z.boolean());

/** A query value that may be repeated (`tags=a&tags=b`) or comma-joined (`a,b`). */
export const stringList = z.preprocess((value) => {
  if (value === undefined) return undefined;
  const values = Array.isArray(value) ? value : [value];
  return values.flatMap((v) => (typeof v === 'string' ? v.split(',') : [v])).filter((v) => v !== '');
}, z.array(z.string()).optional());

/** A list whose entries may themselves contain commas (unique ids, tags): repeated keys only. */
export const repeatedList = z.preprocess(
  (value) => (value === undefined ? undefined : Array.isArray(value) ? value : [value]),
  z.array(z.string()).optional(),
);

const NAIVE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?$/;
const ZONED = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2})?)(\.\d{1,9})?(Z|[+-]\d{2}(?::?\d{2})?)$/i;

/** Parses the date spellings clients send; a date without a zone is UTC. Returns null if unreadable. */
export function parseLenientDate(input: string): Date | null {
  const s = input.trim();
  const naive = NAIVE.exec(s);
  if (naive) {
    const [, y, mo, d, h = '0', mi = '0', sec = '0', frac = '0'] = naive;
    const ms = Math.floor(Number(`0.${frac}`) * 1000);
    const date = new Date(
      Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(sec), ms),
    );
    const valid =
      !Number.isNaN(date.getTime()) &&
      date.getUTCMonth() === Number(mo) - 1 &&
      date.getUTCDate() === Number(d) &&
      date.getUTCHours() === Number(h) &&
      date.getUTCMinutes() === Number(mi) &&
      date.getUTCSeconds() === Number(sec);
    return valid ? date : null;
  }
  const zoned = ZONED.exec(s);
  if (zoned) {
    const [, day, time = '', frac = '', zone = 'Z'] = zoned;
    const ms = frac ? `.${frac.slice(1, 4).padEnd(3, '0')}` : '';
    let tz = zone.toUpperCase();
    if (tz !== 'Z')
      tz = tz.length === 5 ? `${tz.slice(0, 3)}:${tz.slice(3)}` : tz.length === 3 ? `${tz}:00` : tz;
    const date = new Date(`${day}T${time.length === 5 ? `${time}:00` : time}${ms}${tz}`);
    return Number.isNaN(date.getTime()) ? null : date;
  }
  return null;
}

/** A date query parameter in any of the accepted spellings. */
export const lenientDate = z.string().transform((value, ctx) => {
  const date = parseLenientDate(value);
  if (!date) {
    ctx.addIssue({
      code: 'custom',
      message: `not a date: ${JSON.stringify(value)} (use ISO-8601, e.g. 2024-01-31T12:00:00Z)`,
    });
    return z.NEVER;
  }
  return date;
});
