/** API key rotation queries (the scoped organization's keys; creation and revocation are in orgs.ts). */
import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/database.ts';
import { apiKeys } from '../db/schema.ts';
import type { ApiKeyRow } from './orgs.ts';

/** One key of the scoped organization by id. */
export async function findApiKey(tx: Db, orgId: string, id: string): Promise<ApiKeyRow | undefined> {
  const [row] = await tx
    .select()
    .from(apiKeys)
    .where(and(eq(apiKeys.orgId, orgId), eq(apiKeys.id, id)))
    .limit(1);
  return row;
}

/** Marks a key as replaced by another that it stops working at `expiresAt` (the overlap window's end). */
export async function retireApiKey(
  tx: Db,
  input: { orgId: string; id: string; replacedBy: string; expiresAt: Date },
): Promise<ApiKeyRow | undefined> {
  const [row] = await tx
    .update(apiKeys)
    .set({ replacedBy: input.replacedBy, expiresAt: input.expiresAt })
    .where(and(eq(apiKeys.orgId, input.orgId), eq(apiKeys.id, input.id)))
    .returning();
  return row;
}
