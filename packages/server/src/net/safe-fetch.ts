import type { LookupAddress, LookupOptions } from 'node:dns';
import { lookup as dnsLookup } from 'node:dns/promises';
import {
  type ClientRequest,
  request as httpRequest,
  type IncomingHttpHeaders,
  type IncomingMessage,
} from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction, Socket } from 'node:net';
import { pipeline, type Readable, Transform, type TransformCallback } from 'node:stream';
import ipaddr from 'ipaddr.js';

/** Most redirects {@link safeFetch} follows; each hop is vetted like the first request. */
export const MAX_REDIRECTS = 3;

/** Resolves a host name to every address it has (the default is `node:dns` `lookup` with `all: true`). */
export type ResolveHost = (hostname: string) => Promise<string[]>;

/** Options of {@link safeFetch}. */
export interface SafeFetchOptions {
  /**
   * Allow private, loopback, link-local and other non-public addresses. Off for anything a tenant can
   * point the server at; only an operator setting may turn it on.
   */
  allowPrivate: boolean;
  /** Largest response body accepted, in bytes; a larger one fails with {@link FetchTooLargeError}. */
  maxBytes: number;
  /**
   * Deadline for the whole exchange in milliseconds: DNS, connection, every redirect, the headers and
   * the reading of the body. Past it the request or the body stream fails with {@link FetchTimeoutError}.
   */
  timeoutMs: number;
  /** HTTP method; `GET` by default. */
  method?: string;
  /** Request headers. `Host` is always derived from the URL. */
  headers?: Record<string, string>;
  /** Request body, held in memory so that a 307/308 redirect can send it again. */
  body?: string | Uint8Array;
  /** Redirects to follow, from 0 to {@link MAX_REDIRECTS} (the default). */
  maxRedirects?: number;
  /**
   * CIDR ranges allowed even when `allowPrivate` is off, e.g. `['10.20.0.0/16']` for one internal
   * mirror, so an operator need not open every private address to reach one.
   */
  allowCidrs?: readonly string[];
  /** Host name resolver; tests and deployments with their own resolver replace the system one. */
  resolveHost?: ResolveHost;
}

/** A response of {@link safeFetch}; `body` streams and enforces `maxBytes` and the deadline. */
export interface SafeFetchResponse {
  /** HTTP status of the final response (redirects followed). */
  status: number;
  /** Headers of the final response, names lowercase. */
  headers: IncomingHttpHeaders;
  /** The `Content-Type` header of the final response, if any. */
  contentType: string | undefined;
  /** The URL the final response came from, after redirects. */
  finalUrl: string;
  /** The response body. Consume or destroy it: the connection stays open until then. */
  body: Readable;
}

/** Base class of every error {@link safeFetch} raises itself. */
export class SafeFetchError extends Error {
  /** The URL being fetched when the error happened, without credentials or query string. */
  readonly url: string;

  constructor(url: string, message: string, options?: ErrorOptions) {
    super(message, options);
    this.url = url;
  }
}

/** The URL is not one the server may fetch: its scheme, or an address its host resolves to. */
export class SsrfBlockedError extends SafeFetchError {
  override readonly name = 'SsrfBlockedError';
  /** The refused address, when an address (rather than the URL itself) was the reason. */
  readonly address: string | undefined;
  /** Why, without the URL: `address 127.0.0.1 is loopback`, `only http and https URLs are fetched`. */
  readonly reason: string;

  constructor(url: string, reason: string, address?: string) {
    super(url, `refusing to fetch ${url}: ${reason}`);
    this.address = address;
    this.reason = reason;
  }
}

/** The response body (or its declared `Content-Length`) is larger than `maxBytes`. */
export class FetchTooLargeError extends SafeFetchError {
  override readonly name = 'FetchTooLargeError';
  /** The limit that was exceeded, in bytes. */
  readonly maxBytes: number;

  constructor(url: string, maxBytes: number) {
    super(url, `response from ${url} is larger than the limit of ${maxBytes} bytes`);
    this.maxBytes = maxBytes;
  }
}

/** The exchange did not finish within `timeoutMs`. */
export class FetchTimeoutError extends SafeFetchError {
  override readonly name = 'FetchTimeoutError';
  /** The deadline that passed, in milliseconds. */
  readonly timeoutMs: number;

