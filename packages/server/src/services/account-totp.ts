/**
 * A person's second factor: TOTP (RFC 6238: SHA-1, 6 digits, 30-second steps) for password users, with
 * ten one-time recovery codes. The secret is sealed under the master key (AES-256-GCM, the user id as
 * context); recovery codes are stored as SHA-256 of 128 random bits. A code is accepted within one step
 * either side of now, and never twice: the last accepted step is stored and only later steps pass.
 *
 * Sign-in with the factor on is two steps: the password step hands out a challenge — a token signed with
 * a key derived from the master key, naming the person and organization, valid 5 minutes — and the code
 * step redeems it. Each challenge allows {@link CHALLENGE_TRIES} wrong codes (counted in this process);
 * wrong codes also count against the sign-in throttle of the email.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { verify as argon2Verify } from '@node-rs/argon2';
import { Secret, TOTP } from 'otpauth';
import QRCode from 'qrcode';
import { recordAudit } from '../commands/record-audit.ts';
import type { Database } from '../db/database.ts';
import { ApiError } from '../errors.ts';
import { seal, unseal } from '../lib/crypto.ts';
import {
  claimTotpStep,
  consumeRecoveryCode,
  disableTotp,
  enableTotp,
  findPasswordHash,
  findTotpState,
  setPendingTotpSecret,
  type TotpState,
} from '../repositories/account-totp.ts';
import { actorOf, type Principal } from './principal.ts';

/** The issuer shown in authenticator apps. */
export const TOTP_ISSUER = 'Groundwork';
/** Length of a TOTP step. */
export const TOTP_PERIOD_SECONDS = 30;
/** How many recovery codes an enrolment hands out. */
export const RECOVERY_CODE_COUNT = 10;
/** How long a sign-in challenge is valid. */
export const CHALLENGE_TTL_MS = 5 * 60 * 1000;
/** Wrong codes a challenge allows; the next attempt is refused even with a right code. */
export const CHALLENGE_TRIES = 5;
/** Wrong codes a signed-in person may send (confirm, disable) per window before 429. */
const ACCOUNT_TRIES = 10;
const ACCOUNT_WINDOW_MS = 15 * 60 * 1000;
const CHALLENGE_LABEL = 'groundwork login challenge v1';
const TRACK_MAX = 10_000;

/** A person's second-factor status, as their account page shows it. */
export interface TotpStatus {
  /** Whether sign-in asks for a code after the password. */
  enabled: boolean;
  enabledAt: Date | null;
  /** Whether an enrolment was started and awaits its first code. */
  pending: boolean;
  /** Unused recovery codes. */
  recoveryCodesLeft: number;
  /** Whether the person has a password; the factor is offered to password users only. */
  available: boolean;
}

/** A started enrolment: what the authenticator app needs. Shown once. */
export interface TotpEnrolment {
  /** The secret in base32, to type into an app by hand. */
  secret: string;
  /** The `otpauth://totp/…` URI the QR code encodes. */
  uri: string;
  /** The QR code of `uri` as an SVG document. */
  qrSvg: string;
}

/** What a challenge names: who passed the password step, and into which organization. */
export interface LoginChallenge {
  userId: string;
  orgId: string;
  /** Milliseconds since the epoch after which the challenge is refused. */
  expiresAt: number;
  /** A random id: wrong tries are counted per challenge. */
  nonce: string;
}

/** A code sent for a second-factor check: a 6-digit TOTP code or a recovery code (exactly one). */
export interface SecondFactorInput {
  code?: string | undefined;
  recoveryCode?: string | undefined;
}

/** Which kind of second factor passed. */
export type SecondFactorKind = 'totp' | 'recovery_code';

/** A new recovery code: 128 random bits as 32 hex digits in four groups (`1a2b3c4d-…`). */
export function generateRecoveryCode(): string {
  const hex = randomBytes(16).toString('hex');
  return [0, 8, 16, 24].map((i) => hex.slice(i, i + 8)).join('-');
}

/**
 * The stored form of a recovery code: SHA-256 (hex) of its 32 hex digits, case and separators ignored.
 * Null when the input cannot be a recovery code.
 */
export function hashRecoveryCode(code: string): string | null {
  const digits = code.toLowerCase().replace(/[\s-]/g, '');
  if (!/^[0-9a-f]{32}$/.test(digits)) return null;
  return createHash('sha256').update(digits).digest('hex');
}

