/**
 * Identifiers: 24 hex characters like Scale's (Mongo ObjectId-shaped): 4 bytes of seconds, then 8 random
 * bytes, so ids sort roughly by creation and cannot be guessed.
 */
import { randomBytes } from 'node:crypto';

// Random bytes are drawn 4 KiB at a time: one system call per 512 ids instead of one per id.
let pool = Buffer.alloc(0);
let offset = 0;

/** A new 24-hex identifier. */
export function newId(now = Date.now()): string {
  if (offset + 8 > pool.length) {
    pool = randomBytes(4096);
    offset = 0;
  }
  const random = pool.toString('hex', offset, offset + 8);
  offset += 8;
  const seconds = Math.floor(now / 1000)
    .toString(16)
    .padStart(8, '0');
  return seconds + random;
}

/** Whether `value` is shaped like an id (a cheap pre-check before a lookup). */
export function isId(value: string): boolean {
  return /^[0-9a-f]{24}$/.test(value);
}
