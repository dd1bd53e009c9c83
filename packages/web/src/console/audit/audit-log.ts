/**
 * The audit log page's logic: its filters as the controls hold them, as the URL's search keeps them (a
 * filtered view can be reloaded and shared) and as the API reads them; the export's address for the
 * current filter; and how an event's who, what, object and origin are worded. Pure: the page converts
 * with these and nothing else.
 */
import type { operations, ResponseOf } from '@groundwork/sdk';

/** An audit event as the API lists it. */
export type AuditEvent = ResponseOf<'listAuditEvents'>['items'][number];

/** The result of a chain verification. */
export type AuditVerification = ResponseOf<'verifyAuditEvents'>;

/** The API query of `GET /api/audit-events` (and its export, without `limit` and `before`). */
export type AuditApiQuery = NonNullable<operations['listAuditEvents']['parameters']['query']>;

/** The filters as the controls show them: text as typed, empty when unset. */
export interface AuditFilters {
  /** A user id or an API key id. */
  actor: string;
  /** An action or its start (`task.`). */
  action: string;
  /** The kind of object (`task`, `api_key`…). */
  targetType: string;
  /** The object's id (with a kind). */
  targetId: string;
  /** Days (`YYYY-MM-DD`, the browser's time zone), both ends included. */
  from: string;
  to: string;
}

/** No filter at all. */
export const NO_FILTERS: AuditFilters = {
  actor: '',
  action: '',
  targetType: '',
  targetId: '',
  from: '',
  to: '',
};

/** The kinds of object events are about, as the object filter offers them. */
export const TARGET_TYPES = [
  { type: 'task', label: 'Task' },
  { type: 'gold_task', label: 'Gold task' },
  { type: 'project', label: 'Project' },
  { type: 'batch', label: 'Batch' },
  { type: 'dataset_export', label: 'Export' },
  { type: 'user', label: 'Person' },
  { type: 'member', label: 'Member standing' },
  { type: 'invitation', label: 'Invitation' },
  { type: 'api_key', label: 'API key' },
  { type: 'workforce', label: 'Workforce' },
  { type: 'delivery', label: 'Webhook delivery' },
  { type: 'file', label: 'File' },
  { type: 'organization', label: 'Organization' },
  { type: 'audit_event', label: 'Audit event' },
] as const;

/** What each action means, in the words of the log; also the action filter's suggestions. */
export const ACTIONS: Readonly<Record<string, string>> = {
  'task.view': 'Viewed a task',
  'task.list': 'Listed tasks',
  'auth.login': 'Signed in',
  'auth.logout': 'Signed out',
  'api_key.create': 'Created an API key',
  'api_key.revoke': 'Revoked an API key',
  'member.add': 'Added a member',
  'member.update': 'Changed a member',
  'member.remove': 'Removed a member',
  'member.set_workforce': 'Moved a member to a workforce',
  'member.grant_skill': 'Granted a skill',
  'member.revoke_skill': 'Took back a skill',
  'invitation.create': 'Invited someone',
  'invitation.revoke': 'Revoked an invitation',
  'invitation.accept': 'Accepted an invitation',
  'workforce.create': 'Created a workforce',
  'workforce.update': 'Changed a workforce',
  'workforce.archive': 'Archived a workforce',
  'workforce.restore': 'Restored a workforce',
  'project.create': 'Created a project',
  'project.set_params': 'Changed project settings',
  'project.set_workflow': 'Changed the workflow',
  'batch.set_priority': 'Changed a batch’s priority',
  'gold.archive': 'Archived gold',
  'gold.restore': 'Restored gold',
  'standing.pause': 'Paused an annotator',
  'standing.reinstate': 'Reinstated an annotator',
  'export.create': 'Started an export',
  'export.cancel': 'Canceled an export',
  'export.download': 'Downloaded an export',
  'webhook_secrets.create': 'Created the webhook secrets',
  'webhook_secrets.view': 'Viewed the webhook secrets',
  'webhook_secrets.rotate': 'Rotated the webhook secrets',
  'delivery.resend': 'Re-sent a webhook',
  'org.create': 'Created the organization',
  'audit.export': 'Exported the audit log',
  'audit.verify_failed': 'Found the audit chain broken',
  'security.file_url_refused': 'Used a forged file link',
  'security.outbound_refused': 'Gave a refused callback or import address',
  'security.session_replayed': 'Used the cookie of an ended session',
  'security.master_key_refused': 'Started a server with a wrong master key',
  'api_key.rotated': 'Rotated an API key',
  'session.revoked': 'Ended a session',
  'account.totp_enabled': 'Turned on two-factor sign-in',
  'account.totp_disabled': 'Turned off two-factor sign-in',
  'auth.totp_failed': 'Gave a wrong sign-in code',
  'auth.password_refused': 'Tried a password where SSO is required',
  'auth.sso_sign_in': 'Signed in with SSO',
  'auth.sso_failed': 'Failed to sign in with SSO',
  'sso.configure': 'Configured single sign-on',
  'sso.delete': 'Removed single sign-on',
};

/** Action prefixes worth suggesting besides the actions themselves. */
export const ACTION_GROUPS = [
  'task.',
  'auth.',
  'api_key.',
  'member.',
  'invitation.',
  'export.',
  'project.',
  'audit.',
  'security.',
  'session.',
  'account.',
  'sso.',
] as const;

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const ID = /^[0-9a-f]{24}$/;

function text(value: unknown): string {
  if (typeof value === 'string') return value;
  // The router reads `?targetId=123` as the number 123.
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return '';
}

function day(value: unknown): string {
  const s = text(value);
  return DAY.test(s) && !Number.isNaN(new Date(`${s}T00:00:00`).getTime()) ? s : '';
}

