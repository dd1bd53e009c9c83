/**
 * Test harness: a fresh database per test file — in-memory PGlite by default, a throwaway PostgreSQL
 * database when TEST_DATABASE_URL is set — an app built over it, and factories for orgs and keys.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { type App, type AppDeps, buildApp } from '../src/app.ts';
import { type Config, loadConfig } from '../src/config.ts';
import { type Database, openDatabase } from '../src/db/database.ts';
import { sealFieldText } from '../src/keys/field-cipher.ts';
import { countStaleContent } from '../src/repositories/encrypted-content.ts';
import { OrgService } from '../src/services/orgs.ts';

/** Which database the integration tests run on. */
export const testDatabaseKind = process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite';

/** A throwaway database: a new PostgreSQL database on the test server, or in-memory PGlite. */
export async function createTestDatabase(): Promise<{ db: Database; drop: () => Promise<void> }> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) {
    const db = await openDatabase({ kind: 'pglite', dataDir: null });
    await db.migrate();
    return { db, drop: () => db.close() };
  }
  const name = `gw_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const dbUrl = new URL(url);
  dbUrl.pathname = `/${name}`;
  const db = await openDatabase({ kind: 'postgres', url: dbUrl.toString(), poolSize: 5 });
  await db.migrate();
  return {
    db,
    drop: async () => {
      await db.close();
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

/** An organization with a live and a test key. */
export interface TestOrg {
  id: string;
  slug: string;
  liveKey: string;
  testKey: string;
}

/** A running test context. */
export interface TestContext {
  app: App;
  db: Database;
  config: Config;
  orgs: OrgService;
  /** Creates an organization with keys. */
  org(slug?: string): Promise<TestOrg>;
  /**
   * `value` as the application stores it in the encrypted column `column` (`table.column`) of `orgId`:
   * the envelope's JSON text, for tests that write rows with SQL.
   */
  seal(orgId: string, column: string, value: unknown): Promise<string>;
  close(): Promise<void>;
}

let counter = 0;

/** Builds an app over a fresh database with a temporary data directory. */
export async function createTestContext(
  env: Record<string, string> = {},
  deps: Pick<AppDeps, 'goldRandom'> = {},
  options: { plaintextAllowed?: boolean } = {},
): Promise<TestContext> {
  const dataDir = mkdtempSync(join(tmpdir(), 'gw-test-'));
  const config = loadConfig({ GROUNDWORK_DATA_DIR: dataDir, GROUNDWORK_LOG_LEVEL: 'silent', ...env });
  const { db, drop } = await createTestDatabase();
  const app = await buildApp(config, { db, logger: false, ...deps });
  await app.ready();
  const orgs = new OrgService({ db });
  return {
    app,
    db,
    config,
    orgs,
    async org(slug = `org-${process.pid}-${++counter}`) {
      const org = await orgs.createOrg({ slug });
      const live = await orgs.createApiKey(org.id, { environment: 'live', name: 'live' });
      const test = await orgs.createApiKey(org.id, { environment: 'test', name: 'test' });
      return { id: org.id, slug, liveKey: live.key, testKey: test.key };
    },
    seal: (orgId, column, value) => db.withOrgKeys(orgId, async () => sealFieldText(column, value) ?? 'null'),
    async close() {
      await app.close();
      // Whatever the test did, no task content may have been stored in the clear.
      const plain = Object.entries(await countStaleContent(db.system, 1)).filter(([, n]) => n > 0);
      await drop();
      if (plain.length > 0 && !options.plaintextAllowed) {
        throw new Error(
          `task content stored in the clear: ${plain.map(([column, n]) => `${column} ${n}`).join(', ')}`,
        );
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The HTTP Basic header Scale's clients send: the key as user name, empty password. */
export function basic(key: string): string {
  return `Basic ${Buffer.from(`${key}:`).toString('base64')}`;
}

/** A response body as tests walk it: arbitrary JSON. */
// biome-ignore lint/suspicious/noExplicitAny: response bodies are arbitrary JSON that tests walk freely.
export type Body = Record<string, any>;

/** Calls the first-party API with a Bearer key through `app.inject`. */
export async function callApi(
  app: App,
  key: string,
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  url: string,
  payload?: unknown,
): Promise<{ status: number; body: Body }> {
  const response = await app.inject({
    method,
    url: `/api${url}`,
    headers: {
      authorization: `Bearer ${key}`,
      ...(payload !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    ...(payload !== undefined ? { payload: JSON.stringify(payload) } : {}),
  });
  return { status: response.statusCode, body: response.json() as Body };
}

/** The field paths of an /api error body. */
export const errorPaths = (body: Body): string[] => (body.details as { path: string }[]).map((d) => d.path);

/** A small Scale-style client over `app.inject`. */
export function scaleClient(app: App, key: string) {
  const call = async (
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    url: string,
    payload?: unknown,
    headers: Record<string, string> = {},
  ) => {
    const response = await app.inject({
      method,
      url: `/v1${url}`,
      headers: {
        authorization: basic(key),
        ...(payload !== undefined ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      ...(payload !== undefined ? { payload: JSON.stringify(payload) } : {}),
    });
    // biome-ignore lint/suspicious/noExplicitAny: response bodies are arbitrary JSON that tests walk freely.
    const body = response.json() as Record<string, any>;
    return { status: response.statusCode, body, raw: response };
  };
  return {
    get: (url: string) => call('GET', url),
    post: (url: string, body: unknown = {}, headers?: Record<string, string>) =>
      call('POST', url, body, headers),
    put: (url: string, body: unknown) => call('PUT', url, body),
    delete: (url: string, body?: unknown) => call('DELETE', url, body),
  };
}
