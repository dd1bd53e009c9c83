import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { files } from '../src/db/schema.ts';
import { basic, createTestContext, scaleClient, type TestContext, type TestOrg } from './harness.ts';
import { startS3 } from './s3.ts';

const png = readFileSync(new URL('../../cli/demo/images/astronaut.png', import.meta.url));

function multipart(fields: Record<string, string>, file?: { name: string; type: string; data: Buffer }) {
  const boundary = `----gw${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
    );
  }
  if (file) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`,
      ),
      file.data,
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

async function upload(
  ctx: TestContext,
  key: string,
  fields: Record<string, string>,
  file = { name: 'astronaut.png', type: 'image/png', data: png },
) {
  const body = multipart(fields, file);
  const response = await ctx.app.inject({
    method: 'POST',
    url: '/v1/files/upload',
    headers: { authorization: basic(key), 'content-type': body.contentType },
    payload: body.payload,
  });
  return { status: response.statusCode, body: response.json() };
}

describe('files on the filesystem store', () => {
  let ctx: TestContext;
  let org: TestOrg;
  let origin: Server;
  let originUrl: string;

  beforeAll(async () => {
    ctx = await createTestContext();
    org = await ctx.org();
    await scaleClient(ctx.app, org.liveKey).post('/projects', { type: 'imageannotation', name: 'imgs' });
    origin = createServer((req, res) => {
      if (req.url === '/missing.png') return res.writeHead(404).end();
      res.writeHead(200, { 'content-type': 'image/png' }).end(png);
    });
    await new Promise<void>((resolve) => origin.listen(0, '127.0.0.1', resolve));
    originUrl = `http://127.0.0.1:${(origin.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    origin.close();
    await ctx.close();
  });

  it('uploads a file whose reference works as a task attachment', async () => {
    const { status, body } = await upload(ctx, org.liveKey, {
      project_name: 'imgs',
      display_name: 'Astronaut',
      reference_id: 'ref-1',
      metadata: '{"source":"nasa"}',
    });
    expect(status).toBe(200);
    expect(body).toMatchObject({
      mime_type: 'image/png',
      size: png.length,
      display_name: 'Astronaut',
      project_names: ['imgs'],
      metadata: { source: 'nasa' },
    });
    expect(body.attachment_url).toBe(`groundwork://files/${body.id}`);
    const task = await scaleClient(ctx.app, org.liveKey).post('/task/imageannotation', {
      project: 'imgs',
      attachment: body.attachment_url,
      geometries: { box: { objects_to_annotate: ['person'] } },
    });
    expect(task.status).toBe(200);
    const duplicate = await upload(ctx, org.liveKey, { reference_id: 'ref-1' });
    expect(duplicate.status).toBe(409);
  });

  it('accepts text fields after the file part (curl -F order)', async () => {
    const boundary = 'after-file';
    const payload = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\nContent-Type: image/png\r\n\r\n`,
      ),
      png,
      Buffer.from(
        `\r\n--${boundary}\r\nContent-Disposition: form-data; name="display_name"\r\n\r\nLate name\r\n--${boundary}--\r\n`,
      ),
    ]);
    const response = await ctx.app.inject({
      method: 'POST',
      url: '/v1/files/upload',
      headers: {
        authorization: basic(org.liveKey),
        'content-type': `multipart/form-data; boundary=${boundary}`,
      },
      payload,
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ display_name: 'Late name', size: png.length });
  });

  it('rejects an upload without a file, with bad metadata, or for an unknown project', async () => {
    const body = multipart({ display_name: 'x' });
    const none = await ctx.app.inject({
      method: 'POST',
      url: '/v1/files/upload',
      headers: { authorization: basic(org.liveKey), 'content-type': body.contentType },
      payload: body.payload,
    });
    expect(none.statusCode).toBe(400);
    expect(none.json().error).toContain('file');
    const blobDir = join(ctx.config.dataDir, 'blobs');
    const blobsBefore = existsSync(blobDir) ? readdirSync(blobDir, { recursive: true }).length : 0;
    expect((await upload(ctx, org.liveKey, { metadata: '{not json' })).status).toBe(400);
    expect((await upload(ctx, org.liveKey, { project_name: 'ghost' })).status).toBe(400);
    expect((await upload(ctx, org.liveKey, { reference_id: 'ref-1' })).status).toBe(409);
    // Refused uploads leave no blob behind.
    expect(existsSync(blobDir) ? readdirSync(blobDir, { recursive: true }).length : 0).toBe(blobsBefore);
    const json = await scaleClient(ctx.app, org.liveKey).post('/files/upload', { file: 'x' });
    expect(json.status).toBe(415);
  });

  it('refuses to import from loopback unless the operator allows private addresses', async () => {
    const refused = await scaleClient(ctx.app, org.liveKey).post('/files/import', {
      file_url: `${originUrl}/a.png`,
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatch(/^file_url: refusing .*loopback/);
    const scheme = await scaleClient(ctx.app, org.liveKey).post('/files/import', {
      file_url: 'file:///etc/passwd',
    });
    expect(scheme.status).toBe(400);
  });

  it('imports from an allowed URL', async () => {
    const open = await createTestContext({ GROUNDWORK_ALLOW_PRIVATE_NETWORK: 'true' });
    try {
      const o = await open.org();
      const client = scaleClient(open.app, o.liveKey);
      const imported = await client.post('/files/import', {
        file_url: `${originUrl}/pics/a.png`,
        reference_id: 'r',
      });
      expect(imported.status).toBe(200);
      expect(imported.body).toMatchObject({
        mime_type: 'image/png',
        size: png.length,
        display_name: 'a.png',
      });
      const missing = await client.post('/files/import', { file_url: `${originUrl}/missing.png` });
      expect(missing.status).toBe(502);
      expect(missing.body.error).toContain('404');
    } finally {
      await open.close();
    }
  });

  it('enforces the file size limit and leaves nothing behind', async () => {
    const small = await createTestContext({ GROUNDWORK_MAX_FILE_BYTES: '2048' });
    try {
      const o = await small.org();
      const tooBig = await upload(small, o.liveKey, {});
      expect(tooBig.status).toBe(413);
      expect(await small.db.system.select().from(files)).toEqual([]);
      const blobDir = join(small.config.dataDir, 'blobs');
      const left = existsSync(blobDir)
        ? readdirSync(blobDir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile())
        : [];
      expect(left).toEqual([]);
    } finally {
      await small.close();
    }
  });
});

describe('files on an S3-compatible store', () => {
  it('stores uploads in the bucket', async () => {
    const s3 = await startS3();
    const ctx = await createTestContext(s3.env);
    try {
      const org = await ctx.org();
      const { status, body } = await upload(ctx, org.liveKey, {});
      expect(status).toBe(200);
      expect(body.size).toBe(png.length);
    } finally {
      await ctx.close();
      await s3.stop();
    }
  });
});

describe('evaluation and training tasks (gold)', () => {
  let ctx: TestContext;
  let org: TestOrg;
  beforeAll(async () => {
    ctx = await createTestContext();
    org = await ctx.org();
    await scaleClient(ctx.app, org.liveKey).post('/projects', {
      type: 'categorization',
      name: 'spam',
      params: { categories: ['spam', 'ham'] },
    });
  });
  afterAll(() => ctx.close());

  it('stores a gold task with its validated expected response', async () => {
    for (const kind of ['evaluation', 'training']) {
      const { status, body } = await scaleClient(ctx.app, org.liveKey).post(`/${kind}_tasks/categorization`, {
        project: 'spam',
        attachment: 'WIN A PRIZE',
        attachment_type: 'text',
        expected_response: { category: 'spam' },
      });
      expect(status).toBe(200);
      expect(body).toMatchObject({ expected_response: { category: 'spam' }, project: 'spam' });
      expect(body.id).toMatch(/^[0-9a-f]{24}$/);
    }
    const listed = await scaleClient(ctx.app, org.liveKey).get('/tasks?project=spam');
    expect(listed.body.total).toBe(0);
  });

  it('rejects a missing or invalid expected response naming the field', async () => {
    const missing = await scaleClient(ctx.app, org.liveKey).post('/evaluation_tasks/categorization', {
      project: 'spam',
      attachment: 'x',
      attachment_type: 'text',
    });
    expect(missing.status).toBe(400);
    expect(missing.body.error).toContain('expected_response');
    const wrong = await scaleClient(ctx.app, org.liveKey).post('/evaluation_tasks/categorization', {
      project: 'spam',
      attachment: 'x',
      attachment_type: 'text',
      expected_response: { category: 'eggs' },
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error).toContain('expected_response');
  });
});
