/**
 * Dataset exports and the task pages they stream. Tenant functions take a transaction scoped to the
 * organization (row-level security) and also name the environment; `claimDueExports` runs on the system
 * connection, across organizations, for the job relay.
 *
 * A queued export is claimed by the relay with a fence in `updated_at`, which the job's run must match to
 * start it. A running export is fenced by its `started_at`: every write of a run (progress, completion,
 * failure) is conditional on the export still being `running` with the `started_at` that run set, so a
 * canceled export, or one claimed again after its run went silent, refuses the stale run's writes.
 */
import { createHash } from 'node:crypto';
import { and, desc, eq, inArray, lt, or } from 'drizzle-orm';
import type { Database, Db } from '../db/database.ts';
import { assignments, batches, datasetExports } from '../db/schema.ts';
import { openFieldParts } from '../keys/field-cipher.ts';
import { rawDate, rawJson, rawSealed } from './raw-values.ts';

/** An export row. */
export type ExportRow = typeof datasetExports.$inferSelect;
/** An export to insert. */
export type NewExportRow = typeof datasetExports.$inferInsert;
/** The states of an export. */
export type ExportStatus = ExportRow['status'];

/** Inserts an export. */
export async function insertExport(tx: Db, row: NewExportRow): Promise<ExportRow> {
  const [created] = await tx.insert(datasetExports).values(row).returning();
  if (!created) throw new Error('export insert returned nothing');
  return created;
}

/** An export by id in one environment. */
export async function findExport(tx: Db, isTest: boolean, id: string): Promise<ExportRow | undefined> {
  const [row] = await tx
    .select()
    .from(datasetExports)
    .where(and(eq(datasetExports.id, id), eq(datasetExports.isTest, isTest)))
    .limit(1);
  return row;
}

/** A project's exports, newest first. */
export async function listExports(
  tx: Db,
  filter: { isTest: boolean; projectId: string; limit: number },
): Promise<ExportRow[]> {
  return tx
    .select()
    .from(datasetExports)
    .where(and(eq(datasetExports.isTest, filter.isTest), eq(datasetExports.projectId, filter.projectId)))
    .orderBy(desc(datasetExports.createdAt), desc(datasetExports.id))
    .limit(filter.limit);
}

/** Cancels a queued or running export; undefined when it was in neither state. */
export async function cancelExport(tx: Db, id: string, now: Date): Promise<ExportRow | undefined> {
  const [row] = await tx
    .update(datasetExports)
    .set({ status: 'canceled', finishedAt: now, updatedAt: now })
    .where(and(eq(datasetExports.id, id), inArray(datasetExports.status, ['queued', 'running'])))
    .returning();
  return row;
}

/** When an export is due for the relay. */
export interface ExportDue {
  /** A queued export relayed before this (its job never started: the worker died) is relayed again. */
  relayedBefore: Date;
  /** A running export silent since this (no progress: its process died) is claimed again. */
  staleBefore: Date;
}

/** Whether any export waits for the relay (see {@link claimDueExports}). */
export async function anyExportDue(system: Db, due: ExportDue): Promise<boolean> {
  const [row] = await system
    .select({ id: datasetExports.id })
    .from(datasetExports)
    .where(dueCondition(due))
    .limit(1);
  return row !== undefined;
}

function dueCondition(due: ExportDue) {
  return or(
    and(
      eq(datasetExports.status, 'queued'),
      or(
        eq(datasetExports.updatedAt, datasetExports.createdAt),
        lt(datasetExports.updatedAt, due.relayedBefore),
      ),
    ),
    and(eq(datasetExports.status, 'running'), lt(datasetExports.updatedAt, due.staleBefore)),
  );
}

/**
 * Claims up to `limit` exports for runs, of every organization (system transaction), skipping rows
 * another relay holds: queued exports never relayed (`updated_at = created_at`) or relayed long ago, and
 * running exports whose run went silent. Each is (again) `queued` with `updated_at = fence`: the claim the
 * job carries, taken by {@link takeExport} when the job starts. An export stays `queued` until then.
 */
