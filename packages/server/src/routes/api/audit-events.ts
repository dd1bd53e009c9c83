/**
 * The audit log: `/api/audit-events` (filtered pages, newest first), `/api/audit-events/export` (JSON
 * Lines for auditors, with the hashes) and `/api/audit-events/verify` (walks the organization's hash
 * chain). Admins and owners only; live API keys act as admins, test keys are refused.
 */
import { Readable } from 'node:stream';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { principalOf } from '../../app.ts';
import {
  apiAuditEventSchema,
  apiAuditVerificationSchema,
  auditEventJsonLine,
  presentAuditEvent,
  presentAuditVerification,
} from '../../presenters/audit-events.ts';
import { describeAuditChain } from '../../services/audit-chain.ts';
import type { AuditEventQuery } from '../../services/audit-events.ts';
import { requireRole, roleNote } from './auth.ts';
import { dateQuery, errorResponses, limitQuery } from './common.ts';

/** How an auditor recomputes the hashes (the export's documentation). */
const HASH_RECIPE =
  'Each line is one event with its stored columns: `id`, `org_id`, `actor_type`, `actor_id`, `action`, `target_type`, `target_id`, `data`, `created_at`, `ip`, `user_agent`, `prev_hash`, `hash`. ' +
  'To check an event: remove `id`, `prev_hash` and `hash`, and `ip` and `user_agent` when they are null; write what remains as canonical JSON (no spaces, object keys sorted by UTF-16 code units at every level, strings and numbers as JavaScript’s `JSON.stringify` writes them); ' +
  'then `hash` must equal the hex SHA-256 of the UTF-8 bytes of `prev_hash` (the empty string when null), a newline (`\\n`), and that canonical JSON. ' +
  'Without filters, each line’s `prev_hash` must also equal the previous line’s `hash` (the first event of the organization has none); ids may skip numbers.';

const filterQuery = z.object({
  actor: z.string().max(64).optional().describe('Only events of this actor: a user id or an API key id.'),
  action: z
    .string()
    .min(1)
    .max(100)
    .optional()
    .describe(
      'Only events whose action starts with this: `task.` for every task event, `task.view` for one action.',
    ),
  targetType: z
    .string()
    .min(1)
    .max(64)
    .optional()
    .describe('Only events about objects of this kind (`task`, `api_key`, `user`, `project`...).'),
  targetId: z
    .string()
    .min(1)
    .max(200)
    .optional()
    .describe('Only events about the object with this id (with `targetType`).'),
  from: dateQuery('Only events at or after this time (ISO 8601).').optional(),
  to: dateQuery('Only events before this time (ISO 8601).').optional(),
});

const listQuery = filterQuery.extend({
  limit: limitQuery,
  before: z.coerce
    .number()
    .int()
    .min(1)
    .optional()
    .describe('Only events older than this id: the `next` of the previous page.'),
});

const exportResponse = {
  description: 'The events as JSON Lines, one per line, in chain order (oldest first).',
  content: {
    'application/x-ndjson': {
      schema: z.string().describe('One JSON object per line (see the operation’s description).'),
    },
  },
};

/** The query's filters as the service takes them. */
function filtersOf(q: z.infer<typeof filterQuery>): AuditEventQuery {
  return {
    ...(q.actor !== undefined ? { actor: q.actor } : {}),
    ...(q.action !== undefined ? { action: q.action } : {}),
    ...(q.targetType !== undefined ? { targetType: q.targetType } : {}),
    ...(q.targetId !== undefined ? { targetId: q.targetId } : {}),
    ...(q.from !== undefined ? { from: q.from } : {}),
    ...(q.to !== undefined ? { to: q.to } : {}),
  };
}

/** Audit log routes. */
export const auditEventRoutes: FastifyPluginAsyncZod = async (app) => {
  const { auditEvents } = app.services;

  app.get(
    '/audit-events',
    {
      preHandler: requireRole('admin'),
      schema: {
        tags: ['audit'],
        operationId: 'listAuditEvents',
        summary: 'List audit events',
        description: `The organization's audit log, newest first, a page at a time (pass \`next\` back as \`before\`): every administrative change, key and role change, export, and every view of task data by a person, with who acted, what, on which object, when and from where. Test keys are refused. ${roleNote('admin')}`,
        querystring: listQuery,
        response: {
          200: z
            .object({
              items: z.array(apiAuditEventSchema).describe('Events of this page, newest first.'),
              next: z.int().nullable().describe('`before` of the next page, or null at the end.'),
            })
            .describe('A page of audit events.'),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const q = request.query;
      const page = await auditEvents.list(principalOf(request), {
        ...filtersOf(q),
        limit: q.limit,
        ...(q.before !== undefined ? { before: q.before } : {}),
      });
      return { items: page.items.map(presentAuditEvent), next: page.next };
    },
  );

  app.get(
    '/audit-events/export',
    {
      preHandler: requireRole('admin'),
      schema: {
        tags: ['audit'],
        operationId: 'exportAuditEvents',
        summary: 'Export audit events as JSON Lines',
        description: `Streams the events matching the filters (those of the list) oldest first, as an attachment \`audit-<org>-<date>.jsonl\`, for auditors to verify offline. The export is itself recorded (\`audit.export\`) and included. ${HASH_RECIPE} ${roleNote('admin')}`,
        querystring: filterQuery,
        response: { 200: exportResponse, ...errorResponses },
      },
    },
    async (request, reply) => {
      const p = principalOf(request);
      const events = await auditEvents.export(p, filtersOf(request.query));
      const lines = Readable.from(
        (async function* () {
          for await (const row of events) yield auditEventJsonLine(row);
        })(),
      );
      const day = new Date().toISOString().slice(0, 10);
      return reply
        .type('application/x-ndjson; charset=utf-8')
        .header('content-disposition', `attachment; filename="audit-${p.orgSlug}-${day}.jsonl"`)
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-store')
        .send(lines as unknown as string); // a stream: documented as text, never serialized
    },
  );

  app.post(
    '/audit-events/verify',
    {
      preHandler: requireRole('admin'),
      schema: {
        tags: ['audit'],
        operationId: 'verifyAuditEvents',
        summary: 'Verify the audit chain',
        description: `Walks the organization's audit events in chain order, recomputes each hash and checks each link to the event before it; answers the first broken link (an edited event, or events deleted, inserted or moved) with counts. A broken chain is answered with \`intact: false\` (still 200) and recorded as an \`audit.verify_failed\` event at the chain's end. The same check as \`groundwork audit verify\`. ${roleNote('admin')}`,
        response: { 200: apiAuditVerificationSchema, ...errorResponses },
      },
    },
    async (request) => {
      const report = await auditEvents.verify(principalOf(request));
      return presentAuditVerification(report, describeAuditChain(report));
    },
  );
};
