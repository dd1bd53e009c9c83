/** Single sign-on queries: an organization's OpenID Connect configuration. */
import { eq } from 'drizzle-orm';
import type { Db } from '../db/database.ts';
import { organizations, ssoConfigs } from '../db/schema.ts';

/** A stored SSO configuration (the client secret sealed). */
export type SsoConfigRow = typeof ssoConfigs.$inferSelect;

/** The columns a save writes. */
export type SsoConfigValues = Omit<SsoConfigRow, 'createdAt' | 'updatedAt'>;

/** The scoped organization's SSO configuration, if it has one. */
export async function findSsoConfig(tx: Db, orgId: string): Promise<SsoConfigRow | undefined> {
  const [row] = await tx.select().from(ssoConfigs).where(eq(ssoConfigs.orgId, orgId)).limit(1);
  return row;
}

/** Creates or replaces the organization's SSO configuration; returns the stored row. */
export async function upsertSsoConfig(tx: Db, values: SsoConfigValues, at: Date): Promise<SsoConfigRow> {
  const { orgId: _orgId, ...changes } = values;
  const [row] = await tx
    .insert(ssoConfigs)
    .values({ ...values, createdAt: at, updatedAt: at })
    .onConflictDoUpdate({ target: ssoConfigs.orgId, set: { ...changes, updatedAt: at } })
    .returning();
  if (!row) throw new Error('sso config upsert returned nothing');
  return row;
}

/** Deletes the organization's SSO configuration; whether there was one. */
export async function deleteSsoConfig(tx: Db, orgId: string): Promise<boolean> {
  const rows = await tx
    .delete(ssoConfigs)
    .where(eq(ssoConfigs.orgId, orgId))
    .returning({ orgId: ssoConfigs.orgId });
  return rows.length > 0;
}

/** An organization found by slug before anyone is signed in, with its SSO configuration. */
export interface OrgWithSso {
  org: { id: string; slug: string; name: string };
  config: SsoConfigRow | null;
}

/**
 * The organization with this slug and its SSO configuration (system access: the sign-in flow runs
 * before there is a tenant scope).
 */
export async function findOrgWithSsoBySlug(system: Db, slug: string): Promise<OrgWithSso | undefined> {
  const [row] = await system
    .select({
      id: organizations.id,
      slug: organizations.slug,
      name: organizations.name,
      config: ssoConfigs,
    })
    .from(organizations)
    .leftJoin(ssoConfigs, eq(ssoConfigs.orgId, organizations.id))
    .where(eq(organizations.slug, slug))
    .limit(1);
  if (!row) return undefined;
  return { org: { id: row.id, slug: row.slug, name: row.name }, config: row.config };
}
