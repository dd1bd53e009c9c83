/**
 * The page an invitation link opens (`/invite/{token}`, the link `POST /api/invitations` returns): what
 * the link invites to, then either a new account (name and password) or the password of the invited
 * address's existing account. Accepting signs the person in and takes them to their workbench (or, for
 * console roles, the console). A link that is unknown, used, revoked or expired says so.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { type FormEvent, useId, useState } from 'react';
import { ApiFailure, api, call, setCsrfToken } from '../../api/client.ts';
import { canUseConsole, SESSION_KEY, useSession } from '../../api/session.ts';
import { Brand } from '../../workbench/app-bar.tsx';
import { fieldProblem } from '../shared/api-problems.ts';
import { formatDateTime } from '../shared/format.ts';
import { type AcceptForm, acceptFormProblems, MIN_PASSWORD_LENGTH, roleLabel } from './people-rules.ts';
import '../../workbench/workbench.css';
import './people.css';

/** Props of {@link AcceptInvitationPage}. */
export interface AcceptInvitationPageProps {
  /** The token of the link (the last segment of `/invite/{token}`). */
  token: string;
}

/** The accept-invitation page. */
export function AcceptInvitationPage({ token }: AcceptInvitationPageProps) {
  const preview = useQuery({
    queryKey: ['invitation-preview', token],
    queryFn: () => call(api.GET('/api/invitations/by-token/{token}', { params: { path: { token } } })),
    retry: false,
  });

  return (
    <div className="login">
      <div className="login__card">
        <Brand />
        {preview.isPending ? (
          <p className="login__lead">Opening your invitation…</p>
        ) : preview.isError ? (
          <>
            <h1>This link does not work</h1>
            <p className="form-error" role="alert">
              {preview.error instanceof ApiFailure && preview.error.status === 404
                ? preview.error.message
                : `The invitation could not be read: ${preview.error.message}`}
            </p>
            <p className="login__lead">
              Invitation links work once and for 7 days. Ask whoever invited you for a new one, or sign in if
              you already joined.
            </p>
            <Link to="/login" className="button login__submit">
              Go to sign-in
            </Link>
          </>
        ) : (
          <InvitationForm token={token} invitation={preview.data} />
        )}
      </div>
    </div>
  );
}

