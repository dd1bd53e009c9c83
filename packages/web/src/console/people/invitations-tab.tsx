/**
 * The Invitations tab: invite one person or a vendor's whole team (a list of addresses, a role and a
 * workforce), hand on the links — shown once, since the server keeps only their hashes — and follow or
 * revoke the invitations still open.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { api, call } from '../../api/client.ts';
import { ApiError } from '../shared/api-error.tsx';
import { fieldProblem } from '../shared/api-problems.ts';
import { ConfirmDialog } from '../shared/confirm-dialog.tsx';
import { Field } from '../shared/field.tsx';
import { formatDateTime, formatRelative } from '../shared/format.ts';
import { copyText, SecretField } from '../shared/secret-field.tsx';
import { TableHead } from '../shared/table-head.tsx';
import { peopleKeys } from './people-data.ts';
import {
  type Invitation,
  invitableRoles,
  invitationTone,
  mayRevokeInvitation,
  parseEmailList,
  ROLE_DESCRIPTIONS,
  type Role,
  roleLabel,
  sortInvitations,
  sortWorkforces,
  type Workforce,
  workforceKindLabel,
} from './people-rules.ts';

/** What the invitation form starts with (set when coming from a workforce's "Invite annotators"). */
export interface InviteDefaults {
  role: Role;
  workforceId: string | null;
}

/** Props of {@link InvitationsTab}. */
export interface InvitationsTabProps {
  callerRole: Role;
  invitations: Invitation[];
  workforces: Workforce[];
  /** The form's starting role and workforce; a new value resets the form to it. */
  defaults: InviteDefaults;
}

/** One address's outcome of an invitation round. */
interface InviteOutcome {
  email: string;
  url: string | null;
  error: unknown;
}

/** The Invitations tab. */
export function InvitationsTab({ callerRole, invitations, workforces, defaults }: InvitationsTabProps) {
  const [outcomes, setOutcomes] = useState<InviteOutcome[] | null>(null);
  const byId = new Map(workforces.map((w) => [w.id, w]));
  return (
    <section aria-label="Invitations">
      <InviteForm
        key={`${defaults.role}:${defaults.workforceId ?? ''}`}
        callerRole={callerRole}
        workforces={workforces}
        defaults={defaults}
        onInvited={setOutcomes}
      />
      {outcomes && <InviteResults outcomes={outcomes} onDone={() => setOutcomes(null)} />}
      <InvitationList callerRole={callerRole} invitations={invitations} workforces={byId} />
    </section>
  );
}

