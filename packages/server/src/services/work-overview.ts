/**
 * A person's work overview, what the workbench's home page shows: the projects they may work with the
 * slots waiting for them, and their own figures. One read-only transaction scoped to the caller's
 * organization; everything counted is the caller's own. Work is for people: API keys get 403, as when
 * leasing.
 */
import type { Database } from '../db/database.ts';
import {
  type OverviewProjectRow,
  overviewProjectsFromRaw,
  overviewProjectsStatement,
  type WorkerFigures,
  withoutJitStatement,
  workerFiguresFromRaw,
  workerFiguresStatement,
} from '../repositories/work-overview.ts';
import { requireUser } from './lease-rules.ts';
import type { Principal } from './principal.ts';

/** The overview as the presenter receives it. */
export interface WorkOverview {
  /** Projects by priority (highest first), then name. */
  projects: OverviewProjectRow[];
  /** The caller's own figures, with their acceptance rate. */
  me: WorkerFigures & {
    /** Accepted and fixed answers over reviewed ones; null when none was reviewed. */
    acceptanceRate: number | null;
  };
}

/** Reads people's work overviews. */
export class WorkOverviewService {
  readonly #db: Database;
  readonly #now: () => Date;

  constructor(deps: { db: Database; now?: () => Date }) {
    this.#db = deps.db;
    this.#now = deps.now ?? (() => new Date());
  }

  /**
   * The caller's overview. `reviews` says whether they may review (the route decides by role): without
   * it, review slots count as 0.
   */
  async get(p: Principal, options: { reviews: boolean }): Promise<WorkOverview> {
    const userId = requireUser(p);
    const now = this.#now();
    const props = {
      userId,
      workforceId: p.workforceId,
      reviews: options.reviews,
      now,
      since: new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate())),
    };
    const [, projectRows = [], figureRows = []] = await this.#db.runScopedAll(p.orgId, [
      withoutJitStatement,
      overviewProjectsStatement(props),
      workerFiguresStatement(props),
    ]);
    const figures = workerFiguresFromRaw(figureRows);
    return {
      projects: overviewProjectsFromRaw(projectRows),
      me: {
        ...figures,
        acceptanceRate: figures.reviewed > 0 ? (figures.accepted + figures.fixed) / figures.reviewed : null,
      },
    };
  }
}
