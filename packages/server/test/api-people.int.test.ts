/**
 * People: login sessions (cookie flags, expiry, throttling), CSRF and Origin checks of cookie writes,
 * members (last owner, self-change, owner-only owner changes) and invitations by link.
 */
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.ts';
import { queryRows } from '../src/db/database.ts';
import { invitations, sessions } from '../src/db/schema.ts';
import { hashToken } from '../src/services/sessions.ts';
import { type Body, callApi, createTestContext, type TestContext, type TestOrg } from './harness.ts';
import {
  addMember,
  callAsSession,
  login,
  PASSWORD,
  type TestSession,
  uniqueEmail,
} from './session-client.ts';

let ctx: TestContext;
let org: TestOrg;

beforeAll(async () => {
  ctx = await createTestContext();
  org = await ctx.org();
});

afterAll(async () => {
  await ctx.close();
});

const loginRaw = (
  payload: Record<string, unknown>,
  headers: Record<string, string> = {},
  remoteAddress?: string,
) =>
  ctx.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload,
    headers,
    ...(remoteAddress ? { remoteAddress } : {}),
  });

async function auditActions(orgId: string): Promise<string[]> {
  const rows = await queryRows<{ action: string }>(
    ctx.db.system,
    sql`SELECT action FROM audit_events WHERE org_id = ${orgId} ORDER BY id`,
  );
  return rows.map((r) => r.action);
}

