/**
 * Authentication and authorization of `/api` routes. A request carries an API key (Bearer or Basic;
 * acts as `admin`, no ambient credentials, so no CSRF check) or the session cookie (the member's role;
 * writes need the `x-csrf-token` header and a same-origin `Origin`). Routes marked
 * `config: { public: true }` need neither. Each route declares the least role it needs; roles form a
 * partial order, not a line: owner ⊇ admin ⊇ manager ⊇ {viewer, reviewer}, reviewer ⊇ annotator.
 */
import type { FastifyRequest } from 'fastify';
import { principalOf } from '../../app.ts';
import { ApiError } from '../../errors.ts';
import type { SessionRecord } from '../../repositories/sessions.ts';
import { ROLES, type Role } from '../../services/principal.ts';
import { csrfTokenMatches, SESSION_COOKIE, sessionPrincipal } from '../../services/sessions.ts';
import { clientOf } from './auth-routes.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route needs no authentication (login, invitation links). */
    public?: boolean;
  }
  interface FastifyRequest {
    /** The login session behind the request, when it was authenticated by the session cookie. */
    loginSession: { record: SessionRecord; token: string } | null;
  }
}

/** The roles each role includes (itself included): the partial order of rights. */
const INCLUDES: Record<Role, readonly Role[]> = {
  owner: ROLES,
  admin: ['admin', 'manager', 'reviewer', 'annotator', 'viewer'],
  manager: ['manager', 'reviewer', 'annotator', 'viewer'],
  reviewer: ['reviewer', 'annotator'],
  annotator: ['annotator'],
  viewer: ['viewer'],
};

/**
 * Whether `role` carries the rights of `required`. Viewers read the organization's data but do no
 * work; annotators do work but do not read the organization's data; reviewers do both kinds of work.
 */
export function hasRole(role: Role, required: Role): boolean {
  return INCLUDES[role].includes(required);
}

/** The roles that carry the rights of `required`, most powerful first. */
export function rolesWith(required: Role): Role[] {
  return ROLES.filter((role) => hasRole(role, required));
}

/** A preHandler that lets the request through only if the caller's role includes `role`. */
export function requireRole(role: Role): (request: FastifyRequest) => Promise<void> {
  return async (request) => {
    const principal = principalOf(request);
    if (!hasRole(principal.role, role)) {
      throw new ApiError(
        'forbidden',
        `This action needs one of the roles ${rolesWith(role).join(', ')}; you are ${principal.role}.`,
      );
    }
  };
}

/** The sentence the OpenAPI description of a route ends with. */
export function roleNote(role: Role): string {
  const roles = rolesWith(role)
    .map((r) => `\`${r}\``)
    .join(', ');
  return `Allowed roles: ${roles} (API keys act as \`admin\`).`;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The onRequest hook of `/api`: authenticates by API key or session cookie (public routes skip it) and
 * refuses cross-site writes of cookie-authenticated callers.
 */
export async function authenticateApi(request: FastifyRequest): Promise<void> {
  const unsafe = !SAFE_METHODS.has(request.method);
  if (request.routeOptions.config?.public) {
    // Login and invitation acceptance set the cookie: refuse them from other sites (login CSRF).
    if (unsafe) assertSameOrigin(request);
    return;
  }
  const { auth, sessions } = request.server.services;
  const authorization = request.headers.authorization;
  const token = request.cookies[SESSION_COOKIE];
  if (authorization || !token) {
    request.principal = await auth.authenticate(authorization);
    return;
  }
  const record = await sessions.authenticate(token, clientOf(request));
  request.principal = sessionPrincipal(record);
  request.loginSession = { record, token };
  if (unsafe) {
    assertSameOrigin(request);
    const header = request.headers['x-csrf-token'];
    if (!csrfTokenMatches(token, typeof header === 'string' ? header : undefined)) {
      throw new ApiError(
        'csrf_failed',
        'Missing or wrong x-csrf-token header; send the csrfToken of GET /api/auth/session.',
      );
    }
  }
}

/** 403 when the request's Origin names another host than the one it was sent to (or the public URL). */
function assertSameOrigin(request: FastifyRequest): void {
  const origin = request.headers.origin;
  if (origin === undefined) return;
  const publicUrl = request.server.config.publicUrl;
  const originHost = hostOf(origin);
  const allowed =
    originHost !== null &&
    (originHost === hostOf(`${new URL(origin).protocol}//${request.headers.host ?? ''}`) ||
      (publicUrl !== null && originHost === hostOf(publicUrl)));
  if (!allowed) {
    throw new ApiError('csrf_failed', `Requests from ${JSON.stringify(origin)} are not allowed.`);
  }
}

/** The host (with a non-default port) of a URL, or null when it is not one (e.g. `null`). */
function hostOf(url: string): string | null {
  try {
    const host = new URL(url).host;
    return host === '' ? null : host;
  } catch {
    return null;
  }
}
