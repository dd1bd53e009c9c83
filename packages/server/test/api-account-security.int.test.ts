/**
 * Account security over HTTP: session tombstones and replayed cookies, listing and ending sessions, API
 * key rotation with an overlap window, and two-factor sign-in (TOTP) with recovery codes.
 */
import { and, eq } from 'drizzle-orm';
import { TOTP, URI } from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiKeys, auditEvents, sessions, users } from '../src/db/schema.ts';
import { sweepSessions, TOMBSTONE_RETENTION_MS } from '../src/repositories/sessions.ts';
import { totpOf } from '../src/services/account-totp.ts';
import {
  type Body,
  callApi,
  createTestContext,
  errorPaths,
  type TestContext,
  type TestOrg,
} from './harness.ts';
import { addMember, callAsSession, login, PASSWORD, type TestSession } from './session-client.ts';

let ctx: TestContext;
let org: TestOrg;

beforeAll(async () => {
  ctx = await createTestContext();
  org = await ctx.org();
});
afterAll(async () => {
  await ctx.close();
});

/** The audit events of an action in the test organization, oldest first. */
async function events(action: string) {
  return ctx.db.system
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.orgId, org.id), eq(auditEvents.action, action)))
    .orderBy(auditEvents.id);
}

const as = (
  s: Pick<TestSession, 'token' | 'csrf'>,
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
  url: string,
  payload?: unknown,
) => callAsSession(ctx.app, s, method, url, payload, { headers: { 'user-agent': 'test-browser/1.0' } });

describe('ended sessions and replayed cookies', () => {
  it('refuses a signed-out cookie with a clear 401 and audits the replay once a minute', async () => {
    const member = await addMember(ctx, org.id, 'manager');
    const session = await login(ctx.app, member.email);
    expect((await as(session, 'GET', '/auth/session')).status).toBe(200);
    expect((await as(session, 'POST', '/auth/logout')).status).toBe(200);

    const [row] = await ctx.db.system.select().from(sessions).where(eq(sessions.userId, member.id));
    expect(row?.endReason).toBe('signed_out');
    expect(row?.endedAt).toBeInstanceOf(Date);

    const replay = await as(session, 'GET', '/auth/session');
    expect(replay.status).toBe(401);
    expect(replay.body.code).toBe('unauthorized');
    expect(replay.body.message).toContain('ended (signed out)');
    // A looping client: the second replay within the minute is refused but not audited again.
    expect((await as(session, 'GET', '/projects')).status).toBe(401);

    const replayed = (await events('security.session_replayed')).filter((e) => e.targetId === row?.id);
    expect(replayed).toHaveLength(1);
    expect(replayed[0]?.data).toMatchObject({
      sessionId: row?.id,
      endReason: 'signed_out',
      userAgent: 'test-browser/1.0',
    });
    expect(replayed[0]?.userAgent).toBe('test-browser/1.0');

    // A minute later (moved back in the database rather than waited), a replay is audited again.
    await ctx.db.system
      .update(sessions)
      .set({ replayAuditedAt: new Date(Date.now() - 61_000) })
      .where(eq(sessions.id, row?.id as string));
    expect((await as(session, 'GET', '/auth/session')).status).toBe(401);
    expect((await events('security.session_replayed')).filter((e) => e.targetId === row?.id)).toHaveLength(2);
  });

  it('answers an unknown cookie with a plain 401 and audits nothing', async () => {
    const before = (await events('security.session_replayed')).length;
    const response = await as({ token: 'forged-token', csrf: 'x' }, 'GET', '/auth/session');
    expect(response.status).toBe(401);
    expect(response.body.message).not.toContain('ended (');
    expect((await events('security.session_replayed')).length).toBe(before);
  });

  it('does not audit the replay of a merely expired session', async () => {
    const member = await addMember(ctx, org.id, 'viewer');
    const session = await login(ctx.app, member.email);
    await ctx.db.system
      .update(sessions)
      .set({ endedAt: new Date(), endReason: 'expired' })
      .where(eq(sessions.userId, member.id));
    const before = (await events('security.session_replayed')).length;
    const response = await as(session, 'GET', '/projects');
    expect(response.status).toBe(401);
    expect(response.body.message).toContain('ended (expired)');
    expect((await events('security.session_replayed')).length).toBe(before);
  });

  it('the sweep ends overdue sessions and deletes tombstones older than 30 days only', async () => {
    const member = await addMember(ctx, org.id, 'viewer');
    const old = await login(ctx.app, member.email);
    const recent = await login(ctx.app, member.email);
    const overdue = await login(ctx.app, member.email);
    const now = Date.now();
    const ids = async () =>
      (await ctx.db.system.select().from(sessions).where(eq(sessions.userId, member.id))).map((r) => ({
        id: r.id,
        reason: r.endReason,
      }));
    const [oldRow, recentRow, overdueRow] = await Promise.all(
      [old, recent, overdue].map(
        async (s) => (await as(s, 'GET', '/sessions')).body.items.find((i: Body) => i.current).id as string,
      ),
    );
    await ctx.db.system
      .update(sessions)
      .set({ endedAt: new Date(now - TOMBSTONE_RETENTION_MS - 1000), endReason: 'signed_out' })
      .where(eq(sessions.id, oldRow as string));
    await ctx.db.system
      .update(sessions)
      .set({ endedAt: new Date(now - 1000), endReason: 'signed_out' })
      .where(eq(sessions.id, recentRow as string));
    await ctx.db.system
      .update(sessions)
      .set({ expiresAt: new Date(now - 1000) })
      .where(eq(sessions.id, overdueRow as string));
    await sweepSessions(ctx.db.system, new Date(now), new Date(now - 12 * 3600_000));
    const left = await ids();
    expect(left.map((r) => r.id).sort()).toEqual([recentRow, overdueRow].sort());
    expect(left.find((r) => r.id === overdueRow)?.reason).toBe('expired');
  });
});

