/**
 * Hardening of both APIs: rate limits per API key and per client address, security headers on every
 * response, request size limits, server-side requests refused for private addresses (with an audit
 * event), and webhook secrets shown once.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App, buildApp, WEB_APP_CSP } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { type Database, queryRows } from '../src/db/database.ts';
import { API_CSP } from '../src/http/security-headers.ts';
import { createJobRunner } from '../src/jobs/index.ts';
import type { ResolveHost } from '../src/net/index.ts';
import { OrgService } from '../src/services/orgs.ts';
import {
  basic,
  callApi,
  createTestContext,
  createTestDatabase,
  scaleClient,
  type TestContext,
  type TestOrg,
} from './harness.ts';
import { addMember, callAsSession, login, PASSWORD } from './session-client.ts';

const silent = { info() {}, warn() {}, error() {} };

interface RefusalEvent {
  actor_type: string;
  data: { field: string; url: string; address: string | null; reason: string; stage: string };
}

/** The `security.outbound_refused` events of an organization, oldest first. */
async function refusals(db: Database, orgId: string): Promise<RefusalEvent[]> {
  return queryRows<RefusalEvent>(
    db.system,
    sql`SELECT actor_type, data FROM audit_events
        WHERE org_id = ${orgId} AND action = 'security.outbound_refused' ORDER BY id`,
  );
}

/** POSTs an NDJSON import to `/api/tasks/import`. */
async function importNdjson(app: App, key: string, query: string, lines: unknown[]) {
  const response = await app.inject({
    method: 'POST',
    url: `/api/tasks/import?${query}`,
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/x-ndjson' },
    payload: lines.map((line) => JSON.stringify(line)).join('\n'),
  });
  return { status: response.statusCode, body: response.json(), headers: response.headers };
}

const task = (extra: Record<string, unknown> = {}) => ({
  attachment: 'Is this a cat?',
  attachment_type: 'text',
  categories: ['cat', 'dog'],
  ...extra,
});

describe('security headers', () => {
  const webDir = mkdtempSync(join(tmpdir(), 'gw-web-'));
  mkdirSync(join(webDir, 'assets'));
  writeFileSync(join(webDir, 'index.html'), '<!doctype html><div id="root"></div>');
  let ctx: TestContext;
  let secure: TestContext;
  let org: TestOrg;

  beforeAll(async () => {
    ctx = await createTestContext({ GROUNDWORK_WEB_DIR: webDir });
    secure = await createTestContext({ GROUNDWORK_PUBLIC_URL: 'https://label.example.com' });
    org = await ctx.org();
  });
  afterAll(async () => {
    await ctx?.close();
    await secure?.close();
    rmSync(webDir, { recursive: true, force: true });
  });

  it('are on every response: both APIs, errors, 404s, the health check and the web app', async () => {
    const requests = [
      { url: '/v1/tasks', headers: { authorization: basic(org.liveKey) } },
      { url: '/v1/tasks' },
      { url: '/api/projects', headers: { authorization: `Bearer ${org.liveKey}` } },
      { url: '/api/no-such-route' },
      { url: '/healthz' },
      { url: '/' },
      { url: '/console/projects' },
    ];
    for (const request of requests) {
      const response = await ctx.app.inject({ method: 'GET', ...request });
      const where = `${request.url} (${response.statusCode})`;
      expect(response.headers['x-content-type-options'], where).toBe('nosniff');
      expect(response.headers['referrer-policy'], where).toBe('same-origin');
      expect(response.headers['cross-origin-opener-policy'], where).toBe('same-origin');
      expect(response.headers['cross-origin-resource-policy'], where).toBe('same-origin');
      expect(response.headers['x-powered-by'], where).toBeUndefined();
      // The public URL is not https here: no HSTS.
      expect(response.headers['strict-transport-security'], where).toBeUndefined();
    }
  });

  it('give JSON answers a policy that allows nothing, and the web app its own', async () => {
    const json = await ctx.app.inject({ method: 'GET', url: '/v1/tasks' });
    expect(json.statusCode).toBe(401);
    expect(json.headers['content-security-policy']).toBe(API_CSP);
    const page = await ctx.app.inject({ method: 'GET', url: '/work' });
    expect(page.headers['content-security-policy']).toBe(WEB_APP_CSP);
    expect(page.headers['x-frame-options']).toBe('DENY');
  });

  it('keep the web app policy strict: no inline script, no plugins, no framing, no <base>', () => {
    const directives = new Map(
      WEB_APP_CSP.split(';').map((d) => {
        const [name = '', ...values] = d.trim().split(/\s+/);
        return [name, values] as const;
      }),
    );
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(WEB_APP_CSP).not.toContain('unsafe-eval');
  });

  it('include HSTS when the public URL is https', async () => {
    for (const url of ['/healthz', '/v1/tasks', '/api/auth/session']) {
      const response = await secure.app.inject({ method: 'GET', url });
      expect(response.headers['strict-transport-security'], url).toBe('max-age=31536000');
    }
  });
});

