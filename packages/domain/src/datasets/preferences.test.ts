import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scenarios as rankingScenarios } from '../task-types/ranking/arbitraries.ts';
import type { DatasetTask } from './catalog.ts';
import {
  type DpoPair,
  dpoPairs,
  parseDpoPairLine,
  parseRankingRecordLine,
  type RankingRecord,
  rankingRecords,
} from './preferences.ts';
import { jsonLine } from './records.ts';

const base = {
  uniqueId: null,
  status: 'completed',
  batch: null,
  metadata: {},
  tags: [],
  paramsVersion: 1,
  createdAt: '2025-01-01T00:00:00.000Z',
  completedAt: '2025-01-02T00:00:00.000Z',
};

const taskFields = {
  task_id: 't',
  unique_id: null,
  batch: null,
  params_version: 1,
  completed_at: '2025-01-02T00:00:00.000Z',
  tags: [],
};

const pairwise = (response: unknown, overrides: Partial<DatasetTask> = {}): DatasetTask => ({
  ...base,
  id: 't',
  type: 'pairwisepreference',
  params: {
    prompt: 'Capital of France?',
    responses: [{ content: 'Paris.', model: 'm1' }, { content: 'Lyon.' }],
    likert_scale: 7,
  },
  response,
  ...overrides,
});

const ranking = (order: (string | string[])[], overrides: Partial<DatasetTask> = {}): DatasetTask => ({
  ...base,
  id: 't',
  type: 'ranking',
  params: {
    prompt: [{ role: 'user', content: 'Name a prime.' }],
    responses: [
      { id: 'a', content: '2' },
      { id: 'b', content: '4' },
      { id: 'c', content: '7', model: 'm3' },
      { id: 'd', content: '9' },
    ],
  },
  response: { ranking: order },
  ...overrides,
});

const user = (content: string) => [{ role: 'user', content }];
const assistant = (content: string) => [{ role: 'assistant', content }];

describe('dpoPairs from pairwise preferences', () => {
  it('gives the chosen response first, with positions as ids and the strength', () => {
    expect(dpoPairs(pairwise({ choice: 'B', strength: 5 }))).toEqual([
      {
        prompt: user('Capital of France?'),
        chosen: assistant('Lyon.'),
        rejected: assistant('Paris.'),
        metadata: {
          ...taskFields,
          type: 'pairwisepreference',
          chosen_id: 'B',
          rejected_id: 'A',
          chosen_model: null,
          rejected_model: 'm1',
          strength: 5,
          likert_scale: 7,
          chosen_rank: null,
          rejected_rank: null,
        },
      },
    ]);
  });

  it('uses response ids when the responses have them', () => {
    const task = pairwise(
      { choice: 'A', strength: 1, selected_response_id: 'x' },
      {
        params: {
          prompt: 'p',
          responses: [
            { id: 'x', content: '1' },
            { id: 'y', content: '2' },
          ],
        },
      },
    );
    expect(dpoPairs(task)[0]?.metadata).toMatchObject({
      chosen_id: 'x',
      rejected_id: 'y',
      likert_scale: null,
    });
  });

  it('gives no pair for a tie or an unfinished task', () => {
    expect(dpoPairs(pairwise({ choice: 'tie' }))).toEqual([]);
    expect(dpoPairs(pairwise(null, { status: 'pending', completedAt: null }))).toEqual([]);
    expect(dpoPairs(pairwise({ choice: 'C' }))).toEqual([]);
    expect(dpoPairs(pairwise({ choice: 'A', strength: 1 }, { type: 'demonstration' }))).toEqual([]);
  });
});

describe('dpoPairs from rankings', () => {
  it('gives all K(K−1)/2 ordered pairs of an untied ranking, best pairs first', () => {
    const pairs = dpoPairs(ranking(['c', 'a', 'd', 'b']));
    expect(pairs).toHaveLength(6);
    expect(
      pairs.map((pair) => [
        pair.metadata.chosen_id,
        pair.metadata.rejected_id,
        pair.metadata.chosen_rank,
        pair.metadata.rejected_rank,
      ]),
    ).toEqual([
      ['c', 'a', 1, 2],
      ['c', 'd', 1, 3],
      ['c', 'b', 1, 4],
      ['a', 'd', 2, 3],
      ['a', 'b', 2, 4],
      ['d', 'b', 3, 4],
    ]);
    expect(pairs[0]).toMatchObject({
      prompt: user('Name a prime.'),
      chosen: assistant('7'),
      rejected: assistant('2'),
      metadata: { chosen_model: 'm3', rejected_model: null, strength: null, likert_scale: null },
    });
  });

  it('does not pair responses that share a rank', () => {
    // Ranks: c = 1, a = d = 2, b = 3 → pairs c>a, c>d, c>b, a>b, d>b (not a–d).
    const pairs = dpoPairs(ranking(['c', ['a', 'd'], 'b']));
    expect(pairs.map((pair) => `${pair.metadata.chosen_id}>${pair.metadata.rejected_id}`)).toEqual([
      'c>a',
      'c>d',
      'c>b',
      'a>b',
      'd>b',
    ]);
    expect(dpoPairs(ranking([['a', 'b', 'c', 'd']]))).toEqual([]);
  });

  it('gives nothing for a ranking that leaves out, repeats or invents a response', () => {
    expect(dpoPairs(ranking(['a', 'b', 'c']))).toEqual([]);
    expect(dpoPairs(ranking(['a', 'b', 'c', 'd', 'a']))).toEqual([]);
    expect(dpoPairs(ranking(['a', 'b', 'c', 'z']))).toEqual([]);
  });
});

