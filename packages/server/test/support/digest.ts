/**
 * What an organization owns, read as the owner of the tables (not subject to row-level security): the
 * org-scoped tables found in the catalog of the database — every table of `public` with an `org_id`
 * column, `organizations` by its id, and the users who are members — and a digest of all their rows,
 * so a suite can say "nothing of A changed" without knowing the tables by name.
 */
import { sql } from 'drizzle-orm';
import { type Database, queryRows } from '../../src/db/database.ts';

/** A table holding rows of organizations. */
export interface OrgTable {
  name: string;
  /** The column naming the organization: `org_id`, or `id` for `organizations`. */
  orgColumn: string;
  /** Its columns, in order. */
  columns: string[];
}

/** Every table of `public` that holds organizations' rows (an `org_id` column), and `organizations`. */
export async function orgScopedTables(db: Database): Promise<OrgTable[]> {
  const rows = await queryRows<{ table_name: string; columns: string[] }>(
    db.system,
    sql`SELECT c.table_name, array_agg(c.column_name::text ORDER BY c.ordinal_position) AS columns
          FROM information_schema.columns c
          JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
         WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE'
         GROUP BY c.table_name
        HAVING bool_or(c.column_name = 'org_id') OR c.table_name = 'organizations'
         ORDER BY c.table_name`,
  );
  return rows.map((r) => ({
    name: r.table_name,
    orgColumn: r.columns.includes('org_id') ? 'org_id' : 'id',
    columns: r.columns,
  }));
}

/** Per table, the number of the organization's rows and a hash of them all (ordered by their JSON). */
export type OrgDigest = Record<string, string>;

/**
 * The digest of every row of the organization. Sessions that have expired are left out: whoever
 * presents one first ends it (and a periodic job sweeps the rest), which is not a change of the
 * organization's data. A member's own second factor (the `totp_*` columns of users) is left out too:
 * people are global, and a person in several organizations may change it from any of them.
 */
export async function orgDigest(db: Database, orgId: string): Promise<OrgDigest> {
  const digest: OrgDigest = {};
  for (const table of await orgScopedTables(db)) {
    const live = table.name === 'sessions' ? sql` AND t.expires_at > now()` : sql``;
    const [row] = await queryRows<{ n: number; hash: string }>(
      db.system,
      sql`SELECT count(*)::int AS n,
                 md5(coalesce(string_agg(to_jsonb(t)::text, E'\n' ORDER BY to_jsonb(t)::text), '')) AS hash
            FROM ${sql.identifier(table.name)} t
           WHERE t.${sql.identifier(table.orgColumn)} = ${orgId}${live}`,
    );
    digest[table.name] = `${row?.n ?? 0}:${row?.hash ?? ''}`;
  }
  const [users] = await queryRows<{ n: number; hash: string }>(
    db.system,
    sql`SELECT count(*)::int AS n,
               md5(coalesce(string_agg(p.row::text, E'\n' ORDER BY p.row::text), '')) AS hash
          FROM users u
         CROSS JOIN LATERAL (
           SELECT to_jsonb(u) - 'totp_secret' - 'totp_pending_secret' - 'totp_enabled_at'
                  - 'totp_last_step' - 'totp_recovery_codes' AS row
         ) p
         WHERE u.id IN (SELECT user_id FROM memberships WHERE org_id = ${orgId})`,
  );
  digest.users = `${users?.n ?? 0}:${users?.hash ?? ''}`;
  return digest;
}

/** The tables whose digest differs between two readings (empty when nothing changed). */
export function changedTables(before: OrgDigest, after: OrgDigest): string[] {
  const names = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...names].filter((name) => before[name] !== after[name]).sort();
}
