/**
 * `/api/workforces` and the members' workforce and skills (`/api/members/{userId}/…`): validation
 * naming fields, another organization's things answering 404, archiving refused while routed, the
 * roles each route needs (through real login sessions) and the audit trail.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../src/db/database.ts';
import type { Role } from '../src/services/principal.ts';
import { csrfTokenFor } from '../src/services/sessions.ts';
import {
  type Body,
  callApi,
  createTestContext,
  errorPaths,
  type TestContext,
  type TestOrg,
} from './harness.ts';
import { callAsSession } from './session-client.ts';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

let ctx: TestContext;
let org: TestOrg;
let other: TestOrg;
let people = 0;

beforeAll(async () => {
  ctx = await createTestContext();
  org = await ctx.org();
  other = await ctx.org();
});
afterAll(() => ctx.close());

/** Calls `/api` with an API key (acts as admin) or a session token of a member. */
async function call(
  method: Method,
  url: string,
  payload?: unknown,
  as: { key: string } | { session: string } = { key: org.liveKey },
): Promise<{ status: number; body: Body }> {
  return 'key' in as
    ? callApi(ctx.app, as.key, method, url, payload)
    : callAsSession(ctx.app, { token: as.session, csrf: csrfTokenFor(as.session) }, method, url, payload);
}

/** A new member of `inOrg`; with `login`, also a session token. */
async function member(role: Role, inOrg = org): Promise<{ id: string; email: string; session: string }> {
  const email = `wf-${++people}-${role}@example.com`;
  const password = 'correct horse battery';
  const user = await ctx.orgs.addUser(inOrg.id, { email, role, password });
  const { token } = await ctx.app.services.sessions.login(
    { email, password, org: inOrg.slug },
    { ip: '127.0.0.1', userAgent: null },
  );
  return { id: user.id, email, session: token };
}

let names = 0;
async function workforce(overrides: Record<string, unknown> = {}, key = org.liveKey): Promise<Body> {
  const created = await call(
    'POST',
    '/workforces',
    { name: `team ${++names}`, kind: 'internal', ...overrides },
    { key },
  );
  expect(created.status).toBe(200);
  return created.body;
}

async function auditActions(orgId: string): Promise<string[]> {
  const rows = await queryRows<{ action: string }>(
    ctx.db.system,
    sql`SELECT action FROM audit_events WHERE org_id = ${orgId} ORDER BY id`,
  );
  return rows.map((r) => r.action);
}

