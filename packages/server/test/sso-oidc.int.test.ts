/**
 * Single sign-on against a real OpenID provider (`oidc-provider`) started on loopback: the whole
 * browser flow (start → provider → callback → session), the refusals (unknown person without JIT,
 * unverified email, tampered state or cookie, domain not allowed, provider denial), "require SSO"
 * against password sign-in, open redirects, and that the client secret never leaves the server.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, memberships, ssoConfigs, users } from '../src/db/schema.ts';
import {
  type Body,
  callApi,
  createTestContext,
  errorPaths,
  type TestContext,
  type TestOrg,
} from './harness.ts';
import { addMember, callAsSession, login, PASSWORD, uniqueEmail } from './session-client.ts';
import { followProvider, startTestProvider, type TestProvider } from './support/oidc-provider.ts';

const PUBLIC_URL = 'http://groundwork.test';
const REDIRECT_URI = `${PUBLIC_URL}/api/auth/sso/callback`;

let ctx: TestContext;
let idp: TestProvider;
let org: TestOrg;
let subjects = 0;

beforeAll(async () => {
  idp = await startTestProvider(REDIRECT_URI);
  ctx = await createTestContext({
    GROUNDWORK_PUBLIC_URL: PUBLIC_URL,
    GROUNDWORK_OUTBOUND_ALLOW_CIDRS: '127.0.0.0/8',
  });
  org = await ctx.org();
  const saved = await configure(org, {});
  if (saved.status !== 200) throw new Error(`configure: ${saved.status} ${JSON.stringify(saved.body)}`);
}, 60_000);

afterAll(async () => {
  await ctx?.close();
  await idp?.close();
});

/** Saves the SSO configuration of `target` with the test provider and `overrides`. */
function configure(target: TestOrg, overrides: Record<string, unknown>) {
  return callApi(ctx.app, target.liveKey, 'PUT', '/org/sso', {
    issuer: idp.issuer,
    clientId: idp.clientId,
    clientSecret: idp.clientSecret,
    allowedDomains: [],
    jitProvisioning: false,
    requireSso: false,
    ...overrides,
  });
}

/** A provider account with this email; returns its subject. */
function account(email: string | undefined, emailVerified = true, name = 'Ada Provider'): string {
  const sub = `sub-${++subjects}`;
  idp.setAccount(sub, { ...(email !== undefined ? { email } : {}), emailVerified, name });
  return sub;
}

/** The result of the browser flow: where the callback sent the browser, and the session cookie if any. */
interface FlowResult {
  location: string;
  session: string | null;
  callback: URL;
}

/**
 * Runs the browser flow for `slug` as provider account `sub`: start, the provider's pages, the callback.
 * `tamper` may change the callback URL or the flow cookie before the callback is requested.
 */
async function signIn(
  slug: string,
  sub: string | null,
  options: {
    returnTo?: string;
    tamper?: (callback: URL, cookie: string) => { callback: URL; cookie: string | null };
  } = {},
): Promise<FlowResult> {
  const query = options.returnTo === undefined ? '' : `?returnTo=${encodeURIComponent(options.returnTo)}`;
  const start = await ctx.app.inject({ method: 'GET', url: `/api/auth/sso/${slug}/start${query}` });
  expect(start.statusCode).toBe(302);
  const location = String(start.headers.location);
  const flow = start.cookies.find((c) => c.name === 'gw_sso_flow');
  if (!flow) return { location, session: null, callback: new URL(location, PUBLIC_URL) };
  expect(flow.httpOnly).toBe(true);
  expect(flow.sameSite).toBe('Lax');
  expect(flow.path).toBe('/api/auth/sso');
  expect(flow.maxAge).toBe(600);
  const authorize = new URL(location);
  expect(authorize.origin).toBe(idp.issuer);
  expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
  expect(authorize.searchParams.get('redirect_uri')).toBe(REDIRECT_URI);
  if (sub === null) idp.denyNext();
  else idp.signInAs(sub);
  let callback = await followProvider(location, idp.issuer);
  expect(`${callback.origin}${callback.pathname}`).toBe(REDIRECT_URI);
  let cookie: string | null = flow.value;
  if (options.tamper) ({ callback, cookie } = options.tamper(callback, flow.value));
  const done = await ctx.app.inject({
    method: 'GET',
    url: `${callback.pathname}${callback.search}`,
    ...(cookie !== null ? { cookies: { gw_sso_flow: cookie } } : {}),
  });
  expect(done.statusCode).toBe(302);
  const session = done.cookies.find((c) => c.name === 'gw_session')?.value ?? null;
  return { location: String(done.headers.location), session, callback };
}

