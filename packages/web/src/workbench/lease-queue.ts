/**
 * The annotator's side of the queue: the lease being worked on, the next one leased ahead of time so it
 * shows the moment the current one is submitted, and the heartbeats that keep both alive.
 *
 * It knows nothing of React or fetch: the server calls come in as {@link LeaseQueueApi}, timers through
 * {@link LeaseQueueClock}, so tests drive it with fakes. State changes are published to subscribers.
 */
import type { Lease } from '@groundwork/sdk';

/** What the queue asks of the server. */
export interface LeaseQueueApi {
  /** Leases the next assignment of the stage (and project), or null when none waits. */
  next(): Promise<Lease | null>;
  /** The caller's live leases of this stage and project, oldest first (to resume after a reload). */
  live(): Promise<Lease[]>;
  /** Extends a lease; rejects with an error whose `code` is `lease_expired`/`lease_not_held` when it is gone. */
  heartbeat(assignmentId: string): Promise<{ leaseExpiresAt: string }>;
  /** Gives a lease back without prejudice. */
  release(assignmentId: string): Promise<unknown>;
}

/** Timers, injectable for tests. */
export interface LeaseQueueClock {
  now(): number;
  setInterval(fn: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** Where the queue is. */
export type LeaseQueueStatus =
  /** Looking for work. */
  | 'loading'
  /** `current` is ready to work on. */
  | 'ready'
  /** Nothing waits; polling for new work. */
  | 'empty'
  /** The current lease ended (expired, revoked, taken back): its answer can no longer be submitted. */
  | 'lost'
  /** The server could not be reached or refused; `error` says why; retrying. */
  | 'error'
  /**
   * The person is paused from the project (`403 paused_from_project`): `error` holds the reason as the
   * server gave it. Not retried: only a manager ends a pause.
   */
  | 'paused';

/** A snapshot of the queue. */
export interface LeaseQueueState {
  status: LeaseQueueStatus;
  /** The lease being worked on. */
  current: Lease | null;
  /** The lease taken ahead of time, shown next. */
  upcoming: Lease | null;
  /** Why the last call failed, for `error` (and `lost`), or why the person is paused, for `paused`. */
  error: string | null;
}

/** A person's progress through a project's training gate, as a lease and a training answer's outcome carry it. */
export type TrainingProgress = NonNullable<Lease['training']>;

/** Errors the server gives when a lease is no longer the caller's. */
const LOST_CODES = new Set(['lease_expired', 'lease_not_held', 'not_found']);

/** Whether an error says the lease is gone for good. */
export function isLeaseLost(error: unknown): boolean {
  return (
    typeof error === 'object' && error !== null && LOST_CODES.has(String((error as { code?: unknown }).code))
  );
}

/**
 * Why a lease was lost, as the person reads it: the lease ran out (the page could not reach the server
 * for longer than the lease lasts, or the computer slept), or the task was taken back.
 */
export function lostReason(error: unknown): string {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  return code === 'lease_expired'
    ? 'Its lease ran out: this page could not keep it alive (the computer slept, or the server was out of reach for too long).'
    : 'It was taken back: the task was canceled or reassigned.';
}

/** Whether an error is the server's `403 paused_from_project`: the person may not work the project now. */
export function isPausedFromProject(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    (error as { code?: unknown }).code === 'paused_from_project'
  );
}

/** Whether the server refused the request itself (a 4xx other than a timeout or a rate limit). */
function isRefusal(error: unknown): boolean {
  const status =
    typeof error === 'object' && error !== null ? (error as { status?: unknown }).status : undefined;
  return typeof status === 'number' && status >= 400 && status < 500 && status !== 408 && status !== 429;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** How often the lease is extended: a third of its length, at least every 5 s, at most every 60 s. */
export function heartbeatInterval(lease: Lease): number {
  const length = Date.parse(lease.assignment.leaseExpiresAt) - Date.parse(lease.assignment.leasedAt);
  if (!Number.isFinite(length) || length <= 0) return 30_000;
  return Math.min(60_000, Math.max(5_000, Math.floor(length / 3)));
}

/** Polling interval while no work waits, and retry delay after a failure. */
export const EMPTY_POLL_MS = 15_000;
/** Delay before retrying after the server could not be reached. */
export const RETRY_MS = 5_000;

/** The lease queue of one labeling (or review) session. */
export class LeaseQueue {
  readonly #api: LeaseQueueApi;
  readonly #clock: LeaseQueueClock;
  readonly #prefetch: boolean;
  #state: LeaseQueueState = { status: 'loading', current: null, upcoming: null, error: null };
  readonly #listeners = new Set<() => void>();
  readonly #heartbeats = new Map<string, unknown>();
  #retry: unknown = null;
  #prefetching: Promise<void> | null = null;
  #stopped = false;
  /** The training progress after the current lease's answer (see {@link LeaseQueue.answered}), until `advance`. */
  #answered: { project: string; training: TrainingProgress } | null = null;
  #advancing: Promise<void> | null = null;

  constructor(api: LeaseQueueApi, options: { clock?: LeaseQueueClock; prefetch?: boolean } = {}) {
    this.#api = api;
    this.#clock = options.clock ?? {
      now: () => Date.now(),
      setInterval: (fn, ms) => setInterval(fn, ms),
      clearInterval: (handle) => clearInterval(handle as ReturnType<typeof setInterval>),
      setTimeout: (fn, ms) => setTimeout(fn, ms),
      clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
    };
    this.#prefetch = options.prefetch ?? true;
  }

  /** The current snapshot (a new object after every change). */
  get state(): LeaseQueueState {
    return this.#state;
  }

  /** Calls `listener` after every change; returns the unsubscribe function. */
  subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  #set(patch: Partial<LeaseQueueState>): void {
    if (this.#stopped) return;
    this.#state = { ...this.#state, ...patch };
    for (const listener of this.#listeners) listener();
  }

  /** Resumes the caller's live leases (after a reload) or leases new work. */
  async start(): Promise<void> {
    this.#set({ status: 'loading', error: null });
    try {
      const live = await this.#api.live();
      if (this.#stopped) return this.#releaseAll(live);
      const [current, upcoming, ...extra] = live;
      // More live leases than the queue holds (another tab): give the rest back for others to take.
      await this.#releaseAll(extra);
      if (current) {
        this.#show(current);
        if (upcoming) this.#hold(upcoming);
        else this.#prefetchNext();
        return;
      }
    } catch (error) {
      return this.#fail(error, () => this.start());
    }
    await this.#leaseCurrent();
  }

  async #leaseCurrent(): Promise<void> {
    this.#set({ status: 'loading', error: null });
    try {
      const lease = await this.#api.next();
      if (this.#stopped) {
        if (lease) await this.#api.release(lease.assignment.id).catch(() => {});
        return;
      }
      if (!lease) {
        this.#set({ status: 'empty', current: null });
        this.#schedule(() => this.#leaseCurrent(), EMPTY_POLL_MS);
        return;
      }
      this.#show(lease);
      this.#prefetchNext();
    } catch (error) {
      this.#fail(error, () => this.#leaseCurrent());
    }
  }

  #show(lease: Lease): void {
    this.#beat(lease);
    this.#set({ status: 'ready', current: lease, error: null });
  }

  #hold(lease: Lease): void {
    this.#beat(lease);
    this.#set({ upcoming: lease });
  }

