/** Schemas shared by the `/api` route files. */
import { z } from 'zod';
import { ApiError } from '../../errors.ts';
import { apiErrorSchema } from '../../presenters/api.ts';

/** The error responses every route documents (the body app.ts's error handler renders). */
export const errorResponses = {
  '4xx': apiErrorSchema,
  '5xx': apiErrorSchema,
};

/** A path segment naming a project or batch. */
export const nameParams = z.object({
  name: z.string().min(1).max(256).describe('The name (URL-encoded when it contains `/`).'),
});

/** A path segment holding an id. */
export const idParams = z.object({ id: z.string().min(1).max(64).describe('The id.') });

/** A page size of offset-paginated lists. */
export const limitQuery = z.coerce
  .number()
  .int()
  .min(1)
  .max(100)
  .default(100)
  .describe('Largest number of items to return (1–100, default 100).');

/** An offset of offset-paginated lists. */
export const offsetQuery = z.coerce
  .number()
  .int()
  .min(0)
  .default(0)
  .describe('Number of items to skip (default 0).');

/** An ISO 8601 timestamp (or date) in a query, read as a Date. */
export const dateQuery = (what: string) =>
  z
    .string()
    .meta({ format: 'date-time' })
    .transform((value, ctx) => {
      const date = new Date(value);
      if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(date.getTime())) {
        ctx.addIssue({ code: 'custom', message: 'must be an ISO 8601 date or timestamp' });
        return z.NEVER;
      }
      return date;
    })
    .describe(what);

/**
 * Re-labels the fields a service names in its `/v1` spelling (`file_url`, `next_token`) with the
 * names this API uses, so a 4xx names the field the caller actually sent.
 */
export async function withFieldNames<T>(names: Record<string, string>, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    let message = error.message;
    for (const [from, to] of Object.entries(names)) {
      if (message.startsWith(`${from}:`)) message = `${to}:${message.slice(from.length + 1)}`;
    }
    const details = error.details.map((d) => ({ ...d, path: names[d.path] ?? d.path }));
    if (details.length === 0) {
      const field = Object.entries(names).find(([from]) => error.message.startsWith(`${from}:`));
      if (field) details.push({ path: field[1], message: error.message.slice(field[0].length + 1).trim() });
    }
    throw new ApiError(error.code, message, details);
  }
}
