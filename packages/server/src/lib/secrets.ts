/** API keys: random, shown once, stored only as their SHA-256 (they carry 192 bits of entropy). */
import { createHash, randomBytes } from 'node:crypto';

/** Which data an API key sees: live data, or the separate test environment. */
export type KeyEnvironment = 'live' | 'test';

/** A new API key with its Scale-style prefix. */
export function generateApiKey(environment: KeyEnvironment): string {
  return `${environment}_${randomBytes(24).toString('hex')}`;
}

/** The stored form of an API key. */
export function hashApiKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

/** The environment a key belongs to, from its prefix (Scale's clients also mark test keys `…|test`). */
export function keyEnvironment(key: string): KeyEnvironment | null {
  if (key.startsWith('live_')) return 'live';
  if (key.startsWith('test_')) return 'test';
  return null;
}
