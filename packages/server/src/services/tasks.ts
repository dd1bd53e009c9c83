/**
 * Tasks: creation (single and bulk) with project defaults and validation by the task type, reads, lists,
 * cancellation, unique ids, metadata, tags and customer audits.
 */
import {
  appendInstruction,
  checkResponse,
  commonTaskFieldsSchema,
  describeIssues,
  domainErrorMap,
  type FieldIssue,
  mergeProjectParams,
  parseTaskParams,
  splitTaskBody,
  type TaskType,
  type TaskTypeRegistry,
  zodIssuesToFieldIssues,
} from '@groundwork/domain';
import type { z } from 'zod';
import { completeBatchIfDone } from '../commands/complete-batch-if-done.ts';
import { enqueueTaskDeliveries, enqueueTaskDelivery } from '../commands/enqueue-deliveries.ts';
import { reopenTask } from '../commands/reopen-task.ts';
import type { CopySink, Database, Db } from '../db/database.ts';
import type { TaskAudit } from '../db/schema.ts';
import { ApiError, type ErrorDetail, invalid, notFound } from '../errors.ts';
import { decodeCursor, encodeCursor } from '../lib/cursor.ts';
import { isId, newId } from '../lib/ids.ts';
import type { TaskNames } from '../presenters/scale.ts';
import { insertReview, revokeTaskWork } from '../repositories/assignments.ts';
import { type BatchRow, batchNames, findBatchByName, updateBatch } from '../repositories/batches.ts';
import { existingFileIds } from '../repositories/files.ts';
import { insertGoldTask } from '../repositories/gold.ts';
import {
  findProjectById,
  findProjectByName,
  insertParamVersion,
  insertProject,
  type ProjectRow,
  projectNames,
} from '../repositories/projects.ts';
import {
  claimIdempotencyKey,
  countTasks,
  findTask,
  findTaskIdByUniqueId,
  findTaskIdsByUniqueIds,
  insertTask,
  insertTaskIfCurrent,
  listTasks,
  lockTask,
  type NewTaskRow,
  TASK_INSERT_COLUMNS,
  type TaskFilter,
  type TaskRow,
  taskCopyLine,
  updateTask,
} from '../repositories/tasks.ts';
import { taskListStatements, taskViewStatements } from './audit-views.ts';
import type { OutboundService } from './outbound.ts';
import { actorOf, type Principal } from './principal.ts';
import type { QualityPlans } from './quality-plans.ts';

/** A task with the names the presenters need. */
export interface TaskView {
  row: TaskRow;
  project: string | undefined;
  batch: string | undefined;
}

/** Common task fields after validation. */
export type CommonTaskFields = z.infer<typeof commonTaskFieldsSchema>;

/** Query of the task list, already parsed. */
export interface TaskListQuery {
  project?: string;
  batch?: string;
  status?: TaskRow['status'];
  type?: string;
  startTime?: Date;
  endTime?: Date;
  completedAfter?: Date;
  completedBefore?: Date;
  updatedAfter?: Date;
  updatedBefore?: Date;
  customerReviewStatus?: string[];
  uniqueIds?: string[];
  tags?: string[];
  limit: number;
  offset?: number;
  nextToken?: string;
}

/** One page of tasks. */
export interface TaskPage {
  docs: TaskView[];
  total: number;
  limit: number;
  offset: number;
  hasMore: boolean;
  nextToken: string | null;
}

/** A prepared task row plus what must be checked in the database before it is inserted. */
interface PreparedTask {
  row: NewTaskRow;
  fileIds: string[];
}

/** The result of one line of a bulk import. */
export interface BulkLineError {
  line: number;
  error: string;
}

/**
 * One row of an import as the route read it: its 1-based line in the file and either the task body or why
 * the row could not be read (bad JSON, a bad CSV cell; path `""` for the whole row, else the column).
 */
export type ImportRow = { line: number; body: unknown } | { line: number; problems: ErrorDetail[] };

/** How an import treats bad rows and taken unique_ids, and the container of rows that name none. */
export interface ImportOptions {
  /** Project of rows that name neither a project nor a batch. */
  project?: string;
  /** Batch of rows that name neither a project nor a batch. */
  batch?: string;
  /** `all`: any bad row fails the whole import; `partial`: good rows are created, bad ones reported. */
  mode: 'all' | 'partial';
  /** `error`: a taken unique_id is a bad row; `skip`: the row is counted as skipped. */
  onDuplicate: 'error' | 'skip';
}

/** One problem of a bad row: its line, the field (`""` for the whole row) and what is wrong. */
export interface ImportProblem {
  line: number;
  path: string;
  message: string;
}

/** The outcome of an import. */
export interface ImportResult {
  /** Tasks created. */
  created: number;
  /** Rows whose unique_id already existed (`onDuplicate: 'skip'`). */
  skipped: number;
  /** Bad rows (partial mode; always 0 in all-or-nothing mode, which fails instead). */
  failed: number;
  /** The problems of the bad rows, in line order, the first {@link MAX_IMPORT_PROBLEMS}. */
  problems: ImportProblem[];
  /** Id of the first task created. */
  firstTaskId: string | null;
  /** Id of the last task created. */
  lastTaskId: string | null;
}

/** How many problems an import answer lists at most (the `failed` count is always complete). */
export const MAX_IMPORT_PROBLEMS = 1000;

/** Rows per transaction (and per COPY) of a partial import. */
export const IMPORT_CHUNK_ROWS = 2000;

/** The project (and batch) tasks go to. */
type Container = { project: ProjectRow; batch: BatchRow | undefined };

/** What a partial import carries from chunk to chunk. */
interface PartialImportState {
  result: ImportResult;
  /** unique_id → line of the row that created it in this import. */
  claimed: Map<string, number>;
  /** Containers by `project\0batch`, from committed chunks. */
  containers: Map<string, Container>;
}

/** The outcome of one chunk of a partial import, applied to the state only once its transaction commits. */
interface ChunkOutcome {
  created: number;
  skipped: number;
  failed: number;
  problems: ImportProblem[];
  firstTaskId: string | null;
  lastTaskId: string | null;
  claimed: Map<string, number>;
  containers: Map<string, Container>;
}

