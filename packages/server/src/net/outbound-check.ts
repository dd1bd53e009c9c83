/**
 * Early checks of URLs the server will fetch later (task and batch callbacks): where does the host point
 * now? A URL that resolves to a refused address is turned down when it is given, with a clear error,
 * instead of failing every delivery attempt a day later. The answer per host is remembered briefly, so a
 * bulk import of many tasks with the same callback resolves it once.
 *
 * This is a convenience, not the defence: {@link safeFetch} vets the address it actually connects to at
 * every attempt. So a host that does not resolve (yet), or whose resolution takes too long, passes here.
 */
import { type AddressPolicy, FetchNetworkError, SsrfBlockedError, vetUrl } from './safe-fetch.ts';

/** What {@link OutboundUrlCheck.check} found. */
export type UrlVerdict =
  | { allowed: true }
  | {
      allowed: false;
      /** The URL as it may be shown and logged: no credentials, no query string. */
      url: string;
      /** The refused address, when an address (rather than the URL itself) was the reason. */
      address: string | undefined;
      /** Why, in words: `address 127.0.0.1 is loopback`, `only http and https URLs are fetched`. */
      reason: string;
    };

/** Options of {@link OutboundUrlCheck}. */
export interface OutboundUrlCheckOptions {
  /** How long an answer for a host is kept, in milliseconds (default 60 s). */
  ttlMs?: number;
  /** How long a host that did not resolve is taken as allowed before it is asked again (default 10 s). */
  unresolvedTtlMs?: number;
  /** Longest wait for the resolver, in milliseconds; past it the URL passes (default 3 s). */
  timeoutMs?: number;
  /** Most hosts remembered; the memory is emptied when it is full (default 10,000). */
  maxHosts?: number;
  /** The clock, in milliseconds (tests replace it). */
  now?: () => number;
}

/** Checks URLs against an address policy, remembering the answer per host for a while. */
export class OutboundUrlCheck {
  readonly #policy: AddressPolicy;
  readonly #ttlMs: number;
  readonly #unresolvedTtlMs: number;
  readonly #timeoutMs: number;
  readonly #maxHosts: number;
  readonly #now: () => number;
  readonly #hosts = new Map<string, { verdict: HostVerdict; expires: number }>();

  constructor(policy: AddressPolicy, options: OutboundUrlCheckOptions = {}) {
    this.#policy = policy;
    this.#ttlMs = options.ttlMs ?? 60_000;
    this.#unresolvedTtlMs = options.unresolvedTtlMs ?? 10_000;
    this.#timeoutMs = options.timeoutMs ?? 3_000;
    this.#maxHosts = options.maxHosts ?? 10_000;
    this.#now = options.now ?? Date.now;
  }

  /**
   * Whether `url` may be fetched as far as can be told now. Refused: anything but an http(s) URL, and
   * a host with any address outside the policy. Allowed: public addresses, and a host that does not
   * resolve or does not answer within the timeout (the fetch checks again).
   */
  async check(url: string): Promise<UrlVerdict> {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      return { allowed: false, url: '(invalid URL)', address: undefined, reason: 'not a valid URL' };
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
      return {
        allowed: false,
        url: `${parsed.protocol}…`,
        address: undefined,
        reason: 'only http and https URLs are fetched',
      };
    }
    const shown = `${parsed.protocol}//${parsed.host}${parsed.pathname}${parsed.search === '' ? '' : '?…'}`;
    const verdict = await this.#hostVerdict(parsed);
    return verdict.allowed ? verdict : { ...verdict, url: shown };
  }

  async #hostVerdict(url: URL): Promise<HostVerdict> {
    const host = url.hostname.toLowerCase();
    const now = this.#now();
    const known = this.#hosts.get(host);
    if (known && known.expires > now) return known.verdict;
    const { verdict, ttlMs } = await this.#resolve(url);
    if (this.#hosts.size >= this.#maxHosts) this.#hosts.clear();
    this.#hosts.set(host, { verdict, expires: now + ttlMs });
    return verdict;
  }

  async #resolve(url: URL): Promise<{ verdict: HostVerdict; ttlMs: number }> {
    // Only the host matters: vet a bare URL so the cached answer holds for every path on it.
    const bare = `${url.protocol}//${url.host}/`;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), this.#timeoutMs);
    });
    try {
      const outcome = await Promise.race([vetUrl(bare, this.#policy), timeout]);
      if (outcome === 'timeout') return { verdict: { allowed: true }, ttlMs: this.#unresolvedTtlMs };
      return { verdict: { allowed: true }, ttlMs: this.#ttlMs };
    } catch (error) {
      if (error instanceof SsrfBlockedError) {
        return {
          verdict: { allowed: false, address: error.address, reason: error.reason },
          ttlMs: this.#ttlMs,
        };
      }
      if (error instanceof FetchNetworkError)
        return { verdict: { allowed: true }, ttlMs: this.#unresolvedTtlMs };
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }
}

type HostVerdict = { allowed: true } | { allowed: false; address: string | undefined; reason: string };