/** The session behind a cookie, as the app sees it. */
async function sessionOf(token: string): Promise<{ status: number; body: Body }> {
  const response = await ctx.app.inject({
    method: 'GET',
    url: '/api/auth/session',
    cookies: { gw_session: token },
  });
  return { status: response.statusCode, body: response.json() as Body };
}

/** The audit events of `action` in the organization, newest last. */
async function events(orgId: string, action: string) {
  return ctx.db.system
    .select({ data: auditEvents.data, actorId: auditEvents.actorId })
    .from(auditEvents)
    .where(and(eq(auditEvents.orgId, orgId), eq(auditEvents.action, action)))
    .orderBy(auditEvents.id);
}

describe('signing in with SSO', () => {
  it('signs an existing member in through the provider and starts a working session', async () => {
    const member = await addMember(ctx, org.id, 'annotator');
    const result = await signIn(org.slug, account(member.email.toUpperCase()));
    expect(result.location).toBe('/');
    expect(result.session).not.toBeNull();
    const session = await sessionOf(result.session as string);
    expect(session.status).toBe(200);
    expect(session.body.user.email).toBe(member.email);
    expect(session.body.org.slug).toBe(org.slug);
    expect(session.body.role).toBe('annotator');
    const signIns = await events(org.id, 'auth.sso_sign_in');
    expect(signIns.at(-1)?.actorId).toBe(member.id);
    expect(signIns.at(-1)?.data).toMatchObject({ email: member.email, provisioned: null });
  });

  it('returns to a relative returnTo, and never to an absolute or protocol-relative URL', async () => {
    const member = await addMember(ctx, org.id, 'reviewer');
    const sub = account(member.email);
    expect((await signIn(org.slug, sub, { returnTo: '/work/review?x=1' })).location).toBe('/work/review?x=1');
    expect((await signIn(org.slug, sub, { returnTo: 'https://evil.example/' })).location).toBe('/');
    expect((await signIn(org.slug, sub, { returnTo: '//evil.example/' })).location).toBe('/');
    expect((await signIn(org.slug, sub, { returnTo: '/\\evil.example/' })).location).toBe('/');
  });

  it('refuses an unknown person when just-in-time provisioning is off, and audits why', async () => {
    const email = uniqueEmail('stranger');
    const result = await signIn(org.slug, account(email));
    expect(result.session).toBeNull();
    expect(result.location).toBe('/login?sso_error=not_a_member');
    const [user] = await ctx.db.system.select().from(users).where(eq(users.email, email));
    expect(user).toBeUndefined();
    expect((await events(org.id, 'auth.sso_failed')).at(-1)?.data).toMatchObject({
      reason: 'not_a_member',
      email,
    });
  });

  it('provisions an unknown person with the configured role when just-in-time provisioning is on', async () => {
    const jit = await ctx.org();
    expect((await configure(jit, { jitProvisioning: true, jitRole: 'reviewer' })).status).toBe(200);
    const email = uniqueEmail('newcomer');
    const result = await signIn(jit.slug, account(email, true, 'New Comer'));
    const session = await sessionOf(result.session as string);
    expect(session.body.user).toMatchObject({ email, name: 'New Comer' });
    expect(session.body.role).toBe('reviewer');
    // An account of another organization is not joined on this provider's word: it is invited instead.
    const other = await addMember(ctx, org.id, 'viewer');
    const refused = await signIn(jit.slug, account(other.email));
    expect(refused.session).toBeNull();
    expect(refused.location).toBe('/login?sso_error=not_a_member');
    expect((await events(jit.id, 'auth.sso_failed')).at(-1)?.data).toMatchObject({
      reason: 'not_a_member',
      existingAccount: true,
    });
    const [joined] = await ctx.db.system
      .select()
      .from(memberships)
      .where(and(eq(memberships.orgId, jit.id), eq(memberships.userId, other.id)));
    expect(joined).toBeUndefined();
    // Once invited (a member), the same person signs in with SSO.
    await ctx.orgs.addUser(jit.id, { email: other.email, role: 'annotator' });
    const member = await signIn(jit.slug, account(other.email));
    expect((await sessionOf(member.session as string)).body).toMatchObject({
      user: { id: other.id },
      role: 'annotator',
    });
    expect((await events(jit.id, 'auth.sso_sign_in')).map((e) => (e.data as Body).provisioned)).toEqual([
      'user',
      null,
    ]);
  });

  it('refuses an email the provider has not verified', async () => {
    const member = await addMember(ctx, org.id, 'annotator');
    const result = await signIn(org.slug, account(member.email, false));
    expect(result.session).toBeNull();
    expect(result.location).toBe('/login?sso_error=email_unverified');
  });

  it('refuses an account without an email', async () => {
    const result = await signIn(org.slug, account(undefined));
    expect(result.location).toBe('/login?sso_error=email_missing');
  });

  it('refuses a tampered state, a tampered flow cookie and a missing one', async () => {
    const member = await addMember(ctx, org.id, 'annotator');
    const sub = account(member.email);
    const state = await signIn(org.slug, sub, {
      tamper: (callback, cookie) => {
        callback.searchParams.set('state', `${callback.searchParams.get('state')}x`);
        return { callback, cookie };
      },
    });
    expect(state.session).toBeNull();
    expect(state.location).toBe('/login?sso_error=state_mismatch');
    expect((await events(org.id, 'auth.sso_failed')).at(-1)?.data).toMatchObject({
      reason: 'state_mismatch',
    });
    const changed = await signIn(org.slug, sub, {
      tamper: (callback, cookie) => ({ callback, cookie: `${cookie.slice(0, -3)}AAA` }),
    });
    expect(changed.location).toBe('/login?sso_error=flow_expired');
    const missing = await signIn(org.slug, sub, { tamper: (callback) => ({ callback, cookie: null }) });
    expect(missing.session).toBeNull();
    expect(missing.location).toBe('/login?sso_error=flow_expired');
  });

  it('refuses a code replayed with the same state (the provider answers once)', async () => {
    const member = await addMember(ctx, org.id, 'annotator');
    let replay: { url: string; cookie: string } | null = null;
    const first = await signIn(org.slug, account(member.email), {
      tamper: (callback, cookie) => {
        replay = { url: `${callback.pathname}${callback.search}`, cookie };
        return { callback, cookie };
      },
    });
    expect(first.session).not.toBeNull();
    const again = replay as { url: string; cookie: string } | null;
    if (!again) throw new Error('no callback captured');
    const second = await ctx.app.inject({
      method: 'GET',
      url: again.url,
      cookies: { gw_sso_flow: again.cookie },
    });
    expect(second.headers.location).toBe('/login?sso_error=token_invalid');
    expect(second.cookies.find((c) => c.name === 'gw_session')).toBeUndefined();
  });

  it('refuses an email domain that is not allowed', async () => {
    const strict = await ctx.org();
    expect((await configure(strict, { allowedDomains: ['@Allowed.Example'] })).status).toBe(200);
    const outsider = await addMember(ctx, strict.id, 'annotator');
    const refused = await signIn(strict.slug, account(outsider.email));
    expect(refused.location).toBe('/login?sso_error=domain_not_allowed');
    const insider = await addMember(ctx, strict.id, 'annotator', `ada-${process.pid}@allowed.example`);
    const allowed = await signIn(strict.slug, account(insider.email));
    expect((await sessionOf(allowed.session as string)).body.user.id).toBe(insider.id);
  });

  it('sends the browser back to the login page when the provider refuses', async () => {
    const result = await signIn(org.slug, null);
    expect(result.location).toBe('/login?sso_error=provider_error');
    expect((await events(org.id, 'auth.sso_failed')).at(-1)?.data).toMatchObject({
      reason: 'provider_error',
      error: 'access_denied',
    });
  });

  it('refuses a disabled member', async () => {
    const member = await addMember(ctx, org.id, 'annotator');
    await ctx.db.system
      .update(memberships)
      .set({ disabled: true })
      .where(and(eq(memberships.orgId, org.id), eq(memberships.userId, member.id)));
    const result = await signIn(org.slug, account(member.email));
    expect(result.location).toBe('/login?sso_error=membership_disabled');
  });

  it('redirects to the login page for an organization without SSO (unknown ones alike)', async () => {
    const plain = await ctx.org();
    for (const slug of [plain.slug, 'no-such-org']) {
      const start = await ctx.app.inject({ method: 'GET', url: `/api/auth/sso/${slug}/start` });
      expect(start.statusCode).toBe(302);
      expect(start.headers.location).toBe(`/login?sso_error=not_configured&org=${slug}`);
      const availability = await ctx.app.inject({ method: 'GET', url: `/api/auth/sso/${slug}` });
      expect(availability.json()).toEqual({ enabled: false });
    }
    const configured = await ctx.app.inject({ method: 'GET', url: `/api/auth/sso/${org.slug}` });
    expect(configured.json()).toEqual({ enabled: true });
  });
});

