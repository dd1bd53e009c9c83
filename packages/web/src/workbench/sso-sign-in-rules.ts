/** The pure rules of the sign-in page's single sign-on part (see sso-sign-in.tsx). */

/** What each `sso_error` reason of the server means for the person signing in. */
const SSO_ERRORS: Record<string, string> = {
  not_configured:
    'This organization does not offer single sign-on. Check its name, or sign in with your password.',
  flow_expired: 'The sign-in took too long or was started in another tab. Please try again.',
  state_mismatch: 'The sign-in could not be matched to this browser. Please try again.',
  provider_error: 'Your identity provider did not complete the sign-in.',
  provider_unreachable: 'Your identity provider could not be reached. Try again later, or ask your admin.',
  token_invalid:
    'Your identity provider’s answer could not be verified. Please try again, or ask your admin.',
  email_missing:
    'Your identity provider did not share your email address. Ask your admin to allow the email scope.',
  email_unverified: 'Your identity provider has not verified your email address yet.',
  domain_not_allowed: 'Your email address’s domain may not sign in to this organization.',
  not_a_member: 'You are not a member of this organization yet. Ask an admin to invite you.',
  membership_disabled: 'Your membership of this organization is disabled. Ask an admin.',
};

/** The sentence for a failed SSO sign-in's reason; a general one for a reason it does not know. */
export function ssoErrorMessage(reason: string): string {
  const known = Object.hasOwn(SSO_ERRORS, reason) ? SSO_ERRORS[reason] : undefined;
  return known ?? 'Single sign-on did not complete. Please try again.';
}

/** Where to send the browser to sign in to `org` with SSO, coming back to `next` (a path of this app). */
export function ssoStartUrl(org: string, next: string | undefined): string {
  const base = `/api/auth/sso/${encodeURIComponent(org)}/start`;
  return next ? `${base}?${new URLSearchParams({ returnTo: next }).toString()}` : base;
}

/** An organization's name as typed: trimmed and lower case (slugs are). */
export function normalizeOrg(text: string): string {
  return text.trim().toLowerCase();
}
