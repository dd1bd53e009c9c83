/**
 * Single sign-on (OpenID Connect): `/api/org/sso` for admins to configure the organization's provider, and
 * the public sign-in legs under `/api/auth/sso` that a browser follows (start → provider → callback).
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { principalOf } from '../../app.ts';
import { ApiError } from '../../errors.ts';
import {
  apiSsoAvailabilitySchema,
  apiSsoDiscoverySchema,
  apiSsoSavedSchema,
  apiSsoSettingsSchema,
  presentSsoAvailability,
  presentSsoConfig,
  presentSsoDiscovery,
} from '../../presenters/sso.ts';
import {
  redirectUriOf,
  SSO_FLOW_COOKIE,
  SSO_FLOW_TTL_MS,
  SSO_JIT_ROLES,
  SsoFailure,
  safeReturnTo,
} from '../../services/sso.ts';
import { requireRole, roleNote } from './auth.ts';
import { clientOf, setSessionCookie } from './auth-routes.ts';
import { errorResponses } from './common.ts';

/** Where the flow cookie is sent: the sign-in legs only. */
const FLOW_COOKIE_PATH = '/api/auth/sso';

const saveBody = z
  .object({
    issuer: z
      .string()
      .trim()
      .min(1)
      .max(2048)
      .describe(
        'Issuer URL of the OpenID provider, e.g. `https://accounts.google.com` (https; plain http only on a loopback address).',
      ),
    clientId: z.string().trim().min(1).max(512).describe('Client id registered at the provider.'),
    clientSecret: z
      .string()
      .min(1)
      .max(4096)
      .optional()
      .describe(
        'Client secret from the provider. Required the first time; leave it out to keep the stored one.',
      ),
    allowedDomains: z
      .array(z.string().max(253).describe('An email domain, e.g. `example.com`.'))
      .max(50)
      .default([])
      .describe('Email domains allowed to sign in; empty: every domain the provider vouches for.'),
    jitProvisioning: z
      .boolean()
      .default(false)
      .describe('Create the account and membership of an unknown person on first sign-in.'),
    jitRole: z
      .enum(SSO_JIT_ROLES)
      .default('annotator')
      .describe('Role of people provisioned just in time (never owner or admin). Default `annotator`.'),
    requireSso: z
      .boolean()
      .default(false)
      .describe('Refuse password sign-in of members other than owners and admins.'),
    enabled: z.boolean().default(true).describe('Whether SSO sign-in is on.'),
  })
  .describe('A single sign-on configuration.');

const testBody = z
  .object({
    issuer: z
      .string()
      .trim()
      .max(2048)
      .optional()
      .describe('Issuer URL to try; the stored one when left out.'),
  })
  .describe('What to test.');

const slugParams = z.object({
  orgSlug: z.string().min(1).max(64).describe('Slug of the organization to sign in to.'),
});

const startQuery = z.object({
  returnTo: z
    .string()
    .max(2048)
    .optional()
    .describe('A relative path of the app to open after signing in (absolute URLs are ignored).'),
});

const callbackQuery = z.object({
  code: z.string().max(4096).optional().describe('The authorization code from the provider.'),
  state: z.string().max(512).optional().describe('The state sent to the provider, returned unchanged.'),
  error: z.string().max(512).optional().describe('An error code from the provider.'),
  error_description: z.string().max(2048).optional().describe("The provider's explanation of the error."),
  iss: z.string().max(2048).optional().describe('The issuer of the response (RFC 9207).'),
});

const redirectResponse = (what: string) => z.null().describe(what);
const deleted = z.object({ ok: z.literal(true).describe('Always true.') }).describe('Removed.');

/** The redirect URI of this server: the callback under the public URL, else under the request's origin. */
function redirectUri(request: FastifyRequest): string {
  return redirectUriOf(request.server.config.publicUrl, `${request.protocol}://${request.host}`);
}

function secureCookies(request: FastifyRequest): boolean {
  const publicUrl = request.server.config.publicUrl;
  return request.protocol === 'https' || (publicUrl?.startsWith('https:') ?? false);
}

