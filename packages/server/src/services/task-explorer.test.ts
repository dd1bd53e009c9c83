import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../errors.ts';
import type { AssignmentRow, ReviewRow } from '../repositories/assignments.ts';
import type { DeliveryRow } from '../repositories/deliveries.ts';
import { prefixEnd } from '../repositories/task-explorer.ts';
import type { TaskRow } from '../repositories/tasks.ts';
import { decodeExplorerCursor, encodeExplorerCursor, timelineEvents } from './task-explorer.ts';

const ID = 'aaaaaaaaaaaaaaaaaaaaaaaa';
const t = (s: number) => new Date(Date.UTC(2025, 0, 1, 0, 0, s));

describe('explorer cursors', () => {
  it('read back the position they were made from, in their own order', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('newest' as const, 'oldest' as const),
        fc.integer({ min: 0, max: 4_102_444_800_000 }),
        fc.stringMatching(/^[0-9a-f]{24}$/),
        (sort, ms, id) => {
          const position = { createdAt: new Date(ms), id };
          expect(decodeExplorerCursor(encodeExplorerCursor(sort, position), sort)).toEqual(position);
        },
      ),
    );
  });

  it('refuse a cursor of the other order and anything not made here, naming `cursor`', () => {
    const cursor = encodeExplorerCursor('newest', { createdAt: t(0), id: ID });
    const bad = [
      [cursor, 'oldest'],
      ['', 'newest'],
      ['not base64 at all!', 'newest'],
      [Buffer.from('[1,"newest","2025-01-01T00:00:00.000Z","xyz"]').toString('base64url'), 'newest'],
      [Buffer.from(`[2,"newest","2025-01-01T00:00:00.000Z","${ID}"]`).toString('base64url'), 'newest'],
      [Buffer.from(`[1,"newest","yesterday","${ID}"]`).toString('base64url'), 'newest'],
      [Buffer.from('{}').toString('base64url'), 'newest'],
    ] as const;
    for (const [token, sort] of bad) {
      let caught: unknown;
      try {
        decodeExplorerCursor(token, sort);
      } catch (error) {
        caught = error;
      }
      expect(caught, token).toBeInstanceOf(ApiError);
      expect((caught as ApiError).details.map((d) => d.path)).toEqual(['cursor']);
    }
  });
});

function task(over: Partial<TaskRow> = {}): TaskRow {
  return {
    id: ID,
    orgId: 'o',
    isTest: false,
    projectId: 'p',
    batchId: null,
    type: 'categorization',
    status: 'pending',
    instruction: null,
    params: {},
    response: null,
    metadata: {},
    tags: null,
    uniqueId: null,
    clearUniqueIdOnError: false,
    priority: 20,
    callbackUrl: null,
    callbackSucceeded: null,
    customerReviewStatus: null,
    stage: 'label',
    round: 1,
    stageResponse: null,
    agreement: null,
    audits: [],
    paramsVersion: 0,
    createdAt: t(0),
    updatedAt: t(0),
    completedAt: null,
    ...over,
  };
}

function assignment(
  id: string,
  over: Partial<AssignmentRow>,
): { assignment: AssignmentRow; name: string | null; email: string | null; workforceName: null } {
  return {
    assignment: {
      id,
      orgId: 'o',
      projectId: 'p',
      batchId: null,
      taskId: ID,
      stage: 'label',
      round: 1,
      slot: 1,
      priority: 0,
      taskCreatedAt: t(0),
      userId: 'u1',
      workforceId: null,
      status: 'submitted',
      routedWorkforceId: null,
      leasedAt: t(1),
      leaseExpiresAt: t(1000),
      submittedAt: null,
      timeSpentMs: null,
      response: null,
      displayOrder: null,
      skipReason: null,
      redactionFingerprint: null,
      feedback: null,
      createdAt: t(1),
      ...over,
    },
    name: 'Ann',
    email: 'ann@x.test',
    workforceName: null,
  };
}

function review(
  id: string,
  over: Partial<ReviewRow>,
): { review: ReviewRow; actorName: string | null; actorEmail: string | null } {
  return {
    review: {
      id,
      orgId: 'o',
      taskId: ID,
      round: 1,
      assignmentId: null,
      source: 'reviewer',
      actorType: 'user',
      actorId: 'r1',
      verdict: 'accept',
      response: null,
      comment: null,
      createdAt: t(0),
      ...over,
    },
    actorName: 'Rev',
    actorEmail: 'rev@x.test',
  };
}

function delivery(over: Partial<DeliveryRow>): DeliveryRow {
  return {
    id: 'd1',
    orgId: 'o',
    isTest: false,
    event: 'task.completed',
    taskId: ID,
    batchId: null,
    url: 'https://example.com',
    payload: {},
    status: 'pending',
    attempts: 0,
    nextAttemptAt: null,
    lastAttemptAt: null,
    lastStatusCode: null,
    lastError: null,
    createdAt: t(0),
    deliveredAt: null,
    ...over,
  };
}

