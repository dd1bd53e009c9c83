/**
 * Which of an organization's projects have gold to serve, and whether claims must check people's
 * standing, kept in memory for a few seconds so the hot lease path pays nothing when there is neither
 * (the common case). Services that change gold, quality policies or pauses invalidate the organization's
 * entry; other processes see the change when it expires (`QUALITY_PLAN_TTL_MS`) — so for up to that long
 * after a pause another server process may still lease the paused person one task.
 */
import { readQuality } from '@groundwork/domain';
import type { Database } from '../db/database.ts';
import { anyonePaused, projectsWithGold } from '../repositories/gold.ts';

/** An organization's gold plan. */
export interface QualityPlan {
  /** Projects with active training tasks and a training requirement. */
  training: Set<string>;
  /** Projects with active evaluation tasks and a gold rate above 0, with that rate. */
  evaluation: Map<string, number>;
  /**
   * Whether claims must check people's standing: someone is paused from a project, or a project gates
   * new annotators with training. Without either (the common case) the claim skips those probes.
   */
  gated: boolean;
}

/** How long a plan is trusted (ms): the delay before another process's gold change takes effect. */
export const QUALITY_PLAN_TTL_MS = 10_000;

/** The per-organization gold plans. */
export class QualityPlans {
  readonly #db: Database;
  readonly #ttlMs: number;
  readonly #plans = new Map<string, { plan: QualityPlan; expires: number }>();

  constructor(deps: { db: Database; ttlMs?: number }) {
    this.#db = deps.db;
    this.#ttlMs = deps.ttlMs ?? QUALITY_PLAN_TTL_MS;
  }

  /** The organization's plan (read from the database when not known or expired). */
  async get(orgId: string): Promise<QualityPlan> {
    const cached = this.#plans.get(orgId);
    if (cached && cached.expires > Date.now()) return cached.plan;
    const [rows, paused] = await this.#db.withOrg(orgId, async (tx) => [
      await projectsWithGold(tx),
      await anyonePaused(tx),
    ]);
    const plan: QualityPlan = { training: new Set(), evaluation: new Map(), gated: paused };
    for (const row of rows) {
      const quality = readQuality(row.quality);
      if (row.kind === 'training' && quality.training_required > 0) {
        plan.training.add(row.projectId);
        plan.gated = true;
      }
      if (row.kind === 'evaluation' && quality.gold_rate > 0) {
        plan.evaluation.set(row.projectId, quality.gold_rate);
      }
    }
    if (this.#plans.size > 10_000) this.#plans.clear();
    this.#plans.set(orgId, { plan, expires: Date.now() + this.#ttlMs });
    return plan;
  }

  /** Forgets the organization's plan (its gold or a quality policy changed). */
  invalidate(orgId: string): void {
    this.#plans.delete(orgId);
  }
}