export async function claimDueExports(
  tx: Db,
  fence: Date,
  due: ExportDue,
  limit: number,
): Promise<{ id: string; orgId: string }[]> {
  const claimed = await tx
    .select({ id: datasetExports.id, orgId: datasetExports.orgId })
    .from(datasetExports)
    .where(dueCondition(due))
    .orderBy(datasetExports.createdAt)
    .limit(limit)
    .for('update', { skipLocked: true });
  if (claimed.length === 0) return [];
  await tx
    .update(datasetExports)
    .set({ status: 'queued', updatedAt: fence, startedAt: null, done: 0, total: null, error: null })
    .where(
      inArray(
        datasetExports.id,
        claimed.map((d) => d.id),
      ),
    );
  return claimed;
}

/**
 * Starts a run of a claimed export: only if it is still queued under the claim's `fence` (not canceled,
 * not claimed again). It becomes `running` with `started_at = run`, the fence of every later write of the
 * run; a second delivery of the same job finds nothing.
 */
export async function takeExport(tx: Db, id: string, fence: Date, run: Date): Promise<ExportRow | undefined> {
  const [row] = await tx
    .update(datasetExports)
    .set({ status: 'running', startedAt: run, updatedAt: run, done: 0, total: null, error: null })
    .where(
      and(
        eq(datasetExports.id, id),
        eq(datasetExports.status, 'queued'),
        eq(datasetExports.updatedAt, fence),
      ),
    )
    .returning();
  return row;
}

function fenced(id: string, fence: Date) {
  return and(
    eq(datasetExports.id, id),
    eq(datasetExports.status, 'running'),
    eq(datasetExports.startedAt, fence),
  );
}

/**
 * Records a run's progress (and doubles as its heartbeat); false when the run no longer holds the
 * export (canceled, or taken over).
 */
export async function recordExportProgress(
  tx: Db,
  id: string,
  fence: Date,
  progress: { done: number; total?: number },
): Promise<boolean> {
  const rows = await tx
    .update(datasetExports)
    .set({ ...progress, updatedAt: new Date() })
    .where(fenced(id, fence))
    .returning({ id: datasetExports.id });
  return rows.length > 0;
}

/** Records a run's file; false when the run no longer holds the export (the caller deletes the blob). */
export async function completeExport(
  tx: Db,
  id: string,
  fence: Date,
  result: {
    done: number;
    blobKey: string;
    fileName: string;
    contentType: string;
    bytes: number;
    finishedAt: Date;
  },
): Promise<ExportRow | undefined> {
  const [row] = await tx
    .update(datasetExports)
    .set({ ...result, status: 'completed', error: null, updatedAt: result.finishedAt })
    .where(fenced(id, fence))
    .returning();
  return row;
}

/** Records a run's failure; false when the run no longer holds the export. */
export async function failExport(
  tx: Db,
  id: string,
  fence: Date,
  failure: { error: string; finishedAt: Date },
): Promise<boolean> {
  const rows = await tx
    .update(datasetExports)
    .set({ ...failure, status: 'failed', updatedAt: failure.finishedAt })
    .where(fenced(id, fence))
    .returning({ id: datasetExports.id });
  return rows.length > 0;
}

// ---------------------------------------------------------------------------------------------- tasks

/** Which tasks an export writes. */
export interface ExportTaskFilter {
  projectId: string;
  isTest: boolean;
  /** Tasks created after this are left out; for `completed`, also tasks completed after it. */
  asOf: Date;
  /** A task status, or null for every status. */
  status: 'pending' | 'completed' | 'canceled' | 'error' | null;
  batchId: string | null;
  /** Tasks carrying any of these tags (none: every task). */
  tags: string[];
  /** Created at or after. */
  createdAfter: Date | null;
  /** Created at or before. */
  createdBefore: Date | null;
}

/**
 * The columns a format reads. `image`: what image formats need (the attachment, and the task's geometries
 * and response as JSON text); `record`: the dataset record of every other format; `scale`: the record
 * plus what the Scale task shape shows.
 */
export type ExportTaskShape = 'image' | 'record' | 'scale';

/** A task as image formats read it. */
export interface ImageTaskRow {
  id: string;
  createdAt: Date;
  /** `params.attachment`, or null. */
  attachment: string | null;
  /** `params.geometries` as JSON text (tasks of one project mostly share it), or null. */
  geometries: string | null;
  /**
   * The response as JSON text, or null. Parsed by the writer just before it writes the task, so the
   * answer's objects die young: a page parsed up front lives through the garbage collector's young
   * generation and is promoted, and a large export would grow the old generation by its whole size.
   */
  responseText: string | null;
  /** The stored file of a `groundwork://files/<id>` attachment (joined), or null. */
  file: ImageTaskFile | null;
}