describe('login sessions', () => {
  it('logs in with email and password and answers the session', async () => {
    const m = await addMember(ctx, org.id, 'manager');
    const response = await loginRaw({ email: m.email.toUpperCase(), password: PASSWORD });
    expect(response.statusCode).toBe(200);
    const body = response.json() as Body;
    expect(body).toMatchObject({
      user: { id: m.id, email: m.email, name: 'Test manager' },
      org: { id: org.id, slug: org.slug },
      role: 'manager',
      workforceId: null,
    });
    expect(body.csrfToken).toMatch(/^[\w-]{43}$/);
    const cookie = response.cookies.find((c) => c.name === 'gw_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(cookie?.secure).toBeUndefined();
    expect(cookie?.value).toMatch(/^[\w-]{43}$/);

    const session = await callAsSession(
      ctx.app,
      { token: cookie?.value ?? '', csrf: '' },
      'GET',
      '/auth/session',
    );
    expect(session.status).toBe(200);
    expect(session.body).toEqual(body);
    expect(await auditActions(org.id)).toContain('auth.login');
  });

  it('stores only the hash of the session token', async () => {
    const m = await addMember(ctx, org.id, 'viewer');
    const s = await login(ctx.app, m.email);
    const byToken = await ctx.db.system.select().from(sessions).where(eq(sessions.tokenHash, s.token));
    expect(byToken).toHaveLength(0);
    const byHash = await ctx.db.system
      .select()
      .from(sessions)
      .where(eq(sessions.tokenHash, hashToken(s.token)));
    expect(byHash).toHaveLength(1);
  });

  it('marks the cookie Secure when the public URL is https', async () => {
    const app = await buildApp(
      { ...ctx.config, publicUrl: 'https://gw.example.test' },
      { db: ctx.db, logger: false },
    );
    try {
      const m = await addMember(ctx, org.id, 'viewer');
      const response = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email: m.email, password: PASSWORD },
      });
      expect(response.statusCode).toBe(200);
      expect(response.cookies.find((c) => c.name === 'gw_session')?.secure).toBe(true);
    } finally {
      await app.close();
    }
  });

  it('answers a wrong password and an unknown email with the same 401', async () => {
    const m = await addMember(ctx, org.id, 'viewer');
    const wrong = await loginRaw({ email: m.email, password: 'not the password' });
    const unknown = await loginRaw({ email: uniqueEmail('nobody'), password: 'not the password' });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
    expect(wrong.cookies).toHaveLength(0);
  });

  it('refuses a user without a password', async () => {
    const user = await ctx.orgs.addUser(org.id, {
      email: uniqueEmail('nopw'),
      role: 'viewer',
      password: null,
    });
    expect((await loginRaw({ email: user.email, password: PASSWORD })).statusCode).toBe(401);
  });

  it('validates the login body, naming the field', async () => {
    const response = await loginRaw({ email: 'a@b.c' });
    expect(response.statusCode).toBe(400);
    expect((response.json() as Body).details.map((d: { path: string }) => d.path)).toEqual(['password']);
  });

  it('throttles repeated failures per email with 429, even for the right password', async () => {
    const m = await addMember(ctx, org.id, 'viewer');
    for (let i = 0; i < 10; i++) {
      const r = await loginRaw({ email: m.email, password: 'wrong password' }, {}, '10.0.0.7');
      expect(r.statusCode).toBe(401);
    }
    const blocked = await loginRaw({ email: m.email, password: PASSWORD }, {}, '10.0.0.8');
    expect(blocked.statusCode).toBe(429);
    expect((blocked.json() as Body).code).toBe('rate_limited');
    // Other people are not affected.
    const other = await addMember(ctx, org.id, 'viewer');
    expect((await loginRaw({ email: other.email, password: PASSWORD }, {}, '10.0.0.8')).statusCode).toBe(200);
  });

  it('logs into the organization named by slug, else the oldest membership', async () => {
    const second = await ctx.org();
    const m = await addMember(ctx, org.id, 'viewer');
    await ctx.orgs.addUser(second.id, { email: m.email, role: 'manager' });
    expect((await login(ctx.app, m.email)).body.org.slug).toBe(org.slug);
    const there = await login(ctx.app, m.email, PASSWORD, second.slug);
    expect(there.body).toMatchObject({ org: { slug: second.slug }, role: 'manager' });
    const elsewhere = await loginRaw({ email: m.email, password: PASSWORD, org: 'no-such-org' });
    expect(elsewhere.statusCode).toBe(401);
  });

  it('logs out: ends the session (kept as a tombstone) and clears the cookie', async () => {
    const m = await addMember(ctx, org.id, 'viewer');
    const s = await login(ctx.app, m.email);
    expect((await callAsSession(ctx.app, s, 'GET', '/org')).status).toBe(200);
    const response = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      cookies: { gw_session: s.token },
      headers: { 'x-csrf-token': s.csrf },
    });
    expect(response.statusCode).toBe(200);
    const cleared = response.cookies.find((c) => c.name === 'gw_session');
    expect(cleared?.value).toBe('');
    expect((await callAsSession(ctx.app, s, 'GET', '/auth/session')).status).toBe(401);
    const left = await ctx.db.system
      .select()
      .from(sessions)
      .where(eq(sessions.tokenHash, hashToken(s.token)));
    expect(left).toHaveLength(1);
    expect(left[0]?.endReason).toBe('signed_out');
    expect(await auditActions(org.id)).toContain('auth.logout');
  });

  it('ends a session after 12 idle hours and after 7 days', async () => {
    const m = await addMember(ctx, org.id, 'viewer');
    const idle = await login(ctx.app, m.email);
    await ctx.db.system
      .update(sessions)
      .set({ lastSeenAt: new Date(Date.now() - 13 * 3600_000) })
      .where(eq(sessions.tokenHash, hashToken(idle.token)));
    expect((await callAsSession(ctx.app, idle, 'GET', '/auth/session')).status).toBe(401);

    const old = await login(ctx.app, m.email);
    await ctx.db.system
      .update(sessions)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(sessions.tokenHash, hashToken(old.token)));
    expect((await callAsSession(ctx.app, old, 'GET', '/auth/session')).status).toBe(401);
  });

  it('refuses an unknown session cookie with 401', async () => {
    const r = await callAsSession(ctx.app, { token: 'x'.repeat(43), csrf: '' }, 'GET', '/org');
    expect(r.status).toBe(401);
  });

  it('acts with the membership role: a viewer reads but cannot write', async () => {
    const m = await addMember(ctx, org.id, 'viewer');
    const s = await login(ctx.app, m.email);
    expect((await callAsSession(ctx.app, s, 'GET', '/projects')).status).toBe(200);
    const write = await callAsSession(ctx.app, s, 'POST', '/projects', {
      name: 'viewer-p',
      type: 'categorization',
    });
    expect(write.status).toBe(403);
    expect(write.body.code).toBe('forbidden');
  });

  it('does not offer session routes to API keys', async () => {
    expect((await callApi(ctx.app, org.liveKey, 'GET', '/auth/session')).status).toBe(400);
  });
});

