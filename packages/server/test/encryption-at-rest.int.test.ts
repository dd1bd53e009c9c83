/**
 * Encryption at rest, end to end: files are stored encrypted under their organization's data key, the
 * key rotates while the server serves, deleting an organization destroys its key so that a restored
 * backup of its rows and files cannot be read (crypto-shredding), and a wrong master key stops the
 * server at start with an audit event.
 */
import { randomBytes } from 'node:crypto';
import { cpSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { queryRows } from '../src/db/database.ts';
import { DataKeyMissingError, MasterKeyMismatchError, resealSecrets } from '../src/keys/index.ts';
import { verifyAuditChain } from '../src/services/audit-chain.ts';
import { deleteOrganization, rotateOrgDataKey } from '../src/services/org-keys.ts';
import { type Body, createTestContext, type TestContext, type TestOrg } from './harness.ts';

const SECRET_TEXT = 'Patient: Jane Roe, SSN 123-45-6789, jane.roe@example.com';

function multipart(name: string, type: string, data: Buffer) {
  const boundary = `----gw${randomBytes(8).toString('hex')}`;
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: ${type}\r\n\r\n`,
    ),
    data,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, contentType: `multipart/form-data; boundary=${boundary}` };
}

async function uploadText(ctx: TestContext, key: string, text: string): Promise<string> {
  const body = multipart('note.txt', 'text/plain', Buffer.from(text));
  const response = await ctx.app.inject({
    method: 'POST',
    url: '/api/files',
    headers: { authorization: `Bearer ${key}`, 'content-type': body.contentType },
    payload: body.payload,
  });
  expect(response.statusCode, response.body).toBe(200);
  return (response.json() as Body).id as string;
}

async function content(app: TestContext['app'], key: string, id: string) {
  const response = await app.inject({
    method: 'GET',
    url: `/api/files/${id}/content`,
    headers: { authorization: `Bearer ${key}` },
  });
  return { status: response.statusCode, text: response.body };
}

/** Every stored byte of an organization's blobs, concatenated. */
function storedBytes(ctx: TestContext, orgId: string): Buffer {
  const dir = join(blobDir(ctx), 'orgs', orgId, 'files');
  return Buffer.concat(
    readdirSync(dir)
      .filter((n) => !n.startsWith('.'))
      .map((n) => readFileSync(join(dir, n))),
  );
}

function blobDir(ctx: TestContext): string {
  if (ctx.config.blobStore.kind !== 'fs') throw new Error('these tests use the filesystem store');
  return ctx.config.blobStore.dir;
}

describe('encryption at rest', () => {
  let ctx: TestContext;
  let org: TestOrg;
  let other: TestOrg;
  let fileId: string;
  let otherFileId: string;

  beforeAll(async () => {
    ctx = await createTestContext();
    org = await ctx.org();
    other = await ctx.org();
    fileId = await uploadText(ctx, org.liveKey, SECRET_TEXT);
    otherFileId = await uploadText(ctx, other.liveKey, 'the other organization');
  });
  afterAll(async () => {
    await ctx?.close();
  });

  const deps = () => ({ db: ctx.db, keys: ctx.app.services.dataKeys, blobs: ctx.app.services.blobs });

  it('stores files encrypted under the organization key and serves them decrypted', async () => {
    const raw = storedBytes(ctx, org.id);
    expect(raw.length).toBeGreaterThan(SECRET_TEXT.length);
    expect(raw.includes(Buffer.from('Jane Roe'))).toBe(false);
    expect(raw.includes(Buffer.from('123-45-6789'))).toBe(false);
    expect(await content(ctx.app, org.liveKey, fileId)).toEqual({ status: 200, text: SECRET_TEXT });
    expect(await ctx.app.services.blobs.protection(`orgs/${org.id}/files/${fileId}`)).toEqual({
      encrypted: true,
      version: 1,
    });
    // The key store lives apart from the database: no table holds a data key.
    const tables = await queryRows<{ table_name: string }>(
      ctx.db.system,
      sql`SELECT table_name FROM information_schema.columns WHERE table_schema = current_schema() AND column_name ILIKE '%data_key%'`,
    );
    expect(tables).toEqual([]);
  });

  it('rotates the data key while serving: files stored before encryption are encrypted too, old versions retired', async () => {
    // A blob written before encryption existed: the same file's bytes in the clear in the store underneath.
    const legacyId = await uploadText(ctx, org.liveKey, 'written in the clear long ago');
    await ctx.app.services.blobs.inner.put(
      `orgs/${org.id}/files/${legacyId}`,
      Buffer.from('written in the clear long ago'),
      { contentType: 'text/plain' },
    );
    expect(await ctx.app.services.blobs.protection(`orgs/${org.id}/files/${legacyId}`)).toEqual({
      encrypted: false,
    });
    const progress: number[] = [];
    const report = await rotateOrgDataKey(deps(), org.id, {
      settleMs: 0,
      onProgress: (p) => progress.push(p.checked),
    });
    expect(report).toMatchObject({ version: 2, checked: 2, reencrypted: 2, missing: 0, retired: [1] });
    expect(progress.at(-1)).toBe(2);
    for (const id of [fileId, legacyId]) {
      expect(await ctx.app.services.blobs.protection(`orgs/${org.id}/files/${id}`)).toEqual({
        encrypted: true,
        version: 2,
      });
    }
    expect(await content(ctx.app, org.liveKey, fileId)).toEqual({ status: 200, text: SECRET_TEXT });
    expect((await content(ctx.app, org.liveKey, legacyId)).text).toBe('written in the clear long ago');
    expect(await ctx.app.services.dataKeys.versions(org.id)).toEqual({ current: 2, versions: [2] });
    // The other organization's key did not move.
    expect(await ctx.app.services.dataKeys.versions(other.id)).toEqual({ current: 1, versions: [1] });
  });

  it('deleting an organization destroys its key: a restored backup of its rows and files cannot be read', async () => {
    // The backup: every row of the organization (a logical dump) and a copy of its blobs.
    const dump = await ctx.db.withSystem(async (tx) => {
      const tables = await queryRows<{ table_name: string }>(
        tx,
        sql`SELECT DISTINCT c.table_name FROM information_schema.columns c
            JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
            WHERE c.table_schema = current_schema() AND c.column_name = 'org_id' AND t.table_type = 'BASE TABLE'`,
      );
      const out: { table: string; rows: unknown[] }[] = [];
      const orgRows = await queryRows<{ r: unknown }>(
        tx,
        sql`SELECT row_to_json(o) AS r FROM organizations o WHERE id = ${org.id}`,
      );
      out.push({ table: 'organizations', rows: orgRows.map((r) => r.r) });
      for (const { table_name: table } of tables) {
        const rows = await queryRows<{ r: unknown }>(
          tx,
          sql`SELECT row_to_json(x) AS r FROM ${sql.identifier(table)} x WHERE org_id = ${org.id}`,
        );
        out.push({ table, rows: rows.map((r) => r.r) });
      }
      return out;
    });
    const backupDir = join(ctx.config.dataDir, 'backup-blobs');
    cpSync(join(blobDir(ctx), 'orgs', org.id), backupDir, { recursive: true });
    expect(dump.find((d) => d.table === 'files')?.rows).toHaveLength(2);

    const report = await deleteOrganization(deps(), org.id);
    expect(report.rows.organizations).toBe(1);
    expect(report.rows.files).toBe(2);
    expect(report.blobsDeleted).toBe(2);
    expect(await ctx.app.services.dataKeys.versions(org.id)).toBeNull();
    // Its file is gone at once; its keys stop working once the key cache (10 s) forgets them.
    expect((await content(ctx.app, org.liveKey, fileId)).status).toBe(404);
    ctx.app.services.auth.invalidate();
    expect((await content(ctx.app, org.liveKey, fileId)).status).toBe(401);
    // The other organization is untouched.
    expect(await content(ctx.app, other.liveKey, otherFileId)).toEqual({
      status: 200,
      text: 'the other organization',
    });

    // The restore: rows back into the database, blobs back into the store.
    await ctx.db.withSystem(async (tx) => {
      for (const { table, rows } of dump) {
        for (const row of rows) {
          await tx.execute(
            sql`INSERT INTO ${sql.identifier(table)} OVERRIDING SYSTEM VALUE SELECT * FROM json_populate_record(NULL::${sql.identifier(table)}, ${JSON.stringify(row)}::json)`,
          );
        }
      }
    });
    cpSync(backupDir, join(blobDir(ctx), 'orgs', org.id), { recursive: true });
    rmSync(backupDir, { recursive: true, force: true });

    // A server started afresh on the restored data, with the same master key and key store.
    const restarted = await buildApp(ctx.config, { db: ctx.db, logger: false });
    try {
      await restarted.ready();
      // The restore is real: the organization's key authenticates and its file's record is back...
      const meta = await restarted.inject({
        method: 'GET',
        url: `/api/files/${fileId}`,
        headers: { authorization: `Bearer ${org.liveKey}` },
      });
      expect(meta.statusCode).toBe(200);
      // ...but its content is gone for good.
      const read = await content(restarted, org.liveKey, fileId);
      expect(read.status).toBe(500);
      expect(JSON.parse(read.text)).toMatchObject({ code: 'data_key_missing' });
      expect(read.text).not.toContain('Jane');
      await expect(restarted.services.blobs.get(`orgs/${org.id}/files/${fileId}`)).rejects.toThrow(
        DataKeyMissingError,
      );
      // Even the store underneath holds nothing readable.
      expect(storedBytes(ctx, org.id).includes(Buffer.from('Jane Roe'))).toBe(false);
      expect(await content(restarted, other.liveKey, otherFileId)).toEqual({
        status: 200,
        text: 'the other organization',
      });
    } finally {
      await restarted.close();
    }
  });

  it('refuses to start with a wrong master key, and records the refusal in every organization’s chain', async () => {
    const wrong = loadConfig({
      GROUNDWORK_DATA_DIR: ctx.config.dataDir,
      GROUNDWORK_LOG_LEVEL: 'silent',
      GROUNDWORK_MASTER_KEY: randomBytes(32).toString('hex'),
    });
    await expect(buildApp(wrong, { db: ctx.db, logger: false })).rejects.toThrow(MasterKeyMismatchError);
    await expect(buildApp(wrong, { db: ctx.db, logger: false })).rejects.toThrow(
      /is not the one the key store was written with/,
    );
    const events = await queryRows<{ action: string; n: number | string }>(
      ctx.db.system,
      sql`SELECT action, count(*) AS n FROM audit_events WHERE org_id = ${other.id} AND action = 'security.master_key_refused' GROUP BY action`,
    );
    expect(events.map((e) => [e.action, Number(e.n)])).toEqual([['security.master_key_refused', 2]]);
    const chain = await verifyAuditChain(ctx.db, other.id);
    expect(chain.intact).toBe(true);
    // The right key still starts.
    const right = await buildApp(ctx.config, { db: ctx.db, logger: false });
    await right.close();
  });

  it('rotates the master key: data keys re-wrapped, stored secrets sealed again, the old key then refused', async () => {
    const before = await ctx.app.services.webhookSecrets.forOrg(other.id);
    const oldKey = readFileSync(join(ctx.config.dataDir, 'master.key'), 'utf8').trim();
    const newKey = randomBytes(32).toString('hex');
    const env = { GROUNDWORK_DATA_DIR: ctx.config.dataDir, GROUNDWORK_LOG_LEVEL: 'silent' };
    // During the rotation every process has both keys.
    const during = await buildApp(
      loadConfig({ ...env, GROUNDWORK_MASTER_KEY: newKey, GROUNDWORK_MASTER_KEY_PREVIOUS: oldKey }),
      { db: ctx.db, logger: false },
    );
    try {
      expect(await content(during, other.liveKey, otherFileId)).toEqual({
        status: 200,
        text: 'the other organization',
      });
      expect(await during.services.dataKeys.rewrap(other.id)).toBe(1);
      const report = await resealSecrets(ctx.db, Buffer.from(newKey, 'hex'), Buffer.from(oldKey, 'hex'));
      expect(report['org_secrets.signing_key']).toEqual({ resealed: 1, current: 0 });
      expect(report['org_secrets.callback_auth']).toEqual({ resealed: 1, current: 0 });
      // Running it again finds everything current.
      const again = await resealSecrets(ctx.db, Buffer.from(newKey, 'hex'), Buffer.from(oldKey, 'hex'));
      expect(again['org_secrets.signing_key']).toEqual({ resealed: 0, current: 1 });
    } finally {
      await during.close();
    }
    // Afterwards the new key alone reads everything; the old one is refused at start.
    const after = await buildApp(loadConfig({ ...env, GROUNDWORK_MASTER_KEY: newKey }), {
      db: ctx.db,
      logger: false,
    });
    try {
      expect(await content(after, other.liveKey, otherFileId)).toEqual({
        status: 200,
        text: 'the other organization',
      });
      expect(await after.services.webhookSecrets.forOrg(other.id)).toEqual(before);
    } finally {
      await after.close();
    }
    await expect(
      buildApp(loadConfig({ ...env, GROUNDWORK_MASTER_KEY: oldKey }), { db: ctx.db, logger: false }),
    ).rejects.toThrow(MasterKeyMismatchError);
  });
});
