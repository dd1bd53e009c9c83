/** Who is calling: the organization, the environment (live or test) and the key or user behind it. */
import type { AuditActor, AuditOrigin } from '../commands/record-audit.ts';

/**
 * The roles of a membership, from most to least powerful where they compare. They form a partial order,
 * not a line (viewer and annotator are incomparable): see `hasRole` in routes/api/auth.ts.
 */
export const ROLES = ['owner', 'admin', 'manager', 'reviewer', 'annotator', 'viewer'] as const;
/** A membership role. */
export type Role = (typeof ROLES)[number];

/** An authenticated caller. */
export interface Principal {
  orgId: string;
  orgSlug: string;
  /** Live and test data are separate worlds; a test key sees only test data. */
  isTest: boolean;
  /** The API key used, if any. */
  keyId: string | null;
  /** The logged-in person (session), if any; work (leases, reviews) needs one. */
  userId: string | null;
  /** The person's workforce in this organization, if any. */
  workforceId: string | null;
  /** A short name of the caller for audit records (key name or user email). */
  actorName: string;
  /** The caller's role (API keys act as admins of their organization). */
  role: Role;
  /** Where the request came from, for audit events; absent outside requests (jobs, the command line). */
  origin?: AuditOrigin;
}

/** The audit actor of a principal, with the request's origin when it has one. */
export function actorOf(p: Principal): AuditActor & { type: 'api_key' | 'user' } {
  const origin = p.origin ?? null;
  return p.keyId ? { type: 'api_key', id: p.keyId, origin } : { type: 'user', id: p.userId, origin };
}

/**
 * Whether the caller is a person signed in to the console (not an API key): their reads of task data
 * are audited (`task.view`, `task.list`); machines reading through keys are not.
 */
export function isPerson(p: Principal): boolean {
  return p.keyId === null && p.userId !== null;
}

/** The origin of a request: its client address (proxy-aware, as Fastify's `request.ip`) and User-Agent. */
export function originOf(request: {
  ip?: string;
  headers?: { 'user-agent'?: string | string[] | undefined };
}): AuditOrigin {
  const agent = request.headers?.['user-agent'];
  return { ip: request.ip || null, userAgent: typeof agent === 'string' && agent !== '' ? agent : null };
}