describe('disabled members', () => {
  it('cannot log in, and lose their open sessions', async () => {
    const admin = await login(ctx.app, (await addMember(ctx, org.id, 'admin')).email);
    const m = await addMember(ctx, org.id, 'annotator');
    const s = await login(ctx.app, m.email);
    const disabled = await callAsSession(ctx.app, admin, 'PATCH', `/members/${m.id}`, { disabled: true });
    expect(disabled.status).toBe(200);
    expect(disabled.body).toMatchObject({ userId: m.id, disabled: true });
    expect((await callAsSession(ctx.app, s, 'GET', '/auth/session')).status).toBe(401);
    const again = await loginRaw({ email: m.email, password: PASSWORD });
    expect(again.statusCode).toBe(403);
    expect(again.cookies).toHaveLength(0);
    await callAsSession(ctx.app, admin, 'PATCH', `/members/${m.id}`, { disabled: false });
    expect((await loginRaw({ email: m.email, password: PASSWORD })).statusCode).toBe(200);
  });
});

describe('CSRF protection of cookie writes', () => {
  let manager: TestSession;
  let n = 0;
  const project = () => ({ name: `csrf-${++n}`, type: 'categorization' });

  beforeAll(async () => {
    manager = await login(ctx.app, (await addMember(ctx, org.id, 'manager')).email);
  });

  it('refuses a write without the x-csrf-token header', async () => {
    const r = await callAsSession(ctx.app, manager, 'POST', '/projects', project(), { csrf: null });
    expect(r.status).toBe(403);
    expect(r.body.code).toBe('csrf_failed');
  });

  it('refuses a write with a wrong x-csrf-token header', async () => {
    const r = await callAsSession(ctx.app, manager, 'POST', '/projects', project(), { csrf: 'A'.repeat(43) });
    expect(r.status).toBe(403);
    expect(r.body.code).toBe('csrf_failed');
  });

  it("refuses another session's CSRF token", async () => {
    const other = await login(ctx.app, (await addMember(ctx, org.id, 'manager')).email);
    const r = await callAsSession(ctx.app, manager, 'POST', '/projects', project(), { csrf: other.csrf });
    expect(r.status).toBe(403);
  });

  it('accepts a write with the right header and a same-origin Origin', async () => {
    expect((await callAsSession(ctx.app, manager, 'POST', '/projects', project())).status).toBe(200);
    const sameOrigin = await callAsSession(ctx.app, manager, 'POST', '/projects', project(), {
      origin: 'http://localhost:80',
    });
    expect(sameOrigin.status).toBe(200);
  });

  it('refuses a write whose Origin is another host', async () => {
    const r = await callAsSession(ctx.app, manager, 'POST', '/projects', project(), {
      origin: 'https://evil.example',
    });
    expect(r.status).toBe(403);
    expect(r.body.code).toBe('csrf_failed');
    const login = await loginRaw({ email: 'a@b.c', password: 'x' }, { origin: 'https://evil.example' });
    expect(login.statusCode).toBe(403);
  });

  it('needs no header for reads', async () => {
    expect(
      (await callAsSession(ctx.app, manager, 'GET', '/projects', undefined, { csrf: null })).status,
    ).toBe(200);
  });

  it('leaves API key requests alone, and prefers the key over a cookie', async () => {
    const response = await ctx.app.inject({
      method: 'POST',
      url: '/api/projects',
      headers: { authorization: `Bearer ${org.liveKey}`, origin: 'https://elsewhere.example' },
      cookies: { gw_session: manager.token },
      payload: project(),
    });
    expect(response.statusCode).toBe(200);
    expect((await callApi(ctx.app, org.liveKey, 'GET', '/org')).body.role).toBe('admin');
  });

  it('keeps /v1 for API keys only', async () => {
    const response = await ctx.app.inject({
      method: 'GET',
      url: '/v1/projects',
      cookies: { gw_session: manager.token },
    });
    expect(response.statusCode).toBe(401);
  });
});

