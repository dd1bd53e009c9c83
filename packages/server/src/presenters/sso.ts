/**
 * The first-party (`/api`) shapes of single sign-on: an organization's configuration as admins see it
 * (the client secret never, only a hint), what discovery found at a provider, and whether an
 * organization offers SSO (for the login page).
 */
import { z } from 'zod';
import {
  SSO_JIT_ROLES,
  type SsoAvailability,
  type SsoConfigView,
  type SsoDiscovery,
} from '../services/sso.ts';

/** What discovery found at an issuer. */
export const apiSsoDiscoverySchema = z
  .object({
    issuer: z.string().describe('The issuer the provider names itself with (checked against the one given).'),
    authorizationEndpoint: z.string().describe('Where people are sent to sign in.'),
    tokenEndpoint: z.string().describe('Where the server exchanges the code for tokens.'),
    userinfoEndpoint: z
      .string()
      .nullable()
      .describe('Where the server may read the email, if the provider has one.'),
    jwksUri: z.string().nullable().describe("The provider's signing keys."),
    tokenEndpointAuthMethod: z
      .enum(['client_secret_basic', 'client_secret_post'])
      .describe('How the server authenticates at the token endpoint.'),
  })
  .describe("The provider's OpenID Connect discovery document, in short.");

/** The stored configuration, secret masked. */
export const apiSsoConfigSchema = z
  .object({
    issuer: z.string().describe('Issuer URL of the OpenID provider.'),
    clientId: z.string().describe('Client id registered at the provider.'),
    clientSecretHint: z
      .string()
      .describe('The last characters of the client secret (`…x9Qa`); the secret itself is never returned.'),
    allowedDomains: z
      .array(z.string().describe('A domain, lower case.'))
      .describe('Email domains allowed to sign in; empty: every domain the provider vouches for.'),
    jitProvisioning: z
      .boolean()
      .describe('Whether unknown people get an account and membership on first sign-in.'),
    jitRole: z.enum(SSO_JIT_ROLES).describe('The role of people provisioned just in time.'),
    requireSso: z
      .boolean()
      .describe('Whether members other than owners and admins must sign in with SSO (passwords refused).'),
    enabled: z.boolean().describe('Whether SSO sign-in is on.'),
    updatedAt: z.string().meta({ format: 'date-time' }).describe('When the configuration was last saved.'),
  })
  .describe("The organization's single sign-on configuration.");

/** An admin's read of the SSO settings. */
export const apiSsoSettingsSchema = z
  .object({
    config: apiSsoConfigSchema.nullable().describe('The configuration, or null when SSO is not set up.'),
    redirectUri: z
      .string()
      .describe('The redirect URI to register at the provider (the callback under the public URL).'),
  })
  .describe('Single sign-on settings.');

/** The answer of a save: the configuration and what the provider's discovery document says. */
export const apiSsoSavedSchema = apiSsoSettingsSchema
  .extend({
    config: apiSsoConfigSchema.describe('The stored configuration.'),
    discovery: apiSsoDiscoverySchema,
  })
  .describe('The saved single sign-on configuration.');

/** Whether an organization offers SSO. */
export const apiSsoAvailabilitySchema = z
  .object({
    enabled: z
      .boolean()
      .describe(
        'Whether "Use single sign-on (SSO)" works for the organization (false also for one that does not exist). To sign in, ' +
          'send the browser to `/api/auth/sso/{orgSlug}/start`.',
      ),
  })
  .describe('Single sign-on availability.');

/** The API shape of a stored configuration. */
export function presentSsoConfig(view: SsoConfigView): z.infer<typeof apiSsoConfigSchema> {
  return {
    issuer: view.issuer,
    clientId: view.clientId,
    clientSecretHint: view.clientSecretHint,
    allowedDomains: view.allowedDomains,
    jitProvisioning: view.jitProvisioning,
    jitRole: view.jitRole,
    requireSso: view.requireSso,
    enabled: view.enabled,
    updatedAt: view.updatedAt.toISOString(),
  };
}

/** The API shape of a discovery summary. */
export function presentSsoDiscovery(discovery: SsoDiscovery): z.infer<typeof apiSsoDiscoverySchema> {
  return { ...discovery };
}

/** The API shape of an availability answer. */
export function presentSsoAvailability(a: SsoAvailability): z.infer<typeof apiSsoAvailabilitySchema> {
  return { enabled: a.enabled };
}