describe('listing and ending sessions', () => {
  it("lists the caller's live sessions and marks the current one", async () => {
    const member = await addMember(ctx, org.id, 'annotator');
    const a = await login(ctx.app, member.email);
    const b = await login(ctx.app, member.email);
    const other = await addMember(ctx, org.id, 'annotator');
    await login(ctx.app, other.email);
    const list = await as(a, 'GET', '/sessions');
    expect(list.status).toBe(200);
    expect(list.body.items).toHaveLength(2);
    expect(list.body.items.filter((s: Body) => s.current)).toHaveLength(1);
    const currentId = list.body.items.find((s: Body) => s.current).id;
    const fromB = await as(b, 'GET', '/sessions');
    expect(fromB.body.items.find((s: Body) => s.current).id).not.toBe(currentId);
  });

  it('ends one of my sessions; its cookie is refused and the end audited', async () => {
    const member = await addMember(ctx, org.id, 'reviewer');
    const a = await login(ctx.app, member.email);
    const b = await login(ctx.app, member.email);
    const bId = (await as(b, 'GET', '/sessions')).body.items.find((s: Body) => s.current).id as string;
    const ended = await as(a, 'DELETE', `/sessions/${bId}`);
    expect(ended.status).toBe(200);
    expect(ended.body.ended).toBe(1);
    const refused = await as(b, 'GET', '/sessions');
    expect(refused.status).toBe(401);
    expect(refused.body.message).toContain('ended (ended from another session');
    expect((await events('session.revoked')).some((e) => e.targetId === bId)).toBe(true);
    expect((await as(a, 'GET', '/sessions')).body.items).toHaveLength(1);
    // Ending it again: it is no longer live.
    expect((await as(a, 'DELETE', `/sessions/${bId}`)).status).toBe(404);
  });

  it("does not let a non-admin end another person's session (404 as for unknown)", async () => {
    const victim = await login(ctx.app, (await addMember(ctx, org.id, 'viewer')).email);
    const victimId = (await as(victim, 'GET', '/sessions')).body.items[0].id as string;
    const mallory = await login(ctx.app, (await addMember(ctx, org.id, 'manager')).email);
    expect((await as(mallory, 'DELETE', `/sessions/${victimId}`)).status).toBe(404);
    expect((await as(mallory, 'DELETE', '/sessions/no-such-session')).status).toBe(404);
    expect((await as(victim, 'GET', '/sessions')).status).toBe(200);
  });

  it("lets an admin end a member's session, and all of them", async () => {
    const admin = await login(ctx.app, (await addMember(ctx, org.id, 'admin')).email);
    const member = await addMember(ctx, org.id, 'annotator');
    const m1 = await login(ctx.app, member.email);
    const m2 = await login(ctx.app, member.email);
    const m1Id = (await as(m1, 'GET', '/sessions')).body.items.find((s: Body) => s.current).id as string;
    expect((await as(admin, 'DELETE', `/sessions/${m1Id}`)).status).toBe(200);
    expect((await as(m1, 'GET', '/sessions')).status).toBe(401);
    expect((await as(m2, 'GET', '/sessions')).status).toBe(200);
    const all = await as(admin, 'DELETE', `/members/${member.id}/sessions`);
    expect(all.status).toBe(200);
    expect(all.body.ended).toBe(1);
    expect((await as(m2, 'GET', '/sessions')).status).toBe(401);
    expect((await as(admin, 'DELETE', '/members/not-a-member/sessions')).status).toBe(404);
  });

  it("does not end another organization's member's sessions", async () => {
    const other = await ctx.org();
    const outsider = await addMember(ctx, other.id, 'annotator');
    const outsiderSession = await login(ctx.app, outsider.email);
    const admin = await login(ctx.app, (await addMember(ctx, org.id, 'admin')).email);
    expect((await as(admin, 'DELETE', `/members/${outsider.id}/sessions`)).status).toBe(404);
    const outsiderId = (await as(outsiderSession, 'GET', '/sessions')).body.items[0].id as string;
    expect((await as(admin, 'DELETE', `/sessions/${outsiderId}`)).status).toBe(404);
    expect((await as(outsiderSession, 'GET', '/sessions')).status).toBe(200);
  });

  it('ends all other sessions but the current one', async () => {
    const member = await addMember(ctx, org.id, 'manager');
    const a = await login(ctx.app, member.email);
    const b = await login(ctx.app, member.email);
    const c = await login(ctx.app, member.email);
    const response = await as(a, 'POST', '/sessions/end-others');
    expect(response.status).toBe(200);
    expect(response.body.ended).toBe(2);
    expect((await as(a, 'GET', '/sessions')).body.items).toHaveLength(1);
    expect((await as(b, 'GET', '/sessions')).status).toBe(401);
    expect((await as(c, 'GET', '/sessions')).status).toBe(401);
  });

  it('refuses API keys (sessions belong to people)', async () => {
    const response = await callApi(ctx.app, org.liveKey, 'GET', '/sessions');
    expect(response.status).toBe(400);
  });

  it('disabling a member ends their sessions as tombstones (kept, not deleted)', async () => {
    const owner = await login(ctx.app, (await addMember(ctx, org.id, 'owner')).email);
    const member = await addMember(ctx, org.id, 'viewer');
    const s = await login(ctx.app, member.email);
    expect((await as(owner, 'PATCH', `/members/${member.id}`, { disabled: true })).status).toBe(200);
    const rows = await ctx.db.system.select().from(sessions).where(eq(sessions.userId, member.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]?.endReason).toBe('revoked');
    const refused = await as(s, 'GET', '/projects');
    expect(refused.status).toBe(401);
    expect(refused.body.message).toContain('ended (');
  });
});

