import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FILE_CONTENT_CSP } from '../src/routes/api/files.ts';
import {
  type Body,
  callApi,
  createTestContext,
  errorPaths,
  type TestContext,
  type TestOrg,
} from './harness.ts';

let ctx: TestContext;
let org: TestOrg;
let origin: Server;
let originUrl: string;

const api = (method: 'GET' | 'POST' | 'DELETE', url: string, payload?: unknown, key = org.liveKey) =>
  callApi(ctx.app, key, method, url, payload);
const paths = errorPaths;

function multipart(fields: Record<string, string>, file?: { name: string; type: string; data: string }) {
  const boundary = `gw${Math.random().toString(16).slice(2)}`;
  let body = '';
  for (const [name, value] of Object.entries(fields)) {
    body += `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
  }
  if (file) {
    body += `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n${file.data}\r\n`;
  }
  return { payload: `${body}--${boundary}--\r\n`, contentType: `multipart/form-data; boundary=${boundary}` };
}

beforeAll(async () => {
  ctx = await createTestContext({ GROUNDWORK_ALLOW_PRIVATE_NETWORK: 'true' });
  org = await ctx.org();
  await api('POST', '/projects', {
    name: 'docs',
    type: 'categorization',
    params: { categories: ['a', 'b'] },
  });
  origin = createServer((req, res) => {
    if (req.url === '/note.txt') {
      res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('imported text');
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => origin.listen(0, '127.0.0.1', resolve));
  originUrl = `http://127.0.0.1:${(origin.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => origin.close(resolve));
  await ctx.close();
});

describe('/api/api-keys', () => {
  it('creates a key whose secret is shown once and works at once', async () => {
    const created = await api('POST', '/api-keys', { name: 'ci', environment: 'live' });
    expect(created.status).toBe(200);
    expect(created.body.key).toMatch(/^live_[0-9a-f]{48}$/);
    expect(created.body).toMatchObject({ name: 'ci', environment: 'live', revokedAt: null });
    expect(created.body.key.startsWith(created.body.prefix)).toBe(true);
    expect((await api('GET', '/org', undefined, created.body.key)).status).toBe(200);

    const list = await api('GET', '/api-keys');
    expect(list.body.items.map((k: Body) => k.name)).toEqual(['live', 'test', 'ci']);
    expect(JSON.stringify(list.body)).not.toContain(created.body.key);
  });

  it('revokes a key: requests with it fail from then on', async () => {
    const created = await api('POST', '/api-keys', { name: 'short-lived', environment: 'live' });
    expect((await api('GET', '/org', undefined, created.body.key)).status).toBe(200);
    const revoked = await api('DELETE', `/api-keys/${created.body.id}`);
    expect(revoked.status).toBe(200);
    expect(revoked.body.revokedAt).not.toBeNull();
    expect((await api('GET', '/org', undefined, created.body.key)).status).toBe(401);
    expect((await api('DELETE', '/api-keys/000000000000000000000000')).status).toBe(404);
  });

  it('names the bad field of a bad request', async () => {
    const badEnv = await api('POST', '/api-keys', { name: 'x', environment: 'prod' });
    expect(badEnv.status).toBe(400);
    expect(paths(badEnv.body)).toEqual(['environment']);
    const noName = await api('POST', '/api-keys', { name: '  ', environment: 'test' });
    expect(paths(noName.body)).toEqual(['name']);
  });

  it('does not let a test key create or revoke live keys', async () => {
    const escalate = await api('POST', '/api-keys', { name: 'x', environment: 'live' }, org.testKey);
    expect(escalate.status).toBe(403);
    const keys = (await api('GET', '/api-keys')).body.items as Body[];
    const live = keys.find((k) => k.name === 'live');
    expect((await api('DELETE', `/api-keys/${live?.id}`, undefined, org.testKey)).status).toBe(403);
    const testKey = await api('POST', '/api-keys', { name: 'sandbox', environment: 'test' }, org.testKey);
    expect(testKey.status).toBe(200);
  });
});

