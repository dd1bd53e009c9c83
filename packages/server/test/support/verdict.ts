/**
 * The rule every probe's answer is held to: never a 5xx, never the victim's secret content, and for
 * another organization's members a refusal — or a 2xx only where the catalog says the operation acts
 * on the caller's own organization, with none of the victim's ids in it. Callers who are nobody get
 * 401 (public operations: a refusal).
 */
import type { Attacker } from './attackers.ts';
import { type CatalogEntry, includesRole } from './catalog.ts';
import type { ProbeResponse } from './http.ts';
import type { Victim } from './victim.ts';

/** Statuses that refuse: bad input, not authenticated, not allowed, not found, too many attempts. */
export const REFUSALS: readonly number[] = [400, 401, 403, 404, 429];

/** What is wrong with `response` to `attacker`'s probe of `entry`, or null when it is right. */
export function judge(
  entry: CatalogEntry,
  attacker: Attacker,
  response: ProbeResponse,
  victim: Victim,
): string | null {
  const { op, plan } = entry;
  const { status, text } = response;
  if (status >= 500) return `answered ${status}: ${text.slice(0, 300)}`;
  if (text.includes(victim.secret))
    return `answered ${status} with the victim's content: ${text.slice(0, 300)}`;
  const ok = status >= 200 && status < 300;
  if (plan?.answersAnyone) {
    const leaked = victim.identifiers.find((id) => text.includes(id));
    return leaked ? `answered ${status} with the victim's id ${leaked}: ${text.slice(0, 300)}` : null;
  }
  if (attacker.role === null) {
    if (op.access === 'public') {
      return REFUSALS.includes(status) ? null : `a caller who is nobody got ${status}: ${text.slice(0, 300)}`;
    }
    return status === 401
      ? null
      : `a caller who is nobody got ${status} instead of 401: ${text.slice(0, 300)}`;
  }
  const lacksRole =
    attacker.credential.kind === 'session' &&
    typeof op.access === 'string' &&
    op.access !== 'public' &&
    op.access !== 'session' &&
    op.access !== 'key' &&
    op.path.startsWith('/api/') &&
    !includesRole(attacker.role, op.access);
  // Fastify validates the request before the role check runs: a body the schema refuses is a 400 even
  // for a role that may not call the route (the schema is public; nothing of the victim is read).
  if (lacksRole && status !== 403 && status !== 400) {
    return `a ${attacker.role} got ${status} instead of 403: ${text.slice(0, 300)}`;
  }
  if (ok) {
    if (plan?.b2xx !== 'own-org')
      return `got ${status} though the probe names the victim's objects: ${text.slice(0, 300)}`;
    const leaked = victim.identifiers.find((id) => text.includes(id));
    if (leaked) return `answered ${status} with the victim's id ${leaked}: ${text.slice(0, 300)}`;
    return null;
  }
  return REFUSALS.includes(status) ? null : `got ${status}: ${text.slice(0, 300)}`;
}
