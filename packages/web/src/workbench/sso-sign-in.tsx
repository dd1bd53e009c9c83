/**
 * The sign-in page's single sign-on part: "Use single sign-on (SSO)" asks for the organization, checks that it
 * offers SSO (`GET /api/auth/sso/{org}`), and sends the browser to `/api/auth/sso/{org}/start`, which goes
 * on to the organization's identity provider and comes back signed in. When a sign-in failed, the server
 * sends the browser back to `/login?sso_error=<reason>&org=<org>`; this part shows why, in words.
 */
import { type FormEvent, useId, useState } from 'react';
import { api, call } from '../api/client.ts';
import { normalizeOrg, ssoErrorMessage, ssoStartUrl } from './sso-sign-in-rules.ts';
import './sso-sign-in.css';

/** Props of {@link SsoSignIn}. */
export interface SsoSignInProps {
  /** Where to go after signing in (the login page's `next`). */
  next?: string | undefined;
}

/**
 * "Use single sign-on (SSO)", below the password form. No control's name contains "Sign in", so the
 * password form's button stays the only one a test finds by that name.
 */
export function SsoSignIn({ next }: SsoSignInProps) {
  const id = useId();
  const params = new URLSearchParams(window.location.search);
  const failure = params.get('sso_error');
  const [open, setOpen] = useState(failure !== null || params.has('org'));
  const [org, setOrg] = useState(params.get('org') ?? '');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const slug = normalizeOrg(org);
    if (slug === '') {
      setProblem('Enter your organization’s name.');
      return;
    }
    setBusy(true);
    setProblem(null);
    try {
      const availability = await call(
        api.GET('/api/auth/sso/{orgSlug}', { params: { path: { orgSlug: slug } } }),
      );
      if (!availability.enabled) {
        setProblem(
          `Single sign-on is not set up for “${slug}”. Check the name, or sign in with your password.`,
        );
        setBusy(false);
        return;
      }
      window.location.assign(ssoStartUrl(slug, next));
    } catch (error) {
      setProblem(error instanceof Error ? error.message : 'The server cannot be reached.');
      setBusy(false);
    }
  };

  return (
    <section className="login__card sso-sign-in" aria-labelledby={`${id}-title`}>
      {open ? (
        <form className="sso-sign-in__form" onSubmit={submit} noValidate>
          <h2 id={`${id}-title`}>Single sign-on</h2>
          {failure !== null && (
            <p className="form-error" role="alert">
              {ssoErrorMessage(failure)}
            </p>
          )}
          <label className="field">
            <span>Organization</span>
            <input
              name="organization"
              autoComplete="organization"
              spellCheck={false}
              autoCapitalize="none"
              placeholder="acme"
              value={org}
              aria-invalid={problem !== null}
              aria-describedby={`${id}-hint${problem ? ` ${id}-problem` : ''}`}
              onChange={(event) => setOrg(event.target.value)}
            />
            <span id={`${id}-hint`} className="field__hint">
              Your organization’s short name, as in your invitation or console address.
            </span>
          </label>
          {problem && (
            <p id={`${id}-problem`} className="form-error" role="alert">
              {problem}
            </p>
          )}
          <button type="submit" className="button button--primary login__submit" disabled={busy}>
            {busy ? 'Continuing…' : 'Continue with SSO'}
          </button>
        </form>
      ) : (
        <>
          <h2 id={`${id}-title`} className="sso-sign-in__title">
            Does your organization use single sign-on?
          </h2>
          <button type="button" className="button login__submit" onClick={() => setOpen(true)}>
            Use single sign-on (SSO)
          </button>
        </>
      )}
    </section>
  );
}