describe('/api/files', () => {
  it('uploads a file, describes it and streams its content back', async () => {
    const form = multipart(
      { project_name: 'docs', reference_id: 'ref-1', metadata: '{"source":"test"}' },
      { name: 'hello.txt', type: 'text/plain', data: 'hello world' },
    );
    const uploaded = await ctx.app.inject({
      method: 'POST',
      url: '/api/files',
      headers: { authorization: `Bearer ${org.liveKey}`, 'content-type': form.contentType },
      payload: form.payload,
    });
    expect(uploaded.statusCode, uploaded.body).toBe(200);
    const file = uploaded.json() as Body;
    expect(file).toMatchObject({
      displayName: 'hello.txt',
      mimeType: 'text/plain',
      size: 11,
      project: 'docs',
      referenceId: 'ref-1',
      metadata: { source: 'test' },
      attachmentUrl: `groundwork://files/${file.id}`,
      contentUrl: `/api/files/${file.id}/content`,
    });

    expect((await api('GET', `/files/${file.id}`)).body.sha256).toBe(file.sha256);
    const content = await ctx.app.inject({
      url: `/api/files/${file.id}/content`,
      headers: { authorization: `Bearer ${org.liveKey}` },
    });
    expect(content.statusCode).toBe(200);
    expect(content.body).toBe('hello world');
    expect(content.headers['content-type']).toMatch(/^text\/plain/);
    expect(content.headers['content-disposition']).toBe('inline');
    expect(content.headers['x-content-type-options']).toBe('nosniff');
    expect(content.headers['content-security-policy']).toBe(FILE_CONTENT_CSP);
  });

  it('serves an uploaded HTML page sandboxed: it can run no script on this origin', async () => {
    const form = new FormData();
    form.append('file', new Blob(['<script>fetch("/api/org")</script>'], { type: 'text/html' }), 'page.html');
    const request = new Request('http://localhost/api/files', { method: 'POST', body: form });
    const uploaded = await ctx.app.inject({
      method: 'POST',
      url: '/api/files',
      headers: {
        authorization: `Bearer ${org.liveKey}`,
        'content-type': request.headers.get('content-type') ?? '',
      },
      payload: Buffer.from(await request.arrayBuffer()),
    });
    expect(uploaded.statusCode, uploaded.body).toBe(200);
    const content = await ctx.app.inject({
      url: `/api/files/${uploaded.json().id}/content`,
      headers: { authorization: `Bearer ${org.liveKey}` },
    });
    expect(content.headers['content-type']).toMatch(/^text\/html/);
    expect(content.headers['content-security-policy']).toMatch(/^sandbox;/);
    expect(content.headers['content-security-policy']).toContain("default-src 'none'");
  });

  it('imports a file from a URL', async () => {
    const imported = await api('POST', '/files/import', {
      url: `${originUrl}/note.txt`,
      displayName: 'Note',
      metadata: { k: 1 },
    });
    expect(imported.status).toBe(200);
    expect(imported.body).toMatchObject({
      displayName: 'Note',
      mimeType: 'text/plain',
      size: 13,
      sourceUrl: `${originUrl}/note.txt`,
      metadata: { k: 1 },
      project: null,
    });
  });

  it('names the bad field of a bad request', async () => {
    const badUrl = await api('POST', '/files/import', { url: 'ftp://example.com/x' });
    expect(badUrl.status).toBe(400);
    expect(paths(badUrl.body)).toEqual(['url']);
    const badProject = await api('POST', '/files/import', {
      url: `${originUrl}/note.txt`,
      projectName: 'nope',
    });
    expect(badProject.status).toBe(400);
    expect(paths(badProject.body)).toEqual(['projectName']);
    const missing = await api('POST', '/files/import', { url: `${originUrl}/missing` });
    expect(missing.status).toBe(502);

    const noFile = multipart({ display_name: 'x' });
    const upload = await ctx.app.inject({
      method: 'POST',
      url: '/api/files',
      headers: { authorization: `Bearer ${org.liveKey}`, 'content-type': noFile.contentType },
      payload: noFile.payload,
    });
    expect(upload.statusCode).toBe(400);
    expect(paths(upload.json())).toEqual(['file']);
    expect((await api('POST', '/files', {})).status).toBe(415);
    expect((await api('GET', '/files/000000000000000000000000')).status).toBe(404);
  });
});
