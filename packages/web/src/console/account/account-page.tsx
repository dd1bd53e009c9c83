/**
 * The caller's account security (/console/account): two-factor sign-in (enrol with a QR code or the secret
 * typed by hand, confirm with a first code, keep the recovery codes shown once, turn it off with a code),
 * and the signed-in sessions of this organization — where and when each signed in, ending one, or every
 * one but this browser's.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { api, call } from '../../api/client.ts';
import { useSession } from '../../api/session.ts';
import { ConsolePage } from '../layout.tsx';
import { errorMessage, fieldProblem } from '../shared/api-problems.ts';
import { ConfirmDialog } from '../shared/confirm-dialog.tsx';
import { Field } from '../shared/field.tsx';
import { FormActions } from '../shared/form-actions.tsx';
import { FormDialog } from '../shared/form-dialog.tsx';
import { formatDate, formatDateTime, formatRelative } from '../shared/format.ts';
import { QueryState } from '../shared/query-state.tsx';
import { copyText, SecretField } from '../shared/secret-field.tsx';
import { TableHead } from '../shared/table-head.tsx';
import {
  describeUserAgent,
  groupSecret,
  type LoginSessionRow,
  recoveryCodesText,
  sortSessions,
  type TotpEnrolment,
  type TotpStatus,
} from './account.ts';
import './account.css';

const TOTP_KEY = ['account', 'totp'] as const;
const SESSIONS_KEY = ['account', 'sessions'] as const;

/** The account security page. */
export function AccountPage() {
  const session = useSession().data;
  return (
    <ConsolePage
      title="Account security"
      subtitle={
        session
          ? `Signed in as ${session.user.email} in ${session.org.name}.`
          : 'Two-factor sign-in and the browsers signed in to your account.'
      }
    >
      <TwoFactorCard account={session?.user.email ?? ''} />
      <SessionsCard />
    </ConsolePage>
  );
}

function TwoFactorCard({ account }: { account: string }) {
  const status = useQuery({ queryKey: TOTP_KEY, queryFn: () => call(api.GET('/api/account/totp')) });
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  return (
    <section className="card account-card" aria-labelledby="account-2fa-title">
      <div className="account-card__head">
        <h2 id="account-2fa-title">Two-factor sign-in</h2>
        {status.data && (
          <span className="badge" data-tone={status.data.enabled ? 'ok' : 'wait'}>
            {status.data.enabled ? 'On' : 'Off'}
          </span>
        )}
      </div>
      {recoveryCodes && (
        <RecoveryCodes codes={recoveryCodes} account={account} onDone={() => setRecoveryCodes(null)} />
      )}
      <QueryState query={status} loading="Loading your two-factor settings…">
        {(data) => <TwoFactorBody status={data} onEnabled={setRecoveryCodes} />}
      </QueryState>
    </section>
  );
}

