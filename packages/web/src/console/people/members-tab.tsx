/**
 * The Members tab: everyone in the organization with their role, workforce and skills. Admins and owners
 * change roles, move people between workforces, disable and remove them; managers grant and take away
 * skills. What the caller may not do is shown read-only, with the reason on hover.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useMemo, useState } from 'react';
import { api, call } from '../../api/client.ts';
import { ApiError } from '../shared/api-error.tsx';
import { ConfirmDialog } from '../shared/confirm-dialog.tsx';
import { formatDate, formatDateTime } from '../shared/format.ts';
import { TableHead } from '../shared/table-head.tsx';
import { peopleKeys, useMemberSkills } from './people-data.ts';
import {
  canAdminister,
  type Member,
  type MemberActions,
  type MemberSkill,
  matchesMember,
  memberActions,
  parseSkill,
  ROLE_DESCRIPTIONS,
  type Role,
  roleLabel,
  sortMembers,
  sortWorkforces,
  type Workforce,
  workforceKindLabel,
} from './people-rules.ts';

/** Props of {@link MembersTab}. */
export interface MembersTabProps {
  /** The signed-in person. */
  caller: { userId: string; role: Role };
  members: Member[];
  workforces: Workforce[];
}

/** A workforce filter: every member, members without a workforce, or one workforce's. */
type WorkforceFilter = 'all' | 'none' | string;

