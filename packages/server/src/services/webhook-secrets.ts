/**
 * Each organization's webhook secrets: the `scale-callback-auth` header value receivers compare, and
 * the key of the `x-groundwork-signature` HMAC. Created on first use, stored sealed under the master
 * key, and shown once: in the answer that creates them (an admin's first read) and in the answer of each
 * rotation (audited). Every other read shows them masked — enough to tell which secret a receiver has.
 */
import { recordAudit } from '../commands/record-audit.ts';
import type { Database, Db } from '../db/database.ts';
import { randomSecret, seal, unseal } from '../lib/crypto.ts';
import { findOrgSecrets, insertOrgSecretsIfAbsent, replaceOrgSecrets } from '../repositories/deliveries.ts';
import { actorOf, type Principal } from './principal.ts';

/** An organization's webhook secrets in clear. */
export interface WebhookSecrets {
  /** Sent verbatim as `scale-callback-auth`. */
  callbackAuthKey: string;
  /** Keys the HMAC-SHA256 of `x-groundwork-signature` (its UTF-8 bytes). */
  signingSecret: string;
}

/** What an admin's read of the secrets shows. */
export interface WebhookSecretsView {
  /** The secrets in clear when `revealed`, else masked (see {@link maskSecret}). */
  secrets: WebhookSecrets;
  /** True only in the answer that created or rotated the secrets: the one time they are shown. */
  revealed: boolean;
}

/**
 * A secret as later reads show it: its prefix (`cba_`, `whsec_`), an ellipsis and its last four
 * characters, e.g. `whsec_…x9Qa`. A value too short to keep anything hidden is masked entirely.
 */
export function maskSecret(secret: string): string {
  const prefix = /^[a-z]+_/.exec(secret)?.[0] ?? '';
  const rest = secret.slice(prefix.length);
  return rest.length >= 12 ? `${prefix}…${rest.slice(-4)}` : `${prefix}…`;
}

/** Webhook secrets of organizations. */
export class WebhookSecretService {
  readonly #db: Database;
  readonly #masterKey: () => Buffer;

  /** `masterKey` is called on first use (it may read or create the key file). */
  constructor(deps: { db: Database; masterKey: () => Buffer }) {
    this.#db = deps.db;
    this.#masterKey = deps.masterKey;
  }

  /** The organization's secrets, created if it has none yet (for the job worker). */
  async forOrg(orgId: string): Promise<WebhookSecrets> {
    return this.#db.withOrg(orgId, (tx) => this.#ensure(tx, orgId));
  }

  /**
   * The caller's organization's secrets: in clear if this read creates them (audited as
   * `webhook_secrets.create`), masked otherwise — rotate to see new ones.
   */
  async view(p: Principal): Promise<WebhookSecretsView> {
    return this.#db.withOrg(p.orgId, async (tx) => {
      const existing = await findOrgSecrets(tx, p.orgId);
      if (existing) return { secrets: this.#masked(existing, p.orgId), revealed: false };
      const fresh = newSecrets();
      const sealed = this.#sealed(p.orgId, fresh);
      const stored = await insertOrgSecretsIfAbsent(tx, { orgId: p.orgId, ...sealed });
      // Another transaction may have created them first (a delivery, another admin): then they were not
      // made here and are not shown.
      if (stored.callbackAuth !== sealed.callbackAuth) {
        return { secrets: this.#masked(stored, p.orgId), revealed: false };
      }
      await recordAudit({
        tx,
        orgId: p.orgId,
        actor: actorOf(p),
        action: 'webhook_secrets.create',
        target: { type: 'organization', id: p.orgId },
        data: {},
      });
      return { secrets: fresh, revealed: true };
    });
  }

  /**
   * Replaces both secrets with new random ones and returns them in clear — the only time they are
   * shown; deliveries sent from now on use them.
   */
  async rotate(p: Principal): Promise<WebhookSecretsView> {
    return this.#db.withOrg(p.orgId, async (tx) => {
      const secrets = newSecrets();
      await replaceOrgSecrets(tx, { orgId: p.orgId, ...this.#sealed(p.orgId, secrets) });
      await recordAudit({
        tx,
        orgId: p.orgId,
        actor: actorOf(p),
        action: 'webhook_secrets.rotate',
        target: { type: 'organization', id: p.orgId },
        data: {},
      });
      return { secrets, revealed: true };
    });
  }

  async #ensure(tx: Db, orgId: string): Promise<WebhookSecrets> {
    const row =
      (await findOrgSecrets(tx, orgId)) ??
      (await insertOrgSecretsIfAbsent(tx, { orgId, ...this.#sealed(orgId, newSecrets()) }));
    return this.#unsealed(row, orgId);
  }

  #unsealed(row: { callbackAuth: string; signingKey: string }, orgId: string): WebhookSecrets {
    const key = this.#masterKey();
    return {
      callbackAuthKey: unseal(key, row.callbackAuth, orgSecretContext(orgId, 'callback_auth')),
      signingSecret: unseal(key, row.signingKey, orgSecretContext(orgId, 'signing_key')),
    };
  }

  #masked(row: { callbackAuth: string; signingKey: string }, orgId: string): WebhookSecrets {
    const clear = this.#unsealed(row, orgId);
    return {
      callbackAuthKey: maskSecret(clear.callbackAuthKey),
      signingSecret: maskSecret(clear.signingSecret),
    };
  }

  #sealed(orgId: string, secrets: WebhookSecrets): { callbackAuth: string; signingKey: string } {
    const key = this.#masterKey();
    return {
      callbackAuth: seal(key, secrets.callbackAuthKey, orgSecretContext(orgId, 'callback_auth')),
      signingKey: seal(key, secrets.signingSecret, orgSecretContext(orgId, 'signing_key')),
    };
  }
}

function newSecrets(): WebhookSecrets {
  return { callbackAuthKey: randomSecret('cba_', 24), signingSecret: randomSecret('whsec_', 32) };
}

/** The associated data binding a sealed secret to its organization and column. */
/** What a sealed webhook secret is bound to (its organization and field). */
export function orgSecretContext(orgId: string, field: 'callback_auth' | 'signing_key'): string {
  return `org_secrets:${orgId}:${field}`;
}
