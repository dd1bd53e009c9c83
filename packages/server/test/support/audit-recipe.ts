/**
 * The audit chain's hash recipe as docs/security.md writes it, implemented here apart from the server's
 * code so that tests check the server against the documented recipe, not against itself.
 */
import { createHash } from 'node:crypto';
import type { Body } from '../harness.ts';

/** Canonical JSON: keys sorted, no spaces. */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical((value as Body)[k])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** The hash of one exported line (or stored row shaped like one), by the documented recipe. */
export function recomputedHash(line: Body): string {
  const { id: _id, prev_hash, hash: _hash, ...event } = line;
  if (event.ip === null) delete event.ip;
  if (event.user_agent === null) delete event.user_agent;
  return createHash('sha256')
    .update(`${prev_hash ?? ''}\n${canonical(event)}`, 'utf8')
    .digest('hex');
}