describe('rate limits', () => {
  let ctx: TestContext;
  let org: TestOrg;
  let email: string;

  beforeAll(async () => {
    ctx = await createTestContext({
      GROUNDWORK_RATE_LIMIT_PER_KEY: '5',
      GROUNDWORK_RATE_LIMIT_PER_IP: '3',
      GROUNDWORK_TRUST_PROXY: 'true',
    });
    org = await ctx.org();
    ({ email } = await addMember(ctx, org.id, 'manager'));
  });
  afterAll(() => ctx?.close());

  /** A request from the client address `ip` (through the trusted proxy's X-Forwarded-For). */
  const from = (ip: string, headers: Record<string, string> = {}) => ({ 'x-forwarded-for': ip, ...headers });

  it('answers 429 in Scale shape on /v1 past the per-key limit, with Retry-After; other keys go on', async () => {
    const o = await ctx.org();
    const scale = scaleClient(ctx.app, o.liveKey);
    for (let i = 1; i <= 5; i++) {
      const response = await scale.get('/tasks');
      expect(response.status, `request ${i}`).toBe(200);
      expect(response.raw.headers['x-ratelimit-limit']).toBe('5');
      expect(response.raw.headers['x-ratelimit-remaining']).toBe(String(5 - i));
    }
    const limited = await scale.get('/tasks');
    expect(limited.status).toBe(429);
    expect(limited.body).toEqual({ status_code: 429, error: expect.stringMatching(/^Too many requests/) });
    const retryAfter = Number(limited.raw.headers['retry-after']);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(limited.raw.headers['x-ratelimit-remaining']).toBe('0');
    // Counted per key: the test key of the same organization is not limited, nor another organization.
    expect((await scaleClient(ctx.app, o.testKey).get('/tasks')).status).toBe(200);
    expect((await scaleClient(ctx.app, org.liveKey).get('/tasks')).status).toBe(200);
  });

  it('answers 429 rate_limited on /api past the per-key limit', async () => {
    const o = await ctx.org();
    for (let i = 1; i <= 5; i++)
      expect((await callApi(ctx.app, o.liveKey, 'GET', '/projects')).status).toBe(200);
    const response = await ctx.app.inject({
      method: 'GET',
      url: '/api/projects',
      headers: { authorization: `Bearer ${o.liveKey}` },
    });
    expect(response.statusCode).toBe(429);
    expect(response.json()).toEqual({
      code: 'rate_limited',
      message: expect.stringMatching(/^Too many requests from this API key/),
      details: [],
    });
    expect(Number(response.headers['retry-after'])).toBeGreaterThanOrEqual(1);
  });

  it('counts a signed-in person on their own, not on their address', async () => {
    const person = await addMember(ctx, org.id, 'viewer');
    const session = await login(ctx.app, person.email);
    for (let i = 1; i <= 5; i++) {
      expect((await callAsSession(ctx.app, session, 'GET', '/projects')).status, `request ${i}`).toBe(200);
    }
    const limited = await callAsSession(ctx.app, session, 'GET', '/projects');
    expect(limited.status).toBe(429);
    expect(limited.body).toMatchObject({ code: 'rate_limited', message: expect.stringContaining('person') });
    // Another person on the same address is not affected.
    const colleague = await login(ctx.app, (await addMember(ctx, org.id, 'viewer')).email);
    expect((await callAsSession(ctx.app, colleague, 'GET', '/projects')).status).toBe(200);
  });

  it('counts a bulk import as one request', async () => {
    const o = await ctx.org();
    const lines = Array.from({ length: 50 }, (_, i) => task({ unique_id: `bulk-${i}` }));
    const imported = await importNdjson(ctx.app, o.liveKey, 'type=categorization', lines);
    expect(imported.status).toBe(200);
    expect(imported.body.created).toBe(50);
    expect(imported.headers['x-ratelimit-remaining']).toBe('4');
  });

  it('limits sign-in per client address, separately for each address', async () => {
    const attempt = (ip: string, password: string) =>
      ctx.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        headers: from(ip),
        payload: { email, password },
      });
    expect((await attempt('203.0.113.7', 'wrong')).statusCode).toBe(401);
    expect((await attempt('203.0.113.7', 'wrong')).statusCode).toBe(401);
    expect((await attempt('203.0.113.7', PASSWORD)).statusCode).toBe(200);
    const limited = await attempt('203.0.113.7', PASSWORD);
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toMatchObject({ code: 'rate_limited' });
    expect(limited.json().message).toContain('this client address');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    // Another address signs in.
    expect((await attempt('203.0.113.8', PASSWORD)).statusCode).toBe(200);
  });

  it('counts refused credentials against the address, but never blocks a valid key from it', async () => {
    const ip = '198.51.100.20';
    const bad = () =>
      ctx.app.inject({
        method: 'GET',
        url: '/v1/tasks',
        headers: from(ip, { authorization: basic('live_not-a-real-key') }),
      });
    for (let i = 0; i < 3; i++) expect((await bad()).statusCode).toBe(401);
    const limited = await bad();
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toEqual({ status_code: 429, error: expect.stringContaining('client address') });
    expect(Number(limited.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    const noCredentials = await ctx.app.inject({ method: 'GET', url: '/api/projects', headers: from(ip) });
    expect(noCredentials.statusCode).toBe(429);
    const o = await ctx.org();
    const valid = await ctx.app.inject({
      method: 'GET',
      url: '/v1/tasks',
      headers: from(ip, { authorization: basic(o.liveKey) }),
    });
    expect(valid.statusCode).toBe(200);
  });

  it('never limits the health check or the web app', async () => {
    for (let i = 0; i < 20; i++) {
      const response = await ctx.app.inject({ method: 'GET', url: '/healthz', headers: from('192.0.2.99') });
      expect(response.statusCode).toBe(200);
      expect(response.headers['x-ratelimit-limit']).toBeUndefined();
    }
  });

  it('is off when set to 0', async () => {
    const open = await createTestContext({
      GROUNDWORK_RATE_LIMIT_PER_KEY: '0',
      GROUNDWORK_RATE_LIMIT_PER_IP: '0',
    });
    try {
      const o = await open.org();
      for (let i = 0; i < 30; i++) {
        const response = await scaleClient(open.app, o.liveKey).get('/tasks');
        expect(response.status).toBe(200);
        expect(response.raw.headers['x-ratelimit-limit']).toBeUndefined();
      }
    } finally {
      await open.close();
    }
  });

  it('has defaults a pipeline creating tasks one by one at full speed does not meet', () => {
    const config = loadConfig({ GROUNDWORK_DATA_DIR: tmpdir() });
    // bench/ingest measured ~3,400 single-task creates a second (~206,000 a minute) on one key.
    expect(config.rateLimitPerKey).toBe(300_000);
    expect(config.rateLimitPerIp).toBe(600);
  });
});

