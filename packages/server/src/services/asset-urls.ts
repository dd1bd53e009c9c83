/**
 * Signed URLs for the files of a lease: an annotator reads an uploaded file only through the server, only
 * while they hold the lease of a task that shows it, and only with a link the server signed for them in the
 * last {@link ASSET_URL_TTL_SECONDS} seconds. The signature (HMAC-SHA256 under a key derived from the master
 * key) binds the organization, the person, the assignment, the file and the expiry, so a link copied to
 * someone else, edited, or kept past its time is refused — a forged one is also recorded in the audit log.
 * The lease is checked on every read as well (the link of an ended lease answers 404).
 */
import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import { recordAudit } from '../commands/record-audit.ts';
import type { Database } from '../db/database.ts';
import { ApiError } from '../errors.ts';
import { actorOf, type Principal } from './principal.ts';

/** How long a signed file link works, in seconds. */
export const ASSET_URL_TTL_SECONDS = 600;

/** What a link gives access to. */
export interface AssetClaim {
  orgId: string;
  userId: string;
  assignmentId: string;
  fileId: string;
}

/** The query of a signed link, as received (either may be missing). */
export interface AssetSignature {
  expires?: string | undefined;
  signature?: string | undefined;
}

/** Signs and checks lease file links. */
export class AssetUrlService {
  readonly #db: Database;
  readonly #masterKey: () => Buffer;
  readonly #now: () => Date;
  #key: Buffer | undefined;

  /** `masterKey` is called on first use (it may read or create the key file). */
  constructor(deps: { db: Database; masterKey: () => Buffer; now?: () => Date }) {
    this.#db = deps.db;
    this.#masterKey = deps.masterKey;
    this.#now = deps.now ?? (() => new Date());
  }

  /** The HMAC key: derived from the master key (HKDF-SHA256), so it is never the master key itself. */
  #hmacKey(): Buffer {
    this.#key ??= Buffer.from(
      hkdfSync('sha256', this.#masterKey(), Buffer.alloc(0), 'groundwork lease file urls v1', 32),
    );
    return this.#key;
  }

  #mac(claim: AssetClaim, expires: number): Buffer {
    return createHmac('sha256', this.#hmacKey())
      .update(['v1', claim.orgId, claim.userId, claim.assignmentId, claim.fileId, String(expires)].join('\n'))
      .digest();
  }

  /** The signed link of a lease's file, valid for {@link ASSET_URL_TTL_SECONDS} seconds from now. */
  sign(claim: AssetClaim): string {
    const expires = Math.floor(this.#now().getTime() / 1000) + ASSET_URL_TTL_SECONDS;
    const signature = this.#mac(claim, expires).toString('base64url');
    return `/api/work/assignments/${encodeURIComponent(claim.assignmentId)}/files/${encodeURIComponent(claim.fileId)}?expires=${expires}&signature=${signature}`;
  }

  /**
   * Checks a link's signature for the caller; throws 403 when it is missing, expired or wrong (a wrong one —
   * edited, made for someone else — is also recorded as `security.file_url_refused`).
   */
  async verify(p: Principal, claim: AssetClaim, query: AssetSignature): Promise<void> {
    const refuse = (message: string) => new ApiError('forbidden', message);
    if (query.expires === undefined || query.signature === undefined) {
      throw refuse("This file link is not signed; use the URL the lease's `files` list gives.");
    }
    const expires = /^\d{1,12}$/.test(query.expires) ? Number(query.expires) : Number.NaN;
    const given = Buffer.from(query.signature, 'base64url');
    const expected = Number.isFinite(expires) ? this.#mac(claim, expires) : undefined;
    if (!expected || given.length !== expected.length || !timingSafeEqual(given, expected)) {
      await this.#db.withOrg(p.orgId, (tx) =>
        recordAudit({
          tx,
          orgId: p.orgId,
          actor: actorOf(p),
          action: 'security.file_url_refused',
          target: { type: 'file', id: claim.fileId },
          data: { assignmentId: claim.assignmentId, reason: 'signature does not match' },
        }),
      );
      throw refuse('This file link is not valid (it was changed, or signed for someone else).');
    }
    if (expires * 1000 <= this.#now().getTime()) {
      throw refuse(
        `This file link expired at ${new Date(expires * 1000).toISOString()}; reload the task for a fresh one.`,
      );
    }
  }
}
