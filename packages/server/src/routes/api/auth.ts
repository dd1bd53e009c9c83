/**
 * Authorization of `/api` routes: each route declares the least role it needs; a caller whose role is
 * weaker gets 403. API keys act as admins; session users (later) bring their membership role.
 */
import type { FastifyRequest } from 'fastify';
import { principalOf } from '../../app.ts';
import { ApiError } from '../../errors.ts';
import { ROLES, type Role } from '../../services/principal.ts';

/** Whether `role` carries at least the rights of `required` (ROLES lists the most powerful first). */
export function hasRole(role: Role, required: Role): boolean {
  return ROLES.indexOf(role) <= ROLES.indexOf(required);
}

/** A preHandler that lets the request through only if the caller has at least `role`. */
export function requireRole(role: Role): (request: FastifyRequest) => Promise<void> {
  return async (request) => {
    const principal = principalOf(request);
    if (!hasRole(principal.role, role)) {
      throw new ApiError('forbidden', `This action needs the ${role} role; you are ${principal.role}.`);
    }
  };
}

/** The sentence the OpenAPI description of a route ends with. */
export function roleNote(role: Role): string {
  return `Requires the \`${role}\` role or a more powerful one (API keys act as \`admin\`).`;
}
