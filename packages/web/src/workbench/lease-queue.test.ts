import type { Lease } from '@groundwork/sdk';
import { describe, expect, it } from 'vitest';
import {
  EMPTY_POLL_MS,
  heartbeatInterval,
  isPausedFromProject,
  LeaseQueue,
  type LeaseQueueApi,
  type LeaseQueueClock,
  type TrainingProgress,
} from './lease-queue.ts';

/** A clock whose timers run only when the test advances it. */
class FakeClock implements LeaseQueueClock {
  time = Date.parse('2026-01-01T00:00:00Z');
  #timers = new Map<number, { at: number; every: number | null; fn: () => void }>();
  #next = 1;
  now = () => this.time;
  setInterval = (fn: () => void, ms: number) => this.#add(fn, ms, ms);
  setTimeout = (fn: () => void, ms: number) => this.#add(fn, ms, null);
  clearInterval = (handle: unknown) => void this.#timers.delete(handle as number);
  clearTimeout = (handle: unknown) => void this.#timers.delete(handle as number);
  #add(fn: () => void, ms: number, every: number | null): number {
    const id = this.#next++;
    this.#timers.set(id, { at: this.time + ms, every, fn });
    return id;
  }
  /** Moves time forward, firing due timers in order. */
  async advance(ms: number): Promise<void> {
    const end = this.time + ms;
    for (;;) {
      const due = [...this.#timers.entries()]
        .filter(([, t]) => t.at <= end)
        .sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      const [id, timer] = due;
      this.time = timer.at;
      if (timer.every === null) this.#timers.delete(id);
      else timer.at += timer.every;
      timer.fn();
      await flush();
    }
    this.time = end;
  }
  get pending(): number {
    return this.#timers.size;
  }
}

async function flush(): Promise<void> {
  for (let i = 0; i < 10; i += 1) await Promise.resolve();
}

/** What sets a lease apart in a test: its project, and its training progress when it is a training task. */
type LeaseShape = { project?: string; training?: TrainingProgress | null };

function lease(id: string, clock: FakeClock, seconds = 60, shape: LeaseShape = {}): Lease {
  return {
    assignment: {
      id,
      taskId: `task-${id}`,
      projectId: 'p',
      stage: 'label',
      round: 1,
      slot: 1,
      status: 'leased',
      userId: 'u',
      workforceId: null,
      leasedAt: new Date(clock.time).toISOString(),
      leaseExpiresAt: new Date(clock.time + seconds * 1000).toISOString(),
      submittedAt: null,
      timeSpentMs: null,
      response: null,
      displayOrder: null,
      skipReason: null,
      feedback: null,
    },
    task: {
      id: `task-${id}`,
      type: 'categorization',
      project: shape.project ?? 'p',
      batchId: null,
      instruction: null,
      params: {},
    },
    review: null,
    feedback: [],
    files: [],
    training: shape.training ?? null,
    masked: false,
  };
}

/** A fake server: a list of leases to hand out, and a record of what was called. */
function fakeApi(
  clock: FakeClock,
  waiting: string[],
  live: string[] = [],
  shapes: Record<string, LeaseShape> = {},
) {
  const calls: string[] = [];
  const lost = new Set<string>();
  let offline = false;
  let paused: string | null = null;
  const api: LeaseQueueApi = {
    async next() {
      calls.push('next');
      if (offline) throw Object.assign(new Error('offline'), { code: 'network' });
      if (paused !== null) {
        throw Object.assign(new Error(paused), { code: 'paused_from_project', status: 403 });
      }
      const id = waiting.shift();
      return id ? lease(id, clock, 60, shapes[id]) : null;
    },
    async live() {
      calls.push('live');
      return live.map((id) => lease(id, clock));
    },
    async heartbeat(id) {
      calls.push(`heartbeat ${id}`);
      if (lost.has(id)) throw Object.assign(new Error('The lease expired.'), { code: 'lease_expired' });
      return { leaseExpiresAt: new Date(clock.time + 60_000).toISOString() };
    },
    async release(id) {
      calls.push(`release ${id}`);
    },
  };
  return {
    api,
    calls,
    lose: (id: string) => lost.add(id),
    setOffline: (value: boolean) => {
      offline = value;
    },
    add: (id: string) => waiting.push(id),
    /** From now on the person is paused from the project: every lease is revoked, `next` refuses. */
    pause: (reason: string) => {
      paused = reason;
      waiting.length = 0;
    },
  };
}

