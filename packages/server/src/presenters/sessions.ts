/** A person's login sessions, as their account page lists them. */
import { z } from 'zod';
import type { SessionListItem } from '../services/sessions.ts';

const timestamp = (what: string) => z.string().meta({ format: 'date-time' }).describe(what);

/** One live session of the caller. */
export const apiLoginSessionSchema = z
  .object({
    id: z.string().describe('Session id.'),
    createdAt: timestamp('When the session started (sign-in).'),
    lastSeenAt: timestamp('When the session was last used (updated at most once a minute).'),
    expiresAt: timestamp('When the session ends at the latest (it also ends after 12 hours unused).'),
    ip: z.string().nullable().describe('The client address the session signed in from.'),
    userAgent: z.string().nullable().describe('The User-Agent of the browser that signed in.'),
    current: z.boolean().describe('Whether this is the session of the request.'),
  })
  .describe('A login session.');
/** A login session. */
export type ApiLoginSession = z.infer<typeof apiLoginSessionSchema>;

/** Presents a session of the caller's list. */
export function presentLoginSession(item: SessionListItem): ApiLoginSession {
  return {
    id: item.id,
    createdAt: item.createdAt.toISOString(),
    lastSeenAt: item.lastSeenAt.toISOString(),
    expiresAt: item.expiresAt.toISOString(),
    ip: item.ip,
    userAgent: item.userAgent,
    current: item.current,
  };
}

/** How many sessions an action ended. */
export const apiEndedSessionsSchema = z
  .object({ ended: z.number().int().min(0).describe('How many sessions were ended.') })
  .describe('Sessions ended.');
