/**
 * The Secrets tab: the two values receivers use to trust a webhook — the `scale-callback-auth` header
 * value and the `x-groundwork-signature` signing secret. The server shows them in clear once: in the answer
 * that creates them (the first time anyone asks) or rotates them; every later read gives their masked form
 * (`cba_…abcd`), so someone who did not store them rotates them. Rotation comes with a clear warning of what
 * receivers must change.
 */
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { api, call } from '../../api/client.ts';
import { ApiError } from '../shared/api-error.tsx';
import { ConfirmDialog } from '../shared/confirm-dialog.tsx';
import { SecretField } from '../shared/secret-field.tsx';

/** The Secrets tab (admins and owners). */
export function WebhookSecrets() {
  const [confirming, setConfirming] = useState(false);
  const [rotated, setRotated] = useState(false);
  const view = useMutation({ mutationFn: () => call(api.GET('/api/org/webhook-secrets')) });
  const rotate = useMutation({
    mutationFn: () => call(api.POST('/api/org/webhook-secrets/rotate')),
    onSuccess: () => {
      setConfirming(false);
      setRotated(true);
      view.reset();
    },
  });
  const secrets = rotate.data ?? view.data;

  return (
    <section aria-label="Webhook secrets">
      <div className="card hook-secrets">
        <h2>How receivers trust a delivery</h2>
        <p>Every webhook carries two proofs that it comes from your Groundwork organization:</p>
        <ul className="hook-secrets__list">
          <li>
            <code>scale-callback-auth</code>: the <strong>callback auth key</strong>, verbatim — what
            Scale-compatible receivers compare.
          </li>
          <li>
            <code>x-groundwork-signature: t=&lt;unix seconds&gt;,v1=&lt;hex&gt;</code>: an HMAC-SHA256 of{' '}
            <code>&lt;t&gt;.&lt;raw body&gt;</code> keyed with the <strong>signing secret</strong> — check it
            against the raw body, and reject old timestamps to stop replays.
          </li>
        </ul>
        {secrets?.revealed ? (
          <div className="hook-secrets__values">
            <p className="hook-notice" role="status">
              {rotated
                ? 'New secrets are in use. Update your receivers now: deliveries they reject are retried for about a day.'
                : 'Your organization’s webhook secrets were just created.'}{' '}
              <strong>Copy them now: they are shown this once.</strong>
            </p>
            <SecretField
              label="Callback auth key"
              value={secrets.callbackAuthKey}
              masked
              hint="Compare the scale-callback-auth header with this value."
            />
            <SecretField
              label="Signing secret"
              value={secrets.signingSecret}
              masked
              hint="The HMAC-SHA256 key (its UTF-8 bytes) of x-groundwork-signature."
            />
          </div>
        ) : secrets ? (
          <div className="hook-secrets__values">
            <dl className="hook-secrets__masked">
              <dt>Callback auth key</dt>
              <dd>
                <code>{secrets.callbackAuthKey}</code>
              </dd>
              <dt>Signing secret</dt>
              <dd>
                <code>{secrets.signingSecret}</code>
              </dd>
            </dl>
            <p className="field__hint">
              Secrets are shown in clear only when they are created or rotated; these are their first and last
              characters, to tell which ones a receiver has. If nobody stored them, rotate them below.
            </p>
          </div>
        ) : (
          <div className="hook-secrets__reveal">
            <button
              type="button"
              className="button button--primary"
              disabled={view.isPending}
              onClick={() => view.mutate()}
            >
              {view.isPending ? 'Loading…' : 'Show secrets'}
            </button>
            <span className="field__hint">
              The first time, this creates them and shows them once; afterwards it shows which ones are in
              use. Recorded in the organization’s audit log.
            </span>
          </div>
        )}
        <ApiError error={view.error} />
      </div>

      <div className="card hook-rotate">
        <h2>Rotate the secrets</h2>
        <p>
          Rotate when a secret may have leaked or someone who knew it left. Both values are replaced together,
          at once, with no overlap period.
        </p>
        <button type="button" className="button button--danger" onClick={() => setConfirming(true)}>
          Rotate secrets…
        </button>
      </div>

      <details className="card hook-verify">
        <summary>Verifying a delivery in Node.js</summary>
        <pre>{VERIFY_EXAMPLE}</pre>
      </details>

      {confirming && (
        <ConfirmDialog
          title="Rotate the webhook secrets?"
          confirmLabel="Rotate both secrets"
          danger
          mutation={rotate}
          onConfirm={() => rotate.mutate()}
          onClose={() => setConfirming(false)}
        >
          <p>
            A new callback auth key and a new signing secret replace the current ones at once. Every delivery
            from now on — retries of deliveries still pending included — carries the new{' '}
            <code>scale-callback-auth</code> value and is signed with the new secret; the old values stop
            being sent immediately.
          </p>
          <p>
            Every receiver that compares the header or checks the signature must be given the new values.
            Until it is, it will reject deliveries: they are retried for about 24 hours, then marked failed
            (you can re-send them from the Deliveries tab).
          </p>
        </ConfirmDialog>
      )}
    </section>
  );
}

const VERIFY_EXAMPLE = `import { createHmac, timingSafeEqual } from 'node:crypto';

// rawBody: the request body exactly as received, before any JSON parsing.
function verifyGroundworkWebhook(rawBody, headers, signingSecret, toleranceSeconds = 300) {
  const parts = Object.fromEntries(headers['x-groundwork-signature'].split(',').map((p) => p.split('=')));
  const t = Number(parts.t);
  if (!Number.isInteger(t) || Math.abs(Date.now() / 1000 - t) > toleranceSeconds) return false;
  const expected = createHmac('sha256', signingSecret).update(\`\${t}.\${rawBody}\`).digest();
  const given = Buffer.from(parts.v1 ?? '', 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}`;
