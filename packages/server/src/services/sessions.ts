/**
 * Login sessions: email + password (argon2id) to a random session token carried by a cookie. Only the
 * token's SHA-256 is stored; the CSRF token is derived from the session token (HMAC-SHA256), so it is
 * unguessable without the cookie and needs no storage. Sessions end after 7 days, or after 12 hours
 * without a request; lookups are cached for a few seconds like API keys.
 *
 * A person with a second factor (TOTP) signs in in two steps: {@link SessionService.beginLogin} answers
 * the password with a challenge, {@link SessionService.completeLogin} redeems it with a code.
 *
 * An ended session (signed out, revoked, expired) is kept as a tombstone for 30 days: its cookie,
 * presented again, gets a 401 that says how it ended, and — unless it merely expired, which a browser
 * that kept the cookie does routinely — an audit event `security.session_replayed`, at most one a minute
 * per session so that a looping client cannot flood the chain. Unknown cookies are not audited: anyone
 * could send them.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { hash as argon2Hash, verify as argon2Verify } from '@node-rs/argon2';
import { recordAudit } from '../commands/record-audit.ts';
import type { Database, Db } from '../db/database.ts';
import { ApiError } from '../errors.ts';
import { newId } from '../lib/ids.ts';
import { isMember } from '../repositories/members.ts';
import {
  claimReplayAudit,
  endExpiredSessionsOfUser,
  endSession,
  endSessionsOfUser,
  findLoginCandidate,
  findLoginCandidateById,
  findSessionByTokenHash,
  findSessionInOrg,
  insertSession,
  type LoginCandidate,
  listLiveSessionsOfUser,
  type SessionEndReason,
  type SessionListRow,
  type SessionRecord,
  touchSession,
} from '../repositories/sessions.ts';
import type { SecondFactorInput, TotpService } from './account-totp.ts';
import { actorOf, type Principal } from './principal.ts';

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
const REPLAY_AUDIT_EVERY_MS = 60_000;

/** How each end of a session reads in the 401 its replayed cookie gets. */
const ENDED_BECAUSE: Record<SessionEndReason, string> = {
  signed_out: 'signed out',
  revoked: 'ended from another session or by an administrator',
  expired: 'expired',
  password_changed: 'ended when the password changed',
};

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

/**
 * The outcome of the password step: a session, or — for a person with a second factor — a signed
 * challenge (valid 5 minutes) to redeem with a code.
 */
export type LoginStep =
  | { kind: 'session'; started: StartedSession }
  | { kind: 'second_factor'; challenge: string; expiresAt: Date };

/** One of a person's sessions, as their list shows it. */
export interface SessionListItem extends SessionListRow {
  /** Whether it is the session of the request. */
  current: boolean;
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
  readonly #totp: TotpService | null;
  #dummyHash: Promise<string> | undefined;

  /** `totp` checks second factors; without it, a person with one cannot sign in (refused, not let through). */
  constructor(deps: {
    db: Database;
    now?: () => number;
    throttle?: Partial<ThrottleLimits>;
    totp?: TotpService;
  }) {
    this.#db = deps.db;
    this.#now = deps.now ?? Date.now;
    this.#limits = { ...DEFAULT_LIMITS, ...deps.throttle };
    this.#totp = deps.totp ?? null;
  }

  /**
   * Checks an email and password and starts a session in the organization named by `org` (a slug), or
   * in the person's oldest membership. Unknown emails and wrong passwords get the same 401 after the
   * same work; repeated failures get 429. A person with a second factor gets 401
   * `second_factor_required`: use {@link beginLogin} for them.
   */
  async login(
    input: { email: string; password: string; org?: string },
    client: ClientInfo,
  ): Promise<StartedSession> {
    const step = await this.beginLogin(input, client);
    if (step.kind === 'second_factor') {
      throw new ApiError('second_factor_required', 'This account signs in with a second factor.');
    }
    return step.started;
  }

