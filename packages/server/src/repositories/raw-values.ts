import { openField } from '../keys/field-cipher.ts';

/**
 * Reading values of raw rows (hot statements run without Drizzle's mapping). They come straight from
 * the driver: snake_case, and on PGlite's simple protocol timestamps and JSON arrive as text.
 */

/** A timestamp column as a Date (null stays null). */
export function rawDate(v: unknown): Date | null {
  return v === null || v === undefined ? null : new Date(v as string);
}

/** A JSON column as its value (text is parsed; null stays null). */
export function rawJson(v: unknown): unknown {
  return typeof v === 'string' ? JSON.parse(v) : (v ?? null);
}

/** A numeric column as a number (null stays null). */
export function rawNumber(v: unknown): number | null {
  return v === null || v === undefined ? null : Number(v);
}

/**
 * An encrypted JSON column (`table.column`, see `keys/field-cipher.ts`) as its value, opened with the
 * organization's keys in scope.
 */
export function rawSealed(column: string, v: unknown): unknown {
  return openField(column, rawJson(v));
}
