import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assertConsensusProperties, permute, validAnswers } from '../../testing/consensus-harness.ts';
import { assertWeightedConsensusProperties } from '../../testing/score-harness.ts';
import { mustParse } from '../../testing/task-type-harness.ts';
import { scenarios } from './arbitraries.ts';
import { bordaScores, rankingSimilarity } from './consensus.ts';
import { rankingTaskType as type } from './index.ts';

const responses = ['a', 'b', 'c', 'd'].map((id) => ({ id, content: id }));
const params = mustParse(type, { prompt: 'p', responses });
const withTies = mustParse(type, { prompt: 'p', responses, allow_ties: true });

describe('ranking consensus', () => {
  it('returns a unanimous answer with agreement 1', () => {
    const answer = { ranking: ['c', 'a', 'd', 'b'] };
    expect(type.consensus(params, [answer, answer])).toEqual({ response: answer, agreement: 1 });
    const tied = { ranking: [['b', 'a'], 'd', 'c'] };
    expect(type.consensus(withTies, [tied, tied])).toEqual({ response: tied, agreement: 1 });
  });

  it('orders by Borda count', () => {
    const result = type.consensus(params, [
      { ranking: ['a', 'b', 'c', 'd'] },
      { ranking: ['b', 'a', 'c', 'd'] },
      { ranking: ['b', 'c', 'a', 'd'] },
    ]);
    // Borda: a 3+2+1 = 6, b 2+3+3 = 8, c 1+1+2 = 4, d 0.
    expect(result.response.ranking).toEqual(['b', 'a', 'c', 'd']);
    // Pairs ordered alike out of 6: (1,2) 5, (1,3) 4, (2,3) 5.
    expect(result.agreement).toBeCloseTo(14 / 18);
  });

  it('breaks equal scores by the earliest answer, or ties them when allowed', () => {
    const forward = { ranking: ['a', 'b', 'c', 'd'] };
    const backward = { ranking: ['d', 'c', 'b', 'a'] };
    expect(type.consensus(params, [forward, backward]).response.ranking).toEqual(['a', 'b', 'c', 'd']);
    expect(type.consensus(params, [backward, forward]).response.ranking).toEqual(['d', 'c', 'b', 'a']);
    expect(type.consensus(params, [forward, backward]).agreement).toBe(0);
    expect(type.consensus(withTies, [forward, backward]).response.ranking).toEqual([['a', 'b', 'c', 'd']]);
  });

  it('maps Kendall tau to [0, 1], counting shared ties as agreement', () => {
    const ids = ['a', 'b', 'c'];
    expect(rankingSimilarity(ids, { ranking: ['a', 'b', 'c'] }, { ranking: ['a', 'c', 'b'] })).toBeCloseTo(
      2 / 3,
    );
    expect(rankingSimilarity(ids, { ranking: [['a', 'b'], 'c'] }, { ranking: [['b', 'a'], 'c'] })).toBe(1);
    expect(rankingSimilarity(ids, { ranking: [['a', 'b'], 'c'] }, { ranking: ['a', 'b', 'c'] })).toBeCloseTo(
      2 / 3,
    );
  });

  it('shows its responses in a random order', () => {
    expect(type.displayItems?.(params)).toBe(4);
  });

  it('throws on no answers', () => {
    expect(() => type.consensus(params, [])).toThrow(/at least one answer/);
  });
});

describe('ranking consensus properties', () => {
  it('is valid, bounded, order-independent in agreement, and returns unanimous answers', () => {
    assertConsensusProperties(type, scenarios, 300);
  });

  it('orders by Borda score, so reordering the answers changes nothing when all scores differ', () => {
    fc.assert(
      fc.property(
        scenarios,
        fc.array(fc.nat(), { minLength: 8, maxLength: 8 }),
        ({ params: p, answers }, keys) => {
          const valid = validAnswers(type, p, answers);
          fc.pre(valid.length > 0);
          const scores = bordaScores(
            p.responses.map((r) => r.id),
            valid,
          );
          const flat = type.consensus(p, valid).response.ranking.flat();
          for (let i = 1; i < flat.length; i += 1) {
            expect(scores.get(flat[i - 1] as string)).toBeGreaterThanOrEqual(
              scores.get(flat[i] as string) ?? 0,
            );
          }
          fc.pre(new Set(scores.values()).size === scores.size);
          expect(type.consensus(p, permute(valid, keys)).response.ranking).toEqual(
            type.consensus(p, valid).response.ranking,
          );
        },
      ),
    );
  });
});

describe('weighted ranking consensus', () => {
  it('counts Borda points by weight, so one reliable annotator outweighs two unreliable ones', () => {
    const answers = [
      { ranking: ['a', 'b', 'c', 'd'] },
      { ranking: ['a', 'b', 'c', 'd'] },
      { ranking: ['d', 'c', 'b', 'a'] },
    ];
    expect(type.consensus(params, answers).response.ranking).toEqual(['a', 'b', 'c', 'd']);
    // Weighted Borda: a 0.3·3·2 = 1.8, b 0.3·2·2 + 1 = 2.2, c 0.3·2 + 2 = 2.6, d 3.
    const result = type.consensus(params, answers, [0.3, 0.3, 1]);
    expect(result.response.ranking).toEqual(['d', 'c', 'b', 'a']);
    expect(bordaScores(['a', 'b', 'c', 'd'], answers, [0.3, 0.3, 1]).get('b')).toBe(2.2);
  });

  it('breaks equal weighted scores by the earliest answer that counts', () => {
    const forward = { ranking: ['a', 'b', 'c', 'd'] };
    const backward = { ranking: ['d', 'c', 'b', 'a'] };
    // Weights 0, 1, 1: backward and forward cancel, every id scores 3; the first answer that counts leads.
    expect(type.consensus(params, [forward, backward, forward], [0, 1, 1]).response.ranking).toEqual([
      'd',
      'c',
      'b',
      'a',
    ]);
  });

  it('has the weighted-consensus properties', () => {
    assertWeightedConsensusProperties(type, scenarios, 300);
  });
});