function InviteForm(props: {
  callerRole: Role;
  workforces: Workforce[];
  defaults: InviteDefaults;
  onInvited: (outcomes: InviteOutcome[]) => void;
}) {
  const { callerRole, workforces, defaults, onInvited } = props;
  const id = useId();
  const queryClient = useQueryClient();
  const roles = invitableRoles(callerRole);
  const [emails, setEmails] = useState('');
  const [role, setRole] = useState<Role>(roles.includes(defaults.role) ? defaults.role : 'annotator');
  const [workforceId, setWorkforceId] = useState(defaults.workforceId ?? '');
  const [problem, setProblem] = useState<string | null>(null);
  const active = sortWorkforces(workforces).filter((w) => !w.archived);
  const chosen = active.find((w) => w.id === workforceId);

  const invite = useMutation({
    mutationFn: async (list: string[]) => {
      const outcomes: InviteOutcome[] = [];
      // One at a time, each with its own outcome: one address that fails (already a member) stops
      // nothing else.
      for (const email of list) {
        try {
          const created = await call(
            api.POST('/api/invitations', {
              body: { email, role, workforceId: workforceId === '' ? null : workforceId },
            }),
          );
          outcomes.push({ email, url: created.url, error: null });
        } catch (error) {
          outcomes.push({ email, url: null, error });
        }
      }
      return outcomes;
    },
    onSuccess: (outcomes) => {
      onInvited(outcomes);
      if (outcomes.every((o) => o.url !== null)) setEmails('');
      else
        setEmails(
          outcomes
            .filter((o) => o.url === null)
            .map((o) => o.email)
            .join('\n'),
        );
      void queryClient.invalidateQueries({ queryKey: peopleKeys.invitations });
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = parseEmailList(emails);
    if (parsed.invalid.length > 0) {
      setProblem(`Not email addresses: ${parsed.invalid.join(', ')}`);
      return;
    }
    if (parsed.emails.length === 0) {
      setProblem('Type at least one email address.');
      return;
    }
    if (parsed.emails.length > 200) {
      setProblem('Invite at most 200 people at a time.');
      return;
    }
    setProblem(null);
    invite.mutate(parsed.emails);
  };

  if (roles.length === 0) return null;
  const count = parseEmailList(emails).emails.length;
  return (
    <form className="card form people-invite" onSubmit={submit} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Invite people</h2>
      <p className="field__hint people-invite__lead">
        Each address gets its own link to join {chosen ? `the ${chosen.name} workforce of ` : ''}your
        organization. Groundwork sends no email: copy the links and send them yourself — to invite a vendor’s
        annotators, choose the vendor’s workforce and paste their list, then hand the links to the vendor’s
        contact.
      </p>
      <Field
        label="Email addresses"
        hint={problem ? undefined : 'One or more, separated by commas or new lines.'}
        error={problem}
      >
        {(control) => (
          <textarea
            {...control}
            value={emails}
            rows={3}
            placeholder={'ana@acme-labeling.example\nTom Berg <tom@acme-labeling.example>'}
            onChange={(event) => setEmails(event.target.value)}
            aria-invalid={problem !== null || fieldProblem(invite.error, 'email') !== null}
          />
        )}
      </Field>
      <div className="form-row">
        <label className="field">
          <span>Role</span>
          <select value={role} onChange={(event) => setRole(event.target.value as Role)}>
            {roles.map((r) => (
              <option key={r} value={r}>
                {roleLabel(r)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>Workforce</span>
          <select value={workforceId} onChange={(event) => setWorkforceId(event.target.value)}>
            <option value="">No workforce</option>
            {(['internal', 'vendor'] as const).map((kind) => {
              const group = active.filter((w) => w.kind === kind);
              return group.length === 0 ? null : (
                <optgroup key={kind} label={kind === 'vendor' ? 'Vendors' : 'Own staff'}>
                  {group.map((w) => (
                    <option key={w.id} value={w.id}>
                      {w.name}
                    </option>
                  ))}
                </optgroup>
              );
            })}
          </select>
        </label>
        <button type="submit" className="button button--primary" disabled={invite.isPending}>
          {invite.isPending
            ? 'Creating links…'
            : count > 1
              ? `Create ${count} invitation links`
              : 'Create invitation link'}
        </button>
      </div>
      <p className="field__hint">
        {roleLabel(role)}: {ROLE_DESCRIPTIONS[role]}
        {chosen ? ` Joins ${chosen.name} (${workforceKindLabel(chosen.kind).toLowerCase()}).` : ''}
      </p>
      <ApiError error={invite.error} />
    </form>
  );
}

/** The links of the last round, shown once. */
function InviteResults({ outcomes, onDone }: { outcomes: InviteOutcome[]; onDone: () => void }) {
  const made = outcomes.filter((o) => o.url !== null);
  const failed = outcomes.filter((o) => o.url === null);
  const [copiedAll, setCopiedAll] = useState<boolean | null>(null);
  return (
    <section className="card people-links" aria-labelledby="people-links-title">
      <div className="people-links__head">
        <h2 id="people-links-title">
          {made.length === 1 ? 'Invitation link' : `${made.length} invitation links`}
        </h2>
        <div className="people-links__actions">
          {made.length > 1 && (
            <button
              type="button"
              className="button button--small"
              onClick={async () =>
                setCopiedAll(await copyText(made.map((o) => `${o.email}\t${o.url}`).join('\n')))
              }
            >
              {copiedAll ? 'Copied all' : 'Copy all (email + link)'}
            </button>
          )}
          <button type="button" className="button button--small" onClick={onDone}>
            Done
          </button>
        </div>
      </div>
      {made.length > 0 && (
        <p className="people-links__warning" role="note">
          Copy the links now: they are shown only here. Each works once, for the address it was made for, and
          expires in 7 days. Lost one? Revoke the invitation and invite again.
        </p>
      )}
      {made.map((o) => (
        <SecretField key={o.email} label={`Link for ${o.email}`} value={o.url ?? ''} />
      ))}
      {copiedAll === false && <p className="field__error">Could not copy; copy the links one by one.</p>}
      {failed.length > 0 && (
        <div className="people-links__failed">
          <h3>Not invited ({failed.length})</h3>
          <p className="field__hint">These addresses are back in the box above; fix them and try again.</p>
          <ul>
            {failed.map((o) => (
              <li key={o.email}>
                <strong>{o.email}</strong>: {o.error instanceof Error ? o.error.message : 'failed'}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}

function InvitationList(props: {
  callerRole: Role;
  invitations: Invitation[];
  workforces: Map<string, Workforce>;
}) {
  const { callerRole, invitations, workforces } = props;
  const [showAll, setShowAll] = useState(false);
  const [revoking, setRevoking] = useState<Invitation | null>(null);
  const queryClient = useQueryClient();
  const revoke = useMutation({
    mutationFn: (invitationId: string) =>
      call(api.DELETE('/api/invitations/{id}', { params: { path: { id: invitationId } } })),
    onSuccess: () => {
      setRevoking(null);
      void queryClient.invalidateQueries({ queryKey: peopleKeys.invitations });
    },
  });
  const pending = invitations.filter((i) => i.status === 'pending');
  const shown = sortInvitations(showAll ? invitations : pending);
  const now = Date.now();

  return (
    <section className="card" aria-labelledby="people-invitations-title">
      <div className="people-links__head">
        <h2 id="people-invitations-title">
          {showAll ? 'All invitations' : 'Open invitations'}{' '}
          <span className="people-count">{shown.length}</span>
        </h2>
        <label className="people-check">
          <input type="checkbox" checked={showAll} onChange={(event) => setShowAll(event.target.checked)} />
          Show accepted, revoked and expired
        </label>
      </div>
      {shown.length === 0 ? (
        <p className="empty">
          {showAll ? 'No invitations yet.' : 'No open invitations. Invite someone with the form above.'}
        </p>
      ) : (
        <table className="table">
          <TableHead columns={['Email', 'Role', 'Workforce', 'Status', 'Invited', 'Expires']} actions />
          <tbody>
            {shown.map((invitation) => {
              const workforce = invitation.workforceId ? workforces.get(invitation.workforceId) : undefined;
              return (
                <tr key={invitation.id}>
                  <td>{invitation.email}</td>
                  <td>{roleLabel(invitation.role)}</td>
                  <td>
                    {workforce ? (
                      <>
                        {workforce.name}{' '}
                        {workforce.kind === 'vendor' && (
                          <span className="badge" data-tone="info">
                            Vendor
                          </span>
                        )}
                      </>
                    ) : (
                      <span className="muted">None</span>
                    )}
                  </td>
                  <td>
                    <span className="badge" data-tone={invitationTone(invitation.status)}>
                      {invitation.status}
                    </span>
                  </td>
                  <td title={formatDateTime(invitation.createdAt)}>
                    {formatRelative(invitation.createdAt, now)}
                  </td>
                  <td title={formatDateTime(invitation.expiresAt)}>
                    {invitation.status === 'pending' ? formatRelative(invitation.expiresAt, now) : '—'}
                  </td>
                  <td className="people-members__actions">
                    {invitation.status === 'pending' && mayRevokeInvitation(callerRole, invitation.role) && (
                      <button
                        type="button"
                        className="button button--small button--danger"
                        aria-label={`Revoke the invitation of ${invitation.email}`}
                        onClick={() => setRevoking(invitation)}
                      >
                        Revoke
                      </button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {revoking && (
        <ConfirmDialog
          title={`Revoke the invitation of ${revoking.email}?`}
          confirmLabel="Revoke invitation"
          danger
          mutation={revoke}
          onConfirm={() => revoke.mutate(revoking.id)}
          onClose={() => setRevoking(null)}
        >
          <p>
            The link stops working at once. Someone who already opened it cannot finish joining. You can
            invite the address again later.
          </p>
        </ConfirmDialog>
      )}
    </section>
  );
}
