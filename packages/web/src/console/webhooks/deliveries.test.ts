import { describe, expect, it } from 'vitest';
import {
  attemptOutcome,
  type Delivery,
  deliveryQuery,
  deliveryStatusLabel,
  deliveryTone,
  hasFilters,
  lastResult,
  mergePages,
  NO_FILTERS,
  resultText,
} from './deliveries.ts';

const TASK = '6b07eb4f77d11a6ac57227d2';

function delivery(overrides: Partial<Delivery> = {}): Delivery {
  return {
    id: 'd1',
    event: 'task.completed',
    status: 'pending',
    url: 'https://example.com/hook',
    taskId: TASK,
    batchId: null,
    isTest: false,
    attemptCount: 0,
    nextAttemptAt: null,
    lastAttemptAt: null,
    lastStatusCode: null,
    lastError: null,
    createdAt: '2026-01-01T00:00:00.000Z',
    deliveredAt: null,
    ...overrides,
  };
}

describe('deliveryQuery', () => {
  it('asks for everything with no filters', () => {
    expect(deliveryQuery(NO_FILTERS)).toEqual({ ok: true, query: {} });
    expect(hasFilters(NO_FILTERS)).toBe(false);
  });
  it('passes a status and trimmed, lowercased ids', () => {
    const filters = { status: 'failed' as const, taskId: ` ${TASK.toUpperCase()} `, batchId: '' };
    expect(deliveryQuery(filters)).toEqual({ ok: true, query: { status: 'failed', taskId: TASK } });
    expect(hasFilters(filters)).toBe(true);
  });
  it('names each id that is not 24 hexadecimal characters', () => {
    expect(deliveryQuery({ status: 'any', taskId: 'abc', batchId: `${TASK}0` })).toEqual({
      ok: false,
      problems: {
        taskId: 'An id is 24 characters, 0–9 and a–f.',
        batchId: 'An id is 24 characters, 0–9 and a–f.',
      },
    });
  });
});

describe('delivery state', () => {
  it('tones and names each status', () => {
    expect(deliveryTone('succeeded')).toBe('ok');
    expect(deliveryTone('failed')).toBe('bad');
    expect(deliveryTone('pending')).toBe('wait');
    expect(deliveryStatusLabel({ status: 'succeeded', attemptCount: 1 })).toBe('Delivered');
    expect(deliveryStatusLabel({ status: 'failed', attemptCount: 20 })).toBe('Failed');
    expect(deliveryStatusLabel({ status: 'pending', attemptCount: 0 })).toBe('Queued');
    expect(deliveryStatusLabel({ status: 'pending', attemptCount: 2 })).toBe('Retrying');
  });

  it('sums up the latest answer', () => {
    expect(lastResult(delivery())).toBe('—');
    expect(lastResult(delivery({ lastStatusCode: 200 }))).toBe('200');
    expect(lastResult(delivery({ lastStatusCode: 500, lastError: 'HTTP 500' }))).toBe('500');
    expect(lastResult(delivery({ lastError: 'timeout after 10 s' }))).toBe('timeout after 10 s');
    expect(resultText({ statusCode: 413, error: 'body too large' })).toBe('413 · body too large');
  });

  it('classifies attempts by their answer', () => {
    expect(attemptOutcome({ statusCode: 204 })).toBe('accepted');
    expect(attemptOutcome({ statusCode: 199 })).toBe('rejected');
    expect(attemptOutcome({ statusCode: 300 })).toBe('rejected');
    expect(attemptOutcome({ statusCode: 500 })).toBe('rejected');
    expect(attemptOutcome({ statusCode: null })).toBe('no-answer');
  });
});

describe('mergePages', () => {
  it('joins pages in order without repeating a delivery', () => {
    const merged = mergePages([
      { items: [delivery({ id: 'a' }), delivery({ id: 'b' })] },
      { items: [delivery({ id: 'b' }), delivery({ id: 'c' })] },
    ]);
    expect(merged.map((d) => d.id)).toEqual(['a', 'b', 'c']);
  });
  it('gives an empty list for no pages', () => {
    expect(mergePages([])).toEqual([]);
  });
});
