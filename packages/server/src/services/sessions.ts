/**
 * Login sessions: email + password (argon2id) to a random session token carried by a cookie. Only the
 * token's SHA-256 is stored; the CSRF token is derived from the session token (HMAC-SHA256), so it is
 * unguessable without the cookie and needs no storage. Sessions end after 7 days, or after 12 hours
 * without a request; lookups are cached for a few seconds like API keys.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { hash as argon2Hash, verify as argon2Verify } from '@node-rs/argon2';
import { recordAudit } from '../commands/record-audit.ts';
import type { Database, Db } from '../db/database.ts';
import { ApiError } from '../errors.ts';
import { newId } from '../lib/ids.ts';
import {
  deleteExpiredSessionsOfUser,
  deleteSession,
  findLoginCandidate,
  findSessionByTokenHash,
  insertSession,
  type SessionRecord,
  touchSession,
} from '../repositories/sessions.ts';
import type { Principal } from './principal.ts';

/** How long a session lives at most. */
export const SESSION_TTL_MS = 7 * 24 * 60 * 60 * 1000;
/** How long a session survives without a request. */
export const SESSION_IDLE_MS = 12 * 60 * 60 * 1000;
/** The name of the session cookie. */
export const SESSION_COOKIE = 'gw_session';

const CACHE_TTL_MS = 10_000;
const CACHE_MAX = 10_000;
const TOUCH_EVERY_MS = 60_000;
const CSRF_LABEL = 'groundwork csrf v1';
const BAD_CREDENTIALS = 'The email or password is not correct.';

/** A random secret token (32 bytes, base64url). */
export function generateToken(): string {
  return randomBytes(32).toString('base64url');
}

/** The stored form of a session or invitation token. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** The CSRF token of a session: HMAC-SHA256 keyed by the session token (never stored). */
export function csrfTokenFor(sessionToken: string): string {
  return createHmac('sha256', sessionToken).update(CSRF_LABEL).digest('base64url');
}