describe('/api/workforces', () => {
  it('creates, reads, lists, renames and describes a workforce', async () => {
    const created = await call('POST', '/workforces', {
      name: 'Acme Labeling',
      kind: 'vendor',
      contact: 'ops@acme.example',
      description: 'Night shift',
    });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({
      name: 'Acme Labeling',
      kind: 'vendor',
      contact: 'ops@acme.example',
      description: 'Night shift',
      archived: false,
    });
    const id = created.body.id as string;
    expect((await call('GET', `/workforces/${id}`)).body.name).toBe('Acme Labeling');
    const list = await call('GET', '/workforces');
    expect(list.body.items.map((w: Body) => w.id)).toContain(id);

    const patched = await call('PATCH', `/workforces/${id}`, { name: 'Acme', contact: null });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({
      name: 'Acme',
      contact: null,
      description: 'Night shift',
      kind: 'vendor',
    });
    expect(await auditActions(org.id)).toEqual(
      expect.arrayContaining(['workforce.create', 'workforce.update']),
    );
  });

  it('answers 409 name_taken on a duplicate name, at creation and on rename', async () => {
    const a = await workforce({ name: 'Blue team' });
    const dup = await call('POST', '/workforces', { name: 'Blue team', kind: 'internal' });
    expect(dup.status).toBe(409);
    expect(dup.body.code).toBe('name_taken');
    const b = await workforce({ name: 'Red team' });
    const rename = await call('PATCH', `/workforces/${b.id}`, { name: 'Blue team' });
    expect(rename.status).toBe(409);
    expect(rename.body.code).toBe('name_taken');
    expect((await call('GET', `/workforces/${b.id}`)).body.name).toBe('Red team');
    expect((await call('GET', `/workforces/${a.id}`)).body.name).toBe('Blue team');
    // Another organization may use the same name.
    expect(
      (await call('POST', '/workforces', { name: 'Blue team', kind: 'internal' }, { key: other.liveKey }))
        .status,
    ).toBe(200);
  });

  it('refuses bad input with a 400 naming the field', async () => {
    const bad = await call('POST', '/workforces', { name: '  ', kind: 'contractor' });
    expect(bad.status).toBe(400);
    expect(errorPaths(bad.body).sort()).toEqual(['kind', 'name']);
    const missing = await call('POST', '/workforces', { kind: 'vendor' });
    expect(errorPaths(missing.body)).toEqual(['name']);
    const w = await workforce();
    const patch = await call('PATCH', `/workforces/${w.id}`, { archived: 'yes' });
    expect(patch.status).toBe(400);
    expect(errorPaths(patch.body)).toEqual(['archived']);
  });

  it("answers another organization's workforce exactly like an unknown one", async () => {
    const theirs = await workforce({}, other.liveKey);
    for (const id of [theirs.id, '0123456789abcdef01234567', 'not-an-id']) {
      const get = await call('GET', `/workforces/${id}`);
      expect(get.status).toBe(404);
      expect(get.body).toMatchObject({ code: 'not_found', message: `No workforce found with id "${id}".` });
      expect((await call('PATCH', `/workforces/${id}`, { name: 'mine now' })).status).toBe(404);
      expect((await call('DELETE', `/workforces/${id}`)).status).toBe(404);
      expect((await call('GET', `/workforces/${id}/members`)).status).toBe(404);
    }
    expect((await call('GET', '/workforces')).body.items.map((w: Body) => w.id)).not.toContain(theirs.id);
    expect((await call('GET', `/workforces/${theirs.id}`, undefined, { key: other.liveKey })).body.name).toBe(
      theirs.name,
    );
  });

  it('refuses to archive a workforce a project routes to, naming the projects; archives it once unrouted', async () => {
    const w = await workforce({ name: 'Routed team' });
    for (const [name, key] of [
      ['routed-live', org.liveKey],
      ['routed-test', org.testKey],
    ] as const) {
      const project = await call(
        'POST',
        '/projects',
        { name, type: 'categorization', routing: { workforces: [{ id: w.id }] } },
        { key },
      );
      expect(project.status).toBe(200);
    }
    const refused = await call('DELETE', `/workforces/${w.id}`);
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('workforce_in_use');
    expect(refused.body.message).toContain('"routed-live"');
    expect(refused.body.message).toContain('"routed-test" (test)');
    expect((await call('PATCH', `/workforces/${w.id}`, { archived: true })).status).toBe(409);
    expect((await call('GET', `/workforces/${w.id}`)).body.archived).toBe(false);

    for (const [name, key] of [
      ['routed-live', org.liveKey],
      ['routed-test', org.testKey],
    ] as const) {
      const unrouted = await call(
        'PUT',
        `/projects/${name}/workflow`,
        { routing: { workforces: [] } },
        { key },
      );
      expect(unrouted.status).toBe(200);
    }
    const archived = await call('DELETE', `/workforces/${w.id}`);
    expect(archived.status).toBe(200);
    expect(archived.body.archived).toBe(true);
    expect((await call('GET', '/workforces?archived=false')).body.items.map((x: Body) => x.id)).not.toContain(
      w.id,
    );
    expect((await call('GET', '/workforces?archived=true')).body.items.map((x: Body) => x.id)).toEqual([
      w.id,
    ]);

    // An archived workforce can be neither routed to nor joined.
    const route = await call('PUT', '/projects/routed-live/workflow', {
      routing: { workforces: [{ id: w.id }] },
    });
    expect(route.status).toBe(400);
    expect(route.body.details).toEqual([
      { path: 'routing.workforces.0.id', message: 'the workforce is archived' },
    ]);
    const person = await member('annotator');
    const join = await call('PUT', `/members/${person.id}/workforce`, { workforceId: w.id });
    expect(join.status).toBe(400);
    expect(errorPaths(join.body)).toEqual(['workforceId']);

    const restored = await call('PATCH', `/workforces/${w.id}`, { archived: false });
    expect(restored.body.archived).toBe(false);
    expect((await call('PUT', `/members/${person.id}/workforce`, { workforceId: w.id })).status).toBe(200);
    expect(await auditActions(org.id)).toEqual(
      expect.arrayContaining(['workforce.archive', 'workforce.restore']),
    );
  });
});