/** A task's stored image as the page query joins it: where its bytes are and what its metadata says. */
export interface ImageTaskFile {
  id: string;
  blobKey: string;
  mimeType: string;
  /** `metadata.width` / `metadata.height` when they are positive JSON numbers. */
  width: number | undefined;
  height: number | undefined;
}

/** A task as the record formats read it. */
export interface RecordTaskRow {
  id: string;
  createdAt: Date;
  type: string;
  uniqueId: string | null;
  status: string;
  batchId: string | null;
  params: Record<string, unknown>;
  response: unknown;
  metadata: Record<string, unknown>;
  tags: string[] | null;
  paramsVersion: number | null;
  completedAt: Date | null;
}

/** A task with what the Scale task shape shows besides the record. */
export interface ScaleTaskRow extends RecordTaskRow {
  isTest: boolean;
  instruction: string | null;
  callbackUrl: string | null;
  callbackSucceeded: boolean | null;
  priority: number;
  audits: unknown[];
  customerReviewStatus: string | null;
  updatedAt: Date;
}

/** The row type of each shape. */
export interface ExportTaskRows {
  image: ImageTaskRow;
  record: RecordTaskRow;
  scale: ScaleTaskRow;
}

const RECORD_COLUMNS =
  't.id, t.created_at, t.type, t.unique_id, t.status, t.batch_id, t.params, t.response, t.metadata, t.tags, t.params_version, t.completed_at';
/**
 * What the image formats select of each task (`t`): the content is encrypted, so params and response come as
 * their envelopes' parts (or, stored before encryption, as text) and are opened here. Exported for the
 * benchmark's baseline, which must read the same.
 */
export const IMAGE_EXPORT_COLUMNS = `t.id, t.created_at, ${sealedParts('t.params', 'params')}, ${sealedParts('t.response', 'response')}`;
const COLUMNS: Record<ExportTaskShape, string> = {
  image: IMAGE_EXPORT_COLUMNS,
  record: RECORD_COLUMNS,
  scale: `${RECORD_COLUMNS}, t.is_test, t.instruction, t.callback_url, t.callback_succeeded, t.priority, t.audits, t.customer_review_status, t.updated_at`,
};

const FILE_REF = 'groundwork://files/';

/** The columns of an encrypted JSON value as {@link openFieldParts} takes them: version, data, or plain text. */
function sealedParts(column: string, as: string): string {
  const sealed = `${column} ->> '$gw' = 'enc1'`;
  return `CASE WHEN ${sealed} THEN ${column} ->> 'k' END AS ${as}_k, CASE WHEN ${sealed} THEN ${column} ->> 'd' END AS ${as}_d, CASE WHEN ${sealed} THEN NULL ELSE ${column}::text END AS ${as}_plain`;
}

/** An encrypted JSON value selected by {@link sealedParts}, as JSON text (null for SQL NULL). */
function openedText(column: string, r: Record<string, unknown>, as: string): string | null {
  const text = (key: string) => (r[`${as}_${key}`] as string | null | undefined) ?? null;
  return openFieldParts(column, text('k'), text('d'), text('plain'));
}

const FILES_OF_PAGE = `SELECT f.id, f.blob_key, f.mime_type,
       CASE WHEN jsonb_typeof(f.metadata->'width') = 'number' THEN f.metadata->>'width' END AS width,
       CASE WHEN jsonb_typeof(f.metadata->'height') = 'number' THEN f.metadata->>'height' END AS height
  FROM files f WHERE f.id = ANY($1::text[]) AND f.is_test = $2`;

/** The WHERE conditions of a filter with their values from `$first` on. */
function filterSql(f: ExportTaskFilter, first: number): { conditions: string[]; values: unknown[] } {
  const values: unknown[] = [];
  const param = (value: unknown) => {
    values.push(value);
    return `$${first + values.length - 1}`;
  };
  const conditions = [
    `t.project_id = ${param(f.projectId)}`,
    `t.is_test = ${param(f.isTest)}`,
    `t.created_at <= ${param(f.asOf)}::timestamptz`,
  ];
  if (f.status !== null) conditions.push(`t.status = ${param(f.status)}`);
  if (f.status === 'completed') conditions.push(`t.completed_at <= ${param(f.asOf)}::timestamptz`);
  if (f.batchId !== null) conditions.push(`t.batch_id = ${param(f.batchId)}`);
  if (f.tags.length > 0) conditions.push(`t.tags && ${param(f.tags)}::text[]`);
  if (f.createdAfter) conditions.push(`t.created_at >= ${param(f.createdAfter)}::timestamptz`);
  if (f.createdBefore) conditions.push(`t.created_at <= ${param(f.createdBefore)}::timestamptz`);
  return { conditions, values };
}