/** Whether `header` is the CSRF token of the session `sessionToken` (constant-time). */
export function csrfTokenMatches(sessionToken: string, header: string | undefined): boolean {
  if (!header) return false;
  const expected = Buffer.from(csrfTokenFor(sessionToken));
  const given = Buffer.from(header);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** Hashes a password with argon2id (the library's default algorithm). */
export function hashPassword(password: string): Promise<string> {
  return argon2Hash(password);
}

/** Who is logging in, for the session row and the throttle. */
export interface ClientInfo {
  ip: string;
  userAgent: string | null;
}

/** An active session as the API shows it to its owner. */
export interface SessionView {
  user: { id: string; email: string; name: string };
  org: { id: string; slug: string; name: string };
  role: SessionRecord['role'];
  workforceId: string | null;
  csrfToken: string;
  expiresAt: Date;
}

/** The organization and role a session acts with. */
export type SessionMembership = Pick<SessionRecord, 'orgId' | 'orgSlug' | 'orgName' | 'role' | 'workforceId'>;

/** A new session: the token for the cookie (shown once) and what it resolves to. */
export interface StartedSession {
  token: string;
  session: SessionRecord;
}

/** Limits of failed logins, per email and per client address, in a sliding fixed window. */
export interface ThrottleLimits {
  perEmail: number;
  perIp: number;
  windowMs: number;
}

const DEFAULT_LIMITS: ThrottleLimits = { perEmail: 10, perIp: 100, windowMs: 15 * 60 * 1000 };

/** Counts failures per key in fixed windows; in memory, per process. */
class FailureCounter {
  readonly #entries = new Map<string, { count: number; resetAt: number }>();

  count(key: string, now: number): number {
    const entry = this.#entries.get(key);
    return entry && entry.resetAt > now ? entry.count : 0;
  }

  add(key: string, now: number, windowMs: number): void {
    const entry = this.#entries.get(key);
    if (entry && entry.resetAt > now) {
      entry.count += 1;
      return;
    }
    if (this.#entries.size >= CACHE_MAX) {
      for (const [k, e] of this.#entries) if (e.resetAt <= now) this.#entries.delete(k);
      if (this.#entries.size >= CACHE_MAX) this.#entries.clear();
    }
    this.#entries.set(key, { count: 1, resetAt: now + windowMs });
  }

  reset(key: string): void {
    this.#entries.delete(key);
  }
}

/** Sessions of people: login, lookup, logout. */
export class SessionService {
  readonly #db: Database;
  readonly #now: () => number;
  readonly #limits: ThrottleLimits;
  readonly #cache = new Map<string, { session: SessionRecord | null; expires: number }>();
  readonly #byEmail = new FailureCounter();
  readonly #byIp = new FailureCounter();
  #dummyHash: Promise<string> | undefined;

  constructor(deps: { db: Database; now?: () => number; throttle?: Partial<ThrottleLimits> }) {
    this.#db = deps.db;
    this.#now = deps.now ?? Date.now;
    this.#limits = { ...DEFAULT_LIMITS, ...deps.throttle };
  }

  /**
   * Checks an email and password and starts a session in the organization named by `org` (a slug), or
   * in the person's oldest membership. Unknown emails and wrong passwords get the same 401 after the
   * same work; repeated failures get 429.
   */
  async login(
    input: { email: string; password: string; org?: string },
    client: ClientInfo,
  ): Promise<StartedSession> {
    const email = normalizeEmail(input.email);
    this.assertNotThrottled(email, client.ip);
    const candidate = await findLoginCandidate(this.#db.system, email);
    const ok = await this.verifyPassword(candidate?.passwordHash ?? null, input.password);
    if (!candidate || !ok) {
      this.recordFailure(email, client.ip);
      throw new ApiError('unauthorized', BAD_CREDENTIALS);
    }
    const membership = input.org
      ? candidate.memberships.find((m) => m.orgSlug === input.org)
      : (candidate.memberships.find((m) => !m.disabled) ?? candidate.memberships[0]);
    if (!membership) {
      throw new ApiError(
        'unauthorized',
        input.org
          ? `You are not a member of the organization ${JSON.stringify(input.org)}.`
          : 'You are not a member of any organization.',
        input.org ? [{ path: 'org', message: 'not a member' }] : [],
      );
    }
    if (membership.disabled) {
      throw new ApiError('forbidden', 'Your membership of this organization is disabled.');
    }
    this.#byEmail.reset(email);
    const now = new Date(this.#now());
    await deleteExpiredSessionsOfUser(
      this.#db.system,
      candidate.id,
      now,
      new Date(now.getTime() - SESSION_IDLE_MS),
    );
    return this.#db.withOrg(membership.orgId, async (tx) => {
      const started = await this.start(tx, { user: candidate, membership, client });
      await recordAudit({
        tx,
        orgId: membership.orgId,
        actor: { type: 'user', id: candidate.id, origin: client },
        action: 'auth.login',
        target: { type: 'user', id: candidate.id },
        data: { email: candidate.email },
      });
      return started;
    });
  }

  /** Inserts a session row inside the caller's transaction; returns its token (for the cookie) and record. */
  async start(
    tx: Db,
    input: {
      user: { id: string; email: string; name: string };
      membership: SessionMembership;
      client: ClientInfo;
    },
  ): Promise<StartedSession> {
    const token = generateToken();
    const now = new Date(this.#now());
    const row = await insertSession(tx, {
      id: newId(now.getTime()),
      tokenHash: hashToken(token),
      orgId: input.membership.orgId,
      userId: input.user.id,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + SESSION_TTL_MS),
      userAgent: input.client.userAgent?.slice(0, 512) ?? null,
      ip: input.client.ip,
    });
    return {
      token,
      session: {
        ...input.membership,
        id: row.id,
        userId: input.user.id,
        email: input.user.email,
        name: input.user.name,
        disabled: false,
        createdAt: row.createdAt,
        lastSeenAt: row.lastSeenAt,
        expiresAt: row.expiresAt,
      },
    };
  }

  /** The live session behind a cookie token, or 401 (unknown, expired, idle, or membership disabled). */
  async authenticate(token: string): Promise<SessionRecord> {
    const tokenHash = hashToken(token);
    const now = this.#now();
    const cached = this.#cache.get(tokenHash);
    let session: SessionRecord | null;
    if (cached && cached.expires > now) {
      session = cached.session;
    } else {
      session = (await findSessionByTokenHash(this.#db.system, tokenHash)) ?? null;
      if (this.#cache.size >= CACHE_MAX) this.#cache.clear();
      this.#cache.set(tokenHash, { session, expires: now + CACHE_TTL_MS });
    }
    if (!session) throw new ApiError('unauthorized', 'Your session has ended; please log in again.');
    if (session.expiresAt.getTime() <= now || session.lastSeenAt.getTime() + SESSION_IDLE_MS <= now) {
      this.#cache.delete(tokenHash);
      await deleteSession(this.#db.system, session.id);
      throw new ApiError('unauthorized', 'Your session has expired; please log in again.');
    }
    if (session.disabled) {
      throw new ApiError('unauthorized', 'Your membership of this organization is disabled.');
    }
    if (session.lastSeenAt.getTime() + TOUCH_EVERY_MS <= now) {
      session.lastSeenAt = new Date(now);
      await touchSession(this.#db.system, session.id, session.lastSeenAt);
    }
    return session;
  }

  /** Ends a session and forgets it in this process; `client` is where the request came from (audited). */
  async logout(session: SessionRecord, token: string, client: ClientInfo | null = null): Promise<void> {
    this.#cache.delete(hashToken(token));
    await this.#db.withOrg(session.orgId, async (tx) => {
      await deleteSession(tx, session.id);
      await recordAudit({
        tx,
        orgId: session.orgId,
        actor: { type: 'user', id: session.userId, origin: client },
        action: 'auth.logout',
        target: { type: 'user', id: session.userId },
        data: {},
      });
    });
  }

  /** Forgets cached lookups of a person's sessions (after their membership changed in this process). */
  invalidateUser(userId: string): void {
    for (const [hash, entry] of this.#cache) {
      if (entry.session?.userId === userId) this.#cache.delete(hash);
    }
  }

  /** What the API shows of a session to the person holding it. */
  view(session: SessionRecord, token: string): SessionView {
    return {
      user: { id: session.userId, email: session.email, name: session.name },
      org: { id: session.orgId, slug: session.orgSlug, name: session.orgName },
      role: session.role,
      workforceId: session.workforceId,
      csrfToken: csrfTokenFor(token),
      expiresAt: session.expiresAt,
    };
  }

  /**
   * Checks a password against a stored argon2id hash. With no hash (unknown person, or no password)
   * it verifies against a dummy hash anyway, so the answer takes the same time, and says no.
   */
  async verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
    if (!passwordHash) {
      this.#dummyHash ??= argon2Hash(generateToken());
      await argon2Verify(await this.#dummyHash, password).catch(() => false);
      return false;
    }
    return argon2Verify(passwordHash, password).catch(() => false);
  }

  /** 429 when an email or a client address has failed too often lately. */
  assertNotThrottled(email: string, ip: string): void {
    const now = this.#now();
    if (
      this.#byEmail.count(email, now) >= this.#limits.perEmail ||
      this.#byIp.count(ip, now) >= this.#limits.perIp
    ) {
      throw new ApiError('rate_limited', 'Too many failed logins; try again in a few minutes.');
    }
  }

  /** Counts a failed password check against the email and the client address. */
  recordFailure(email: string, ip: string): void {
    const now = this.#now();
    this.#byEmail.add(email, now, this.#limits.windowMs);
    this.#byIp.add(ip, now, this.#limits.windowMs);
  }
}

/** The principal a session acts as. */
export function sessionPrincipal(session: SessionRecord): Principal {
  return {
    orgId: session.orgId,
    orgSlug: session.orgSlug,
    isTest: false,
    keyId: null,
    userId: session.userId,
    workforceId: session.workforceId,
    actorName: session.email,
    role: session.role,
  };
}

/** The canonical form of an email address (trimmed, lower case). */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}
