import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { basicAuth, openApp } from './app.ts';
import { runGroundwork, tempDataDir } from './helpers.ts';

const data = tempDataDir();
const env = { GROUNDWORK_DATA_DIR: data.dir };
const gw = (...args: string[]) => runGroundwork(args, env);

afterAll(() => data.remove());

describe('groundwork demo', () => {
  const DEMO_TYPES = ['imageannotation', 'categorization', 'textcollection', 'pairwisepreference', 'ranking'];

  it('seeds users, keys, files and projects with tasks of every demo type, once', async () => {
    const first = await gw('demo');
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('owner@demo.groundwork.dev');
    expect(first.stdout).toMatch(/live {2}live_[0-9a-f]{48}/);

    const credentialsPath = join(data.dir, 'demo-credentials.json');
    expect(statSync(credentialsPath).mode & 0o777).toBe(0o600);
    const credentials = JSON.parse(readFileSync(credentialsPath, 'utf8'));
    expect(credentials.users.map((u: { role: string }) => u.role)).toEqual([
      'owner',
      'admin',
      'manager',
      'reviewer',
      'annotator',
      'viewer',
    ]);
    expect(first.stdout).toContain(credentials.apiKeys.live);

    const second = await gw('demo');
    expect(second.code).toBe(0);
    expect(second.stdout).toBe('');
    expect(second.stderr).toContain('organization "demo" already exists');
    // The stored keys are those of the first seed.
    expect(JSON.parse(readFileSync(credentialsPath, 'utf8')).apiKeys).toEqual(credentials.apiKeys);

    const { app, close } = await openApp(data.dir);
    try {
      const auth = { authorization: basicAuth(credentials.apiKeys.live) };
      for (const type of DEMO_TYPES) {
        const res = await app.inject({
          method: 'GET',
          url: `/v1/tasks?type=${type}&limit=100`,
          headers: auth,
        });
        expect(res.statusCode, type).toBe(200);
        const docs = res.json().docs as Array<{ status: string; params: Record<string, unknown> }>;
        expect(docs.length, type).toBeGreaterThan(0);
        expect(docs.every((t) => t.status === 'pending')).toBe(true);
      }
      const images = await app.inject({
        method: 'GET',
        url: '/v1/tasks?type=imageannotation',
        headers: auth,
      });
      const docs = images.json().docs as Array<{ params: { attachment: string } }>;
      expect(docs).toHaveLength(5);
      for (const task of docs) expect(task.params.attachment).toMatch(/^groundwork:\/\/files\/[0-9a-f]{24}$/);
      // The second run did not duplicate anything.
      const projects = await app.inject({ method: 'GET', url: '/v1/projects', headers: auth });
      expect((projects.json() as Array<{ name: string }>).map((p) => p.name).sort()).toEqual([
        'demo-assistant-preference',
        'demo-assistant-ranking',
        'demo-photo-captions',
        'demo-photo-objects',
        'demo-review-sentiment',
      ]);
    } finally {
      await close();
    }
    expect(existsSync(join(data.dir, 'blobs'))).toBe(true);
  });
});