describe('members and their workforce', () => {
  it("puts members in a workforce, lists them, and takes them out; the member list is the workforce's", async () => {
    const w = await workforce({ name: 'Vendor A', kind: 'vendor' });
    const v = await workforce({ name: 'Vendor B', kind: 'vendor' });
    const ann = await member('annotator');
    const rev = await member('reviewer');
    const set = await call('PUT', `/members/${ann.id}/workforce`, { workforceId: w.id });
    expect(set.status).toBe(200);
    expect(set.body).toEqual({ userId: ann.id, workforceId: w.id });
    await call('PUT', `/members/${rev.id}/workforce`, { workforceId: w.id });

    const listed = await call('GET', `/workforces/${w.id}/members`);
    expect(listed.status).toBe(200);
    expect(listed.body.items.map((m: Body) => m.email)).toEqual([ann.email, rev.email].sort());
    expect(listed.body.items.find((m: Body) => m.userId === rev.id)).toMatchObject({
      role: 'reviewer',
      disabled: false,
    });

    await call('PUT', `/members/${rev.id}/workforce`, { workforceId: v.id });
    await call('PUT', `/members/${ann.id}/workforce`, { workforceId: null });
    expect((await call('GET', `/workforces/${w.id}/members`)).body.items).toEqual([]);
    expect((await call('GET', `/workforces/${v.id}/members`)).body.items.map((m: Body) => m.userId)).toEqual([
      rev.id,
    ]);
    expect(await auditActions(org.id)).toContain('member.set_workforce');
  });

  it("answers 404 for another organization's member and 400 for its workforce", async () => {
    const outsider = await member('annotator', other);
    const mine = await workforce();
    const notMember = await call('PUT', `/members/${outsider.id}/workforce`, { workforceId: mine.id });
    expect(notMember.status).toBe(404);
    expect(notMember.body.code).toBe('not_found');
    expect((await call('PUT', '/members/nobody/workforce', { workforceId: null })).status).toBe(404);

    const theirs = await workforce({}, other.liveKey);
    const insider = await member('annotator');
    const foreign = await call('PUT', `/members/${insider.id}/workforce`, { workforceId: theirs.id });
    expect(foreign.status).toBe(400);
    expect(foreign.body.details).toEqual([{ path: 'workforceId', message: 'no such workforce' }]);
    const missing = await call('PUT', `/members/${insider.id}/workforce`, {});
    expect(missing.status).toBe(400);
    expect(errorPaths(missing.body)).toEqual(['workforceId']);
  });
});

