/**
 * Single sign-on with OpenID Connect, free in every edition. An admin stores the organization's
 * provider (issuer, client id, client secret sealed under the master key, allowed email domains,
 * just-in-time provisioning, "require SSO"); people then sign in through the provider with the
 * authorization code flow and PKCE (S256).
 *
 * The flow's state, nonce and PKCE verifier travel in a short-lived cookie sealed with AES-256-GCM
 * under the master key, so the server keeps nothing between the two legs and a changed cookie does not
 * open. Every request to the provider (discovery, token, userinfo, keys) goes through `safeFetch` with
 * the server's outbound policy: a provider on a private or loopback address is refused unless the
 * operator allows it (GROUNDWORK_OUTBOUND_ALLOW_CIDRS / GROUNDWORK_ALLOW_PRIVATE_NETWORK).
 */
import type { Readable } from 'node:stream';
import * as oidc from 'openid-client';
import type { AuditActor } from '../commands/record-audit.ts';
import { recordAudit } from '../commands/record-audit.ts';
import type { Database } from '../db/database.ts';
import { ApiError, type ErrorDetail } from '../errors.ts';
import { seal, UnsealError, unseal } from '../lib/crypto.ts';
import { newId } from '../lib/ids.ts';
import { type AddressPolicy, SafeFetchError, SsrfBlockedError, safeFetch } from '../net/index.ts';
import { insertMembershipIfAbsent } from '../repositories/members.ts';
import { findOrgById, insertUser } from '../repositories/orgs.ts';
import { findLoginCandidate, type LoginCandidate } from '../repositories/sessions.ts';
import {
  deleteSsoConfig,
  findOrgWithSsoBySlug,
  findSsoConfig,
  type SsoConfigRow,
  upsertSsoConfig,
} from '../repositories/sso.ts';
import type { OutboundService } from './outbound.ts';
import { actorOf, type Principal, type Role } from './principal.ts';
import type { ClientInfo, SessionMembership, SessionService, StartedSession } from './sessions.ts';
import { normalizeEmail } from './sessions.ts';
import { maskSecret } from './webhook-secrets.ts';

/** The cookie carrying a sign-in in progress (sealed state, nonce and PKCE verifier). */
export const SSO_FLOW_COOKIE = 'gw_sso_flow';
/** How long a sign-in may take between leaving for the provider and coming back. */
export const SSO_FLOW_TTL_MS = 10 * 60 * 1000;
/** The path of the callback, under the public URL: the redirect URI to register at the provider. */
export const SSO_CALLBACK_PATH = '/api/auth/sso/callback';
/** The roles people provisioned just in time may get: never `owner` or `admin`. */
export const SSO_JIT_ROLES = ['manager', 'reviewer', 'annotator', 'viewer'] as const;
/** A role for people provisioned just in time. */
export type SsoJitRole = (typeof SSO_JIT_ROLES)[number];
/** The scopes asked of the provider. */
export const SSO_SCOPES = 'openid email profile';

/** Largest response accepted from a provider (discovery, keys, tokens, userinfo). */
const PROVIDER_MAX_BYTES = 1024 * 1024;
/** Deadline of one request to a provider. */
const PROVIDER_TIMEOUT_MS = 10_000;
/** How long a discovered provider configuration is reused. */
const DISCOVERY_CACHE_MS = 10 * 60 * 1000;
const FLOW_CONTEXT = 'sso_flow:v1';
const MAX_DOMAINS = 50;

/**
 * Why a single sign-on did not complete. The login page reads it from `?sso_error=` and shows a
 * sentence for it; the audit event `auth.sso_failed` records it.
 */
export const SSO_FAILURE_REASONS = [
  'not_configured',
  'flow_expired',
  'state_mismatch',
  'provider_error',
  'provider_unreachable',
  'token_invalid',
  'email_missing',
  'email_unverified',
  'domain_not_allowed',
  'not_a_member',
  'membership_disabled',
] as const;
/** A reason of {@link SSO_FAILURE_REASONS}. */
export type SsoFailureReason = (typeof SSO_FAILURE_REASONS)[number];

/** A single sign-on that did not complete: the route sends the browser back to the login page with it. */
export class SsoFailure extends Error {
  override readonly name = 'SsoFailure';
  readonly reason: SsoFailureReason;

  constructor(reason: SsoFailureReason, message: string) {
    super(message);
    this.reason = reason;
  }
}

