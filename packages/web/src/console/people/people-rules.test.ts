import { describe, expect, it } from 'vitest';
import {
  acceptFormProblems,
  countByWorkforce,
  type Invitation,
  invitableRoles,
  invitationTone,
  type Member,
  matchesMember,
  mayRevokeInvitation,
  memberActions,
  parseEmailList,
  parseSkill,
  sortInvitations,
  sortMembers,
  sortWorkforces,
  type Workforce,
} from './people-rules.ts';

function member(overrides: Partial<Member> = {}): Member {
  return {
    userId: 'u-member',
    email: 'member@example.com',
    name: 'Member',
    role: 'annotator',
    workforceId: null,
    disabled: false,
    createdAt: '2026-01-01T00:00:00.000Z',
    ...overrides,
  };
}

function workforce(overrides: Partial<Workforce> = {}): Workforce {
  return {
    id: 'w1',
    name: 'Team',
    kind: 'internal',
    contact: null,
    description: null,
    archived: false,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...overrides,
  };
}

function invitation(overrides: Partial<Invitation> = {}): Invitation {
  return {
    id: 'i1',
    email: 'new@example.com',
    role: 'annotator',
    workforceId: null,
    status: 'pending',
    invitedBy: null,
    createdAt: '2026-01-01T00:00:00.000Z',
    expiresAt: '2026-01-08T00:00:00.000Z',
    acceptedAt: null,
    acceptedBy: null,
    revokedAt: null,
    ...overrides,
  };
}

describe('invitableRoles', () => {
  it('lets a manager invite only annotators, reviewers and viewers', () => {
    expect(invitableRoles('manager')).toEqual(['annotator', 'reviewer', 'viewer']);
  });
  it('lets an admin invite every role but owner', () => {
    expect(invitableRoles('admin')).toEqual(['admin', 'manager', 'reviewer', 'annotator', 'viewer']);
  });
  it('lets an owner invite every role', () => {
    expect(invitableRoles('owner')).toContain('owner');
    expect(invitableRoles('owner')).toHaveLength(6);
  });
  it('lets reviewers, annotators and viewers invite nobody', () => {
    expect(invitableRoles('reviewer')).toEqual([]);
    expect(invitableRoles('annotator')).toEqual([]);
    expect(invitableRoles('viewer')).toEqual([]);
  });
  it('uses the same rule for revoking', () => {
    expect(mayRevokeInvitation('manager', 'admin')).toBe(false);
    expect(mayRevokeInvitation('manager', 'annotator')).toBe(true);
    expect(mayRevokeInvitation('admin', 'owner')).toBe(false);
  });
});

