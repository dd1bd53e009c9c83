import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fusePoints, type LabeledPoint, type PointAnswer } from './points.ts';

const point = (x: number, y: number, label = 'eye', confidence?: number): LabeledPoint =>
  confidence === undefined ? { x, y, label } : { x, y, label, confidence };

describe('fusePoints', () => {
  it('ignores points with a non-finite coordinate, still counting their annotators', () => {
    const fused = fusePoints([
      { worker: 'a', points: [{ label: 'eye', x: Number.NaN, y: 1 }] },
      { worker: 'b', points: [{ label: 'eye', x: Number.NaN, y: 1 }] },
      { worker: 'c', points: [{ label: 'eye', x: 5, y: 5 }] },
    ]);
    // One of three annotators placed a usable point: short of the majority of 2.
    expect(fused).toEqual([]);
    expect(
      fusePoints([{ worker: 'a', points: [{ label: 'eye', x: 3, y: Number.POSITIVE_INFINITY }] }]),
    ).toEqual([]);
  });

  it('averages points within the radius, weighted by worker and confidence', () => {
    const [plain] = fusePoints([
      { worker: 'a', points: [point(0, 0)] },
      { worker: 'b', points: [point(2, 0)] },
      { worker: 'c', points: [point(1, 3)] },
    ]);
    expect(plain?.x).toBeCloseTo(1, 12);
    expect(plain?.y).toBeCloseTo(1, 12);
    expect(plain?.meanDistance).toBeCloseTo((2 + Math.hypot(1, 3) * 2) / 3, 12);
    const [weighted] = fusePoints(
      [
        { worker: 'a', points: [point(0, 0, 'eye', 0.5)] },
        { worker: 'b', points: [point(4, 0)] },
      ],
      { weights: { b: 3 } },
    );
    // weights 0.5 and 3: x = 3·4 / 3.5.
    expect(weighted?.x).toBeCloseTo(12 / 3.5, 12);
    expect(weighted?.confidence).toBeCloseTo(0.75, 12);
  });

  it('leaves a point beyond the radius alone, and drops it below minVotes', () => {
    const answers: PointAnswer[] = [
      { worker: 'a', points: [point(0, 0)] },
      { worker: 'b', points: [point(15, 0)] },
      { worker: 'c', points: [point(1, 0), point(0, 0, 'nose')] },
    ];
    expect(fusePoints(answers).map((result) => [result.x, result.votes])).toEqual([[0.5, 2]]);
    expect(
      fusePoints(answers, { minVotes: 1 }).map((result) => [result.label, result.x, result.votes]),
    ).toEqual([
      ['eye', 0.5, 2],
      ['eye', 15, 1],
      ['nose', 0, 1],
    ]);
    expect(fusePoints(answers, { radius: 20 }).map((result) => result.votes)).toEqual([3]);
    expect(() => fusePoints(answers, { radius: -1 })).toThrow(RangeError);
  });

  it('does not depend on the order of the annotators and fuses identical answers to themselves', () => {
    const arbitrary = fc
      .record({
        x: fc.integer({ min: 0, max: 30 }),
        y: fc.integer({ min: 0, max: 30 }),
        label: fc.constantFrom('eye', 'nose'),
      })
      .map(({ x, y, label }) => point(x, y, label));
    fc.assert(
      fc.property(
        fc.array(fc.array(arbitrary, { maxLength: 4 }), { minLength: 1, maxLength: 4 }),
        (lists) => {
          const answers = lists.map((points, i) => ({ worker: `w${i}`, points }));
          const reversed = [...answers]
            .reverse()
            .map(({ worker, points }) => ({ worker, points: [...points].reverse() }));
          expect(fusePoints(reversed, { minVotes: 1 })).toEqual(fusePoints(answers, { minVotes: 1 }));

          const same = lists[0] ?? [];
          const identical = fusePoints(lists.map((_, i) => ({ worker: `w${i}`, points: same })));
          const key = (p: LabeledPoint) => `${p.label}:${p.x},${p.y}`;
          expect(identical.map(key).sort()).toEqual(same.map(key).sort());
        },
      ),
    );
  });
});