/** What an admin sends to configure single sign-on. */
export interface SsoConfigInput {
  issuer: string;
  clientId: string;
  /** Required the first time; left out, the stored secret is kept. */
  clientSecret?: string | undefined;
  allowedDomains: string[];
  jitProvisioning: boolean;
  jitRole: SsoJitRole;
  requireSso: boolean;
  enabled: boolean;
}

/** The stored configuration as admins see it: the client secret masked. */
export interface SsoConfigView {
  issuer: string;
  clientId: string;
  /** The secret's last four characters behind an ellipsis (`…x9Qa`); never the secret. */
  clientSecretHint: string;
  allowedDomains: string[];
  jitProvisioning: boolean;
  jitRole: SsoJitRole;
  requireSso: boolean;
  enabled: boolean;
  updatedAt: Date;
}

/** What discovery found at an issuer: the endpoints the flow will use. */
export interface SsoDiscovery {
  issuer: string;
  authorizationEndpoint: string;
  tokenEndpoint: string;
  userinfoEndpoint: string | null;
  jwksUri: string | null;
  /** How the client authenticates at the token endpoint (`client_secret_basic` or `client_secret_post`). */
  tokenEndpointAuthMethod: 'client_secret_basic' | 'client_secret_post';
}

/** Whether an organization offers single sign-on (for the login page; no secrets). */
export interface SsoAvailability {
  enabled: boolean;
}

/** A sign-in in progress, sealed into the flow cookie. */
export interface SsoFlow {
  orgId: string;
  state: string;
  nonce: string;
  codeVerifier: string;
  /** Where to go after signing in: a relative path of this app. */
  returnTo: string;
  /** When the flow ends, in milliseconds since the epoch. */
  expiresAt: number;
}

/**
 * A relative path of this app to return to after signing in, or `/`. Absolute URLs, protocol-relative
 * ones (`//evil`), backslash tricks (`/\evil`), control characters and API paths are refused, so the
 * parameter cannot be turned into an open redirect.
 */
export function safeReturnTo(value: unknown): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > 2048) return '/';
  if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return '/';
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused.
  if (/[\u0000-\u001f\u007f\\]/.test(value)) return '/';
  const base = 'http://groundwork.invalid';
  let url: URL;
  try {
    url = new URL(value, base);
  } catch {
    return '/';
  }
  if (url.origin !== base) return '/';
  if (/^\/(api|v1)(\/|$)/.test(url.pathname)) return '/';
  return `${url.pathname}${url.search}${url.hash}`;
}

/** The domain of an email address, lower case (`''` when it has none). */
export function emailDomain(email: string): string {
  const at = email.lastIndexOf('@');
  return at === -1 ? '' : email.slice(at + 1).toLowerCase();
}

/** Whether an email's domain is one of `domains`; an empty list allows every domain. */
export function domainAllowed(email: string, domains: readonly string[]): boolean {
  return domains.length === 0 || domains.includes(emailDomain(email));
}

const DOMAIN_PATTERN = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

/**
 * The allowed email domains, normalized (trimmed, lower case, a leading `@` dropped, duplicates
 * removed, in the order given), with a problem per entry that is not a domain name.
 */
export function normalizeDomains(domains: readonly string[]): { domains: string[]; problems: ErrorDetail[] } {
  const out: string[] = [];
  const problems: ErrorDetail[] = [];
  domains.forEach((raw, index) => {
    const domain = raw.trim().toLowerCase().replace(/^@/, '');
    if (!DOMAIN_PATTERN.test(domain)) {
      problems.push({
        path: `allowedDomains.${index}`,
        message: `${JSON.stringify(raw)} is not a domain name`,
      });
    } else if (!out.includes(domain)) {
      out.push(domain);
    }
  });
  if (out.length > MAX_DOMAINS) {
    problems.push({ path: 'allowedDomains', message: `at most ${MAX_DOMAINS} domains` });
  }
  return { domains: out, problems };
}

/**
 * Why an issuer URL cannot be used, or null: it must be `https:`, or `http:` on a loopback host (a
 * provider on the same machine, for development); no credentials, query or fragment.
 */
export function issuerProblem(issuer: string): string | null {
  let url: URL;
  try {
    url = new URL(issuer);
  } catch {
    return 'must be an absolute URL such as https://login.example.com';
  }
  if (url.username || url.password) return 'must not contain credentials';
  if (url.search || url.hash) return 'must not have a query or fragment';
  if (url.protocol === 'https:') return null;
  if (url.protocol === 'http:' && isLoopbackHost(url.hostname)) return null;
  return 'must use https (plain http only for a provider on a loopback address)';
}