function InvitationForm({
  token,
  invitation,
}: {
  token: string;
  invitation: { orgName: string; email: string; role: Parameters<typeof roleLabel>[0]; expiresAt: string };
}) {
  const id = useId();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const current = useSession().data;
  const [form, setForm] = useState<AcceptForm>({ mode: 'new', name: '', password: '', confirm: '' });
  const [checked, setChecked] = useState(false);
  const problems = checked ? acceptFormProblems(form) : {};

  const [notice, setNotice] = useState<string | null>(null);

  const accept = useMutation({
    mutationFn: (body: { password: string; name?: string }) =>
      call(api.POST('/api/invitations/accept', { body: { token, ...body } })),
    onSuccess: (session) => {
      // Whoever was signed in before is gone: forget their cached data before showing the new person's.
      queryClient.clear();
      setCsrfToken(session.csrfToken);
      queryClient.setQueryData(SESSION_KEY, session);
      void navigate({ to: canUseConsole(session.role) ? '/console' : '/work', replace: true });
    },
    onError: (error, body) => {
      // The address already has an account (the preview cannot say so): ask for its password instead.
      if (isWrongPassword(error) && body.name !== undefined) {
        setForm((f) => ({ ...f, mode: 'existing', password: '', confirm: '' }));
        setChecked(false);
        setNotice(`${invitation.email} already has a Groundwork account. Enter its password to join.`);
        accept.reset();
      }
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    setNotice(null);
    if (Object.keys(acceptFormProblems(form)).length > 0) return;
    accept.mutate(
      form.mode === 'new' ? { password: form.password, name: form.name.trim() } : { password: form.password },
    );
  };

  const error = accept.error;
  // Joined, but an account with a second factor signs in with its code: send the person to sign in.
  const signInNeeded =
    error instanceof ApiFailure &&
    (error.code === 'already_member' || error.code === 'second_factor_required');
  const message = isWrongPassword(error)
    ? 'That is not the password of this account.'
    : error instanceof ApiFailure && error.status === 429
      ? 'Too many attempts. Wait a few minutes, then try again.'
      : error
        ? error.message
        : null;
  const setMode = (mode: AcceptForm['mode']) => {
    setForm({ ...form, mode, password: '', confirm: '' });
    setChecked(false);
    setNotice(null);
    accept.reset();
  };

  return (
    <form onSubmit={submit} className="invite-accept" aria-labelledby={`${id}-title`} noValidate>
      <h1 id={`${id}-title`}>Join {invitation.orgName}</h1>
      <p className="login__lead">You have been invited to work in {invitation.orgName} on Groundwork.</p>
      <dl className="invite-accept__facts">
        <dt>Email</dt>
        <dd>{invitation.email}</dd>
        <dt>Role</dt>
        <dd>{roleLabel(invitation.role)}</dd>
        <dt>Link valid until</dt>
        <dd>{formatDateTime(invitation.expiresAt)}</dd>
      </dl>
      {current && current.user.email !== invitation.email && (
        <p className="login__lead" role="note">
          You are signed in as {current.user.email}. Accepting signs you in as {invitation.email} instead.
        </p>
      )}
      {notice && (
        <p className="login__lead" role="status">
          {notice}
        </p>
      )}
      {form.mode === 'new' ? (
        <>
          <label className="field">
            <span>Your name</span>
            <input
              name="name"
              autoComplete="name"
              required
              maxLength={200}
              value={form.name}
              onChange={(event) => setForm({ ...form, name: event.target.value })}
              aria-invalid={problems.name !== undefined}
              aria-describedby={problems.name ? `${id}-name` : undefined}
            />
            {problems.name && (
              <span id={`${id}-name`} className="field__error">
                {problems.name}
              </span>
            )}
          </label>
          <label className="field">
            <span>Choose a password</span>
            <input
              type="password"
              name="new-password"
              autoComplete="new-password"
              required
              minLength={MIN_PASSWORD_LENGTH}
              value={form.password}
              onChange={(event) => setForm({ ...form, password: event.target.value })}
              aria-invalid={problems.password !== undefined}
              aria-describedby={`${id}-password`}
            />
            <span id={`${id}-password`} className={problems.password ? 'field__error' : 'field__hint'}>
              {problems.password ?? `At least ${MIN_PASSWORD_LENGTH} characters.`}
            </span>
          </label>
          <label className="field">
            <span>Password again</span>
            <input
              type="password"
              name="confirm-password"
              autoComplete="new-password"
              required
              value={form.confirm}
              onChange={(event) => setForm({ ...form, confirm: event.target.value })}
              aria-invalid={problems.confirm !== undefined}
              aria-describedby={problems.confirm ? `${id}-confirm` : undefined}
            />
            {problems.confirm && (
              <span id={`${id}-confirm`} className="field__error">
                {problems.confirm}
              </span>
            )}
          </label>
        </>
      ) : (
        <label className="field">
          <span>Password of your Groundwork account</span>
          <input
            type="password"
            name="password"
            autoComplete="current-password"
            required
            value={form.password}
            onChange={(event) => setForm({ ...form, password: event.target.value })}
            aria-invalid={problems.password !== undefined || isWrongPassword(error)}
            aria-describedby={problems.password ? `${id}-existing` : undefined}
          />
          {problems.password && (
            <span id={`${id}-existing`} className="field__error">
              {problems.password}
            </span>
          )}
        </label>
      )}
      {message && (
        <p className="form-error" role="alert">
          {message}
          {signInNeeded && (
            <>
              {' '}
              <Link to="/login">
                {error instanceof ApiFailure && error.code === 'second_factor_required'
                  ? 'Sign in.'
                  : 'Sign in instead.'}
              </Link>
            </>
          )}
        </p>
      )}
      <button className="button button--primary login__submit" type="submit" disabled={accept.isPending}>
        {accept.isPending ? 'Joining…' : `Join ${invitation.orgName}`}
      </button>
      <button
        type="button"
        className="invite-accept__switch"
        onClick={() => setMode(form.mode === 'new' ? 'existing' : 'new')}
      >
        {form.mode === 'new'
          ? `I already have a Groundwork account for ${invitation.email}`
          : 'I am new to Groundwork: create my account'}
      </button>
    </form>
  );
}

/** Whether a failed acceptance means the address has an account whose password was not given. */
function isWrongPassword(error: unknown): boolean {
  return error instanceof ApiFailure && error.status === 401 && fieldProblem(error, 'password') !== null;
}
