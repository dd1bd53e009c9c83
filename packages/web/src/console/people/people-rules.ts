/**
 * The rules of the People page, kept apart from its components so they can be tested: who may do what to
 * whom (the server's rules, mirrored so the page offers only what will be allowed — the server still
 * decides), skill names, email lists for invitations, and figures per workforce.
 */
import type { ResponseOf } from '@groundwork/sdk';

/** A member of the organization. */
export type Member = ResponseOf<'listMembers'>['items'][number];
/** An invitation (never its token). */
export type Invitation = ResponseOf<'listInvitations'>['items'][number];
/** A new invitation, with the link shown only once. */
export type CreatedInvitation = ResponseOf<'createInvitation'>;
/** A workforce: the organization's own staff or a vendor. */
export type Workforce = ResponseOf<'listWorkforces'>['items'][number];
/** A skill a member holds. */
export type MemberSkill = ResponseOf<'listMemberSkills'>['items'][number];
/** A membership role. */
export type Role = Member['role'];

/** Every role, most powerful first (the order of the role pickers). */
export const ROLES: readonly Role[] = ['owner', 'admin', 'manager', 'reviewer', 'annotator', 'viewer'];

/** What each role may do, in a sentence (shown beside the role pickers). */
export const ROLE_DESCRIPTIONS: Readonly<Record<Role, string>> = {
  owner: 'Everything, including granting the owner role.',
  admin: 'Everything but the owner role: members, workforces, API keys, webhook secrets.',
  manager: 'Projects, tasks, exports; invites annotators, reviewers and viewers.',
  reviewer: 'Labels and reviews others’ answers in the workbench.',
  annotator: 'Labels tasks in the workbench; no console.',
  viewer: 'Reads projects, tasks and results in the console; does no work.',
};

/** The role with its first letter in capitals, for display. */
export function roleLabel(role: Role): string {
  return role.charAt(0).toUpperCase() + role.slice(1);
}

/** Whether the role may see the people of the organization (members, invitations, workforces): manager and up. */
export function canSeePeople(role: Role): boolean {
  return role === 'owner' || role === 'admin' || role === 'manager';
}

/**
 * Whether the role may administer members and workforces (change roles, disable, remove, move between
 * workforces, create and archive workforces): admin and owner.
 */
export function canAdminister(role: Role): boolean {
  return role === 'owner' || role === 'admin';
}

/**
 * The roles a caller may invite someone with (the server's rule): managers invite annotators, reviewers
 * and viewers; admins any role but owner; owners any role; everyone else none.
 */
export function invitableRoles(caller: Role): Role[] {
  if (caller === 'owner') return [...ROLES];
  if (caller === 'admin') return ROLES.filter((role) => role !== 'owner');
  if (caller === 'manager') return ['annotator', 'reviewer', 'viewer'];
  return [];
}

/** Whether a caller may revoke an invitation with `role` (the same rule as inviting with it). */
export function mayRevokeInvitation(caller: Role, role: Role): boolean {
  return invitableRoles(caller).includes(role);
}

/** What the caller may do to one member, and why not when they may not. */
export interface MemberActions {
  /** Roles the member may be given (the current one included); empty when the role cannot change. */
  roles: Role[];
  /** Whether the member may be disabled or re-enabled. */
  toggleDisabled: boolean;
  /** Whether the member may be removed from the organization. */
  remove: boolean;
  /** Whether the member may be moved to another workforce. */
  moveWorkforce: boolean;
  /** Why the role, status or membership cannot change (null when something can). */
  locked: string | null;
}

/**
 * What `caller` may do to `member`, by the server's rules: only admins and owners change members; nobody
 * changes their own role or status; only an owner grants, takes or changes the owner role or removes an
 * owner; the last enabled owner can be neither demoted, disabled nor removed. Moving someone (oneself
 * included) between workforces needs admin only.
 */
export function memberActions(
  caller: { userId: string; role: Role },
  member: Member,
  members: readonly Member[],
): MemberActions {
  const admin = canAdminister(caller.role);
  const none = { roles: [], toggleDisabled: false, remove: false, moveWorkforce: admin };
  if (!admin) return { ...none, locked: 'Only admins and owners change members.' };
  if (member.userId === caller.userId) {
    return { ...none, locked: 'You cannot change your own role or remove yourself.' };
  }
  if (member.role === 'owner' && caller.role !== 'owner') {
    return { ...none, locked: 'Only an owner may change or remove an owner.' };
  }
  const enabledOwners = members.filter((m) => m.role === 'owner' && !m.disabled).length;
  const lastOwner = member.role === 'owner' && !member.disabled && enabledOwners <= 1;
  if (lastOwner) {
    return { ...none, locked: 'The last owner stays owner; make someone else owner first.' };
  }
  const roles = caller.role === 'owner' ? [...ROLES] : ROLES.filter((role) => role !== 'owner');
  return { roles, toggleDisabled: true, remove: true, moveWorkforce: true, locked: null };
}

/** The shape of a skill name: a lowercase slug, as project routing requires. */
const SKILL = /^[a-z0-9][a-z0-9_.-]{0,62}$/;

/** A typed skill name, normalized, or why it cannot be one. */
export type SkillInput = { ok: true; skill: string } | { ok: false; message: string };

/**
 * Reads a typed skill name: trims it, lowercases it and joins words with `-` ("Medical imaging" →
 * `medical-imaging`), then checks it is a slug of 1–63 characters (a-z, 0-9, `_`, `.`, `-`, starting
 * with a letter or digit).
 */