describe('API key rotation', () => {
  it('keeps the old key working during the overlap and refuses it after', async () => {
    const created = await callApi(ctx.app, org.liveKey, 'POST', '/api-keys', {
      name: 'deploy',
      environment: 'live',
    });
    const oldKey = created.body.key as string;
    const rotated = await callApi(ctx.app, oldKey, 'POST', `/api-keys/${created.body.id}/rotate`, {
      overlapMinutes: 30,
    });
    expect(rotated.status).toBe(200);
    const newKey = rotated.body.key as string;
    expect(newKey).not.toBe(oldKey);
    expect(rotated.body.created.name).toBe('deploy');
    expect(rotated.body.created.environment).toBe('live');
    expect(rotated.body.retired.replacedBy).toBe(rotated.body.created.id);
    const expiresIn = Date.parse(rotated.body.retired.expiresAt) - Date.now();
    expect(expiresIn).toBeGreaterThan(29 * 60_000);
    expect(expiresIn).toBeLessThanOrEqual(30 * 60_000);

    expect((await callApi(ctx.app, oldKey, 'GET', '/projects')).status).toBe(200);
    expect((await callApi(ctx.app, newKey, 'GET', '/projects')).status).toBe(200);

    // The overlap ends: moved into the past in the database, then the cache forgotten (as after 10 s).
    await ctx.db.system
      .update(apiKeys)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(apiKeys.id, created.body.id));
    ctx.app.services.auth.invalidate();
    const refused = await callApi(ctx.app, oldKey, 'GET', '/projects');
    expect(refused.status).toBe(401);
    expect(refused.body.message).toBe('The API key is not valid.');
    expect((await callApi(ctx.app, newKey, 'GET', '/projects')).status).toBe(200);

    const [event] = (await events('api_key.rotated')).filter((e) => e.targetId === created.body.id);
    expect(event?.data).toMatchObject({ oldKeyId: created.body.id, newKeyId: rotated.body.created.id });

    const listed = (await callApi(ctx.app, newKey, 'GET', '/api-keys')).body.items as Body[];
    expect(listed.find((k) => k.id === created.body.id)?.expiresAt).not.toBeNull();
    // An already stopped key cannot be rotated again.
    expect((await callApi(ctx.app, newKey, 'POST', `/api-keys/${created.body.id}/rotate`, {})).status).toBe(
      400,
    );
  });

  it('refuses a cached expired key without waiting for the cache', async () => {
    const created = await callApi(ctx.app, org.liveKey, 'POST', '/api-keys', {
      name: 'c',
      environment: 'live',
    });
    const rotated = await callApi(ctx.app, org.liveKey, 'POST', `/api-keys/${created.body.id}/rotate`, {
      overlapMinutes: 0,
    });
    expect(rotated.status).toBe(200);
    expect((await callApi(ctx.app, created.body.key, 'GET', '/projects')).status).toBe(401);
  });

  it('validates overlapMinutes and refuses unknown, revoked and foreign keys', async () => {
    const created = await callApi(ctx.app, org.liveKey, 'POST', '/api-keys', {
      name: 'v',
      environment: 'live',
    });
    const tooLong = await callApi(ctx.app, org.liveKey, 'POST', `/api-keys/${created.body.id}/rotate`, {
      overlapMinutes: 10081,
    });
    expect(tooLong.status).toBe(400);
    expect(errorPaths(tooLong.body)).toContain('overlapMinutes');
    const negative = await callApi(ctx.app, org.liveKey, 'POST', `/api-keys/${created.body.id}/rotate`, {
      overlapMinutes: -1,
    });
    expect(negative.status).toBe(400);
    expect((await callApi(ctx.app, org.liveKey, 'POST', '/api-keys/nope/rotate', {})).status).toBe(404);
    const other = await ctx.org();
    expect(
      (await callApi(ctx.app, other.liveKey, 'POST', `/api-keys/${created.body.id}/rotate`, {})).status,
    ).toBe(404);
    await callApi(ctx.app, org.liveKey, 'DELETE', `/api-keys/${created.body.id}`);
    expect(
      (await callApi(ctx.app, org.liveKey, 'POST', `/api-keys/${created.body.id}/rotate`, {})).status,
    ).toBe(400);
  });

  it('defaults to a 60-minute overlap and lets a test key rotate only test keys', async () => {
    const created = await callApi(ctx.app, org.liveKey, 'POST', '/api-keys', {
      name: 'd',
      environment: 'live',
    });
    expect(
      (await callApi(ctx.app, org.testKey, 'POST', `/api-keys/${created.body.id}/rotate`, {})).status,
    ).toBe(403);
    const rotated = await callApi(ctx.app, org.liveKey, 'POST', `/api-keys/${created.body.id}/rotate`, {});
    const minutes = (Date.parse(rotated.body.retired.expiresAt) - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(59);
    expect(minutes).toBeLessThanOrEqual(60);
  });

  it('records last use at most once a minute', async () => {
    const created = await callApi(ctx.app, org.liveKey, 'POST', '/api-keys', {
      name: 'u',
      environment: 'live',
    });
    expect(created.body.lastUsedAt).toBeNull();
    await callApi(ctx.app, created.body.key, 'GET', '/projects');
    await new Promise((r) => setTimeout(r, 50));
    const [row] = await ctx.db.system.select().from(apiKeys).where(eq(apiKeys.id, created.body.id));
    expect(row?.lastUsedAt).toBeInstanceOf(Date);
    const first = row?.lastUsedAt?.getTime();
    await callApi(ctx.app, created.body.key, 'GET', '/projects');
    await new Promise((r) => setTimeout(r, 50));
    const [again] = await ctx.db.system.select().from(apiKeys).where(eq(apiKeys.id, created.body.id));
    expect(again?.lastUsedAt?.getTime()).toBe(first);
  });
});

