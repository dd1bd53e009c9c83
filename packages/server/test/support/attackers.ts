/**
 * The attackers of the isolation suites: the members of another organization (B) in every role, logged
 * in, and a person who belongs to both organizations signed in to B; B's live and test API keys; and
 * the callers who are nobody — no credentials, a key of the victim that was revoked, a session of the
 * victim that expired, and a session cookie nobody issued.
 */
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../src/db/database.ts';
import { ROLES, type Role } from '../../src/services/principal.ts';
import type { TestContext, TestOrg } from '../harness.ts';
import { addMember, login, PASSWORD } from '../session-client.ts';
import { type Credential, send, sendOk } from './http.ts';
import type { Victim } from './victim.ts';

/** One attacker. */
export interface Attacker {
  /** A short name for test output (`B manager`, `revoked A key`, …). */
  label: string;
  credential: Credential;
  /**
   * The role the attacker acts with in organization B (`admin` for B's keys, as the server treats
   * keys); null for callers who are nobody.
   */
  role: Role | null;
  /**
   * The email and password of a member of B only: login probes try them on the victim's organization.
   * Null for the others (login probes then try the victim's owner with a wrong password).
   */
  login: { email: string; password: string } | null;
  /** Signs a session attacker in again after a probe (logout) ended the session; null for the others. */
  signIn: (() => Promise<Credential>) | null;
}

/** The attackers, with what is needed to keep their sessions alive. */
export interface Attackers {
  /** Organization B. */
  org: TestOrg;
  all: Attacker[];
  /** Logs the session attackers in again if a probe (logout) ended their session. */
  refreshSessions(): Promise<void>;
}

/** Creates organization B with one member per role, and the credentials that are nobody's. */
export async function createAttackers(ctx: TestContext, victim: Victim): Promise<Attackers> {
  const app = ctx.app;
  const orgB = await ctx.org(`attacker-${randomBytes(4).toString('hex')}`);
  const all: Attacker[] = [];
  const signIn = (email: string, org?: string) => async (): Promise<Credential> => {
    const session = await login(app, email, PASSWORD, org);
    return { kind: 'session', token: session.token, csrf: session.csrf };
  };
  for (const role of ROLES) {
    const member = await addMember(ctx, orgB.id, role);
    all.push({
      label: `B ${role}`,
      credential: await signIn(member.email)(),
      role,
      login: { email: member.email, password: PASSWORD },
      signIn: signIn(member.email),
    });
  }
  // A person in both organizations — B's admin, the victim's viewer — signed in to B: what the session
  // may touch is B's, whatever else the person belongs to.
  const both = await addMember(ctx, orgB.id, 'admin');
  await ctx.orgs.addUser(victim.org.id, { email: both.email, role: 'viewer', password: PASSWORD });
  all.push({
    label: 'B admin who is also an A viewer',
    credential: await signIn(both.email, orgB.slug)(),
    role: 'admin',
    login: null,
    signIn: signIn(both.email, orgB.slug),
  });
  const nobody = { login: null, signIn: null };
  all.push({ label: 'B live key', credential: { kind: 'key', key: orgB.liveKey }, role: 'admin', ...nobody });
  all.push({ label: 'B test key', credential: { kind: 'key', key: orgB.testKey }, role: 'admin', ...nobody });
  all.push({ label: 'no credentials', credential: { kind: 'none' }, role: null, ...nobody });

  // A key of the victim that worked once, then was revoked through the API.
  const made = await sendOk(app, victim.key, 'POST', '/api/api-keys', {
    name: 'to revoke',
    environment: 'live',
  });
  const revoked: Credential = { kind: 'key', key: made.key as string };
  const before = await send(app, revoked, { method: 'GET', url: '/api/org' });
  if (before.status !== 200) throw new Error(`the key to revoke did not work: ${before.status}`);
  await sendOk(app, victim.key, 'DELETE', `/api/api-keys/${made.id as string}`);
  all.push({ label: 'revoked A key', credential: revoked, role: null, ...nobody });

  // A session of the victim's viewer whose time ran out (never used, so no process caches it as live).
  const viewer = await login(app, victim.members.viewer.email);
  const expired = await queryRows(
    ctx.db.system,
    sql`UPDATE sessions SET expires_at = now() - interval '1 minute', last_seen_at = now() - interval '2 days'
         WHERE org_id = ${victim.org.id} AND user_id = ${victim.members.viewer.id} RETURNING id`,
  );
  if (expired.length !== 1) throw new Error(`expected one session of the viewer, found ${expired.length}`);
  all.push({
    label: 'expired A session',
    credential: { kind: 'session', token: viewer.token, csrf: viewer.csrf },
    role: null,
    ...nobody,
  });
  all.push({
    label: 'forged cookie',
    credential: {
      kind: 'session',
      token: randomBytes(32).toString('base64url'),
      csrf: randomBytes(32).toString('base64url'),
    },
    role: null,
    ...nobody,
  });

  return {
    org: orgB,
    all,
    async refreshSessions() {
      for (const attacker of all) {
        if (!attacker.signIn) continue;
        const alive = await send(app, attacker.credential, { method: 'GET', url: '/api/auth/session' });
        if (alive.status !== 200) attacker.credential = await attacker.signIn();
      }
    },
  };
}
