/** The rules of the API keys page, apart from its components: the order of keys and the checks of a new key. */
import type { ResponseOf } from '@groundwork/sdk';

/** An API key (without its secret). */
export type ApiKeyRow = ResponseOf<'listApiKeys'>['items'][number];
/** A new API key with its secret, shown once. */
export type NewApiKey = ResponseOf<'createApiKey'>;

/** Keys in the order of the page: active ones first, newest first; then revoked ones, latest revoked first. */
export function sortApiKeys(keys: readonly ApiKeyRow[]): ApiKeyRow[] {
  return [...keys].sort((a, b) => {
    if ((a.revokedAt === null) !== (b.revokedAt === null)) return a.revokedAt === null ? -1 : 1;
    if (a.revokedAt !== null && b.revokedAt !== null) return b.revokedAt.localeCompare(a.revokedAt);
    return b.createdAt.localeCompare(a.createdAt);
  });
}

/** How many keys are active in each environment. */
export function countActiveKeys(keys: readonly ApiKeyRow[]): { live: number; test: number } {
  const counts = { live: 0, test: 0 };
  for (const key of keys) if (key.revokedAt === null) counts[key.environment] += 1;
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
  return wanted !== '' && keys.some((k) => k.revokedAt === null && k.name.trim().toLowerCase() === wanted);
}

/** The key's visible start, as the list shows it ("live_be31…"). */
export function maskedKey(prefix: string): string {
  return `${prefix}…`;
}