/** How many tasks an export writes (run in the run's scoped transaction). */
export async function countExportTasks(db: Database, orgId: string, f: ExportTaskFilter): Promise<number> {
  const { conditions, values } = filterSql(f, 1);
  const text = `SELECT count(*)::int AS n FROM tasks t WHERE ${conditions.join(' AND ')}`;
  const [row] = await db.runScoped<{ n: number | string }>(orgId, {
    name: statementName('export_count', text),
    text,
    values,
  });
  return Number(row?.n ?? 0);
}

/** Where the next page starts: after the (created_at, id) of the previous page's last task. */
export interface ExportTaskCursor {
  createdAt: Date;
  id: string;
}

/**
 * One page of an export's tasks in (created_at, id) order, after `after` (keyset: no OFFSET), with only
 * the columns of `shape`. Gold tasks live in their own table and never appear.
 */
export async function exportTaskPage<S extends ExportTaskShape>(
  db: Database,
  orgId: string,
  f: ExportTaskFilter,
  shape: S,
  after: ExportTaskCursor | null,
  limit: number,
): Promise<ExportTaskRows[S][]> {
  const { conditions, values } = filterSql(f, 1);
  const n = values.length;
  if (after) {
    conditions.push(`(t.created_at, t.id) > ($${n + 1}::timestamptz, $${n + 2}::text)`);
    values.push(after.createdAt, after.id);
  }
  values.push(limit);
  // NULLS FIRST (the columns are NOT NULL, so the order is the same): the backward scan of
  // tasks_project_idx (created_at DESC NULLS LAST, id DESC NULLS LAST) yields exactly this order and takes
  // the row comparison as its index condition. Without it PostgreSQL sorts the whole project per page.
  const text = `SELECT ${COLUMNS[shape]} FROM tasks t WHERE ${conditions.join(' AND ')} ORDER BY t.created_at NULLS FIRST, t.id NULLS FIRST LIMIT $${values.length}`;
  return db.withOrgKeys(orgId, async () => {
    const rows = await db.runScoped<Record<string, unknown>>(orgId, {
      name: statementName(`export_page_${shape}`, text),
      text,
      values,
    });
    if (shape !== 'image') return rows.map((row) => readRecordRow(shape, row)) as ExportTaskRows[S][];
    const images = rows.map(readImageRow);
    await attachFiles(db, orgId, f.isTest, images);
    return images as ExportTaskRows[S][];
  });
}

/** An image task's row: params opened for the attachment and geometries, the response opened to its text. */
function readImageRow(r: Record<string, unknown>): ImageTaskRow {
  const paramsText = openedText('tasks.params', r, 'params');
  const params = (paramsText === null ? {} : JSON.parse(paramsText)) as Record<string, unknown>;
  const attachment = typeof params.attachment === 'string' ? params.attachment : null;
  return {
    id: r.id as string,
    createdAt: rawDate(r.created_at) as Date,
    attachment,
    geometries: params.geometries === undefined ? null : JSON.stringify(params.geometries),
    responseText: openedText('tasks.response', r, 'response'),
    file: null,
  };
}

/** Sets the stored file of every `groundwork://files/<id>` attachment of a page (one query per page). */
async function attachFiles(
  db: Database,
  orgId: string,
  isTest: boolean,
  rows: ImageTaskRow[],
): Promise<void> {
  const ids = new Set<string>();
  for (const row of rows) {
    if (row.attachment?.startsWith(FILE_REF)) ids.add(row.attachment.slice(FILE_REF.length));
  }
  if (ids.size === 0) return;
  const found = await db.runScoped<Record<string, unknown>>(orgId, {
    name: 'groundwork_export_page_files',
    text: FILES_OF_PAGE,
    values: [[...ids], isTest],
  });
  const byId = new Map<string, ImageTaskFile>();
  for (const f of found) {
    byId.set(f.id as string, {
      id: f.id as string,
      blobKey: f.blob_key as string,
      mimeType: f.mime_type as string,
      width: positive(f.width),
      height: positive(f.height),
    });
  }
  for (const row of rows) {
    if (row.attachment?.startsWith(FILE_REF))
      row.file = byId.get(row.attachment.slice(FILE_REF.length)) ?? null;
  }
}

