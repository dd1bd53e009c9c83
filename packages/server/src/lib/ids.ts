/**
 * Identifiers: 24 hex characters like Scale's (Mongo ObjectId-shaped): 4 bytes of seconds, then 8 random
 * bytes, so ids sort roughly by creation and cannot be guessed.
 */
import { randomBytes } from 'node:crypto';

/** A new 24-hex identifier. */
export function newId(now = Date.now()): string {
  const seconds = Math.floor(now / 1000)
    .toString(16)
    .padStart(8, '0');
  return seconds + randomBytes(8).toString('hex');
}

/** Whether `value` is shaped like an id (a cheap pre-check before a lookup). */
export function isId(value: string): boolean {
  return /^[0-9a-f]{24}$/.test(value);
}
