/**
 * Quality reports: scorecards per annotator or workforce (`/api/projects/{name}/scorecards`, and
 * org-wide `/api/scorecards`), a project's inter-annotator agreement (`/api/projects/{name}/agreement`),
 * and recomputing annotators' consensus reliability now (`/api/projects/{name}/quality/refresh`; a job
 * does it every 10 minutes).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { principalOf } from '../../app.ts';
import {
  apiAgreementReportSchema,
  apiReliabilityRefreshSchema,
  apiScorecardReportSchema,
  presentAgreement,
  presentReliabilityRefresh,
  presentScorecards,
} from '../../presenters/quality.ts';
import { DEFAULT_PERIOD_DAYS, QUALITY_ANSWER_LIMIT } from '../../services/quality.ts';
import { requireRole, roleNote } from './auth.ts';
import { dateQuery, errorResponses, nameParams } from './common.ts';

const periodQuery = {
  since: dateQuery(
    `Start of the period, inclusive (ISO 8601; default: ${DEFAULT_PERIOD_DAYS} days before \`until\`).`,
  ).optional(),
  until: dateQuery('End of the period, exclusive (ISO 8601; default: now).').optional(),
};

const scorecardQuery = z.object({
  by: z
    .enum(['annotator', 'workforce'])
    .default('annotator')
    .describe(
      '`annotator` (default): one scorecard per person; `workforce`: the answers given for each workforce pooled.',
    ),
  ...periodQuery,
});

const cap = QUALITY_ANSWER_LIMIT.toLocaleString('en');
const scorecardLimits = `Reads at most the newest ${cap} labeling answers and ${cap} gold answers of the period (\`truncated: true\` when there were more).`;
const agreementLimits = `Reads at most the newest ${cap} labeling answers of the period (\`truncated: true\` when there were more).`;

const scorecardDescription = `Per annotator (or per workforce, pooling the answers given for it): hidden gold results with a 95 % bootstrap interval; agreement with the final result on tasks labeled by two or more; reviewers' verdicts on the rounds they labeled; throughput and median time; and the quality checks — implausibly fast answers (every type), and for pairwise preference side bias, length bias and circular preferences — with \`flags\` listing the flagged ones. Annotators also show their standing (pause, reliability). Default period: the last ${DEFAULT_PERIOD_DAYS} days. ${scorecardLimits}`;

/** Quality routes. */
export const qualityRoutes: FastifyPluginAsyncZod = async (app) => {
  const { quality } = app.services;

  app.get(
    '/projects/:name/scorecards',
    {
      preHandler: requireRole('manager'),
      schema: {
        tags: ['quality'],
        operationId: 'getProjectScorecards',
        summary: "Scorecards of a project's annotators or workforces",
        description: `${scorecardDescription} ${roleNote('manager')}`,
        params: nameParams,
        querystring: scorecardQuery,
        response: { 200: apiScorecardReportSchema, ...errorResponses },
      },
    },
    async (request) =>
      presentScorecards(await quality.scorecards(principalOf(request), request.params.name, request.query)),
  );

  app.get(
    '/scorecards',
    {
      preHandler: requireRole('manager'),
      schema: {
        tags: ['quality'],
        operationId: 'getScorecards',
        summary: 'Scorecards across every project',
        description: `The project scorecards over every project of the organization (of the key's environment) that is not archived; the checks stay per project. ${scorecardDescription} ${roleNote('manager')}`,
        querystring: scorecardQuery,
        response: { 200: apiScorecardReportSchema, ...errorResponses },
      },
    },
    async (request) => presentScorecards(await quality.scorecards(principalOf(request), null, request.query)),
  );

  app.get(
    '/projects/:name/agreement',
    {
      preHandler: requireRole('viewer'),
      schema: {
        tags: ['quality'],
        operationId: 'getProjectAgreement',
        summary: "A project's inter-annotator agreement",
        description: `Over the labeling answers of task rounds answered by two or more people in the period (default: the last ${DEFAULT_PERIOD_DAYS} days). For types with a categorical value (categorization, pairwise preference, comparison with choices): Krippendorff's alpha (nominal) overall, per value, per pair of people (Cohen's kappa) and per workforce. For every type: the mean pairwise score (the type's own score between two answers, made symmetric) per project, per pair of people and per workforce. Every figure comes with a 95 % bootstrap interval over task rounds; without data it is null with a \`reason\`. ${agreementLimits} ${roleNote('viewer')}`,
        params: nameParams,
        querystring: z.object(periodQuery),
        response: { 200: apiAgreementReportSchema, ...errorResponses },
      },
    },
    async (request) =>
      presentAgreement(await quality.agreement(principalOf(request), request.params.name, request.query)),
  );

  app.post(
    '/projects/:name/quality/refresh',
    {
      preHandler: requireRole('manager'),
      schema: {
        tags: ['quality'],
        operationId: 'refreshProjectReliability',
        summary: "Recompute annotators' consensus reliability now",
        description: `Measures each annotator's reliability from consensus over their labeling answers of the last ${DEFAULT_PERIOD_DAYS} days — Dawid-Skene for categorical types, else the mean score against the final result — and stores it as the weight of their answers in consensus (source \`consensus\`), never over a reliability measured on gold. A job does this every 10 minutes for projects with \`weighted_consensus\`; this runs it now, whatever the policy. Running it again on the same data changes nothing. ${roleNote('manager')}`,
        params: nameParams,
        response: { 200: apiReliabilityRefreshSchema, ...errorResponses },
      },
    },
    async (request) =>
      presentReliabilityRefresh(await quality.refreshReliability(principalOf(request), request.params.name)),
  );
};