describe('members', () => {
  let owner: TestSession;
  let ownerId: string;
  let admin: TestSession;
  let adminId: string;
  let people: TestOrg;

  beforeAll(async () => {
    people = await ctx.org();
    const o = await addMember(ctx, people.id, 'owner');
    const a = await addMember(ctx, people.id, 'admin');
    ownerId = o.id;
    adminId = a.id;
    owner = await login(ctx.app, o.email);
    admin = await login(ctx.app, a.email);
  });

  it('lists the members to managers, not to viewers', async () => {
    const manager = await login(ctx.app, (await addMember(ctx, people.id, 'manager')).email);
    const viewer = await login(ctx.app, (await addMember(ctx, people.id, 'viewer')).email);
    const list = await callAsSession(ctx.app, manager, 'GET', '/members');
    expect(list.status).toBe(200);
    expect(list.body.items.find((m: Body) => m.userId === ownerId)).toMatchObject({
      role: 'owner',
      disabled: false,
      workforceId: null,
    });
    expect((await callAsSession(ctx.app, viewer, 'GET', '/members')).status).toBe(403);
  });

  it('does not list members of another organization', async () => {
    const list = await callAsSession(ctx.app, owner, 'GET', '/members');
    const orgMembers = await callApi(ctx.app, org.liveKey, 'GET', '/members');
    const ids = new Set((list.body.items as Body[]).map((m) => m.userId));
    expect((orgMembers.body.items as Body[]).some((m) => ids.has(m.userId))).toBe(false);
  });

  it('lets an admin change a role, but not their own', async () => {
    const m = await addMember(ctx, people.id, 'annotator');
    const changed = await callAsSession(ctx.app, admin, 'PATCH', `/members/${m.id}`, { role: 'reviewer' });
    expect(changed.status).toBe(200);
    expect(changed.body.role).toBe('reviewer');
    const self = await callAsSession(ctx.app, admin, 'PATCH', `/members/${adminId}`, { role: 'manager' });
    expect(self.status).toBe(403);
    expect(await auditActions(people.id)).toContain('member.update');
  });

  it('lets only an owner grant or take the owner role', async () => {
    const m = await addMember(ctx, people.id, 'viewer');
    expect((await callAsSession(ctx.app, admin, 'PATCH', `/members/${m.id}`, { role: 'owner' })).status).toBe(
      403,
    );
    expect(
      (await callAsSession(ctx.app, admin, 'PATCH', `/members/${ownerId}`, { role: 'admin' })).status,
    ).toBe(403);
    expect((await callAsSession(ctx.app, admin, 'DELETE', `/members/${ownerId}`)).status).toBe(403);
    expect((await callApi(ctx.app, people.liveKey, 'DELETE', `/members/${ownerId}`)).status).toBe(403);
    const granted = await callAsSession(ctx.app, owner, 'PATCH', `/members/${m.id}`, { role: 'owner' });
    expect(granted.status).toBe(200);
    const taken = await callAsSession(ctx.app, owner, 'PATCH', `/members/${m.id}`, { role: 'viewer' });
    expect(taken.body.role).toBe('viewer');
  });

  it('never removes the last owner', async () => {
    const solo = await ctx.org();
    const o = await addMember(ctx, solo.id, 'owner');
    const s = await login(ctx.app, o.email);
    const r = await callAsSession(ctx.app, s, 'DELETE', `/members/${o.id}`);
    expect(r.status).toBe(409);
    expect(r.body.code).toBe('last_owner');
    // A disabled owner does not count as an owner.
    const dormant = await addMember(ctx, solo.id, 'owner');
    await callAsSession(ctx.app, s, 'PATCH', `/members/${dormant.id}`, { disabled: true });
    expect((await callAsSession(ctx.app, s, 'DELETE', `/members/${o.id}`)).status).toBe(409);
    await callAsSession(ctx.app, s, 'PATCH', `/members/${dormant.id}`, { disabled: false });
    expect((await callAsSession(ctx.app, s, 'DELETE', `/members/${o.id}`)).status).toBe(200);
  });

  it('removes a member and ends their sessions', async () => {
    const m = await addMember(ctx, people.id, 'manager');
    const s = await login(ctx.app, m.email);
    const removed = await callAsSession(ctx.app, admin, 'DELETE', `/members/${m.id}`);
    expect(removed.status).toBe(200);
    expect((await callAsSession(ctx.app, s, 'GET', '/auth/session')).status).toBe(401);
    expect((await loginRaw({ email: m.email, password: PASSWORD })).statusCode).toBe(401);
    expect((await callAsSession(ctx.app, admin, 'DELETE', `/members/${m.id}`)).status).toBe(404);
    expect(await auditActions(people.id)).toContain('member.remove');
  });

  it("answers another organization's member with 404", async () => {
    const stranger = await addMember(ctx, org.id, 'viewer');
    expect(
      (await callAsSession(ctx.app, admin, 'PATCH', `/members/${stranger.id}`, { role: 'manager' })).status,
    ).toBe(404);
    expect((await callAsSession(ctx.app, admin, 'DELETE', `/members/${stranger.id}`)).status).toBe(404);
  });

  it('needs role or disabled in a change', async () => {
    const m = await addMember(ctx, people.id, 'viewer');
    const r = await callAsSession(ctx.app, admin, 'PATCH', `/members/${m.id}`, {});
    expect(r.status).toBe(400);
    const bad = await callAsSession(ctx.app, admin, 'PATCH', `/members/${m.id}`, { role: 'king' });
    expect(bad.status).toBe(400);
    expect(bad.body.details[0].path).toBe('role');
  });
});