describe('LeaseQueue', () => {
  it('leases the current task and the next one ahead of time', async () => {
    const clock = new FakeClock();
    const server = fakeApi(clock, ['a', 'b', 'c']);
    const queue = new LeaseQueue(server.api, { clock });
    await queue.start();
    await flush();
    expect(queue.state.status).toBe('ready');
    expect(queue.state.current?.assignment.id).toBe('a');
    expect(queue.state.upcoming?.assignment.id).toBe('b');
  });

  it('shows the task leased ahead at once on advance, and leases another ahead', async () => {
    const clock = new FakeClock();
    const server = fakeApi(clock, ['a', 'b', 'c']);
    const queue = new LeaseQueue(server.api, { clock });
    await queue.start();
    await flush();
    const nextCallsBefore = server.calls.filter((c) => c === 'next').length;
    await queue.advance();
    expect(queue.state.current?.assignment.id).toBe('b');
    await flush();
    expect(queue.state.upcoming?.assignment.id).toBe('c');
    expect(server.calls.filter((c) => c === 'next').length).toBe(nextCallsBefore + 1);
  });

  it('resumes live leases after a reload instead of leasing new work, and gives back extras', async () => {
    const clock = new FakeClock();
    const server = fakeApi(clock, ['z'], ['a', 'b', 'c']);
    const queue = new LeaseQueue(server.api, { clock });
    await queue.start();
    expect(queue.state.current?.assignment.id).toBe('a');
    expect(queue.state.upcoming?.assignment.id).toBe('b');
    expect(server.calls).toContain('release c');
    expect(server.calls).not.toContain('next');
  });

  it('keeps both leases alive with heartbeats', async () => {
    const clock = new FakeClock();
    const server = fakeApi(clock, ['a', 'b']);
    const queue = new LeaseQueue(server.api, { clock });
    await queue.start();
    await flush();
    const interval = heartbeatInterval(queue.state.current as Lease);
    expect(interval).toBe(20_000);
    await clock.advance(interval);
    expect(server.calls).toContain('heartbeat a');
    expect(server.calls).toContain('heartbeat b');
  });

  it('reports a lost lease when a heartbeat finds it gone', async () => {
    const clock = new FakeClock();
    const server = fakeApi(clock, ['a', 'b']);
    const queue = new LeaseQueue(server.api, { clock });
    await queue.start();
    await flush();
    server.lose('a');
    await clock.advance(20_000);
    expect(queue.state.status).toBe('lost');
    expect(queue.state.error).toContain('lease ran out');
    await queue.advance();
    expect(queue.state.status).toBe('ready');
    expect(queue.state.current?.assignment.id).toBe('b');
  });

  it('replaces a lease taken ahead that was lost', async () => {
    const clock = new FakeClock();
    const server = fakeApi(clock, ['a', 'b', 'c']);
    const queue = new LeaseQueue(server.api, { clock });
    await queue.start();
    await flush();
    server.lose('b');
    await clock.advance(20_000);
    expect(queue.state.status).toBe('ready');
    expect(queue.state.current?.assignment.id).toBe('a');
    expect(queue.state.upcoming?.assignment.id).toBe('c');
  });

  it('polls while no work waits and picks up new work', async () => {
    const clock = new FakeClock();
    const server = fakeApi(clock, []);
    const queue = new LeaseQueue(server.api, { clock });
    await queue.start();
    expect(queue.state.status).toBe('empty');
    server.add('n');
    await clock.advance(EMPTY_POLL_MS);
    expect(queue.state.status).toBe('ready');
    expect(queue.state.current?.assignment.id).toBe('n');
  });

  it('says when the server cannot be reached and retries', async () => {
    const clock = new FakeClock();
    const server = fakeApi(clock, ['a']);
    server.setOffline(true);
    const queue = new LeaseQueue(server.api, { clock });
    await queue.start();
    expect(queue.state.status).toBe('error');
    expect(queue.state.error).toBe('offline');
    server.setOffline(false);
    await clock.advance(5_000);
    expect(queue.state.status).toBe('ready');
  });

  it('does not retry a refusal such as an unknown project', async () => {
    const clock = new FakeClock();
    const server = fakeApi(clock, ['a']);
    server.api.next = async () => {
      throw Object.assign(new Error('No project named "x".'), { code: 'not_found', status: 404 });
    };
    const queue = new LeaseQueue(server.api, { clock });
    await queue.start();
    expect(queue.state).toMatchObject({ status: 'error', error: 'No project named "x".' });
    expect(clock.pending).toBe(0);
  });

  it('gives back every held lease on stop and leaves no timer running', async () => {
    const clock = new FakeClock();
    const server = fakeApi(clock, ['a', 'b']);
    const queue = new LeaseQueue(server.api, { clock });
    await queue.start();
    await flush();
    await queue.stop();
    expect(server.calls).toContain('release a');
    expect(server.calls).toContain('release b');
    expect(clock.pending).toBe(0);
  });

  it('keeps the current lease when the annotator leaves mid-task', async () => {
    const clock = new FakeClock();
    const server = fakeApi(clock, ['a', 'b']);
    const queue = new LeaseQueue(server.api, { clock });
    await queue.start();
    await flush();
    await queue.stop({ keepCurrent: true });
    expect(server.calls).not.toContain('release a');
    expect(server.calls).toContain('release b');
    expect(clock.pending).toBe(0);
  });

  it('does not lease ahead when prefetching is off', async () => {
    const clock = new FakeClock();
    const server = fakeApi(clock, ['a', 'b']);
    const queue = new LeaseQueue(server.api, { clock, prefetch: false });
    await queue.start();
    await flush();
    expect(queue.state.upcoming).toBeNull();
  });

  it('does not lease twice when advance is called twice at once (a double click)', async () => {
    const clock = new FakeClock();
    const server = fakeApi(clock, ['a', 'b', 'c']);
    const queue = new LeaseQueue(server.api, { clock, prefetch: false });
    await queue.start();
    await Promise.all([queue.advance(), queue.advance()]);
    await flush();
    expect(queue.state.current?.assignment.id).toBe('b');
    // One lease for the first task, one on advance: no lease taken and dropped unseen.
    expect(server.calls.filter((c) => c === 'next')).toHaveLength(2);
  });
});

