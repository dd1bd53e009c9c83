/**
 * The first-party (`/api`) shapes of organizations, projects, batches, tasks, files and API keys: camelCase,
 * every key always present (`null` when empty), so typed clients need no presence checks. Each shape is a
 * zod schema (it drives the OpenAPI document and the response serializer) plus the presenter that fills it.
 */
import {
  projectQualitySchema,
  projectRoutingSchema,
  projectWorkflowSchema,
  readQuality,
  readRouting,
  readWorkflow,
} from '@groundwork/domain';
import { z } from 'zod';
import type { BatchRow } from '../repositories/batches.ts';
import type { FileRow } from '../repositories/files.ts';
import type { ApiKeyRow, OrgRow } from '../repositories/orgs.ts';
import type { ParamVersionRow, ProjectRow } from '../repositories/projects.ts';
import type { TaskRow } from '../repositories/tasks.ts';
import { fileReference, type TaskNames } from './scale.ts';

// Output timestamps are produced by toISOString(); the format documents them without a validation regex.
const timestamp = (what: string) => z.string().meta({ format: 'date-time' }).describe(what);
const jsonObject = (what: string) => z.record(z.string(), z.unknown()).describe(what);

/** The error body of every failed `/api` call. */
export const apiErrorSchema = z
  .object({
    code: z.string().describe('Stable machine-readable error code, e.g. `not_found` or `invalid_request`.'),
    message: z.string().describe('Human-readable explanation.'),
    details: z
      .array(
        z.object({
          path: z.string().describe('The field (or `line N` of a bulk import) the problem is about.'),
          message: z.string().describe('What is wrong with it.'),
        }),
      )
      .describe('Field-level problems, if any.'),
  })
  .describe('An error.');

/** An organization. */
export const apiOrgSchema = z
  .object({
    id: z.string().describe('Organization id.'),
    slug: z.string().describe('URL-safe unique name of the organization.'),
    name: z.string().describe('Display name.'),
    createdAt: timestamp('When the organization was created.'),
    environment: z
      .enum(['live', 'test'])
      .describe('The environment the caller acts in (test keys see only test data).'),
    role: z.string().describe("The caller's role in the organization (API keys act as `admin`)."),
  })
  .describe('The organization of the caller.');
/** An organization as the caller sees it. */
export type ApiOrg = z.infer<typeof apiOrgSchema>;

/** Presents the caller's organization. */
export function presentOrg(row: OrgRow, caller: { isTest: boolean; role: string }): ApiOrg {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    createdAt: row.createdAt.toISOString(),
    environment: caller.isTest ? 'test' : 'live',
    role: caller.role,
  };
}

/** One version of a project's default params. */
export const apiParamVersionSchema = z
  .object({
    version: z.int().describe('Version number, starting at 0; each change of params adds one.'),
    params: jsonObject('The default task params of this version.'),
    instruction: z.string().nullable().describe('Markdown instruction of this version, if any.'),
    createdAt: timestamp('When this version was recorded.'),
  })
  .describe('A version of the default params of a project.');
/** A param version. */
export type ApiParamVersion = z.infer<typeof apiParamVersionSchema>;

/** Presents a param version. */
export function presentParamVersion(row: ParamVersionRow): ApiParamVersion {
  return {
    version: row.version,
    params: row.params,
    instruction: row.instruction,
    createdAt: row.createdAt.toISOString(),
  };
}

/** A project. */
export const apiProjectSchema = z
  .object({
    id: z.string().describe('Project id.'),
    name: z.string().describe('Unique name of the project in its environment; used in paths.'),
    type: z.string().describe('Task type of the project, e.g. `categorization`.'),
    params: jsonObject('Current default params merged into every task of the project.'),
    instruction: z.string().nullable().describe('Current markdown instruction appended to every task.'),
    version: z.int().describe('Current param version.'),
    workflow: projectWorkflowSchema.describe(
      'How a task becomes human work: overlap, review stage, lease duration (defaults applied).',
    ),
    routing: projectRoutingSchema.describe(
      'Who may work the project: workforces (with optional shares) and required skills.',
    ),
    priority: z.int().describe('Queue priority of the project, -100..100; higher is served first.'),
    quality: projectQualitySchema.describe(
      'Quality policy: hidden gold rate, pause threshold, training gate, weighted consensus (defaults applied).',
    ),
    archived: z.boolean().describe('Whether the project is archived.'),
    isTest: z.boolean().describe('Whether the project belongs to the test environment.'),
    createdAt: timestamp('When the project was created.'),
    updatedAt: timestamp('When the project last changed.'),
  })
  .describe('A project: a task type with default params and instructions.');
/** A project. */
export type ApiProject = z.infer<typeof apiProjectSchema>;