describe('invitations', () => {
  let team: TestOrg;
  let admin: TestSession;
  let manager: TestSession;

  beforeAll(async () => {
    team = await ctx.org();
    admin = await login(ctx.app, (await addMember(ctx, team.id, 'admin')).email);
    manager = await login(ctx.app, (await addMember(ctx, team.id, 'manager')).email);
  });

  const invite = (s: TestSession, body: Record<string, unknown>) =>
    callAsSession(ctx.app, s, 'POST', '/invitations', body);
  const accept = (body: Record<string, unknown>) =>
    ctx.app.inject({ method: 'POST', url: '/api/invitations/accept', payload: body });
  const preview = (token: string) =>
    ctx.app.inject({ method: 'GET', url: `/api/invitations/by-token/${token}` });

  it('invites by link, and the link creates the account and logs it in', async () => {
    const email = uniqueEmail('new');
    const created = await invite(manager, { email, role: 'annotator' });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({ email, role: 'annotator', status: 'pending', acceptedAt: null });
    expect(created.body.url).toBe(`http://localhost:80/invite/${created.body.token}`);
    const expires = Date.parse(created.body.expiresAt) - Date.parse(created.body.createdAt);
    expect(expires).toBe(7 * 24 * 3600_000);

    const shown = await preview(created.body.token);
    expect(shown.statusCode).toBe(200);
    expect(shown.json()).toMatchObject({ email, role: 'annotator', orgName: team.slug });

    const listed = await callAsSession(ctx.app, manager, 'GET', '/invitations');
    const row = (listed.body.items as Body[]).find((i) => i.id === created.body.id);
    expect(row).toMatchObject({ status: 'pending' });
    expect(row).not.toHaveProperty('token');

    const short = await accept({ token: created.body.token, name: 'New Person', password: 'short' });
    expect(short.statusCode).toBe(400);
    expect((short.json() as Body).details[0].path).toBe('password');
    const nameless = await accept({ token: created.body.token, password: 'long enough password' });
    expect(nameless.statusCode).toBe(400);

    const accepted = await accept({
      token: created.body.token,
      name: 'New Person',
      password: 'long enough password',
    });
    expect(accepted.statusCode).toBe(200);
    const body = accepted.json() as Body;
    expect(body).toMatchObject({
      user: { email, name: 'New Person' },
      org: { id: team.id },
      role: 'annotator',
    });
    const cookie = accepted.cookies.find((c) => c.name === 'gw_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
    const session = { token: cookie?.value ?? '', csrf: body.csrfToken };
    expect((await callAsSession(ctx.app, session, 'GET', '/auth/session')).body.role).toBe('annotator');
    expect((await login(ctx.app, email, 'long enough password')).body.org.id).toBe(team.id);

    const after = await callAsSession(ctx.app, manager, 'GET', '/invitations');
    expect((after.body.items as Body[]).find((i) => i.id === created.body.id)).toMatchObject({
      status: 'accepted',
      acceptedBy: body.user.id,
    });
    const actions = await auditActions(team.id);
    expect(actions).toContain('invitation.create');
    expect(actions).toContain('invitation.accept');
  });

  it('stores only the hash of the token', async () => {
    const created = await invite(admin, { email: uniqueEmail('hash'), role: 'viewer' });
    const [row] = await ctx.db.system.select().from(invitations).where(eq(invitations.id, created.body.id));
    expect(row?.tokenHash).toBe(hashToken(created.body.token));
  });

  it('works once', async () => {
    const created = await invite(admin, { email: uniqueEmail('once'), role: 'viewer' });
    const token = created.body.token;
    expect((await accept({ token, name: 'Once', password: 'long enough password' })).statusCode).toBe(200);
    const again = await accept({ token, name: 'Twice', password: 'long enough password' });
    expect(again.statusCode).toBe(404);
    expect((again.json() as Body).message).toMatch(/already used/);
    expect((await preview(token)).statusCode).toBe(404);
  });

  it('stops working when revoked', async () => {
    const created = await invite(manager, { email: uniqueEmail('revoked'), role: 'reviewer' });
    const revoked = await callAsSession(ctx.app, manager, 'DELETE', `/invitations/${created.body.id}`);
    expect(revoked.status).toBe(200);
    expect(revoked.body.status).toBe('revoked');
    const shown = await preview(created.body.token);
    expect(shown.statusCode).toBe(404);
    expect((shown.json() as Body).message).toMatch(/revoked/);
    expect(
      (await accept({ token: created.body.token, name: 'R', password: 'long enough password' })).statusCode,
    ).toBe(404);
    expect(await auditActions(team.id)).toContain('invitation.revoke');
  });

  it('stops working when expired', async () => {
    const created = await invite(manager, { email: uniqueEmail('expired'), role: 'viewer' });
    await ctx.db.system
      .update(invitations)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(invitations.id, created.body.id));
    const shown = await preview(created.body.token);
    expect(shown.statusCode).toBe(404);
    expect((shown.json() as Body).message).toMatch(/expired/);
    expect(
      (await accept({ token: created.body.token, name: 'E', password: 'long enough password' })).statusCode,
    ).toBe(404);
    const listed = await callAsSession(ctx.app, manager, 'GET', '/invitations');
    expect((listed.body.items as Body[]).find((i) => i.id === created.body.id)?.status).toBe('expired');
  });

  it('answers an unknown token with 404', async () => {
    expect((await preview('nope')).statusCode).toBe(404);
  });

  it('lets an existing account join with its own password', async () => {
    const elsewhere = await addMember(ctx, org.id, 'viewer');
    const created = await invite(admin, { email: elsewhere.email, role: 'manager' });
    const wrong = await accept({ token: created.body.token, password: 'not their password' });
    expect(wrong.statusCode).toBe(401);
    const ok = await accept({ token: created.body.token, password: PASSWORD });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ user: { id: elsewhere.id }, org: { id: team.id }, role: 'manager' });
    // Their first organization stays their default.
    expect((await login(ctx.app, elsewhere.email)).body.org.id).toBe(org.id);
  });

  it('refuses to invite a member, and to accept for someone who became one', async () => {
    const member = await addMember(ctx, team.id, 'viewer');
    const r = await invite(admin, { email: member.email, role: 'viewer' });
    expect(r.status).toBe(409);
    expect(r.body.code).toBe('already_member');

    const later = await addMember(ctx, org.id, 'viewer');
    const created = await invite(admin, { email: later.email, role: 'viewer' });
    await ctx.orgs.addUser(team.id, { email: later.email, role: 'viewer' });
    const accepted = await accept({ token: created.body.token, password: PASSWORD });
    expect(accepted.statusCode).toBe(409);
    expect((accepted.json() as Body).code).toBe('already_member');
  });

  it('limits the roles each role may invite', async () => {
    expect((await invite(manager, { email: uniqueEmail('m'), role: 'manager' })).status).toBe(403);
    expect((await invite(manager, { email: uniqueEmail('m'), role: 'viewer' })).status).toBe(200);
    expect((await invite(admin, { email: uniqueEmail('a'), role: 'admin' })).status).toBe(200);
    const owner = await invite(admin, { email: uniqueEmail('a'), role: 'owner' });
    expect(owner.status).toBe(403);
    expect(owner.body.details[0].path).toBe('role');
    const adminInvite = await invite(admin, { email: uniqueEmail('a'), role: 'admin' });
    expect(
      (await callAsSession(ctx.app, manager, 'DELETE', `/invitations/${adminInvite.body.id}`)).status,
    ).toBe(403);
  });

  it('checks the workforce and the email', async () => {
    const r = await invite(admin, {
      email: uniqueEmail('w'),
      role: 'annotator',
      workforceId: 'a'.repeat(24),
    });
    expect(r.status).toBe(400);
    expect(r.body.details[0].path).toBe('workforceId');
    const bad = await invite(admin, { email: 'not an email', role: 'annotator' });
    expect(bad.status).toBe(400);
    expect(bad.body.details[0].path).toBe('email');
  });

  it('keeps test keys from inviting', async () => {
    const r = await callApi(ctx.app, team.testKey, 'POST', '/invitations', {
      email: uniqueEmail('t'),
      role: 'viewer',
    });
    expect(r.status).toBe(403);
    expect(
      (
        await callApi(ctx.app, team.liveKey, 'POST', '/invitations', {
          email: uniqueEmail('k'),
          role: 'viewer',
        })
      ).status,
    ).toBe(200);
  });

  it("answers another organization's invitation with 404", async () => {
    const created = await callApi(ctx.app, org.liveKey, 'POST', '/invitations', {
      email: uniqueEmail('x'),
      role: 'viewer',
    });
    expect((await callAsSession(ctx.app, admin, 'DELETE', `/invitations/${created.body.id}`)).status).toBe(
      404,
    );
  });
});