describe('memberActions', () => {
  const owner = member({ userId: 'u-owner', role: 'owner' });
  const admin = member({ userId: 'u-admin', role: 'admin' });
  const annotator = member({ userId: 'u-ann', role: 'annotator' });
  const everyone = [owner, admin, annotator];

  it('gives an admin every role but owner for an annotator, and removal', () => {
    const actions = memberActions({ userId: 'u-admin', role: 'admin' }, annotator, everyone);
    expect(actions.roles).toEqual(['admin', 'manager', 'reviewer', 'annotator', 'viewer']);
    expect(actions.remove).toBe(true);
    expect(actions.toggleDisabled).toBe(true);
    expect(actions.moveWorkforce).toBe(true);
    expect(actions.locked).toBeNull();
  });

  it('lets an owner grant the owner role', () => {
    expect(memberActions({ userId: 'u-owner', role: 'owner' }, annotator, everyone).roles).toContain('owner');
  });

  it('lets a manager change no member, but says why', () => {
    const actions = memberActions({ userId: 'u-m', role: 'manager' }, annotator, everyone);
    expect(actions.roles).toEqual([]);
    expect(actions.remove).toBe(false);
    expect(actions.moveWorkforce).toBe(false);
    expect(actions.locked).toMatch(/admins and owners/);
  });

  it('never lets someone change their own role, but lets an admin move themselves between workforces', () => {
    const actions = memberActions({ userId: 'u-admin', role: 'admin' }, admin, everyone);
    expect(actions.roles).toEqual([]);
    expect(actions.remove).toBe(false);
    expect(actions.moveWorkforce).toBe(true);
    expect(actions.locked).toMatch(/your own/);
  });

  it('does not let an admin touch an owner', () => {
    const second = member({ userId: 'u-owner2', role: 'owner' });
    const actions = memberActions({ userId: 'u-admin', role: 'admin' }, second, [...everyone, second]);
    expect(actions.roles).toEqual([]);
    expect(actions.remove).toBe(false);
    expect(actions.locked).toMatch(/Only an owner/);
  });

  it('keeps the last enabled owner an owner, even for another owner', () => {
    const disabledOwner = member({ userId: 'u-owner2', role: 'owner', disabled: true });
    const actions = memberActions({ userId: 'u-owner2', role: 'owner' }, owner, [...everyone, disabledOwner]);
    expect(actions.remove).toBe(false);
    expect(actions.locked).toMatch(/last owner/);
  });

  it('lets an owner demote one of two enabled owners', () => {
    const second = member({ userId: 'u-owner2', role: 'owner' });
    const actions = memberActions({ userId: 'u-owner', role: 'owner' }, second, [...everyone, second]);
    expect(actions.remove).toBe(true);
    expect(actions.roles).toHaveLength(6);
  });
});

describe('parseSkill', () => {
  it('lowercases and joins words with dashes', () => {
    expect(parseSkill('  Medical Imaging ')).toEqual({ ok: true, skill: 'medical-imaging' });
  });
  it('keeps dots, underscores and digits', () => {
    expect(parseSkill('lidar_3d.v2')).toEqual({ ok: true, skill: 'lidar_3d.v2' });
  });
  it('refuses an empty name', () => {
    expect(parseSkill('   ')).toEqual({ ok: false, message: 'Type a skill name.' });
  });
  it('refuses a name starting with a dash or holding other characters', () => {
    expect(parseSkill('-x').ok).toBe(false);
    expect(parseSkill('c++').ok).toBe(false);
    expect(parseSkill('médecine').ok).toBe(false);
  });
  it('accepts 63 characters and refuses 64', () => {
    expect(parseSkill('a'.repeat(63)).ok).toBe(true);
    expect(parseSkill('a'.repeat(64))).toEqual({ ok: false, message: 'Use at most 63 characters.' });
  });
});

describe('parseEmailList', () => {
  it('splits on commas, semicolons, spaces and new lines, lowercases and drops repeats', () => {
    expect(parseEmailList('A@x.io, b@x.io;\nc@x.io  a@X.io')).toEqual({
      emails: ['a@x.io', 'b@x.io', 'c@x.io'],
      invalid: [],
    });
  });
  it('reads Name <address> pairs', () => {
    expect(parseEmailList('Priya Raman <priya@acme.example>, Tom <tom@acme.example>').emails).toEqual([
      'priya@acme.example',
      'tom@acme.example',
    ]);
  });
  it('lists pieces that are not addresses as typed', () => {
    expect(parseEmailList('ok@x.io, nope, @x.io')).toEqual({
      emails: ['ok@x.io'],
      invalid: ['nope', '@x.io'],
    });
  });
  it('gives two empty lists for an empty box', () => {
    expect(parseEmailList(' \n ')).toEqual({ emails: [], invalid: [] });
  });
});

