import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { API_CSP, registerSecurityHeaders, securityHeaders } from './security-headers.ts';

describe('securityHeaders', () => {
  it('adds HSTS only when the public URL is https', () => {
    expect(securityHeaders({ publicUrl: 'https://label.example.com' })['strict-transport-security']).toBe(
      'max-age=31536000',
    );
    expect(securityHeaders({ publicUrl: 'http://label.example.com' })).not.toHaveProperty(
      'strict-transport-security',
    );
    expect(securityHeaders({ publicUrl: null })).not.toHaveProperty('strict-transport-security');
  });
});

describe('registerSecurityHeaders', () => {
  async function build() {
    const app = Fastify();
    registerSecurityHeaders(app, { publicUrl: null });
    app.get('/json', async () => ({ ok: true }));
    app.get('/text', async (_request, reply) => reply.type('text/plain').send('hi'));
    app.get('/own-policy', async (_request, reply) =>
      reply.header('content-security-policy', "sandbox; default-src 'none'").send({ ok: true }),
    );
    app.get('/powered', async (_request, reply) => reply.header('x-powered-by', 'something').send('x'));
    await app.ready();
    return app;
  }

  it('gives JSON a policy that allows nothing, leaves other types and own policies alone', async () => {
    const app = await build();
    expect((await app.inject({ url: '/json' })).headers['content-security-policy']).toBe(API_CSP);
    expect((await app.inject({ url: '/missing' })).headers['content-security-policy']).toBe(API_CSP);
    expect((await app.inject({ url: '/text' })).headers['content-security-policy']).toBeUndefined();
    expect((await app.inject({ url: '/own-policy' })).headers['content-security-policy']).toBe(
      "sandbox; default-src 'none'",
    );
    await app.close();
  });

  it('sets the headers on every response and drops x-powered-by', async () => {
    const app = await build();
    for (const url of ['/json', '/text', '/missing', '/powered']) {
      const response = await app.inject({ url });
      expect(response.headers['x-content-type-options'], url).toBe('nosniff');
      expect(response.headers['referrer-policy'], url).toBe('same-origin');
      expect(response.headers['cross-origin-opener-policy'], url).toBe('same-origin');
      expect(response.headers['cross-origin-resource-policy'], url).toBe('same-origin');
      expect(response.headers['x-powered-by'], url).toBeUndefined();
    }
    await app.close();
  });
});
