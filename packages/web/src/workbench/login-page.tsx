/**
 * Sign-in: email and password to a session, then on to where the person was going. A person with
 * two-factor sign-in on gets a second step: the 6-digit code of their authenticator app, or one of their
 * recovery codes (the server keeps the first step's challenge in an HttpOnly cookie for 5 minutes).
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { ApiFailure, api, call, setCsrfToken } from '../api/client.ts';
import { homeOf, SESSION_KEY, useLogin } from '../api/session.ts';
import { Brand } from './app-bar.tsx';
import { SsoSignIn } from './sso-sign-in.tsx';
import './workbench.css';
import './login-page.css';

/** The sign-in page. */
export function LoginPage() {
  const { next } = useSearch({ from: '/login' });
  const navigate = useNavigate();
  const login = useLogin();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [secondStep, setSecondStep] = useState(false);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    login.mutate(
      { email: email.trim(), password },
      {
        onSuccess: (session) => void navigate({ href: next ?? homeOf(session.role), replace: true }),
        onError: (error) => {
          if (error instanceof ApiFailure && error.code === 'second_factor_required') setSecondStep(true);
        },
      },
    );
  };

  if (secondStep) {
    return (
      <div className="login">
        <SecondFactorStep
          next={next}
          onBack={() => {
            login.reset();
            setPassword('');
            setSecondStep(false);
          }}
        />
      </div>
    );
  }

  const error = login.error;
  const message =
    error instanceof ApiFailure && error.status === 401
      ? 'That email and password do not match an account.'
      : error instanceof ApiFailure && error.status === 429
        ? 'Too many attempts. Wait a few minutes, then try again.'
        : error
          ? error.message
          : null;

  return (
    <div className="login">
      <form className="login__card" onSubmit={submit} aria-labelledby="login-title">
        <Brand />
        <h1 id="login-title">Sign in</h1>
        <p className="login__lead">Use the email and password your organization invited you with.</p>
        <label className="field">
          <span>Email</span>
          <input
            type="email"
            name="email"
            autoComplete="username"
            required
            // biome-ignore lint/a11y/noAutofocus: the page exists to type into this field.
            autoFocus
            value={email}
            onChange={(event) => setEmail(event.target.value)}
          />
        </label>
        <label className="field">
          <span>Password</span>
          <input
            type="password"
            name="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(event) => setPassword(event.target.value)}
          />
        </label>
        {message && (
          <p className="form-error" role="alert">
            {message}
          </p>
        )}
        <button className="button button--primary login__submit" type="submit" disabled={login.isPending}>
          {login.isPending ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
      <SsoSignIn next={next} />
    </div>
  );
}

/** The second step: a code of the authenticator app, or a recovery code. */
function SecondFactorStep({ next, onBack }: { next: string | undefined; onBack: () => void }) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [useRecovery, setUseRecovery] = useState(false);
  const [value, setValue] = useState('');
  const verify = useMutation({
    mutationFn: () =>
      call(
        api.POST('/api/auth/login/totp', {
          body: useRecovery ? { recoveryCode: value.trim() } : { code: value.replace(/\s/g, '') },
        }),
      ),
    onSuccess: (session) => {
      setCsrfToken(session.csrfToken);
      queryClient.setQueryData(SESSION_KEY, session);
      void navigate({ href: next ?? homeOf(session.role), replace: true });
    },
  });
  const typed = value.replace(/\s/g, '');
  const ready = useRecovery ? value.trim() !== '' : /^\d{6}$/.test(typed);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (ready) verify.mutate();
  };
  const error = verify.error;
  // The challenge is gone (expired, or used up by wrong codes): only starting over helps.
  const startOver =
    error instanceof ApiFailure &&
    (error.status === 429 || (error.status === 401 && error.details.length === 0));
  return (
    <form className="login__card" onSubmit={submit} aria-labelledby="login-2fa-title" noValidate>
      <Brand />
      <h1 id="login-2fa-title">Two-factor sign-in</h1>
      <p className="login__lead">
        {useRecovery
          ? 'Enter one of the recovery codes you saved when you turned on two-factor sign-in. Each code works once.'
          : 'Enter the 6-digit code your authenticator app shows for Groundwork.'}
      </p>
      <label className="field">
        <span>{useRecovery ? 'Recovery code' : '6-digit code'}</span>
        <input
          key={useRecovery ? 'recovery' : 'code'}
          name={useRecovery ? 'recoveryCode' : 'code'}
          className={useRecovery ? 'login__code login__code--recovery' : 'login__code'}
          inputMode={useRecovery ? 'text' : 'numeric'}
          autoComplete="one-time-code"
          maxLength={useRecovery ? 64 : 7}
          required
          // biome-ignore lint/a11y/noAutofocus: the step exists to type this code.
          autoFocus
          value={value}
          onChange={(event) => setValue(event.target.value)}
        />
      </label>
      {error && (
        <p className="form-error" role="alert">
          {error.message}
        </p>
      )}
      {startOver ? (
        <button className="button button--primary login__submit" type="button" onClick={onBack}>
          Sign in again
        </button>
      ) : (
        <button
          className="button button--primary login__submit"
          type="submit"
          disabled={verify.isPending || !ready}
        >
          {verify.isPending ? 'Checking…' : 'Verify'}
        </button>
      )}
      <div className="login__links">
        <button
          type="button"
          className="login__link"
          onClick={() => {
            setUseRecovery(!useRecovery);
            setValue('');
            verify.reset();
          }}
        >
          {useRecovery ? 'Use a code from the app' : 'Use a recovery code'}
        </button>
        <button type="button" className="login__link" onClick={onBack}>
          Back
        </button>
      </div>
    </form>
  );
}
