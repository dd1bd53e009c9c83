/**
 * Single sign-on (/console/sso), for admins and owners: the redirect URI to register at the identity
 * provider (with Copy), the OpenID Connect settings (issuer, client id and secret, allowed email domains,
 * just-in-time provisioning, "require SSO"), a connection test that shows what the provider's discovery
 * document says, and removal. The client secret is written, never read back: the page shows its last
 * characters only.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { api, call } from '../../api/client.ts';
import { useSession } from '../../api/session.ts';
import { ConsolePage } from '../layout.tsx';
import { canAdminister } from '../people/people-rules.ts';
import { ApiError } from '../shared/api-error.tsx';
import { apiProblems } from '../shared/api-problems.ts';
import { ConfirmDialog } from '../shared/confirm-dialog.tsx';
import { CheckField, Field } from '../shared/field.tsx';
import { formatDateTime } from '../shared/format.ts';
import { QueryState } from '../shared/query-state.tsx';
import { SecretField } from '../shared/secret-field.tsx';
import {
  draftOf,
  formFieldOf,
  JIT_ROLE_LABELS,
  JIT_ROLES,
  type JitRole,
  type SsoConfig,
  type SsoDraft,
  type SsoDraftProblems,
  type SsoSaveBody,
  saveBodyOf,
} from './sso-form.ts';
import './sso.css';

const SETTINGS_KEY = ['org', 'sso'] as const;
const SUBTITLE =
  'Let your people sign in with your identity provider (OpenID Connect). Free, in every edition.';

/** What discovery found at a provider, as the server sends it. */
interface Discovery {
  issuer: string;
  authorizationEndpoint: string;
  tokenEndpoint: string;
  userinfoEndpoint: string | null;
  jwksUri: string | null;
  tokenEndpointAuthMethod: string;
}

/** The SSO page. */
export function SsoPage() {
  const session = useSession().data;
  if (!session) return <ConsolePage title="Single sign-on">Loading…</ConsolePage>;
  if (!canAdminister(session.role)) {
    return (
      <ConsolePage title="Single sign-on" subtitle={SUBTITLE}>
        <p className="empty">Single sign-on is set up by the organization’s admins and owners.</p>
      </ConsolePage>
    );
  }
  return <SsoSettings orgSlug={session.org.slug} />;
}

function SsoSettings({ orgSlug }: { orgSlug: string }) {
  const settings = useQuery({ queryKey: SETTINGS_KEY, queryFn: () => call(api.GET('/api/org/sso')) });
  const config = (settings.data?.config ?? null) as SsoConfig | null;
  return (
    <ConsolePage
      title="Single sign-on"
      subtitle={SUBTITLE}
      actions={
        settings.data &&
        (config === null ? (
          <span className="badge" data-tone="info">
            Not set up
          </span>
        ) : config.enabled ? (
          <span className="badge" data-tone="ok">
            On{config.requireSso ? ' · required' : ''}
          </span>
        ) : (
          <span className="badge" data-tone="wait">
            Off
          </span>
        ))
      }
    >
      <QueryState
        query={settings}
        loading="Loading the single sign-on settings…"
        errorPrefix="Could not load:"
      >
        {(data) => (
          <div className="sso">
            <ProviderSetup redirectUri={data.redirectUri} orgSlug={orgSlug} />
            <SsoForm config={config} />
          </div>
        )}
      </QueryState>
    </ConsolePage>
  );
}

/** What to register at the provider, and how people find the sign-in. */
function ProviderSetup({ redirectUri, orgSlug }: { redirectUri: string; orgSlug: string }) {
  return (
    <section className="card sso__setup" aria-labelledby="sso-setup-title">
      <h2 id="sso-setup-title">1. Register Groundwork at your identity provider</h2>
      <ol className="sso__steps">
        <li>
          Create an <strong>OpenID Connect web application</strong> (a confidential client using the
          authorization code flow) in Okta, Microsoft Entra ID, Google Workspace, Keycloak, Authentik or any
          other OpenID provider.
        </li>
        <li>Register this redirect URI (also called callback or sign-in redirect URL):</li>
      </ol>
      <SecretField
        label="Redirect URI"
        value={redirectUri}
        hint="It must match exactly. It follows the server’s public URL (GROUNDWORK_PUBLIC_URL)."
      />
      <ol className="sso__steps" start={3}>
        <li>
          Allow the scopes <code>openid</code>, <code>email</code> and <code>profile</code>. Groundwork signs
          people in by their <strong>verified</strong> email address.
        </li>
        <li>Copy the issuer URL, client id and client secret into the form below.</li>
      </ol>
      <p className="field__hint">
        People then choose <strong>Use single sign-on (SSO)</strong> on the sign-in page and enter the
        organization <code>{orgSlug}</code>.
      </p>
    </section>
  );
}

