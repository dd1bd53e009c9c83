/**
 * Operations on an organization's data keys that touch its data: rotating the key (a new version, then
 * everything re-encrypted under it while the server keeps serving, then the old versions retired) and
 * deleting the organization (its keyring destroyed first, so every copy of its encrypted data — backups
 * included — becomes unreadable, then its rows and blobs removed).
 */
import { sql } from 'drizzle-orm';
import { type Database, queryRows } from '../db/database.ts';
import { ENCRYPTED_COLUMNS } from '../db/schema.ts';
import type { DataKeys } from '../keys/data-keys.ts';
import type { EncryptedBlobStore } from '../keys/encrypted-blob-store.ts';
import { currentFieldKeyring, sealFieldText } from '../keys/field-cipher.ts';
import { lockStaleContent } from '../repositories/encrypted-content.ts';
import { rawSealed } from '../repositories/raw-values.ts';

/** What the operations need. */
export interface OrgKeyDeps {
  db: Database;
  keys: DataKeys;
  blobs: EncryptedBlobStore;
}

/** Progress of a re-encryption, reported every so many blobs. */
export interface ReencryptProgress {
  checked: number;
  reencrypted: number;
}

/** What a rotation did. */
export interface RotationReport {
  version: number;
  /** Blobs looked at and re-encrypted. */
  checked: number;
  reencrypted: number;
  /** Blobs listed in the database but missing from the store (left as they are). */
  missing: number;
  /** Values of the encrypted columns re-encrypted (or encrypted for the first time), by `table.column`. */
  rows: Record<string, number>;
  retired: number[];
}

const PAGE = 500;

/**
 * Rotates `orgId`'s data key without stopping anything. Under a database lock (two rotations do not race)
 * a version is added; after `settleMs` every process has read the keyring (their cache lasts a minute by
 * default) and can decrypt under it, and it is made current; after `settleMs` again every process
 * encrypts under it. Then every blob and every value of the encrypted columns not yet under it — data
 * stored before encryption included — is re-encrypted, what was written meanwhile is looked at again,
 * and the older versions are retired. Reads keep working throughout: old versions decrypt until the end.
 */
