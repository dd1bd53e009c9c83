/**
 * The Workforces tab: the organization's own staff and its vendors, how many people each has, and (for
 * admins and owners) creating, renaming and archiving them. A vendor's row invites its annotators.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, Fragment, useId, useState } from 'react';
import { api, call } from '../../api/client.ts';
import { ApiError } from '../shared/api-error.tsx';
import { fieldProblem } from '../shared/api-problems.ts';
import { ConfirmDialog } from '../shared/confirm-dialog.tsx';
import { Field } from '../shared/field.tsx';
import { FormActions } from '../shared/form-actions.tsx';
import { FormDialog } from '../shared/form-dialog.tsx';
import { formatDate, formatDateTime } from '../shared/format.ts';
import { TableHead } from '../shared/table-head.tsx';
import { peopleKeys } from './people-data.ts';
import {
  countByWorkforce,
  type Member,
  roleLabel,
  sortWorkforces,
  type Workforce,
  workforceKindLabel,
} from './people-rules.ts';

/** Props of {@link WorkforcesTab}. */
export interface WorkforcesTabProps {
  /** Whether the caller may create, change and archive workforces (admin and owner). */
  canAdminister: boolean;
  workforces: Workforce[];
  members: Member[];
  /** Opens the invitation form for annotators of this workforce. */
  onInvite: (workforce: Workforce) => void;
}

/** The fields of a workforce's form. */
interface WorkforceFields {
  name: string;
  kind: Workforce['kind'];
  contact: string;
  description: string;
}

const EMPTY: WorkforceFields = { name: '', kind: 'internal', contact: '', description: '' };

/** The body of a create or change: blank optional fields become null. */
function toBody(fields: WorkforceFields) {
  return {
    name: fields.name.trim(),
    kind: fields.kind,
    contact: fields.contact.trim() === '' ? null : fields.contact.trim(),
    description: fields.description.trim() === '' ? null : fields.description.trim(),
  };
}

