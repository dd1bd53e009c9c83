/**
 * After a master key rotation: the secrets the database keeps sealed under the master key (webhook
 * secrets, single sign-on client secrets, people's TOTP secrets) are opened with the previous key and
 * sealed again with the current one, so the previous key can be forgotten.
 */
import { sql } from 'drizzle-orm';
import { type Database, queryRows } from '../db/database.ts';
import { seal, UnsealError, unseal } from '../lib/crypto.ts';
import { totpSecretContext } from '../services/account-totp.ts';
import { ssoSecretContext } from '../services/sso.ts';
import { orgSecretContext } from '../services/webhook-secrets.ts';

/** A column of sealed values: its table, key column, value column and the context each value is bound to. */
interface SealedColumn {
  table: string;
  key: string;
  column: string;
  context: (key: string) => string;
}

/** Every column the server seals under the master key, with the context its service binds each value to. */
const SEALED_COLUMNS: readonly SealedColumn[] = [
  {
    table: 'org_secrets',
    key: 'org_id',
    column: 'callback_auth',
    context: (k) => orgSecretContext(k, 'callback_auth'),
  },
  {
    table: 'org_secrets',
    key: 'org_id',
    column: 'signing_key',
    context: (k) => orgSecretContext(k, 'signing_key'),
  },
  { table: 'sso_configs', key: 'org_id', column: 'client_secret', context: ssoSecretContext },
  { table: 'users', key: 'id', column: 'totp_secret', context: totpSecretContext },
  { table: 'users', key: 'id', column: 'totp_pending_secret', context: totpSecretContext },
];

/** What a re-seal did, by `table.column`. */
export type ResealReport = Record<string, { resealed: number; current: number }>;

/**
 * Seals again with `current` every sealed value that only `previous` opens, in one transaction. A value
 * neither key opens stops it: nothing is changed, and the error names the table, column and row.
 */
export async function resealSecrets(
  db: Database,
  current: Buffer,
  previous: Buffer | null,
): Promise<ResealReport> {
  return db.withSystem(async (tx) => {
    const report: ResealReport = {};
    for (const spec of SEALED_COLUMNS) {
      const rows = await queryRows<{ k: string; v: string }>(
        tx,
        sql`SELECT ${sql.identifier(spec.key)} AS k, ${sql.identifier(spec.column)} AS v FROM ${sql.identifier(spec.table)}
            WHERE ${sql.identifier(spec.column)} IS NOT NULL`,
      );
      const counts = { resealed: 0, current: 0 };
      for (const row of rows) {
        const context = spec.context(row.k);
        if (opens(current, row.v, context)) {
          counts.current += 1;
          continue;
        }
        if (!previous || !opens(previous, row.v, context)) {
          throw new UnsealError(
            `${spec.table}.${spec.column} of ${row.k} opens with neither the current nor the previous master key`,
          );
        }
        const resealed = seal(current, unseal(previous, row.v, context), context);
        await tx.execute(
          sql`UPDATE ${sql.identifier(spec.table)} SET ${sql.identifier(spec.column)} = ${resealed}
              WHERE ${sql.identifier(spec.key)} = ${row.k}`,
        );
        counts.resealed += 1;
      }
      report[`${spec.table}.${spec.column}`] = counts;
    }
    return report;
  });
}

function opens(key: Buffer, sealed: string, context: string): boolean {
  try {
    unseal(key, sealed, context);
    return true;
  } catch {
    return false;
  }
}
