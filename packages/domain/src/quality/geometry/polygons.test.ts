import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Point } from '../../shared/geometry.ts';
import { fusePolygons, type LabeledPolygon, type PolygonAnswer } from './polygons.ts';

function square(
  left: number,
  top: number,
  size: number,
  label = 'roof',
  confidence?: number,
): LabeledPolygon {
  const vertices: Point[] = [
    { x: left, y: top },
    { x: left + size, y: top },
    { x: left + size, y: top + size },
    { x: left, y: top + size },
  ];
  return confidence === undefined ? { vertices, label } : { vertices, label, confidence };
}

describe('fusePolygons', () => {
  it('takes the medoid of each matched group', () => {
    // IoU(a, b) = IoU(b, c) = 8/12; IoU(a, c) = 6/14: b, in the middle, has the largest summed IoU.
    const fused = fusePolygons([
      { worker: 'a', polygons: [square(0, 0, 10)] },
      { worker: 'b', polygons: [square(2, 0, 10)] },
      { worker: 'c', polygons: [square(4, 0, 10)] },
    ]);
    expect(fused).toHaveLength(1);
    expect(fused[0]).toMatchObject({ vertices: square(2, 0, 10).vertices, medoidWorker: 'b', votes: 3 });
    expect(fused[0]?.meanIou).toBeCloseTo((8 / 12 + 8 / 12 + 6 / 14) / 3, 12);
  });

  it('lets weight and confidence move the medoid', () => {
    // a's summed weighted IoU: 5·1 + 8/12 + 6/14 > b's: 5·8/12 + 1 + 8/12.
    const answers: PolygonAnswer[] = [
      { worker: 'a', polygons: [square(0, 0, 10)] },
      { worker: 'b', polygons: [square(2, 0, 10)] },
      { worker: 'c', polygons: [square(4, 0, 10)] },
    ];
    expect(fusePolygons(answers, { weights: { a: 5 } })[0]?.medoidWorker).toBe('a');
    const confident = answers.map(({ worker, polygons }) => ({
      worker,
      polygons: polygons.map((polygon) => ({ ...polygon, confidence: worker === 'c' ? 1 : 0.1 })),
    }));
    expect(fusePolygons(confident)[0]?.medoidWorker).toBe('c');
  });

  it('drops a polygon one of three drew at minVotes 2, keeps it at 1, and never mixes labels', () => {
    const answers: PolygonAnswer[] = [
      { worker: 'w1', polygons: [square(0, 0, 10), square(0, 0, 10, 'tree')] },
      { worker: 'w2', polygons: [square(1, 1, 10), square(40, 40, 5)] },
      { worker: 'w3', polygons: [square(0, 1, 10)] },
    ];
    expect(fusePolygons(answers, { minVotes: 2 }).map((result) => [result.label, result.votes])).toEqual([
      ['roof', 3],
    ]);
    expect(fusePolygons(answers, { minVotes: 1 }).map((result) => [result.label, result.votes])).toEqual([
      ['roof', 3],
      ['roof', 1],
      ['tree', 1],
    ]);
  });

  it('does not depend on the order of the annotators and fuses identical answers to themselves', () => {
    const polygon = fc
      .record({
        left: fc.integer({ min: 0, max: 5 }),
        top: fc.integer({ min: 0, max: 5 }),
        size: fc.integer({ min: 2, max: 6 }),
      })
      .map(({ left, top, size }) => square(left * 2, top * 2, size * 2));
    fc.assert(
      fc.property(fc.array(fc.array(polygon, { maxLength: 3 }), { minLength: 1, maxLength: 4 }), (lists) => {
        const answers = lists.map((polygons, i) => ({ worker: `w${i}`, polygons }));
        const reversed = [...answers]
          .reverse()
          .map(({ worker, polygons }) => ({ worker, polygons: [...polygons].reverse() }));
        expect(fusePolygons(reversed, { minVotes: 1 })).toEqual(fusePolygons(answers, { minVotes: 1 }));

        const same = (lists[0] ?? []).slice();
        const identical = fusePolygons(lists.map((_, i) => ({ worker: `w${i}`, polygons: same })));
        const key = (vertices: readonly Point[]) => JSON.stringify(vertices);
        expect(identical.map((result) => key(result.vertices)).sort()).toEqual(
          same.map((p) => key(p.vertices)).sort(),
        );
        for (const result of identical) expect(result.votes).toBe(lists.length);
      }),
    );
  });
});
