/** API keys with their rotation state: when a rotated key stops working and which key replaced it. */
import { z } from 'zod';
import type { ApiKeyRow } from '../repositories/orgs.ts';
import { apiApiKeySchema, presentApiKey } from './api.ts';

const timestamp = (what: string) => z.string().meta({ format: 'date-time' }).describe(what);

/** An API key of the organization (never its secret), with its rotation state. */
export const apiKeyDetailSchema = apiApiKeySchema
  .extend({
    expiresAt: timestamp('When the key stops working: the end of the overlap window of a rotation.')
      .nullable()
      .describe('When the key stops working (set when it was rotated); null: no end.'),
    replacedBy: z
      .string()
      .nullable()
      .describe('The id of the key that replaced this one in a rotation, if it was rotated.'),
  })
  .describe('An API key of the organization.');
/** An API key with its rotation state. */
export type ApiKeyDetail = z.infer<typeof apiKeyDetailSchema>;

/** Presents an API key with its rotation state; the secret is never stored and so never presented. */
export function presentApiKeyDetail(row: ApiKeyRow): ApiKeyDetail {
  return {
    ...presentApiKey(row),
    expiresAt: row.expiresAt?.toISOString() ?? null,
    replacedBy: row.replacedBy ?? null,
  };
}