  constructor(url: string, timeoutMs: number) {
    super(url, `fetching ${url} did not finish within ${timeoutMs} ms`);
    this.timeoutMs = timeoutMs;
  }
}

/** Too many redirects, or a redirect without a usable `Location`. */
export class FetchRedirectError extends SafeFetchError {
  override readonly name = 'FetchRedirectError';
}

/** The host could not be resolved or reached, or the connection failed; `cause` holds the system error. */
export class FetchNetworkError extends SafeFetchError {
  override readonly name = 'FetchNetworkError';
}

/** How {@link classifyAddress} sees an IP address. */
export interface AddressVerdict {
  /** True only for globally routable unicast addresses. */
  allowed: boolean;
  /**
   * The `ipaddr.js` range of the address (`unicast`, `loopback`, `private`, `linkLocal`,
   * `uniqueLocal`, `carrierGradeNat`, `multicast`, `unspecified`, ...), or `invalid`. For an IPv6
   * address embedding an IPv4 one (IPv4-mapped `::ffff:0:0/96`, NAT64 `64:ff9b::/96`), the range of the
   * embedded IPv4 address.
   */
  range: string;
  /** Human-readable reason, e.g. `loopback` or `IPv4-mapped private`. */
  description: string;
}

/**
 * Classifies an IP address for server-side fetches: only globally routable unicast is allowed; private,
 * loopback, link-local, unique-local, multicast, broadcast, unspecified, carrier-grade NAT, reserved and
 * documentation ranges are not, and neither are IPv4 addresses of those kinds embedded in IPv6.
 * Pure; anything that is not an IP address is `invalid` and not allowed.
 */
export function classifyAddress(address: string): AddressVerdict {
  const literal = address.startsWith('[') && address.endsWith(']') ? address.slice(1, -1) : address;
  if (!ipaddr.isValid(literal)) return { allowed: false, range: 'invalid', description: 'not an IP address' };
  const parsed = ipaddr.parse(literal);
  if (parsed.kind() === 'ipv6') {
    const v6 = parsed as ipaddr.IPv6;
    const embedded = embeddedIPv4(v6);
    if (embedded !== undefined) {
      const range = embedded.ipv4.range();
      return { allowed: range === 'unicast', range, description: `${embedded.kind} ${range}` };
    }
    const range = v6.range();
    return { allowed: range === 'unicast', range, description: range };
  }
  const range = (parsed as ipaddr.IPv4).range();
  return { allowed: range === 'unicast', range, description: range };
}

const NAT64_WELL_KNOWN = ipaddr.parseCIDR('64:ff9b::/96');

function embeddedIPv4(address: ipaddr.IPv6): { ipv4: ipaddr.IPv4; kind: string } | undefined {
  const range = address.range();
  if (range === 'ipv4Mapped' || range === 'rfc6145') {
    return { ipv4: lastFourBytes(address), kind: 'IPv4-mapped' };
  }
  if (address.match(NAT64_WELL_KNOWN)) return { ipv4: lastFourBytes(address), kind: 'NAT64' };
  return undefined;
}

function lastFourBytes(address: ipaddr.IPv6): ipaddr.IPv4 {
  return new ipaddr.IPv4(address.toByteArray().slice(12));
}

/**
 * Fetches a URL on behalf of a tenant (attachment imports, webhooks) without letting it reach the
 * server's own network (SSRF).
 *
 * Only `http:` and `https:` are fetched. The host is resolved here, every address it resolves to must
 * be allowed (see {@link classifyAddress}; `allowPrivate` and `allowCidrs` widen this), and the
 * connection is then made to those vetted addresses only, so a second, different DNS answer (DNS
 * rebinding) cannot redirect it. Redirects are followed up to `maxRedirects`, each hop vetted the same
 * way; credentials and cookies are not forwarded to another origin. The body streams, and fails with
 * {@link FetchTooLargeError} past `maxBytes` and {@link FetchTimeoutError} past the deadline.
 *
 * @throws {SsrfBlockedError} for a refused scheme or address, before any connection is attempted.
 * @throws {FetchRedirectError} {@link FetchTooLargeError} {@link FetchTimeoutError} {@link FetchNetworkError}
 */