function TwoFactorBody({ status, onEnabled }: { status: TotpStatus; onEnabled: (codes: string[]) => void }) {
  const queryClient = useQueryClient();
  const [enrolment, setEnrolment] = useState<TotpEnrolment | null>(null);
  const [disabling, setDisabling] = useState(false);
  const [password, setPassword] = useState('');
  const [asked, setAsked] = useState(false);
  const enrol = useMutation({
    mutationFn: () => call(api.POST('/api/account/totp', { body: { password } })),
    onSuccess: (started) => {
      setPassword('');
      setEnrolment(started);
    },
  });

  if (!status.available) {
    return (
      <p className="account-lead">
        Your account signs in without a password (through your organization's single sign-on), so a second
        factor is up to your identity provider.
      </p>
    );
  }
  if (status.enabled) {
    return (
      <>
        <p className="account-lead">
          Signing in asks for a 6-digit code from your authenticator app after your password
          {status.enabledAt ? ` (on since ${formatDate(status.enabledAt)})` : ''}.
        </p>
        <dl className="account-facts">
          <div>
            <dt>Recovery codes left</dt>
            <dd>
              {status.recoveryCodesLeft} of 10
              {status.recoveryCodesLeft <= 3 && (
                <span className="field__hint">
                  {' '}
                  — running low: turn two-factor sign-in off and on again for new codes.
                </span>
              )}
            </dd>
          </div>
        </dl>
        <div>
          <button type="button" className="button button--danger" onClick={() => setDisabling(true)}>
            Turn off two-factor sign-in
          </button>
        </div>
        {disabling && (
          <DisableDialog
            onClose={() => setDisabling(false)}
            onDisabled={() => {
              setDisabling(false);
              void queryClient.invalidateQueries({ queryKey: TOTP_KEY });
            }}
          />
        )}
      </>
    );
  }
  if (enrolment) {
    return (
      <Enrolment
        enrolment={enrolment}
        onCancel={() => setEnrolment(null)}
        onConfirmed={(codes) => {
          setEnrolment(null);
          onEnabled(codes);
          void queryClient.invalidateQueries({ queryKey: TOTP_KEY });
        }}
      />
    );
  }
  return (
    <>
      <p className="account-lead">
        Protect your account with a second step at sign-in: a 6-digit code from an authenticator app on your
        phone (Google Authenticator, 1Password, Authy, FreeOTP…). Someone who learns your password still
        cannot sign in.
      </p>
      <form
        className="account-password"
        noValidate
        onSubmit={(event: FormEvent) => {
          event.preventDefault();
          setAsked(true);
          if (password !== '') enrol.mutate();
        }}
      >
        <Field
          label="Your password"
          hint="Asked again before a second factor is added to your account."
          error={
            asked && password === ''
              ? 'Enter your password.'
              : fieldProblem(enrol.error, 'password')
                ? 'That is not the password of your account.'
                : null
          }
        >
          {(control) => (
            <input
              {...control}
              type="password"
              autoComplete="current-password"
              value={password}
              onChange={(event) => setPassword(event.target.value)}
            />
          )}
        </Field>
        {enrol.error && !fieldProblem(enrol.error, 'password') ? (
          <p className="error-text" role="alert">
            {enrol.error.message}
          </p>
        ) : null}
        <div>
          <button type="submit" className="button button--primary" disabled={enrol.isPending}>
            {enrol.isPending ? 'Starting…' : 'Set up two-factor sign-in'}
          </button>
        </div>
      </form>
    </>
  );
}

function Enrolment({
  enrolment,
  onCancel,
  onConfirmed,
}: {
  enrolment: TotpEnrolment;
  onCancel: () => void;
  onConfirmed: (codes: string[]) => void;
}) {
  const id = useId();
  const [code, setCode] = useState('');
  const [checked, setChecked] = useState(false);
  const confirm = useMutation({
    mutationFn: () => call(api.POST('/api/account/totp/confirm', { body: { code: code.trim() } })),
    onSuccess: (result) => onConfirmed(result.recoveryCodes),
  });
  const typed = code.replace(/\s/g, '');
  const problem = checked && !/^\d{6}$/.test(typed) ? 'Enter the 6 digits your app shows.' : null;
  const wrongCode = fieldProblem(confirm.error, 'code') ? errorMessage(confirm.error) : null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (/^\d{6}$/.test(typed)) confirm.mutate();
  };
  return (
    <form className="account-enrol" onSubmit={submit} aria-labelledby={`${id}-title`} noValidate>
      <h3 id={`${id}-title`}>1. Add Groundwork to your authenticator app</h3>
      <div className="account-enrol__scan">
        <img
          className="account-enrol__qr"
          src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(enrolment.qrSvg)}`}
          alt="QR code to scan with your authenticator app"
          width={180}
          height={180}
        />
        <div className="account-enrol__manual">
          <p>
            Scan the code with the app, or type this secret into it by hand (time-based, 6 digits, 30
            seconds):
          </p>
          <SecretField label="Secret" value={groupSecret(enrolment.secret)} />
        </div>
      </div>
      <h3>2. Enter the code the app shows</h3>
      <Field label="6-digit code" error={problem ?? wrongCode}>
        {(control) => (
          <input
            {...control}
            className="account-code"
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={7}
            value={code}
            placeholder="123456"
            onChange={(event) => setCode(event.target.value)}
          />
        )}
      </Field>
      <FormActions
        submitLabel="Turn on two-factor sign-in"
        busyLabel="Checking…"
        busy={confirm.isPending}
        error={wrongCode ? null : confirm.error}
        onCancel={onCancel}
      />
    </form>
  );
}

function RecoveryCodes({ codes, account, onDone }: { codes: string[]; account: string; onDone: () => void }) {
  const [copied, setCopied] = useState<boolean | null>(null);
  return (
    <section className="account-recovery" aria-labelledby="account-recovery-title">
      <h3 id="account-recovery-title">Two-factor sign-in is on. Save your recovery codes</h3>
      <p className="account-recovery__warning" role="note">
        <strong>They are shown only now.</strong> If you lose your phone, sign in with one of these instead of
        a code; each works once. Keep them in a password manager or printed somewhere safe.
      </p>
      <ol className="account-recovery__codes" aria-label="Recovery codes">
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ol>
      <div className="account-recovery__actions">
        <button
          type="button"
          className="button"
          onClick={() => void copyText(recoveryCodesText(codes, account)).then(setCopied)}
        >
          Copy codes
        </button>
        <span className="field__hint" aria-live="polite">
          {copied === true ? 'Copied.' : copied === false ? 'Could not copy; select the codes instead.' : ''}
        </span>
        <button type="button" className="button button--primary" onClick={onDone}>
          I have saved the codes
        </button>
      </div>
    </section>
  );
}

function DisableDialog({ onClose, onDisabled }: { onClose: () => void; onDisabled: () => void }) {
  const [useRecovery, setUseRecovery] = useState(false);
  const [value, setValue] = useState('');
  const disable = useMutation({
    mutationFn: () =>
      call(
        api.POST('/api/account/totp/disable', {
          body: useRecovery ? { recoveryCode: value.trim() } : { code: value.replace(/\s/g, '') },
        }),
      ),
    onSuccess: onDisabled,
  });
  const field = useRecovery ? 'recoveryCode' : 'code';
  const wrongCode = fieldProblem(disable.error, field) ? errorMessage(disable.error) : null;
  return (
    <FormDialog
      title="Turn off two-factor sign-in?"
      submitLabel="Turn off"
      busyLabel="Turning off…"
      danger
      busy={disable.isPending}
      disabled={value.trim() === ''}
      error={wrongCode ? null : disable.error}
      onSubmit={() => disable.mutate()}
      onClose={() => {
        disable.reset();
        onClose();
      }}
    >
      <p>Signing in will ask only for your password. Your recovery codes stop working.</p>
      <Field label={useRecovery ? 'Recovery code' : '6-digit code'} error={wrongCode}>
        {(control) => (
          <input
            {...control}
            inputMode={useRecovery ? 'text' : 'numeric'}
            autoComplete="one-time-code"
            value={value}
            onChange={(event) => setValue(event.target.value)}
          />
        )}
      </Field>
      <button
        type="button"
        className="link-button"
        onClick={() => {
          setUseRecovery(!useRecovery);
          setValue('');
          disable.reset();
        }}
      >
        {useRecovery ? 'Use a code from the app instead' : 'Use a recovery code instead'}
      </button>
    </FormDialog>
  );
}

function SessionsCard() {
  const queryClient = useQueryClient();
  const sessions = useQuery({
    queryKey: SESSIONS_KEY,
    queryFn: () => call(api.GET('/api/sessions')),
    select: (data) => sortSessions(data.items),
  });
  const [ending, setEnding] = useState<LoginSessionRow | null>(null);
  const [endingOthers, setEndingOthers] = useState(false);
  const refresh = () => void queryClient.invalidateQueries({ queryKey: SESSIONS_KEY });
  const end = useMutation({
    mutationFn: (id: string) => call(api.DELETE('/api/sessions/{id}', { params: { path: { id } } })),
    onSuccess: () => {
      setEnding(null);
      refresh();
    },
  });
  const endOthers = useMutation({
    mutationFn: () => call(api.POST('/api/sessions/end-others')),
    onSuccess: () => {
      setEndingOthers(false);
      refresh();
    },
  });
  const others = sessions.data?.filter((s) => !s.current).length ?? 0;
  const now = Date.now();
  return (
    <section className="card account-card" aria-labelledby="account-sessions-title">
      <div className="account-card__head">
        <h2 id="account-sessions-title">Where you are signed in</h2>
        {others > 0 && (
          <button
            type="button"
            className="button button--small button--danger"
            onClick={() => setEndingOthers(true)}
          >
            End all other sessions
          </button>
        )}
      </div>
      <p className="account-lead">
        Browsers signed in to your account in this organization. End any you do not recognise; it is signed
        out at once.
      </p>
      <QueryState query={sessions} loading="Loading your sessions…">
        {(rows) => (
          <table className="table account-sessions">
            <TableHead columns={['Browser', 'Address', 'Signed in', 'Last active', 'Ends']} actions />
            <tbody>
              {rows.map((row) => (
                <tr key={row.id}>
                  <td>
                    <span title={row.userAgent ?? undefined}>{describeUserAgent(row.userAgent)}</span>
                    {row.current && (
                      <span className="badge account-sessions__current" data-tone="info">
                        This browser
                      </span>
                    )}
                  </td>
                  <td>{row.ip ?? <span className="muted">Unknown</span>}</td>
                  <td title={formatDateTime(row.createdAt)}>{formatRelative(row.createdAt, now)}</td>
                  <td title={formatDateTime(row.lastSeenAt)}>{formatRelative(row.lastSeenAt, now)}</td>
                  <td title={formatDateTime(row.expiresAt)}>{formatRelative(row.expiresAt, now)}</td>
                  <td className="account-sessions__actions">
                    {!row.current && (
                      <button
                        type="button"
                        className="button button--small"
                        aria-label={`End the session of ${describeUserAgent(row.userAgent)} from ${row.ip ?? 'an unknown address'}`}
                        onClick={() => setEnding(row)}
                      >
                        End
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </QueryState>
      {sessions.data && others === 0 && (
        <p className="field__hint">No other browser is signed in to your account.</p>
      )}
      {ending && (
        <ConfirmDialog
          title="End this session?"
          confirmLabel="End session"
          danger
          mutation={end}
          onConfirm={() => end.mutate(ending.id)}
          onClose={() => setEnding(null)}
        >
          <p>
            {describeUserAgent(ending.userAgent)} at {ending.ip ?? 'an unknown address'}, last active{' '}
            {formatRelative(ending.lastSeenAt, Date.now())}, is signed out at once.
          </p>
        </ConfirmDialog>
      )}
      {endingOthers && (
        <ConfirmDialog
          title="End all other sessions?"
          confirmLabel={`End ${others} session${others === 1 ? '' : 's'}`}
          danger
          mutation={endOthers}
          onConfirm={() => endOthers.mutate()}
          onClose={() => setEndingOthers(false)}
        >
          <p>
            Every other browser signed in to your account here is signed out at once. This one stays signed
            in.
          </p>
        </ConfirmDialog>
      )}
    </section>
  );
}