describe('LeaseQueue and pauses', () => {
  const REASON = 'Training not passed: 0 of the 1 training tasks required were answered well enough.';

  it('recognizes the paused refusal by its code', () => {
    expect(isPausedFromProject({ code: 'paused_from_project', status: 403 })).toBe(true);
    expect(isPausedFromProject({ code: 'forbidden', status: 403 })).toBe(false);
    expect(isPausedFromProject(null)).toBe(false);
  });

  it('shows a paused refusal with its reason and does not retry it', async () => {
    const clock = new FakeClock();
    const server = fakeApi(clock, ['a']);
    server.pause(REASON);
    const queue = new LeaseQueue(server.api, { clock });
    await queue.start();
    expect(queue.state).toMatchObject({ status: 'paused', current: null, error: REASON });
    expect(clock.pending).toBe(0);
    await clock.advance(60_000);
    expect(server.calls.filter((c) => c === 'next')).toHaveLength(1);
  });

  it('stops polling an empty queue once the person is paused', async () => {
    const clock = new FakeClock();
    const server = fakeApi(clock, []);
    const queue = new LeaseQueue(server.api, { clock });
    await queue.start();
    expect(queue.state.status).toBe('empty');
    server.pause(REASON);
    await clock.advance(EMPTY_POLL_MS);
    expect(queue.state).toMatchObject({ status: 'paused', error: REASON });
    expect(clock.pending).toBe(0);
  });

  it('checks the lease taken ahead after a loss, and reaches the pause when it was revoked too', async () => {
    const clock = new FakeClock();
    const server = fakeApi(clock, ['a', 'b']);
    const queue = new LeaseQueue(server.api, { clock });
    await queue.start();
    await flush();
    // A manager pauses the person mid-session: both leases are revoked, the current one is noticed first.
    server.lose('a');
    server.lose('b');
    server.pause(REASON);
    queue.markLost('It was taken back.');
    await queue.advance();
    expect(server.calls).toContain('heartbeat b');
    expect(queue.state).toMatchObject({ status: 'paused', current: null, upcoming: null, error: REASON });
    expect(clock.pending).toBe(0);
  });
});