function readRecordRow(shape: 'record' | 'scale', r: Record<string, unknown>): RecordTaskRow | ScaleTaskRow {
  const createdAt = rawDate(r.created_at) as Date;
  const record: RecordTaskRow = {
    id: r.id as string,
    createdAt,
    type: r.type as string,
    uniqueId: (r.unique_id as string | null) ?? null,
    status: r.status as string,
    batchId: (r.batch_id as string | null) ?? null,
    params: rawSealed('tasks.params', r.params) as Record<string, unknown>,
    response: rawSealed('tasks.response', r.response),
    metadata: rawJson(r.metadata) as Record<string, unknown>,
    tags: readTextArray(r.tags),
    paramsVersion:
      r.params_version === null || r.params_version === undefined ? null : Number(r.params_version),
    completedAt: rawDate(r.completed_at),
  };
  if (shape === 'record') return record;
  return {
    ...record,
    isTest: r.is_test === true || r.is_test === 't',
    instruction: (r.instruction as string | null) ?? null,
    callbackUrl: (r.callback_url as string | null) ?? null,
    callbackSucceeded:
      r.callback_succeeded === null || r.callback_succeeded === undefined
        ? null
        : r.callback_succeeded === true || r.callback_succeeded === 't',
    priority: Number(r.priority),
    audits: (rawJson(r.audits) as unknown[] | null) ?? [],
    customerReviewStatus: (r.customer_review_status as string | null) ?? null,
    updatedAt: rawDate(r.updated_at) as Date,
  };
}

/** A positive finite number from a JSON value's text, or undefined. */
function positive(text: unknown): number | undefined {
  if (typeof text !== 'string' || text.trim() === '') return undefined;
  const value = Number(text);
  return Number.isFinite(value) && value > 0 ? value : undefined;
}

/** A text[] column: an array from node-postgres, `{a,"b c"}` text from PGlite's simple protocol. */
function readTextArray(v: unknown): string[] | null {
  if (v === null || v === undefined) return null;
  if (Array.isArray(v)) return v as string[];
  const text = String(v);
  if (text === '{}') return [];
  const items: string[] = [];
  let i = 1;
  while (i < text.length - 1) {
    if (text[i] === '"') {
      let item = '';
      i++;
      while (text[i] !== '"') {
        if (text[i] === '\\') i++;
        item += text[i];
        i++;
      }
      items.push(item);
      i += 2;
    } else {
      const end = text.indexOf(',', i);
      const stop = end === -1 ? text.length - 1 : end;
      items.push(text.slice(i, stop));
      i = stop + 1;
    }
  }
  return items;
}

/** A prepared statement's name for this exact text (filters change the text; each text is prepared once). */
function statementName(prefix: string, text: string): string {
  return `${prefix}_${createHash('sha256').update(text).digest('hex').slice(0, 12)}`;
}

/** One annotator's submitted answer to a task. */
export interface ExportAnswerRow {
  /** Assignment id. */
  id: string;
  taskId: string;
  userId: string;
  stage: 'label' | 'review';
  round: number;
  response: unknown;
  submittedAt: Date | null;
  timeSpentMs: number | null;
}

/** Every submitted answer to these tasks, by task, stage, round and slot. */
export async function exportAnswers(tx: Db, taskIds: string[]): Promise<ExportAnswerRow[]> {
  if (taskIds.length === 0) return [];
  return tx
    .select({
      id: assignments.id,
      taskId: assignments.taskId,
      userId: assignments.userId,
      stage: assignments.stage,
      round: assignments.round,
      response: assignments.response,
      submittedAt: assignments.submittedAt,
      timeSpentMs: assignments.timeSpentMs,
    })
    .from(assignments)
    .where(and(inArray(assignments.taskId, taskIds), eq(assignments.status, 'submitted')))
    .orderBy(assignments.taskId, assignments.stage, assignments.round, assignments.slot);
}

/** The batch of this name in the project's environment, or undefined. */
export async function exportBatchId(
  tx: Db,
  f: { isTest: boolean; projectId: string; name: string },
): Promise<string | undefined> {
  const [row] = await tx
    .select({ id: batches.id })
    .from(batches)
    .where(and(eq(batches.isTest, f.isTest), eq(batches.projectId, f.projectId), eq(batches.name, f.name)))
    .limit(1);
  return row?.id;
}
