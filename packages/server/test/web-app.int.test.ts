import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WEB_APP_CSP } from '../src/app.ts';
import { createTestContext, type TestContext } from './harness.ts';

const webDir = mkdtempSync(join(tmpdir(), 'gw-web-'));
mkdirSync(join(webDir, 'assets'));
writeFileSync(join(webDir, 'index.html'), '<!doctype html><div id="root"></div>');
writeFileSync(join(webDir, 'assets/app-3f2a.js'), 'console.log(1)');

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext({ GROUNDWORK_WEB_DIR: webDir });
});
afterAll(async () => {
  await ctx.close();
  rmSync(webDir, { recursive: true, force: true });
});

describe('the web app', () => {
  it('serves its page at / and at every client route, with the security policy and revalidation', async () => {
    for (const url of ['/', '/login?next=%2Fwork', '/work', '/work/label?project=cats', '/work/review']) {
      const response = await ctx.app.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBe(200);
      expect(response.body, url).toContain('<div id="root">');
      expect(response.headers['content-security-policy'], url).toBe(WEB_APP_CSP);
      expect(response.headers['cache-control'], url).toBe('no-cache');
      expect(response.headers['x-frame-options'], url).toBe('DENY');
    }
  });

  it('lets browsers keep hashed assets for a year', async () => {
    const response = await ctx.app.inject({ method: 'GET', url: '/assets/app-3f2a.js' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(response.headers['content-security-policy']).toBeUndefined();
  });

  it('does not answer unknown API paths or missing assets with the page', async () => {
    for (const url of ['/api/nothing-here', '/assets/app-of-another-build.js']) {
      const response = await ctx.app.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBe(404);
      expect(response.json(), url).toMatchObject({ code: 'not_found' });
    }
    const scale = await ctx.app.inject({ method: 'GET', url: '/v1/nothing' });
    expect(scale.statusCode).toBe(404);
    expect(scale.json()).toMatchObject({ status_code: 404 });
  });

  it('allows no inline script and no framing', () => {
    expect(WEB_APP_CSP).toContain("script-src 'self'");
    expect(WEB_APP_CSP).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(WEB_APP_CSP).toContain("frame-ancestors 'none'");
  });
});