/** Presents a project. */
export function presentProject(row: ProjectRow): ApiProject {
  return {
    id: row.id,
    name: row.name,
    type: row.type,
    params: row.params,
    instruction: row.instruction,
    version: row.version,
    workflow: readWorkflow(row.workflow),
    routing: readRouting(row.routing),
    priority: row.priority,
    quality: readQuality(row.quality),
    archived: row.archived,
    isTest: row.isTest,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** Task counts of a batch by status. */
export const apiTaskCountsSchema = z
  .object({
    pending: z.int().describe('Tasks waiting for an answer.'),
    completed: z.int().describe('Tasks with an answer.'),
    canceled: z.int().describe('Canceled tasks.'),
    error: z.int().describe('Tasks that failed.'),
  })
  .describe('Number of tasks by status.');

/** A batch. */
export const apiBatchSchema = z
  .object({
    id: z.string().describe('Batch id.'),
    name: z.string().describe('Unique name of the batch in its environment; used in paths.'),
    project: z.string().describe('Name of the project the batch belongs to.'),
    status: z
      .enum(['staging', 'in_progress', 'completed'])
      .describe(
        '`staging` until finalized, `in_progress` while tasks are open, `completed` when all are done.',
      ),
    callback: z.string().nullable().describe('URL or email notified when the batch completes.'),
    calibrationBatch: z.boolean().describe('Whether this is a calibration batch.'),
    selfLabelBatch: z.boolean().describe('Whether this is a self-label batch.'),
    priority: z.int().describe('Queue priority within the project, -100..100; higher is served first.'),
    metadata: jsonObject('Free-form metadata of the batch.'),
    archived: z.boolean().describe('Whether the batch is archived.'),
    isTest: z.boolean().describe('Whether the batch belongs to the test environment.'),
    createdAt: timestamp('When the batch was created.'),
    updatedAt: timestamp('When the batch last changed.'),
    completedAt: timestamp('When the batch completed.').nullable().describe('When the batch completed.'),
  })
  .describe('A named group of tasks in a project.');
/** A batch. */
export type ApiBatch = z.infer<typeof apiBatchSchema>;

/** A batch with its task counts. */
export const apiBatchWithCountsSchema = apiBatchSchema
  .extend({ taskCounts: apiTaskCountsSchema })
  .describe('A batch with its task counts by status.');
/** A batch with its task counts. */
export type ApiBatchWithCounts = z.infer<typeof apiBatchWithCountsSchema>;

/** Presents a batch; with `counts`, also its task counts by status. */
export function presentBatch(row: BatchRow, projectName: string): ApiBatch;
export function presentBatch(
  row: BatchRow,
  projectName: string,
  counts: Record<string, number>,
): ApiBatchWithCounts;
export function presentBatch(
  row: BatchRow,
  projectName: string,
  counts?: Record<string, number>,
): ApiBatch | ApiBatchWithCounts {
  const batch: ApiBatch = {
    id: row.id,
    name: row.name,
    project: projectName,
    status: row.status,
    callback: row.callback,
    calibrationBatch: row.calibrationBatch,
    selfLabelBatch: row.selfLabelBatch,
    priority: row.priority,
    metadata: row.metadata,
    archived: row.archived,
    isTest: row.isTest,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    completedAt: row.completedAt?.toISOString() ?? null,
  };
  if (!counts) return batch;
  return {
    ...batch,
    taskCounts: {
      pending: counts.pending ?? 0,
      completed: counts.completed ?? 0,
      canceled: counts.canceled ?? 0,
      error: counts.error ?? 0,
    },
  };
}

/** A customer audit of a task. */
export const apiTaskAuditSchema = z
  .object({
    auditedBy: z.string().describe('Who audited the task.'),
    auditedAt: timestamp('When the task was audited.'),
    auditTimeSecs: z.number().nullable().describe('Seconds the audit took, if known.'),
    result: z.enum(['accepted', 'rejected', 'fixed']).describe('The verdict.'),
    source: z.enum(['customer', 'scale']).describe('Who made the audit.'),
    comments: z.string().nullable().describe('Comments of the auditor.'),
  })
  .describe('An audit of a completed task.');

/** A task. */
export const apiTaskSchema = z
  .object({
    id: z.string().describe('Task id.'),
    type: z.string().describe('Task type, e.g. `categorization`.'),
    status: z.enum(['pending', 'completed', 'canceled', 'error']).describe('Lifecycle status of the task.'),
    project: z.string().nullable().describe('Name of the project the task belongs to.'),
    batch: z.string().nullable().describe('Name of the batch the task belongs to, if any.'),
    instruction: z.string().nullable().describe('Markdown instruction shown to the labeler.'),
    params: jsonObject('The task params after merging the project defaults and validation.'),
    response: z.unknown().describe('The answer, once the task is completed; `null` before.'),
    metadata: jsonObject('Free-form metadata of the task.'),
    tags: z.array(z.string()).describe('Tags of the task.'),
    uniqueId: z.string().nullable().describe('Caller-chosen unique id of the task, if any.'),
    priority: z.int().describe('Priority; higher is served first.'),
    callbackUrl: z.string().nullable().describe('URL or email notified when the task completes.'),
    callbackSucceeded: z.boolean().nullable().describe('Whether the completion callback was delivered.'),
    customerReviewStatus: z.string().nullable().describe('Outcome of the latest customer audit, if any.'),
    audits: z.array(apiTaskAuditSchema).describe('Customer audits of the task, oldest first.'),
    isTest: z.boolean().describe('Whether the task belongs to the test environment.'),
    createdAt: timestamp('When the task was created.'),
    updatedAt: timestamp('When the task last changed.'),
    completedAt: timestamp('When the task was completed.')
      .nullable()
      .describe('When the task was completed.'),
  })
  .describe('A unit of annotation work.');
/** A task. */
export type ApiTask = z.infer<typeof apiTaskSchema>;

/** Presents a task. */
export function presentTask(row: TaskRow, names: TaskNames): ApiTask {
  return {
    id: row.id,
    type: row.type,
    status: row.status,
    project: names.project ?? null,
    batch: names.batch ?? null,
    instruction: row.instruction,
    params: row.params,
    response: row.response ?? null,
    metadata: row.metadata,
    tags: row.tags ?? [],
    uniqueId: row.uniqueId,
    priority: row.priority,
    callbackUrl: row.callbackUrl,
    callbackSucceeded: row.callbackSucceeded,
    customerReviewStatus: row.customerReviewStatus,
    audits: row.audits.map((a) => ({
      auditedBy: a.audited_by,
      auditedAt: a.audited_at,
      auditTimeSecs: a.audit_time_secs,
      result: a.audit_result,
      source: a.audit_source,
      comments: a.comments,
    })),
    isTest: row.isTest,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    completedAt: row.completedAt?.toISOString() ?? null,
  };
}

/** An uploaded or imported file. */
export const apiFileSchema = z
  .object({
    id: z.string().describe('File id.'),
    attachmentUrl: z.string().describe('Reference to use as a task attachment (`groundwork://files/<id>`).'),
    contentUrl: z
      .string()
      .describe('Path of the file content under this server (`/api/files/<id>/content`).'),
    mimeType: z.string().describe('Content type of the file.'),
    size: z.int().describe('Size in bytes.'),
    sha256: z.string().describe('SHA-256 of the content, hex.'),
    displayName: z
      .string()
      .nullable()
      .describe('Name shown for the file (defaults to the uploaded file name).'),
    referenceId: z.string().nullable().describe('Caller-chosen unique reference of the file, if any.'),
    project: z.string().nullable().describe('Name of the project the file belongs to, if any.'),
    sourceUrl: z.string().nullable().describe('The URL the file was imported from, if it was imported.'),
    metadata: jsonObject('Free-form metadata of the file.'),
    isTest: z.boolean().describe('Whether the file belongs to the test environment.'),
    createdAt: timestamp('When the file was stored.'),
    updatedAt: timestamp('When the file last changed.'),
  })
  .describe('A stored file.');
/** A file. */
export type ApiFile = z.infer<typeof apiFileSchema>;

/** Presents a file. */
export function presentFile(row: FileRow, projectName: string | undefined): ApiFile {
  return {
    id: row.id,
    attachmentUrl: fileReference(row.id),
    contentUrl: `/api/files/${row.id}/content`,
    mimeType: row.mimeType,
    size: row.size,
    sha256: row.sha256,
    displayName: row.displayName,
    referenceId: row.referenceId,
    project: projectName ?? null,
    sourceUrl: row.sourceUrl,
    metadata: row.metadata,
    isTest: row.isTest,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** An API key (never its secret). */
export const apiApiKeySchema = z
  .object({
    id: z.string().describe('API key id.'),
    name: z.string().describe('Name given to the key.'),
    environment: z.enum(['live', 'test']).describe('The environment the key acts in.'),
    prefix: z.string().describe('The first characters of the key, to recognize it.'),
    createdAt: timestamp('When the key was created.'),
    lastUsedAt: timestamp('When the key was last used.').nullable().describe('When the key was last used.'),
    revokedAt: timestamp('When the key was revoked.')
      .nullable()
      .describe('When the key was revoked, if it was.'),
  })
  .describe('An API key of the organization.');
/** An API key. */
export type ApiApiKey = z.infer<typeof apiApiKeySchema>;

/** Presents an API key; the secret itself is never stored and so never presented. */
export function presentApiKey(row: ApiKeyRow): ApiApiKey {
  return {
    id: row.id,
    name: row.name,
    environment: row.environment,
    prefix: row.prefix,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}
