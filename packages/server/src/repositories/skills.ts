/**
 * Member skill queries: what each member of the organization is certified for. Callers pass a
 * transaction already scoped to the organization.
 */
import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../db/database.ts';
import { memberSkills } from '../db/schema.ts';

/** A member's skill row. */
export type MemberSkillRow = typeof memberSkills.$inferSelect;

/** Who granted a skill: a person or an API key. */
export interface Grantor {
  type: 'user' | 'api_key';
  id: string;
}

/** How `member_skills.granted_by` stores a grantor: `user:<id>` or `api_key:<id>`. */
export function encodeGrantor(grantor: Grantor): string {
  return `${grantor.type}:${grantor.id}`;
}

/** Reads `member_skills.granted_by` back (null when absent or not in the stored form). */
export function decodeGrantor(stored: string | null): Grantor | null {
  const match = /^(user|api_key):(.+)$/.exec(stored ?? '');
  return match?.[1] && match[2] ? { type: match[1] as Grantor['type'], id: match[2] } : null;
}

/** The skills a member holds (expired ones included), by name. */
export async function listMemberSkills(tx: Db, userId: string): Promise<MemberSkillRow[]> {
  return tx
    .select()
    .from(memberSkills)
    .where(eq(memberSkills.userId, userId))
    .orderBy(asc(memberSkills.skill));
}

/**
 * Grants a skill, or renews it: a skill held already takes the new source, grantor, grant time and
 * expiry (so a granted skill replaces an expiring qualification and vice versa).
 */
export async function upsertMemberSkill(
  tx: Db,
  row: typeof memberSkills.$inferInsert,
): Promise<MemberSkillRow> {
  const [saved] = await tx
    .insert(memberSkills)
    .values(row)
    .onConflictDoUpdate({
      target: [memberSkills.orgId, memberSkills.userId, memberSkills.skill],
      set: {
        source: row.source,
        grantedBy: row.grantedBy ?? null,
        grantedAt: row.grantedAt ?? new Date(),
        expiresAt: row.expiresAt ?? null,
      },
    })
    .returning();
  if (!saved) throw new Error('member skill upsert returned nothing');
  return saved;
}

/** Removes a skill from a member; returns the removed row, or undefined if they did not hold it. */
export async function deleteMemberSkill(
  tx: Db,
  userId: string,
  skill: string,
): Promise<MemberSkillRow | undefined> {
  const [row] = await tx
    .delete(memberSkills)
    .where(and(eq(memberSkills.userId, userId), eq(memberSkills.skill, skill)))
    .returning();
  return row;
}