describe('timelineEvents', () => {
  it('puts a task that nobody worked on at its creation alone', () => {
    const events = timelineEvents({ task: task(), assignments: [], reviews: [], deliveries: [] });
    expect(events.map((e) => e.kind)).toEqual(['task.created']);
  });

  it('orders by time, then by what happens first at one instant, and folds leases without an answer', () => {
    const events = timelineEvents({
      task: task({ status: 'completed', completedAt: t(30), agreement: 0.5, stage: 'done' }),
      assignments: [
        // Listed out of time order on purpose.
        assignment('a2', { slot: 2, leasedAt: t(5), status: 'skipped', skipReason: 'Blurry' }),
        assignment('a1', { slot: 1, leasedAt: t(2), submittedAt: t(10) }),
        assignment('a3', { slot: 2, leasedAt: t(6), status: 'expired', leaseExpiresAt: t(8) }),
        assignment('a4', { slot: 2, leasedAt: t(12), submittedAt: t(20), userId: 'u4' }),
        assignment('r', { stage: 'review', leasedAt: t(21), submittedAt: t(30), userId: 'r1' }),
      ],
      reviews: [review('v1', { assignmentId: 'r', verdict: 'fix', createdAt: t(30), comment: 'Tighter' })],
      deliveries: [
        delivery({
          createdAt: t(30),
          status: 'succeeded',
          deliveredAt: t(31),
          attempts: 2,
          lastStatusCode: 200,
        }),
      ],
    });
    expect(events.map((e) => [e.at.getTime() / 1000 - t(0).getTime() / 1000, e.kind])).toEqual([
      [0, 'task.created'],
      [2, 'assignment.leased'],
      [5, 'assignment.leased'],
      [6, 'assignment.leased'],
      [8, 'assignment.expired'],
      [10, 'assignment.submitted'],
      [12, 'assignment.leased'],
      [20, 'assignment.submitted'],
      [21, 'assignment.leased'],
      // The review assignment's submission is the verdict itself: one event, not two; then completion,
      // then the webhook — all at the same instant.
      [30, 'review.fixed'],
      [30, 'task.completed'],
      [30, 'delivery.queued'],
      [31, 'delivery.succeeded'],
    ]);
    expect(events[2]?.summary).toBe('Ann took labeling slot 2, round 1 — skipped: Blurry');
    expect(events[9]?.summary).toBe('Rev fixed the merged answer (round 1): “Tighter”');
    expect(events[10]?.summary).toBe('Task completed with agreement 50%');
    expect(events[12]?.summary).toBe('Webhook task.completed delivered (HTTP 200) after 2 attempts');
  });

  it('tells customer audits from reviews and names a former member and an API key as such', () => {
    const gone = assignment('a1', { leasedAt: t(1), submittedAt: t(2) });
    gone.name = null;
    gone.email = null;
    const events = timelineEvents({
      task: task(),
      assignments: [gone],
      reviews: [
        {
          ...review('v1', { source: 'customer', verdict: 'reject', actorType: 'api_key', createdAt: t(3) }),
          actorName: null,
        },
        review('v2', { source: 'customer', verdict: 'accept', createdAt: t(4) }),
      ],
      deliveries: [
        delivery({
          createdAt: t(5),
          status: 'failed',
          attempts: 1,
          lastAttemptAt: t(6),
          lastError: 'HTTP 500',
        }),
      ],
    });
    expect(events.map((e) => e.kind)).toEqual([
      'task.created',
      'assignment.leased',
      'assignment.submitted',
      'audit.rejected',
      'audit.accepted',
      'delivery.queued',
      'delivery.failed',
    ]);
    expect(events[1]?.summary).toBe('A former member took labeling slot 1, round 1');
    expect(events[3]?.summary).toBe(
      'An API key rejected the result in an audit; the task went back to labeling',
    );
    expect(events[6]?.summary).toBe('Webhook task.completed failed after 1 attempt: HTTP 500');
  });
});

describe('prefixEnd', () => {
  it('is the least string after every string with the prefix, in code point order', () => {
    expect(prefixEnd('doc-1')).toBe('doc-2');
    expect(prefixEnd('a\u{10FFFF}')).toBe('b');
    expect(prefixEnd('\u{10FFFF}')).toBeNull();
    expect(prefixEnd('\uD7FF')).toBe('\uE000');
    const codePoints = (s: string) => [...s].map((c) => c.codePointAt(0) as number);
    const before = (a: string, b: string) => {
      const x = codePoints(a);
      const y = codePoints(b);
      for (let i = 0; i < Math.min(x.length, y.length); i++) {
        if (x[i] !== y[i]) return (x[i] as number) < (y[i] as number);
      }
      return x.length < y.length;
    };
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, unit: 'grapheme' }),
        fc.string({ unit: 'grapheme' }),
        (prefix, rest) => {
          const end = prefixEnd(prefix);
          if (end === null) return;
          // Every string with the prefix sorts before the end; the end itself does not have the prefix.
          expect(before(prefix + rest, end)).toBe(true);
          expect(end.startsWith(prefix)).toBe(false);
        },
      ),
    );
  });
});