export async function safeFetch(url: string, opts: SafeFetchOptions): Promise<SafeFetchResponse> {
  assertIntegerAtLeast('maxBytes', opts.maxBytes, 0);
  assertIntegerAtLeast('timeoutMs', opts.timeoutMs, 1);
  const maxRedirects = opts.maxRedirects ?? MAX_REDIRECTS;
  if (!Number.isInteger(maxRedirects) || maxRedirects < 0 || maxRedirects > MAX_REDIRECTS) {
    throw new RangeError(`maxRedirects must be an integer from 0 to ${MAX_REDIRECTS}`);
  }
  const allowCidrs = (opts.allowCidrs ?? []).map(parseCidr);
  const resolveHost = opts.resolveHost ?? resolveWithSystem;

  let target = parseUrl(url);
  let method = (opts.method ?? 'GET').toUpperCase();
  let body = opts.body;
  let headers = normalizeHeaders(opts.headers ?? {});

  const deadline = new Deadline(opts.timeoutMs);
  try {
    for (let hop = 0; ; hop++) {
      const shown = redactUrl(target);
      const vetting = vetHost(target, shown, opts.allowPrivate, allowCidrs, resolveHost);
      const addresses = await deadline.race(vetting, shown);
      const exchange: Exchange = {
        method,
        headers,
        body,
        addresses,
        allowPrivate: opts.allowPrivate,
        allowCidrs,
      };
      const response = await deadline.race(send(target, shown, exchange, deadline), shown);
      const location = response.headers.location;
      if (!isRedirect(response.statusCode) || location === undefined) {
        return deliver(response, target, shown, opts.maxBytes, deadline);
      }
      response.destroy();
      if (hop >= maxRedirects) {
        throw new FetchRedirectError(
          shown,
          `refusing to fetch ${shown}: more than ${maxRedirects} redirects`,
        );
      }
      let next: URL;
      try {
        next = new URL(location, target);
      } catch {
        throw new FetchRedirectError(shown, `redirect from ${shown} has an invalid Location`);
      }
      if (next.protocol !== 'http:' && next.protocol !== 'https:') {
        const reason = `redirected from ${shown}; only http and https URLs are fetched`;
        throw new SsrfBlockedError(redactUrl(next), reason);
      }
      const status = response.statusCode ?? 0;
      if (status === 303 || ((status === 301 || status === 302) && method === 'POST')) {
        if (method !== 'HEAD') method = 'GET';
        body = undefined;
        headers = withoutHeaders(headers, ['content-type', 'content-length', 'content-encoding']);
      }
      if (next.origin !== target.origin) {
        headers = withoutHeaders(headers, ['authorization', 'cookie', 'proxy-authorization']);
      }
      target = next;
    }
  } catch (error) {
    deadline.clear();
    throw error;
  }
}

/** The address policy of {@link safeFetch}, on its own: what {@link vetUrl} needs. */
export type AddressPolicy = Pick<SafeFetchOptions, 'allowPrivate' | 'allowCidrs' | 'resolveHost'>;

/**
 * Resolves and vets a URL's host exactly as {@link safeFetch} does before it connects, without
 * connecting: returns the addresses the host resolves to, every one of them allowed. For a URL given now
 * and fetched later (a callback): the early check gives a clear error at once, while the fetch vets the
 * address it connects to again, so a host that resolves differently by then (DNS rebinding) is still
 * refused.
 *
 * @throws {SsrfBlockedError} for a refused scheme or address.
 * @throws {FetchNetworkError} when the host does not resolve.
 */
export async function vetUrl(url: string, policy: AddressPolicy): Promise<string[]> {
  const target = parseUrl(url);
  return vetHost(
    target,
    redactUrl(target),
    policy.allowPrivate,
    (policy.allowCidrs ?? []).map(parseCidr),
    policy.resolveHost ?? resolveWithSystem,
  );
}

function assertIntegerAtLeast(name: string, value: number, min: number): void {
  if (!Number.isSafeInteger(value) || value < min) {
    throw new RangeError(`${name} must be an integer >= ${min}`);
  }
}

function parseCidr(cidr: string): Cidr {
  if (!ipaddr.isValidCIDR(cidr))
    throw new RangeError(`allowCidrs: ${JSON.stringify(cidr)} is not a CIDR range`);
  return ipaddr.parseCIDR(cidr);
}