describe('organization slugs', () => {
  it('refuses the slug callback, which the return address of single sign-on takes', async () => {
    await expect(ctx.orgs.createOrg({ slug: 'callback' })).rejects.toMatchObject({
      status: 400,
      details: [{ path: 'slug', message: 'reserved' }],
    });
  });
});

describe('require SSO', () => {
  it('refuses password sign-in of members except owners and admins; a wrong password stays a 401', async () => {
    const strict = await ctx.org();
    const annotator = await addMember(ctx, strict.id, 'annotator');
    const manager = await addMember(ctx, strict.id, 'manager');
    const admin = await addMember(ctx, strict.id, 'admin');
    const owner = await addMember(ctx, strict.id, 'owner');
    expect((await configure(strict, { requireSso: true })).status).toBe(200);
    for (const person of [annotator, manager]) {
      const refused = await ctx.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email: person.email, password: PASSWORD },
      });
      expect(refused.statusCode, refused.body).toBe(403);
      expect(refused.json().message).toMatch(/single sign-on/);
      expect(refused.cookies.find((c) => c.name === 'gw_session')).toBeUndefined();
    }
    const wrong = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: annotator.email, password: 'not the password' },
    });
    expect(wrong.statusCode).toBe(401);
    await login(ctx.app, admin.email);
    await login(ctx.app, owner.email);
    expect((await events(strict.id, 'auth.password_refused')).map((e) => e.actorId)).toEqual([
      annotator.id,
      manager.id,
    ]);
    // Their SSO sign-in still works.
    const viaSso = await signIn(strict.slug, account(annotator.email));
    expect((await sessionOf(viaSso.session as string)).status).toBe(200);
    // Turned off again, passwords work.
    expect((await configure(strict, { requireSso: false })).status).toBe(200);
    await login(ctx.app, annotator.email);
  });

  it('an invitation into it does not start a password session for a non-admin', async () => {
    const strict = await ctx.org();
    const admin = await login(ctx.app, (await addMember(ctx, strict.id, 'admin')).email);
    expect((await configure(strict, { requireSso: true })).status).toBe(200);
    const accept = async (role: string) => {
      const email = uniqueEmail(role);
      const invited = await callAsSession(ctx.app, admin, 'POST', '/invitations', { email, role });
      expect(invited.status).toBe(200);
      return ctx.app.inject({
        method: 'POST',
        url: '/api/invitations/accept',
        payload: { token: invited.body.token, name: 'New person', password: 'a long enough password' },
      });
    };
    const annotator = await accept('annotator');
    expect(annotator.statusCode).toBe(403);
    expect(annotator.json().message).toMatch(/You joined .*single sign-on/);
    expect(annotator.cookies.find((c) => c.name === 'gw_session')).toBeUndefined();
    // An admin may still come in by password (nobody is locked out).
    const invitedAdmin = await accept('admin');
    expect(invitedAdmin.statusCode).toBe(200);
    expect(invitedAdmin.cookies.find((c) => c.name === 'gw_session')).toBeDefined();
  });
});