function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '');
  return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}

/** The redirect URI to register at the provider: the callback under the public URL (or the request's origin). */
export function redirectUriOf(publicUrl: string | null, requestOrigin: string): string {
  const base = (publicUrl ?? requestOrigin).replace(/\/+$/, '');
  return `${base}${SSO_CALLBACK_PATH}`;
}

/** Seals a flow into the cookie value (AES-256-GCM under the master key). */
export function sealFlow(key: Buffer, flow: SsoFlow): string {
  return seal(key, JSON.stringify(flow), FLOW_CONTEXT);
}

/** Opens a flow cookie; null when it is missing, altered, sealed under another key or expired. */
export function openFlow(key: Buffer, value: string | undefined, now: number): SsoFlow | null {
  if (!value) return null;
  let flow: SsoFlow;
  try {
    flow = JSON.parse(unseal(key, value, FLOW_CONTEXT)) as SsoFlow;
  } catch (error) {
    if (error instanceof UnsealError || error instanceof SyntaxError) return null;
    throw error;
  }
  if (typeof flow.expiresAt !== 'number' || flow.expiresAt <= now) return null;
  return flow;
}

/**
 * A `fetch` for openid-client that goes through `safeFetch` with the outbound policy: the provider's
 * addresses are vetted on every request, redirects are not followed (openid-client asks for none),
 * and bodies are capped.
 */
export function providerFetch(policy: AddressPolicy): oidc.CustomFetch {
  return async (url, options) => {
    const response = await safeFetch(url, {
      ...policy,
      method: options.method,
      headers: options.headers,
      ...(bodyOf(options.body) !== undefined ? { body: bodyOf(options.body) } : {}),
      maxRedirects: 0,
      maxBytes: PROVIDER_MAX_BYTES,
      timeoutMs: PROVIDER_TIMEOUT_MS,
    });
    const chunks: Buffer[] = [];
    for await (const chunk of response.body as Readable) chunks.push(chunk as Buffer);
    const headers = new Headers();
    for (const [name, value] of Object.entries(response.headers)) {
      if (value === undefined) continue;
      for (const one of Array.isArray(value) ? value : [value]) headers.append(name, one);
    }
    const empty = response.status === 204 || response.status === 304;
    return new Response(empty ? null : Buffer.concat(chunks), { status: response.status, headers });
  };
}

function bodyOf(body: oidc.CustomFetchOptions['body']): string | Uint8Array | undefined {
  if (body === undefined || body === null) return undefined;
  if (typeof body === 'string') return body;
  if (body instanceof URLSearchParams) return body.toString();
  if (body instanceof Uint8Array) return body;
  if (body instanceof ArrayBuffer) return new Uint8Array(body);
  throw new Error('streamed request bodies are not sent to identity providers');
}

/** The SsrfBlockedError behind an error (openid-client may wrap what fetch threw). */
function ssrfCause(error: unknown): SsrfBlockedError | undefined {
  for (let e: unknown = error, depth = 0; e && depth < 5; e = (e as Error).cause, depth++) {
    if (e instanceof SsrfBlockedError) return e;
  }
  return undefined;
}

function describeError(error: unknown): string {
  for (let e: unknown = error, depth = 0; e && depth < 5; e = (e as Error).cause, depth++) {
    if (e instanceof SafeFetchError) return e.message;
  }
  return error instanceof Error ? error.message : String(error);
}

/** A person resolved by a sign-in, with the membership the session will act with. */
interface Resolved {
  user: { id: string; email: string; name: string };
  membership: SessionMembership;
  provisioned: 'user' | 'membership' | null;
}

/** Single sign-on: configuration by admins, and the two legs of the sign-in. */
export class SsoService {
  readonly #db: Database;
  readonly #masterKey: () => Buffer;
  readonly #sessions: SessionService;
  readonly #outbound: OutboundService;
  readonly #now: () => number;
  readonly #clients = new Map<string, { stamp: string; config: oidc.Configuration; expires: number }>();

  constructor(deps: {
    db: Database;
    masterKey: () => Buffer;
    sessions: SessionService;
    outbound: OutboundService;
    now?: () => number;
  }) {
    this.#db = deps.db;
    this.#masterKey = deps.masterKey;
    this.#sessions = deps.sessions;
    this.#outbound = deps.outbound;
    this.#now = deps.now ?? Date.now;
  }

