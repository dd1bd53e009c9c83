/** Sign-in: email and password to a session, then on to where the person was going. */
import { useNavigate, useSearch } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { ApiFailure } from '../api/client.ts';
import { homeOf, useLogin } from '../api/session.ts';
import { Brand } from './app-bar.tsx';
import './workbench.css';

/** The sign-in page. */
export function LoginPage() {
  const { next } = useSearch({ from: '/login' });
  const navigate = useNavigate();
  const login = useLogin();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    login.mutate(
      { email: email.trim(), password },
      { onSuccess: (session) => void navigate({ href: next ?? homeOf(session.role), replace: true }) },
    );
  };

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
    </div>
  );
}