  #prefetchNext(): void {
    if (!this.#prefetch || this.#state.upcoming || this.#prefetching || this.#stopped) return;
    this.#prefetching = (async () => {
      try {
        const lease = await this.#api.next();
        if (!lease) return;
        if (this.#stopped) {
          await this.#api.release(lease.assignment.id).catch(() => {});
          return;
        }
        this.#hold(lease);
      } catch {
        // The lease taken ahead is a convenience: without it the next task is leased on advance.
      } finally {
        this.#prefetching = null;
      }
    })();
  }

  /**
   * The current lease's answer is in, but the person stays on it a moment (reading the feedback on a
   * training answer) before {@link advance}: its heartbeats stop, since the server no longer holds it. The
   * training progress the answer led to is applied to the lease taken ahead on advance.
   */
  answered(training: TrainingProgress | null = null): void {
    const current = this.#state.current;
    if (!current) return;
    this.#unbeat(current.assignment.id);
    this.#answered = training ? { project: current.task.project, training } : null;
  }

  /**
   * Moves on after the current assignment was submitted or skipped: shows the lease taken ahead at once,
   * or leases one. The lease taken ahead is checked first when it may have ended meanwhile: after a lost
   * lease (a pause revokes every lease of the project), or when a training answer changed the gate.
   */
  advance(): Promise<void> {
    // A second call while moving on (a double click) joins the first instead of skipping a task.
    this.#advancing ??= this.#advance().finally(() => {
      this.#advancing = null;
    });
    return this.#advancing;
  }

  async #advance(): Promise<void> {
    const done = this.#state.current;
    const afterLoss = this.#state.status === 'lost';
    const answered = this.#answered;
    this.#answered = null;
    if (done) this.#unbeat(done.assignment.id);
    if (this.#prefetching) await this.#prefetching;
    const upcoming = await this.#stillValid(this.#state.upcoming, { afterLoss, answered });
    this.#set({ current: null, upcoming: null });
    if (upcoming && !this.#expired(upcoming)) {
      this.#set({ status: 'ready', current: upcoming, error: null });
      this.#prefetchNext();
      return;
    }
    if (upcoming) this.#unbeat(upcoming.assignment.id);
    await this.#leaseCurrent();
  }

  /**
   * The lease taken ahead as it may be shown next, or null when it may not:
   * - after a training answer in its project, a training lease shows the new progress; when the gate
   *   failed (every lease of the project was revoked with the pause) it is dropped, and when the gate
   *   passed a training lease is given back, since real work comes next;
   * - after the current lease was lost, a heartbeat checks it is still held.
   */
  async #stillValid(
    upcoming: Lease | null,
    context: { afterLoss: boolean; answered: { project: string; training: TrainingProgress } | null },
  ): Promise<Lease | null> {
    if (!upcoming) return null;
    const { answered } = context;
    if (answered && upcoming.task.project === answered.project) {
      const { state } = answered.training;
      if (state === 'failed' || (state !== 'in_progress' && upcoming.training)) {
        this.#unbeat(upcoming.assignment.id);
        await this.#api.release(upcoming.assignment.id).catch(() => {});
        return null;
      }
      if (upcoming.training) {
        const { answered: count, passedCount, target } = answered.training;
        upcoming = { ...upcoming, training: { state, answered: count, passedCount, target } };
      }
    }
    if (context.afterLoss) {
      try {
        const { leaseExpiresAt } = await this.#api.heartbeat(upcoming.assignment.id);
        return { ...upcoming, assignment: { ...upcoming.assignment, leaseExpiresAt } };
      } catch (error) {
        if (!isLeaseLost(error)) return upcoming; // a network blip: its own heartbeats decide
        this.#unbeat(upcoming.assignment.id);
        return null;
      }
    }
    return upcoming;
  }

  /** Tries again now (after an error, or when polling an empty queue). */
  async retry(): Promise<void> {
    this.#cancelRetry();
    if (this.#state.current && this.#state.status !== 'lost') return;
    await this.#leaseCurrent();
  }

  /**
   * Stops all timers and gives back the leases held: all of them when the annotator stops working, or
   * only the one taken ahead (`keepCurrent`) when they leave the page mid-task — the current one then
   * resumes, draft and all, if they come back before it expires.
   */
  async stop(options: { keepCurrent?: boolean } = {}): Promise<void> {
    if (this.#stopped) return;
    const held = [options.keepCurrent ? null : this.#state.current, this.#state.upcoming].filter(
      (lease): lease is Lease => lease !== null,
    );
    this.#stopped = true;
    this.#cancelRetry();
    for (const handle of this.#heartbeats.values()) this.#clock.clearInterval(handle);
    this.#heartbeats.clear();
    if (this.#prefetching) await this.#prefetching;
    const upcoming = this.#state.upcoming;
    if (upcoming && !held.includes(upcoming)) held.push(upcoming);
    await this.#releaseAll(held);
  }

  async #releaseAll(leases: Lease[]): Promise<void> {
    await Promise.all(leases.map((lease) => this.#api.release(lease.assignment.id).catch(() => {})));
  }

  #expired(lease: Lease): boolean {
    return Date.parse(lease.assignment.leaseExpiresAt) <= this.#clock.now();
  }

  #beat(lease: Lease): void {
    const id = lease.assignment.id;
    if (this.#heartbeats.has(id)) return;
    const handle = this.#clock.setInterval(() => void this.#heartbeat(id), heartbeatInterval(lease));
    this.#heartbeats.set(id, handle);
  }

  #unbeat(id: string): void {
    const handle = this.#heartbeats.get(id);
    if (handle !== undefined) this.#clock.clearInterval(handle);
    this.#heartbeats.delete(id);
  }

  async #heartbeat(id: string): Promise<void> {
    try {
      const { leaseExpiresAt } = await this.#api.heartbeat(id);
      const update = (lease: Lease | null) =>
        lease && lease.assignment.id === id
          ? { ...lease, assignment: { ...lease.assignment, leaseExpiresAt } }
          : lease;
      this.#set({ current: update(this.#state.current), upcoming: update(this.#state.upcoming) });
    } catch (error) {
      if (!isLeaseLost(error)) return; // a network blip: the next beat tries again
      this.#unbeat(id);
      if (this.#state.current?.assignment.id === id) {
        this.#set({ status: 'lost', error: lostReason(error) });
      } else if (this.#state.upcoming?.assignment.id === id) {
        this.#set({ upcoming: null });
        this.#prefetchNext();
      }
    }
  }

  /** Marks the current lease lost (a submit was refused because the lease ended). */
  markLost(reason: string): void {
    const current = this.#state.current;
    if (current) this.#unbeat(current.assignment.id);
    this.#set({ status: 'lost', error: reason });
  }

  #fail(error: unknown, again: () => Promise<void>): void {
    if (isPausedFromProject(error)) {
      this.#set({ status: 'paused', current: null, error: messageOf(error) });
      return;
    }
    this.#set({ status: 'error', error: messageOf(error) });
    // A refusal (no such project, no permission) stays a refusal: only failures that may pass are retried.
    if (!isRefusal(error)) this.#schedule(again, RETRY_MS);
  }

  #schedule(fn: () => Promise<void>, ms: number): void {
    this.#cancelRetry();
    this.#retry = this.#clock.setTimeout(() => {
      this.#retry = null;
      void fn();
    }, ms);
  }

  #cancelRetry(): void {
    if (this.#retry !== null) this.#clock.clearTimeout(this.#retry);
    this.#retry = null;
  }
}