function parseUrl(url: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new SsrfBlockedError('(invalid URL)', 'not a valid URL');
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new SsrfBlockedError(redactUrl(parsed), 'only http and https URLs are fetched');
  }
  return parsed;
}

/** The URL as it may appear in errors and logs: no credentials, no query string (it may hold tokens). */
function redactUrl(url: URL): string {
  return `${url.protocol}//${url.host}${url.pathname}${url.search === '' ? '' : '?…'}`;
}

async function resolveWithSystem(hostname: string): Promise<string[]> {
  const results = await dnsLookup(hostname, { all: true, order: 'verbatim' });
  return results.map((result) => result.address);
}

type Cidr = [ipaddr.IPv4 | ipaddr.IPv6, number];

/** Applies the caller's policy on top of {@link classifyAddress}. */
function isAllowed(
  address: string,
  allowPrivate: boolean,
  allowCidrs: Cidr[],
): { ok: boolean; verdict: AddressVerdict } {
  const verdict = classifyAddress(address);
  if (verdict.allowed || (allowPrivate && verdict.range !== 'invalid')) return { ok: true, verdict };
  if (verdict.range !== 'invalid' && allowCidrs.length > 0) {
    let parsed = ipaddr.parse(address.replace(/^\[|\]$/g, ''));
    if (parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) {
      parsed = (parsed as ipaddr.IPv6).toIPv4Address();
    }
    if (allowCidrs.some((cidr) => cidr[0].kind() === parsed.kind() && parsed.match(cidr))) {
      return { ok: true, verdict };
    }
  }
  return { ok: false, verdict };
}

/** Resolves the URL's host and returns its addresses, all of them allowed, or throws. */
async function vetHost(
  target: URL,
  shown: string,
  allowPrivate: boolean,
  allowCidrs: Cidr[],
  resolveHost: ResolveHost,
): Promise<string[]> {
  const host = target.hostname.replace(/^\[|\]$/g, '');
  let addresses: string[];
  if (ipaddr.isValid(host)) {
    addresses = [host];
  } else {
    try {
      addresses = await resolveHost(host);
    } catch (error) {
      throw new FetchNetworkError(shown, `could not resolve ${host} for ${shown}`, { cause: error });
    }
    if (addresses.length === 0) throw new FetchNetworkError(shown, `${host} has no addresses (${shown})`);
  }
  for (const address of addresses) {
    const { ok, verdict } = isAllowed(address, allowPrivate, allowCidrs);
    if (!ok) throw new SsrfBlockedError(shown, `address ${address} is ${verdict.description}`, address);
  }
  return addresses;
}

/** A `lookup` for `net.connect` that answers only with addresses already vetted, never asking DNS again. */
function pinnedLookup(addresses: string[]): LookupFunction {
  const entries: LookupAddress[] = addresses.map((address) => ({
    address,
    family: address.includes(':') ? 6 : 4,
  }));
  return (_hostname: string, options: LookupOptions, callback) => {
    const family = options.family === 'IPv4' ? 4 : options.family === 'IPv6' ? 6 : options.family;
    const usable =
      family === 4 || family === 6 ? entries.filter((entry) => entry.family === family) : entries;
    const first = usable[0];
    if (first === undefined) {
      const error = Object.assign(new Error('no vetted address of the requested family'), {
        code: 'ENOTFOUND',
      });
      callback(error, []);
    } else if (options.all) {
      callback(null, usable);
    } else {
      callback(null, first.address, first.family);
    }
  };
}

interface Exchange {
  method: string;
  headers: Record<string, string>;
  body: string | Uint8Array | undefined;
  addresses: string[];
  allowPrivate: boolean;
  allowCidrs: Cidr[];
}