describe('request size limits', () => {
  let ctx: TestContext;
  let org: TestOrg;

  beforeAll(async () => {
    ctx = await createTestContext({
      GROUNDWORK_MAX_BODY_BYTES: '4096',
      GROUNDWORK_MAX_FILE_BYTES: '2048',
      GROUNDWORK_MAX_IMPORT_BYTES: '4096',
    });
    org = await ctx.org();
  });
  afterAll(() => ctx?.close());

  const auth = () => ({ authorization: `Bearer ${org.liveKey}` });

  it('answers 413 payload_too_large for a JSON body over the limit on /api', async () => {
    const response = await ctx.app.inject({
      method: 'POST',
      url: '/api/projects',
      headers: { ...auth(), 'content-type': 'application/json' },
      payload: JSON.stringify({ name: 'big', type: 'categorization', params: { x: 'y'.repeat(10_000) } }),
    });
    expect(response.statusCode).toBe(413);
    expect(response.json()).toMatchObject({ code: 'payload_too_large', details: [] });
    expect((await callApi(ctx.app, org.liveKey, 'GET', '/projects')).body.items).toEqual([]);
  });

  it('answers 413 for an uploaded file over the limit, on /api and /v1', async () => {
    const boundary = 'gwlimit';
    const payload = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.txt"\r\nContent-Type: text/plain\r\n\r\n${'z'.repeat(3000)}\r\n--${boundary}--\r\n`;
    const headers = { 'content-type': `multipart/form-data; boundary=${boundary}` };
    const viaApi = await ctx.app.inject({
      method: 'POST',
      url: '/api/files',
      headers: { ...auth(), ...headers },
      payload,
    });
    expect(viaApi.statusCode).toBe(413);
    expect(viaApi.json()).toMatchObject({ code: 'payload_too_large' });
    const viaScale = await ctx.app.inject({
      method: 'POST',
      url: '/v1/files/upload',
      headers: { authorization: basic(org.liveKey), ...headers },
      payload,
    });
    expect(viaScale.statusCode).toBe(413);
    expect(viaScale.json()).toMatchObject({ status_code: 413 });
  });

  it('answers 413 for an NDJSON or CSV import over the limit, and writes nothing', async () => {
    const lines = Array.from({ length: 100 }, (_, i) => task({ unique_id: `big-${i}` }));
    const ndjson = await importNdjson(ctx.app, org.liveKey, 'type=categorization', lines);
    expect(ndjson.status).toBe(413);
    expect(ndjson.body).toMatchObject({ code: 'payload_too_large' });
    const csv = await ctx.app.inject({
      method: 'POST',
      url: '/api/tasks/import?type=categorization&mode=partial',
      headers: { ...auth(), 'content-type': 'text/csv' },
      payload: `attachment,categories\n${Array.from({ length: 300 }, (_, i) => `text ${i},"[""a"",""b""]"`).join('\n')}\n`,
    });
    expect(csv.statusCode).toBe(413);
    expect(csv.json()).toMatchObject({ code: 'payload_too_large' });
    expect((await callApi(ctx.app, org.liveKey, 'GET', '/tasks')).body.total).toBe(0);
  });
});