describe('countByWorkforce', () => {
  it('counts members and active members per workforce and leaves out members without one', () => {
    const counts = countByWorkforce([
      member({ userId: '1', workforceId: 'w1' }),
      member({ userId: '2', workforceId: 'w1', disabled: true }),
      member({ userId: '3', workforceId: 'w2' }),
      member({ userId: '4', workforceId: null }),
    ]);
    expect(counts.get('w1')).toEqual({ total: 2, active: 1 });
    expect(counts.get('w2')).toEqual({ total: 1, active: 1 });
    expect(counts.size).toBe(2);
  });
  it('gives an empty map for no members', () => {
    expect(countByWorkforce([]).size).toBe(0);
  });
});

describe('ordering', () => {
  it('puts active workforces first, own staff before vendors, then by name', () => {
    const sorted = sortWorkforces([
      workforce({ id: 'a', name: 'Zeta', kind: 'vendor' }),
      workforce({ id: 'b', name: 'Alpha', kind: 'vendor', archived: true }),
      workforce({ id: 'c', name: 'Beta', kind: 'vendor' }),
      workforce({ id: 'd', name: 'Staff', kind: 'internal' }),
    ]);
    expect(sorted.map((w) => w.id)).toEqual(['d', 'c', 'a', 'b']);
  });

  it('puts pending invitations first, then newest first', () => {
    const sorted = sortInvitations([
      invitation({ id: 'old-pending', createdAt: '2026-01-01T00:00:00.000Z' }),
      invitation({ id: 'new-accepted', status: 'accepted', createdAt: '2026-03-01T00:00:00.000Z' }),
      invitation({ id: 'new-pending', createdAt: '2026-02-01T00:00:00.000Z' }),
    ]);
    expect(sorted.map((i) => i.id)).toEqual(['new-pending', 'old-pending', 'new-accepted']);
  });

  it('orders members by role, then name', () => {
    const sorted = sortMembers([
      member({ userId: '1', name: 'Bea', role: 'annotator' }),
      member({ userId: '2', name: 'Al', role: 'annotator' }),
      member({ userId: '3', name: 'Zed', role: 'admin' }),
    ]);
    expect(sorted.map((m) => m.userId)).toEqual(['3', '2', '1']);
  });

  it('tones invitation statuses', () => {
    expect(invitationTone('pending')).toBe('wait');
    expect(invitationTone('accepted')).toBe('ok');
    expect(invitationTone('revoked')).toBe('bad');
    expect(invitationTone('expired')).toBeUndefined();
  });
});

describe('matchesMember', () => {
  it('matches the name or the email, any case, and everything for a blank query', () => {
    const m = member({ name: 'Priya Raman', email: 'priya@acme.example' });
    expect(matchesMember(m, 'RAMAN')).toBe(true);
    expect(matchesMember(m, 'acme')).toBe(true);
    expect(matchesMember(m, 'tom')).toBe(false);
    expect(matchesMember(m, '  ')).toBe(true);
  });
});

describe('acceptFormProblems', () => {
  const form = { mode: 'new' as const, name: 'Ana', password: 'correct horse', confirm: 'correct horse' };
  it('accepts a complete new account', () => {
    expect(acceptFormProblems(form)).toEqual({});
  });
  it('needs a name, 10 characters and the same password twice for a new account', () => {
    expect(acceptFormProblems({ ...form, name: '  ' })).toEqual({
      name: 'Enter your name as others should see it.',
    });
    expect(acceptFormProblems({ ...form, password: '123456789', confirm: '123456789' })).toEqual({
      password: 'Use at least 10 characters.',
    });
    expect(acceptFormProblems({ ...form, password: '1234567890', confirm: '1234567890' })).toEqual({});
    expect(acceptFormProblems({ ...form, confirm: 'correct horsE' })).toEqual({
      confirm: 'The two passwords differ.',
    });
  });
  it('needs only a password for an existing account, however short', () => {
    expect(acceptFormProblems({ mode: 'existing', name: '', password: 'x', confirm: '' })).toEqual({});
    expect(acceptFormProblems({ mode: 'existing', name: '', password: '', confirm: '' })).toEqual({
      password: 'Enter the password of your account.',
    });
  });
});
