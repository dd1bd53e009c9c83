import { describe, expect, it } from 'vitest';
import { criteriaRatingsConsensus, criteriaSchema } from '../shared/genai.ts';
import {
  type CriteriaRatings,
  criteriaRatingsScore,
  weightedCriteriaRatingsConsensus,
} from './criteria-ratings.ts';

const criteria = criteriaSchema.parse([
  { key: 'helpful', title: 'Helpful' },
  { key: 'brief', title: 'Brief', required: false, scale: { min: 0, max: 4 } },
]);

describe('weightedCriteriaRatingsConsensus', () => {
  const ratings: CriteriaRatings[] = [
    { helpful: { A: 2, B: 6 }, brief: { A: 1, B: 1 } },
    { helpful: { A: 3, B: 5 } },
    { helpful: { A: 7, B: 1 }, brief: { A: 4, B: 0 } },
  ];

  it('is the unweighted consensus without weights', () => {
    expect(weightedCriteriaRatingsConsensus(criteria, ratings, ['A', 'B'], undefined)).toEqual(
      criteriaRatingsConsensus(criteria, ratings, ['A', 'B']),
    );
  });

  it('takes weighted lower medians and keeps an optional criterion rated by more than half the weight', () => {
    // Weights 0.25, 0.25, 1 (total 1.5): helpful A sorted 2, 3, 7 → cumulative 0.25, 0.5, 1.5 ≥ 0.75 at 7;
    // B sorted 1 (1) → 1. brief rated by 0.25 + 1 = 1.25 > 0.75: A 1 (0.25), 4 (1) → 4; B 0 (1) → 0.
    expect(weightedCriteriaRatingsConsensus(criteria, ratings, ['A', 'B'], [0.25, 0.25, 1])).toEqual({
      helpful: { A: 7, B: 1 },
      brief: { A: 4, B: 0 },
    });
    // brief rated by 1 + 0 of 2 (weights 1, 1, 0): not more than half → dropped.
    expect(weightedCriteriaRatingsConsensus(criteria, ratings, ['A', 'B'], [1, 1, 0])).toEqual({
      helpful: { A: 2, B: 5 },
    });
  });

  it('has no ratings when only answers of weight 0 gave any', () => {
    expect(weightedCriteriaRatingsConsensus(criteria, [undefined, ratings[0]], ['A', 'B'], [1, 0])).toBe(
      undefined,
    );
  });
});

describe('criteriaRatingsScore', () => {
  it('averages 1 − |Δ| / scale width over every rating either gave', () => {
    expect(criteriaRatingsScore(criteria, undefined, undefined)).toBeUndefined();
    const reference = { helpful: { A: 7, B: 1 }, brief: { A: 4, B: 0 } };
    expect(criteriaRatingsScore(criteria, reference, reference)).toBe(1);
    // helpful on 1–7: A off by 3 → 1/2, B off by 6 → 0; brief on 0–4: A off by 1 → 3/4, B 1 → mean 9/16.
    expect(
      criteriaRatingsScore(criteria, { helpful: { A: 4, B: 7 }, brief: { A: 3, B: 0 } }, reference),
    ).toBe(9 / 16);
    // A criterion only one side rated counts 0: helpful 1, 1; brief 0, 0 → 1/2, both ways.
    expect(criteriaRatingsScore(criteria, { helpful: reference.helpful }, reference)).toBe(1 / 2);
    expect(criteriaRatingsScore(criteria, reference, { helpful: reference.helpful })).toBe(1 / 2);
  });
});