/** Sends the browser back to the login page with the reason of a failed sign-in. */
function toLogin(reply: FastifyReply, reason: string, org: string | null, returnTo: string): FastifyReply {
  const params = new URLSearchParams({ sso_error: reason });
  if (org) params.set('org', org);
  if (returnTo !== '/') params.set('next', returnTo);
  reply.header('cache-control', 'no-store');
  return reply.redirect(`/login?${params.toString()}`, 302);
}

/**
 * A preHandler of `/api` that refuses a correct password sign-in into an organization that requires
 * single sign-on (owners and admins excepted), with a 403 telling the person to use SSO, audited as
 * `auth.password_refused`. A wrong password passes on to the login route's usual 401, so the answer
 * tells nothing to someone who does not know the password.
 */
export async function requireSsoGuard(request: FastifyRequest): Promise<void> {
  if (request.method !== 'POST' || request.routeOptions.url !== '/api/auth/login') return;
  const body = request.body as { email?: unknown; password?: unknown; org?: unknown } | undefined;
  if (typeof body?.email !== 'string' || typeof body.password !== 'string') return;
  const { sso, sessions } = request.server.services;
  const blocked = await sso.passwordSignInBlocked({
    email: body.email,
    org: typeof body.org === 'string' ? body.org : undefined,
  });
  if (!blocked) return;
  if (!(await sessions.verifyPassword(blocked.candidate.passwordHash, body.password))) return;
  await sso.recordPasswordRefused(
    blocked.orgId,
    clientOf(request),
    blocked.candidate.id,
    blocked.candidate.email,
  );
  throw new ApiError(
    'forbidden',
    `The organization ${JSON.stringify(blocked.orgSlug)} requires single sign-on: use "Use single sign-on (SSO)".`,
    [{ path: 'password', message: 'password sign-in is turned off for this organization; use SSO' }],
  );
}