describe('server-side requests to private addresses', () => {
  let ctx: TestContext;
  let org: TestOrg;

  beforeAll(async () => {
    ctx = await createTestContext();
    org = await ctx.org();
    await callApi(ctx.app, org.liveKey, 'POST', '/projects', {
      name: 'pets',
      type: 'categorization',
      params: { categories: ['cat', 'dog'] },
    });
  });
  afterAll(() => ctx?.close());

  it('refuses a task callback_url on localhost with a 400 naming the field, and records it', async () => {
    const o = await ctx.org();
    const scale = scaleClient(ctx.app, o.liveKey);
    const refused = await scale.post(
      '/task/categorization',
      task({ callback_url: 'http://localhost:9/hook' }),
    );
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatch(
      /^callback_url: refusing http:\/\/localhost:9\/hook: address .+ is loopback/,
    );
    expect((await scale.get('/tasks')).body.total).toBe(0);
    const [event, ...more] = await refusals(ctx.db, o.id);
    expect(more).toEqual([]);
    expect(event?.actor_type).toBe('api_key');
    expect(event?.data).toMatchObject({
      field: 'callback_url',
      url: 'http://localhost:9/hook',
      stage: 'request',
    });
    expect(['127.0.0.1', '::1']).toContain(event?.data.address);
  });

  it('refuses loopback, private and link-local literals, and keeps query strings out of the record', async () => {
    const o = await ctx.org();
    const scale = scaleClient(ctx.app, o.testKey);
    for (const url of [
      'http://127.0.0.1/x?token=secret',
      'https://10.1.2.3/',
      'http://169.254.169.254/latest/',
    ]) {
      const refused = await scale.post('/task/categorization', task({ callback_url: url }));
      expect(refused.status, url).toBe(400);
      expect(refused.body.error, url).toMatch(/^callback_url: refusing /);
    }
    const events = await refusals(ctx.db, o.id);
    expect(events.map((e) => e.data.url)).toEqual([
      'http://127.0.0.1/x?…',
      'https://10.1.2.3/',
      'http://169.254.169.254/latest/',
    ]);
    expect(JSON.stringify(events)).not.toContain('secret');
  });

  it('takes public and email callbacks', async () => {
    const scale = scaleClient(ctx.app, org.liveKey);
    for (const callback_url of ['https://93.184.216.34/hook', 'ops@example.com']) {
      const created = await scale.post('/task/categorization', task({ callback_url }));
      expect(created.status, callback_url).toBe(200);
    }
  });

  it('refuses a bulk import row whose callback_url is private, naming the line and the field', async () => {
    const o = await ctx.org();
    const lines = [
      task({ unique_id: 'ok-1' }),
      task({ unique_id: 'bad-1', callback_url: 'http://127.0.0.1:8080/hook' }),
      task({ unique_id: 'bad-2', callback_url: 'http://127.0.0.1:8080/hook' }),
    ];
    const all = await importNdjson(ctx.app, o.liveKey, 'type=categorization', lines);
    expect(all.status).toBe(400);
    expect(JSON.stringify(all.body)).toContain('callback_url: refused: address 127.0.0.1 is loopback');
    expect((await callApi(ctx.app, o.liveKey, 'GET', '/tasks')).body.total).toBe(0);
    const partial = await importNdjson(ctx.app, o.liveKey, 'type=categorization&mode=partial', lines);
    expect(partial.status).toBe(200);
    expect(partial.body).toMatchObject({ created: 1, failed: 2 });
    expect(partial.body.problems).toEqual([
      { line: 2, path: 'callback_url', message: 'refused: address 127.0.0.1 is loopback' },
      { line: 3, path: 'callback_url', message: 'refused: address 127.0.0.1 is loopback' },
    ]);
    // One event per refused URL and import.
    expect((await refusals(ctx.db, o.id)).map((e) => e.data.field)).toEqual(['callback_url', 'callback_url']);
  });

  it('refuses a batch callback on a private address, on /v1 and /api', async () => {
    const scale = await scaleClient(ctx.app, org.liveKey).post('/batches', {
      project: 'pets',
      name: 'b-private',
      callback: 'http://192.168.1.10/done',
    });
    expect(scale.status).toBe(400);
    expect(scale.body.error).toMatch(
      /^callback: refusing http:\/\/192\.168\.1\.10\/done: address 192\.168\.1\.10 is private/,
    );
    const api = await callApi(ctx.app, org.liveKey, 'POST', '/batches', {
      project: 'pets',
      name: 'b-private',
      callback: 'http://[::1]/done',
    });
    expect(api.status).toBe(400);
    expect(api.body.details).toEqual([{ path: 'callback', message: 'refused: address ::1 is loopback' }]);
    expect((await callApi(ctx.app, org.liveKey, 'GET', '/batches')).body.items).toEqual([]);
  });

  it('refuses a URL import from loopback with a 400 naming the field, on /v1 and /api, and records it', async () => {
    const o = await ctx.org();
    const scale = await scaleClient(ctx.app, o.liveKey).post('/files/import', {
      file_url: 'http://localhost:1/a.png',
    });
    expect(scale.status).toBe(400);
    expect(scale.body.error).toMatch(
      /^file_url: refusing http:\/\/localhost:1\/a\.png: address .+ is loopback/,
    );
    const api = await callApi(ctx.app, o.liveKey, 'POST', '/files/import', {
      url: 'http://127.0.0.1:1/b.png',
    });
    expect(api.status).toBe(400);
    expect(api.body.details).toEqual([{ path: 'url', message: 'refused: address 127.0.0.1 is loopback' }]);
    const events = await refusals(ctx.db, o.id);
    expect(events.map((e) => [e.data.field, e.data.url])).toEqual([
      ['file_url', 'http://localhost:1/a.png'],
      ['file_url', 'http://127.0.0.1:1/b.png'],
    ]);
  });

  it('lets the operator allow private addresses', async () => {
    const open = await createTestContext({ GROUNDWORK_ALLOW_PRIVATE_NETWORK: 'true' });
    const ranges = await createTestContext({ GROUNDWORK_OUTBOUND_ALLOW_CIDRS: '10.20.0.0/16, 127.0.0.0/8' });
    try {
      for (const context of [open, ranges]) {
        const o = await context.org();
        const created = await scaleClient(context.app, o.liveKey).post(
          '/task/categorization',
          task({ callback_url: 'http://127.0.0.1:9/hook' }),
        );
        expect(created.status).toBe(200);
      }
      const o = await ranges.org();
      const outside = await scaleClient(ranges.app, o.liveKey).post(
        '/task/categorization',
        task({ callback_url: 'http://10.30.0.1/hook' }),
      );
      expect(outside.status).toBe(400);
    } finally {
      await open.close();
      await ranges.close();
    }
  });
});

