/**
 * The organization's API keys (/console/keys): the keys with their environment and last use, creating one
 * (its secret is shown once, right here, since the server stores only a hash), and revoking one. Admins
 * and owners only, like the API behind it.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { api, call } from '../../api/client.ts';
import { useSession } from '../../api/session.ts';
import { ConsolePage } from '../layout.tsx';
import { canAdminister } from '../people/people-rules.ts';
import { fieldProblem } from '../shared/api-problems.ts';
import { ConfirmDialog } from '../shared/confirm-dialog.tsx';
import { Field, RadioCard } from '../shared/field.tsx';
import { FormActions } from '../shared/form-actions.tsx';
import { formatDate, formatDateTime, formatRelative } from '../shared/format.ts';
import { QueryState } from '../shared/query-state.tsx';
import { SecretField } from '../shared/secret-field.tsx';
import { TableHead } from '../shared/table-head.tsx';
import {
  type ApiKeyRow,
  countActiveKeys,
  duplicateKeyName,
  keyNameProblem,
  maskedKey,
  type NewApiKey,
  sortApiKeys,
} from './api-keys.ts';
import './keys.css';

const KEYS = ['api-keys'] as const;

/** The API keys page. */
export function ApiKeysPage() {
  const session = useSession().data;
  const allowed = session ? canAdminister(session.role) : false;
  const keys = useQuery({
    queryKey: KEYS,
    queryFn: () => call(api.GET('/api/api-keys')),
    select: (data) => data.items,
    enabled: allowed,
  });
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<NewApiKey | null>(null);

  const subtitle =
    'Keys let your code call Groundwork: the Scale-compatible task API under /v1 and the /api.';
  if (!session) return <ConsolePage title="API keys">Loading…</ConsolePage>;
  if (!allowed) {
    return (
      <ConsolePage title="API keys" subtitle={subtitle}>
        <div className="empty">
          <p>API keys are managed by admins and owners.</p>
          <p className="field__hint">Ask one of them for a key, or to change your role.</p>
        </div>
      </ConsolePage>
    );
  }

  return (
    <ConsolePage
      title="API keys"
      subtitle={subtitle}
      actions={
        !creating && (
          <button
            type="button"
            className="button button--primary"
            onClick={() => {
              setCreated(null);
              setCreating(true);
            }}
          >
            New API key
          </button>
        )
      }
    >
      {created && <NewKeyCard created={created} onDone={() => setCreated(null)} />}
      {creating && (
        <CreateKeyForm
          keys={keys.data ?? []}
          onCreated={(key) => {
            setCreating(false);
            setCreated(key);
          }}
          onCancel={() => setCreating(false)}
        />
      )}
      <QueryState query={keys} loading="Loading keys…">
        {(data) => <KeyList keys={data} />}
      </QueryState>
    </ConsolePage>
  );
}

/** The secret of a new key, shown once. */
function NewKeyCard({ created, onDone }: { created: NewApiKey; onDone: () => void }) {
  const example = `curl -u "${created.key}:" ${window.location.origin}/v1/tasks?limit=1`;
  return (
    <section className="card keys-new" aria-labelledby="keys-new-title">
      <h2 id="keys-new-title">
        Your new {created.environment} key “{created.name}”
      </h2>
      <p className="keys-new__warning" role="note">
        <strong>Copy it now — it will not be shown again.</strong> Groundwork stores only a fingerprint of the
        key; if you lose it, revoke it and create another. Keep it out of code repositories and share it only
        through a secret store.
      </p>
      <SecretField label="Secret key" value={created.key} />
      <SecretField
        label="Try it"
        value={example}
        hint="Send the key as the user name of HTTP Basic authentication (Scale-style), or as Authorization: Bearer <key>."
      />
      <div>
        <button type="button" className="button button--primary" onClick={onDone}>
          I have stored the key
        </button>
      </div>
    </section>
  );
}

function CreateKeyForm({
  keys,
  onCreated,
  onCancel,
}: {
  keys: ApiKeyRow[];
  onCreated: (key: NewApiKey) => void;
  onCancel: () => void;
}) {
  const id = useId();
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [environment, setEnvironment] = useState<'live' | 'test'>('live');
  const [checked, setChecked] = useState(false);
  const create = useMutation({
    mutationFn: () => call(api.POST('/api/api-keys', { body: { name: name.trim(), environment } })),
    onSuccess: (key) => {
      void queryClient.invalidateQueries({ queryKey: KEYS });
      onCreated(key);
    },
  });
  const problem = checked ? keyNameProblem(name) : null;
  const nameError = problem ?? fieldProblem(create.error, 'name');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (keyNameProblem(name) === null) create.mutate();
  };
  return (
    <form className="card form" onSubmit={submit} aria-labelledby={`${id}-title`} noValidate>
      <h2 id={`${id}-title`}>New API key</h2>
      <Field
        label="Name"
        hint={
          nameError
            ? undefined
            : duplicateKeyName(name, keys)
              ? 'An active key already has this name; a distinct one helps tell them apart.'
              : 'Where the key will be used, so you know which to revoke.'
        }
        error={nameError}
      >
        {(control) => (
          <input
            {...control}
            value={name}
            maxLength={100}
            placeholder="e.g. Production pipeline, CI"
            // biome-ignore lint/a11y/noAutofocus: the form opens because the person wants to name a key.
            autoFocus
            onChange={(event) => setName(event.target.value)}
          />
        )}
      </Field>
      <fieldset className="keys-environment">
        <legend>Environment</legend>
        <RadioCard
          name={`${id}-environment`}
          value="live"
          checked={environment === 'live'}
          onChange={() => setEnvironment('live')}
          title="Live"
          description="Your real projects and tasks; tasks go to your annotators."
        />
        <RadioCard
          name={`${id}-environment`}
          value="test"
          checked={environment === 'test'}
          onChange={() => setEnvironment('test')}
          title="Test"
          description="A separate test environment: its projects and tasks never mix with live data. For integration tests and trying things out."
        />
      </fieldset>
      <FormActions
        submitLabel="Create key"
        busyLabel="Creating…"
        busy={create.isPending}
        error={create.error}
        onCancel={onCancel}
      />
    </form>
  );
}

