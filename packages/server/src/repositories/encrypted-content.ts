/**
 * The encrypted task content as stored: which rows of the encrypted columns (`ENCRYPTED_COLUMNS`) are
 * not yet under a given data key version — plain values stored before encryption included. Used by key
 * rotation to re-encrypt them, and by checks that nothing is stored in the clear.
 */
import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../db/database.ts';
import { ENCRYPTED_COLUMNS } from '../db/schema.ts';

/** `table.column` split and checked (they come from the schema, never from input). */
function parts(column: string): { table: string; name: string } {
  const [table, name] = column.split('.');
  if (!table || !name || !/^[a-z_]+$/.test(table) || !/^[a-z_]+$/.test(name)) {
    throw new Error(`not an encrypted column: ${column}`);
  }
  return { table, name };
}

/** The SQL condition "the value of `name` is not an envelope under `version` or later" (NULL never is). */
function staleCondition(name: string, version: number) {
  const col = sql.raw(`"${name}"`);
  // coalesce: a plain object has no `$gw` (NULL), and NOT NULL would leave it out.
  return sql`${col} IS NOT NULL AND NOT coalesce(jsonb_typeof(${col}) = 'object' AND ${col} ->> '$gw' = 'enc1'
    AND jsonb_typeof(${col} -> 'k') = 'number' AND (${col} ->> 'k')::int >= ${version}, false)`;
}

/**
 * How many values of each encrypted column are not under `version` or later (`version` 1: values in the
 * clear); on the owner's connection `orgId` narrows to one organization, in its scope it is implied.
 */
export async function countStaleContent(
  tx: Db,
  version: number,
  orgId?: string,
): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const column of ENCRYPTED_COLUMNS) {
    const { table, name } = parts(column);
    const [row] = await queryRows<{ n: number | string }>(
      tx,
      sql`SELECT count(*)::int AS n FROM ${sql.raw(`"${table}"`)} WHERE ${staleCondition(name, version)}
          ${orgId ? sql`AND org_id = ${orgId}` : sql``}`,
    );
    counts[column] = Number(row?.n ?? 0);
  }
  return counts;
}

/**
 * The next rows of `column` (after `after`, in id order) whose value is not under `version` or later,
 * locked for update, with the value as the driver gives it. A row changed meanwhile is checked again once
 * its lock is granted (and left out when it no longer qualifies).
 */
export async function lockStaleContent(
  tx: Db,
  column: string,
  version: number,
  after: string,
  limit: number,
): Promise<{ id: string; stored: unknown }[]> {
  const { table, name } = parts(column);
  return queryRows<{ id: string; stored: unknown }>(
    tx,
    sql`SELECT id, ${sql.raw(`"${name}"`)} AS stored FROM ${sql.raw(`"${table}"`)}
        WHERE id > ${after} AND ${staleCondition(name, version)}
        ORDER BY id LIMIT ${limit} FOR UPDATE`,
  );
}