describe('server-side requests with a resolver (DNS)', () => {
  let app: App;
  let db: Database;
  let drop: () => Promise<void>;
  let dataDir: string;
  const answers = new Map<string, string[][]>();
  const lookups: string[] = [];
  /** Answers each host's lookups in turn from `answers`, repeating the last answer. */
  const resolveHost: ResolveHost = async (hostname) => {
    lookups.push(hostname);
    const queue = answers.get(hostname);
    if (!queue || queue.length === 0)
      throw Object.assign(new Error(`ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
    return (queue.length > 1 ? queue.shift() : queue[0]) as string[];
  };
  const config = () => loadConfig({ GROUNDWORK_DATA_DIR: dataDir, GROUNDWORK_LOG_LEVEL: 'silent' });

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'gw-resolver-'));
    ({ db, drop } = await createTestDatabase());
    app = await buildApp(config(), { db, logger: false, resolveHost });
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
    await drop?.();
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function newOrg(): Promise<{ id: string; liveKey: string; testKey: string }> {
    const orgs = new OrgService({ db });
    const created = await orgs.createOrg({ slug: `resolver-${Math.random().toString(36).slice(2, 10)}` });
    const live = await orgs.createApiKey(created.id, { environment: 'live', name: 'live' });
    const test = await orgs.createApiKey(created.id, { environment: 'test', name: 'test' });
    return { id: created.id, liveKey: live.key, testKey: test.key };
  }

  it('refuses a callback whose host resolves to 127.0.0.1, asking DNS once for many tasks', async () => {
    answers.set('hooks.customer.test', [['127.0.0.1']]);
    const o = await newOrg();
    const scale = scaleClient(app, o.liveKey);
    lookups.length = 0;
    for (let i = 0; i < 3; i++) {
      const refused = await scale.post(
        '/task/categorization',
        task({ callback_url: `http://hooks.customer.test/${i}` }),
      );
      expect(refused.status).toBe(400);
      expect(refused.body.error).toContain('address 127.0.0.1 is loopback');
    }
    expect(lookups).toEqual(['hooks.customer.test']);
    expect(await refusals(db, o.id)).toHaveLength(3);
  });

  it('refuses a host with any private address among public ones', async () => {
    answers.set('mixed.customer.test', [['93.184.216.34', '10.0.0.5']]);
    const o = await newOrg();
    const refused = await scaleClient(app, o.liveKey).post(
      '/task/categorization',
      task({ callback_url: 'https://mixed.customer.test/hook' }),
    );
    expect(refused.status).toBe(400);
    expect(refused.body.error).toContain('address 10.0.0.5 is private');
  });

  it('takes a callback whose host does not resolve yet: the delivery checks again', async () => {
    const o = await newOrg();
    const created = await scaleClient(app, o.liveKey).post(
      '/task/categorization',
      task({ callback_url: 'https://not-yet.customer.test/hook' }),
    );
    expect(created.status).toBe(200);
  });

  it('refuses the delivery when the host resolves to a private address by then (DNS rebinding)', async () => {
    // Public when the task is created, loopback when the callback is sent.
    answers.set('rebind.customer.test', [['93.184.216.34'], ['127.0.0.1']]);
    const o = await newOrg();
    const runner = createJobRunner({
      db,
      config: config(),
      log: silent,
      resolveHost,
      deliverySchedule: { maxAttempts: 5, delayMs: () => 50 },
      deliveryRelayEveryMs: 50,
      pollingIntervalSeconds: 0.5,
    });
    await runner.start();
    try {
      // A test key's task completes at creation, so its callback is sent at once.
      const created = await scaleClient(app, o.testKey).post(
        '/task/categorization',
        task({ callback_url: 'http://rebind.customer.test/hook' }),
      );
      expect(created.status).toBe(200);
      const taskId = created.body.task_id as string;
      const deadline = Date.now() + 20_000;
      let delivery: Record<string, unknown> | undefined;
      while (Date.now() < deadline) {
        const listed = await callApi(app, o.testKey, 'GET', `/deliveries?taskId=${taskId}`);
        delivery = listed.body.items[0];
        if (delivery?.status === 'failed') break;
        await new Promise((r) => setTimeout(r, 50));
      }
      // Failed at once: a refused address is not retried.
      expect(delivery).toMatchObject({ status: 'failed', attemptCount: 1 });
      const detail = await callApi(app, o.testKey, 'GET', `/deliveries/${delivery?.id}`);
      expect(JSON.stringify(detail.body)).toContain('address 127.0.0.1 is loopback');
      const [event, ...more] = await refusals(db, o.id);
      expect(more).toEqual([]);
      expect(event).toMatchObject({
        actor_type: 'system',
        data: {
          field: 'callback_url',
          url: 'http://rebind.customer.test/hook',
          address: '127.0.0.1',
          stage: 'delivery',
        },
      });
    } finally {
      await runner.stop();
    }
  });
});

