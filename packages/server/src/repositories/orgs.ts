/** Organization, user, membership and API key queries. */
import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../db/database.ts';
import { apiKeys, memberships, organizations, users } from '../db/schema.ts';

/** An organization row. */
export type OrgRow = typeof organizations.$inferSelect;
/** An API key row. */
export type ApiKeyRow = typeof apiKeys.$inferSelect;
/** A user row. */
export type UserRow = typeof users.$inferSelect;

/** Resolves an API key hash to its key and organization (system access: precedes tenant scope). */
export async function findActiveKeyByHash(
  system: Db,
  keyHash: string,
): Promise<{ key: ApiKeyRow; org: OrgRow } | undefined> {
  const [row] = await system
    .select({ key: apiKeys, org: organizations })
    .from(apiKeys)
    .innerJoin(organizations, eq(organizations.id, apiKeys.orgId))
    .where(and(eq(apiKeys.keyHash, keyHash), isNull(apiKeys.revokedAt)))
    .limit(1);
  return row;
}

/** Records when a key was last used. */
export async function touchApiKey(system: Db, id: string, at: Date): Promise<void> {
  await system.update(apiKeys).set({ lastUsedAt: at }).where(eq(apiKeys.id, id));
}

/** Finds an organization by slug (system access). */
export async function findOrgBySlug(system: Db, slug: string): Promise<OrgRow | undefined> {
  const [row] = await system.select().from(organizations).where(eq(organizations.slug, slug)).limit(1);
  return row;
}

/** Every organization, by slug (system access). */
export async function listOrgs(system: Db): Promise<OrgRow[]> {
  return system.select().from(organizations).orderBy(organizations.slug);
}

/** Finds an organization by id. */
export async function findOrgById(tx: Db, id: string): Promise<OrgRow | undefined> {
  const [row] = await tx.select().from(organizations).where(eq(organizations.id, id)).limit(1);
  return row;
}

/** Inserts an organization; undefined if the slug is taken. */
export async function insertOrg(
  system: Db,
  row: typeof organizations.$inferInsert,
): Promise<OrgRow | undefined> {
  const [created] = await system.insert(organizations).values(row).onConflictDoNothing().returning();
  return created;
}

/** Whether any organization exists (first-run detection). */
export async function anyOrgExists(system: Db): Promise<boolean> {
  const [row] = await system.select({ id: organizations.id }).from(organizations).limit(1);
  return row !== undefined;
}

/** Inserts an API key. */
export async function insertApiKey(tx: Db, row: typeof apiKeys.$inferInsert): Promise<ApiKeyRow> {
  const [created] = await tx.insert(apiKeys).values(row).returning();
  if (!created) throw new Error('api key insert returned nothing');
  return created;
}

/** The API keys of the scoped organization. */
export async function listApiKeys(tx: Db): Promise<ApiKeyRow[]> {
  return tx.select().from(apiKeys).orderBy(apiKeys.createdAt);
}

/** Revokes a key of the scoped organization; returns it, or undefined if unknown. */
export async function revokeApiKey(tx: Db, id: string, at: Date): Promise<ApiKeyRow | undefined> {
  const [row] = await tx.update(apiKeys).set({ revokedAt: at }).where(eq(apiKeys.id, id)).returning();
  return row;
}

/** Finds a user by email (system access). */
export async function findUserByEmail(system: Db, email: string): Promise<UserRow | undefined> {
  const [row] = await system.select().from(users).where(eq(users.email, email)).limit(1);
  return row;
}

/** Inserts a user (system access). */
export async function insertUser(system: Db, row: typeof users.$inferInsert): Promise<UserRow> {
  const [created] = await system.insert(users).values(row).returning();
  if (!created) throw new Error('user insert returned nothing');
  return created;
}

/** Adds or changes a membership. */
export async function upsertMembership(tx: Db, row: typeof memberships.$inferInsert): Promise<void> {
  await tx
    .insert(memberships)
    .values(row)
    .onConflictDoUpdate({ target: [memberships.orgId, memberships.userId], set: { role: row.role } });
}

/** The members of the scoped organization with their roles. */
export async function listMembers(tx: Db): Promise<Array<{ user: UserRow; role: string }>> {
  return tx
    .select({ user: users, role: memberships.role })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .orderBy(users.email);
}
