/** Who is calling: the organization, the environment (live or test) and the key or user behind it. */

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
}

/** The audit actor of a principal. */
export function actorOf(p: Principal): { type: 'api_key' | 'user'; id: string | null } {
  return p.keyId ? { type: 'api_key', id: p.keyId } : { type: 'user', id: p.userId };
}