describe('LeaseQueue and training answers', () => {
  const progress = (state: TrainingProgress['state'], passedCount: number, answered: number) => ({
    state,
    answered,
    passedCount,
    target: 2,
  });

  it('stops the heartbeats of an answered lease while its feedback shows', async () => {
    const clock = new FakeClock();
    const server = fakeApi(clock, ['t1'], [], { t1: { training: progress('in_progress', 0, 0) } });
    const queue = new LeaseQueue(server.api, { clock });
    await queue.start();
    await flush();
    queue.answered(progress('in_progress', 1, 1));
    await clock.advance(60_000);
    expect(server.calls).not.toContain('heartbeat t1');
    expect(queue.state).toMatchObject({ status: 'ready', current: { assignment: { id: 't1' } } });
  });

  it('shows the next training task, taken ahead, with the progress the answer made', async () => {
    const clock = new FakeClock();
    const server = fakeApi(clock, ['t1', 't2'], [], {
      t1: { training: progress('in_progress', 0, 0) },
      t2: { training: progress('in_progress', 0, 0) },
    });
    const queue = new LeaseQueue(server.api, { clock });
    await queue.start();
    await flush();
    expect(queue.state.upcoming?.assignment.id).toBe('t2');
    queue.answered(progress('in_progress', 1, 1));
    await queue.advance();
    expect(queue.state.current?.assignment.id).toBe('t2');
    expect(queue.state.current?.training).toEqual({
      state: 'in_progress',
      answered: 1,
      passedCount: 1,
      target: 2,
    });
    expect(server.calls).not.toContain('release t2');
  });

  it('gives back a training task taken ahead once the gate passed, and leases real work', async () => {
    const clock = new FakeClock();
    const server = fakeApi(clock, ['t1', 't2', 'real'], [], {
      t1: { training: progress('in_progress', 1, 1) },
      t2: { training: progress('in_progress', 1, 1) },
    });
    const queue = new LeaseQueue(server.api, { clock });
    await queue.start();
    await flush();
    queue.answered(progress('passed', 2, 2));
    await queue.advance();
    expect(server.calls).toContain('release t2');
    expect(queue.state.current?.assignment.id).toBe('real');
    expect(queue.state.current?.training).toBeNull();
  });

  it('keeps work taken ahead in another project when the gate passed', async () => {
    const clock = new FakeClock();
    const server = fakeApi(clock, ['t1', 'other'], [], {
      t1: { training: progress('in_progress', 1, 1) },
      other: { project: 'q', training: progress('in_progress', 0, 0) },
    });
    const queue = new LeaseQueue(server.api, { clock });
    await queue.start();
    await flush();
    queue.answered(progress('passed', 2, 2));
    await queue.advance();
    expect(server.calls).not.toContain('release other');
    expect(queue.state.current?.assignment.id).toBe('other');
    // Another project's gate: its progress is not this one's.
    expect(queue.state.current?.training).toMatchObject({ passedCount: 0, answered: 0 });
  });

  it('drops the lease taken ahead when the answer failed the gate, and shows the pause', async () => {
    const clock = new FakeClock();
    const server = fakeApi(clock, ['t1', 't2'], [], {
      t1: { training: progress('in_progress', 0, 1) },
      t2: { training: progress('in_progress', 0, 1) },
    });
    const queue = new LeaseQueue(server.api, { clock });
    await queue.start();
    await flush();
    server.lose('t2');
    server.pause('Training not passed.');
    queue.answered(progress('failed', 0, 2));
    await queue.advance();
    expect(queue.state).toMatchObject({ status: 'paused', current: null, upcoming: null });
    expect(queue.state.error).toBe('Training not passed.');
    expect(clock.pending).toBe(0);
  });
});
