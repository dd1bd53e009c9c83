/**
 * Each organization's webhook secrets: the `scale-callback-auth` header value receivers compare, and
 * the key of the `x-groundwork-signature` HMAC. Created on first use, stored sealed under the master
 * key, readable and rotatable by admins (both audited).
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

  /** The caller's organization's secrets; recorded in the audit log as a view of secrets. */
  async view(p: Principal): Promise<WebhookSecrets> {
    return this.#db.withOrg(p.orgId, async (tx) => {
      const secrets = await this.#ensure(tx, p.orgId);
      await recordAudit({
        tx,
        orgId: p.orgId,
        actor: actorOf(p),
        action: 'webhook_secrets.view',
        target: { type: 'organization', id: p.orgId },
        data: {},
      });
      return secrets;
    });
  }

  /** Replaces both secrets with new random ones; deliveries sent from now on use them. */
  async rotate(p: Principal): Promise<WebhookSecrets> {
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
      return secrets;
    });
  }

  async #ensure(tx: Db, orgId: string): Promise<WebhookSecrets> {
    const row =
      (await findOrgSecrets(tx, orgId)) ??
      (await insertOrgSecretsIfAbsent(tx, { orgId, ...this.#sealed(orgId, newSecrets()) }));
    const key = this.#masterKey();
    return {
      callbackAuthKey: unseal(key, row.callbackAuth, context(orgId, 'callback_auth')),
      signingSecret: unseal(key, row.signingKey, context(orgId, 'signing_key')),
    };
  }

  #sealed(orgId: string, secrets: WebhookSecrets): { callbackAuth: string; signingKey: string } {
    const key = this.#masterKey();
    return {
      callbackAuth: seal(key, secrets.callbackAuthKey, context(orgId, 'callback_auth')),
      signingKey: seal(key, secrets.signingSecret, context(orgId, 'signing_key')),
    };
  }
}

function newSecrets(): WebhookSecrets {
  return { callbackAuthKey: randomSecret('cba_', 24), signingSecret: randomSecret('whsec_', 32) };
}

/** The associated data binding a sealed secret to its organization and column. */
function context(orgId: string, field: string): string {
  return `org_secrets:${orgId}:${field}`;
}
