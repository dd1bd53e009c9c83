/**
 * Every endpoint fuzzed: for each operation of the catalog (every route of `/api` and `/v1`), requests
 * drawn from its shape and broken with hostile values — path parameters, query and body — are sent as
 * another organization's admin and, a few times, unauthenticated. No answer may be a 5xx or carry the
 * victim's content, and no row of the victim may change.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext, testDatabaseKind } from './harness.ts';
import { login } from './session-client.ts';
import { buildCatalog, type CatalogEntry } from './support/catalog.ts';
import { changedTables, type OrgDigest, orgDigest } from './support/digest.ts';
import { requestArbitrary } from './support/fuzz.ts';
import { type Credential, type ProbeRequest, send } from './support/http.ts';
import { seedVictim, VICTIM_ENV, type Victim } from './support/victim.ts';

/** Requests per operation as B's admin (FUZZ_RUNS to hunt longer), and unauthenticated. */
const RUNS_AS_ADMIN = Number(process.env.FUZZ_RUNS ?? 15);
const RUNS_UNAUTHENTICATED = 3;

const ctx: TestContext = await createTestContext(VICTIM_ENV);
const catalog: CatalogEntry[] = buildCatalog(ctx.app).filter((entry) => entry.plan !== null);

let victim: Victim;
/** Organization B, with objects of its own. */
let own: Victim;
let adminEmail: string;
let adminSession: Credential;
let bKey: Credential;
let baseline: OrgDigest;
let requests = 0;
let started = 0;
const statuses = new Map<number, number>();

/** B's admin: a session on `/api`, B's live key on `/v1` (which takes keys only). */
const asAdmin = (request: ProbeRequest): Credential => (request.url.startsWith('/v1') ? bKey : adminSession);

beforeAll(async () => {
  started = Date.now();
  victim = await seedVictim(ctx);
  // B gets one of everything too, so that fuzzed bodies also reach the handlers behind B's own lookups.
  own = await seedVictim(ctx);
  bKey = own.key;
  adminEmail = own.members.admin.email;
  const session = await login(ctx.app, adminEmail);
  adminSession = { kind: 'session', token: session.token, csrf: session.csrf };
  baseline = await orgDigest(ctx.db, victim.org.id);
});

afterAll(async () => {
  const histogram = [...statuses.entries()]
    .sort(([a], [b]) => a - b)
    .map(([status, n]) => `${status}×${n}`)
    .join(' ');
  console.log(
    `fuzz-endpoints (${testDatabaseKind}): ${requests} requests over ${catalog.length} operations in ` +
      `${((Date.now() - started) / 1000).toFixed(1)} s; statuses ${histogram}`,
  );
  await ctx.close();
});

/**
 * Sends one fuzzed request; fails on a 5xx or the victim's content in the answer. `answersAnyone`: the
 * operation answers unauthenticated callers too (single sign-on's public lookup and redirects).
 */
async function check(credential: Credential, request: ProbeRequest, answersAnyone = false): Promise<void> {
  const response = await send(ctx.app, credential, request);
  requests += 1;
  statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
  const where = `${request.method} ${request.url.slice(0, 300)} (${request.contentType ?? 'no body'}: ${request.payload?.slice(0, 300)})`;
  expect(response.status, `${where} → ${response.text.slice(0, 300)}`).toBeLessThan(500);
  expect(response.text.includes(victim.secret), `${where} leaked the victim's content`).toBe(false);
  // Unauthenticated: refused, whether by the router (414), a parser (4xx) or authentication (401).
  if (credential.kind === 'none' && !answersAnyone)
    expect(response.status, where).toBeGreaterThanOrEqual(400);
}

describe('every endpoint, fuzzed', () => {
  for (const entry of catalog) {
    it(`${entry.op.key}: never 5xx, nothing of the victim changed`, async () => {
      const plan = entry.plan;
      if (!plan) throw new Error('no plan');
      const samples = [victim, own].map((target) =>
        plan.request({ victim: target, attacker: null, unique: `fuzz-${process.pid}` }),
      );
      const requestsOf = requestArbitrary(entry, samples, victim.identifiers);
      await fc.assert(
        fc.asyncProperty(requestsOf, (request) => check(asAdmin(request), request)),
        { numRuns: RUNS_AS_ADMIN },
      );
      await fc.assert(
        fc.asyncProperty(requestsOf, (request) => check({ kind: 'none' }, request, plan.answersAnyone)),
        { numRuns: RUNS_UNAUTHENTICATED },
      );
      if (
        plan.endsCallerSession ||
        (await send(ctx.app, adminSession, { method: 'GET', url: '/api/auth/session' })).status !== 200
      ) {
        const session = await login(ctx.app, adminEmail);
        adminSession = { kind: 'session', token: session.token, csrf: session.csrf };
      }
      const after = await orgDigest(ctx.db, victim.org.id);
      const changed = changedTables(baseline, after);
      baseline = after;
      expect(changed, "the victim's rows changed").toEqual([]);
    });
  }

  it('fuzzed every operation', () => {
    expect(catalog.length).toBeGreaterThanOrEqual(100);
    expect(requests).toBeGreaterThanOrEqual(catalog.length * (RUNS_AS_ADMIN + RUNS_UNAUTHENTICATED));
  });
});
