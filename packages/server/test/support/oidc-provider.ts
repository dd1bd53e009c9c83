/**
 * A real OpenID provider (`oidc-provider`) on 127.0.0.1 with a random port, for single sign-on tests:
 * one confidential client, accounts the test sets (email, email_verified, name), and interactions
 * completed programmatically (`interactionFinished`) for whichever account the test says signs in.
 * A small browser (`followProvider`) walks the provider's redirects with its own cookie jar.
 */
import { generateKeyPairSync } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

/** An account at the provider. */
export interface ProviderAccount {
  email?: string;
  emailVerified?: boolean;
  name?: string;
}

/** A running provider. */
export interface TestProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Adds or replaces an account; `sub` is its subject. */
  setAccount(sub: string, account: ProviderAccount): void;
  /** The account the next interaction signs in as. */
  signInAs(sub: string): void;
  /** Makes the next interaction refuse (`access_denied`). */
  denyNext(): void;
  close(): Promise<void>;
}

/** Starts a provider whose client may redirect to `redirectUri`. */
export async function startTestProvider(redirectUri: string): Promise<TestProvider> {
  const accounts = new Map<string, ProviderAccount>();
  let current: string | null = null;
  let deny = false;
  let provider: Provider | undefined;
  const clientId = 'groundwork-test';
  const clientSecret = 'a-client-secret-of-the-test-provider-0123456789';

  const server: Server = createServer((req, res) => {
    if (!provider) {
      res.statusCode = 503;
      res.end();
      return;
    }
    const p = provider;
    if (req.url?.startsWith('/interaction/')) {
      void (async () => {
        try {
          const details = await p.interactionDetails(req, res);
          if (deny || current === null) {
            deny = false;
            await p.interactionFinished(
              req,
              res,
              { error: 'access_denied', error_description: 'refused by the test' },
              { mergeWithLastSubmission: false },
            );
            return;
          }
          if (details.prompt.name === 'login') {
            await p.interactionFinished(
              req,
              res,
              { login: { accountId: current } },
              { mergeWithLastSubmission: false },
            );
            return;
          }
          const grant = new p.Grant({ accountId: current, clientId: String(details.params.client_id) });
          grant.addOIDCScope(String(details.params.scope));
          const grantId = await grant.save();
          await p.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
        } catch (error) {
          res.statusCode = 500;
          res.end(String(error));
        }
      })();
      return;
    }
    p.callback()(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const issuer = `http://127.0.0.1:${port}`;
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = { ...privateKey.export({ format: 'jwk' }), kid: 'test-key', use: 'sig', alg: 'RS256' };

  provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    // biome-ignore lint/suspicious/noExplicitAny: a JWK exported by node:crypto, as the provider wants it.
    jwks: { keys: [jwk as any] },
    cookies: { keys: ['test-cookie-key'] },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    features: { devInteractions: { enabled: false } },
    ttl: {
      Interaction: 600,
      Session: 3600,
      Grant: 3600,
      AccessToken: 600,
      IdToken: 600,
      AuthorizationCode: 60,
    },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    async findAccount(_ctx, sub) {
      const account = accounts.get(sub);
      if (!account) return undefined;
      return {
        accountId: sub,
        async claims() {
          return {
            sub,
            ...(account.email !== undefined ? { email: account.email } : {}),
            ...(account.emailVerified !== undefined ? { email_verified: account.emailVerified } : {}),
            ...(account.name !== undefined ? { name: account.name } : {}),
          };
        },
      };
    },
  });
  // Keep the provider's own errors out of the test output.
  provider.on('server_error', () => {});

  return {
    issuer,
    clientId,
    clientSecret,
    setAccount: (sub, account) => accounts.set(sub, account),
    signInAs: (sub) => {
      current = sub;
    },
    denyNext: () => {
      deny = true;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * Follows redirects at the provider like a browser (cookies kept per run, paths ignored) from `url`
 * until a redirect leaves the provider; returns that location (the callback with code and state).
 */
export async function followProvider(url: string, issuer: string): Promise<URL> {
  const jar = new Map<string, string>();
  let next = new URL(url);
  for (let hop = 0; hop < 20; hop++) {
    if (next.origin !== new URL(issuer).origin) return next;
    const response = await fetch(next, {
      redirect: 'manual',
      headers: { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') },
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = pair?.indexOf('=') ?? -1;
      if (!pair || eq < 1) continue;
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      if (value === '' || /expires=Thu, 01 Jan 1970/i.test(line)) jar.delete(name);
      else jar.set(name, value);
    }
    const location = response.headers.get('location');
    if (!location) {
      throw new Error(
        `the provider answered ${response.status} without a redirect: ${await response.text()}`,
      );
    }
    await response.body?.cancel();
    next = new URL(location, next);
  }
  throw new Error('too many redirects at the provider');
}
