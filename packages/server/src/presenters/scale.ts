/**
 * The Scale-compatible (`/v1`) shapes of tasks, batches, projects and files. Keys that Scale leaves out
 * are left out here too (no `tags` until set, no `unique_id` once cleared, no `completed_at` before
 * completion), because clients test for their presence.
 */

import type { BatchRow } from '../repositories/batches.ts';
import type { FileRow } from '../repositories/files.ts';
import type { ParamVersionRow, ProjectRow } from '../repositories/projects.ts';
import type { TaskRow } from '../repositories/tasks.ts';

/** Names of the project and batch a task belongs to. */
export interface TaskNames {
  project: string | undefined;
  batch: string | undefined;
}

/** A task as Scale's clients read it. */
export function presentScaleTask(row: TaskRow, names: TaskNames): Record<string, unknown> {
  const task: Record<string, unknown> = {
    task_id: row.id,
    type: row.type,
    status: row.status,
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  };
  if (row.completedAt) task.completed_at = row.completedAt.toISOString();
  if (names.project !== undefined) task.project = names.project;
  if (names.batch !== undefined) task.batch = names.batch;
  if (row.instruction !== null) task.instruction = row.instruction;
  if (row.callbackUrl !== null) task.callback_url = row.callbackUrl;
  if (row.callbackSucceeded !== null) task.callback_succeeded = row.callbackSucceeded;
  task.params = row.params;
  if (row.response !== null && row.response !== undefined) task.response = row.response;
  task.metadata = row.metadata;
  if (row.uniqueId !== null) task.unique_id = row.uniqueId;
  if (row.tags !== null) task.tags = row.tags;
  task.priority = row.priority;
  if (row.audits.length > 0) task.audits = row.audits;
  if (row.customerReviewStatus !== null) task.customer_review_status = row.customerReviewStatus;
  task.is_test = row.isTest;
  return task;
}

/** The reduced task of `limited_response=true`. */
export function presentLimitedScaleTask(row: TaskRow, names: TaskNames): Record<string, unknown> {
  return { task_id: row.id, status: row.status, metadata: row.metadata, project: names.project ?? null };
}

/** A batch as Scale's clients read it. */
export function presentScaleBatch(row: BatchRow, projectName: string): Record<string, unknown> {
  const batch: Record<string, unknown> = {
    name: row.name,
    project: projectName,
    status: row.status,
    created_at: row.createdAt.toISOString(),
    metadata: row.metadata,
    callback: row.callback ?? '',
    calibration_batch: row.calibrationBatch,
    self_label_batch: row.selfLabelBatch,
  };
  if (row.completedAt) batch.completed_at = row.completedAt.toISOString();
  return batch;
}

/** A project with its param history, the last entry being the current params. */
export function presentScaleProject(row: ProjectRow, versions: ParamVersionRow[]): Record<string, unknown> {
  return {
    type: row.type,
    name: row.name,
    created_at: row.createdAt.toISOString(),
    archived: row.archived,
    param_history: versions.map((v) => ({
      ...v.params,
      version: v.version,
      instruction: v.instruction ?? '',
      created_at: v.createdAt.toISOString(),
    })),
  };
}

/** An uploaded file; `attachment_url` is usable as a task attachment. */
export function presentScaleFile(row: FileRow, projectName: string | undefined): Record<string, unknown> {
  return {
    id: row.id,
    attachment_url: fileReference(row.id),
    mime_type: row.mimeType,
    size: row.size,
    display_name: row.displayName,
    reference_id: row.referenceId,
    metadata: row.metadata,
    project_names: projectName ? [projectName] : [],
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  };
}

/** The attachment URL of an uploaded file. */
export function fileReference(fileId: string): string {
  return `groundwork://files/${fileId}`;
}
