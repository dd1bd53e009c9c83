import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { basicAuth, openApp } from './app.ts';
import { runGroundwork, tempDataDir } from './helpers.ts';

// One data directory for the whole file: PGlite starts in seconds, so commands share it in sequence.
const data = tempDataDir();
const env = { GROUNDWORK_DATA_DIR: data.dir };
const gw = (...args: string[]) => runGroundwork(args, env);

afterAll(() => data.remove());

describe('groundwork migrate', () => {
  it('applies the migrations once and then reports the database up to date', async () => {
    const first = await gw('migrate');
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^applied \d+ migrations? to .*: 0000_/);
    const second = await gw('migrate');
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/^database is up to date/);
  });
});

describe('groundwork org create', () => {
  it('prints only the slug', async () => {
    const run = await gw('org', 'create', 'acme', '--name', 'Acme Inc');
    expect(run).toMatchObject({ code: 0, stdout: 'acme\n', stderr: '' });
  });

  it('exits 1 with a one-line message when the slug is taken', async () => {
    const run = await gw('org', 'create', 'acme');
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe('error: An organization with slug "acme" already exists.\n');
  });

  it('exits 2 when the slug is missing', async () => {
    const run = await gw('org', 'create');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("missing required argument 'slug'");
  });
});

describe('groundwork user create', () => {
  it('prints the id of the new member', async () => {
    const passwordFile = join(data.dir, 'password.txt');
    writeFileSync(passwordFile, 'correct horse battery\n');
    const run = await gw(
      'user',
      'create',
      '--org',
      'acme',
      '--email',
      'Ann@Example.com',
      '--role',
      'annotator',
      '--password-file',
      passwordFile,
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^[0-9a-f]{24}\n$/);
  });

  it('refuses an unknown role as a usage error', async () => {
    const run = await gw('user', 'create', '--org', 'acme', '--email', 'bob@example.com', '--role', 'boss');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      '--role: expected one of owner, admin, manager, reviewer, annotator, viewer',
    );
  });

  it('reports an unknown organization', async () => {
    const run = await gw('user', 'create', '--org', 'nope', '--email', 'bob@example.com', '--role', 'viewer');
    expect(run).toMatchObject({ code: 1, stdout: '', stderr: 'error: No organization with slug "nope".\n' });
  });
});

describe('groundwork api-key create', () => {
  let liveKey = '';
  let testKey = '';

  beforeAll(async () => {
    const live = await gw('api-key', 'create', '--org', 'acme', '--name', 'ci');
    const test = await gw('api-key', 'create', '--org', 'acme', '--test');
    expect([live.code, test.code]).toEqual([0, 0]);
    liveKey = live.stdout;
    testKey = test.stdout;
  });

  it('prints only the key, live_ or test_', () => {
    expect(liveKey).toMatch(/^live_[0-9a-f]{48}\n$/);
    expect(testKey).toMatch(/^test_[0-9a-f]{48}\n$/);
  });

  it('creates keys the API accepts for their organization', async () => {
    const { app, close } = await openApp(data.dir);
    try {
      for (const key of [liveKey.trim(), testKey.trim()]) {
        const res = await app.inject({
          method: 'GET',
          url: '/v1/projects',
          headers: { authorization: basicAuth(key) },
        });
        expect(res.statusCode).toBe(200);
        expect(Array.isArray(res.json())).toBe(true);
      }
      const wrong = await app.inject({
        method: 'GET',
        url: '/v1/projects',
        headers: { authorization: basicAuth(`${liveKey.trim()}x`) },
      });
      expect(wrong.statusCode).toBe(401);
    } finally {
      await close();
    }
  });
});
