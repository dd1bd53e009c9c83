/**
 * API key rotation: a new key with the same name and environment, while the old one keeps working for
 * an overlap window (so deployments can switch over) and then stops — refused exactly as a revoked key.
 */
import { recordAudit } from '../commands/record-audit.ts';
import type { Database } from '../db/database.ts';
import { ApiError } from '../errors.ts';
import { newId } from '../lib/ids.ts';
import { generateApiKey, hashApiKey } from '../lib/secrets.ts';
import { findApiKey, retireApiKey } from '../repositories/api-keys.ts';
import { type ApiKeyRow, insertApiKey } from '../repositories/orgs.ts';
import { actorOf, type Principal } from './principal.ts';

/** Longest overlap window of a rotation: 7 days, in minutes. */
export const MAX_OVERLAP_MINUTES = 7 * 24 * 60;
/** The overlap window when none is given: one hour. */
export const DEFAULT_OVERLAP_MINUTES = 60;

/** The outcome of a rotation: the new key's secret (shown once) and both keys. */
export interface RotatedKey {
  key: string;
  created: ApiKeyRow;
  retired: ApiKeyRow;
}

/** Rotation of the organization's API keys. */
export class ApiKeyService {
  readonly #db: Database;
  readonly #now: () => number;

  constructor(deps: { db: Database; now?: () => number }) {
    this.#db = deps.db;
    this.#now = deps.now ?? Date.now;
  }

  /**
   * Rotates a key: creates its successor and lets the old key work for `overlapMinutes` more (0: it stops
   * now; an earlier end already set is kept). 404 for unknown and other organizations' keys; 400 for a
   * revoked or already expired key; a test key may rotate only test keys. Audited as `api_key.rotated`.
   */
  async rotate(p: Principal, id: string, overlapMinutes: number): Promise<RotatedKey> {
    if (!Number.isInteger(overlapMinutes) || overlapMinutes < 0 || overlapMinutes > MAX_OVERLAP_MINUTES) {
      throw new ApiError(
        'invalid_request',
        `overlapMinutes must be a whole number from 0 to ${MAX_OVERLAP_MINUTES}.`,
        [{ path: 'overlapMinutes', message: `0 to ${MAX_OVERLAP_MINUTES}` }],
      );
    }
    const now = new Date(this.#now());
    return this.#db.withOrg(p.orgId, async (tx) => {
      const old = await findApiKey(tx, p.orgId, id);
      if (!old) throw new ApiError('not_found', `No API key with id ${JSON.stringify(id)}.`);
      if (p.isTest && old.environment === 'live') {
        throw new ApiError('forbidden', 'A test key cannot rotate live keys.');
      }
      if (old.revokedAt)
        throw new ApiError('invalid_request', 'This key is revoked; create a new key instead.');
      if (old.expiresAt && old.expiresAt.getTime() <= now.getTime()) {
        throw new ApiError(
          'invalid_request',
          'This key has already stopped working; create a new key instead.',
        );
      }
      const key = generateApiKey(old.environment);
      const created = await insertApiKey(tx, {
        id: newId(now.getTime()),
        orgId: p.orgId,
        name: old.name,
        environment: old.environment,
        prefix: key.slice(0, 9),
        keyHash: hashApiKey(key),
        createdBy: p.userId,
        createdAt: now,
      });
      const end = new Date(now.getTime() + overlapMinutes * 60_000);
      const expiresAt = old.expiresAt && old.expiresAt < end ? old.expiresAt : end;
      const retired = await retireApiKey(tx, { orgId: p.orgId, id, replacedBy: created.id, expiresAt });
      if (!retired) throw new ApiError('not_found', `No API key with id ${JSON.stringify(id)}.`);
      await recordAudit({
        tx,
        orgId: p.orgId,
        actor: actorOf(p),
        action: 'api_key.rotated',
        target: { type: 'api_key', id },
        data: {
          oldKeyId: id,
          newKeyId: created.id,
          overlapMinutes,
          oldKeyExpiresAt: expiresAt.toISOString(),
        },
      });
      return { key, created, retired };
    });
  }
}
