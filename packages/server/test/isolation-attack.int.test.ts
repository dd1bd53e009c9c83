/**
 * Isolation, attacked: every operation of `/api` and `/v1` (found in the app, not listed by hand) is
 * aimed at the victim organization's objects — its projects, batches, tasks, answers, gold, files,
 * exports, deliveries, members, invitations, workforces and keys — by every attacker: the members of
 * organization B in every role, a person in both organizations signed in to B, B's live and test keys,
 * no credentials, a revoked key of the victim, an expired session of the victim and a forged cookie. Every answer must refuse (or, where the
 * operation only touches the caller's own organization, succeed without a trace of the victim), and a
 * digest of every row the victim owns must not change.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext, testDatabaseKind } from './harness.ts';
import { type Attackers, createAttackers } from './support/attackers.ts';
import { buildCatalog, type CatalogEntry, discoverOperations, staleOverrides } from './support/catalog.ts';
import { changedTables, type OrgDigest, orgDigest } from './support/digest.ts';
import { send } from './support/http.ts';
import { judge } from './support/verdict.ts';
import { ghostOf, seedVictim, VICTIM_ENV, type Victim } from './support/victim.ts';

// The catalog is read from the app itself, so the tests below are made per operation.
const ctx: TestContext = await createTestContext(VICTIM_ENV);
const catalog: CatalogEntry[] = buildCatalog(ctx.app);
const probed = catalog.filter((entry) => entry.plan !== null);

let victim: Victim;
let attackers: Attackers;
let baseline: OrgDigest;
let probes = 0;
let oracleProbes = 0;
let started = 0;
const statuses = new Map<number, number>();

beforeAll(async () => {
  started = Date.now();
  victim = await seedVictim(ctx);
  attackers = await createAttackers(ctx, victim);
  baseline = await orgDigest(ctx.db, victim.org.id);
});

afterAll(async () => {
  const histogram = [...statuses.entries()]
    .sort(([a], [b]) => a - b)
    .map(([status, n]) => `${status}×${n}`)
    .join(' ');
  console.log(
    `isolation-attack (${testDatabaseKind}): ${probes} probes — ${probed.length} operations × ` +
      `${attackers?.all.length ?? 0} attackers — and ${oracleProbes} probes of missing objects, in ${((Date.now() - started) / 1000).toFixed(1)} s; statuses ${histogram}`,
  );
  await ctx.close();
});

describe('the operation catalog', () => {
  it('has a probe plan for every operation of /api and /v1', () => {
    const problems = catalog.filter((e) => e.problem !== null).map((e) => `${e.op.key}: ${e.problem}`);
    expect(problems).toEqual([]);
    expect(staleOverrides(ctx.app)).toEqual([]);
  });

  it('finds the documented operations and the undocumented /v1 routes', () => {
    const keys = new Set(discoverOperations(ctx.app).map((op) => op.key));
    // biome-ignore lint/suspicious/noExplicitAny: the document is walked as plain JSON.
    const doc = ctx.app.swagger() as any;
    const documented = Object.entries<Record<string, unknown>>(doc.paths).flatMap(([path, item]) =>
      Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(documented.filter((key) => !keys.has(key))).toEqual([]);
    for (const key of [
      'POST /v1/task/{type}',
      'GET /v1/task/{task_id}',
      'POST /v1/files/upload',
      'GET /api/org',
    ]) {
      expect(keys.has(key), key).toBe(true);
    }
    expect(catalog.filter((e) => e.op.path.startsWith('/v1/')).length).toBeGreaterThanOrEqual(25);
    expect(catalog.filter((e) => e.op.path.startsWith('/api/')).length).toBeGreaterThanOrEqual(80);
  });

  it('names the victim in every probe that may not succeed for another organization', () => {
    // A probe that names nothing of the victim's would be a probe of nothing: only operations that act
    // on the caller's own organization may name none.
    for (const entry of probed) {
      if (entry.op.pathParams.length > 0 && !['type'].includes(entry.op.pathParams[0] ?? '')) {
        expect(entry.plan?.b2xx, entry.op.key).toBe('never');
      }
    }
  });
});

describe('every operation, attacked by every attacker', () => {
  for (const entry of probed) {
    const plan = entry.plan;
    if (!plan) continue;
    it(`${entry.op.key} (${plan.b2xx === 'never' ? 'refused' : 'own organization only'})`, async () => {
      const failures: string[] = [];
      for (const attacker of attackers.all) {
        const unique = `${probes}-${process.pid}`;
        const request = plan.request({ victim, attacker, unique });
        const response = await send(ctx.app, attacker.credential, request);
        probes += 1;
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
        const wrong = judge(entry, attacker, response, victim);
        if (wrong) failures.push(`${attacker.label}: ${request.method} ${request.url} ${wrong}`);
        if (plan.b2xx === 'never' && attacker.role !== null) {
          // The same probe aimed at objects that do not exist must get the same answer.
          const { ghost, swaps } = ghostOf(victim);
          const ghostRequest = plan.request({ victim: ghost, attacker, unique });
          const ghostResponse = await send(ctx.app, attacker.credential, ghostRequest);
          oracleProbes += 1;
          const text = swaps.reduce(
            (t, [fake, real]) =>
              t.replaceAll(fake, real).replaceAll(encodeURIComponent(fake), encodeURIComponent(real)),
            ghostResponse.text,
          );
          if (ghostResponse.status !== response.status || text !== response.text) {
            failures.push(
              `${attacker.label}: ${request.method} ${request.url} answers the victim's objects (${response.status} ` +
                `${response.text.slice(0, 200)}) unlike missing ones (${ghostResponse.status} ${text.slice(0, 200)})`,
            );
          }
        }
      }
      if (plan.endsCallerSession) await attackers.refreshSessions();
      const after = await orgDigest(ctx.db, victim.org.id);
      const changed = changedTables(baseline, after);
      baseline = after;
      expect(failures, plan.why).toEqual([]);
      expect(changed, "the victim's rows changed").toEqual([]);
    });
  }

  it('sent every operation as every attacker', () => {
    expect(attackers.all.length).toBe(13);
    expect(probes).toBeGreaterThanOrEqual(probed.length * attackers.all.length);
  });
});

describe('names are per organization', () => {
  it("lets another organization use the victim's project, batch and workforce names without a conflict", async () => {
    const key = { kind: 'key' as const, key: attackers.org.liveKey };
    const project = await send(ctx.app, key, {
      method: 'POST',
      url: '/api/projects',
      payload: JSON.stringify({ name: victim.projectName, type: 'categorization' }),
    });
    expect(project.status, project.text).toBe(200);
    const batch = await send(ctx.app, key, {
      method: 'POST',
      url: '/api/batches',
      payload: JSON.stringify({ project: victim.projectName, name: victim.batchName }),
    });
    expect(batch.status, batch.text).toBe(200);
    const workforce = await send(ctx.app, key, {
      method: 'POST',
      url: '/api/workforces',
      payload: JSON.stringify({ name: victim.workforceName, kind: 'vendor' }),
    });
    expect(workforce.status, workforce.text).toBe(200);
    // B's own objects answer B, and show none of the victim's.
    const own = await send(ctx.app, key, { method: 'GET', url: `/api/batches/${victim.batchName}` });
    expect(own.status).toBe(200);
    expect(victim.identifiers.filter((id) => own.text.includes(id))).toEqual([]);
    expect(changedTables(baseline, await orgDigest(ctx.db, victim.org.id))).toEqual([]);
  });
});

describe('signed file links', () => {
  it("refuse the victim's file even behind a link the server signed for another organization's annotator", async () => {
    const annotator = attackers.all.find((a) => a.label === 'B annotator');
    if (!annotator) throw new Error('no B annotator');
    const me = JSON.parse(
      (await send(ctx.app, annotator.credential, { method: 'GET', url: '/api/auth/session' })).text,
    );
    const assetUrls = ctx.app.services.assetUrls;
    // A valid signature for B's person over the victim's assignment and file: the lease check still holds.
    const signedForB = assetUrls.sign({
      orgId: attackers.org.id,
      userId: me.user.id as string,
      assignmentId: victim.leasedAssignmentId,
      fileId: victim.fileId,
    });
    const forB = await send(ctx.app, annotator.credential, { method: 'GET', url: signedForB });
    expect(forB.status, forB.text).toBe(404);
    // The victim's annotator's own link, replayed by B: the signature names another organization.
    const victimsLink = assetUrls.sign({
      orgId: victim.org.id,
      userId: victim.annotatorId,
      assignmentId: victim.leasedAssignmentId,
      fileId: victim.fileId,
    });
    const replayed = await send(ctx.app, annotator.credential, { method: 'GET', url: victimsLink });
    expect(replayed.status, replayed.text).toBe(403);
    expect(replayed.text).not.toContain(victim.secret);
    expect(changedTables(baseline, await orgDigest(ctx.db, victim.org.id))).toEqual([]);
  });
});