/** Signs a challenge: `base64url(JSON).base64url(HMAC-SHA256)`. */
export function signChallenge(key: Buffer, challenge: LoginChallenge): string {
  const body = Buffer.from(
    JSON.stringify({ u: challenge.userId, o: challenge.orgId, e: challenge.expiresAt, n: challenge.nonce }),
  ).toString('base64url');
  return `${body}.${createHmac('sha256', key).update(body).digest('base64url')}`;
}

/** Reads a signed challenge; null when the signature or shape is wrong (expiry is the caller's check). */
export function verifyChallenge(key: Buffer, token: string): LoginChallenge | null {
  const [body, mac, extra] = token.split('.');
  if (!body || !mac || extra !== undefined) return null;
  const expected = Buffer.from(createHmac('sha256', key).update(body).digest('base64url'));
  const given = Buffer.from(mac);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    const data = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Record<string, unknown>;
    if (
      typeof data.u !== 'string' ||
      typeof data.o !== 'string' ||
      typeof data.e !== 'number' ||
      typeof data.n !== 'string'
    ) {
      return null;
    }
    return { userId: data.u, orgId: data.o, expiresAt: data.e, nonce: data.n };
  } catch {
    return null;
  }
}

/** The TOTP of a base32 secret, as authenticator apps compute it. */
export function totpOf(secret: string, label = ''): TOTP {
  return new TOTP({
    issuer: TOTP_ISSUER,
    label,
    algorithm: 'SHA1',
    digits: 6,
    period: TOTP_PERIOD_SECONDS,
    secret: Secret.fromBase32(secret),
  });
}

/** Counts events per key in fixed windows (in memory, per process), bounded in size. */
class Counter {
  readonly #entries = new Map<string, { count: number; resetAt: number }>();

  count(key: string, now: number): number {
    const entry = this.#entries.get(key);
    return entry && entry.resetAt > now ? entry.count : 0;
  }