const FILE_REFERENCE = /^groundwork:\/\/files\/([0-9a-f]{24})$/;

/** Task rules. */
export class TaskService {
  readonly #db: Database;
  readonly #types: TaskTypeRegistry;
  readonly #now: () => Date;
  readonly #plans: QualityPlans | undefined;
  readonly #outbound: OutboundService | undefined;
  readonly #containers = new ContainerCache();

  /** `outbound` refuses callback URLs that point at private addresses (none: every URL is taken). */
  constructor(deps: {
    db: Database;
    types: TaskTypeRegistry;
    now?: () => Date;
    plans?: QualityPlans;
    outbound?: OutboundService;
  }) {
    this.#db = deps.db;
    this.#types = deps.types;
    this.#now = deps.now ?? (() => new Date());
    this.#plans = deps.plans;
    this.#outbound = deps.outbound;
  }

  /** The task type for a `/task/{type}` path segment, or 400. */
  type(name: string): TaskType {
    const type = this.#types.get(name);
    if (!type) {
      throw invalid(
        `Task type ${JSON.stringify(name)} is not supported. Supported: ${this.#types.names().join(', ')}.`,
      );
    }
    return type;
  }

  /**
   * Creates one task. For test keys the task is completed at once with a placeholder answer valid for
   * its type; the returned view shows it as created (pending), as Scale's clients expect.
   */
  async create(
    p: Principal,
    typeName: string,
    body: unknown,
    opts: { idempotencyKey?: string } = {},
  ): Promise<TaskView> {
    const type = this.type(typeName);
    const { common, params } = this.#splitBody(body);
    await this.#outbound?.assertAllowed(p, 'callback_url', common.callback_url);
    return this.#db.withOrg(p.orgId, async (tx) => {
      const fast = await this.#createFromCache(tx, p, type, common, params, opts);
      if (fast) return fast;
      const { project, batch } = await this.#resolveContainer(tx, p, type.name, common);
      this.#containers.remember(p, common, { project, batch });
      const prepared = this.#prepare(p, type, project, batch, common, params, 'params');
      await this.#checkFiles(tx, p, prepared.fileIds);
      if (opts.idempotencyKey !== undefined) {
        const used = await claimIdempotencyKey(
          tx,
          p.isTest,
          opts.idempotencyKey,
          prepared.row.id as string,
          p.orgId,
        );
        if (used !== undefined) {
          throw new ApiError(
            'idempotency_key_used',
            `The Idempotency-Key ${JSON.stringify(opts.idempotencyKey)} was already used for task ${used}.`,
          );
        }
      }
      const row = await insertTask(tx, prepared.row);
      if (!row) throw await this.#uniqueIdTaken(tx, p, prepared.row.uniqueId ?? '');
      if (row.status === 'completed' && row.callbackUrl) {
        // A test task is completed at creation, and Scale calls back for it too.
        const names = { project: project.name, batch: batch?.name };
        await enqueueTaskDelivery({ tx, task: row, now: row.completedAt ?? this.#now(), names });
      }
      if (batch) await this.#afterTaskAdded(tx, batch);
      return { row: asCreated(row), project: project.name, batch: batch?.name };
    });
  }

