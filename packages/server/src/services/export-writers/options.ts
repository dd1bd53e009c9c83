/** Reading an export's stored options, and the name its file downloads under. */
import type { DatasetFormat } from '@groundwork/domain';
import { EXPORT_STATUSES, type ExportOptions, type ExportStatusFilter } from './types.ts';

/** The options stored on an export, with defaults for anything missing (rows written by older code). */
export function readExportOptions(stored: Record<string, unknown>): ExportOptions {
  const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);
  const status = EXPORT_STATUSES.includes(stored.status as ExportStatusFilter)
    ? (stored.status as ExportStatusFilter)
    : 'completed';
  return {
    asOf: text(stored.asOf) ?? new Date(0).toISOString(),
    status,
    batch: text(stored.batch),
    tags: Array.isArray(stored.tags) ? stored.tags.filter((t): t is string => typeof t === 'string') : [],
    createdAfter: text(stored.createdAfter),
    createdBefore: text(stored.createdBefore),
    includeAnswers: stored.includeAnswers === true,
  };
}

/**
 * The download's file name: `<project>-<format>-<YYYY-MM-DD>.<extension>`, the date being the export's
 * `asOf` (UTC), the project name reduced to letters, digits, `.`, `_` and `-` (other runs become `-`),
 * so the name is safe in a Content-Disposition header and on every file system.
 */
export function exportFileName(
  projectName: string,
  format: Pick<DatasetFormat, 'id' | 'extension'>,
  asOf: Date,
): string {
  const project =
    projectName
      .normalize('NFKD')
      .replace(/[^A-Za-z0-9._-]+/g, '-')
      .replace(/^[-.]+|[-.]+$/g, '')
      .slice(0, 100) || 'project';
  return `${project}-${format.id}-${asOf.toISOString().slice(0, 10)}.${format.extension}`;
}
