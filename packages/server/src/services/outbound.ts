/**
 * The server's requests to addresses its tenants give it — task and batch callbacks, URL imports of
 * files — and what happens when one is refused: a 400 naming the field, and an audit event
 * `security.outbound_refused` in the organization's log (in its own transaction, so it stays even though
 * the request that carried the URL writes nothing).
 *
 * One policy for all of them: public addresses only, unless the operator allows private ones
 * (GROUNDWORK_ALLOW_PRIVATE_NETWORK) or some ranges (GROUNDWORK_OUTBOUND_ALLOW_CIDRS).
 */
import { type AuditActor, recordAudit } from '../commands/record-audit.ts';
import type { Database } from '../db/database.ts';
import { ApiError, type ErrorDetail } from '../errors.ts';
import { type AddressPolicy, OutboundUrlCheck, type SsrfBlockedError } from '../net/index.ts';
import { actorOf, type Principal } from './principal.ts';
import type { ImportRow } from './tasks.ts';

/** The audit action of a refused server-side request. */
export const OUTBOUND_REFUSED_ACTION = 'security.outbound_refused';

/** A refusal, as the audit event records it. */
export interface OutboundRefusal {
  /** The request field that held the URL (`callback_url`, `callback`, `file_url`). */
  field: string;
  /** The URL without credentials or query string. */
  url: string;
  /** The refused address, if an address was the reason. */
  address: string | undefined;
  /** Why, in words (`address 127.0.0.1 is loopback`). */
  reason: string;
  /** When it was refused: when the URL was given (`request`) or when it was to be fetched (`delivery`). */
  stage: 'request' | 'delivery';
}

/** Checks and records server-side requests to tenant-given URLs. */
export class OutboundService {
  readonly #db: Database;
  readonly #policy: AddressPolicy;
  readonly #check: OutboundUrlCheck;

  constructor(deps: { db: Database; policy: AddressPolicy; check?: OutboundUrlCheck }) {
    this.#db = deps.db;
    this.#policy = deps.policy;
    this.#check = deps.check ?? new OutboundUrlCheck(deps.policy);
  }

  /** The address policy, for `safeFetch`. */
  get policy(): AddressPolicy {
    return this.#policy;
  }

  /**
   * Refuses an http(s) URL whose host resolves to an address outside the policy: records the refusal
   * and throws a 400 naming `field`. Anything else passes — no URL, an email address (Scale's other
   * kind of callback), a host that does not resolve yet — since the delivery checks the address again.
   */
  async assertAllowed(p: Principal, field: string, url: unknown): Promise<void> {
    if (!isHttpUrl(url)) return;
    const verdict = await this.#check.check(url);
    if (verdict.allowed) return;
    const refusal: OutboundRefusal = { field, stage: 'request', ...verdict };
    await this.record(p.orgId, actorOf(p), refusal);
    throw refusedError(refusal);
  }

  /**
   * Passes the rows of a bulk import through, turning each row whose `callback_url` is refused into a
   * bad row naming the field (one audit event per refused URL and import).
   */
  async *vetImportRows(
    p: Principal,
    rows: AsyncIterable<ImportRow[]> | Iterable<ImportRow[]>,
  ): AsyncIterable<ImportRow[]> {
    const recorded = new Set<string>();
    for await (const batch of rows) {
      const urls = new Set<string>();
      for (const row of batch) {
        const url = 'body' in row ? callbackOf(row.body) : undefined;
        if (url !== undefined) urls.add(url);
      }
      if (urls.size === 0) {
        yield batch;
        continue;
      }
      const refused = new Map<string, OutboundRefusal>();
      for (const url of urls) {
        const verdict = await this.#check.check(url);
        if (verdict.allowed) continue;
        const refusal: OutboundRefusal = { field: 'callback_url', stage: 'request', ...verdict };
        refused.set(url, refusal);
        if (!recorded.has(url)) {
          recorded.add(url);
          await this.record(p.orgId, actorOf(p), refusal);
        }
      }
      yield refused.size === 0
        ? batch
        : batch.map((row) => {
            const url = 'body' in row ? callbackOf(row.body) : undefined;
            const refusal = url === undefined ? undefined : refused.get(url);
            return refusal ? { line: row.line, problems: refusedDetails(refusal) } : row;
          });
    }
  }

  /**
   * Records a refusal found by `safeFetch` (a URL import, a delivery) and returns the 400 to answer
   * with, naming `field`.
   */
  async refuse(
    orgId: string,
    actor: AuditActor,
    field: string,
    error: SsrfBlockedError,
    stage: OutboundRefusal['stage'],
  ): Promise<ApiError> {
    const refusal: OutboundRefusal = {
      field,
      url: error.url,
      address: error.address,
      reason: error.reason,
      stage,
    };
    await this.record(orgId, actor, refusal);
    return refusedError(refusal);
  }

  /** Appends the `security.outbound_refused` audit event, in a transaction of its own. */
  async record(orgId: string, actor: AuditActor, refusal: OutboundRefusal): Promise<void> {
    await this.#db.withOrg(orgId, (tx) =>
      recordAudit({
        tx,
        orgId,
        actor,
        action: OUTBOUND_REFUSED_ACTION,
        target: null,
        data: {
          field: refusal.field,
          url: refusal.url,
          address: refusal.address ?? null,
          reason: refusal.reason,
          stage: refusal.stage,
        },
      }),
    );
  }
}

/** The 400 of a refused URL: `<field>: refusing <url>: <reason>`, with the field as the detail's path. */
export function refusedError(refusal: OutboundRefusal): ApiError {
  const why =
    refusal.address === undefined
      ? ''
      : '; the server does not send requests to private, loopback, link-local or other non-public addresses';
  return new ApiError(
    'invalid_request',
    `${refusal.field}: refusing ${refusal.url}: ${refusal.reason}${why}.`,
    refusedDetails(refusal),
  );
}

function refusedDetails(refusal: OutboundRefusal): ErrorDetail[] {
  return [{ path: refusal.field, message: `refused: ${refusal.reason}` }];
}

/** An http(s) URL that parses; anything else is left to the field's own validation. */
function isHttpUrl(value: unknown): value is string {
  return typeof value === 'string' && /^https?:\/\//i.test(value) && URL.canParse(value);
}

function callbackOf(body: unknown): string | undefined {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return undefined;
  const url = (body as Record<string, unknown>).callback_url;
  return isHttpUrl(url) ? url : undefined;
}
