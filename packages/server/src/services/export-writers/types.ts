/**
 * What every export writer is given and what it must do: take the export's tasks page by page, in order,
 * write its format to the output sink, and finish the file. Writers hold no more than a page in memory;
 * anything that must come later in the file than it is produced goes through a spool (a temporary file).
 */
import type { DatasetFormat } from '@groundwork/domain';
import type { ExportAnswerRow, ExportTaskRows, ExportTaskShape } from '../../repositories/exports.ts';
import type { ImageInfo, ImageResolver } from './images.ts';
import type { ByteSink } from './output.ts';

/** The task statuses an export can select (`any`: every status). */
export const EXPORT_STATUSES = ['completed', 'pending', 'canceled', 'error', 'any'] as const;
/** A status selection of an export. */
export type ExportStatusFilter = (typeof EXPORT_STATUSES)[number];

/**
 * Everything that decides which tasks an export writes and how: stored on the export, so that repeating
 * it (same options, same `asOf`) writes the same file while the data is unchanged.
 */
export interface ExportOptions {
  /** The request time: tasks created (and, for completed, completed) after it are left out. ISO 8601. */
  asOf: string;
  /** Which tasks by status. */
  status: ExportStatusFilter;
  /** Only the tasks of this batch (by name), or every batch. */
  batch: string | null;
  /** Only tasks carrying any of these tags (empty: every task). */
  tags: string[];
  /** Only tasks created at or after this time (ISO 8601), or null. */
  createdAfter: string | null;
  /** Only tasks created at or before this time (ISO 8601), or null. */
  createdBefore: string | null;
  /** JSON Lines and Scale JSON: every annotator's submitted answer too. */
  includeAnswers: boolean;
}

/** The project as an export writes it: its params and instruction at the export's params version. */
export interface ExportProject {
  id: string;
  name: string;
  type: string;
  /** The params of version `paramsVersion` (label lists, categories...). */
  params: Record<string, unknown>;
  instruction: string | null;
  paramsVersion: number;
}

/** Lookups a writer may need for a page; each is one query per page at most. */
export interface ExportLookups {
  /** Image sizes and file names (image formats). */
  images: ImageResolver;
  /** Batch names by id (cached for the export). */
  batchNames(ids: readonly string[]): Promise<Map<string, string>>;
  /** Every submitted answer of these tasks, by task id (in stage, round, slot order). */
  answers(taskIds: readonly string[]): Promise<Map<string, ExportAnswerRow[]>>;
}

/** What a writer is created with. */
export interface WriterContext {
  format: DatasetFormat;
  project: ExportProject;
  options: ExportOptions;
  /** `options.asOf` as a Date (also the modification time of zip entries). */
  asOf: Date;
  /** Where the file goes. */
  out: ByteSink;
  /** A private directory for spools, removed after the run. */
  tmpDir: string;
  lookups: ExportLookups;
  /**
   * Call now and then in long phases that read no tasks (copying a spool into the file): records a
   * heartbeat and throws when the export was canceled. Cheap to call often (it throttles itself).
   */
  checkpoint(): Promise<void>;
}

/** What a page needs besides its rows; looked up while the previous page is written. */
export interface PageLookups {
  /** Image facts by attachment (image formats). */
  images?: Map<string, ImageInfo>;
  /** Batch names by batch id. */
  batches?: Map<string, string>;
  /** Submitted answers by task id (when the export includes them). */
  answers?: Map<string, ExportAnswerRow[]>;
}

/** A format's writer over tasks of one shape. */
export interface ExportWriter<S extends ExportTaskShape = ExportTaskShape> {
  /** Which columns it reads. */
  readonly shape: S;
  /** Looks up what a page needs (called as soon as the page arrives, ahead of its turn). */
  prepare?(rows: readonly ExportTaskRows[S][]): Promise<PageLookups>;
  /** Writes one page of tasks with what `prepare` found (pages come in order; none is empty). */
  page(rows: readonly ExportTaskRows[S][], lookups: PageLookups): Promise<void>;
  /** Writes what follows the last task; the file is complete afterwards. */
  finish(): Promise<void>;
  /** Deletes temporary files; called after success and failure alike. */
  dispose(): Promise<void>;
}

/** A writer of any shape. */
export type AnyExportWriter = { [S in ExportTaskShape]: ExportWriter<S> }[ExportTaskShape];

/** An error in the data an export reads (e.g. a malformed answer), shown to the person who asked for it. */
export class ExportDataError extends Error {
  override readonly name = 'ExportDataError';
}
