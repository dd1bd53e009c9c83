/** The first-party (`/api`) shape of dataset exports. */
import { DATASET_FORMATS, type DatasetFormatId } from '@groundwork/domain';
import { z } from 'zod';
import type { ExportRow } from '../repositories/exports.ts';
import { readExportOptions } from '../services/export-writers/options.ts';
import { EXPORT_STATUSES } from '../services/export-writers/types.ts';

const timestamp = (what: string) => z.string().meta({ format: 'date-time' }).describe(what);
const nullableTimestamp = (what: string) =>
  z.string().meta({ format: 'date-time' }).nullable().describe(what);

/** The format ids of the catalog, as a zod enum (request bodies and responses). */
export const datasetFormatIdSchema = z
  .enum(DATASET_FORMATS.map((f) => f.id) as [DatasetFormatId, ...DatasetFormatId[]])
  .describe(
    `The file format: ${DATASET_FORMATS.map((f) => `\`${f.id}\` (${f.label}${f.types ? `; ${f.types.join(', ')} projects` : ''})`).join(', ')}.`,
  );

/** Which tasks an export holds and its format options, as stored and replayed by a repeat. */
export const apiExportOptionsSchema = z
  .object({
    asOf: timestamp(
      'The request time: tasks created (and, for `completed`, completed) after it are left out, so a repeat writes the same file while the data is unchanged.',
    ),
    status: z
      .enum(EXPORT_STATUSES)
      .describe('Which tasks by status (`any`: every status; default `completed`).'),
    batch: z.string().nullable().describe('Only the tasks of this batch, or null for every batch.'),
    tags: z.array(z.string()).describe('Only tasks carrying any of these tags (empty: every task).'),
    createdAfter: nullableTimestamp('Only tasks created at or after this time, or null.'),
    createdBefore: nullableTimestamp('Only tasks created at or before this time, or null.'),
    includeAnswers: z
      .boolean()
      .describe('JSON Lines and Scale JSON: every annotator’s submitted answer is included too.'),
  })
  .describe('The tasks an export holds and its format options.');

/** A dataset export. */
export const apiExportSchema = z
  .object({
    id: z.string().describe('Export id.'),
    project: z.string().describe('Name of the exported project.'),
    format: datasetFormatIdSchema,
    status: z
      .enum(['queued', 'running', 'completed', 'failed', 'canceled'])
      .describe(
        '`queued` until a worker starts it, `running` while it writes, then `completed` (downloadable), `failed` (see `error`) or `canceled`.',
      ),
    paramsVersion: z
      .int()
      .describe('The project params version the export was made under (its labels and categories).'),
    options: apiExportOptionsSchema,
    total: z.int().nullable().describe('Tasks to write, counted when the run starts; null before.'),
    done: z.int().describe('Tasks written so far.'),
    bytes: z.int().nullable().describe('Size of the finished file in bytes; null until completed.'),
    fileName: z
      .string()
      .nullable()
      .describe('Name the file downloads under (`<project>-<format>-<date>.<ext>`); null until completed.'),
    contentType: z.string().nullable().describe('Media type of the finished file; null until completed.'),
    error: z.string().nullable().describe('Why the export failed, when it did.'),
    createdAt: timestamp('When the export was requested.'),
    startedAt: nullableTimestamp('When its current run started; null while queued.'),
    finishedAt: nullableTimestamp('When it completed, failed or was canceled.'),
  })
  .describe('A dataset export: a file of a project’s tasks in one format, made in the background.');
/** A dataset export. */
export type ApiExport = z.infer<typeof apiExportSchema>;

/** Presents an export of the project named `projectName`. */
export function presentExport(row: ExportRow, projectName: string): ApiExport {
  const completed = row.status === 'completed';
  return {
    id: row.id,
    project: projectName,
    format: row.format as DatasetFormatId,
    status: row.status,
    paramsVersion: row.paramsVersion,
    options: readExportOptions(row.options),
    total: row.total,
    done: row.done,
    bytes: completed ? row.bytes : null,
    fileName: completed ? row.fileName : null,
    contentType: completed ? row.contentType : null,
    error: row.error,
    createdAt: row.createdAt.toISOString(),
    startedAt: row.status === 'queued' ? null : (row.startedAt?.toISOString() ?? null),
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}
