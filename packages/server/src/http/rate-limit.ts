/**
 * Request rate limits of the two APIs (`/v1` and `/api`), counted with `@fastify/rate-limit`'s in-memory
 * store in fixed one-minute windows, per server process:
 *
 * - an authenticated request counts against its caller — the API key, or the signed-in person of a
 *   session — checked after authentication and before the body is read, so a bulk import is one request;
 * - an unauthenticated request (sign-in, invitation links, the API documentation, and any request whose
 *   credentials are refused) counts against the client address (`request.ip`, which honours
 *   GROUNDWORK_TRUST_PROXY; IPv6 addresses by their /64).
 *
 * Past the limit the answer is 429 `rate_limited` with `Retry-After` (Scale's `{status_code, error}` on
 * `/v1`). `/healthz` and the web app's files are never limited. The counts live in each process: with
 * several processes behind a load balancer a caller gets up to that many times the limit.
 */
import rateLimit, { normalizeIP } from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ApiError } from '../errors.ts';

/** The limits, in requests per minute; 0 turns a limit off. */
export interface RateLimitSettings {
  /** Per API key or signed-in person. */
  perKey: number;
  /** Per client address, for unauthenticated requests. */
  perIp: number;
  /** Length of a counting window in milliseconds (one minute unless a test shortens it). */
  windowMs?: number;
}

/** What the application's error handler needs from the limits. */
export interface RateLimits {
  /**
   * Counts a refused authentication against the client address. Returns the 429 to answer instead of
   * the 401 once the address is over its limit (with `Retry-After` set), else null.
   */
  afterFailedAuthentication(request: FastifyRequest, reply: FastifyReply): Promise<ApiError | null>;
}

/** Whether a request is under one of the rate-limited APIs (never `/healthz` or the web app). */
export function isRateLimitedPath(url: string): boolean {
  return /^\/(v1|api)(\/|\?|$)/.test(url);
}

/** The counting key of an authenticated caller: its API key, else its person (a session). */
export function callerKey(principal: { keyId: string | null; userId: string | null; orgId: string }): string {
  if (principal.keyId) return `key:${principal.keyId}`;
  if (principal.userId) return `user:${principal.userId}`;
  return `org:${principal.orgId}`;
}

/** The counting key of a client address: IPv4 as is, IPv6 by its /64 (one host usually holds a /64). */
export function addressKey(ip: string): string {
  return `ip:${normalizeIP(ip, 64)}`;
}

type Limiter = ReturnType<FastifyInstance['createRateLimit']>;

/** The request has already been counted against its address (a sign-in refused with 401 counts once). */
const countedByAddress = Symbol('groundwork.countedByAddress');

interface CountedRequest extends FastifyRequest {
  [countedByAddress]?: boolean;
}

/**
 * Registers the limits on the application: a `preParsing` hook (after the APIs' authentication hooks,
 * before the body is read). Register it before the API routes.
 */
export async function registerRateLimits(
  app: FastifyInstance,
  settings: RateLimitSettings,
): Promise<RateLimits> {
  const timeWindow = settings.windowMs ?? 60_000;
  await app.register(rateLimit, { global: false });
  const byCaller =
    settings.perKey > 0
      ? app.createRateLimit({
          max: settings.perKey,
          timeWindow,
          keyGenerator: (request) =>
            request.principal ? callerKey(request.principal) : addressKey(request.ip),
        })
      : null;
  const byAddress =
    settings.perIp > 0
      ? app.createRateLimit({
          max: settings.perIp,
          timeWindow,
          keyGenerator: (request) => addressKey(request.ip),
        })
      : null;

  app.addHook('preParsing', async (request: CountedRequest, reply) => {
    if (!isRateLimitedPath(request.url)) return;
    if (request.principal) {
      if (byCaller) await enforce(byCaller, request, reply, 'this API key or person');
      return;
    }
    request[countedByAddress] = true;
    if (byAddress) await enforce(byAddress, request, reply, 'this client address');
  });

  return {
    async afterFailedAuthentication(request: CountedRequest, reply) {
      if (!byAddress || request[countedByAddress] || !isRateLimitedPath(request.url)) return null;
      request[countedByAddress] = true;
      const outcome = await byAddress(request);
      if (outcome.isAllowed) return null;
      setLimitHeaders(reply, outcome);
      return outcome.isExceeded ? tooManyRequests(reply, outcome.ttlInSeconds, 'this client address') : null;
    },
  };
}

type Outcome = Extract<Awaited<ReturnType<Limiter>>, { isAllowed: false }>;

async function enforce(limiter: Limiter, request: FastifyRequest, reply: FastifyReply, who: string) {
  const outcome = await limiter(request);
  if (outcome.isAllowed) return;
  setLimitHeaders(reply, outcome);
  if (outcome.isExceeded) throw tooManyRequests(reply, outcome.ttlInSeconds, who);
}

function setLimitHeaders(reply: FastifyReply, outcome: Outcome): void {
  reply.header('x-ratelimit-limit', outcome.max);
  reply.header('x-ratelimit-remaining', outcome.remaining);
  reply.header('x-ratelimit-reset', outcome.ttlInSeconds);
}

function tooManyRequests(reply: FastifyReply, retryAfterSeconds: number, who: string): ApiError {
  const seconds = Math.max(1, retryAfterSeconds);
  reply.header('retry-after', seconds);
  return new ApiError(
    'rate_limited',
    `Too many requests from ${who}; retry in ${seconds} second${seconds === 1 ? '' : 's'}.`,
  );
}