export function parseSkill(input: string): SkillInput {
  const skill = input.trim().toLowerCase().replace(/\s+/g, '-');
  if (skill === '') return { ok: false, message: 'Type a skill name.' };
  if (skill.length > 63) return { ok: false, message: 'Use at most 63 characters.' };
  if (!SKILL.test(skill)) {
    return {
      ok: false,
      message: 'Use lowercase letters, digits, “_”, “.” and “-”, starting with a letter or digit.',
    };
  }
  return { ok: true, skill };
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The addresses of a typed list, and the pieces that are not addresses. */
export interface EmailList {
  /** Distinct addresses, lowercased, in the order typed. */
  emails: string[];
  /** Pieces that are not email addresses, as typed. */
  invalid: string[];
}

/**
 * Splits what was typed or pasted into the invitation box (addresses separated by commas, semicolons,
 * spaces or new lines; `Name <address>` accepted) into distinct lowercased addresses and the pieces that
 * are not addresses. An empty box gives two empty lists.
 */
export function parseEmailList(text: string): EmailList {
  const emails: string[] = [];
  const invalid: string[] = [];
  const angled = text.replace(/[^,;\n<>]*<([^<>]*)>/g, ' $1 ');
  for (const piece of angled.split(/[\s,;]+/)) {
    if (piece === '') continue;
    const email = piece.toLowerCase();
    if (!EMAIL.test(email)) invalid.push(piece);
    else if (!emails.includes(email)) emails.push(email);
  }
  return { emails, invalid };
}

/** How many members a workforce has. */
export interface WorkforceCount {
  /** Every member of the workforce, disabled ones included. */
  total: number;
  /** Members who may log in and take work. */
  active: number;
}

/** The number of members of each workforce (by id); workforces without members are absent. */
export function countByWorkforce(members: readonly Member[]): Map<string, WorkforceCount> {
  const counts = new Map<string, WorkforceCount>();
  for (const member of members) {
    if (member.workforceId === null) continue;
    const count = counts.get(member.workforceId) ?? { total: 0, active: 0 };
    count.total += 1;
    if (!member.disabled) count.active += 1;
    counts.set(member.workforceId, count);
  }
  return counts;
}

/** Workforces in the order of the page: active before archived, then own staff before vendors, then by name. */
export function sortWorkforces(workforces: readonly Workforce[]): Workforce[] {
  const kindOrder = { internal: 0, vendor: 1 } as const;
  return [...workforces].sort(
    (a, b) =>
      Number(a.archived) - Number(b.archived) ||
      kindOrder[a.kind] - kindOrder[b.kind] ||
      a.name.localeCompare(b.name),
  );
}

/** The label of a workforce kind. */
export function workforceKindLabel(kind: Workforce['kind']): string {
  return kind === 'vendor' ? 'Vendor' : 'Own staff';
}

/** The tone of an invitation's status badge. */
export function invitationTone(status: Invitation['status']): 'ok' | 'bad' | 'wait' | 'info' | undefined {
  if (status === 'pending') return 'wait';
  if (status === 'accepted') return 'ok';
  if (status === 'revoked') return 'bad';
  return undefined;
}

/** Invitations in the order of the page: pending ones first, then newest first. */
export function sortInvitations(invitations: readonly Invitation[]): Invitation[] {
  return [...invitations].sort(
    (a, b) =>
      Number(b.status === 'pending') - Number(a.status === 'pending') ||
      b.createdAt.localeCompare(a.createdAt),
  );
}

/** Whether a member matches what was typed in the search box (name or email, any case). */
export function matchesMember(member: Member, query: string): boolean {
  const q = query.trim().toLowerCase();
  if (q === '') return true;
  return member.name.toLowerCase().includes(q) || member.email.toLowerCase().includes(q);
}

/** Members in the order of the table: by role (most powerful first), then by name. */
export function sortMembers(members: readonly Member[]): Member[] {
  return [...members].sort(
    (a, b) => ROLES.indexOf(a.role) - ROLES.indexOf(b.role) || a.name.localeCompare(b.name),
  );
}

/** The shortest password a new account may have (the server's rule). */
export const MIN_PASSWORD_LENGTH = 10;

/** What the accept-invitation form holds. */
export interface AcceptForm {
  /** `new`: create the account; `existing`: the invited email already has one. */
  mode: 'new' | 'existing';
  name: string;
  password: string;
  /** The password typed again (new accounts only). */
  confirm: string;
}

/**
 * The problems of the accept-invitation form by field (empty when it may be sent): a new account needs a
 * name, a password of at least {@link MIN_PASSWORD_LENGTH} characters and the same password again; an
 * existing account needs its password.
 */
export function acceptFormProblems(
  form: AcceptForm,
): Partial<Record<'name' | 'password' | 'confirm', string>> {
  const problems: Partial<Record<'name' | 'password' | 'confirm', string>> = {};
  if (form.mode === 'existing') {
    if (form.password === '') problems.password = 'Enter the password of your account.';
    return problems;
  }
  if (form.name.trim() === '') problems.name = 'Enter your name as others should see it.';
  if (form.password.length < MIN_PASSWORD_LENGTH) {
    problems.password = `Use at least ${MIN_PASSWORD_LENGTH} characters.`;
  } else if (form.confirm !== form.password) {
    problems.confirm = 'The two passwords differ.';
  }
  return problems;
}
