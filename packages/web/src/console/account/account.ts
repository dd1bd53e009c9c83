/**
 * The rules of the account security page, apart from its components: naming a session's browser from its
 * User-Agent, and the text of recovery codes to copy or save.
 */
import type { ResponseOf } from '@groundwork/sdk';

/** One of the caller's sessions. */
export type LoginSessionRow = ResponseOf<'listSessions'>['items'][number];
/** The caller's two-factor status. */
export type TotpStatus = ResponseOf<'getTotpStatus'>;
/** A started enrolment (secret, URI, QR code). */
export type TotpEnrolment = ResponseOf<'enrolTotp'>;

const BROWSERS: ReadonlyArray<readonly [RegExp, string]> = [
  [/Edg\//, 'Edge'],
  [/OPR\/|Opera/, 'Opera'],
  [/Firefox\//, 'Firefox'],
  [/HeadlessChrome\//, 'Headless Chrome'],
  [/Chrome\/|CriOS\//, 'Chrome'],
  [/Safari\//, 'Safari'],
  [/curl\//, 'curl'],
];

const SYSTEMS: ReadonlyArray<readonly [RegExp, string]> = [
  [/Windows/, 'Windows'],
  [/iPhone|iPad|iOS/, 'iOS'],
  [/Mac OS X|Macintosh/, 'macOS'],
  [/Android/, 'Android'],
  [/CrOS/, 'ChromeOS'],
  [/Linux/, 'Linux'],
];

/**
 * A short name of the browser behind a User-Agent: "Firefox on Linux", "Chrome on macOS"; the raw value
 * cut to 40 characters when it is none of the known ones; "Unknown browser" when there is none.
 */
export function describeUserAgent(userAgent: string | null): string {
  if (!userAgent || userAgent.trim() === '') return 'Unknown browser';
  const browser = BROWSERS.find(([re]) => re.test(userAgent))?.[1];
  const system = SYSTEMS.find(([re]) => re.test(userAgent))?.[1];
  if (browser && system) return `${browser} on ${system}`;
  if (browser) return browser;
  const trimmed = userAgent.trim();
  return trimmed.length > 40 ? `${trimmed.slice(0, 39)}…` : trimmed;
}

/** Sessions in the order of the page: the current one first, then the most recently used. */
export function sortSessions(sessions: readonly LoginSessionRow[]): LoginSessionRow[] {
  return [...sessions].sort((a, b) => {
    if (a.current !== b.current) return a.current ? -1 : 1;
    return b.lastSeenAt.localeCompare(a.lastSeenAt);
  });
}

/** Recovery codes as one text to copy or save: a heading line, then one code a line. */
export function recoveryCodesText(codes: readonly string[], account: string): string {
  return [`Groundwork recovery codes for ${account}`, 'Each code works once.', '', ...codes, ''].join('\n');
}

/** A secret in groups of four characters, easier to type into an app by hand ("ABCD EFGH …"). */
export function groupSecret(secret: string): string {
  return secret.replace(/(.{4})(?=.)/g, '$1 ');
}