  /** The caller's organization's configuration (secret masked), or null when it has none. */
  async view(p: Principal): Promise<SsoConfigView | null> {
    const row = await this.#db.withOrg(p.orgId, (tx) => findSsoConfig(tx, p.orgId));
    return row ? this.#present(row) : null;
  }

  /**
   * Checks and stores the configuration: the issuer must serve a valid discovery document (fetched now,
   * through the outbound policy), otherwise 400 naming `issuer`. Audited as `sso.configure` (never the
   * secret; whether it changed).
   */
  async save(
    p: Principal,
    input: SsoConfigInput,
  ): Promise<{ config: SsoConfigView; discovery: SsoDiscovery }> {
    const problems: ErrorDetail[] = [];
    // Kept exactly as given: some providers' issuer ends with a slash, and discovery compares it exactly.
    const issuer = input.issuer.trim();
    const issuerIssue = issuerProblem(issuer);
    if (issuerIssue) problems.push({ path: 'issuer', message: issuerIssue });
    const domains = normalizeDomains(input.allowedDomains);
    problems.push(...domains.problems);
    if (!(SSO_JIT_ROLES as readonly string[]).includes(input.jitRole)) {
      problems.push({ path: 'jitRole', message: `must be one of ${SSO_JIT_ROLES.join(', ')}` });
    }
    const existing = await this.#db.withOrg(p.orgId, (tx) => findSsoConfig(tx, p.orgId));
    const secret = input.clientSecret ?? (existing ? this.#secretOf(existing) : undefined);
    if (secret === undefined) problems.push({ path: 'clientSecret', message: 'required the first time' });
    if (problems.length > 0) {
      throw new ApiError(
        'invalid_request',
        problems.map((d) => `${d.path}: ${d.message}`).join('; '),
        problems,
      );
    }
    const discovery = await this.#discoverFor(p, issuer, input.clientId, secret as string);
    const row = await this.#db.withOrg(p.orgId, async (tx) => {
      const stored = await upsertSsoConfig(
        tx,
        {
          orgId: p.orgId,
          issuer,
          clientId: input.clientId,
          clientSecret: seal(this.#masterKey(), secret as string, ssoSecretContext(p.orgId)),
          allowedDomains: domains.domains,
          jitProvisioning: input.jitProvisioning,
          jitRole: input.jitRole,
          requireSso: input.requireSso,
          enabled: input.enabled,
        },
        new Date(this.#now()),
      );
      await recordAudit({
        tx,
        orgId: p.orgId,
        actor: actorOf(p),
        action: 'sso.configure',
        target: { type: 'organization', id: p.orgId },
        data: {
          issuer,
          clientId: input.clientId,
          clientSecretChanged: input.clientSecret !== undefined,
          allowedDomains: domains.domains,
          jitProvisioning: input.jitProvisioning,
          jitRole: input.jitRole,
          requireSso: input.requireSso,
          enabled: input.enabled,
          created: existing === undefined,
        },
      });
      return stored;
    });
    this.#clients.delete(p.orgId);
    return { config: this.#present(row), discovery };
  }

  /**
   * Fetches the discovery document of `issuer` (default: the stored one) without saving anything, to
   * show an admin what the provider answers; 400 naming `issuer` when it cannot be used.
   */
  async test(p: Principal, input: { issuer?: string | undefined }): Promise<SsoDiscovery> {
    const stored = await this.#db.withOrg(p.orgId, (tx) => findSsoConfig(tx, p.orgId));
    const issuer = input.issuer?.trim() || stored?.issuer;
    if (!issuer) {
      throw new ApiError('invalid_request', 'issuer: give an issuer URL or save a configuration first.', [
        { path: 'issuer', message: 'required' },
      ]);
    }
    const issue = issuerProblem(issuer);
    if (issue)
      throw new ApiError('invalid_request', `issuer: ${issue}.`, [{ path: 'issuer', message: issue }]);
    return this.#discoverFor(p, issuer, stored?.clientId ?? 'groundwork-test', undefined);
  }

  /** Removes the configuration: SSO sign-in stops and passwords work again. Audited as `sso.delete`. */
  async remove(p: Principal): Promise<void> {
    const deleted = await this.#db.withOrg(p.orgId, async (tx) => {
      const gone = await deleteSsoConfig(tx, p.orgId);
      if (gone) {
        await recordAudit({
          tx,
          orgId: p.orgId,
          actor: actorOf(p),
          action: 'sso.delete',
          target: { type: 'organization', id: p.orgId },
          data: {},
        });
      }
      return gone;
    });
    this.#clients.delete(p.orgId);
    if (!deleted) throw new ApiError('not_found', 'This organization has no single sign-on configuration.');
  }

