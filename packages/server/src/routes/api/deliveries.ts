/** `/api/deliveries` (webhook deliveries and re-sending) and `/api/org/webhook-secrets`. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { principalOf } from '../../app.ts';
import {
  apiDeliveryDetailSchema,
  apiDeliverySchema,
  apiWebhookSecretsSchema,
  presentDelivery,
  presentDeliveryDetail,
  presentWebhookSecrets,
} from '../../presenters/deliveries.ts';
import { requireRole, roleNote } from './auth.ts';
import { errorResponses, idParams } from './common.ts';

const objectId = (what: string) =>
  z
    .string()
    .regex(/^[0-9a-f]{24}$/, 'must be an id (24 hexadecimal characters)')
    .describe(what);

const deliveryListQuery = z.object({
  taskId: objectId('Only deliveries about this task.').optional(),
  batchId: objectId('Only deliveries about this batch (or its tasks).').optional(),
  status: z.enum(['pending', 'succeeded', 'failed']).optional().describe('Only deliveries with this status.'),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(100)
    .default(50)
    .describe('Largest number of deliveries to return (1–100, default 50).'),
  cursor: z
    .string()
    .min(1)
    .optional()
    .describe('The `nextCursor` of the previous page; omitted for the first page.'),
});

/** Delivery and webhook-secret routes. */
export const deliveryRoutes: FastifyPluginAsyncZod = async (app) => {
  const { deliveries, webhookSecrets } = app.services;

  app.get(
    '/deliveries',
    {
      preHandler: requireRole('manager'),
      schema: {
        tags: ['webhooks'],
        operationId: 'listDeliveries',
        summary: 'List webhook deliveries',
        description: `Webhook deliveries of the caller's environment, newest first, a page at a time: pass \`nextCursor\` back as \`cursor\` for the next page. ${roleNote('manager')}`,
        querystring: deliveryListQuery,
        response: {
          200: z
            .object({
              items: z.array(apiDeliverySchema).describe('The deliveries of this page.'),
              nextCursor: z.string().nullable().describe('Cursor of the next page; `null` on the last page.'),
            })
            .describe('A page of deliveries.'),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const q = request.query;
      const page = await deliveries.list(principalOf(request), {
        limit: q.limit,
        ...(q.taskId ? { taskId: q.taskId } : {}),
        ...(q.batchId ? { batchId: q.batchId } : {}),
        ...(q.status ? { status: q.status } : {}),
        ...(q.cursor ? { cursor: q.cursor } : {}),
      });
      return { items: page.items.map(presentDelivery), nextCursor: page.nextCursor };
    },
  );

  app.get(
    '/deliveries/:id',
    {
      preHandler: requireRole('manager'),
      schema: {
        tags: ['webhooks'],
        operationId: 'getDelivery',
        summary: 'Get a webhook delivery',
        description: `A delivery with the body it sends and every attempt so far. ${roleNote('manager')}`,
        params: idParams,
        response: { 200: apiDeliveryDetailSchema, ...errorResponses },
      },
    },
    async (request) => {
      const { delivery, attempts } = await deliveries.get(principalOf(request), request.params.id);
      return presentDeliveryDetail(delivery, attempts);
    },
  );

  app.post(
    '/deliveries/:id/resend',
    {
      preHandler: requireRole('manager'),
      schema: {
        tags: ['webhooks'],
        operationId: 'resendDelivery',
        summary: 'Re-send a webhook delivery',
        description: `Sends the delivery's event again, now, as a new delivery (new id, a fresh cycle of attempts) with the same body and target; the original keeps its history. Audited. ${roleNote('manager')}`,
        params: idParams,
        response: { 200: apiDeliverySchema, ...errorResponses },
      },
    },
    async (request) => presentDelivery(await deliveries.resend(principalOf(request), request.params.id)),
  );

  app.get(
    '/org/webhook-secrets',
    {
      preHandler: requireRole('admin'),
      schema: {
        tags: ['webhooks'],
        operationId: 'getWebhookSecrets',
        summary: 'Get the webhook secrets',
        description: `The organization's \`scale-callback-auth\` value and signing secret. Shown in clear once: in the answer of the read that creates them (the first, unless a delivery created them; audited as \`webhook_secrets.create\`) — every later read shows them masked; rotate to get new ones. ${roleNote('admin')}`,
        response: { 200: apiWebhookSecretsSchema, ...errorResponses },
      },
    },
    async (request) => presentWebhookSecrets(await webhookSecrets.view(principalOf(request))),
  );

  app.post(
    '/org/webhook-secrets/rotate',
    {
      preHandler: requireRole('admin'),
      schema: {
        tags: ['webhooks'],
        operationId: 'rotateWebhookSecrets',
        summary: 'Rotate the webhook secrets',
        description: `Replaces both webhook secrets with new random ones and returns them in clear — the only time they are shown; store them now. Every attempt from now on (retries included) uses the new ones. Audited. ${roleNote('admin')}`,
        response: { 200: apiWebhookSecretsSchema, ...errorResponses },
      },
    },
    async (request) => presentWebhookSecrets(await webhookSecrets.rotate(principalOf(request))),
  );
};
