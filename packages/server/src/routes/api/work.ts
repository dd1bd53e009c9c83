/**
 * `/api/work`: the annotator's and reviewer's side of the queue — what waits for them and how they are
 * doing, lease the next assignment, keep it alive, skip or release it, submit an answer or a review
 * verdict, and read one's own assignments.
 * Work is leased to people (session users), never to API keys.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { principalOf } from '../../app.ts';
import { ApiError } from '../../errors.ts';
import {
  apiAssignmentSchema,
  apiLeaseSchema,
  apiWorkOverviewSchema,
  apiOutcomeSchema as outcomeSchema,
  presentAssignment,
  presentLease,
  presentOutcome,
  presentWorkOverview,
} from '../../presenters/work.ts';
import { ASSET_URL_TTL_SECONDS } from '../../services/asset-urls.ts';
import type { Principal } from '../../services/principal.ts';
import { hasRole, requireRole, roleNote } from './auth.ts';
import { errorResponses, idParams } from './common.ts';
import { fileContentResponse, sendFileContent } from './files.ts';

const timeSpentMs = z
  .int()
  .min(0)
  .max(86_400_000)
  .optional()
  .describe(
    'Time the person spent, in milliseconds, as the workbench measured it (capped by the lease’s wall time).',
  );

/** Work routes. */
export const workRoutes: FastifyPluginAsyncZod = async (app) => {
  const { work, workOverview, files, assetUrls } = app.services;
  /** Signed links to the files of one of the caller's assignments. */
  const fileUrls = (p: Principal, assignmentId: string) => (fileId: string) =>
    assetUrls.sign({ orgId: p.orgId, userId: p.userId ?? '', assignmentId, fileId });

  app.get(
    '/work/overview',
    {
      preHandler: requireRole('annotator'),
      schema: {
        tags: ['work'],
        operationId: 'getWorkOverview',
        summary: 'My work overview',
        description: `What the caller's workbench home shows: the projects they may work — as \`POST /api/work/next\` decides (routed to their workforce, required skills held) — with how many labeling tasks and reviews they could lease now, and their own figures (answers, time, review verdicts, agreement, skips, live leases). Only the caller's organization and the caller's own work; API keys get 403 (work is for people). ${roleNote('annotator')}`,
        response: { 200: apiWorkOverviewSchema, ...errorResponses },
      },
    },
    async (request) => {
      const p = principalOf(request);
      return presentWorkOverview(await workOverview.get(p, { reviews: hasRole(p.role, 'reviewer') }));
    },
  );

  app.post(
    '/work/next',
    {
      preHandler: requireRole('annotator'),
      schema: {
        tags: ['work'],
        operationId: 'leaseNextAssignment',
        summary: 'Lease the next assignment',
        description: `Leases the best open assignment the caller may take: projects routed to their workforce whose required skills they hold, highest priority first (project, batch, task), then oldest; never a task they already took, skipped or answered in this round. Concurrent callers never get the same slot. \`assignment\` is null when there is no work. Review leases need the \`reviewer\` role. ${roleNote('annotator')}`,
        body: z
          .object({
            stage: z
              .enum(['label', 'review'])
              .default('label')
              .describe('Labeling work (default) or reviews.'),
            project: z.string().min(1).max(256).optional().describe('Only work of this project (its name).'),
          })
          .default({ stage: 'label' })
          .describe('What kind of work to lease.'),
        response: {
          200: z
            .object({
              lease: apiLeaseSchema.nullable().describe('The leased assignment, or null when there is none.'),
            })
            .describe('The lease.'),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const p = principalOf(request);
      if (request.body.stage === 'review' && !hasRole(p.role, 'reviewer')) {
        throw new ApiError('forbidden', `Reviews need the reviewer role; you are ${p.role}.`);
      }
      const lease = await work.next(p, request.body);
      return { lease: lease ? presentLease(lease, fileUrls(p, lease.assignment.id)) : null };
    },
  );

  app.get(
    '/work/assignments',
    {
      preHandler: requireRole('annotator'),
      schema: {
        tags: ['work'],
        operationId: 'listMyAssignments',
        summary: 'List my assignments',
        description: `The caller's own assignments, newest first. \`feedback=true\` lists only answers a reviewer rejected, with the comment. ${roleNote('annotator')}`,
        querystring: z.object({
          status: z
            .enum(['leased', 'submitted', 'skipped', 'released', 'expired', 'revoked'])
            .optional()
            .describe('Only assignments with this status.'),
          feedback: z
            .enum(['true', 'false'])
            .optional()
            .describe('`true`: only assignments with a reviewer’s feedback.'),
          limit: z.coerce
            .number()
            .int()
            .min(1)
            .max(100)
            .default(50)
            .describe('Largest number returned (1–100, default 50).'),
        }),
        response: {
          200: z
            .object({ items: z.array(apiAssignmentSchema).describe('The assignments.') })
            .describe('Assignments.'),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const q = request.query;
      const rows = await work.mine(principalOf(request), {
        statuses: q.status ? [q.status] : undefined,
        withFeedback: q.feedback === 'true',
        limit: q.limit,
      });
      return { items: rows.map(presentAssignment) };
    },
  );

  app.get(
    '/work/assignments/:id',
    {
      preHandler: requireRole('annotator'),
      schema: {
        tags: ['work'],
        operationId: 'getMyAssignment',
        summary: 'Get one of my assignments',
        description: `One of the caller's assignments with its task, as leasing returned it. ${roleNote('annotator')}`,
        params: idParams,
        response: { 200: apiLeaseSchema, ...errorResponses },
      },
    },
    async (request) => {
      const p = principalOf(request);
      const lease = await work.get(p, request.params.id);
      return presentLease(lease, fileUrls(p, lease.assignment.id));
    },
  );

  app.post(
    '/work/assignments/:id/heartbeat',
    {
      preHandler: requireRole('annotator'),
      schema: {
        tags: ['work'],
        operationId: 'heartbeatAssignment',
        summary: 'Extend a lease',
        description: `Extends the caller's lease by the project's lease length. 409 \`lease_expired\` when it already ended, \`lease_not_held\` when it is no longer leased. ${roleNote('annotator')}`,
        params: idParams,
        response: { 200: apiAssignmentSchema, ...errorResponses },
      },
    },
    async (request) => presentAssignment(await work.heartbeat(principalOf(request), request.params.id)),
  );

  app.post(
    '/work/assignments/:id/skip',
    {
      preHandler: requireRole('annotator'),
      schema: {
        tags: ['work'],
        operationId: 'skipAssignment',
        summary: 'Skip an assignment',
        description: `Gives the slot back to the queue for someone else, with a reason; the caller is not offered this task again in this round. ${roleNote('annotator')}`,
        params: idParams,
        body: z
          .object({
            reason: z.string().trim().min(1).max(2000).describe('Why (e.g. "image does not load").'),
          })
          .describe('The skip.'),
        response: { 200: apiAssignmentSchema, ...errorResponses },
      },
    },
    async (request) =>
      presentAssignment(await work.skip(principalOf(request), request.params.id, request.body.reason)),
  );

  app.post(
    '/work/assignments/:id/release',
    {
      preHandler: requireRole('annotator'),
      schema: {
        tags: ['work'],
        operationId: 'releaseAssignment',
        summary: 'Release an assignment',
        description: `Gives the slot back to the queue without prejudice (the caller may be offered it again). ${roleNote('annotator')}`,
        params: idParams,
        response: { 200: apiAssignmentSchema, ...errorResponses },
      },
    },
    async (request) => presentAssignment(await work.release(principalOf(request), request.params.id)),
  );

  app.post(
    '/work/assignments/:id/submit',
    {
      preHandler: requireRole('annotator'),
      schema: {
        tags: ['work'],
        operationId: 'submitAssignment',
        summary: 'Submit an answer',
        description: `Submits the answer of a labeling lease. It is checked against the task type's response schema and the task's params (labels that exist, minimum sizes, vertex counts, required fields): a 400 \`invalid_response\` names each bad field. When it is the round's last slot, the answers are merged by consensus and the task goes to review or completes. ${roleNote('annotator')}`,
        params: idParams,
        body: z
          .object({
            response: z.unknown().describe('The answer, in the task type’s response format.'),
            timeSpentMs,
          })
          .describe('The answer.'),
        response: { 200: outcomeSchema, ...errorResponses },
      },
    },
    async (request) => {
      const outcome = await work.submit(principalOf(request), request.params.id, request.body);
      return presentOutcome(outcome);
    },
  );

  app.post(
    '/work/assignments/:id/review',
    {
      preHandler: requireRole('reviewer'),
      schema: {
        tags: ['work'],
        operationId: 'reviewAssignment',
        summary: 'Review a task',
        description: `The verdict of a review lease: \`accept\` completes the task with the consensus, \`fix\` completes it with the corrected \`response\`, \`reject\` (with a \`comment\`) sends it back to labeling — the annotators see the comment. ${roleNote('reviewer')}`,
        params: idParams,
        body: z
          .object({
            verdict: z.enum(['accept', 'fix', 'reject']).describe('The verdict.'),
            response: z.unknown().optional().describe('For `fix`: the corrected answer.'),
            comment: z
              .string()
              .max(10_000)
              .nullable()
              .optional()
              .describe('Required for `reject`: what to change.'),
            timeSpentMs,
          })
          .describe('The verdict.'),
        response: { 200: outcomeSchema, ...errorResponses },
      },
    },
    async (request) => {
      const outcome = await work.review(principalOf(request), request.params.id, request.body);
      return presentOutcome(outcome);
    },
  );

  app.get(
    '/work/assignments/:id/files/:fileId',
    {
      preHandler: requireRole('annotator'),
      schema: {
        tags: ['work'],
        operationId: 'getLeasedFile',
        summary: 'Read a file of a leased task',
        description: `Streams an uploaded file (\`groundwork://files/<id>\`) that the task of the caller's current lease shows, through a link the lease's \`files\` list gives: signed for the caller, the assignment and the file, valid for 10 minutes (403 when unsigned, changed — also recorded in the audit log — or expired: fetch the lease again for fresh links). 404 for any other file, or once the lease has ended: people see only what the work in their hands needs. ${roleNote('annotator')}`,
        params: z.object({
          id: z.string().min(1).max(64).describe('The assignment id.'),
          fileId: z.string().min(1).max(64).describe('The file id.'),
        }),
        querystring: z.object({
          expires: z
            .string()
            .max(16)
            .optional()
            .describe('When the link stops working (Unix seconds), as signed.'),
          signature: z
            .string()
            .max(128)
            .optional()
            .describe('The server’s signature of the link (HMAC-SHA256, base64url).'),
        }),
        response: { 200: fileContentResponse, ...errorResponses },
      },
    },
    async (request, reply) => {
      const p = principalOf(request);
      const { id, fileId } = request.params;
      await assetUrls.verify(
        p,
        { orgId: p.orgId, userId: p.userId ?? '', assignmentId: id, fileId },
        request.query,
      );
      await work.requireLeasedFile(p, request.params.id, request.params.fileId);
      return sendFileContent(reply, await files.open(p, request.params.fileId), ASSET_URL_TTL_SECONDS);
    },
  );
};