describe('rankingRecords', () => {
  it('lists a ranking best first with dense ranks', () => {
    expect(rankingRecords(ranking(['c', ['a', 'd'], 'b']))).toEqual([
      {
        prompt: user('Name a prime.'),
        responses: ['7', '2', '9', '4'],
        ranks: [1, 2, 2, 3],
        metadata: {
          ...taskFields,
          type: 'ranking',
          response_ids: ['c', 'a', 'd', 'b'],
          models: ['m3', null, null, null],
          strength: null,
          likert_scale: null,
        },
      },
    ]);
  });

  it('reads a pairwise preference as a ranking of two, keeping ties', () => {
    expect(rankingRecords(pairwise({ choice: 'B', strength: 2 }))[0]).toMatchObject({
      responses: ['Lyon.', 'Paris.'],
      ranks: [1, 2],
      metadata: { response_ids: ['B', 'A'], models: [null, 'm1'], strength: 2, likert_scale: 7 },
    });
    expect(rankingRecords(pairwise({ choice: 'tie' }))[0]).toMatchObject({
      responses: ['Paris.', 'Lyon.'],
      ranks: [1, 1],
      metadata: { response_ids: ['A', 'B'], strength: null },
    });
  });

  it('gives nothing for an unfinished task', () => {
    expect(rankingRecords(ranking(['a'], { status: 'pending' }))).toEqual([]);
  });
});

describe('parsers', () => {
  it('read written lines back', () => {
    for (const pair of dpoPairs(ranking(['c', ['a', 'd'], 'b']))) {
      expect(parseDpoPairLine(jsonLine(pair))).toEqual({ ok: true, record: pair });
    }
    const [record] = rankingRecords(ranking(['c', ['a', 'd'], 'b']));
    expect(parseRankingRecordLine(jsonLine(record))).toEqual({ ok: true, record });
  });

  it('name what is wrong', () => {
    const [pair] = dpoPairs(pairwise({ choice: 'A', strength: 3 })) as [DpoPair];
    expect(parseDpoPairLine(JSON.stringify({ ...pair, chosen: [] }))).toEqual({
      ok: false,
      problems: [{ path: 'chosen', message: 'expected at least 1 item' }],
    });
    expect(parseDpoPairLine('42')).toEqual({
      ok: false,
      problems: [{ path: '', message: 'expected a JSON object' }],
    });
    const [record] = rankingRecords(ranking(['c', ['a', 'd'], 'b'])) as [RankingRecord];
    expect(parseRankingRecordLine(JSON.stringify({ ...record, ranks: [2, 2, 4] }))).toEqual({
      ok: false,
      problems: [
        { path: 'ranks', message: 'expected 4 entries, one per response, got 3' },
        { path: 'ranks.0', message: 'the first rank must be 1' },
        { path: 'ranks.2', message: 'expected 2 or 3' },
      ],
    });
  });
});

describe('preference round trips', () => {
  it('every ranking: the record reads back, and its pairs are exactly the pairs across ranks', () => {
    fc.assert(
      fc.property(rankingScenarios, ({ params, answers }) => {
        for (const answer of answers) {
          const task = ranking([], { params: params as Record<string, unknown>, response: answer });
          const [record] = rankingRecords(task) as [RankingRecord];
          expect(parseRankingRecordLine(jsonLine(record))).toEqual({ ok: true, record });
          const pairs = dpoPairs(task);
          for (const pair of pairs)
            expect(parseDpoPairLine(jsonLine(pair))).toEqual({ ok: true, record: pair });
          // Rebuild the pairs from the record alone: every (i, j) with a better rank.
          const ids = record.metadata.response_ids;
          const expected: string[] = [];
          ids.forEach((chosen, i) => {
            ids.forEach((rejected, j) => {
              if ((record.ranks[i] as number) < (record.ranks[j] as number))
                expected.push(`${chosen}>${rejected}`);
            });
          });
          expect(pairs.map((pair) => `${pair.metadata.chosen_id}>${pair.metadata.rejected_id}`)).toEqual(
            expected,
          );
          // And the record gives back the answer's order.
          const groups: string[][] = [];
          ids.forEach((id, i) => {
            const rank = record.ranks[i] as number;
            groups[rank - 1] = [...(groups[rank - 1] ?? []), id];
          });
          const original = (answer as { ranking: (string | string[])[] }).ranking.map((entry) =>
            typeof entry === 'string' ? [entry] : entry,
          );
          expect(groups).toEqual(original);
        }
      }),
    );
  });

  it('every pairwise answer: one pair unless a tie, and the records read back', () => {
    const answers = fc.oneof(
      fc.record({ choice: fc.constantFrom('A', 'B'), strength: fc.integer({ min: 1, max: 7 }) }),
      fc.constant({ choice: 'tie' }),
    );
    const texts = fc.tuple(
      fc.string(),
      fc.string(),
      fc.string().filter((text) => text.trim() !== ''),
    );
    fc.assert(
      fc.property(answers, texts, (answer, [a, b, prompt]) => {
        const task = pairwise(answer, { params: { prompt, responses: [{ content: a }, { content: b }] } });
        const pairs = dpoPairs(task);
        expect(pairs).toHaveLength(answer.choice === 'tie' ? 0 : 1);
        for (const pair of pairs) {
          expect(parseDpoPairLine(jsonLine(pair))).toEqual({ ok: true, record: pair });
          expect(pair.chosen[0]?.content).toBe(answer.choice === 'A' ? a : b);
        }
        const [record] = rankingRecords(task) as [RankingRecord];
        expect(parseRankingRecordLine(jsonLine(record))).toEqual({ ok: true, record });
      }),
    );
  });
});
