/**
 * The single sign-on settings form, apart from how it is shown: its state from a stored configuration,
 * the request body it sends, and the checks made before sending (the server checks everything again and
 * names the field it refuses).
 */

/** Roles people provisioned just in time may get (never owner or admin), as the server allows. */
export const JIT_ROLES = ['annotator', 'reviewer', 'viewer', 'manager'] as const;
/** A role of {@link JIT_ROLES}. */
export type JitRole = (typeof JIT_ROLES)[number];

/** What the roles mean, for the role picker. */
export const JIT_ROLE_LABELS: Record<JitRole, string> = {
  annotator: 'Annotator — labels tasks',
  reviewer: 'Reviewer — labels and reviews',
  viewer: 'Viewer — reads the organization’s data',
  manager: 'Manager — runs projects',
};

/** The stored configuration as the server sends it. */
export interface SsoConfig {
  issuer: string;
  clientId: string;
  clientSecretHint: string;
  allowedDomains: string[];
  jitProvisioning: boolean;
  jitRole: JitRole;
  requireSso: boolean;
  enabled: boolean;
  updatedAt: string;
}

/** The form's state. */
export interface SsoDraft {
  issuer: string;
  clientId: string;
  /** Empty: keep the stored secret. */
  clientSecret: string;
  /** Domains as typed: separated by commas, spaces or new lines. */
  domains: string;
  jitProvisioning: boolean;
  jitRole: JitRole;
  requireSso: boolean;
  enabled: boolean;
}

/** The body of `PUT /api/org/sso`. */
export interface SsoSaveBody {
  issuer: string;
  clientId: string;
  clientSecret?: string;
  allowedDomains: string[];
  jitProvisioning: boolean;
  jitRole: JitRole;
  requireSso: boolean;
  enabled: boolean;
}

/** The form of a stored configuration, or an empty one (annotators provisioned, SSO on, nothing required). */
export function draftOf(config: SsoConfig | null): SsoDraft {
  return {
    issuer: config?.issuer ?? '',
    clientId: config?.clientId ?? '',
    clientSecret: '',
    domains: config?.allowedDomains.join(', ') ?? '',
    jitProvisioning: config?.jitProvisioning ?? false,
    jitRole: config?.jitRole ?? 'annotator',
    requireSso: config?.requireSso ?? false,
    enabled: config?.enabled ?? true,
  };
}

/** The domains typed into the form: split on commas, spaces and new lines, a leading `@` dropped, lower case, once each. */
export function parseDomains(text: string): string[] {
  const out: string[] = [];
  for (const part of text.split(/[\s,;]+/)) {
    const domain = part.trim().toLowerCase().replace(/^@/, '');
    if (domain !== '' && !out.includes(domain)) out.push(domain);
  }
  return out;
}

/** Problems of the form by field (`issuer`, `clientId`, `clientSecret`), before it is sent. */
export type SsoDraftProblems = Partial<Record<'issuer' | 'clientId' | 'clientSecret', string>>;

/**
 * The request body of a draft, or its problems: an issuer that is an http(s) URL, a client id, and a
 * client secret the first time (`hasStoredSecret` false).
 */
export function saveBodyOf(
  draft: SsoDraft,
  hasStoredSecret: boolean,
): { ok: true; body: SsoSaveBody } | { ok: false; problems: SsoDraftProblems } {
  const problems: SsoDraftProblems = {};
  const issuer = draft.issuer.trim();
  if (issuer === '') problems.issuer = 'Enter the issuer URL of your identity provider.';
  else if (!/^https?:\/\/[^\s/]+/i.test(issuer) || !URL.canParse(issuer))
    problems.issuer = 'Enter a full URL, such as https://login.example.com.';
  if (draft.clientId.trim() === '') problems.clientId = 'Enter the client id the provider gave you.';
  if (!hasStoredSecret && draft.clientSecret === '')
    problems.clientSecret = 'Enter the client secret the provider gave you.';
  if (Object.keys(problems).length > 0) return { ok: false, problems };
  return {
    ok: true,
    body: {
      issuer,
      clientId: draft.clientId.trim(),
      ...(draft.clientSecret !== '' ? { clientSecret: draft.clientSecret } : {}),
      allowedDomains: parseDomains(draft.domains),
      jitProvisioning: draft.jitProvisioning,
      jitRole: draft.jitRole,
      requireSso: draft.requireSso,
      enabled: draft.enabled,
    },
  };
}

/** The server's field paths (`allowedDomains.2`) as the form's fields. */
export function formFieldOf(
  path: string,
): 'issuer' | 'clientId' | 'clientSecret' | 'domains' | 'jitRole' | null {
  if (path === 'issuer' || path === 'clientId' || path === 'clientSecret' || path === 'jitRole') return path;
  if (path === 'allowedDomains' || path.startsWith('allowedDomains.')) return 'domains';
  return null;
}