/** The settings form, the connection test and removal. */
function SsoForm({ config }: { config: SsoConfig | null }) {
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<SsoDraft>(() => draftOf(config));
  const [problems, setProblems] = useState<SsoDraftProblems>({});
  const [discovery, setDiscovery] = useState<{ found: Discovery; saved: boolean } | null>(null);
  const [removing, setRemoving] = useState(false);
  useEffect(() => setDraft(draftOf(config)), [config]);

  const save = useMutation({
    mutationFn: (body: SsoSaveBody) => call(api.PUT('/api/org/sso', { body })),
    onSuccess: (result) => {
      setDiscovery({ found: result.discovery, saved: true });
      queryClient.setQueryData(SETTINGS_KEY, { config: result.config, redirectUri: result.redirectUri });
    },
  });
  const test = useMutation({
    mutationFn: (issuer: string) =>
      call(api.POST('/api/org/sso/test', { body: issuer.trim() === '' ? {} : { issuer: issuer.trim() } })),
    onSuccess: (found) => setDiscovery({ found, saved: false }),
  });
  const remove = useMutation({
    mutationFn: () => call(api.DELETE('/api/org/sso')),
    onSuccess: () => {
      setRemoving(false);
      setDiscovery(null);
      void queryClient.invalidateQueries({ queryKey: SETTINGS_KEY });
    },
  });

  const failure = save.error ?? test.error;
  const serverProblem = (field: string) =>
    apiProblems(failure).find((p) => formFieldOf(p.path) === field)?.message ?? null;
  const problemOf = (field: keyof SsoDraftProblems | 'domains' | 'jitRole') =>
    (field in problems ? problems[field as keyof SsoDraftProblems] : null) ??
    serverProblem(field) ??
    undefined;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const checked = saveBodyOf(draft, config !== null);
    if (!checked.ok) {
      setProblems(checked.problems);
      return;
    }
    setProblems({});
    setDiscovery(null);
    test.reset();
    save.mutate(checked.body);
  };
  const runTest = () => {
    setDiscovery(null);
    save.reset();
    test.mutate(draft.issuer);
  };
  const set = <K extends keyof SsoDraft>(key: K, value: SsoDraft[K]) => setDraft({ ...draft, [key]: value });

  return (
    <>
      <form className="card form sso__form" onSubmit={submit} aria-labelledby="sso-form-title" noValidate>
        <h2 id="sso-form-title">2. Connect your provider</h2>
        <Field
          label="Issuer URL"
          hint="The provider’s issuer, e.g. https://login.example.com or https://accounts.google.com. Groundwork reads /.well-known/openid-configuration under it."
          error={problemOf('issuer')}
        >
          {(control) => (
            <input
              {...control}
              type="url"
              inputMode="url"
              spellCheck={false}
              autoComplete="off"
              placeholder="https://login.example.com"
              value={draft.issuer}
              onChange={(event) => set('issuer', event.target.value)}
            />
          )}
        </Field>
        <div className="form-row sso__pair">
          <Field label="Client id" error={problemOf('clientId')}>
            {(control) => (
              <input
                {...control}
                spellCheck={false}
                autoComplete="off"
                value={draft.clientId}
                onChange={(event) => set('clientId', event.target.value)}
              />
            )}
          </Field>
          <Field
            label="Client secret"
            hint={
              config
                ? `Stored encrypted (ends in ${config.clientSecretHint.replace('…', '')}). Leave empty to keep it.`
                : 'Stored encrypted; never shown again.'
            }
            error={problemOf('clientSecret')}
          >
            {(control) => (
              <input
                {...control}
                type="password"
                autoComplete="new-password"
                placeholder={config ? '••••••••  (unchanged)' : ''}
                value={draft.clientSecret}
                onChange={(event) => set('clientSecret', event.target.value)}
              />
            )}
          </Field>
        </div>
        <Field
          label="Allowed email domains"
          hint="Separate with commas. Only people with these email domains may sign in with SSO; leave empty to accept every address your provider verifies."
          error={problemOf('domains')}
        >
          {(control) => (
            <input
              {...control}
              spellCheck={false}
              autoComplete="off"
              placeholder="example.com, example.org"
              value={draft.domains}
              onChange={(event) => set('domains', event.target.value)}
            />
          )}
        </Field>
        <fieldset className="sso__options">
          <legend>Sign-in rules</legend>
          <CheckField
            label="Sign-in with SSO is on"
            hint="Off keeps the settings but hides SSO from the sign-in page."
            checked={draft.enabled}
            onChange={(value) => set('enabled', value)}
          />
          <CheckField
            label="Create accounts on first sign-in (just-in-time provisioning)"
            hint="People new to Groundwork whom your provider lets in (with an allowed email domain) become members. Off: only invited members sign in. Accounts of other organizations always need an invitation."
            checked={draft.jitProvisioning}
            onChange={(value) => set('jitProvisioning', value)}
          />
          <Field
            label="Role of new members"
            className="sso__role"
            hint="Never admin or owner: promote people on the People page."
            error={problemOf('jitRole')}
          >
            {(control) => (
              <select
                {...control}
                value={draft.jitRole}
                disabled={!draft.jitProvisioning}
                onChange={(event) => set('jitRole', event.target.value as JitRole)}
              >
                {JIT_ROLES.map((role) => (
                  <option key={role} value={role}>
                    {JIT_ROLE_LABELS[role]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <CheckField
            label="Require SSO"
            hint="Members sign in only through your provider; their passwords stop working. Owners and admins keep their password, so nobody is locked out if the provider fails."
            checked={draft.requireSso}
            onChange={(value) => set('requireSso', value)}
          />
        </fieldset>
        <ApiError error={failure} prefix={save.error ? 'Could not save:' : 'The connection test failed:'} />
        <div className="form-row">
          <button type="submit" className="button button--primary" disabled={save.isPending}>
            {save.isPending ? 'Checking and saving…' : config ? 'Save changes' : 'Save and turn on'}
          </button>
          <button type="button" className="button" onClick={runTest} disabled={test.isPending}>
            {test.isPending ? 'Testing…' : 'Test connection'}
          </button>
          {config && (
            <button
              type="button"
              className="button button--danger sso__remove"
              onClick={() => setRemoving(true)}
            >
              Remove SSO…
            </button>
          )}
        </div>
        {config && <p className="field__hint">Last saved {formatDateTime(config.updatedAt)}.</p>}
      </form>

      {discovery && <DiscoveryResult discovery={discovery.found} saved={discovery.saved} />}

      {removing && (
        <ConfirmDialog
          title="Remove single sign-on?"
          confirmLabel="Remove SSO"
          danger
          mutation={remove}
          onConfirm={() => remove.mutate()}
          onClose={() => setRemoving(false)}
        >
          <p>
            People can no longer sign in through your provider; members with a password sign in with it again.
            Members who only ever used SSO have no password: invite them again or turn SSO back on.
          </p>
        </ConfirmDialog>
      )}
    </>
  );
}

/** What the provider's discovery document says. */
function DiscoveryResult({ discovery, saved }: { discovery: Discovery; saved: boolean }) {
  return (
    <section className="card sso__result" aria-labelledby="sso-result-title" aria-live="polite">
      <h2 id="sso-result-title">
        <span className="badge" data-tone="ok">
          Connected
        </span>{' '}
        {saved ? 'Saved: the provider answered' : 'The provider answered'}
      </h2>
      <dl className="sso__endpoints">
        <dt>Issuer</dt>
        <dd>
          <code>{discovery.issuer}</code>
        </dd>
        <dt>Sign-in page</dt>
        <dd>
          <code>{discovery.authorizationEndpoint}</code>
        </dd>
        <dt>Token endpoint</dt>
        <dd>
          <code>{discovery.tokenEndpoint}</code> ({discovery.tokenEndpointAuthMethod})
        </dd>
        <dt>User info</dt>
        <dd>{discovery.userinfoEndpoint ? <code>{discovery.userinfoEndpoint}</code> : 'none'}</dd>
      </dl>
      <p className="field__hint">
        {saved
          ? 'Try it: sign out, choose “Use single sign-on (SSO)” and enter your organization.'
          : 'The client id and secret are checked at the first sign-in; save to use these settings.'}
      </p>
    </section>
  );
}