/** The Members tab. */
export function MembersTab({ caller, members, workforces }: MembersTabProps) {
  const [query, setQuery] = useState('');
  const [workforceFilter, setWorkforceFilter] = useState<WorkforceFilter>('all');
  const byId = useMemo(() => new Map(workforces.map((w) => [w.id, w])), [workforces]);
  const shown = sortMembers(members).filter(
    (m) =>
      matchesMember(m, query) &&
      (workforceFilter === 'all' ||
        (workforceFilter === 'none' ? m.workforceId === null : m.workforceId === workforceFilter)),
  );
  const sortedWorkforces = sortWorkforces(workforces);

  return (
    <section aria-label="Members">
      <div className="people-toolbar">
        <label className="field">
          <span>Search</span>
          <input
            type="search"
            className="people-toolbar__control people-toolbar__search"
            placeholder="Name or email"
            value={query}
            onChange={(event) => setQuery(event.target.value)}
          />
        </label>
        <label className="field">
          <span>Workforce</span>
          <select
            className="people-toolbar__control"
            value={workforceFilter}
            onChange={(event) => setWorkforceFilter(event.target.value)}
          >
            <option value="all">All members</option>
            <option value="none">No workforce</option>
            {sortedWorkforces.map((w) => (
              <option key={w.id} value={w.id}>
                {w.name}
                {w.archived ? ' (archived)' : ''}
              </option>
            ))}
          </select>
        </label>
        <p className="people-toolbar__count">
          {shown.length === members.length
            ? `${members.length} member${members.length === 1 ? '' : 's'}`
            : `${shown.length} of ${members.length} members`}
        </p>
      </div>
      {shown.length === 0 ? (
        <p className="empty">No member matches these filters.</p>
      ) : (
        <div className="card people-table-card">
          <table className="table people-members">
            <TableHead columns={['Member', 'Role', 'Workforce', 'Skills']} actions />
            <tbody>
              {shown.map((member) => (
                <MemberRow
                  key={member.userId}
                  member={member}
                  isCaller={member.userId === caller.userId}
                  actions={memberActions(caller, member, members)}
                  workforces={sortedWorkforces}
                  workforce={member.workforceId ? byId.get(member.workforceId) : undefined}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {!canAdminister(caller.role) && (
        <p className="field__hint people-note">
          Managers grant and take away skills; admins and owners change roles and workforces and remove
          members.
        </p>
      )}
    </section>
  );
}

/** What a row asks to confirm. */
type RowConfirm = { kind: 'remove' } | { kind: 'disable' } | { kind: 'role'; role: Role } | null;

function MemberRow(props: {
  member: Member;
  isCaller: boolean;
  actions: MemberActions;
  workforces: Workforce[];
  workforce: Workforce | undefined;
}) {
  const { member, isCaller, actions, workforces, workforce } = props;
  const queryClient = useQueryClient();
  const [confirm, setConfirm] = useState<RowConfirm>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: peopleKeys.members });
  const path = { params: { path: { userId: member.userId } } };

  const update = useMutation({
    mutationFn: (body: { role?: Role; disabled?: boolean }) =>
      call(api.PATCH('/api/members/{userId}', { ...path, body })),
    onSuccess: () => {
      setConfirm(null);
      void refresh();
    },
  });
  const remove = useMutation({
    mutationFn: () => call(api.DELETE('/api/members/{userId}', path)),
    onSuccess: () => {
      setConfirm(null);
      void refresh();
    },
  });
  const move = useMutation({
    mutationFn: (workforceId: string | null) =>
      call(api.PUT('/api/members/{userId}/workforce', { ...path, body: { workforceId } })),
    onSuccess: () => void refresh(),
  });

  const changeRole = (role: Role) => {
    if (role === member.role) return;
    if (role === 'owner' || member.role === 'owner' || member.role === 'admin')
      setConfirm({ kind: 'role', role });
    else update.mutate({ role });
  };
  const inlineError = confirm === null ? (update.error ?? remove.error ?? move.error) : move.error;
  const activeWorkforces = workforces.filter((w) => !w.archived || w.id === member.workforceId);

  return (
    <>
      <tr className={member.disabled ? 'people-members__row is-disabled' : 'people-members__row'}>
        <td>
          <div className="people-member">
            <span className="people-member__name">
              {member.name}
              {isCaller && <span className="badge">You</span>}
              {member.disabled && (
                <span className="badge" data-tone="bad">
                  Disabled
                </span>
              )}
            </span>
            <span className="people-member__email">{member.email}</span>
            <span className="people-member__since">Member since {formatDate(member.createdAt)}</span>
          </div>
        </td>
        <td>
          {actions.roles.length > 0 ? (
            <select
              aria-label={`Role of ${member.name}`}
              value={member.role}
              disabled={update.isPending}
              onChange={(event) => changeRole(event.target.value as Role)}
              title={ROLE_DESCRIPTIONS[member.role]}
            >
              {actions.roles.map((role) => (
                <option key={role} value={role}>
                  {roleLabel(role)}
                </option>
              ))}
            </select>
          ) : (
            <span className="people-role" title={actions.locked ?? ROLE_DESCRIPTIONS[member.role]}>
              {roleLabel(member.role)}
            </span>
          )}
        </td>
        <td>
          {actions.moveWorkforce ? (
            <select
              aria-label={`Workforce of ${member.name}`}
              value={member.workforceId ?? ''}
              disabled={move.isPending}
              onChange={(event) => move.mutate(event.target.value === '' ? null : event.target.value)}
            >
              <option value="">No workforce</option>
              {activeWorkforces.map((w) => (
                <option key={w.id} value={w.id} disabled={w.archived}>
                  {w.name} · {workforceKindLabel(w.kind)}
                  {w.archived ? ' (archived)' : ''}
                </option>
              ))}
            </select>
          ) : workforce ? (
            <span>
              {workforce.name}{' '}
              <span className="badge" data-tone={workforce.kind === 'vendor' ? 'info' : undefined}>
                {workforceKindLabel(workforce.kind)}
              </span>
            </span>
          ) : (
            <span className="muted">None</span>
          )}
        </td>
        <td>
          <MemberSkills member={member} />
        </td>
        <td className="people-members__actions">
          {actions.toggleDisabled &&
            (member.disabled ? (
              <button
                type="button"
                className="button button--small"
                disabled={update.isPending}
                onClick={() => update.mutate({ disabled: false })}
              >
                Enable
              </button>
            ) : (
              <button
                type="button"
                className="button button--small"
                onClick={() => setConfirm({ kind: 'disable' })}
              >
                Disable
              </button>
            ))}
          {actions.remove && (
            <button
              type="button"
              className="button button--small button--danger"
              aria-label={`Remove ${member.name}`}
              onClick={() => setConfirm({ kind: 'remove' })}
            >
              Remove
            </button>
          )}
        </td>
      </tr>
      {inlineError ? (
        <tr className="people-members__error">
          <td colSpan={5}>
            <ApiError error={inlineError} />
          </td>
        </tr>
      ) : null}
      {confirm?.kind === 'remove' && (
        <ConfirmDialog
          title={`Remove ${member.name}?`}
          confirmLabel="Remove member"
          danger
          mutation={remove}
          onConfirm={() => remove.mutate()}
          onClose={() => setConfirm(null)}
        >
          <p>
            {member.email} leaves the organization and is signed out at once. Their past answers and reviews
            stay attributed to them. To bring them back, invite them again.
          </p>
        </ConfirmDialog>
      )}
      {confirm?.kind === 'disable' && (
        <ConfirmDialog
          title={`Disable ${member.name}?`}
          confirmLabel="Disable member"
          danger
          mutation={update}
          onConfirm={() => update.mutate({ disabled: true })}
          onClose={() => setConfirm(null)}
        >
          <p>
            {member.email} is signed out at once and can neither sign in nor take work until enabled again.
            Their work in progress returns to the queue when its lease ends.
          </p>
        </ConfirmDialog>
      )}
      {confirm?.kind === 'role' && (
        <ConfirmDialog
          title={`Make ${member.name} ${roleLabel(confirm.role).toLowerCase()}?`}
          confirmLabel={`Change role to ${roleLabel(confirm.role)}`}
          mutation={update}
          onConfirm={() => update.mutate({ role: confirm.role })}
          onClose={() => setConfirm(null)}
        >
          <p>
            {roleLabel(member.role)} → {roleLabel(confirm.role)}: {ROLE_DESCRIPTIONS[confirm.role]}
          </p>
        </ConfirmDialog>
      )}
    </>
  );
}

/** A member's skills as chips, with a form to grant one and a button on each to take it away. */
function MemberSkills({ member }: { member: Member }) {
  const skills = useMemberSkills(member.userId);
  const queryClient = useQueryClient();
  const [adding, setAdding] = useState(false);
  const [confirm, setConfirm] = useState<MemberSkill | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: peopleKeys.skills(member.userId) });
  const revoke = useMutation({
    mutationFn: (skill: string) =>
      call(
        api.DELETE('/api/members/{userId}/skills/{skill}', {
          params: { path: { userId: member.userId, skill } },
        }),
      ),
    onSuccess: () => {
      setConfirm(null);
      void refresh();
    },
  });

  if (skills.isPending) return <span className="muted">…</span>;
  if (skills.isError) return <ApiError error={skills.error} />;
  const items = skills.data;
  return (
    <div className="people-skills">
      {items.length === 0 && !adding && <span className="muted">None</span>}
      {items.map((s) => (
        <span
          key={s.skill}
          className={s.active ? 'people-skill' : 'people-skill is-expired'}
          title={skillTitle(s)}
        >
          {s.skill}
          {s.source === 'qualification' && <span className="people-skill__tag">qualified</span>}
          {!s.active && <span className="people-skill__tag">expired</span>}
          <button
            type="button"
            className="people-skill__remove"
            aria-label={`Take away ${s.skill} from ${member.name}`}
            disabled={revoke.isPending}
            onClick={() => (s.source === 'qualification' ? setConfirm(s) : revoke.mutate(s.skill))}
          >
            ×
          </button>
        </span>
      ))}
      {adding ? (
        <AddSkillForm
          member={member}
          onDone={() => {
            setAdding(false);
            void refresh();
          }}
          onCancel={() => setAdding(false)}
        />
      ) : (
        <button
          type="button"
          className="people-skills__add"
          aria-label={`Grant a skill to ${member.name}`}
          onClick={() => setAdding(true)}
        >
          + Skill
        </button>
      )}
      {revoke.error && confirm === null ? <ApiError error={revoke.error} /> : null}
      {confirm && (
        <ConfirmDialog
          title={`Take away ${confirm.skill}?`}
          confirmLabel="Take away"
          danger
          mutation={revoke}
          onConfirm={() => revoke.mutate(confirm.skill)}
          onClose={() => setConfirm(null)}
        >
          <p>
            {member.name} earned “{confirm.skill}” by passing a qualification test. Without it they no longer
            get work from projects that require it, and granting it back by hand will not record the test.
          </p>
        </ConfirmDialog>
      )}
    </div>
  );
}

function skillTitle(s: MemberSkill): string {
  const how = s.source === 'qualification' ? 'Earned by a qualification test' : 'Granted';
  const until = s.expiresAt ? `; ${s.active ? 'expires' : 'expired'} ${formatDateTime(s.expiresAt)}` : '';
  return `${how} ${formatDateTime(s.grantedAt)}${until}`;
}

/** The inline form that grants a skill, optionally until a date. */
function AddSkillForm({
  member,
  onDone,
  onCancel,
}: {
  member: Member;
  onDone: () => void;
  onCancel: () => void;
}) {
  const id = useId();
  const [name, setName] = useState('');
  const [expires, setExpires] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const grant = useMutation({
    mutationFn: (input: { skill: string; expiresAt: string | null }) =>
      call(
        api.PUT('/api/members/{userId}/skills/{skill}', {
          params: { path: { userId: member.userId, skill: input.skill } },
          body: { expiresAt: input.expiresAt },
        }),
      ),
    onSuccess: onDone,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = parseSkill(name);
    if (!parsed.ok) {
      setProblem(parsed.message);
      return;
    }
    setProblem(null);
    // A date means "through that day": the skill lapses at the end of it, in the browser's time zone.
    const expiresAt = expires ? new Date(`${expires}T23:59:59`).toISOString() : null;
    grant.mutate({ skill: parsed.skill, expiresAt });
  };
  return (
    <form className="people-skill-form" onSubmit={submit} aria-label={`Grant a skill to ${member.name}`}>
      <input
        id={`${id}-skill`}
        aria-label="Skill"
        placeholder="e.g. medicine"
        value={name}
        // biome-ignore lint/a11y/noAutofocus: the form opens because the person wants to type a skill.
        autoFocus
        onChange={(event) => setName(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape') onCancel();
        }}
        aria-invalid={problem !== null}
        aria-describedby={problem ? `${id}-problem` : undefined}
      />
      <input
        type="date"
        aria-label="Expires on (optional)"
        title="Expires on (optional)"
        value={expires}
        onChange={(event) => setExpires(event.target.value)}
      />
      <button type="submit" className="button button--small button--primary" disabled={grant.isPending}>
        Grant
      </button>
      <button type="button" className="button button--small" onClick={onCancel}>
        Cancel
      </button>
      {problem && (
        <span id={`${id}-problem`} className="field__error">
          {problem}
        </span>
      )}
      <ApiError error={grant.error} />
    </form>
  );
}