describe('webhook secrets are shown once', () => {
  let ctx: TestContext;

  beforeAll(async () => {
    ctx = await createTestContext();
  });
  afterAll(() => ctx?.close());

  const actions = async (orgId: string) =>
    (
      await queryRows<{ action: string }>(
        ctx.db.system,
        sql`SELECT action FROM audit_events WHERE org_id = ${orgId} AND action LIKE 'webhook_secrets.%' ORDER BY id`,
      )
    ).map((r) => r.action);

  it('in the read that creates them and after each rotation; masked in every other read', async () => {
    const o = await ctx.org();
    const first = await callApi(ctx.app, o.liveKey, 'GET', '/org/webhook-secrets');
    expect(first.status).toBe(200);
    expect(first.body.revealed).toBe(true);
    expect(first.body.callbackAuthKey).toMatch(/^cba_[\w-]{32}$/);
    expect(first.body.signingSecret).toMatch(/^whsec_[\w-]{43}$/);
    expect(await ctx.app.services.webhookSecrets.forOrg(o.id)).toEqual({
      callbackAuthKey: first.body.callbackAuthKey,
      signingSecret: first.body.signingSecret,
    });

    const second = await callApi(ctx.app, o.liveKey, 'GET', '/org/webhook-secrets');
    expect(second.body).toEqual({
      callbackAuthKey: `cba_…${first.body.callbackAuthKey.slice(-4)}`,
      signingSecret: `whsec_…${first.body.signingSecret.slice(-4)}`,
      revealed: false,
    });

    const rotated = await callApi(ctx.app, o.liveKey, 'POST', '/org/webhook-secrets/rotate');
    expect(rotated.body.revealed).toBe(true);
    expect(rotated.body.signingSecret).not.toBe(first.body.signingSecret);
    expect(rotated.body.signingSecret).toMatch(/^whsec_[\w-]{43}$/);
    const after = await callApi(ctx.app, o.liveKey, 'GET', '/org/webhook-secrets');
    expect(after.body).toEqual({
      callbackAuthKey: `cba_…${rotated.body.callbackAuthKey.slice(-4)}`,
      signingSecret: `whsec_…${rotated.body.signingSecret.slice(-4)}`,
      revealed: false,
    });
    expect(await actions(o.id)).toEqual(['webhook_secrets.create', 'webhook_secrets.rotate']);
  });

  it('masked from the first read when a delivery created them', async () => {
    const o = await ctx.org();
    const used = await ctx.app.services.webhookSecrets.forOrg(o.id);
    const read = await callApi(ctx.app, o.liveKey, 'GET', '/org/webhook-secrets');
    expect(read.body).toEqual({
      callbackAuthKey: `cba_…${used.callbackAuthKey.slice(-4)}`,
      signingSecret: `whsec_…${used.signingSecret.slice(-4)}`,
      revealed: false,
    });
    expect(await actions(o.id)).toEqual([]);
  });
});
