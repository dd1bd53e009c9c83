/**
 * The organization's API keys (/console/keys): the keys with their environment and last use, creating one
 * (its secret is shown once, right here, since the server stores only a hash), rotating one (a new secret,
 * shown once, while the old key keeps working for a chosen overlap), and revoking one. Admins and owners
 * only, like the API behind it.
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
import { FormDialog } from '../shared/form-dialog.tsx';
import { formatDate, formatDateTime, formatRelative } from '../shared/format.ts';
import { QueryState } from '../shared/query-state.tsx';
import { SecretField } from '../shared/secret-field.tsx';
import { TableHead } from '../shared/table-head.tsx';
import {
  type ApiKeyRow,
  countActiveKeys,
  duplicateKeyName,
  keyEndLabel,
  keyNameProblem,
  keyState,
  keyWorks,
  maskedKey,
  type NewApiKey,
  OVERLAP_CHOICES,
  type RotatedApiKey,
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
  const [rotated, setRotated] = useState<RotatedApiKey | null>(null);

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
      {rotated && (
        <NewKeyCard
          created={{ ...rotated.created, key: rotated.key }}
          rotatedEnd={keyEndLabel(rotated.retired)}
          onDone={() => setRotated(null)}
        />
      )}
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
        {(data) => (
          <KeyList
            keys={data}
            onRotated={(result) => {
              setCreated(null);
              setRotated(result);
            }}
          />
        )}
      </QueryState>
    </ConsolePage>
  );
}

/** The secret of a new key, shown once; after a rotation, also when the old key stops working. */
function NewKeyCard({
  created,
  rotatedEnd = null,
  onDone,
}: {
  created: NewApiKey;
  rotatedEnd?: string | null;
  onDone: () => void;
}) {
  const example = `curl -u "${created.key}:" ${window.location.origin}/v1/tasks?limit=1`;
  return (
    <section className="card keys-new" aria-labelledby="keys-new-title">
      <h2 id="keys-new-title">
        {rotatedEnd ? 'The rotated' : 'Your new'} {created.environment} key “{created.name}”
      </h2>
      {rotatedEnd && (
        <p className="keys-new__warning">
          Put this key where the old one is used. The old key: {rotatedEnd.toLowerCase()}.
        </p>
      )}
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

function KeyList({ keys, onRotated }: { keys: ApiKeyRow[]; onRotated: (rotated: RotatedApiKey) => void }) {
  const queryClient = useQueryClient();
  const [showRevoked, setShowRevoked] = useState(false);
  const [revoking, setRevoking] = useState<ApiKeyRow | null>(null);
  const [rotating, setRotating] = useState<ApiKeyRow | null>(null);
  const revoke = useMutation({
    mutationFn: (keyId: string) =>
      call(api.DELETE('/api/api-keys/{id}', { params: { path: { id: keyId } } })),
    onSuccess: () => {
      setRevoking(null);
      void queryClient.invalidateQueries({ queryKey: KEYS });
    },
  });
  const now = Date.now();
  const counts = countActiveKeys(keys, now);
  const revokedCount = keys.filter((k) => !keyWorks(k, now)).length;
  const shown = sortApiKeys(keys, now).filter((k) => showRevoked || keyWorks(k, now));

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
          <div className="stat__label">Revoked or stopped</div>
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
              Show revoked and stopped keys ({revokedCount})
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
                <tr key={key.id} className={keyWorks(key, now) ? 'keys-row' : 'keys-row is-revoked'}>
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
                    <KeyStatus apiKey={key} now={now} />
                  </td>
                  <td className="keys-row__actions">
                    <div className="keys-row__buttons">
                      {keyState(key, now) === 'active' && (
                        <button
                          type="button"
                          className="button button--small"
                          aria-label={`Rotate the key ${key.name}`}
                          onClick={() => setRotating(key)}
                        >
                          Rotate
                        </button>
                      )}
                      {keyWorks(key, now) && (
                        <button
                          type="button"
                          className="button button--small button--danger"
                          aria-label={`Revoke the key ${key.name}`}
                          onClick={() => setRevoking(key)}
                        >
                          Revoke
                        </button>
                      )}
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      {rotating && (
        <RotateDialog
          apiKey={rotating}
          onClose={() => setRotating(null)}
          onRotated={(result) => {
            setRotating(null);
            void queryClient.invalidateQueries({ queryKey: KEYS });
            onRotated(result);
          }}
        />
      )}
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

/** The status badge of a key: active, working until its overlap ends, stopped, or revoked. */
function KeyStatus({ apiKey, now }: { apiKey: ApiKeyRow; now: number }) {
  const state = keyState(apiKey, now);
  if (state === 'revoked') {
    return (
      <span className="badge" data-tone="bad" title={formatDateTime(apiKey.revokedAt)}>
        Revoked {formatRelative(apiKey.revokedAt, now)}
      </span>
    );
  }
  if (state === 'active') {
    return (
      <span className="badge" data-tone="ok">
        Active
      </span>
    );
  }
  return (
    <span
      className="badge"
      data-tone={state === 'expiring' ? 'wait' : 'bad'}
      title={`Rotated; ${formatDateTime(apiKey.expiresAt)}`}
    >
      {keyEndLabel(apiKey, now)}
    </span>
  );
}

/** Rotating a key: how long the old one keeps working beside the new one. */
function RotateDialog({
  apiKey,
  onClose,
  onRotated,
}: {
  apiKey: ApiKeyRow;
  onClose: () => void;
  onRotated: (rotated: RotatedApiKey) => void;
}) {
  const id = useId();
  const [overlap, setOverlap] = useState<number>(OVERLAP_CHOICES[0].minutes);
  const rotate = useMutation({
    mutationFn: () =>
      call(
        api.POST('/api/api-keys/{id}/rotate', {
          params: { path: { id: apiKey.id } },
          body: { overlapMinutes: overlap },
        }),
      ),
    onSuccess: onRotated,
  });
  return (
    <FormDialog
      title={`Rotate the key “${apiKey.name}”?`}
      submitLabel="Rotate key"
      busyLabel="Rotating…"
      busy={rotate.isPending}
      error={rotate.error}
      onSubmit={() => rotate.mutate()}
      onClose={() => {
        rotate.reset();
        onClose();
      }}
    >
      <p>
        A new {apiKey.environment} key with the same name is created and its secret shown once.{' '}
        <code>{maskedKey(apiKey.prefix)}</code> keeps working for the overlap you choose, then stops.
      </p>
      <fieldset className="keys-environment">
        <legend>Old key keeps working for</legend>
        {OVERLAP_CHOICES.map((choice) => (
          <RadioCard
            key={choice.minutes}
            name={`${id}-overlap`}
            value={String(choice.minutes)}
            checked={overlap === choice.minutes}
            onChange={() => setOverlap(choice.minutes)}
            title={choice.label}
            description={choice.description}
          />
        ))}
      </fieldset>
    </FormDialog>
  );
}
