import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  auditAppendStatements,
  auditHash,
  canonicalJson,
  hashedAuditEvent,
  MAX_USER_AGENT_LENGTH,
  normalizedAuditData,
} from './record-audit.ts';

const at = new Date('2025-01-31T12:00:00.000Z');

describe('canonicalJson', () => {
  it('sorts keys at every level and leaves out undefined', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: null }], c: undefined } })).toBe(
      '{"a":{"d":[2,{"y":null,"z":1}]},"b":1}',
    );
  });

  it('does not depend on key order', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (value) => {
        const reversed = Object.fromEntries(Object.entries(value).reverse());
        expect(canonicalJson(reversed)).toBe(canonicalJson(value));
      }),
    );
  });

  it('reads back as the same JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const normalized = JSON.parse(JSON.stringify(value) ?? 'null');
        expect(JSON.parse(canonicalJson(value))).toEqual(normalized);
      }),
    );
  });
});

describe('the hash recipe', () => {
  it('matches a hash computed by hand (sha256sum) for a first event without an origin', () => {
    const event = hashedAuditEvent({
      orgId: 'o1',
      actorType: 'system',
      actorId: null,
      action: 'org.create',
      targetType: 'organization',
      targetId: 'o1',
      data: { slug: 'acme' },
      createdAt: at,
      ip: null,
      userAgent: null,
    });
    expect(Object.keys(event)).not.toContain('ip');
    expect(Object.keys(event)).not.toContain('user_agent');
    expect(auditHash(null, event)).toBe('0b737b74f4b999f3780b9cc3e43a2f01734c36ba8c80c64bd2f2c904284a6c18');
  });

  it('covers the origin and the previous hash (UTF-8 bytes)', () => {
    const event = hashedAuditEvent({
      orgId: 'o1',
      actorType: 'user',
      actorId: 'u1',
      action: 'task.view',
      targetType: 'task',
      targetId: 't1',
      data: { via: 'task' },
      createdAt: at,
      ip: '203.0.113.7',
      userAgent: 'Mozilla/5.0 é',
    });
    expect(auditHash('abc', event)).toBe('6ee7ae0e49a6b1e47d1e823102115c2f5329ece78c00a92b010a009a5d408a11');
    expect(auditHash('abd', event)).not.toBe(auditHash('abc', event));
  });
});

describe('normalizedAuditData', () => {
  it('is what the database hands back: dates as strings, no undefined, well-formed strings', () => {
    expect(normalizedAuditData({ when: at, gone: undefined, list: [undefined, 1], bad: 'a\uD800b' })).toEqual(
      {
        when: '2025-01-31T12:00:00.000Z',
        list: [null, 1],
        bad: 'a\uFFFDb',
      },
    );
  });

  it('keeps an empty object empty', () => {
    expect(normalizedAuditData({})).toEqual({});
  });
});

describe('auditAppendStatements', () => {
  const input = {
    orgId: 'a'.repeat(24),
    actor: { type: 'user' as const, id: 'u1', origin: { ip: '10.0.0.1', userAgent: 'x'.repeat(600) } },
    action: 'task.view',
    target: { type: 'task', id: 't1' },
    data: { when: at },
  };

  it('locks the organization first, then appends with the canonical event the hash covers', () => {
    const [lock, append] = auditAppendStatements(input, at);
    expect(lock?.text).toContain('pg_advisory_xact_lock');
    expect(lock?.values).toEqual([input.orgId]);
    const values = append?.values ?? [];
    expect(values.slice(0, 10)).toEqual([
      input.orgId,
      'user',
      'u1',
      'task.view',
      'task',
      't1',
      '{"when":"2025-01-31T12:00:00.000Z"}',
      '2025-01-31T12:00:00.000Z',
      '10.0.0.1',
      'x'.repeat(MAX_USER_AGENT_LENGTH),
    ]);
    expect(JSON.parse(values[10] as string)).toEqual({
      org_id: input.orgId,
      actor_type: 'user',
      actor_id: 'u1',
      action: 'task.view',
      target_type: 'task',
      target_id: 't1',
      data: { when: '2025-01-31T12:00:00.000Z' },
      created_at: '2025-01-31T12:00:00.000Z',
      ip: '10.0.0.1',
      user_agent: 'x'.repeat(MAX_USER_AGENT_LENGTH),
    });
  });

  it('stores no origin for the system, and an empty origin as none', () => {
    const system = auditAppendStatements({ ...input, actor: { type: 'system', id: null } }, at)[1];
    expect(system?.values.slice(8, 10)).toEqual([null, null]);
    expect(JSON.parse(system?.values[10] as string)).not.toHaveProperty('ip');
    const empty = auditAppendStatements(
      { ...input, actor: { type: 'user', id: 'u1', origin: { ip: '', userAgent: '' } } },
      at,
    )[1];
    expect(empty?.values.slice(8, 10)).toEqual([null, null]);
  });
});