  /**
   * The common case in one statement: project (and batch) from the in-process cache, the row inserted
   * only if they are still as cached. Returns undefined to fall back to the full path — on a cache miss,
   * a changed project or batch, a taken unique_id, anything needing more checks (files, Idempotency-Key,
   * a test task that may complete its batch), or params the cached defaults call invalid (the full path
   * re-validates with fresh defaults before answering 400).
   */
  async #createFromCache(
    tx: Db,
    p: Principal,
    type: TaskType,
    common: CommonTaskFields,
    params: Record<string, unknown>,
    opts: { idempotencyKey?: string },
  ): Promise<TaskView | undefined> {
    if (opts.idempotencyKey !== undefined) return undefined;
    const cached = this.#containers.get(p, common);
    if (!cached || cached.project.type !== type.name || (p.isTest && cached.batch)) return undefined;
    let prepared: PreparedTask;
    try {
      prepared = this.#prepare(p, type, cached.project, cached.batch, common, params, 'params');
    } catch (error) {
      if (error instanceof ApiError) return undefined;
      throw error;
    }
    if (prepared.fileIds.length > 0) return undefined;
    if (!(await insertTaskIfCurrent(tx, prepared.row, cached.project.version))) {
      this.#containers.forget(p, common);
      return undefined;
    }
    const row = newTaskAsRow(prepared.row);
    if (row.status === 'completed' && row.callbackUrl) {
      const names = { project: cached.project.name, batch: cached.batch?.name };
      await enqueueTaskDelivery({ tx, task: row, now: row.completedAt ?? this.#now(), names });
    }
    return { row: asCreated(row), project: cached.project.name, batch: cached.batch?.name };
  }

  /**
   * Creates many tasks of one type from the rows of an import (NDJSON or CSV, read by the route).
   *
   * `mode: 'all'` (all or nothing): every row is validated in one transaction, valid rows streaming into the
   * table with COPY while later rows are still being validated; if any row is unreadable or invalid (or
   * names a taken unique_id), the transaction rolls back, nothing is written, and every bad line (up to 100)
   * is reported in a 400.
   *
   * `mode: 'partial'`: rows are taken in chunks of {@link IMPORT_CHUNK_ROWS}, each chunk one transaction
   * with one COPY of its valid rows; invalid rows are counted as `failed` and reported by line (the first
   * {@link MAX_IMPORT_PROBLEMS}), and the request succeeds. Chunks already written stay written if a later
   * one fails for a reason not of its rows (the body exceeding the size limit, the database going away);
   * re-sending the body with `onDuplicate: 'skip'` then creates only what is missing, when rows carry
   * unique_ids.
   *
   * `onDuplicate: 'skip'`: a row whose unique_id is held by an existing task, or by an earlier row of the
   * same import, is counted as `skipped` before it is validated, so re-running an import (or resuming one)
   * creates each task once. With `'error'` such a row is a bad row.
   */
  async importTasks(
    p: Principal,
    typeName: string,
    rows: AsyncIterable<ImportRow[]> | Iterable<ImportRow[]>,
    options: ImportOptions,
  ): Promise<ImportResult> {
    const type = this.type(typeName);
    // Rows whose callback_url points at a refused address become bad rows naming the field.
    const vetted = this.#outbound ? this.#outbound.vetImportRows(p, rows) : rows;
    const defaults = {
      ...(options.project !== undefined ? { project: options.project } : {}),
      ...(options.batch !== undefined ? { batch: options.batch } : {}),
    };
    if (options.mode === 'partial')
      return this.#importPartial(p, type, vetted, defaults, options.onDuplicate);
    const lines: Array<{ line: number; body: unknown }> = [];
    const unreadable: BulkLineError[] = [];
    for await (const batch of vetted) {
      for (const row of batch) {
        if ('body' in row) lines.push(row);
        else {
          unreadable.push({ line: row.line, error: describeDetails(row.problems) });
          if (unreadable.length >= 100) throw rejectedImport(unreadable);
        }
      }
    }
    if (unreadable.length > 0) throw rejectedImport(unreadable);
    if (lines.length === 0) throw emptyImport();
    const result = await this.#createAll(p, type, lines, defaults, options.onDuplicate);
    return { ...result, failed: 0, problems: [] };
  }

  /** The all-or-nothing import (see `importTasks`). */
  async #createAll(
    p: Principal,
    type: TaskType,
    lines: ReadonlyArray<{ line: number; body: unknown }>,
    defaults: { project?: string; batch?: string },
    onDuplicate: ImportOptions['onDuplicate'],
  ): Promise<Omit<ImportResult, 'failed' | 'problems'>> {
    const uniqueIds = new Map<string, number>();
    try {
      return await this.#db.withOrg(p.orgId, async (tx) => {
        const existing =
          onDuplicate === 'skip'
            ? await existingUniqueIds(
                tx,
                p.isTest,
                lines.flatMap(({ body }) => rawUniqueId(body) ?? []),
              )
            : undefined;
        return this.#importLines(tx, p, type, lines, defaults, uniqueIds, existing);
      });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      // A unique_id of the import is held by an existing task: find which, in a fresh transaction.
      const taken = await this.#db.withOrg(p.orgId, (tx) =>
        findTaskIdsByUniqueIds(tx, p.isTest, [...uniqueIds.keys()]),
      );
      if (taken.size === 0 || onDuplicate === 'skip') {
        throw new ApiError(
          'unique_id_taken',
          'A unique_id of this import was taken while it ran; retry the import.',
        );
      }
      throw rejectedImport(
        [...taken].map(([uniqueId, taskId]) => ({
          line: uniqueIds.get(uniqueId) ?? 0,
          error: `The unique_id (${JSON.stringify(uniqueId)}) is already used for a different task (${taskId}).`,
        })),
      );
    }
  }

  async #importLines(
    tx: Db,
    p: Principal,
    type: TaskType,
    lines: Iterable<{ line: number; body: unknown }>,
    defaults: { project?: string; batch?: string },
    uniqueIds: Map<string, number>,
    existing: ReadonlyMap<string, string> | undefined,
  ): Promise<Omit<ImportResult, 'failed' | 'problems'>> {
    const errors: BulkLineError[] = [];
    const fileIds = new Map<string, number>();
    const containers = new Map<string, Container>();
    let sink: CopySink | undefined;
    let chunk: string[] = [];
    let created = 0;
    let skipped = 0;
    // Test tasks complete at creation; those with a callback get their delivery after the COPY.
    const completedWithCallback: TaskRow[] = [];
    const callbackNames = new Map<string, TaskNames>();
    let firstTaskId: string | null = null;
    let lastTaskId: string | null = null;
    const closeSink = async () => {
      if (chunk.length > 0 && errors.length === 0) {
        sink ??= await this.#db.openCopy(tx, 'tasks', TASK_INSERT_COLUMNS);
        await sink.write(chunk.join(''));
      }
      chunk = [];
      await sink?.end();
      sink = undefined;
    };
    for (const { line, body } of lines) {
      if (existing) {
        const uniqueId = rawUniqueId(body);
        if (uniqueId !== undefined && (existing.has(uniqueId) || uniqueIds.has(uniqueId))) {
          skipped++;
          continue;
        }
      }
      try {
        const { common, params } = this.#splitBody(body, defaults);
        const key = `${common.project ?? ''}\u0000${common.batch ?? ''}`;
        let container = containers.get(key);
        if (!container) {
          // A COPY holds the connection: finish it before looking the container up.
          await closeSink();
          container = await this.#resolveContainer(tx, p, type.name, common);
          containers.set(key, container);
        }
        const prepared = this.#prepare(p, type, container.project, container.batch, common, params, 'params');
        const uniqueId = prepared.row.uniqueId;
        if (uniqueId) {
          const first = uniqueIds.get(uniqueId);
          if (first !== undefined)
            throw invalid(`unique_id ${JSON.stringify(uniqueId)} repeats line ${first}`);
          uniqueIds.set(uniqueId, line);
        }
        for (const id of prepared.fileIds) if (!fileIds.has(id)) fileIds.set(id, line);
        if (errors.length > 0) continue;
        const id = prepared.row.id as string;
        firstTaskId ??= id;
        lastTaskId = id;
        created++;
        chunk.push(copyLine(prepared.row, p.orgId));
        if (prepared.row.status === 'completed' && prepared.row.callbackUrl) {
          completedWithCallback.push(newTaskAsRow(prepared.row));
          callbackNames.set(id, { project: container.project.name, batch: container.batch?.name });
        }
        if (chunk.length >= 2000) {
          sink ??= await this.#db.openCopy(tx, 'tasks', TASK_INSERT_COLUMNS);
          await sink.write(chunk.join(''));
          chunk = [];
        }
      } catch (error) {
        if (!(error instanceof ApiError)) throw error;
        if (errors.length === 0) await closeSink();
        errors.push({ line, error: error.message });
        if (errors.length >= 100) break;
      }
    }
    if (errors.length > 0) throw rejectedImport(errors);
    await closeSink();
    if (fileIds.size > 0) {
      const found = await existingFileIds(tx, p.isTest, [...fileIds.keys()]);
      const missing = [...fileIds].filter(([id]) => !found.has(id));
      if (missing.length > 0) {
        throw rejectedImport(
          missing.map(([id, line]) => ({
            line,
            error: `attachment groundwork://files/${id} does not exist`,
          })),
        );
      }
    }
    if (completedWithCallback.length > 0) {
      await enqueueTaskDeliveries({
        tx,
        tasks: completedWithCallback,
        now: this.#now(),
        names: callbackNames,
      });
    }
    for (const container of containers.values()) {
      if (container.batch) await this.#afterTaskAdded(tx, container.batch);
    }
    return { created, skipped, firstTaskId, lastTaskId };
  }

  /** The partial import (see `importTasks`): chunk by chunk, each in its own transaction. */
  async #importPartial(
    p: Principal,
    type: TaskType,
    rows: AsyncIterable<ImportRow[]> | Iterable<ImportRow[]>,
    defaults: { project?: string; batch?: string },
    onDuplicate: ImportOptions['onDuplicate'],
  ): Promise<ImportResult> {
    const state: PartialImportState = {
      result: { created: 0, skipped: 0, failed: 0, problems: [], firstTaskId: null, lastTaskId: null },
      claimed: new Map(),
      containers: new Map(),
    };
    let seen = 0;
    let chunk: ImportRow[] = [];
    for await (const batch of rows) {
      for (const row of batch) {
        seen++;
        chunk.push(row);
        if (chunk.length >= IMPORT_CHUNK_ROWS) {
          await this.#importChunk(p, type, chunk, defaults, onDuplicate, state);
          chunk = [];
        }
      }
    }
    if (chunk.length > 0) await this.#importChunk(p, type, chunk, defaults, onDuplicate, state);
    if (seen === 0) throw emptyImport();
    return state.result;
  }

  /**
   * Writes one chunk of a partial import in one transaction and adds its outcome to `state`. A unique_id
   * taken by a concurrent writer between the check and the COPY fails the COPY; the chunk is then retried
   * (its check now sees the winner), at most twice.
   */
  async #importChunk(
    p: Principal,
    type: TaskType,
    rows: readonly ImportRow[],
    defaults: { project?: string; batch?: string },
    onDuplicate: ImportOptions['onDuplicate'],
    state: PartialImportState,
  ): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        const outcome = await this.#db.withOrg(p.orgId, (tx) =>
          this.#writeChunk(tx, p, type, rows, defaults, onDuplicate, state),
        );
        const { result } = state;
        result.created += outcome.created;
        result.skipped += outcome.skipped;
        result.failed += outcome.failed;
        const problems = outcome.problems.sort((a, b) => a.line - b.line);
        result.problems.push(...problems.slice(0, MAX_IMPORT_PROBLEMS - result.problems.length));
        result.firstTaskId ??= outcome.firstTaskId;
        result.lastTaskId = outcome.lastTaskId ?? result.lastTaskId;
        for (const [uniqueId, line] of outcome.claimed) state.claimed.set(uniqueId, line);
        for (const [key, container] of outcome.containers) state.containers.set(key, container);
        return;
      } catch (error) {
        if (!isUniqueViolation(error) || attempt >= 3) throw error;
      }
    }
  }

  async #writeChunk(
    tx: Db,
    p: Principal,
    type: TaskType,
    rows: readonly ImportRow[],
    defaults: { project?: string; batch?: string },
    onDuplicate: ImportOptions['onDuplicate'],
    state: PartialImportState,
  ): Promise<ChunkOutcome> {
    const outcome: ChunkOutcome = {
      created: 0,
      skipped: 0,
      failed: 0,
      problems: [],
      firstTaskId: null,
      lastTaskId: null,
      claimed: new Map(),
      containers: new Map(),
    };
    const fail = (line: number, problem: ApiError | readonly ErrorDetail[]) => {
      outcome.failed++;
      for (const detail of problemDetails(problem)) outcome.problems.push({ line, ...detail });
    };
    // Containers looked up in this transaction are kept only if it commits (a default project it created
    // would otherwise be remembered after a rollback); lookups that failed are kept for this chunk only.
    const refused = new Map<string, ApiError>();
    const container = async (common: CommonTaskFields): Promise<Container> => {
      const key = `${common.project ?? ''}\u0000${common.batch ?? ''}`;
      const known = state.containers.get(key) ?? outcome.containers.get(key);
      if (known) return known;
      const error = refused.get(key);
      if (error) throw error;
      try {
        const found = await this.#resolveContainer(tx, p, type.name, common);
        outcome.containers.set(key, found);
        return found;
      } catch (caught) {
        if (caught instanceof ApiError) refused.set(key, caught);
        throw caught;
      }
    };
    const existing = await existingUniqueIds(
      tx,
      p.isTest,
      rows.flatMap((row) => ('body' in row ? (rawUniqueId(row.body) ?? []) : [])),
    );
    const pending: Array<{ line: number; prepared: PreparedTask; container: Container }> = [];
    for (const row of rows) {
      if (!('body' in row)) {
        fail(row.line, row.problems);
        continue;
      }
      const uniqueId = rawUniqueId(row.body);
      if (uniqueId !== undefined) {
        const holder = existing.get(uniqueId);
        const earlier = state.claimed.get(uniqueId) ?? outcome.claimed.get(uniqueId);
        if (holder !== undefined || earlier !== undefined) {
          if (onDuplicate === 'skip') outcome.skipped++;
          else {
            fail(row.line, [
              {
                path: 'unique_id',
                message:
                  holder !== undefined
                    ? `${JSON.stringify(uniqueId)} is already used for a different task (${holder})`
                    : `${JSON.stringify(uniqueId)} repeats line ${earlier}`,
              },
            ]);
          }
          continue;
        }
      }
      try {
        const { common, params } = this.#splitBody(row.body, defaults);
        const target = await container(common);
        const prepared = this.#prepare(p, type, target.project, target.batch, common, params, 'params');
        pending.push({ line: row.line, prepared, container: target });
        if (prepared.row.uniqueId) outcome.claimed.set(prepared.row.uniqueId, row.line);
      } catch (error) {
        if (!(error instanceof ApiError)) throw error;
        fail(row.line, error);
      }
    }
    const fileIds = new Set(pending.flatMap((entry) => entry.prepared.fileIds));
    const found = fileIds.size > 0 ? await existingFileIds(tx, p.isTest, [...fileIds]) : fileIds;
    const writable = pending.filter((entry) => {
      const missing = entry.prepared.fileIds.find((id) => !found.has(id));
      if (missing === undefined) return true;
      fail(entry.line, [{ path: 'attachment', message: `groundwork://files/${missing} does not exist` }]);
      if (entry.prepared.row.uniqueId) outcome.claimed.delete(entry.prepared.row.uniqueId);
      return false;
    });
    if (writable.length === 0) return outcome;
    const sink = await this.#db.openCopy(tx, 'tasks', TASK_INSERT_COLUMNS);
    await sink.write(writable.map((entry) => copyLine(entry.prepared.row, p.orgId)).join(''));
    await sink.end();
    const completedWithCallback: TaskRow[] = [];
    const callbackNames = new Map<string, TaskNames>();
    const batches = new Map<string, BatchRow>();
    for (const { prepared, container: target } of writable) {
      const id = prepared.row.id as string;
      outcome.firstTaskId ??= id;
      outcome.lastTaskId = id;
      outcome.created++;
      if (target.batch) batches.set(target.batch.id, target.batch);
      if (prepared.row.status === 'completed' && prepared.row.callbackUrl) {
        completedWithCallback.push(newTaskAsRow(prepared.row));
        callbackNames.set(id, { project: target.project.name, batch: target.batch?.name });
      }
    }
    if (completedWithCallback.length > 0) {
      await enqueueTaskDeliveries({
        tx,
        tasks: completedWithCallback,
        now: this.#now(),
        names: callbackNames,
      });
    }
    for (const batch of batches.values()) await this.#afterTaskAdded(tx, batch);
    return outcome;
  }

  /** Stores a Scale evaluation or training task as a gold task of its project. */
  async createGold(
    p: Principal,
    kind: 'evaluation' | 'training',
    typeName: string,
    body: unknown,
  ): Promise<{
    id: string;
    expectedResponse: unknown;
    initialResponse: unknown;
    project: string;
    params: Record<string, unknown>;
  }> {
    const type = this.type(typeName);
    if (!isPlainObject(body)) throw invalid('The request body must be a JSON object.');
    const { expected_response: expected, initial_response: initial, ...rest } = body;
    if (expected === undefined)
      throw invalid('expected_response: required', [{ path: 'expected_response', message: 'required' }]);
    const { common, params } = this.#splitBody(rest);
    return this.#db.withOrg(p.orgId, async (tx) => {
      const { project, batch } = await this.#resolveContainer(tx, p, type.name, common);
      const prepared = this.#prepare(p, type, project, batch, common, params, 'params');
      const finalParams = prepared.row.params;
      for (const [field, answer] of [
        ['expected_response', expected],
        ['initial_response', initial],
      ] as const) {
        if (answer === undefined) continue;
        const issues = checkAnswer(type, finalParams, answer);
        if (issues.length > 0) {
          throw new ApiError(
            'invalid_response',
            `Invalid ${field}: ${describeIssues(issues)}`,
            issues.map((i) => ({ path: `${field}.${i.path}`.replace(/\.$/, ''), message: i.message })),
          );
        }
      }
      const gold = await insertGoldTask(tx, {
        id: newId(),
        orgId: p.orgId,
        isTest: p.isTest,
        projectId: project.id,
        kind,
        type: type.name,
        params: finalParams,
        expectedResponse: expected,
        initialResponse: initial ?? null,
      });
      this.#plans?.invalidate(p.orgId);
      return {
        id: gold.id,
        expectedResponse: gold.expectedResponse,
        initialResponse: gold.initialResponse,
        project: project.name,
        params: gold.params,
      };
    });
  }

  /**
   * A task by id, or 404 (also for another organization's or environment's task). A person's read is
   * audited (`task.view`), with the COMMIT.
   */
  async get(p: Principal, id: string): Promise<TaskView> {
    return this.#db.withOrgStarting(p.orgId, [], async (tx, _first, finish) => {
      const view = await this.#view(tx, await this.#require(tx, p, id));
      finish(taskViewStatements(p, { type: 'task', id: view.row.id }, 'task'));
      return view;
    });
  }

  /** A page of tasks matching the query, newest first; a person's read is audited (`task.list`). */
  async list(p: Principal, q: TaskListQuery): Promise<TaskPage> {
    return this.#db.withOrgStarting(p.orgId, [], async (tx, _first, finish) => {
      const filter: TaskFilter = {
        isTest: p.isTest,
        status: q.status,
        type: q.type,
        createdAfter: q.startTime,
        createdBefore: q.endTime,
        completedAfter: q.completedAfter,
        completedBefore: q.completedBefore,
        updatedAfter: q.updatedAfter,
        updatedBefore: q.updatedBefore,
        customerReviewStatus: q.customerReviewStatus,
        uniqueIds: q.uniqueIds,
        tags: q.tags,
      };
      if (q.project !== undefined) {
        const project = await findProjectByName(tx, p.isTest, q.project);
        if (!project) throw notFound('project', q.project);
        filter.projectId = project.id;
      }
      if (q.batch !== undefined) {
        const batch = await findBatchByName(tx, p.isTest, q.batch);
        if (!batch) throw notFound('batch', q.batch);
        filter.batchId = batch.id;
      }
      const after = q.nextToken !== undefined ? decodeCursor(q.nextToken, 'next_token') : undefined;
      const offset = after ? 0 : (q.offset ?? 0);
      const [page, total] = await Promise.all([
        listTasks(tx, filter, { limit: q.limit, offset, ...(after ? { after } : {}) }),
        countTasks(tx, filter),
      ]);
      const last = page.rows.at(-1);
      finish(taskListStatements(p, null, 'tasks', { ...q, nextToken: undefined }, page.rows.length));
      return {
        docs: await this.#views(tx, page.rows),
        total,
        limit: q.limit,
        offset,
        hasMore: page.hasMore,
        nextToken: page.hasMore && last ? encodeCursor({ createdAt: last.createdAt, id: last.id }) : null,
      };
    });
  }

  /** Cancels a pending task; optionally frees its unique_id. 400 if it is no longer pending. */
  async cancel(p: Principal, id: string, clearUniqueId: boolean): Promise<TaskView> {
    return this.#db.withOrg(p.orgId, async (tx) => {
      const task = await this.#require(tx, p, id, true);
      if (task.status !== 'pending') {
        throw new ApiError(
          'task_not_pending',
          `Task ${id} cannot be canceled: its status is ${task.status}, not pending.`,
        );
      }
      const row = await updateTask(tx, id, {
        status: 'canceled',
        ...(clearUniqueId ? { uniqueId: null } : {}),
      });
      await revokeTaskWork(tx, id);
      if (row.batchId) await this.#completeBatchIfDone(tx, row.batchId);
      return this.#view(tx, row);
    });
  }

  /** Gives a task a new unique_id; 409 if another task holds it. */
  async setUniqueId(p: Principal, id: string, uniqueId: string): Promise<TaskView> {
    return this.#db.withOrg(p.orgId, async (tx) => {
      const task = await this.#require(tx, p, id, true);
      if (task.uniqueId === uniqueId) return this.#view(tx, task);
      const holder = await findTaskIdByUniqueId(tx, p.isTest, uniqueId);
      if (holder) throw uniqueIdTaken(uniqueId, holder);
      return this.#view(tx, await updateTask(tx, id, { uniqueId }));
    });
  }

  /** Removes a task's unique_id. */
  async clearUniqueId(p: Principal, id: string): Promise<TaskView> {
    return this.#db.withOrg(p.orgId, async (tx) => {
      await this.#require(tx, p, id, true);
      return this.#view(tx, await updateTask(tx, id, { uniqueId: null }));
    });
  }

  /** Replaces a task's metadata. */
  async setMetadata(p: Principal, id: string, metadata: Record<string, unknown>): Promise<TaskView> {
    return this.#db.withOrg(p.orgId, async (tx) => {
      await this.#require(tx, p, id, true);
      return this.#view(tx, await updateTask(tx, id, { metadata }));
    });
  }

  /** Replaces (`set`), adds to (`add`) or removes from (`remove`) a task's tags. */
  async changeTags(
    p: Principal,
    id: string,
    op: 'set' | 'add' | 'remove',
    tags: string[],
  ): Promise<TaskView> {
    return this.#db.withOrg(p.orgId, async (tx) => {
      const task = await this.#require(tx, p, id, true);
      const current = task.tags ?? [];
      const next =
        op === 'set'
          ? [...new Set(tags)]
          : op === 'add'
            ? [...current, ...tags.filter((t, i) => !current.includes(t) && tags.indexOf(t) === i)]
            : current.filter((t) => !tags.includes(t));
      return this.#view(tx, await updateTask(tx, id, { tags: next }));
    });
  }

  /** Records the customer's verdict on a completed task. */
  async audit(
    p: Principal,
    id: string,
    input: { accepted: boolean; comments: string | null },
  ): Promise<TaskView> {
    return this.#db.withOrg(p.orgId, async (tx) => {
      const task = await this.#require(tx, p, id, true);
      if (task.status !== 'completed') {
        throw new ApiError(
          'task_not_pending',
          `Task ${id} cannot be audited: its status is ${task.status}, not completed.`,
        );
      }
      const result = input.accepted ? 'accepted' : 'rejected';
      const audit: TaskAudit = {
        audited_by: p.actorName,
        audited_at: this.#now().toISOString(),
        audit_time_secs: null,
        audit_result: result,
        audit_source: 'customer',
        comments: input.comments,
      };
      await insertReview(tx, {
        id: newId(),
        orgId: p.orgId,
        taskId: task.id,
        round: task.round,
        assignmentId: null,
        source: 'customer',
        actorType: actorOf(p).type,
        actorId: actorOf(p).id,
        verdict: input.accepted ? 'accept' : 'reject',
        response: null,
        comment: input.comments,
      });
      // A rejected task goes back to labeling (a new round) unless it is a test task nobody labels.
      const reopened =
        input.accepted || task.isTest
          ? task
          : await reopenTask({ tx, task, comment: input.comments ?? 'Rejected by the customer.' });
      return this.#view(
        tx,
        await updateTask(tx, id, { audits: [...reopened.audits, audit], customerReviewStatus: result }),
      );
    });
  }

  #splitBody(
    body: unknown,
    defaults: { project?: string; batch?: string } = {},
  ): {
    common: CommonTaskFields;
    params: Record<string, unknown>;
  } {
    if (!isPlainObject(body)) throw invalid('The request body must be a JSON object of task fields.');
    const { common, params } = splitTaskBody(body);
    const parsed = commonTaskFieldsSchema.safeParse(
      { ...defaultsWithout(defaults, common), ...common },
      { error: domainErrorMap },
    );
    if (!parsed.success) {
      const issues = zodIssuesToFieldIssues(parsed.error);
      throw invalid(describeIssues(issues), issues);
    }
    return { common: parsed.data, params };
  }

  /** The project (and batch) a new task goes to; a missing project means the type's default project. */
  async #resolveContainer(
    tx: Db,
    p: Principal,
    typeName: string,
    common: CommonTaskFields,
  ): Promise<{ project: ProjectRow; batch: BatchRow | undefined }> {
    let batch: BatchRow | undefined;
    let project: ProjectRow | undefined;
    if (common.batch !== undefined) {
      batch = await findBatchByName(tx, p.isTest, common.batch);
      if (!batch)
        throw invalid(`batch: no batch named ${JSON.stringify(common.batch)}`, [
          { path: 'batch', message: 'not found' },
        ]);
    }
    if (common.project !== undefined) {
      project = await findProjectByName(tx, p.isTest, common.project);
      if (!project) {
        throw invalid(`project: no project named ${JSON.stringify(common.project)}`, [
          { path: 'project', message: 'not found' },
        ]);
      }
      if (batch && batch.projectId !== project.id) {
        throw invalid(
          `batch: batch ${JSON.stringify(batch.name)} belongs to another project than ${JSON.stringify(project.name)}`,
          [{ path: 'batch', message: 'belongs to another project' }],
        );
      }
    } else if (batch) {
      project = await findProjectById(tx, batch.projectId);
    } else {
      project = await this.#defaultProject(tx, p, typeName);
    }
    if (!project) throw new Error('task container could not be resolved');
    if (project.type !== typeName) {
      throw invalid(
        `project: project ${JSON.stringify(project.name)} is for ${project.type} tasks, not ${typeName}`,
        [{ path: 'project', message: `expects type ${project.type}` }],
      );
    }
    return { project, batch };
  }

  async #defaultProject(tx: Db, p: Principal, typeName: string): Promise<ProjectRow> {
    const name = `default-${typeName}`;
    const existing = await findProjectByName(tx, p.isTest, name);
    if (existing) return existing;
    const created = await insertProject(tx, {
      id: newId(),
      orgId: p.orgId,
      isTest: p.isTest,
      name,
      type: typeName,
      params: {},
      instruction: null,
      version: 0,
    });
    if (created) {
      await insertParamVersion(tx, {
        orgId: p.orgId,
        projectId: created.id,
        version: 0,
        params: {},
        instruction: null,
      });
      return created;
    }
    const raced = await findProjectByName(tx, p.isTest, name);
    if (!raced) throw new Error(`default project ${name} vanished`);
    return raced;
  }

  /** Merges project defaults, validates params and builds the row (pure: no database access). */
  #prepare(
    p: Principal,
    type: TaskType,
    project: ProjectRow,
    batch: BatchRow | undefined,
    common: CommonTaskFields,
    taskParams: Record<string, unknown>,
    pathPrefix: string,
  ): PreparedTask {
    const merged = mergeProjectParams(project.params, taskParams);
    const parsed = parseTaskParams(type, merged);
    if (!parsed.ok) {
      throw new ApiError(
        'invalid_params',
        `Invalid ${type.name} params: ${describeIssues(parsed.issues)}`,
        parsed.issues.map((i: FieldIssue) => ({ path: i.path || pathPrefix, message: i.message })),
      );
    }
    const params = parsed.params as Record<string, unknown>;
    const fileIds: string[] = [];
    for (const url of type.attachmentUrls(params)) {
      const match = FILE_REFERENCE.exec(url);
      if (match?.[1]) fileIds.push(match[1]);
    }
    const now = this.#now();
    const row: NewTaskRow = {
      id: newId(now.getTime()),
      orgId: p.orgId,
      isTest: p.isTest,
      projectId: project.id,
      batchId: batch?.id ?? null,
      type: type.name,
      status: 'pending',
      instruction: appendInstruction(common.instruction, project.instruction ?? undefined) ?? null,
      params,
      response: null,
      metadata: common.metadata ?? {},
      tags: common.tags ?? null,
      uniqueId: common.unique_id ?? null,
      clearUniqueIdOnError: common.clear_unique_id_on_error ?? false,
      priority: common.priority ?? 20,
      callbackUrl: common.callback_url ?? null,
      paramsVersion: project.version,
      createdAt: now,
      updatedAt: now,
    };
    if (p.isTest) {
      row.status = 'completed';
      row.response = type.placeholderResponse(params);
      row.completedAt = now;
    }
    return { row, fileIds };
  }

  async #checkFiles(tx: Db, p: Principal, ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    const found = await existingFileIds(tx, p.isTest, ids);
    const missing = ids.find((id) => !found.has(id));
    if (missing) {
      throw new ApiError(
        'invalid_params',
        `Invalid params: attachment groundwork://files/${missing} does not exist.`,
        [{ path: 'attachment', message: 'file not found' }],
      );
    }
  }

  async #uniqueIdTaken(tx: Db, p: Principal, uniqueId: string): Promise<ApiError> {
    return uniqueIdTaken(uniqueId, (await findTaskIdByUniqueId(tx, p.isTest, uniqueId)) ?? 'unknown');
  }

  /** A task added to a completed batch reopens it; a test task may complete it at once. */
  async #afterTaskAdded(tx: Db, batch: BatchRow): Promise<void> {
    if (batch.status === 'completed')
      await updateBatch(tx, batch.id, { status: 'in_progress', completedAt: null });
    if (batch.status !== 'staging') await this.#completeBatchIfDone(tx, batch.id);
  }

  async #completeBatchIfDone(tx: Db, batchId: string): Promise<void> {
    await completeBatchIfDone({ tx, batchId, now: this.#now() });
  }

  async #require(tx: Db, p: Principal, id: string, forUpdate = false): Promise<TaskRow> {
    const task = isId(id)
      ? await (forUpdate ? lockTask(tx, p.isTest, id) : findTask(tx, p.isTest, id))
      : undefined;
    if (!task) throw notFound('task', id);
    return task;
  }

  async #view(tx: Db, row: TaskRow): Promise<TaskView> {
    const [view] = await this.#views(tx, [row]);
    if (!view) throw new Error('unreachable');
    return view;
  }

  async #views(tx: Db, rows: TaskRow[]): Promise<TaskView[]> {
    const [projects, batches] = await Promise.all([
      projectNames(tx, [...new Set(rows.map((r) => r.projectId))]),
      batchNames(tx, [...new Set(rows.flatMap((r) => (r.batchId ? [r.batchId] : [])))]),
    ]);
    return rows.map((row) => ({
      row,
      project: projects.get(row.projectId),
      batch: row.batchId ? batches.get(row.batchId) : undefined,
    }));
  }
}

