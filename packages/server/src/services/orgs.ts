/** Organizations, their members and their API keys. */
import { hash as argon2Hash } from '@node-rs/argon2';
import { type AuditActor, recordAudit } from '../commands/record-audit.ts';
import type { Database } from '../db/database.ts';
import { ApiError, invalid } from '../errors.ts';
import { newId } from '../lib/ids.ts';
import { generateApiKey, hashApiKey, type KeyEnvironment } from '../lib/secrets.ts';
import {
  type ApiKeyRow,
  findOrgById,
  findOrgBySlug,
  findUserByEmail,
  insertApiKey,
  insertOrg,
  insertUser,
  listApiKeys,
  listOrgs,
  type OrgRow,
  revokeApiKey,
  type UserRow,
  upsertMembership,
} from '../repositories/orgs.ts';
import { actorOf, type Principal, type Role } from './principal.ts';

const SLUG = /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/;

/** Slugs that would collide with fixed addresses (`/api/auth/sso/callback` next to `/api/auth/sso/{slug}`). */
const RESERVED_SLUGS = new Set(['callback']);

/** Organization administration. */
export class OrgService {
  readonly #db: Database;

  constructor(deps: { db: Database }) {
    this.#db = deps.db;
  }

  /** Creates an organization; 409 if the slug is taken. */
  async createOrg(input: { slug: string; name?: string }): Promise<OrgRow> {
    if (!SLUG.test(input.slug)) {
      throw invalid(
        'slug: use 1–64 lowercase letters, digits and hyphens, not starting or ending with a hyphen',
        [{ path: 'slug', message: 'invalid slug' }],
      );
    }
    if (RESERVED_SLUGS.has(input.slug)) {
      throw invalid(`slug: ${input.slug} is reserved (it is part of the sign-in addresses); choose another`, [
        { path: 'slug', message: 'reserved' },
      ]);
    }
    return this.#db.withSystem(async (tx) => {
      const org = await insertOrg(tx, { id: newId(), slug: input.slug, name: input.name ?? input.slug });
      if (!org)
        throw new ApiError(
          'name_taken',
          `An organization with slug ${JSON.stringify(input.slug)} already exists.`,
        );
      await recordAudit({
        tx,
        orgId: org.id,
        actor: { type: 'system', id: null },
        action: 'org.create',
        target: { type: 'organization', id: org.id },
        data: { slug: org.slug },
      });
      return org;
    });
  }

  /** An organization by slug, or 404. */
  async requireOrg(slug: string): Promise<OrgRow> {
    const org = await findOrgBySlug(this.#db.system, slug);
    if (!org) throw new ApiError('not_found', `No organization with slug ${JSON.stringify(slug)}.`);
    return org;
  }

  /** Every organization, by slug (for the operator's commands). */
  listOrgs(): Promise<OrgRow[]> {
    return listOrgs(this.#db.system);
  }

  /** Creates an API key; the plain key is returned once and only its hash is stored. */
  async createApiKey(
    orgId: string,
    input: {
      environment: KeyEnvironment;
      name?: string;
      createdBy?: string | null;
      /** Who creates it, for the audit event (default: the user `createdBy`, else the system). */
      actor?: AuditActor;
    },
  ): Promise<{ key: string; row: ApiKeyRow }> {
    const key = generateApiKey(input.environment);
    const row = await this.#db.withOrg(orgId, async (tx) => {
      const created = await insertApiKey(tx, {
        id: newId(),
        orgId,
        name: input.name ?? `${input.environment} key`,
        environment: input.environment,
        prefix: key.slice(0, 9),
        keyHash: hashApiKey(key),
        createdBy: input.createdBy ?? null,
      });
      await recordAudit({
        tx,
        orgId,
        actor:
          input.actor ??
          (input.createdBy ? { type: 'user', id: input.createdBy } : { type: 'system', id: null }),
        action: 'api_key.create',
        target: { type: 'api_key', id: created.id },
        data: { name: created.name, environment: created.environment },
      });
      return created;
    });
    return { key, row };
  }

  /** The caller's organization. */
  async getOrg(p: Principal): Promise<OrgRow> {
    const org = await this.#db.withOrg(p.orgId, (tx) => findOrgById(tx, p.orgId));
    if (!org) throw new ApiError('not_found', 'The organization no longer exists.');
    return org;
  }

  /** The API keys of the caller's organization (never their secret). */
  async listApiKeys(p: Principal): Promise<ApiKeyRow[]> {
    return this.#db.withOrg(p.orgId, (tx) => listApiKeys(tx));
  }

  /** Revokes one of the caller's organization's keys; 404 for unknown or foreign ids. */
  async revokeApiKey(p: Principal, id: string): Promise<ApiKeyRow> {
    return this.#db.withOrg(p.orgId, async (tx) => {
      const row = await revokeApiKey(tx, id, new Date());
      if (!row) throw new ApiError('not_found', `No API key with id ${JSON.stringify(id)}.`);
      await recordAudit({
        tx,
        orgId: p.orgId,
        actor: actorOf(p),
        action: 'api_key.revoke',
        target: { type: 'api_key', id },
        data: {},
      });
      return row;
    });
  }

  /** Creates a user (or finds the existing one) and makes them a member of the organization. */
  async addUser(
    orgId: string,
    input: { email: string; name?: string; password?: string | null; role: Role },
  ): Promise<UserRow> {
    const email = input.email.trim().toLowerCase();
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email))
      throw invalid('email: not an email address', [{ path: 'email', message: 'invalid' }]);
    if (input.password != null && input.password.length < 8) {
      throw invalid('password: use at least 8 characters', [{ path: 'password', message: 'too short' }]);
    }
    const passwordHash = input.password ? await argon2Hash(input.password) : null;
    return this.#db.withSystem(async (tx) => {
      const user =
        (await findUserByEmail(tx, email)) ??
        (await insertUser(tx, {
          id: newId(),
          email,
          name: input.name ?? email.split('@')[0] ?? email,
          passwordHash,
        }));
      await upsertMembership(tx, { orgId, userId: user.id, role: input.role });
      await recordAudit({
        tx,
        orgId,
        actor: { type: 'system', id: null },
        action: 'member.add',
        target: { type: 'user', id: user.id },
        data: { email, role: input.role },
      });
      return user;
    });
  }
}