describe('two-factor sign-in (TOTP)', () => {
  /** Signs in the password step; returns the challenge cookie (or the session when there is none). */
  async function passwordStep(email: string, password = PASSWORD) {
    const response = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email, password },
    });
    const challenge = response.cookies.find((c) => c.name === 'gw_login_challenge');
    return { response, challenge: challenge?.value, body: response.json() as Body };
  }

  async function codeStep(challenge: string | undefined, payload: Record<string, string>) {
    const response = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login/totp',
      payload,
      ...(challenge ? { cookies: { gw_login_challenge: challenge } } : {}),
    });
    const cookie = response.cookies.find((c) => c.name === 'gw_session');
    return { status: response.statusCode, body: response.json() as Body, token: cookie?.value };
  }

  /** A member with TOTP on: their secret, recovery codes and a session. */
  async function enrolled() {
    const member = await addMember(ctx, org.id, 'manager');
    const session = await login(ctx.app, member.email);
    const enrol = await as(session, 'POST', '/account/totp', { password: PASSWORD });
    expect(enrol.status).toBe(200);
    const secret = enrol.body.secret as string;
    const code = totpOf(secret).generate({ timestamp: Date.now() - 30_000 });
    const confirm = await as(session, 'POST', '/account/totp/confirm', { code });
    expect(confirm.status).toBe(200);
    return { member, session, secret, recoveryCodes: confirm.body.recoveryCodes as string[] };
  }

  /** A code of the step `offset` steps from now. */
  const codeAt = (secret: string, offset: number) =>
    totpOf(secret).generate({ timestamp: Date.now() + offset * 30_000 });

  it('enrols with a QR code and an otpauth URI, stores the secret sealed, confirms with a code', async () => {
    const member = await addMember(ctx, org.id, 'manager');
    const session = await login(ctx.app, member.email);
    expect((await as(session, 'GET', '/account/totp')).body).toMatchObject({
      enabled: false,
      available: true,
    });
    const enrol = await as(session, 'POST', '/account/totp', { password: PASSWORD });
    expect(enrol.body.uri).toMatch(/^otpauth:\/\/totp\/Groundwork:/);
    expect(enrol.body.uri).toContain(`secret=${enrol.body.secret}`);
    expect(enrol.body.qrSvg).toMatch(/^<svg/);
    const [row] = await ctx.db.system.select().from(users).where(eq(users.id, member.id));
    expect(row?.totpPendingSecret).toMatch(/^gcm1\./);
    expect(row?.totpPendingSecret).not.toContain(enrol.body.secret);
    expect((await as(session, 'GET', '/account/totp')).body).toMatchObject({ enabled: false, pending: true });

    const wrong = await as(session, 'POST', '/account/totp/confirm', {
      code: '000000' === codeAt(enrol.body.secret, 0) ? '111111' : '000000',
    });
    expect(wrong.status).toBe(400);
    expect(errorPaths(wrong.body)).toContain('code');
    const confirm = await as(session, 'POST', '/account/totp/confirm', {
      code: codeAt(enrol.body.secret, 0),
    });
    expect(confirm.status).toBe(200);
    expect(confirm.body.recoveryCodes).toHaveLength(10);
    expect(new Set(confirm.body.recoveryCodes).size).toBe(10);
    const status = (await as(session, 'GET', '/account/totp')).body;
    expect(status).toMatchObject({ enabled: true, pending: false, recoveryCodesLeft: 10 });
    const [after] = await ctx.db.system.select().from(users).where(eq(users.id, member.id));
    expect(after?.totpSecret).toMatch(/^gcm1\./);
    expect(JSON.stringify(after?.totpRecoveryCodes)).not.toContain(confirm.body.recoveryCodes[0]);
    expect((await events('account.totp_enabled')).some((e) => e.targetId === member.id)).toBe(true);
    // Enrolling again while on is refused.
    expect((await as(session, 'POST', '/account/totp', { password: PASSWORD })).status).toBe(400);
  });

  it('asks the password again before enrolling (a session of one organization cannot lock out another)', async () => {
    const member = await addMember(ctx, org.id, 'annotator');
    const session = await login(ctx.app, member.email);
    const wrong = await as(session, 'POST', '/account/totp', { password: 'not the password' });
    expect(wrong.status).toBe(401);
    expect(errorPaths(wrong.body)).toEqual(['password']);
    const missing = await as(session, 'POST', '/account/totp', {});
    expect(missing.status).toBe(400);
    expect(errorPaths(missing.body)).toContain('password');
    const [row] = await ctx.db.system.select().from(users).where(eq(users.id, member.id));
    expect(row?.totpPendingSecret).toBeNull();
    expect((await as(session, 'POST', '/account/totp', { password: PASSWORD })).status).toBe(200);
  });

  it('signs in with password then code; the code cannot be used twice', async () => {
    const { member, secret } = await enrolled();
    const first = await passwordStep(member.email);
    expect(first.response.statusCode).toBe(401);
    expect(first.body.code).toBe('second_factor_required');
    expect(first.response.cookies.find((c) => c.name === 'gw_session')).toBeUndefined();
    expect(first.challenge).toBeTruthy();

    const code = codeAt(secret, 1);
    const ok = await codeStep(first.challenge, { code });
    expect(ok.status).toBe(200);
    expect(ok.body.user.email).toBe(member.email);
    expect(ok.token).toBeTruthy();
    expect(
      (await as({ token: ok.token as string, csrf: ok.body.csrfToken }, 'GET', '/auth/session')).status,
    ).toBe(200);

    // The same code again, even with a fresh challenge: refused (its step is used).
    const second = await passwordStep(member.email);
    const reused = await codeStep(second.challenge, { code });
    expect(reused.status).toBe(401);
    expect(errorPaths(reused.body)).toContain('code');
    // An older step's code is refused too once a later one was used.
    expect((await codeStep(second.challenge, { code: codeAt(secret, 0) })).status).toBe(401);
    const login = (await events('auth.login')).filter((e) => e.targetId === member.id).at(-1);
    expect(login?.data).toMatchObject({ secondFactor: 'totp' });
  });

  it('an invitation accepted with the password alone does not sign in an account with a second factor', async () => {
    const { member, secret } = await enrolled();
    const other = await ctx.org();
    const admin = await login(ctx.app, (await addMember(ctx, other.id, 'admin')).email);
    const invited = await callAsSession(ctx.app, admin, 'POST', '/invitations', {
      email: member.email,
      role: 'reviewer',
    });
    expect(invited.status).toBe(200);
    const accepted = await ctx.app.inject({
      method: 'POST',
      url: '/api/invitations/accept',
      payload: { token: invited.body.token, password: PASSWORD },
    });
    expect(accepted.statusCode).toBe(401);
    expect(accepted.json()).toMatchObject({ code: 'second_factor_required' });
    expect(accepted.json().message).toContain('You joined');
    expect(accepted.cookies.find((c) => c.name === 'gw_session')).toBeUndefined();
    // The membership was made; signing in to it takes the code as always.
    const step = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: member.email, password: PASSWORD, org: other.slug },
    });
    expect(step.statusCode).toBe(401);
    const challenge = step.cookies.find((c) => c.name === 'gw_login_challenge')?.value;
    const signedIn = await codeStep(challenge, { code: codeAt(secret, 1) });
    expect(signedIn.status).toBe(200);
    expect(signedIn.body).toMatchObject({ role: 'reviewer' });
  });

  it('refuses the code step without, or with a forged, challenge', async () => {
    const { secret } = await enrolled();
    expect((await codeStep(undefined, { code: codeAt(secret, 0) })).status).toBe(401);
    expect((await codeStep('forged.challenge', { code: codeAt(secret, 0) })).status).toBe(401);
  });

  it('allows 5 wrong codes per challenge, audits each, and refuses the 6th try even when right', async () => {
    const { member, secret } = await enrolled();
    const { challenge } = await passwordStep(member.email);
    const right = codeAt(secret, 0);
    const wrongCode = right === '123456' ? '654321' : '123456';
    for (let i = 0; i < 5; i += 1) {
      const wrong = await codeStep(challenge, { code: wrongCode });
      expect(wrong.status).toBe(401);
    }
    const sixth = await codeStep(challenge, { code: right });
    expect(sixth.status).toBe(429);
    expect(sixth.token).toBeUndefined();
    const failed = (await events('auth.totp_failed')).filter((e) => e.targetId === member.id);
    expect(failed).toHaveLength(5);
    expect(failed.at(-1)?.data).toMatchObject({ during: 'login', triesLeft: 0 });
    // A new password step gives a new challenge that works.
    const again = await passwordStep(member.email);
    expect((await codeStep(again.challenge, { code: right })).status).toBe(200);
  });

  it('accepts a recovery code once only', async () => {
    const { member, recoveryCodes, session } = await enrolled();
    const code = recoveryCodes[3] as string;
    const first = await passwordStep(member.email);
    const ok = await codeStep(first.challenge, { recoveryCode: code.toUpperCase() });
    expect(ok.status).toBe(200);
    const second = await passwordStep(member.email);
    const again = await codeStep(second.challenge, { recoveryCode: code });
    expect(again.status).toBe(401);
    expect(errorPaths(again.body)).toContain('recoveryCode');
    expect((await as(session, 'GET', '/account/totp')).body.recoveryCodesLeft).toBe(9);
  });

  it('validates the code step: exactly one of code and recoveryCode, six digits', async () => {
    const { member } = await enrolled();
    const { challenge } = await passwordStep(member.email);
    expect((await codeStep(challenge, {})).status).toBe(400);
    expect((await codeStep(challenge, { code: '12345' })).status).toBe(400);
    expect((await codeStep(challenge, { code: '123456', recoveryCode: 'x' })).status).toBe(400);
  });

  it('a wrong password never reaches the second step', async () => {
    const { member } = await enrolled();
    const wrong = await passwordStep(member.email, 'not the password');
    expect(wrong.response.statusCode).toBe(401);
    expect(wrong.body.code).toBe('unauthorized');
    expect(wrong.challenge).toBeUndefined();
  });

  it('disables with a current code; sign-in is one step again', async () => {
    const { member, session, secret } = await enrolled();
    const wrong = await as(session, 'POST', '/account/totp/disable', {
      code: codeAt(secret, 0) === '000000' ? '111111' : '000000',
    });
    expect(wrong.status).toBe(400);
    const off = await as(session, 'POST', '/account/totp/disable', { code: codeAt(secret, 1) });
    expect(off.status).toBe(200);
    expect((await as(session, 'GET', '/account/totp')).body).toMatchObject({
      enabled: false,
      recoveryCodesLeft: 0,
    });
    expect((await passwordStep(member.email)).response.statusCode).toBe(200);
    expect((await events('account.totp_disabled')).some((e) => e.targetId === member.id)).toBe(true);
  });

  it('codes from a standard authenticator (otpauth URI) are accepted', async () => {
    const member = await addMember(ctx, org.id, 'viewer');
    const session = await login(ctx.app, member.email);
    const enrol = await as(session, 'POST', '/account/totp', { password: PASSWORD });
    const fromUri = URI.parse(enrol.body.uri);
    expect(fromUri).toBeInstanceOf(TOTP);
    const confirm = await as(session, 'POST', '/account/totp/confirm', {
      code: (fromUri as TOTP).generate({ timestamp: Date.now() - 30_000 }),
    });
    expect(confirm.status).toBe(200);
  });
});
