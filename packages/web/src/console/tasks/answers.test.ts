import { describe, expect, it } from 'vitest';
import { ANSWER_COLORS, consoleUrl, defaultRound, FINAL_COLOR, roundsOf, shownAnswers } from './answers.ts';
import type { TaskTimeline } from './format.ts';

type Assignment = TaskTimeline['assignments'][number];

function assignment(id: string, over: Partial<Assignment>): Assignment {
  return {
    id,
    stage: 'label',
    round: 1,
    slot: 1,
    status: 'submitted',
    annotator: { id: `u-${id}`, name: `Person ${id}`, email: `${id}@x.test` },
    workforce: null,
    leasedAt: '2025-01-01T00:00:00.000Z',
    leaseExpiresAt: '2025-01-01T01:00:00.000Z',
    submittedAt: '2025-01-01T00:01:00.000Z',
    timeSpentMs: 1000,
    response: { category: id },
    displayOrder: null,
    skipReason: null,
    feedback: null,
    ...over,
  };
}

function timeline(
  task: Partial<TaskTimeline['task']>,
  assignments: Assignment[],
  final: Partial<TaskTimeline['final']> = {},
): TaskTimeline {
  return {
    task: { round: 1, status: 'pending', stage: 'label', ...task } as TaskTimeline['task'],
    assignments,
    reviews: [],
    final: { response: null, consensus: null, agreement: null, ...final },
    audits: [],
    deliveries: [],
    events: [],
  };
}

describe('shownAnswers', () => {
  it('shows a round’s submitted labeling answers in slot order, then the final answer in green', () => {
    const t = timeline(
      { status: 'completed', stage: 'done' },
      [
        assignment('b', { slot: 2 }),
        assignment('a', { slot: 1 }),
        assignment('skip', { slot: 3, status: 'skipped', response: null }),
        assignment('rev', { stage: 'review', response: { verdict: 'accept' } }),
      ],
      { response: { category: 'a' } },
    );
    const shown = shownAnswers(t, 1);
    expect(shown.map((a) => [a.key, a.title, a.color])).toEqual([
      ['a', 'Person a', ANSWER_COLORS[0]],
      ['b', 'Person b', ANSWER_COLORS[1]],
      ['final', 'Final', FINAL_COLOR],
    ]);
    expect(shown.at(-1)?.response).toEqual({ category: 'a' });
    expect(shown.map((a) => a.emphasized === true)).toEqual([false, false, true]);
  });

  it('shows the consensus while in review, and neither final nor consensus for an earlier round', () => {
    const t = timeline(
      { round: 2, stage: 'review' },
      [assignment('old', { round: 1 }), assignment('new', { round: 2 })],
      { consensus: { category: 'new' } },
    );
    expect(shownAnswers(t, 2).map((a) => a.key)).toEqual(['new', 'consensus']);
    expect(shownAnswers(t, 1).map((a) => a.key)).toEqual(['old']);
  });

  it('shows nothing for a task nobody answered, and names a former member as such', () => {
    expect(shownAnswers(timeline({}, []), 1)).toEqual([]);
    const gone = assignment('g', { annotator: { id: 'u', name: null, email: null } });
    expect(shownAnswers(timeline({}, [gone]), 1)[0]?.title).toBe('Former member');
  });
});

describe('rounds', () => {
  it('lists every answered round and the current one, and opens on the latest with answers', () => {
    const t = timeline({ round: 3 }, [assignment('a', { round: 1 }), assignment('b', { round: 2 })]);
    expect(roundsOf(t)).toEqual([1, 2, 3]);
    expect(defaultRound(t)).toBe(2);
    expect(defaultRound(timeline({ round: 1 }, []))).toBe(1);
    expect(defaultRound(timeline({ round: 2 }, [assignment('a', { round: 2 })]))).toBe(2);
  });
});

describe('consoleUrl', () => {
  it('reads stored files through the API and leaves other URLs alone', () => {
    expect(consoleUrl('groundwork://files/0123456789abcdef01234567')).toBe(
      '/api/files/0123456789abcdef01234567/content',
    );
    expect(consoleUrl('https://x.test/a.png')).toBe('https://x.test/a.png');
    expect(consoleUrl('groundwork://files/../../etc')).toBe('groundwork://files/../../etc');
  });
});