/** SSO routes. */
export const ssoRoutes: FastifyPluginAsyncZod = async (app) => {
  const { sso } = app.services;

  app.get(
    '/org/sso',
    {
      preHandler: requireRole('admin'),
      schema: {
        tags: ['sso'],
        operationId: 'getSsoSettings',
        summary: 'Get the single sign-on settings',
        description: `The organization's OpenID Connect configuration (the client secret only as a hint) and the redirect URI to register at the provider. ${roleNote('admin')}`,
        response: { 200: apiSsoSettingsSchema, ...errorResponses },
      },
    },
    async (request) => {
      const view = await sso.view(principalOf(request));
      return { config: view ? presentSsoConfig(view) : null, redirectUri: redirectUri(request) };
    },
  );

  app.put(
    '/org/sso',
    {
      preHandler: requireRole('admin'),
      schema: {
        tags: ['sso'],
        operationId: 'saveSsoSettings',
        summary: 'Configure single sign-on',
        description:
          "Stores the organization's OpenID Connect provider after fetching its discovery document (through the " +
          'outbound address policy); a provider that cannot be used answers 400 naming `issuer`. The client secret is ' +
          `stored encrypted and never returned. Audited as \`sso.configure\`. ${roleNote('admin')}`,
        body: saveBody,
        response: { 200: apiSsoSavedSchema, ...errorResponses },
      },
    },
    async (request) => {
      const { config, discovery } = await sso.save(principalOf(request), request.body);
      return {
        config: presentSsoConfig(config),
        discovery: presentSsoDiscovery(discovery),
        redirectUri: redirectUri(request),
      };
    },
  );

  app.post(
    '/org/sso/test',
    {
      preHandler: requireRole('admin'),
      schema: {
        tags: ['sso'],
        operationId: 'testSsoSettings',
        summary: 'Test an OpenID provider',
        description: `Fetches the discovery document of an issuer (or of the stored one) and shows what it says, without saving. 400 naming \`issuer\` when it cannot be used. ${roleNote('admin')}`,
        body: testBody,
        response: { 200: apiSsoDiscoverySchema, ...errorResponses },
      },
    },
    async (request) => presentSsoDiscovery(await sso.test(principalOf(request), request.body)),
  );

  app.delete(
    '/org/sso',
    {
      preHandler: requireRole('admin'),
      schema: {
        tags: ['sso'],
        operationId: 'deleteSsoSettings',
        summary: 'Remove single sign-on',
        description: `Removes the configuration: SSO sign-in stops and passwords work for everyone again. Audited as \`sso.delete\`. ${roleNote('admin')}`,
        response: { 200: deleted, ...errorResponses },
      },
    },
    async (request) => {
      await sso.remove(principalOf(request));
      return { ok: true as const };
    },
  );

  app.get(
    '/auth/sso/callback',
    {
      config: { public: true },
      schema: {
        tags: ['auth'],
        operationId: 'completeSsoSignIn',
        summary: 'Finish signing in with SSO',
        description:
          'The redirect URI registered at the provider. Checks the state against the flow cookie, exchanges the code, ' +
          'verifies the ID token and the email, then sets the session cookie and redirects to the app; any failure ' +
          'redirects to `/login?sso_error=<reason>`. For browsers. Needs no authentication.',
        security: [],
        querystring: callbackQuery,
        response: {
          302: redirectResponse('To the app, or to the login page with `sso_error`.'),
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      const query = new URL(request.url, 'http://callback.invalid').searchParams;
      reply.clearCookie(SSO_FLOW_COOKIE, { path: FLOW_COOKIE_PATH });
      reply.header('cache-control', 'no-store');
      try {
        const { started, returnTo } = await sso.complete({
          query,
          flowCookie: request.cookies[SSO_FLOW_COOKIE],
          redirectUri: redirectUri(request),
          client: clientOf(request),
        });
        setSessionCookie(request, reply, started);
        return reply.redirect(returnTo, 302);
      } catch (error) {
        if (error instanceof SsoFailure) return toLogin(reply, error.reason, null, '/');
        request.log.error({ err: error }, 'single sign-on failed');
        return toLogin(reply, 'provider_error', null, '/');
      }
    },
  );

  app.get(
    '/auth/sso/:orgSlug',
    {
      config: { public: true },
      schema: {
        tags: ['auth'],
        operationId: 'getSsoAvailability',
        summary: 'Whether an organization offers SSO',
        description:
          'Tells the login page whether "Use single sign-on (SSO)" works for an organization, and where to start. No secrets; an ' +
          'unknown organization answers like one without SSO. Needs no authentication.',
        security: [],
        params: slugParams,
        response: { 200: apiSsoAvailabilitySchema, ...errorResponses },
      },
    },
    async (request) => presentSsoAvailability(await sso.availability(request.params.orgSlug)),
  );

  app.get(
    '/auth/sso/:orgSlug/start',
    {
      config: { public: true },
      schema: {
        tags: ['auth'],
        operationId: 'startSsoSignIn',
        summary: 'Start signing in with SSO',
        description:
          "Redirects the browser to the organization's OpenID provider (authorization code flow with PKCE S256, state " +
          'and nonce kept in a sealed, HttpOnly, SameSite=Lax cookie for 10 minutes). Without SSO it redirects to ' +
          '`/login?sso_error=not_configured`. For browsers. Needs no authentication.',
        security: [],
        params: slugParams,
        querystring: startQuery,
        response: {
          302: redirectResponse('To the provider, or to the login page with `sso_error`.'),
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      const slug = request.params.orgSlug;
      const returnTo = safeReturnTo(request.query.returnTo);
      reply.header('cache-control', 'no-store');
      try {
        const { authorizationUrl, flowCookie } = await sso.begin(
          slug,
          returnTo,
          redirectUri(request),
          clientOf(request),
        );
        reply.setCookie(SSO_FLOW_COOKIE, flowCookie, {
          httpOnly: true,
          sameSite: 'lax',
          path: FLOW_COOKIE_PATH,
          secure: secureCookies(request),
          maxAge: SSO_FLOW_TTL_MS / 1000,
        });
        return reply.redirect(authorizationUrl, 302);
      } catch (error) {
        if (error instanceof SsoFailure) return toLogin(reply, error.reason, slug, returnTo);
        throw error;
      }
    },
  );
};