  /**
   * The password step of signing in: checks as {@link login} does, then starts a session, or — when the
   * person has a second factor — answers with a challenge for {@link completeLogin}.
   */
  async beginLogin(
    input: { email: string; password: string; org?: string },
    client: ClientInfo,
  ): Promise<LoginStep> {
    const email = normalizeEmail(input.email);
    this.assertNotThrottled(email, client.ip);
    const candidate = await findLoginCandidate(this.#db.system, email);
    const ok = await this.verifyPassword(candidate?.passwordHash ?? null, input.password);
    if (!candidate || !ok) {
      this.recordFailure(email, client.ip);
      throw new ApiError('unauthorized', BAD_CREDENTIALS);
    }
    const membership = pickMembership(candidate, input.org);
    if (candidate.totpEnabled) {
      if (!this.#totp) throw new ApiError('unauthorized', 'Second-factor sign-in is not available here.');
      const { token, expiresAt } = this.#totp.issueChallenge(candidate.id, membership.orgId);
      return { kind: 'second_factor', challenge: token, expiresAt };
    }
    this.#byEmail.reset(email);
    return { kind: 'session', started: await this.#startLogin(candidate, membership, client, null) };
  }

  /**
   * The code step of signing in: redeems the challenge of {@link beginLogin} with a TOTP code or a
   * recovery code and starts the session. Wrong codes are audited (`auth.totp_failed`) and count against
   * the email's sign-in throttle; a challenge allows 5 of them.
   */
  async completeLogin(
    challengeToken: string | undefined,
    input: SecondFactorInput,
    client: ClientInfo,
  ): Promise<StartedSession> {
    if (!this.#totp) throw new ApiError('unauthorized', 'Second-factor sign-in is not available here.');
    const { challenge, kind } = await this.#totp.redeemChallenge(challengeToken, input, async (c, left) => {
      const user = await findLoginCandidateById(this.#db.system, c.userId);
      if (user) this.recordFailure(normalizeEmail(user.email), client.ip);
      await this.#db.withOrg(c.orgId, (tx) =>
        recordAudit({
          tx,
          orgId: c.orgId,
          actor: { type: 'user', id: c.userId, origin: client },
          action: 'auth.totp_failed',
          target: { type: 'user', id: c.userId },
          data: {
            during: 'login',
            with: input.code !== undefined ? 'totp' : 'recovery_code',
            triesLeft: left,
          },
        }),
      );
    });
    const candidate = await findLoginCandidateById(this.#db.system, challenge.userId);
    const membership = candidate?.memberships.find((m) => m.orgId === challenge.orgId);
    if (!candidate || !membership) throw new ApiError('unauthorized', BAD_CREDENTIALS);
    if (membership.disabled) {
      throw new ApiError('forbidden', 'Your membership of this organization is disabled.');
    }
    this.#byEmail.reset(normalizeEmail(candidate.email));
    return this.#startLogin(candidate, membership, client, kind);
  }

  async #startLogin(
    candidate: LoginCandidate,
    membership: LoginCandidate['memberships'][number],
    client: ClientInfo,
    secondFactor: 'totp' | 'recovery_code' | null,
  ): Promise<StartedSession> {
    const now = new Date(this.#now());
    await endExpiredSessionsOfUser(
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
        data: secondFactor ? { email: candidate.email, secondFactor } : { email: candidate.email },
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
        endedAt: null,
        endReason: null,
      },
    };
  }

  /**
   * The live session behind a cookie token, or 401 (unknown, ended, expired, idle, or membership
   * disabled). The cookie of an ended session gets a 401 saying how it ended, and is audited as a replay
   * (see the module comment); `client` is where the request came from.
   */
  async authenticate(token: string, client: ClientInfo | null = null): Promise<SessionRecord> {
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
    if (session.endedAt !== null) {
      const reason = session.endReason ?? 'revoked';
      if (reason !== 'expired') await this.#auditReplay(session, reason, client, now);
      throw new ApiError(
        'unauthorized',
        `This session was ended (${ENDED_BECAUSE[reason]}); its cookie no longer works. Please sign in again.`,
      );
    }
    if (session.expiresAt.getTime() <= now || session.lastSeenAt.getTime() + SESSION_IDLE_MS <= now) {
      this.#cache.delete(tokenHash);
      await endSession(this.#db.system, session.id, 'expired', new Date(now));
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

  /** Appends `security.session_replayed` for an ended session's cookie, at most once a minute per session. */
  async #auditReplay(
    session: SessionRecord,
    reason: SessionEndReason,
    client: ClientInfo | null,
    now: number,
  ): Promise<void> {
    const claimed = await claimReplayAudit(
      this.#db.system,
      session.id,
      new Date(now),
      new Date(now - REPLAY_AUDIT_EVERY_MS),
    );
    if (!claimed) return;
    await this.#db.withOrg(session.orgId, (tx) =>
      recordAudit({
        tx,
        orgId: session.orgId,
        actor: { type: 'system', id: null, origin: client },
        action: 'security.session_replayed',
        target: { type: 'session', id: session.id },
        data: {
          sessionId: session.id,
          userId: session.userId,
          endReason: reason,
          endedAt: session.endedAt,
          ip: client?.ip ?? null,
          userAgent: client?.userAgent ?? null,
        },
      }),
    );
  }

  /** Ends a session (signed out; kept as a tombstone) and forgets it in this process; audited. */
  async logout(session: SessionRecord, token: string, client: ClientInfo | null = null): Promise<void> {
    this.#cache.delete(hashToken(token));
    await this.#db.withOrg(session.orgId, async (tx) => {
      await endSession(tx, session.id, 'signed_out', new Date(this.#now()));
      await recordAudit({
        tx,
        orgId: session.orgId,
        actor: { type: 'user', id: session.userId, origin: client },
        action: 'auth.logout',
        target: { type: 'user', id: session.userId },
        data: { sessionId: session.id },
      });
    });
  }

  /** The caller's live sessions in their organization; `currentId` marks the one of the request. */
  async list(p: Principal, currentId: string | null): Promise<SessionListItem[]> {
    const userId = requirePerson(p);
    const now = this.#now();
    const rows = await this.#db.withOrg(p.orgId, (tx) =>
      listLiveSessionsOfUser(tx, {
        orgId: p.orgId,
        userId,
        now: new Date(now),
        idleSince: new Date(now - SESSION_IDLE_MS),
      }),
    );
    return rows.map((row) => ({ ...row, current: row.id === currentId }));
  }

  /**
   * Ends one session of the organization: the caller's own, or — for admins and owners — any member's.
   * 404 for unknown ids, other organizations' and (for non-admins) other people's sessions. Audited as
   * `session.revoked`. Ending the caller's current session signs them out.
   */
  async end(p: Principal, id: string): Promise<void> {
    const userId = requirePerson(p);
    const ended = await this.#db.withOrg(p.orgId, async (tx) => {
      const row = await findSessionInOrg(tx, p.orgId, id);
      const mayEnd = row && (row.userId === userId || p.role === 'owner' || p.role === 'admin');
      if (!row || !mayEnd || row.endedAt !== null) {
        throw new ApiError('not_found', `No session with id ${JSON.stringify(id)}.`);
      }
      await endSession(tx, id, 'revoked', new Date(this.#now()));
      await this.#auditRevoked(tx, p, row.userId, [id], 'one');
      return id;
    });
    this.#forgetSessions([ended]);
  }

  /** Ends every other session of the caller in their organization; returns how many. Audited per session. */
  async endOthers(p: Principal, currentId: string): Promise<number> {
    const userId = requirePerson(p);
    const ids = await this.#db.withOrg(p.orgId, async (tx) => {
      const ended = await endSessionsOfUser(tx, {
        userId,
        reason: 'revoked',
        at: new Date(this.#now()),
        exceptId: currentId,
      });
      await this.#auditRevoked(tx, p, userId, ended, 'others');
      return ended;
    });
    this.#forgetSessions(ids);
    return ids.length;
  }

  /**
   * Ends every session of a member of the caller's organization (an admin's action); returns how many.
   * 404 when the person is not a member. Audited per session.
   */
  async endAllOfMember(p: Principal, memberId: string): Promise<number> {
    const ids = await this.#db.withOrg(p.orgId, async (tx) => {
      if (!(await isMember(tx, p.orgId, memberId))) {
        throw new ApiError('not_found', `No member with id ${JSON.stringify(memberId)}.`);
      }
      const ended = await endSessionsOfUser(tx, {
        userId: memberId,
        reason: 'revoked',
        at: new Date(this.#now()),
      });
      await this.#auditRevoked(tx, p, memberId, ended, 'member');
      return ended;
    });
    this.#forgetSessions(ids);
    return ids.length;
  }

