import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../src/db/database.ts';
import { tasks } from '../src/db/schema.ts';
import { basic, createTestContext, scaleClient, type TestContext, type TestOrg } from './harness.ts';

let ctx: TestContext;
let a: TestOrg;
let b: TestOrg;
let taskId: string;
let fileId: string;

beforeAll(async () => {
  ctx = await createTestContext();
  a = await ctx.org();
  b = await ctx.org();
  const scaleA = scaleClient(ctx.app, a.liveKey);
  await scaleA.post('/projects', {
    type: 'categorization',
    name: 'secret-project',
    params: { categories: ['x', 'y'] },
  });
  await scaleA.post('/batches', { project: 'secret-project', name: 'secret-batch' });
  taskId = (
    await scaleA.post('/task/categorization', {
      batch: 'secret-batch',
      attachment: 'PII',
      attachment_type: 'text',
      unique_id: 'shared-uid',
    })
  ).body.task_id;
  const boundary = 'x-boundary';
  const upload = await ctx.app.inject({
    method: 'POST',
    url: '/v1/files/upload',
    headers: { authorization: basic(a.liveKey), 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="s.txt"\r\nContent-Type: text/plain\r\n\r\nsecret\r\n--${boundary}--\r\n`,
  });
  expect(upload.statusCode).toBe(200);
  fileId = upload.json().id;
});
afterAll(() => ctx.close());

describe('tenant isolation', () => {
  it("does not return another org's project, batch or task: 404", async () => {
    const scaleB = scaleClient(ctx.app, b.liveKey);
    expect((await scaleB.get('/projects/secret-project')).status).toBe(404);
    expect((await scaleB.get('/batches/secret-batch')).status).toBe(404);
    expect((await scaleB.get('/batches/secret-batch/status')).status).toBe(404);
    expect((await scaleB.get(`/task/${taskId}`)).status).toBe(404);
    expect((await scaleB.post(`/task/${taskId}/cancel`)).status).toBe(404);
    expect((await scaleB.post(`/task/${taskId}/setMetadata`, { stolen: true })).status).toBe(404);
    expect((await scaleB.post(`/task/${taskId}/tags`, ['x'])).status).toBe(404);
    expect((await scaleB.delete(`/task/${taskId}/unique_id`)).status).toBe(404);
    expect((await scaleB.get('/tasks')).body.total).toBe(0);
    expect((await scaleB.get('/projects')).body).toEqual([]);
  });

  it("cannot use another org's names for task creation", async () => {
    const scaleB = scaleClient(ctx.app, b.liveKey);
    const res = await scaleB.post('/task/categorization', {
      batch: 'secret-batch',
      attachment: 'x',
      attachment_type: 'text',
      categories: ['a'],
    });
    expect(res.status).toBe(400);
    const own = await scaleB.post('/task/categorization', {
      attachment: 'x',
      attachment_type: 'text',
      categories: ['a'],
      unique_id: 'shared-uid',
    });
    expect(own.status).toBe(200);
  });

  it("cannot attach another org's file", async () => {
    const scaleB = scaleClient(ctx.app, b.liveKey);
    const res = await scaleB.post('/task/categorization', {
      attachment: `groundwork://files/${fileId}`,
      attachment_type: 'image',
      categories: ['a'],
    });
    expect(res.status).toBe(400);
    expect(res.body.error).toContain(fileId);
  });

  it('row-level security hides other orgs even from a query without a WHERE clause', async () => {
    const seen = await ctx.db.withOrg(b.id, (tx) =>
      tx.select({ id: tasks.id, orgId: tasks.orgId }).from(tasks),
    );
    expect(seen.every((row) => row.orgId === b.id)).toBe(true);
    expect(seen.some((row) => row.id === taskId)).toBe(false);
    const role = await ctx.db.withOrg(b.id, (tx) =>
      queryRows(
        tx,
        sql`SELECT current_user AS role, (SELECT rolbypassrls FROM pg_roles WHERE rolname = current_user) AS bypass`,
      ),
    );
    expect(role[0]).toMatchObject({ role: 'groundwork_app', bypass: false });
  });

  it("refuses to write a row into another org's tenancy", async () => {
    await expect(
      ctx.db.withOrg(b.id, (tx) =>
        tx
          .update(tasks)
          .set({ metadata: { hijacked: true } })
          .where(sql`id = ${taskId}`)
          .returning({ id: tasks.id }),
      ),
    ).resolves.toEqual([]);
    await expect(
      ctx.db.withOrg(b.id, (tx) =>
        tx.execute(
          sql`INSERT INTO tasks (id, org_id, is_test, project_id, type, status, params, metadata) VALUES ('ffffffffffffffffffffffff', ${a.id}, false, 'p', 'categorization', 'pending', '{}', '{}')`,
        ),
      ),
    ).rejects.toThrow();
  });

  it('scopes every org-owned table with a policy', async () => {
    const rows = await queryRows<{ relname: string; relrowsecurity: boolean }>(
      ctx.db.system,
      sql`
      SELECT c.relname, c.relrowsecurity
      FROM pg_class c JOIN information_schema.columns col ON col.table_name = c.relname AND col.column_name = 'org_id'
      WHERE c.relkind = 'r' AND col.table_schema = 'public'`,
    );
    expect(rows.length).toBeGreaterThanOrEqual(9);
    for (const row of rows)
      expect({ table: row.relname, rls: row.relrowsecurity }).toEqual({ table: row.relname, rls: true });
  });
});