/** The filters a URL search holds; anything unreadable is left unset. */
export function readFilters(search: Record<string, unknown>): AuditFilters {
  return {
    actor: text(search.actor).trim(),
    action: text(search.action).trim(),
    targetType: text(search.targetType).trim(),
    targetId: text(search.targetId).trim(),
    from: day(search.from),
    to: day(search.to),
  };
}

/** The URL search of the filters: only what is set. */
export function searchOf(filters: AuditFilters): Record<string, string> {
  const search: Record<string, string> = {};
  for (const key of Object.keys(NO_FILTERS) as (keyof AuditFilters)[]) {
    const value = filters[key].trim();
    if (value !== '') search[key] = value;
  }
  return search;
}

/** How many filters are set. */
export function activeFilterCount(filters: AuditFilters): number {
  return Object.keys(searchOf(filters)).length;
}

/** The start of a day in the browser's time zone, as an ISO timestamp. */
export function startOfDay(value: string): string {
  return new Date(`${value}T00:00:00.000`).toISOString();
}

/** The start of the day after, in the browser's time zone (the API's `to` is exclusive). */
export function startOfNextDay(value: string): string {
  const next = new Date(`${value}T00:00:00.000`);
  next.setDate(next.getDate() + 1);
  return next.toISOString();
}

/** Problems the API would refuse, by filter, in words for the filter bar (empty when there are none). */
export function filterProblems(filters: AuditFilters): Partial<Record<keyof AuditFilters, string>> {
  const problems: Partial<Record<keyof AuditFilters, string>> = {};
  if (filters.actor && !ID.test(filters.actor)) problems.actor = 'Pick a person or key from the list.';
  if (filters.targetId && !filters.targetType) problems.targetType = 'Pick the kind of object.';
  if (filters.from && filters.to && filters.from > filters.to)
    problems.to = 'The range ends before it starts.';
  return problems;
}

/** The API query of the filters (without `limit` and `before`). */
export function apiQuery(filters: AuditFilters): AuditApiQuery {
  const query: AuditApiQuery = {};
  if (filters.actor) query.actor = filters.actor;
  if (filters.action) query.action = filters.action;
  if (filters.targetType) query.targetType = filters.targetType;
  if (filters.targetId) query.targetId = filters.targetId;
  if (filters.from) query.from = startOfDay(filters.from);
  if (filters.to) query.to = startOfNextDay(filters.to);
  return query;
}

/** The address of the JSON Lines export of the filtered events (a plain link: the cookie authenticates it). */
export function exportHref(filters: AuditFilters): string {
  const params = new URLSearchParams(apiQuery(filters) as Record<string, string>);
  const search = params.toString();
  return `/api/audit-events/export${search ? `?${search}` : ''}`;
}

/** An action in words: its meaning when known, else the action itself. */
export function actionLabel(action: string): string {
  return ACTIONS[action] ?? action;
}

/** The label of an object kind. */
export function targetTypeLabel(type: string): string {
  return TARGET_TYPES.find((t) => t.type === type)?.label ?? type.replaceAll('_', ' ');
}

/** Who acted, as the table's first line and second line say it. */
export function describeActor(actor: AuditEvent['actor']): { primary: string; secondary: string | null } {
  if (actor.type === 'system') return { primary: 'System', secondary: 'a job or the command line' };
  if (actor.type === 'api_key') {
    return { primary: actor.name ?? 'Revoked or unknown key', secondary: `API key · ${shortId(actor.id)}` };
  }
  if (actor.name === null) return { primary: 'Former member', secondary: shortId(actor.id) };
  return { primary: actor.name, secondary: actor.email };
}

/** An id shortened for a table cell (its last 8 characters), an em dash for none. */
export function shortId(id: string | null): string {
  if (!id) return '—';
  return id.length > 10 ? `…${id.slice(-8)}` : id;
}

/**
 * A User-Agent in a few words (`Firefox on Windows`, `curl`, `Python SDK`), or null when there is none.
 * Only a summary for the table: the full header is shown with the event's details.
 */
export function describeUserAgent(userAgent: string | null): string | null {
  if (!userAgent) return null;
  const ua = userAgent;
  const browser = /Edg\//.test(ua)
    ? 'Edge'
    : /OPR\//.test(ua)
      ? 'Opera'
      : /Firefox\//.test(ua)
        ? 'Firefox'
        : /Chrom(e|ium)\//.test(ua)
          ? 'Chrome'
          : /Safari\//.test(ua) && /Version\//.test(ua)
            ? 'Safari'
            : null;
  const system = /Windows/.test(ua)
    ? 'Windows'
    : /iPhone|iPad/.test(ua)
      ? 'iOS'
      : /Mac OS X|Macintosh/.test(ua)
        ? 'macOS'
        : /Android/.test(ua)
          ? 'Android'
          : /Linux/.test(ua)
            ? 'Linux'
            : null;
  if (browser) return system ? `${browser} on ${system}` : browser;
  const tool = /^([A-Za-z][\w.-]*)(\/[\w.]+)?/.exec(ua);
  return tool?.[1] ?? ua.slice(0, 40);
}

/** The verification's outcome as one sentence for the page. */
export function verificationSummary(result: AuditVerification): string {
  if (result.intact) {
    const n = result.total;
    return n === 0
      ? 'Nothing recorded yet: there is no event to verify.'
      : `${n === 1 ? 'The' : `All ${n.toLocaleString('en')}`} event${n === 1 ? '' : 's'} verified: every hash and every link checks out.`;
  }
  const b = result.broken;
  if (!b) return result.message;
  return `First broken link at event ${b.eventId} (${b.action}): ${b.reason}.`;
}