describe('requests to the provider', () => {
  it('go through the outbound checks: a token endpoint on a refused address is not called', async () => {
    // A provider whose discovery (on loopback, allowed here) names a token endpoint on a private address.
    const server = createServer((_req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(
        JSON.stringify({
          issuer: fakeIssuer,
          authorization_endpoint: `${fakeIssuer}/auth`,
          token_endpoint: 'https://10.1.2.3/token',
          jwks_uri: `${fakeIssuer}/jwks`,
        }),
      );
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const fakeIssuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const target = await ctx.org();
      expect((await configure(target, { issuer: fakeIssuer })).status).toBe(200);
      const start = await ctx.app.inject({ method: 'GET', url: `/api/auth/sso/${target.slug}/start` });
      const state = new URL(String(start.headers.location)).searchParams.get('state');
      const flow = start.cookies.find((c) => c.name === 'gw_sso_flow')?.value;
      const done = await ctx.app.inject({
        method: 'GET',
        url: `/api/auth/sso/callback?code=some-code&state=${state}`,
        cookies: { gw_sso_flow: flow ?? '' },
      });
      expect(done.headers.location).toBe('/login?sso_error=provider_unreachable');
      expect((await events(target.id, 'security.outbound_refused')).at(-1)?.data).toMatchObject({
        field: 'issuer',
        address: '10.1.2.3',
      });
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe('the SSO settings', () => {
  it('never return the client secret, in the API or the audit log', async () => {
    const read = await callApi(ctx.app, org.liveKey, 'GET', '/org/sso');
    expect(read.status).toBe(200);
    expect(read.body.redirectUri).toBe(REDIRECT_URI);
    expect(read.body.config).toMatchObject({
      issuer: idp.issuer,
      clientId: idp.clientId,
      clientSecretHint: '…6789',
    });
    const saved = await configure(org, {});
    expect(saved.body.discovery).toMatchObject({
      issuer: idp.issuer,
      authorizationEndpoint: `${idp.issuer}/auth`,
      tokenEndpoint: `${idp.issuer}/token`,
    });
    const kept = await callApi(ctx.app, org.liveKey, 'PUT', '/org/sso', {
      issuer: idp.issuer,
      clientId: idp.clientId,
    });
    expect(kept.status).toBe(200);
    const tested = await callApi(ctx.app, org.liveKey, 'POST', '/org/sso/test', {});
    expect(tested.body.issuer).toBe(idp.issuer);
    const audit = await events(org.id, 'sso.configure');
    expect(audit.at(-1)?.data).toMatchObject({ clientSecretChanged: false });
    const everything = JSON.stringify([read.body, saved.body, kept.body, tested.body, audit]);
    expect(everything).not.toContain(idp.clientSecret);
    // Stored sealed, not in clear.
    const stored = await ctx.db.system
      .select({ secret: ssoConfigs.clientSecret })
      .from(ssoConfigs)
      .where(eq(ssoConfigs.orgId, org.id));
    expect(JSON.stringify(stored)).not.toContain(idp.clientSecret);
    expect(JSON.stringify(stored)).toContain('gcm1.');
  });

  it('answers 400 naming the field for an unusable provider, a refused address, a missing secret', async () => {
    const fresh = await ctx.org();
    const missingSecret = await callApi(ctx.app, fresh.liveKey, 'PUT', '/org/sso', {
      issuer: idp.issuer,
      clientId: 'x',
    });
    expect(missingSecret.status).toBe(400);
    expect(errorPaths(missingSecret.body)).toEqual(['clientSecret']);
    const plainHttp = await configure(fresh, { issuer: 'http://login.example.com' });
    expect(plainHttp.status).toBe(400);
    expect(errorPaths(plainHttp.body)).toEqual(['issuer']);
    const privateAddress = await configure(fresh, { issuer: 'https://10.1.2.3' });
    expect(privateAddress.status).toBe(400);
    expect(errorPaths(privateAddress.body)).toEqual(['issuer']);
    expect(privateAddress.body.message).toMatch(/private/);
    expect((await events(fresh.id, 'security.outbound_refused')).at(-1)?.data).toMatchObject({
      field: 'issuer',
    });
    const nothingThere = await configure(fresh, { issuer: `${idp.issuer}/nothing-here` });
    expect(nothingThere.status).toBe(400);
    expect(errorPaths(nothingThere.body)).toEqual(['issuer']);
    const badDomain = await configure(fresh, { allowedDomains: ['not a domain'] });
    expect(errorPaths(badDomain.body)).toEqual(['allowedDomains.0']);
    const adminRole = await configure(fresh, { jitRole: 'admin' });
    expect(adminRole.status).toBe(400);
    expect(errorPaths(adminRole.body)).toEqual(['jitRole']);
    expect((await callApi(ctx.app, fresh.liveKey, 'GET', '/org/sso')).body.config).toBeNull();
  });

  it('are for admins only: reads and every write', async () => {
    const body = { issuer: idp.issuer, clientId: idp.clientId, clientSecret: 'stolen' };
    for (const role of ['manager', 'reviewer', 'annotator', 'viewer'] as const) {
      const session = await login(ctx.app, (await addMember(ctx, org.id, role)).email);
      expect((await callAsSession(ctx.app, session, 'GET', '/org/sso')).status).toBe(403);
      expect((await callAsSession(ctx.app, session, 'PUT', '/org/sso', body)).status).toBe(403);
      expect((await callAsSession(ctx.app, session, 'POST', '/org/sso/test', {})).status).toBe(403);
      expect((await callAsSession(ctx.app, session, 'DELETE', '/org/sso')).status).toBe(403);
    }
    const admin = await login(ctx.app, (await addMember(ctx, org.id, 'admin')).email);
    expect((await callAsSession(ctx.app, admin, 'POST', '/org/sso/test', {})).status).toBe(200);
    expect((await callAsSession(ctx.app, admin, 'GET', '/org/sso')).body.config.clientId).toBe(idp.clientId);
  });

  it('can be removed, after which SSO sign-in stops', async () => {
    const gone = await ctx.org();
    expect((await configure(gone, {})).status).toBe(200);
    expect((await callApi(ctx.app, gone.liveKey, 'DELETE', '/org/sso')).status).toBe(200);
    expect((await callApi(ctx.app, gone.liveKey, 'DELETE', '/org/sso')).status).toBe(404);
    const start = await ctx.app.inject({ method: 'GET', url: `/api/auth/sso/${gone.slug}/start` });
    expect(start.headers.location).toMatch(/sso_error=not_configured/);
    expect(await events(gone.id, 'sso.delete')).toHaveLength(1);
  });
});
