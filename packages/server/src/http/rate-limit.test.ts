import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../errors.ts';
import type { Principal } from '../services/principal.ts';
import { addressKey, callerKey, isRateLimitedPath, registerRateLimits } from './rate-limit.ts';

const principal = (over: Partial<Principal>): Principal => ({
  orgId: 'org1',
  orgSlug: 'acme',
  isTest: false,
  keyId: null,
  userId: null,
  workforceId: null,
  actorName: 'x',
  role: 'admin',
  ...over,
});

describe('isRateLimitedPath', () => {
  it.each([
    ['/v1/tasks', true],
    ['/v1', true],
    ['/v1?x=1', true],
    ['/api/projects', true],
    ['/api/docs/static/index.html', true],
    ['/healthz', false],
    ['/', false],
    ['/assets/app.js', false],
    ['/v10/tasks', false],
    ['/apix', false],
    ['/console/api', false],
  ])('%s → %s', (url, limited) => {
    expect(isRateLimitedPath(url)).toBe(limited);
  });
});

describe('counting keys', () => {
  it('counts an API key by its id, a session by its person', () => {
    expect(callerKey(principal({ keyId: 'k1', userId: null }))).toBe('key:k1');
    expect(callerKey(principal({ keyId: null, userId: 'u1' }))).toBe('user:u1');
    expect(callerKey(principal({}))).toBe('org:org1');
  });

  it('counts an IPv6 client by its /64 and an IPv4-mapped one as its IPv4 address', () => {
    expect(addressKey('203.0.113.9')).toBe('ip:203.0.113.9');
    expect(addressKey('2001:db8:1:2:aaaa::1')).toBe(addressKey('2001:db8:1:2:bbbb::2'));
    expect(addressKey('2001:db8:1:2::1')).not.toBe(addressKey('2001:db8:1:3::1'));
    expect(addressKey('::ffff:203.0.113.9')).toBe('ip:203.0.113.9');
  });
});

describe('registerRateLimits', () => {
  let app: FastifyInstance | undefined;
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  /** A bare app: `x-key` authenticates as that API key, `x-fail` refuses the credentials. */
  async function build(settings: { perKey: number; perIp: number; windowMs?: number }) {
    const server = Fastify();
    server.decorateRequest('principal', null);
    server.addHook('onRequest', async (request) => {
      const key = request.headers['x-key'];
      if (request.headers['x-fail']) throw new ApiError('unauthorized', 'bad key');
      if (typeof key === 'string') request.principal = principal({ keyId: key });
    });
    const limits = await registerRateLimits(server, settings);
    server.setErrorHandler(async (error, request, reply) => {
      let rendered = error instanceof ApiError ? error : new ApiError('internal', 'x');
      if (rendered.code === 'unauthorized') {
        rendered = (await limits.afterFailedAuthentication(request, reply)) ?? rendered;
      }
      reply.status(rendered.status);
      return { code: rendered.code };
    });
    server.get('/api/x', async () => ({ ok: true }));
    server.get('/healthz', async () => ({ ok: true }));
    await server.ready();
    app = server;
    return server;
  }

  it('lets requests through again once the window has passed', async () => {
    const server = await build({ perKey: 2, perIp: 2, windowMs: 300 });
    const get = () => server.inject({ url: '/api/x', headers: { 'x-key': 'k1' } });
    expect((await get()).statusCode).toBe(200);
    expect((await get()).statusCode).toBe(200);
    const limited = await get();
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toEqual({ code: 'rate_limited' });
    await new Promise((resolve) => setTimeout(resolve, 350));
    expect((await get()).statusCode).toBe(200);
  });

  it('counts keys apart from each other and from addresses', async () => {
    const server = await build({ perKey: 1, perIp: 1 });
    expect((await server.inject({ url: '/api/x', headers: { 'x-key': 'a' } })).statusCode).toBe(200);
    expect((await server.inject({ url: '/api/x', headers: { 'x-key': 'a' } })).statusCode).toBe(429);
    expect((await server.inject({ url: '/api/x', headers: { 'x-key': 'b' } })).statusCode).toBe(200);
    expect((await server.inject({ url: '/api/x' })).statusCode).toBe(200);
    expect((await server.inject({ url: '/api/x' })).statusCode).toBe(429);
    expect((await server.inject({ url: '/api/x', remoteAddress: '192.0.2.1' })).statusCode).toBe(200);
  });

  it('answers 401 to refused credentials until the address is over its limit, then 429', async () => {
    const server = await build({ perKey: 100, perIp: 2 });
    const fail = () => server.inject({ url: '/api/x', headers: { 'x-fail': '1' } });
    expect((await fail()).statusCode).toBe(401);
    expect((await fail()).statusCode).toBe(401);
    const limited = await fail();
    expect(limited.statusCode).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThanOrEqual(1);
  });

  it('does nothing with both limits at 0, and never counts the health check', async () => {
    const server = await build({ perKey: 0, perIp: 0 });
    for (let i = 0; i < 5; i++) {
      expect((await server.inject({ url: '/api/x', headers: { 'x-key': 'a' } })).statusCode).toBe(200);
      expect((await server.inject({ url: '/api/x', headers: { 'x-fail': '1' } })).statusCode).toBe(401);
    }
    const limitedApp = await build({ perKey: 1, perIp: 1 });
    for (let i = 0; i < 5; i++) expect((await limitedApp.inject({ url: '/healthz' })).statusCode).toBe(200);
  });
});
