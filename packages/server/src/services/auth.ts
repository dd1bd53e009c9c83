/**
 * Authentication of API calls: an API key (HTTP Basic user name on /v1, Bearer or Basic on /api) is
 * hashed and looked up; results are cached briefly so a burst of calls costs one lookup. A rotated key
 * works until its `expires_at` (the end of its overlap window) and is then refused exactly as a revoked
 * one; the expiry is checked on every call, cached or not. `last_used_at` is written at most once a
 * minute per key and process, not on every request.
 */
import type { Database } from '../db/database.ts';
import { ApiError } from '../errors.ts';
import { hashApiKey } from '../lib/secrets.ts';
import { findActiveKeyByHash, touchApiKey } from '../repositories/orgs.ts';
import type { Principal } from './principal.ts';

const CACHE_TTL_MS = 10_000;
const CACHE_MAX = 10_000;
const TOUCH_EVERY_MS = 60_000;

/** Reads the API key out of an Authorization header (Basic with the key as user name, or Bearer). */
export function keyFromAuthorization(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const [scheme, value] = header.trim().split(/\s+/, 2);
  if (!scheme || !value) return undefined;
  if (scheme.toLowerCase() === 'bearer') return value;
  if (scheme.toLowerCase() !== 'basic') return undefined;
  const decoded = Buffer.from(value, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  const user = colon === -1 ? decoded : decoded.slice(0, colon);
  return user || undefined;
}

/** API key authentication. */
export class AuthService {
  readonly #db: Database;
  readonly #cache = new Map<
    string,
    { principal: Principal | null; keyExpiresAt: number | null; expires: number }
  >();
  readonly #touched = new Map<string, number>();
  readonly #now: () => number;

  constructor(deps: { db: Database; now?: () => number }) {
    this.#db = deps.db;
    this.#now = deps.now ?? Date.now;
  }

  /** The caller behind an Authorization header, or 401. */
  async authenticate(header: string | undefined): Promise<Principal> {
    const key = keyFromAuthorization(header);
    if (!key) {
      throw new ApiError(
        'unauthorized',
        'Please provide a valid API key (HTTP Basic auth with the key as the user name).',
      );
    }
    const hash = hashApiKey(key);
    const now = this.#now();
    const cached = this.#cache.get(hash);
    let principal: Principal | null;
    let keyExpiresAt: number | null = null;
    if (cached && cached.expires > now) {
      principal = cached.principal;
      keyExpiresAt = cached.keyExpiresAt;
    } else {
      const found = await findActiveKeyByHash(this.#db.system, hash);
      principal = found
        ? {
            orgId: found.org.id,
            orgSlug: found.org.slug,
            isTest: found.key.environment === 'test',
            keyId: found.key.id,
            userId: null,
            workforceId: null,
            actorName: `api-key:${found.key.name}`,
            role: 'admin',
          }
        : null;
      keyExpiresAt = found?.key.expiresAt?.getTime() ?? null;
      if (this.#cache.size >= CACHE_MAX) this.#cache.clear();
      this.#cache.set(hash, { principal, keyExpiresAt, expires: now + CACHE_TTL_MS });
    }
    if (!principal || (keyExpiresAt !== null && keyExpiresAt <= now)) {
      throw new ApiError('unauthorized', 'The API key is not valid.');
    }
    this.#touch(principal, now);
    return principal;
  }

  /** Forgets cached lookups (after a key is revoked or rotated in this process). */
  invalidate(): void {
    this.#cache.clear();
  }

  #touch(principal: Principal, now: number): void {
    const id = principal.keyId;
    if (!id || (this.#touched.get(id) ?? 0) > now - TOUCH_EVERY_MS) return;
    this.#touched.set(id, now);
    touchApiKey(this.#db.system, id, new Date(now)).catch(() => {
      // Best effort: last-used is informational.
    });
  }
}