  /**
   * Whether the organization with this slug offers single sign-on. An unknown organization answers
   * like one without SSO, so the answer does not tell which organizations exist.
   */
  async availability(slug: string): Promise<SsoAvailability> {
    const found = await findOrgWithSsoBySlug(this.#db.system, slug);
    return { enabled: found?.config?.enabled === true };
  }

  /**
   * The first leg: the provider's authorization URL (code flow, PKCE S256, state, nonce) and the sealed
   * flow cookie value that the callback needs.
   */
  async begin(
    slug: string,
    returnTo: unknown,
    redirectUri: string,
    client: ClientInfo,
  ): Promise<{ authorizationUrl: string; flowCookie: string }> {
    const found = await findOrgWithSsoBySlug(this.#db.system, slug);
    if (!found?.config?.enabled) {
      throw new SsoFailure('not_configured', 'This organization does not offer single sign-on.');
    }
    const { org, config } = found;
    let configuration: oidc.Configuration;
    try {
      configuration = await this.#client(config);
    } catch (error) {
      await this.#recordRefusalCause(org.id, client, error);
      await this.recordFailure(org.id, client, 'provider_unreachable', { error: describeError(error) });
      throw new SsoFailure('provider_unreachable', 'The identity provider could not be reached.');
    }
    const codeVerifier = oidc.randomPKCECodeVerifier();
    const flow: SsoFlow = {
      orgId: org.id,
      state: oidc.randomState(),
      nonce: oidc.randomNonce(),
      codeVerifier,
      returnTo: safeReturnTo(returnTo),
      expiresAt: this.#now() + SSO_FLOW_TTL_MS,
    };
    const url = oidc.buildAuthorizationUrl(configuration, {
      redirect_uri: redirectUri,
      scope: SSO_SCOPES,
      response_type: 'code',
      code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state: flow.state,
      nonce: flow.nonce,
    });
    return { authorizationUrl: url.href, flowCookie: sealFlow(this.#masterKey(), flow) };
  }

  /**
   * The second leg: checks the state against the flow cookie, exchanges the code (openid-client checks
   * the ID token's signature, issuer, audience, nonce and expiry), requires a verified email of an
   * allowed domain, finds the member or (with just-in-time provisioning) creates the person and
   * membership — but never joins an account that belongs to other organizations (those are invited), and
   * starts a session exactly as a password sign-in does. Audited as `auth.sso_sign_in`; a refusal is
   * audited as `auth.sso_failed` (when the organization is known) and thrown as {@link SsoFailure}.
   */
  async complete(input: {
    /** The callback URL as the browser requested it (its query holds code and state). */
    query: URLSearchParams;
    flowCookie: string | undefined;
    redirectUri: string;
    client: ClientInfo;
  }): Promise<{ started: StartedSession; returnTo: string }> {
    const flow = openFlow(this.#masterKey(), input.flowCookie, this.#now());
    if (!flow) {
      throw new SsoFailure(
        'flow_expired',
        'The sign-in took too long or was started in another browser; please try again.',
      );
    }
    const fail = async (reason: SsoFailureReason, message: string, data: Record<string, unknown> = {}) => {
      await this.recordFailure(flow.orgId, input.client, reason, data);
      return new SsoFailure(reason, message);
    };
    if (input.query.get('state') !== flow.state) {
      throw await fail('state_mismatch', 'The sign-in response does not belong to this sign-in.');
    }
    const providerError = input.query.get('error');
    if (providerError !== null) {
      throw await fail('provider_error', 'The identity provider refused the sign-in.', {
        error: providerError.slice(0, 200),
        description: input.query.get('error_description')?.slice(0, 500) ?? null,
      });
    }
    const config = await findSsoConfig(this.#db.system, flow.orgId);
    if (!config?.enabled) {
      throw await fail('not_configured', 'This organization no longer offers single sign-on.');
    }
    let claims: Record<string, unknown>;
    try {
      const configuration = await this.#client(config);
      const callbackUrl = new URL(input.redirectUri);
      callbackUrl.search = input.query.toString();
      const tokens = await oidc.authorizationCodeGrant(configuration, callbackUrl, {
        pkceCodeVerifier: flow.codeVerifier,
        expectedState: flow.state,
        expectedNonce: flow.nonce,
        idTokenExpected: true,
      });
      const idClaims = tokens.claims();
      if (!idClaims) throw new Error('the token response has no ID token');
      claims = { ...idClaims };
      if (claims.email === undefined || claims.email_verified === undefined) {
        const info = await oidc.fetchUserInfo(configuration, tokens.access_token, idClaims.sub);
        claims = {
          ...info,
          ...claims,
          email: claims.email ?? info.email,
          email_verified: claims.email_verified ?? info.email_verified,
        };
      }
    } catch (error) {
      if (ssrfCause(error)) {
        await this.#recordRefusalCause(flow.orgId, input.client, error);
        throw await fail('provider_unreachable', 'The identity provider could not be reached.');
      }
      throw await fail('token_invalid', 'The identity provider’s answer could not be verified.', {
        error: describeError(error).slice(0, 500),
      });
    }
    const rawEmail = typeof claims.email === 'string' ? claims.email : '';
    if (rawEmail.trim() === '') {
      throw await fail('email_missing', 'The identity provider did not share an email address.');
    }
    const email = normalizeEmail(rawEmail);
    if (claims.email_verified !== true && claims.email_verified !== 'true') {
      throw await fail('email_unverified', 'The identity provider has not verified this email address.', {
        email,
      });
    }
    if (!domainAllowed(email, config.allowedDomains)) {
      throw await fail('domain_not_allowed', 'This email domain may not sign in to the organization.', {
        email,
      });
    }
    const name =
      typeof claims.name === 'string' && claims.name.trim() !== '' ? claims.name.trim() : email.split('@')[0];
    const resolved = await this.#resolve(config, flow.orgId, email, (name ?? email).slice(0, 200), fail);
    const started = await this.#db.withOrg(flow.orgId, async (tx) => {
      if (resolved.provisioned !== null) {
        await insertMembershipIfAbsent(tx, {
          orgId: flow.orgId,
          userId: resolved.user.id,
          role: resolved.membership.role,
          workforceId: null,
        });
      }
      const session = await this.#sessions.start(tx, {
        user: resolved.user,
        membership: resolved.membership,
        client: input.client,
      });
      await recordAudit({
        tx,
        orgId: flow.orgId,
        actor: { type: 'user', id: resolved.user.id, origin: input.client },
        action: 'auth.sso_sign_in',
        target: { type: 'user', id: resolved.user.id },
        data: {
          email,
          issuer: config.issuer,
          subject: typeof claims.sub === 'string' ? claims.sub : null,
          provisioned: resolved.provisioned,
          ...(resolved.provisioned ? { role: resolved.membership.role } : {}),
        },
      });
      return session;
    });
    return { started, returnTo: flow.returnTo };
  }

  /**
   * Why a password sign-in must be refused because the organization it would enter requires single
   * sign-on, or null. Owners and admins may always use their password, so nobody is locked out by a
   * broken provider. The organization is chosen as the password sign-in chooses it (`org`, else the
   * oldest enabled membership). Returns the candidate too, so the caller can check the password first
   * and refuse only a correct one (a wrong one gets the usual 401 and tells nothing).
   */
  async passwordSignInBlocked(input: {
    email: string;
    org?: string | undefined;
  }): Promise<{ candidate: LoginCandidate; orgSlug: string; orgId: string } | null> {
    const candidate = await findLoginCandidate(this.#db.system, normalizeEmail(input.email));
    if (!candidate) return null;
    const membership = input.org
      ? candidate.memberships.find((m) => m.orgSlug === input.org)
      : (candidate.memberships.find((m) => !m.disabled) ?? candidate.memberships[0]);
    if (!membership) return null;
    const config = await findSsoConfig(this.#db.system, membership.orgId);
    if (!requiresSso(config, membership.role)) return null;
    return { candidate, orgSlug: membership.orgSlug, orgId: membership.orgId };
  }

  /** Appends `auth.sso_failed` with the reason, in a transaction of its own (the sign-in writes nothing). */
  async recordFailure(
    orgId: string,
    client: ClientInfo,
    reason: SsoFailureReason,
    data: Record<string, unknown> = {},
  ): Promise<void> {
    const actor: AuditActor = { type: 'system', id: null, origin: client };
    await this.#db.withOrg(orgId, (tx) =>
      recordAudit({ tx, orgId, actor, action: 'auth.sso_failed', target: null, data: { reason, ...data } }),
    );
  }

  /** Appends `auth.password_refused` (reason `sso_required`): a correct password refused by "require SSO". */
  async recordPasswordRefused(
    orgId: string,
    client: ClientInfo,
    userId: string,
    email: string,
  ): Promise<void> {
    await this.#db.withOrg(orgId, (tx) =>
      recordAudit({
        tx,
        orgId,
        actor: { type: 'user', id: userId, origin: client },
        action: 'auth.password_refused',
        target: { type: 'user', id: userId },
        data: { reason: 'sso_required', email },
      }),
    );
  }

  async #resolve(
    config: SsoConfigRow,
    orgId: string,
    email: string,
    name: string,
    fail: (reason: SsoFailureReason, message: string, data?: Record<string, unknown>) => Promise<SsoFailure>,
  ): Promise<Resolved> {
    let candidate = await findLoginCandidate(this.#db.system, email);
    let provisioned: Resolved['provisioned'] = null;
    if (!candidate) {
      if (!config.jitProvisioning) {
        throw await fail('not_a_member', 'You are not a member of this organization.', { email });
      }
      try {
        await insertUser(this.#db.system, { id: newId(this.#now()), email, name, passwordHash: null });
      } catch {
        // Another sign-in of the same person created the account first: use it.
      }
      candidate = await findLoginCandidate(this.#db.system, email);
      if (!candidate) throw new Error('provisioned user not found');
      provisioned = 'user';
    }
    const org = candidate.memberships.find((m) => m.orgId === orgId);
    if (org) {
      if (org.disabled) {
        throw await fail('membership_disabled', 'Your membership of this organization is disabled.', {
          email,
        });
      }
      return {
        user: { id: candidate.id, email: candidate.email, name: candidate.name },
        membership: org,
        provisioned: null,
      };
    }
    if (!config.jitProvisioning) {
      throw await fail('not_a_member', 'You are not a member of this organization.', { email });
    }
    if (candidate.memberships.length > 0) {
      // An account of other organizations is not joined to this one on this provider's word alone: any
      // organization can run a provider that vouches for any address. It gets in by invitation.
      throw await fail('not_a_member', 'You are not a member of this organization.', {
        email,
        existingAccount: true,
      });
    }
    const slugAndName = await this.#orgNames(orgId);
    return {
      user: { id: candidate.id, email: candidate.email, name: candidate.name },
      membership: {
        orgId,
        orgSlug: slugAndName.slug,
        orgName: slugAndName.name,
        role: config.jitRole as Role,
        workforceId: null,
      },
      provisioned: provisioned ?? 'membership',
    };
  }

  async #orgNames(orgId: string): Promise<{ slug: string; name: string }> {
    const org = await this.#db.withOrg(orgId, (tx) => findOrgById(tx, orgId));
    if (!org) throw new Error('organization vanished');
    return { slug: org.slug, name: org.name };
  }

  /** Discovery for an admin's save or test, with refusals audited and turned into a 400 naming `issuer`. */
  async #discoverFor(
    p: Principal,
    issuer: string,
    clientId: string,
    secret: string | undefined,
  ): Promise<SsoDiscovery> {
    try {
      const configuration = await this.#discover(issuer, clientId, secret);
      return summarize(configuration);
    } catch (error) {
      const blocked = ssrfCause(error);
      if (blocked) throw await this.#outbound.refuse(p.orgId, actorOf(p), 'issuer', blocked, 'request');
      const why = describeError(error);
      throw new ApiError(
        'invalid_request',
        `issuer: could not read the OpenID Connect discovery document of ${issuer} (${discoveryUrl(issuer)}): ${why}`,
        [{ path: 'issuer', message: `discovery failed: ${why}` }],
      );
    }
  }

  async #discover(issuer: string, clientId: string, secret: string | undefined): Promise<oidc.Configuration> {
    const fetcher = providerFetch(this.#outbound.policy);
    const insecure = new URL(issuer).protocol === 'http:';
    const configuration = await oidc.discovery(
      new URL(issuer),
      clientId,
      secret === undefined ? undefined : { client_secret: secret },
      undefined,
      {
        [oidc.customFetch]: fetcher,
        timeout: PROVIDER_TIMEOUT_MS / 1000,
        ...(insecure ? { execute: [oidc.allowInsecureRequests] } : {}),
      },
    );
    const metadata = configuration.serverMetadata();
    if (!metadata.authorization_endpoint || !metadata.token_endpoint) {
      throw new Error('the discovery document names no authorization or token endpoint');
    }
    const methods = metadata.code_challenge_methods_supported;
    if (methods && !methods.includes('S256')) throw new Error('the provider does not support PKCE with S256');
    if (secret === undefined) return configuration;
    // Discovery's default is client_secret_post; the specification's default is client_secret_basic.
    const supported = metadata.token_endpoint_auth_methods_supported ?? ['client_secret_basic'];
    const auth = supported.includes('client_secret_basic')
      ? oidc.ClientSecretBasic(secret)
      : oidc.ClientSecretPost(secret);
    const withAuth = new oidc.Configuration(metadata, clientId, { client_secret: secret }, auth);
    withAuth[oidc.customFetch] = fetcher;
    withAuth.timeout = PROVIDER_TIMEOUT_MS / 1000;
    if (insecure) oidc.allowInsecureRequests(withAuth);
    return withAuth;
  }

  /** The provider configuration of a stored row, discovered once and kept for a few minutes. */
  async #client(row: SsoConfigRow): Promise<oidc.Configuration> {
    const stamp = `${row.issuer}\n${row.clientId}\n${row.updatedAt.getTime()}`;
    const now = this.#now();
    const cached = this.#clients.get(row.orgId);
    if (cached && cached.stamp === stamp && cached.expires > now) return cached.config;
    const config = await this.#discover(row.issuer, row.clientId, this.#secretOf(row));
    this.#clients.set(row.orgId, { stamp, config, expires: now + DISCOVERY_CACHE_MS });
    return config;
  }

  async #recordRefusalCause(orgId: string, client: ClientInfo, error: unknown): Promise<void> {
    const blocked = ssrfCause(error);
    if (!blocked) return;
    await this.#outbound.record(
      orgId,
      { type: 'system', id: null, origin: client },
      {
        field: 'issuer',
        url: blocked.url,
        address: blocked.address,
        reason: blocked.reason,
        stage: 'delivery',
      },
    );
  }

  #secretOf(row: SsoConfigRow): string {
    return unseal(this.#masterKey(), row.clientSecret, ssoSecretContext(row.orgId));
  }

  #present(row: SsoConfigRow): SsoConfigView {
    return {
      issuer: row.issuer,
      clientId: row.clientId,
      clientSecretHint: maskSecret(this.#secretOf(row)),
      allowedDomains: row.allowedDomains,
      jitProvisioning: row.jitProvisioning,
      jitRole: row.jitRole,
      requireSso: row.requireSso,
      enabled: row.enabled,
      updatedAt: row.updatedAt,
    };
  }
}

