import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../random.ts';
import { bradleyTerry, type Comparison, noisyBradleyTerry } from './bradley-terry.ts';

/** `count` comparisons in which `winner` beat `loser`. */
function games(winner: string, loser: string, count: number, worker = 'w'): Comparison[] {
  return Array.from({ length: count }, () => ({ worker, left: winner, right: loser, winner }));
}

/** Seeded synthetic judgements of items with known log-strengths, from the Bradley-Terry model. */
function synthetic(logStrength: readonly number[], count: number, seed: number): Comparison[] {
  const next = mulberry32(seed);
  const comparisons: Comparison[] = [];
  for (let c = 0; c < count; c += 1) {
    const i = Math.floor(next() * logStrength.length);
    let j = Math.floor(next() * (logStrength.length - 1));
    if (j >= i) j += 1;
    const leftWins = next() < 1 / (1 + Math.exp((logStrength[j] as number) - (logStrength[i] as number)));
    comparisons.push({
      worker: `w${c % 5}`,
      left: `i${i}`,
      right: `i${j}`,
      winner: leftWins ? `i${i}` : `i${j}`,
    });
  }
  return comparisons;
}

function centeredLogs(values: readonly number[]): number[] {
  const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
  return values.map((value) => value - mean);
}

describe('bradleyTerry', () => {
  it('finds the maximum-likelihood strengths of a small tournament', () => {
    // a–b 2:1, b–c 2:1, a–c 4:1. Strengths 4:2:1 satisfy every score equation W_i = Σ_j n_ij p_i/(p_i+p_j):
    // a: 3·4/6 + 5·4/5 = 6 = 2 + 4; b: 3·2/6 + 3·2/3 = 3 = 1 + 2; c: 3·1/3 + 5·1/5 = 2 = 1 + 1.
    // Normalized to geometric mean 1 (which is 2): 2, 1, 0.5.
    const comparisons = [
      ...games('a', 'b', 2),
      ...games('b', 'a', 1),
      ...games('b', 'c', 2),
      ...games('c', 'b', 1),
      ...games('a', 'c', 4),
      ...games('c', 'a', 1),
    ];
    const { scores, converged } = bradleyTerry(comparisons, { prior: 1e-9, tolerance: 1e-12 });
    expect(converged).toBe(true);
    expect(scores.a).toBeCloseTo(2, 6);
    expect(scores.b).toBeCloseTo(1, 6);
    expect(scores.c).toBeCloseTo(0.5, 6);
  });

  it('applies the prior as one virtual tie against a reference of strength 1', () => {
    // a beat b once. By symmetry (swap a and b, invert strengths) b = 1/a, and a's score equation with the
    // virtual tie is 1 + 1/2 = a/(a + 1/a) + a/(a + 1), whose root (by bisection) is a = 2.1303954347672795.
    const { scores } = bradleyTerry(games('a', 'b', 1), { tolerance: 1e-13 });
    expect(scores.a).toBeCloseTo(2.1303954347672795, 9);
    expect(scores.b).toBeCloseTo(1 / 2.1303954347672795, 9);
  });

  it('counts a tie as half a win to each side', () => {
    const tie = bradleyTerry([{ worker: 'w', left: 'a', right: 'b', winner: null }]).scores;
    expect(tie.a).toBeCloseTo(1, 12);
    expect(tie.b).toBeCloseTo(1, 12);
    const split = bradleyTerry([...games('a', 'b', 1), ...games('b', 'a', 1)]).scores;
    const ties = bradleyTerry(
      Array.from({ length: 2 }, () => ({ worker: 'w', left: 'a', right: 'b', winner: null })),
    );
    expect(ties.scores.a).toBeCloseTo(split.a as number, 12);
  });

  it('keeps scores finite for items that never win or never lose, and for disconnected groups', () => {
    const { scores } = bradleyTerry([...games('a', 'b', 20), ...games('c', 'd', 20)]);
    for (const value of Object.values(scores)) expect(Number.isFinite(value) && value > 0).toBe(true);
    expect(scores.a).toBeGreaterThan(scores.b as number);
    expect(scores.a).toBeCloseTo(scores.c as number, 9);
    expect(scores.b).toBeCloseTo(scores.d as number, 9);
  });

  it('gives empty input no scores, skips self-comparisons, and rejects a winner outside the pair', () => {
    expect(bradleyTerry([])).toEqual({ scores: {}, iterations: 0, converged: true });
    expect(bradleyTerry([{ worker: 'w', left: 'a', right: 'a', winner: 'a' }]).scores).toEqual({ a: 1 });
    expect(() => bradleyTerry([{ worker: 'w', left: 'a', right: 'b', winner: 'c' }])).toThrow(RangeError);
    expect(() => bradleyTerry([], { prior: 0 })).toThrow(RangeError);
  });

  it('recovers known strengths from seeded synthetic judgements', () => {
    const truth = [-1.5, -0.8, -0.3, 0, 0.2, 0.6, 1.1, 1.7];
    const { scores, converged } = bradleyTerry(synthetic(truth, 8000, 7));
    expect(converged).toBe(true);
    const estimated = centeredLogs(truth.map((_, i) => Math.log(scores[`i${i}`] as number)));
    centeredLogs(truth).forEach((value, i) => {
      expect(Math.abs((estimated[i] as number) - value)).toBeLessThan(0.12);
    });
  });

  it('permutes its scores when the items are relabeled', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ left: fc.nat(4), right: fc.nat(4), outcome: fc.nat(2) }), { maxLength: 30 }),
        fc.shuffledSubarray([0, 1, 2, 3, 4], { minLength: 5, maxLength: 5 }),
        (rows, permutation) => {
          const build = (name: (i: number) => string): Comparison[] =>
            rows.map(({ left, right, outcome }) => ({
              worker: 'w',
              left: name(left),
              right: name(right),
              winner: outcome === 0 ? name(left) : outcome === 1 ? name(right) : null,
            }));
          const original = bradleyTerry(build((i) => `item${i}`)).scores;
          const relabeled = bradleyTerry(build((i) => `other${permutation[i]}`)).scores;
          for (const [item, value] of Object.entries(original)) {
            expect(relabeled[`other${permutation[Number(item.slice(4))]}`]).toBe(value);
          }
        },
      ),
    );
  });

  it('never lowers an item’s score when it gains a win', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ left: fc.nat(4), right: fc.nat(4), leftWins: fc.boolean() }), {
          minLength: 1,
          maxLength: 25,
        }),
        fc.nat(4),
        fc.nat(3),
        (rows, winnerIndex, loserOffset) => {
          const comparisons: Comparison[] = rows.map(({ left, right, leftWins }) => ({
            worker: 'w',
            left: `i${left}`,
            right: `i${right}`,
            winner: leftWins ? `i${left}` : `i${right}`,
          }));
          // Make sure both players of the extra game already appear, so the item set stays the same.
          for (let i = 0; i < 5; i += 1)
            comparisons.push({ worker: 'w', left: `i${i}`, right: `i${i}`, winner: null });
          const winner = `i${winnerIndex}`;
          const loser = `i${(winnerIndex + 1 + loserOffset) % 5}`;
          const options = { tolerance: 1e-13, maxIterations: 200_000 };
          const before = bradleyTerry(comparisons, options).scores[winner] as number;
          const after = bradleyTerry([...comparisons, ...games(winner, loser, 1)], options).scores[
            winner
          ] as number;
          expect(after).toBeGreaterThanOrEqual(before * (1 - 1e-9));
        },
      ),
    );
  });
});