  async #auditRevoked(
    tx: Db,
    p: Principal,
    userId: string,
    sessionIds: string[],
    scope: 'one' | 'others' | 'member',
  ): Promise<void> {
    for (const sessionId of sessionIds) {
      await recordAudit({
        tx,
        orgId: p.orgId,
        actor: actorOf(p),
        action: 'session.revoked',
        target: { type: 'session', id: sessionId },
        data: { sessionId, userId, scope },
      });
    }
  }

  /** Forgets cached lookups of sessions by id (after they ended in this process). */
  #forgetSessions(ids: readonly string[]): void {
    if (ids.length === 0) return;
    const set = new Set(ids);
    for (const [hash, entry] of this.#cache) {
      if (entry.session && set.has(entry.session.id)) this.#cache.delete(hash);
    }
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

/**
 * The membership a sign-in uses: the one of `org` (a slug), else the oldest enabled one. 401 when the
 * person is no member (of that organization), 403 when the membership is disabled.
 */
function pickMembership(
  candidate: LoginCandidate,
  org: string | undefined,
): LoginCandidate['memberships'][number] {
  const membership = org
    ? candidate.memberships.find((m) => m.orgSlug === org)
    : (candidate.memberships.find((m) => !m.disabled) ?? candidate.memberships[0]);
  if (!membership) {
    throw new ApiError(
      'unauthorized',
      org
        ? `You are not a member of the organization ${JSON.stringify(org)}.`
        : 'You are not a member of any organization.',
      org ? [{ path: 'org', message: 'not a member' }] : [],
    );
  }
  if (membership.disabled) {
    throw new ApiError('forbidden', 'Your membership of this organization is disabled.');
  }
  return membership;
}

/** The person behind a principal; sessions belong to people, so API keys get 400. */
function requirePerson(p: Principal): string {
  if (!p.userId || p.keyId) {
    throw new ApiError('invalid_request', 'Only a signed-in person has sessions; API keys do not.');
  }
  return p.userId;
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