function summarize(configuration: oidc.Configuration): SsoDiscovery {
  const m = configuration.serverMetadata();
  const supported = m.token_endpoint_auth_methods_supported ?? ['client_secret_basic'];
  return {
    issuer: m.issuer,
    authorizationEndpoint: m.authorization_endpoint ?? '',
    tokenEndpoint: m.token_endpoint ?? '',
    userinfoEndpoint: m.userinfo_endpoint ?? null,
    jwksUri: m.jwks_uri ?? null,
    tokenEndpointAuthMethod: supported.includes('client_secret_basic')
      ? 'client_secret_basic'
      : 'client_secret_post',
  };
}

/** Where discovery reads an issuer's configuration. */
function discoveryUrl(issuer: string): string {
  return `${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`;
}

/** The associated data binding a sealed client secret to its organization. */
/**
 * Whether an organization's SSO configuration keeps a member of `role` from password sign-in (and from a
 * password session by invitation): when it is on and required, for everyone but owners and admins, so an
 * admin can always get in.
 */
export function requiresSso(
  config: { enabled: boolean; requireSso: boolean } | undefined,
  role: string,
): boolean {
  return Boolean(config?.enabled && config.requireSso) && role !== 'owner' && role !== 'admin';
}

/** What a sealed SSO client secret is bound to. */
export function ssoSecretContext(orgId: string): string {
  return `sso_configs:${orgId}:client_secret`;
}
