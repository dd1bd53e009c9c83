/** Invitation queries; only the SHA-256 of an invitation's token is stored. */
import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../db/database.ts';
import { invitations, organizations, workforces } from '../db/schema.ts';

/** An invitation row. */
export type InvitationRow = typeof invitations.$inferSelect;

/** Inserts an invitation in the scoped organization. */
export async function insertInvitation(tx: Db, row: typeof invitations.$inferInsert): Promise<InvitationRow> {
  const [created] = await tx.insert(invitations).values(row).returning();
  if (!created) throw new Error('invitation insert returned nothing');
  return created;
}

/** The invitations of the scoped organization, newest first. */
export async function listInvitationRows(tx: Db): Promise<InvitationRow[]> {
  return tx.select().from(invitations).orderBy(desc(invitations.createdAt), desc(invitations.id));
}

/** One invitation of the scoped organization. */
export async function findInvitation(tx: Db, id: string): Promise<InvitationRow | undefined> {
  const [row] = await tx.select().from(invitations).where(eq(invitations.id, id)).limit(1);
  return row;
}

/** Revokes an invitation of the scoped organization that is neither accepted nor revoked yet. */
export async function revokeInvitationRow(tx: Db, id: string, at: Date): Promise<InvitationRow | undefined> {
  const [row] = await tx
    .update(invitations)
    .set({ revokedAt: at })
    .where(and(eq(invitations.id, id), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)))
    .returning();
  return row;
}

/** An invitation by its token's hash, with its organization (system access: precedes tenant scope). */
export async function findInvitationByTokenHash(
  system: Db,
  tokenHash: string,
): Promise<{ invitation: InvitationRow; org: { id: string; slug: string; name: string } } | undefined> {
  const [row] = await system
    .select({
      invitation: invitations,
      org: { id: organizations.id, slug: organizations.slug, name: organizations.name },
    })
    .from(invitations)
    .innerJoin(organizations, eq(organizations.id, invitations.orgId))
    .where(eq(invitations.tokenHash, tokenHash))
    .limit(1);
  return row;
}

/**
 * Marks an invitation accepted if it still is open (neither accepted nor revoked); whether it was.
 * The condition makes a second, concurrent acceptance of the same link fail.
 */
export async function markInvitationAccepted(tx: Db, id: string, userId: string, at: Date): Promise<boolean> {
  const rows = await tx
    .update(invitations)
    .set({ acceptedAt: at, acceptedBy: userId })
    .where(and(eq(invitations.id, id), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)))
    .returning({ id: invitations.id });
  return rows.length > 0;
}

/** Whether the scoped organization has this workforce. */
export async function workforceExists(tx: Db, id: string): Promise<boolean> {
  const [row] = await tx.select({ id: workforces.id }).from(workforces).where(eq(workforces.id, id)).limit(1);
  return row !== undefined;
}