/** The Workforces tab. */
export function WorkforcesTab({ canAdminister, workforces, members, onInvite }: WorkforcesTabProps) {
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<Workforce | null>(null);
  const [archiving, setArchiving] = useState<Workforce | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const queryClient = useQueryClient();
  const counts = countByWorkforce(members);
  const sorted = sortWorkforces(workforces);
  const refresh = () => queryClient.invalidateQueries({ queryKey: peopleKeys.workforces });

  const archive = useMutation({
    mutationFn: (workforceId: string) =>
      call(api.DELETE('/api/workforces/{id}', { params: { path: { id: workforceId } } })),
    onSuccess: () => {
      setArchiving(null);
      void refresh();
    },
  });
  const restore = useMutation({
    mutationFn: (workforceId: string) =>
      call(
        api.PATCH('/api/workforces/{id}', {
          params: { path: { id: workforceId } },
          body: { archived: false },
        }),
      ),
    onSuccess: () => void refresh(),
  });

  return (
    <section aria-label="Workforces">
      <div className="people-toolbar">
        <p className="people-toolbar__lead">
          A workforce is a team of annotators: your own staff, or an outside labeling vendor. Projects route
          their work to workforces; each member works for at most one.
        </p>
        {canAdminister && !creating && (
          <button type="button" className="button button--primary" onClick={() => setCreating(true)}>
            New workforce
          </button>
        )}
      </div>
      {creating && (
        <CreateWorkforceForm
          onDone={() => {
            setCreating(false);
            void refresh();
          }}
          onCancel={() => setCreating(false)}
        />
      )}
      <ApiError error={restore.error} />
      {sorted.length === 0 ? (
        <div className="empty">
          <p>No workforces yet.</p>
          <p className="field__hint">
            {canAdminister
              ? 'Create one for your own annotators, and one per vendor you work with.'
              : 'An admin or owner can create them.'}
          </p>
        </div>
      ) : (
        <div className="card people-table-card">
          <table className="table">
            <TableHead
              columns={['Workforce', 'Kind', 'Contact', { label: 'Members', numeric: true }, 'Created']}
              actions
            />
            <tbody>
              {sorted.map((w) => {
                const count = counts.get(w.id) ?? { total: 0, active: 0 };
                const people = members.filter((m) => m.workforceId === w.id);
                const expanded = open === w.id;
                return (
                  <Fragment key={w.id}>
                    <tr className={w.archived ? 'is-archived' : undefined}>
                      <td>
                        <div className="people-member">
                          <span className="people-member__name">
                            {w.name}
                            {w.archived && <span className="badge">Archived</span>}
                          </span>
                          {w.description && <span className="people-member__email">{w.description}</span>}
                        </div>
                      </td>
                      <td>
                        <span className="badge" data-tone={w.kind === 'vendor' ? 'info' : 'ok'}>
                          {workforceKindLabel(w.kind)}
                        </span>
                      </td>
                      <td>{w.contact ?? <span className="muted">—</span>}</td>
                      <td className="num">
                        {count.total === 0 ? (
                          '0'
                        ) : (
                          <button
                            type="button"
                            className="people-link-button"
                            aria-expanded={expanded}
                            aria-label={`${count.total} members of ${w.name}`}
                            onClick={() => setOpen(expanded ? null : w.id)}
                          >
                            {count.total}
                            {count.active < count.total ? ` (${count.total - count.active} disabled)` : ''}
                          </button>
                        )}
                      </td>
                      <td className="people-nowrap" title={formatDateTime(w.createdAt)}>
                        {formatDate(w.createdAt)}
                      </td>
                      <td className="people-members__actions">
                        {!w.archived && (
                          <button
                            type="button"
                            className="button button--small"
                            aria-label={`Invite annotators to ${w.name}`}
                            onClick={() => onInvite(w)}
                          >
                            Invite annotators
                          </button>
                        )}
                        {canAdminister && (
                          <button
                            type="button"
                            className="button button--small"
                            aria-label={`Edit ${w.name}`}
                            onClick={() => setEditing(w)}
                          >
                            Edit
                          </button>
                        )}
                        {canAdminister &&
                          (w.archived ? (
                            <button
                              type="button"
                              className="button button--small"
                              aria-label={`Restore ${w.name}`}
                              disabled={restore.isPending}
                              onClick={() => restore.mutate(w.id)}
                            >
                              Restore
                            </button>
                          ) : (
                            <button
                              type="button"
                              className="button button--small button--danger"
                              aria-label={`Archive ${w.name}`}
                              onClick={() => setArchiving(w)}
                            >
                              Archive
                            </button>
                          ))}
                      </td>
                    </tr>
                    {expanded && (
                      <tr className="people-workforce-members">
                        <td colSpan={6}>
                          <ul>
                            {people.map((m) => (
                              <li key={m.userId}>
                                <strong>{m.name}</strong> <span className="muted">{m.email}</span> ·{' '}
                                {roleLabel(m.role)}
                                {m.disabled ? ' · disabled' : ''}
                              </li>
                            ))}
                          </ul>
                        </td>
                      </tr>
                    )}
                  </Fragment>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {editing && (
        <EditWorkforceDialog
          workforce={editing}
          onDone={() => {
            setEditing(null);
            void refresh();
          }}
          onClose={() => setEditing(null)}
        />
      )}
      {archiving && (
        <ConfirmDialog
          title={`Archive ${archiving.name}?`}
          confirmLabel="Archive workforce"
          danger
          mutation={archive}
          onConfirm={() => archive.mutate(archiving.id)}
          onClose={() => setArchiving(null)}
        >
          <p>
            Projects can no longer route work to it and nobody new can join it. Its{' '}
            {counts.get(archiving.id)?.total ?? 0} member(s) keep it until you move them, and their past work
            stays attributed. Projects that route to it must be changed first. You can restore it later.
          </p>
        </ConfirmDialog>
      )}
    </section>
  );
}

/** The fields of a workforce, shared by the create form and the edit dialog. */
function WorkforceFieldset({
  fields,
  onChange,
  error,
}: {
  fields: WorkforceFields;
  onChange: (fields: WorkforceFields) => void;
  error: unknown;
}) {
  const id = useId();
  const nameProblem = fieldProblem(error, 'name');
  return (
    <>
      <Field label="Name" error={nameProblem}>
        {(control) => (
          <input
            {...control}
            required
            maxLength={100}
            value={fields.name}
            placeholder="e.g. Acme Labeling"
            onChange={(event) => onChange({ ...fields, name: event.target.value })}
          />
        )}
      </Field>
      <fieldset className="people-kind">
        <legend>Kind</legend>
        {(['internal', 'vendor'] as const).map((kind) => (
          <label key={kind} className="people-kind__option">
            <input
              type="radio"
              name={`${id}-kind`}
              value={kind}
              checked={fields.kind === kind}
              onChange={() => onChange({ ...fields, kind })}
            />
            {workforceKindLabel(kind)}
          </label>
        ))}
      </fieldset>
      <label className="field">
        <span>Contact (optional)</span>
        <input
          maxLength={500}
          value={fields.contact}
          placeholder="Who to talk to: a name, an email address"
          onChange={(event) => onChange({ ...fields, contact: event.target.value })}
        />
      </label>
      <label className="field">
        <span>Description (optional)</span>
        <input
          maxLength={5000}
          value={fields.description}
          placeholder="Specialties, time zones, contract…"
          onChange={(event) => onChange({ ...fields, description: event.target.value })}
        />
      </label>
    </>
  );
}

function CreateWorkforceForm({ onDone, onCancel }: { onDone: () => void; onCancel: () => void }) {
  const [fields, setFields] = useState<WorkforceFields>(EMPTY);
  const create = useMutation({
    mutationFn: () => call(api.POST('/api/workforces', { body: toBody(fields) })),
    onSuccess: onDone,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };
  return (
    <form className="card form" onSubmit={submit} aria-labelledby="people-new-workforce">
      <h2 id="people-new-workforce">New workforce</h2>
      <WorkforceFieldset fields={fields} onChange={setFields} error={create.error} />
      <FormActions
        submitLabel="Create workforce"
        busyLabel="Creating…"
        busy={create.isPending}
        disabled={fields.name.trim() === ''}
        error={create.error}
        onCancel={onCancel}
      />
    </form>
  );
}

function EditWorkforceDialog({
  workforce,
  onDone,
  onClose,
}: {
  workforce: Workforce;
  onDone: () => void;
  onClose: () => void;
}) {
  const [fields, setFields] = useState<WorkforceFields>({
    name: workforce.name,
    kind: workforce.kind,
    contact: workforce.contact ?? '',
    description: workforce.description ?? '',
  });
  const save = useMutation({
    mutationFn: () =>
      call(
        api.PATCH('/api/workforces/{id}', { params: { path: { id: workforce.id } }, body: toBody(fields) }),
      ),
    onSuccess: onDone,
  });
  return (
    <FormDialog
      title={`Edit ${workforce.name}`}
      className="people-dialog"
      submitLabel="Save"
      busyLabel="Saving…"
      busy={save.isPending}
      disabled={fields.name.trim() === ''}
      error={save.error}
      onSubmit={() => save.mutate()}
      onClose={onClose}
    >
      <WorkforceFieldset fields={fields} onChange={setFields} error={save.error} />
    </FormDialog>
  );
}
