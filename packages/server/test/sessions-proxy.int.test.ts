/** The client address behind a proxy (GROUNDWORK_TRUST_PROXY) and the sweep of ended sessions. */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.ts';
import { queryRows } from '../src/db/database.ts';
import { sweepSessions } from '../src/repositories/sessions.ts';
import { createTestContext, type TestContext } from './harness.ts';
import { addMember, login } from './session-client.ts';

async function sessionIp(ctx: TestContext, userId: string): Promise<string | null> {
  const [row] = await queryRows<{ ip: string | null }>(
    ctx.db.system,
    sql`SELECT ip FROM sessions WHERE user_id = ${userId} ORDER BY created_at DESC LIMIT 1`,
  );
  return row?.ip ?? null;
}

async function loginFrom(ctx: TestContext, email: string, forwardedFor: string): Promise<number> {
  const response = await ctx.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    headers: { 'x-forwarded-for': forwardedFor },
    payload: { email, password: 'correct horse battery' },
  });
  return response.statusCode;
}

describe('behind a trusted proxy', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext({ GROUNDWORK_TRUST_PROXY: '127.0.0.1' });
  });
  afterAll(() => ctx.close());

  it('takes the client address from X-Forwarded-For', async () => {
    const org = await ctx.org();
    const member = await addMember(ctx, org.id, 'annotator');
    expect(await loginFrom(ctx, member.email, '203.0.113.7')).toBe(200);
    expect(await sessionIp(ctx, member.id)).toBe('203.0.113.7');
  });
});

describe('without a trusted proxy', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext();
  });
  afterAll(() => ctx.close());

  it('ignores X-Forwarded-For', async () => {
    const org = await ctx.org();
    const member = await addMember(ctx, org.id, 'annotator');
    expect(await loginFrom(ctx, member.email, '203.0.113.7')).toBe(200);
    expect(await sessionIp(ctx, member.id)).toBe('127.0.0.1');
  });

  it('sweeps sessions that ended: ends overdue ones, deletes tombstones after 30 days', async () => {
    const org = await ctx.org();
    const member = await addMember(ctx, org.id, 'annotator');
    await login(ctx.app, member.email);
    await login(ctx.app, member.email);
    const count = async (where = sql`true`) =>
      (
        await queryRows<{ n: number }>(
          ctx.db.system,
          sql`SELECT count(*)::int AS n FROM sessions WHERE user_id = ${member.id} AND ${where}`,
        )
      )[0]?.n;
    expect(await count()).toBe(2);
    const now = new Date();
    const idleSince = new Date(now.getTime() - 12 * 3600_000);
    expect(await sweepSessions(ctx.db.system, now, idleSince)).toBe(0);
    await ctx.db.system.execute(
      sql`UPDATE sessions SET last_seen_at = now() - interval '13 hours'
           WHERE id = (SELECT id FROM sessions WHERE user_id = ${member.id} LIMIT 1)`,
    );
    // The idle session ends (a tombstone, so a replay of its cookie is recognised); nothing is deleted yet.
    expect(await sweepSessions(ctx.db.system, now, idleSince)).toBe(0);
    expect(await count(sql`ended_at IS NULL`)).toBe(1);
    expect(await count(sql`end_reason = 'expired'`)).toBe(1);
    await ctx.db.system.execute(
      sql`UPDATE sessions SET ended_at = now() - interval '31 days' WHERE user_id = ${member.id} AND ended_at IS NOT NULL`,
    );
    expect(await sweepSessions(ctx.db.system, now, idleSince)).toBe(1);
    expect(await count()).toBe(1);
  });
});

describe('GROUNDWORK_TRUST_PROXY', () => {
  it('accepts true, a hop count or proxy addresses, and names itself when wrong', () => {
    expect(loadConfig({ GROUNDWORK_TRUST_PROXY: 'true' }).trustProxy).toBe(true);
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ GROUNDWORK_TRUST_PROXY: '10.0.0.0/8, 127.0.0.1' }).trustProxy).toEqual([
      '10.0.0.0/8',
      '127.0.0.1',
    ]);
    const hops = loadConfig({ GROUNDWORK_TRUST_PROXY: '1' }).trustProxy as (
      a: string,
      hop: number,
    ) => boolean;
    expect([hops('x', 0), hops('x', 1)]).toEqual([true, false]);
    expect(() => loadConfig({ GROUNDWORK_TRUST_PROXY: 'maybe' })).toThrow(ConfigError);
    try {
      loadConfig({ GROUNDWORK_TRUST_PROXY: 'maybe' });
    } catch (error) {
      expect((error as ConfigError).problems.join('\n')).toContain('GROUNDWORK_TRUST_PROXY');
    }
  });
});