export async function rotateOrgDataKey(
  deps: OrgKeyDeps,
  orgId: string,
  options: { settleMs?: number; onProgress?: (progress: ReencryptProgress) => void } = {},
): Promise<RotationReport> {
  const settle = () => new Promise((resolve) => setTimeout(resolve, options.settleMs ?? 65_000));
  const locked = <T>(fn: () => Promise<T>) =>
    deps.db.withSystem(async (tx) => {
      await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`groundwork:data-key:${orgId}`}))`);
      return fn();
    });
  const version = await locked(() => deps.keys.rotate(orgId, { current: false }));
  await settle();
  await locked(() => deps.keys.promote(orgId, version));
  await settle();
  const report = await reencryptBlobs(deps, orgId, version, options.onProgress);
  // A blob whose write began before the rotation reached its process may have landed after the scan.
  const late = await reencryptBlobs(deps, orgId, version, undefined, report.startedAt);
  // Rows are found by what they hold, so one pass sees every value not under the new version.
  const rows = await reencryptRows(deps.db, orgId, version);
  const retired = await locked(() => deps.keys.retire(orgId, version));
  // The second pass looks again at recent blobs the first one counted: only what it re-encrypted adds.
  return {
    version,
    checked: report.checked,
    reencrypted: report.reencrypted + late.reencrypted,
    missing: report.missing,
    rows,
    retired,
  };
}

const ROW_PAGE = 500;

/**
 * Re-encrypts under `version` every value of `orgId`'s encrypted columns not yet under it (values stored
 * in the clear included), a page of rows per transaction with the rows locked, so a concurrent write is
 * never overwritten. Returns how many values of each column were re-encrypted.
 */
export async function reencryptRows(
  db: Database,
  orgId: string,
  version: number,
): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const column of ENCRYPTED_COLUMNS) {
    const [table = '', name = ''] = column.split('.');
    counts[column] = 0;
    for (let after = ''; ; ) {
      const done = await db.withOrg(orgId, async (tx) => {
        const ring = currentFieldKeyring();
        if (ring && ring.current < version) {
          throw new Error(`the keyring of ${orgId} read by this process is older than version ${version}`);
        }
        const rows = await lockStaleContent(tx, column, version, after, ROW_PAGE);
        const last = rows.at(-1);
        if (!last) return null;
        const values = rows.map((r) => sealFieldText(column, rawSealed(column, r.stored)));
        await tx.execute(
          sql`UPDATE ${sql.identifier(table)} SET ${sql.identifier(name)} = v.value::jsonb
              FROM unnest(${sql.param(rows.map((r) => r.id))}::text[], ${sql.param(values)}::text[]) AS v(id, value)
              WHERE ${sql.identifier(table)}.id = v.id`,
        );
        return { last: last.id, count: rows.length };
      });
      if (!done) break;
      counts[column] += done.count;
      after = done.last;
    }
  }
  return counts;
}

/**
 * Re-encrypts under `version` (or later) every blob of `orgId` the database knows (files and export
 * results), optionally only those recorded since `since`.
 */
export async function reencryptBlobs(
  deps: OrgKeyDeps,
  orgId: string,
  version: number,
  onProgress?: (progress: ReencryptProgress) => void,
  since?: Date,
): Promise<ReencryptProgress & { missing: number; startedAt: Date }> {
  const startedAt = new Date(Date.now() - 5 * 60_000);
  let after = '';
  let checked = 0;
  let reencrypted = 0;
  let missing = 0;
  for (;;) {
    const keys = await orgBlobKeys(deps.db, orgId, after, since);
    if (keys.length === 0) break;
    for (const key of keys) {
      checked += 1;
      const protection = await deps.blobs.protection(key);
      if (!protection) {
        missing += 1;
        continue;
      }
      if (protection.encrypted && protection.version >= version) continue;
      const blob = await deps.blobs.get(key);
      if (!blob) {
        missing += 1;
        continue;
      }
      // The store replaces the blob only once the new one is complete: a failure leaves the old one.
      await deps.blobs.put(key, blob.body, { contentType: blob.contentType ?? 'application/octet-stream' });
      reencrypted += 1;
    }
    after = keys.at(-1) ?? after;
    onProgress?.({ checked, reencrypted });
  }
  return { checked, reencrypted, missing, startedAt };
}

/** The next page of `orgId`'s blob keys after `after`, in key order. */
async function orgBlobKeys(db: Database, orgId: string, after: string, since?: Date): Promise<string[]> {
  const rows = await db.withOrg(orgId, (tx) =>
    queryRows<{ key: string }>(
      tx,
      sql`SELECT key FROM (
            SELECT blob_key AS key, created_at FROM files
            UNION ALL
            SELECT blob_key AS key, created_at FROM dataset_exports WHERE blob_key IS NOT NULL
          ) k
          WHERE key > ${after} ${since ? sql`AND created_at >= ${since.toISOString()}` : sql``}
          ORDER BY key LIMIT ${PAGE}`,
    ),
  );
  return rows.map((r) => r.key);
}

/** What deleting an organization removed. */
export interface OrgDeletionReport {
  /** Rows deleted, by table. */
  rows: Record<string, number>;
  blobsDeleted: number;
  /** Users removed because this organization was their only one. */
  usersDeleted: number;
}

/**
 * Deletes organization `orgId` for good. Its keyring is destroyed first: from that moment its encrypted
 * data cannot be read anywhere, in this database, its backups or copies of the blob store. Then every
 * row carrying its `org_id` is deleted in one transaction (with the users left without any
 * organization), and its blobs are removed.
 */
export async function deleteOrganization(deps: OrgKeyDeps, orgId: string): Promise<OrgDeletionReport> {
  const blobKeys: string[] = [];
  for (let after = ''; ; ) {
    const page = await orgBlobKeys(deps.db, orgId, after);
    if (page.length === 0) break;
    blobKeys.push(...page);
    after = page.at(-1) ?? after;
  }
  await deps.keys.destroy(orgId);
  const result = await deps.db.withSystem(async (tx) => {
    const tables = await queryRows<{ table_name: string }>(
      tx,
      sql`SELECT c.table_name FROM information_schema.columns c
          JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
          WHERE c.table_schema = current_schema() AND c.column_name = 'org_id' AND t.table_type = 'BASE TABLE'
          ORDER BY c.table_name`,
    );
    const members = await queryRows<{ user_id: string }>(
      tx,
      sql`SELECT user_id FROM memberships WHERE org_id = ${orgId}`,
    );
    const rows: Record<string, number> = {};
    for (const { table_name: table } of tables) {
      const deleted = await queryRows<{ n: number | string }>(
        tx,
        sql`WITH d AS (DELETE FROM ${sql.identifier(table)} WHERE org_id = ${orgId} RETURNING 1) SELECT count(*) AS n FROM d`,
      );
      rows[table] = Number(deleted[0]?.n ?? 0);
    }
    const users =
      members.length === 0
        ? []
        : await queryRows<{ id: string }>(
            tx,
            sql`DELETE FROM users u WHERE u.id IN (${sql.join(
              members.map((m) => sql`${m.user_id}`),
              sql`, `,
            )}) AND NOT EXISTS (SELECT 1 FROM memberships m WHERE m.user_id = u.id) RETURNING u.id`,
          );
    const orgRows = await queryRows<{ id: string }>(
      tx,
      sql`DELETE FROM organizations WHERE id = ${orgId} RETURNING id`,
    );
    rows.organizations = orgRows.length;
    return { rows, usersDeleted: users.length };
  });
  let blobsDeleted = 0;
  for (const key of blobKeys) {
    await deps.blobs.delete(key);
    blobsDeleted += 1;
  }
  return { ...result, blobsDeleted };
}