describe('noisyBradleyTerry', () => {
  it('down-weights a contrarian annotator and recovers the order plain Bradley-Terry loses', () => {
    const truth = [-1.2, -0.6, 0, 0.6, 1.2];
    const next = mulberry32(11);
    const comparisons: Comparison[] = [];
    for (let c = 0; c < 3000; c += 1) {
      const i = Math.floor(next() * truth.length);
      let j = Math.floor(next() * (truth.length - 1));
      if (j >= i) j += 1;
      const leftWins = next() < 1 / (1 + Math.exp((truth[j] as number) - (truth[i] as number)));
      // A third of the votes come from one worker who always reports the opposite of the truth.
      const worker = c % 3 === 0 ? 'contrarian' : `honest${c % 3}`;
      const reported = worker === 'contrarian' ? !leftWins : leftWins;
      comparisons.push({ worker, left: `i${i}`, right: `i${j}`, winner: reported ? `i${i}` : `i${j}` });
    }
    const noisy = noisyBradleyTerry(comparisons);
    expect(noisy.converged).toBe(true);
    expect(noisy.workerSkill.contrarian).toBeLessThan(0.2);
    expect(noisy.workerSkill.honest1).toBeGreaterThan(0.8);
    expect(noisy.workerSkill.honest2).toBeGreaterThan(0.8);

    const error = (scores: Record<string, number>) => {
      const estimated = centeredLogs(truth.map((_, i) => Math.log(scores[`i${i}`] as number)));
      return Math.max(...centeredLogs(truth).map((value, i) => Math.abs((estimated[i] as number) - value)));
    };
    const plain = bradleyTerry(comparisons).scores;
    // Plain Bradley-Terry keeps the order but squeezes the strengths toward each other (error ≈ 0.94); the
    // noisy model undoes the contrarian (error ≈ 0.36: it also reads some of the model's own randomness as
    // worker noise, which spreads the strengths).
    const ranked = (scores: Record<string, number>) =>
      Object.keys(scores).sort((a, b) => (scores[a] as number) - (scores[b] as number));
    expect(ranked(noisy.scores)).toEqual(['i0', 'i1', 'i2', 'i3', 'i4']);
    expect(error(plain)).toBeGreaterThan(0.8);
    expect(error(noisy.scores)).toBeLessThan(error(plain) / 2);
  });

  it('agrees with plain Bradley-Terry when every worker is reliable', () => {
    const comparisons = synthetic([-1, 0, 1], 600, 3);
    const noisy = noisyBradleyTerry(comparisons);
    const plain = bradleyTerry(comparisons);
    const order = (scores: Record<string, number>) =>
      Object.keys(scores).sort((a, b) => (scores[a] as number) - (scores[b] as number));
    expect(order(noisy.scores)).toEqual(order(plain.scores));
    for (const skill of Object.values(noisy.workerSkill)) expect(skill).toBeGreaterThan(0.5);
  });

  it('gives a worker with only ties reliability 0.5, and empty input nothing', () => {
    const result = noisyBradleyTerry([
      ...games('a', 'b', 3, 'voter'),
      { worker: 'fence-sitter', left: 'a', right: 'b', winner: null },
    ]);
    expect(result.workerSkill['fence-sitter']).toBe(0.5);
    expect(result.scores.a).toBeGreaterThan(result.scores.b as number);
    expect(noisyBradleyTerry([])).toEqual({ scores: {}, workerSkill: {}, iterations: 0, converged: true });
  });
});
