import { describe, expect, it } from 'vitest';
import { checkTimezone, denseSeries, foldBatches, foldTaskCounts } from './project-overview.ts';

const d = (iso: string) => new Date(iso);
const starts = [d('2025-01-01T00:00Z'), d('2025-01-02T00:00Z'), d('2025-01-03T00:00Z')];

describe('denseSeries', () => {
  it('has every bucket, adds rows into theirs and ignores rows outside', () => {
    const rows = [
      { bucket: 2, n: 2 },
      { bucket: 2, n: 3 },
      { bucket: 0, n: 1 },
      { bucket: 3, n: 100 },
      { bucket: -1, n: 100 },
    ];
    const points = denseSeries(
      starts,
      rows,
      (start) => ({ start, n: 0 }),
      (p, r) => {
        p.n += r.n;
      },
    );
    expect(points.map((p) => [p.start.toISOString().slice(0, 10), p.n])).toEqual([
      ['2025-01-01', 1],
      ['2025-01-02', 0],
      ['2025-01-03', 5],
    ]);
  });

  it('is empty without buckets', () => {
    expect(
      denseSeries(
        [],
        [{ bucket: 0 }],
        (start) => ({ start }),
        () => {},
      ),
    ).toEqual([]);
  });
});

describe('foldTaskCounts', () => {
  it('is all zeros and a null agreement without tasks', () => {
    expect(foldTaskCounts([])).toEqual({
      total: 0,
      byStatus: { pending: 0, completed: 0, canceled: 0, error: 0 },
      byStage: { label: 0, review: 0, done: 0 },
      labeling: 0,
      inReview: 0,
      unbatched: 0,
      agreement: { mean: null, n: 0 },
    });
  });
});

describe('foldBatches', () => {
  it('gives a batch without tasks a null share', () => {
    const [batch] = foldBatches(
      [{ id: 'b', name: 'b', status: 'in_progress', createdAt: d('2025-01-01T00:00Z') }],
      [],
    );
    expect(batch).toMatchObject({ total: 0, completedShare: null });
  });

  it("adds up a batch's tasks over stages, and only its own", () => {
    const row = (
      batchId: string | null,
      status: 'pending' | 'completed',
      stage: 'label' | 'review' | 'done',
      tasks: number,
    ) => ({
      batchId,
      status,
      stage,
      tasks,
      agreed: 0,
      agreementSum: 0,
    });
    const [batch] = foldBatches(
      [{ id: 'b', name: 'first', status: 'in_progress', createdAt: d('2025-01-01T00:00Z') }],
      [
        row('b', 'pending', 'label', 2),
        row('b', 'pending', 'review', 1),
        row('b', 'completed', 'done', 3),
        row('c', 'completed', 'done', 7),
        row(null, 'completed', 'done', 5),
      ],
    );
    expect(batch).toEqual({
      name: 'first',
      status: 'in_progress',
      createdAt: d('2025-01-01T00:00Z'),
      total: 6,
      counts: { pending: 3, completed: 3, canceled: 0, error: 0 },
      completedShare: 0.5,
    });
  });
});

describe('checkTimezone', () => {
  it('accepts IANA names and gives their canonical spelling', () => {
    expect(checkTimezone('UTC')).toBe('UTC');
    expect(checkTimezone('utc')).toBe('UTC');
    expect(checkTimezone('Europe/Paris')).toBe('Europe/Paris');
  });

  it('refuses offsets and unknown names, naming the field', () => {
    for (const bad of ['+05:00', 'Mars/Olympus_Mons', '', "UTC'; --", 'x'.repeat(80)]) {
      expect(() => checkTimezone(bad), bad).toThrow(/timezone/);
    }
  });
});