describe("members' skills", () => {
  it('grants, renews, lists and revokes skills, recording who granted them', async () => {
    const ann = await member('annotator');
    const granted = await call('PUT', `/members/${ann.id}/skills/medicine`, {});
    expect(granted.status).toBe(200);
    expect(granted.body).toMatchObject({
      skill: 'medicine',
      source: 'granted',
      expiresAt: null,
      active: true,
    });
    expect(granted.body.grantedBy).toMatchObject({ type: 'api_key' });

    const expiresAt = new Date(Date.now() + 86_400_000).toISOString();
    const renewed = await call('PUT', `/members/${ann.id}/skills/medicine`, { expiresAt });
    expect(renewed.body.expiresAt).toBe(expiresAt);
    expect((await call('PUT', `/members/${ann.id}/skills/lidar`)).status).toBe(200);

    const list = await call('GET', `/members/${ann.id}/skills`);
    expect(list.status).toBe(200);
    expect(list.body.items.map((s: Body) => [s.skill, s.expiresAt])).toEqual([
      ['lidar', null],
      ['medicine', expiresAt],
    ]);

    const revoked = await call('DELETE', `/members/${ann.id}/skills/lidar`);
    expect(revoked.status).toBe(200);
    expect(revoked.body.skill).toBe('lidar');
    const again = await call('DELETE', `/members/${ann.id}/skills/lidar`);
    expect(again.status).toBe(404);
    expect((await call('GET', `/members/${ann.id}/skills`)).body.items.map((s: Body) => s.skill)).toEqual([
      'medicine',
    ]);
    expect(await auditActions(org.id)).toEqual(
      expect.arrayContaining(['member.grant_skill', 'member.revoke_skill']),
    );
  });

  it('shows an expired skill as inactive', async () => {
    const ann = await member('annotator');
    await ctx.db.system.execute(
      sql`INSERT INTO member_skills (org_id, user_id, skill, source, expires_at)
          VALUES (${org.id}, ${ann.id}, 'python', 'qualification', now() - interval '1 day')`,
    );
    const list = await call('GET', `/members/${ann.id}/skills`);
    expect(list.body.items).toEqual([
      expect.objectContaining({ skill: 'python', source: 'qualification', active: false, grantedBy: null }),
    ]);
  });

  it('refuses a bad skill name or a past expiry with a 400 naming the field', async () => {
    const ann = await member('annotator');
    const upper = await call('PUT', `/members/${ann.id}/skills/Medicine`, {});
    expect(upper.status).toBe(400);
    expect(errorPaths(upper.body)).toEqual(['skill']);
    const past = await call('PUT', `/members/${ann.id}/skills/medicine`, {
      expiresAt: '2001-01-01T00:00:00Z',
    });
    expect(past.status).toBe(400);
    expect(errorPaths(past.body)).toEqual(['expiresAt']);
    const garbage = await call('PUT', `/members/${ann.id}/skills/medicine`, { expiresAt: 'soon' });
    expect(garbage.status).toBe(400);
    expect(errorPaths(garbage.body)).toEqual(['expiresAt']);
    expect((await call('GET', `/members/${ann.id}/skills`)).body.items).toEqual([]);
  });

  it("answers 404 for another organization's member", async () => {
    const outsider = await member('annotator', other);
    await call('PUT', `/members/${outsider.id}/skills/medicine`, {}, { key: other.liveKey });
    expect((await call('GET', `/members/${outsider.id}/skills`)).status).toBe(404);
    expect((await call('PUT', `/members/${outsider.id}/skills/medicine`, {})).status).toBe(404);
    expect((await call('DELETE', `/members/${outsider.id}/skills/medicine`)).status).toBe(404);
    const theirs = await call('GET', `/members/${outsider.id}/skills`, undefined, { key: other.liveKey });
    expect(theirs.body.items.map((s: Body) => s.skill)).toEqual(['medicine']);
  });
});

describe('roles', () => {
  it('lets managers read workforces and grant skills, but only admins change workforces and memberships', async () => {
    const manager = await member('manager');
    const target = await member('annotator');
    const w = await workforce();
    const asManager = { session: manager.session };
    expect((await call('GET', '/workforces', undefined, asManager)).status).toBe(200);
    expect((await call('GET', `/workforces/${w.id}/members`, undefined, asManager)).status).toBe(200);
    for (const [method, url, body] of [
      ['POST', '/workforces', { name: 'by manager', kind: 'internal' }],
      ['PATCH', `/workforces/${w.id}`, { name: 'renamed by manager' }],
      ['DELETE', `/workforces/${w.id}`, undefined],
      ['PUT', `/members/${target.id}/workforce`, { workforceId: w.id }],
    ] as const) {
      const refused = await call(method, url, body, asManager);
      expect(refused.status, `${method} ${url}`).toBe(403);
      expect(refused.body.code).toBe('forbidden');
    }
    const granted = await call('PUT', `/members/${target.id}/skills/lidar`, {}, asManager);
    expect(granted.status).toBe(200);
    expect(granted.body.grantedBy).toEqual({ type: 'user', id: manager.id });

    const admin = await member('admin');
    expect(
      (
        await call(
          'PUT',
          `/members/${target.id}/workforce`,
          { workforceId: w.id },
          { session: admin.session },
        )
      ).status,
    ).toBe(200);
  });

  it('keeps workforces and skills from annotators, reviewers and viewers', async () => {
    const w = await workforce();
    const target = await member('annotator');
    for (const role of ['annotator', 'reviewer', 'viewer'] as const) {
      const as = { session: (await member(role)).session };
      expect((await call('GET', '/workforces', undefined, as)).status, role).toBe(403);
      expect((await call('GET', `/workforces/${w.id}`, undefined, as)).status, role).toBe(403);
      expect((await call('GET', `/members/${target.id}/skills`, undefined, as)).status, role).toBe(403);
      expect((await call('PUT', `/members/${target.id}/skills/lidar`, {}, as)).status, role).toBe(403);
    }
  });
});
