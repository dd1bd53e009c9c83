/** Batches: named groups of tasks in a project, staging → in_progress → completed. */

import { completeBatchIfDone } from '../commands/complete-batch-if-done.ts';
import { recordAudit } from '../commands/record-audit.ts';
import type { Database, Db } from '../db/database.ts';
import { ApiError, invalid, notFound } from '../errors.ts';
import { newId } from '../lib/ids.ts';
import {
  type BatchFilter,
  type BatchRow,
  countBatchTasks,
  findBatchByName,
  insertBatch,
  listBatches,
  updateBatch,
} from '../repositories/batches.ts';
import { findProjectByName, projectNames } from '../repositories/projects.ts';
import { enqueueBatchTasks, restampBatchQueue } from '../repositories/work-queue.ts';
import type { OutboundService } from './outbound.ts';
import { actorOf, type Principal } from './principal.ts';

/** A batch with its project's name. */
export interface BatchView {
  row: BatchRow;
  project: string;
}

/** Input of batch creation. */
export interface CreateBatchInput {
  project: string;
  name: string;
  callback?: string | null;
  calibrationBatch?: boolean;
  selfLabelBatch?: boolean;
  /** Hold the batch's tasks back from annotators until it is finalized. */
  staging?: boolean;
  metadata?: Record<string, unknown>;
  /** Queue priority within the project, -100..100 (0 when absent). */
  priority?: number;
}

/** Batch rules. */
export class BatchService {
  readonly #db: Database;
  readonly #now: () => Date;
  readonly #outbound: OutboundService | undefined;

  /** `outbound` refuses callback URLs that point at private addresses (none: every URL is taken). */
  constructor(deps: { db: Database; now?: () => Date; outbound?: OutboundService }) {
    this.#db = deps.db;
    this.#now = deps.now ?? (() => new Date());
    this.#outbound = deps.outbound;
  }

  /** Creates a batch; 409 if the name is taken. Calibration and self-label batches start in staging. */
  async create(p: Principal, input: CreateBatchInput): Promise<BatchView> {
    await this.#outbound?.assertAllowed(p, 'callback', input.callback);
    return this.#db.withOrg(p.orgId, async (tx) => {
      const project = await findProjectByName(tx, p.isTest, input.project);
      if (!project)
        throw invalid(`project: no project named ${JSON.stringify(input.project)}`, [
          { path: 'project', message: 'not found' },
        ]);
      const staging = input.staging ?? Boolean(input.calibrationBatch || input.selfLabelBatch);
      const row = await insertBatch(tx, {
        id: newId(),
        orgId: p.orgId,
        isTest: p.isTest,
        projectId: project.id,
        name: input.name,
        status: staging ? 'staging' : 'in_progress',
        callback: input.callback || null,
        calibrationBatch: input.calibrationBatch ?? false,
        selfLabelBatch: input.selfLabelBatch ?? false,
        metadata: input.metadata ?? {},
        priority: input.priority ?? 0,
      });
      if (!row)
        throw new ApiError('name_taken', `A batch named ${JSON.stringify(input.name)} already exists.`);
      return { row, project: project.name };
    });
  }

  /** A batch by name. */
  async get(p: Principal, name: string): Promise<BatchView> {
    return this.#db.withOrg(p.orgId, async (tx) => this.#view(tx, await this.#require(tx, p, name)));
  }

  /** A batch's status and its task counts by status. */
  async status(
    p: Principal,
    name: string,
  ): Promise<{ status: BatchRow['status']; counts: Record<string, number> }> {
    return this.#db.withOrg(p.orgId, async (tx) => {
      const batch = await this.#require(tx, p, name);
      return { status: batch.status, counts: await countBatchTasks(tx, batch.id) };
    });
  }

  /**
   * Releases a staging batch's tasks to annotators (no-op for a batch already in progress): the batch
   * goes in progress and its tasks' labeling slots are queued, in one transaction.
   */
  async finalize(p: Principal, name: string): Promise<BatchView> {
    return this.#db.withOrg(p.orgId, async (tx) => {
      const batch = await this.#require(tx, p, name);
      if (batch.status !== 'staging') return this.#view(tx, batch);
      const row = await updateBatch(tx, batch.id, { status: 'in_progress' });
      await enqueueBatchTasks(tx, row.id);
      await completeBatchIfDone({ tx, batchId: row.id, now: this.#now() });
      return this.#view(tx, await this.#require(tx, p, name));
    });
  }

  /** Sets a batch's queue priority (-100..100) and re-stamps its open queue slots. */
  async setPriority(p: Principal, name: string, priority: number): Promise<BatchView> {
    return this.#db.withOrg(p.orgId, async (tx) => {
      const batch = await this.#require(tx, p, name);
      if (batch.priority === priority) return this.#view(tx, batch);
      const row = await updateBatch(tx, batch.id, { priority });
      const restamped = await restampBatchQueue(tx, batch.id);
      await recordAudit({
        tx,
        orgId: p.orgId,
        actor: actorOf(p),
        action: 'batch.set_priority',
        target: { type: 'batch', id: batch.id },
        data: { from: batch.priority, to: priority, restamped_slots: restamped },
      });
      return this.#view(tx, row);
    });
  }

  /** Replaces a batch's metadata. */
  async setMetadata(p: Principal, name: string, metadata: Record<string, unknown>): Promise<BatchView> {
    return this.#db.withOrg(p.orgId, async (tx) => {
      const batch = await this.#require(tx, p, name);
      return this.#view(tx, await updateBatch(tx, batch.id, { metadata }));
    });
  }

  /** A page of batches, newest first. */
  async list(
    p: Principal,
    q: Omit<BatchFilter, 'isTest' | 'projectId'> & { project?: string },
  ): Promise<{ docs: BatchView[]; total: number }> {
    return this.#db.withOrg(p.orgId, async (tx) => {
      let projectId: string | undefined;
      if (q.project !== undefined) {
        const project = await findProjectByName(tx, p.isTest, q.project);
        if (!project) throw notFound('project', q.project);
        projectId = project.id;
      }
      const { project: _ignored, ...filter } = q;
      const { rows, total } = await listBatches(tx, {
        ...filter,
        isTest: p.isTest,
        ...(projectId ? { projectId } : {}),
      });
      const names = await projectNames(tx, [...new Set(rows.map((r) => r.projectId))]);
      return { docs: rows.map((row) => ({ row, project: names.get(row.projectId) ?? '' })), total };
    });
  }

  async #require(tx: Db, p: Principal, name: string): Promise<BatchRow> {
    const batch = await findBatchByName(tx, p.isTest, name);
    if (!batch) throw notFound('batch', name);
    return batch;
  }

  async #view(tx: Db, row: BatchRow): Promise<BatchView> {
    const names = await projectNames(tx, [row.projectId]);
    return { row, project: names.get(row.projectId) ?? '' };
  }
}