/** Sends one request to the vetted addresses and resolves with the response head. */
function send(target: URL, shown: string, exchange: Exchange, deadline: Deadline): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = {
      'user-agent': 'Groundwork',
      ...exchange.headers,
      host: target.host,
    };
    if (exchange.body !== undefined) headers['content-length'] = String(Buffer.byteLength(exchange.body));
    const request = (target.protocol === 'https:' ? httpsRequest : httpRequest)({
      protocol: target.protocol,
      hostname: target.hostname.replace(/^\[|\]$/g, ''),
      port: target.port === '' ? undefined : Number(target.port),
      path: `${target.pathname}${target.search}`,
      method: exchange.method,
      headers,
      agent: false,
      lookup: pinnedLookup(exchange.addresses),
    });
    deadline.attach(request, shown);
    request.once('socket', (socket: Socket) => {
      // Belt and braces: the pinned lookup already limits where the socket may go.
      socket.once('connect', () => {
        const remote = socket.remoteAddress;
        if (remote === undefined) return;
        const { ok, verdict } = isAllowed(remote, exchange.allowPrivate, exchange.allowCidrs);
        if (ok) return;
        request.destroy(new SsrfBlockedError(shown, `address ${remote} is ${verdict.description}`, remote));
      });
    });
    request.once('response', resolve);
    request.on('error', (error) => {
      reject(
        error instanceof SafeFetchError
          ? error
          : new FetchNetworkError(shown, `could not fetch ${shown}: ${error.message}`, { cause: error }),
      );
    });
    request.end(exchange.body);
  });
}

/** Wraps the final response: checks the declared length and streams the body through the limits. */
function deliver(
  response: IncomingMessage,
  target: URL,
  shown: string,
  maxBytes: number,
  deadline: Deadline,
): SafeFetchResponse {
  const declared = Number(response.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) {
    response.destroy();
    throw new FetchTooLargeError(shown, maxBytes);
  }
  let received = 0;
  const limiter = new Transform({
    transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback) {
      received += chunk.length;
      if (received > maxBytes) callback(new FetchTooLargeError(shown, maxBytes));
      else callback(null, chunk);
    },
  });
  deadline.attach(limiter, shown);
  pipeline(response, limiter, () => deadline.clear());
  limiter.once('close', () => deadline.clear());
  return {
    status: response.statusCode ?? 0,
    headers: response.headers,
    contentType: response.headers['content-type'],
    finalUrl: target.href,
    body: limiter,
  };
}

function isRedirect(status: number | undefined): boolean {
  return status === 301 || status === 302 || status === 303 || status === 307 || status === 308;
}

function normalizeHeaders(headers: Record<string, string>): Record<string, string> {
  const normalized: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    const lower = name.toLowerCase();
    if (lower !== 'host' && lower !== 'content-length') normalized[lower] = value;
  }
  return normalized;
}

function withoutHeaders(headers: Record<string, string>, names: string[]): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !names.includes(name)));
}

/** One timer for the whole exchange; when it fires, whatever is in progress fails with a timeout. */
class Deadline {
  readonly #timeoutMs: number;
  readonly #timer: NodeJS.Timeout;
  #current: { destroy(error: Error): void; shown: string } | undefined;
  #expired: ((error: Error) => void) | undefined;
  #shown = '';
  #fired = false;

  constructor(timeoutMs: number) {
    this.#timeoutMs = timeoutMs;
    this.#timer = setTimeout(() => this.#fire(), timeoutMs);
  }

  /** Makes `stream` fail with {@link FetchTimeoutError} if the deadline passes while it is current. */
  attach(stream: ClientRequest | Transform, shown: string): void {
    this.#current = { destroy: (error) => stream.destroy(error), shown };
    if (this.#fired) stream.destroy(new FetchTimeoutError(shown, this.#timeoutMs));
  }

  /** Settles with `work`, or rejects with {@link FetchTimeoutError} if the deadline passes first. */
  race<T>(work: Promise<T>, shown: string): Promise<T> {
    this.#shown = shown;
    if (this.#fired) return Promise.reject(new FetchTimeoutError(shown, this.#timeoutMs));
    return new Promise<T>((resolve, reject) => {
      this.#expired = reject;
      work.then(
        (value) => {
          this.#expired = undefined;
          resolve(value);
        },
        (error: unknown) => {
          this.#expired = undefined;
          reject(error);
        },
      );
    });
  }

  clear(): void {
    clearTimeout(this.#timer);
  }

  #fire(): void {
    this.#fired = true;
    const current = this.#current;
    if (current !== undefined) current.destroy(new FetchTimeoutError(current.shown, this.#timeoutMs));
    this.#expired?.(new FetchTimeoutError(this.#shown, this.#timeoutMs));
  }
}