/**
 * Recently used projects and batches by name, per organization and environment. Entries are premises,
 * not truth: the guarded insert checks them in the database, so a stale entry costs a fallback, never a
 * wrong write.
 */
class ContainerCache {
  static readonly TTL_MS = 60_000;
  static readonly MAX = 10_000;
  readonly #entries = new Map<
    string,
    { value: { project: ProjectRow; batch: BatchRow | undefined }; expires: number }
  >();

  #key(p: Principal, common: CommonTaskFields): string {
    return `${p.orgId}\u0000${p.isTest}\u0000${common.project ?? ''}\u0000${common.batch ?? ''}`;
  }

  get(
    p: Principal,
    common: CommonTaskFields,
  ): { project: ProjectRow; batch: BatchRow | undefined } | undefined {
    const key = this.#key(p, common);
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    if (entry.expires < Date.now()) {
      this.#entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  remember(
    p: Principal,
    common: CommonTaskFields,
    value: { project: ProjectRow; batch: BatchRow | undefined },
  ): void {
    if (this.#entries.size >= ContainerCache.MAX) this.#entries.clear();
    this.#entries.set(this.#key(p, common), { value, expires: Date.now() + ContainerCache.TTL_MS });
  }

  forget(p: Principal, common: CommonTaskFields): void {
    this.#entries.delete(this.#key(p, common));
  }
}

/** A task row as its insert wrote it (columns the insert leaves to their defaults filled in). */
function newTaskAsRow(r: NewTaskRow): TaskRow {
  return {
    id: r.id as string,
    orgId: r.orgId,
    isTest: r.isTest,
    projectId: r.projectId,
    batchId: r.batchId ?? null,
    type: r.type,
    status: r.status ?? 'pending',
    instruction: r.instruction ?? null,
    params: r.params,
    response: r.response ?? null,
    metadata: r.metadata,
    tags: r.tags ?? null,
    uniqueId: r.uniqueId ?? null,
    clearUniqueIdOnError: r.clearUniqueIdOnError ?? false,
    priority: r.priority ?? 20,
    callbackUrl: r.callbackUrl ?? null,
    callbackSucceeded: null,
    customerReviewStatus: null,
    stage: 'label',
    round: 1,
    stageResponse: null,
    agreement: null,
    audits: [],
    paramsVersion: r.paramsVersion ?? null,
    createdAt: r.createdAt as Date,
    updatedAt: r.updatedAt as Date,
    completedAt: r.completedAt ?? null,
  };
}

/**
 * A just-created task as the creation answers it: test tasks are completed in the same instant, but
 * Scale's clients expect the creation to report `pending` (a later read shows the answer).
 */
function asCreated(row: TaskRow): TaskRow {
  return row.isTest ? { ...row, status: 'pending', response: null, completedAt: null } : row;
}

function uniqueIdTaken(uniqueId: string, taskId: string): ApiError {
  return new ApiError(
    'unique_id_taken',
    `The unique_id (${JSON.stringify(uniqueId)}) is already used for a different task (${taskId}).`,
  );
}

function defaultsWithout(defaults: { project?: string; batch?: string }, common: Record<string, unknown>) {
  // A line naming its own project or batch overrides both defaults, so a default batch never pairs with
  // another project.
  if ('project' in common || 'batch' in common) return {};
  return defaults;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function checkAnswer(type: TaskType, params: Record<string, unknown>, answer: unknown): FieldIssue[] {
  const checked = checkResponse(type, params, answer);
  return checked.ok ? [] : checked.issues;
}

/** One task row as a line of PostgreSQL's text COPY format; refuses a row of another organization. */
function copyLine(r: NewTaskRow, orgId: string): string {
  // COPY runs as the table owner, past row-level security: the organization is checked here instead.
  if (r.orgId !== orgId) throw new Error('bulk row of another organization');
  return taskCopyLine(r);
}

/** The 400 of an import without rows. */
function emptyImport(): ApiError {
  return invalid('The import holds no tasks.', [{ path: 'body', message: 'empty' }]);
}

/** The unique_id a row's body asks for, read before validation (for duplicate checks). */
function rawUniqueId(body: unknown): string | undefined {
  if (!isPlainObject(body)) return undefined;
  const value = body.unique_id;
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** Which of these unique_ids existing tasks hold (unique_id → task id), queried in slices. */
async function existingUniqueIds(tx: Db, isTest: boolean, uniqueIds: string[]): Promise<Map<string, string>> {
  const distinct = [...new Set(uniqueIds)];
  const held = new Map<string, string>();
  for (let i = 0; i < distinct.length; i += 10_000) {
    for (const [uniqueId, taskId] of await findTaskIdsByUniqueIds(tx, isTest, distinct.slice(i, i + 10_000)))
      held.set(uniqueId, taskId);
  }
  return held;
}

/** Row problems in one line of text (`categories: not valid JSON; …`). */
function describeDetails(details: readonly ErrorDetail[]): string {
  return details.map((d) => (d.path ? `${d.path}: ${d.message}` : d.message)).join('; ');
}

/**
 * The field-level problems of a refused row. An error with one detail whose message reads `<path>: …`
 * gives that fuller message (`batch: no batch named "x"` rather than `not found`).
 */
function problemDetails(problem: ApiError | readonly ErrorDetail[]): ErrorDetail[] {
  if (!(problem instanceof ApiError)) return [...problem];
  const [only, ...more] = problem.details;
  if (!only) return [{ path: '', message: problem.message }];
  if (more.length === 0 && only.path && problem.message.startsWith(`${only.path}: `)) {
    return [{ path: only.path, message: problem.message.slice(only.path.length + 2) }];
  }
  return problem.details;
}

/** The 400 of a rejected import, listing its bad lines. */
function rejectedImport(errors: BulkLineError[]): ApiError {
  return new ApiError(
    'invalid_request',
    `${errors.length} line(s) were rejected; nothing was imported. ${errors
      .slice(0, 5)
      .map((e) => `line ${e.line}: ${e.error}`)
      .join('; ')}`,
    errors.map((e) => ({ path: `line ${e.line}`, message: e.error })),
  );
}

/** Whether a database error is a unique-constraint violation (possibly wrapped by the ORM). */
function isUniqueViolation(error: unknown): boolean {
  for (let e = error; e && typeof e === 'object'; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: unknown }).code === '23505') return true;
  }
  return false;
}
