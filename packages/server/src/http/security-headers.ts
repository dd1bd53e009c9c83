/**
 * Security headers on every response — the APIs, the web app, errors and 404s alike. The web app's own
 * Content Security Policy is set where its files are served (`WEB_APP_CSP` in app.ts); JSON answers get
 * a policy that allows nothing, so an API response opened in a browser can never run or load anything.
 * `X-Frame-Options` stays with the web app's page: the workbench frames uploaded files of its own origin.
 */
import type { FastifyInstance } from 'fastify';

/** The policy of JSON responses: nothing may load, nothing may frame them. */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'";

/** `Strict-Transport-Security` when the public URL is https: one year, this host only (no subdomains). */
export const HSTS = 'max-age=31536000';

/** Options of {@link registerSecurityHeaders}. */
export interface SecurityHeaderSettings {
  /** GROUNDWORK_PUBLIC_URL; HSTS is sent only when it is https (browsers ignore it over http anyway). */
  publicUrl: string | null;
}

/** The headers every response carries, given the settings. */
export function securityHeaders(settings: SecurityHeaderSettings): Record<string, string> {
  return {
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'same-origin',
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
    ...(settings.publicUrl?.startsWith('https:') ? { 'strict-transport-security': HSTS } : {}),
  };
}

/** Adds the security headers to every response of the application (an onSend hook). */
export function registerSecurityHeaders(app: FastifyInstance, settings: SecurityHeaderSettings): void {
  const headers = securityHeaders(settings);
  app.addHook('onSend', (_request, reply, payload, done) => {
    reply.headers(headers);
    reply.removeHeader('x-powered-by');
    const type = reply.getHeader('content-type');
    if (
      typeof type === 'string' &&
      type.startsWith('application/json') &&
      reply.getHeader('content-security-policy') === undefined
    ) {
      reply.header('content-security-policy', API_CSP);
    }
    done(null, payload);
  });
}
