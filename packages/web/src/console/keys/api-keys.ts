/**
 * The rules of the API keys page, apart from its components: the order of keys, the checks of a new key,
 * and the states of rotated keys (working until the end of their overlap window, then stopped).
 */
import type { ResponseOf } from '@groundwork/sdk';
import { formatRelative } from '../shared/format.ts';

/** An API key (without its secret). */
export type ApiKeyRow = ResponseOf<'listApiKeys'>['items'][number];
/** A new API key with its secret, shown once. */
export type NewApiKey = ResponseOf<'createApiKey'>;
/** The answer of a rotation: the new key with its secret, and the old key with its end. */
export type RotatedApiKey = ResponseOf<'rotateApiKey'>;

/** Where a key stands: working, working until its overlap ends, stopped by rotation, or revoked. */
export type KeyState = 'active' | 'expiring' | 'expired' | 'revoked';

/** The state of a key at `now` (milliseconds). */
export function keyState(key: ApiKeyRow, now: number = Date.now()): KeyState {
  if (key.revokedAt !== null) return 'revoked';
  if (key.expiresAt === null) return 'active';
  return Date.parse(key.expiresAt) > now ? 'expiring' : 'expired';
}

/** Whether a key still works at `now` (active, or rotated but inside its overlap window). */
export function keyWorks(key: ApiKeyRow, now: number = Date.now()): boolean {
  const state = keyState(key, now);
  return state === 'active' || state === 'expiring';
}

/**
 * The end of a rotated key in words: "Stops working in 42 min", "Stopped working 3 h ago"; null for a key
 * without an end.
 */
export function keyEndLabel(key: ApiKeyRow, now: number = Date.now()): string | null {
  if (key.expiresAt === null) return null;
  return Date.parse(key.expiresAt) > now
    ? `Stops working ${formatRelative(key.expiresAt, now)}`
    : `Stopped working ${formatRelative(key.expiresAt, now)}`;
}

/** The overlap windows a rotation offers, in minutes (the server allows 0 to 7 days). */
export const OVERLAP_CHOICES = [
  { minutes: 60, label: '1 hour', description: 'Enough to redeploy one service.' },
  { minutes: 24 * 60, label: '1 day', description: 'For several services or a daily job.' },
  { minutes: 7 * 24 * 60, label: '7 days', description: 'The longest: for partners who update slowly.' },
  { minutes: 0, label: 'No overlap', description: 'The old key stops at once (e.g. it leaked).' },
] as const;

/**
 * Keys in the order of the page: working ones first (active or inside a rotation's overlap), newest first;
 * then stopped ones (revoked or past their overlap), latest stopped first.
 */
export function sortApiKeys(keys: readonly ApiKeyRow[], now: number = Date.now()): ApiKeyRow[] {
  const stoppedAt = (k: ApiKeyRow) => k.revokedAt ?? k.expiresAt ?? '';
  return [...keys].sort((a, b) => {
    const aWorks = keyWorks(a, now);
    if (aWorks !== keyWorks(b, now)) return aWorks ? -1 : 1;
    if (!aWorks) return stoppedAt(b).localeCompare(stoppedAt(a));
    return b.createdAt.localeCompare(a.createdAt);
  });
}

/** How many keys still work in each environment (a rotated key counts until its overlap ends). */
export function countActiveKeys(
  keys: readonly ApiKeyRow[],
  now: number = Date.now(),
): { live: number; test: number } {
  const counts = { live: 0, test: 0 };
  for (const key of keys) if (keyWorks(key, now)) counts[key.environment] += 1;
  return counts;
}

/**
 * Why a typed key name cannot be used, or null when it can: 1–100 characters after trimming (the server's
 * limits). A name already used by an active key is allowed (the server allows it) but worth a warning,
 * which {@link duplicateKeyName} gives.
 */
export function keyNameProblem(name: string): string | null {
  const trimmed = name.trim();
  if (trimmed === '') return 'Give the key a name, e.g. where it will be used.';
  if (trimmed.length > 100) return 'Use at most 100 characters.';
  return null;
}

/** Whether an active key already has this name (compared trimmed, any case). */
export function duplicateKeyName(name: string, keys: readonly ApiKeyRow[]): boolean {
  const wanted = name.trim().toLowerCase();
  return wanted !== '' && keys.some((k) => keyWorks(k) && k.name.trim().toLowerCase() === wanted);
}

/** The key's visible start, as the list shows it ("live_be31…"). */
export function maskedKey(prefix: string): string {
  return `${prefix}…`;
}
