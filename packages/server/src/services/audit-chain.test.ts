import { describe, expect, it } from 'vitest';
import { auditHash, hashedAuditEvent } from '../commands/record-audit.ts';
import type { AuditEventRow } from '../repositories/audit-events.ts';
import { type AuditChainReport, checkAuditLink, describeAuditChain } from './audit-chain.ts';

const at = new Date('2025-01-31T12:00:00.000Z');

/** A stored event chained to `prevHash`, hashed by the recipe. */
function row(id: number, prevHash: string | null, data: Record<string, unknown> = {}): AuditEventRow {
  const base = {
    id,
    orgId: 'o1',
    actorType: 'user' as const,
    actorId: 'u1',
    action: 'task.view',
    targetType: 'task',
    targetId: 't1',
    data,
    createdAt: at,
    ip: '127.0.0.1',
    userAgent: null,
    prevHash,
  };
  return { ...base, hash: auditHash(prevHash, hashedAuditEvent(base)) };
}

describe('checkAuditLink', () => {
  const first = row(1, null);
  const second = row(5, first.hash);

  it('accepts a first event and its successor, whatever the gap between ids', () => {
    expect(checkAuditLink(first, null)).toBeNull();
    expect(checkAuditLink(second, { id: 1, hash: first.hash })).toBeNull();
  });

  it('calls an edited event a hash mismatch', () => {
    const edited = { ...second, data: { via: 'edited' } };
    expect(checkAuditLink(edited, { id: 1, hash: first.hash })).toMatchObject({
      eventId: 5,
      kind: 'hash_mismatch',
      action: 'task.view',
    });
  });

  it('calls a link to another hash a prev_hash mismatch, naming the event before', () => {
    const broken = checkAuditLink(second, { id: 3, hash: 'f'.repeat(64) });
    expect(broken).toMatchObject({ eventId: 5, kind: 'prev_hash_mismatch' });
    expect(broken?.reason).toContain('event 3');
  });

  it('calls a first event with a prev_hash a sign of deleted events', () => {
    expect(checkAuditLink(second, null)).toMatchObject({ eventId: 5, kind: 'unexpected_prev_hash' });
  });

  it('checks the link before the content', () => {
    const both = { ...second, data: { via: 'edited' } };
    expect(checkAuditLink(both, { id: 3, hash: 'f'.repeat(64) })?.kind).toBe('prev_hash_mismatch');
  });
});

describe('describeAuditChain', () => {
  const base: AuditChainReport = {
    orgId: 'o1',
    intact: true,
    verified: 0,
    total: 0,
    lastVerifiedId: null,
    lastVerifiedHash: null,
    broken: null,
  };

  it('reports an intact chain with its count, an empty one included', () => {
    expect(describeAuditChain(base)).toBe('OK: 0 events, chain intact');
    expect(describeAuditChain({ ...base, verified: 1, total: 1 })).toBe('OK: 1 event, chain intact');
  });

  it('reports the first broken link with its time and action', () => {
    const text = describeAuditChain({
      ...base,
      intact: false,
      total: 9,
      broken: { eventId: 7, createdAt: at, action: 'member.update', kind: 'hash_mismatch', reason: 'edited' },
    });
    expect(text).toBe('BROKEN at event 7 (2025-01-31T12:00:00.000Z, member.update): edited');
  });
});