function KeyList({ keys }: { keys: ApiKeyRow[] }) {
  const queryClient = useQueryClient();
  const [showRevoked, setShowRevoked] = useState(false);
  const [revoking, setRevoking] = useState<ApiKeyRow | null>(null);
  const revoke = useMutation({
    mutationFn: (keyId: string) =>
      call(api.DELETE('/api/api-keys/{id}', { params: { path: { id: keyId } } })),
    onSuccess: () => {
      setRevoking(null);
      void queryClient.invalidateQueries({ queryKey: KEYS });
    },
  });
  const counts = countActiveKeys(keys);
  const revokedCount = keys.filter((k) => k.revokedAt !== null).length;
  const shown = sortApiKeys(keys).filter((k) => showRevoked || k.revokedAt === null);
  const now = Date.now();

  return (
    <>
      <div className="stats">
        <div className="stat">
          <div className="stat__value">{counts.live}</div>
          <div className="stat__label">Active live keys</div>
        </div>
        <div className="stat">
          <div className="stat__value">{counts.test}</div>
          <div className="stat__label">Active test keys</div>
        </div>
        <div className="stat">
          <div className="stat__value">{revokedCount}</div>
          <div className="stat__label">Revoked</div>
        </div>
      </div>
      <section className="card" aria-labelledby="keys-list-title">
        <div className="keys-list__head">
          <h2 id="keys-list-title">Keys</h2>
          {revokedCount > 0 && (
            <label className="keys-check">
              <input
                type="checkbox"
                checked={showRevoked}
                onChange={(event) => setShowRevoked(event.target.checked)}
              />
              Show revoked keys ({revokedCount})
            </label>
          )}
        </div>
        {shown.length === 0 ? (
          <p className="empty">No active keys. Create one to call the API from your code.</p>
        ) : (
          <table className="table">
            <TableHead columns={['Name', 'Key', 'Environment', 'Created', 'Last used', 'Status']} actions />
            <tbody>
              {shown.map((key) => (
                <tr key={key.id} className={key.revokedAt ? 'keys-row is-revoked' : 'keys-row'}>
                  <td className="keys-row__name">{key.name}</td>
                  <td>
                    <code className="keys-prefix">{maskedKey(key.prefix)}</code>
                  </td>
                  <td>
                    <span className="badge" data-tone={key.environment === 'live' ? 'ok' : 'info'}>
                      {key.environment}
                    </span>
                  </td>
                  <td title={formatDateTime(key.createdAt)}>{formatDate(key.createdAt)}</td>
                  <td title={formatDateTime(key.lastUsedAt)}>
                    {key.lastUsedAt ? (
                      formatRelative(key.lastUsedAt, now)
                    ) : (
                      <span className="muted">Never</span>
                    )}
                  </td>
                  <td>
                    {key.revokedAt ? (
                      <span className="badge" data-tone="bad" title={formatDateTime(key.revokedAt)}>
                        Revoked {formatRelative(key.revokedAt, now)}
                      </span>
                    ) : (
                      <span className="badge" data-tone="ok">
                        Active
                      </span>
                    )}
                  </td>
                  <td className="keys-row__actions">
                    {key.revokedAt === null && (
                      <button
                        type="button"
                        className="button button--small button--danger"
                        aria-label={`Revoke the key ${key.name}`}
                        onClick={() => setRevoking(key)}
                      >
                        Revoke
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      {revoking && (
        <ConfirmDialog
          title={`Revoke the key “${revoking.name}”?`}
          confirmLabel="Revoke key"
          danger
          mutation={revoke}
          onConfirm={() => revoke.mutate(revoking.id)}
          onClose={() => setRevoking(null)}
        >
          <p>
            Requests with <code>{maskedKey(revoking.prefix)}</code> ({revoking.environment}) fail from now on:
            every script, pipeline or integration using it stops working. This cannot be undone.
            {revoking.lastUsedAt
              ? ` It was last used ${formatRelative(revoking.lastUsedAt, Date.now())}.`
              : ''}
          </p>
        </ConfirmDialog>
      )}
    </>
  );
}