  add(key: string, now: number, windowMs: number): number {
    const entry = this.#entries.get(key);
    if (entry && entry.resetAt > now) return ++entry.count;
    if (this.#entries.size >= TRACK_MAX) {
      for (const [k, e] of this.#entries) if (e.resetAt <= now) this.#entries.delete(k);
      if (this.#entries.size >= TRACK_MAX) this.#entries.clear();
    }
    this.#entries.set(key, { count: 1, resetAt: now + windowMs });
    return 1;
  }
}

/** What a sealed TOTP secret is bound to (its person). */
export function totpSecretContext(userId: string): string {
  return `user:${userId}:totp`;
}

/** Second factors of people: enrolment, confirmation, disabling, and the checks of sign-in. */
export class TotpService {
  readonly #db: Database;
  readonly #masterKey: () => Buffer;
  readonly #now: () => number;
  readonly #challengeTries = new Counter();
  readonly #accountTries = new Counter();
  #challengeKey: Buffer | undefined;

  /** `masterKey` is called on first use (it may read or create the key file). */
  constructor(deps: { db: Database; masterKey: () => Buffer; now?: () => number }) {
    this.#db = deps.db;
    this.#masterKey = deps.masterKey;
    this.#now = deps.now ?? Date.now;
  }

  /** The caller's second-factor status. */
  async status(p: Principal): Promise<TotpStatus> {
    return presentStatus(await this.#state(p));
  }

  /**
   * Starts (or restarts) an enrolment: a new secret, stored sealed as pending until a code confirms it.
   * The account's password is asked again: people are global, so a session of one organization (one signed
   * in through that organization's single sign-on, say) must not add a factor that locks the person out of
   * their other organizations. Refused (`invalid_request`) when the factor is already on, or the person has
   * no password; a wrong password is `unauthorized` and counts against the account's tries.
   */
  async enrol(p: Principal, password: string): Promise<TotpEnrolment> {
    const state = await this.#state(p);
    if (!state.hasPassword) {
      throw new ApiError(
        'invalid_request',
        'A second factor is for password sign-in; your account has no password.',
      );
    }
    this.#assertAccountTries(state.id);
    const hash = await findPasswordHash(this.#db.system, state.id);
    if (!hash || !(await argon2Verify(hash, password).catch(() => false))) {
      this.#accountTries.add(state.id, this.#now(), ACCOUNT_WINDOW_MS);
      throw new ApiError('unauthorized', 'That is not the password of your account.', [
        { path: 'password', message: 'not the password of your account' },
      ]);
    }
    if (state.enabledAt) {
      throw new ApiError(
        'invalid_request',
        'Two-factor sign-in is already on; turn it off first to enrol again.',
      );
    }
    const secret = new Secret({ size: 20 }).base32;
    const totp = totpOf(secret, state.email);
    if (!(await setPendingTotpSecret(this.#db.system, state.id, this.#seal(state.id, secret)))) {
      throw new ApiError(
        'invalid_request',
        'Two-factor sign-in is already on; turn it off first to enrol again.',
      );
    }
    const uri = totp.toString();
    return { secret, uri, qrSvg: await QRCode.toString(uri, { type: 'svg', margin: 1 }) };
  }

  /**
   * Confirms the pending enrolment with a first code: the factor is on from now, and ten recovery codes are
   * returned (shown once; only their hashes are kept). Audited (`account.totp_enabled`).
   */
  async confirm(p: Principal, code: string): Promise<{ recoveryCodes: string[] }> {
    const state = await this.#state(p);
    if (state.enabledAt) throw new ApiError('invalid_request', 'Two-factor sign-in is already on.');
    if (!state.pendingSecret) {
      throw new ApiError('invalid_request', 'Start an enrolment first (POST /api/account/totp).');
    }
    this.#assertAccountTries(state.id);
    const step = this.#matchStep(this.#unseal(state.id, state.pendingSecret), code);
    if (step === null) {
      await this.#wrongAccountCode(p, state.id, 'confirm');
      throw new ApiError('invalid_request', 'That code is not right; check the clock of your device.', [
        { path: 'code', message: 'not the current code' },
      ]);
    }
    const recoveryCodes = Array.from({ length: RECOVERY_CODE_COUNT }, generateRecoveryCode);
    const enabled = await enableTotp(this.#db.system, {
      userId: state.id,
      pending: state.pendingSecret,
      step,
      recoveryCodes: recoveryCodes.map((c) => hashRecoveryCode(c) as string),
      at: new Date(this.#now()),
    });
    if (!enabled) throw new ApiError('invalid_request', 'The enrolment changed meanwhile; start again.');
    await this.#audit(p, 'account.totp_enabled', {});
    return { recoveryCodes };
  }

  /** Turns the factor off, given a current code or a recovery code. Audited (`account.totp_disabled`). */
  async disable(p: Principal, input: SecondFactorInput): Promise<void> {
    const state = await this.#state(p);
    if (!state.enabledAt) throw new ApiError('invalid_request', 'Two-factor sign-in is not on.');
    this.#assertAccountTries(state.id);
    const kind = await this.#check(state, input);
    if (!kind) {
      await this.#wrongAccountCode(p, state.id, 'disable');
      throw wrongCode(input, 'invalid_request');
    }
    await disableTotp(this.#db.system, state.id);
    await this.#audit(p, 'account.totp_disabled', { with: kind });
  }

  /** A signed challenge for a person who passed the password step (valid {@link CHALLENGE_TTL_MS}). */
  issueChallenge(userId: string, orgId: string): { token: string; expiresAt: Date } {
    const expiresAt = this.#now() + CHALLENGE_TTL_MS;
    const token = signChallenge(this.#key(), {
      userId,
      orgId,
      expiresAt,
      nonce: randomBytes(12).toString('base64url'),
    });
    return { token, expiresAt: new Date(expiresAt) };
  }

  /**
   * Redeems a challenge with a code. Returns the challenge and the kind of factor that passed, or throws:
   * 401 for a missing, forged or expired challenge or a wrong code (the caller audits the latter via
   * `onWrongCode`), 429 once the challenge has used up its tries.
   */
  async redeemChallenge(
    token: string | undefined,
    input: SecondFactorInput,
    onWrongCode: (challenge: LoginChallenge, triesLeft: number) => Promise<void>,
  ): Promise<{ challenge: LoginChallenge; kind: SecondFactorKind }> {
    const now = this.#now();
    const challenge = token ? verifyChallenge(this.#key(), token) : null;
    if (!challenge || challenge.expiresAt <= now) {
      throw new ApiError(
        'unauthorized',
        'The sign-in step has expired or is missing; enter your email and password again.',
      );
    }
    if (this.#challengeTries.count(challenge.nonce, now) >= CHALLENGE_TRIES) {
      throw new ApiError('rate_limited', 'Too many wrong codes; enter your email and password again.');
    }
    const state = await findTotpState(this.#db.system, challenge.userId);
    const kind = state?.enabledAt ? await this.#check(state, input) : null;
    if (!kind) {
      const tries = this.#challengeTries.add(challenge.nonce, now, CHALLENGE_TTL_MS + 60_000);
      await onWrongCode(challenge, CHALLENGE_TRIES - tries);
      throw wrongCode(input, 'unauthorized');
    }
    return { challenge, kind };
  }

  /** The TOTP step `code` matches for `secret` now (±1 step), or null. */
  #matchStep(secret: string, code: string): number | null {
    if (!/^\d{6}$/.test(code)) return null;
    const now = this.#now();
    const delta = totpOf(secret).validate({ token: code, timestamp: now, window: 1 });
    if (delta === null) return null;
    return Math.floor(now / 1000 / TOTP_PERIOD_SECONDS) + delta;
  }

  /** Checks a code or recovery code against the enabled factor; uses it up when it passes. */
  async #check(state: TotpState, input: SecondFactorInput): Promise<SecondFactorKind | null> {
    if (input.code !== undefined && state.secret) {
      const step = this.#matchStep(this.#unseal(state.id, state.secret), input.code.replace(/\s/g, ''));
      if (step !== null && (await claimTotpStep(this.#db.system, state.id, step))) return 'totp';
      return null;
    }
    if (input.recoveryCode !== undefined) {
      const hash = hashRecoveryCode(input.recoveryCode);
      if (hash && (await consumeRecoveryCode(this.#db.system, state.id, hash))) return 'recovery_code';
    }
    return null;
  }

  async #state(p: Principal): Promise<TotpState> {
    if (!p.userId || p.keyId) {
      throw new ApiError('invalid_request', 'Only a signed-in person has an account; API keys do not.');
    }
    const state = await findTotpState(this.#db.system, p.userId);
    if (!state) throw new ApiError('unauthorized', 'Your account no longer exists.');
    return state;
  }

  #assertAccountTries(userId: string): void {
    if (this.#accountTries.count(userId, this.#now()) >= ACCOUNT_TRIES) {
      throw new ApiError('rate_limited', 'Too many wrong codes; try again in a few minutes.');
    }
  }

  async #wrongAccountCode(p: Principal, userId: string, during: 'confirm' | 'disable'): Promise<void> {
    this.#accountTries.add(userId, this.#now(), ACCOUNT_WINDOW_MS);
    await this.#audit(p, 'auth.totp_failed', { during });
  }

  async #audit(p: Principal, action: string, data: Record<string, unknown>): Promise<void> {
    await this.#db.withOrg(p.orgId, (tx) =>
      recordAudit({
        tx,
        orgId: p.orgId,
        actor: actorOf(p),
        action,
        target: { type: 'user', id: p.userId as string },
        data,
      }),
    );
  }

  #seal(userId: string, secret: string): string {
    return seal(this.#masterKey(), secret, totpSecretContext(userId));
  }

  #unseal(userId: string, sealed: string): string {
    return unseal(this.#masterKey(), sealed, totpSecretContext(userId));
  }

  #key(): Buffer {
    this.#challengeKey ??= createHmac('sha256', this.#masterKey()).update(CHALLENGE_LABEL).digest();
    return this.#challengeKey;
  }
}

/** The status a person sees of their stored state. */
function presentStatus(state: TotpState): TotpStatus {
  return {
    enabled: state.enabledAt !== null,
    enabledAt: state.enabledAt,
    pending: state.enabledAt === null && state.pendingSecret !== null,
    recoveryCodesLeft: state.enabledAt ? state.recoveryCodes.length : 0,
    available: state.hasPassword,
  };
}

/**
 * The refusal of a wrong (or reused) code, naming the field: 401 at sign-in, 400 on the account page
 * (where the person stays signed in).
 */
function wrongCode(input: SecondFactorInput, code: 'unauthorized' | 'invalid_request'): ApiError {
  return input.recoveryCode !== undefined && input.code === undefined
    ? new ApiError(code, 'That recovery code is not valid or was already used.', [
        { path: 'recoveryCode', message: 'not an unused recovery code' },
      ])
    : new ApiError(code, 'That code is not right, or was already used; wait for the next one.', [
        { path: 'code', message: 'not the current code' },
      ]);
}
