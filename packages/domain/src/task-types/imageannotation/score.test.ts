import { describe, expect, it } from 'vitest';
import { assertScoreProperties } from '../../testing/score-harness.ts';
import { mustParse } from '../../testing/task-type-harness.ts';
import { scenarios } from './arbitraries.ts';
import { boxCorners, shapeOverlap } from './consensus.ts';
import { imageannotationTaskType as type } from './index.ts';
import type { ImageAnnotation } from './response.ts';

const params = mustParse(type, {
  attachment: 'https://example.com/street.jpg',
  geometries: {
    box: { objects_to_annotate: ['car', 'truck'], can_rotate: true },
    polygon: { objects_to_annotate: ['road'] },
    point: { objects_to_annotate: ['hand'] },
  },
  annotation_attributes: {
    moving: { choices: ['yes', 'no'], required: false },
    color: { choices: ['red', 'blue'], required: false },
    owner: { type: 'linked', required: false },
  },
});
const box = (label: string, left: number, top: number, width = 10, height = 10, extra = {}) =>
  ({ type: 'box', label, left, top, width, height, ...extra }) as ImageAnnotation;
const of = (...annotations: ImageAnnotation[]) => ({ annotations });

describe('imageannotation score', () => {
  it('is 1 for the same shapes and 0 for shapes that do not match', () => {
    const answer = of(box('car', 0, 0), box('truck', 50, 50));
    expect(type.score(params, answer, answer)).toBe(1);
    expect(type.score(params, of(box('car', 100, 100)), of(box('car', 0, 0)))).toBe(0);
    // Same place, another label.
    expect(type.score(params, of(box('truck', 0, 0)), of(box('car', 0, 0)))).toBe(0);
    expect(type.score(params, of(), of())).toBe(1);
    expect(type.score(params, of(), of(box('car', 0, 0)))).toBe(0);
  });

  it('sums the IoU of matched shapes over the larger count, so misses and extras both cost', () => {
    // Shifted by 2: IoU 80/120 = 2/3. Shifted by 5: IoU 50/150 = 1/3 < 0.5, no match.
    expect(type.score(params, of(box('car', 2, 0)), of(box('car', 0, 0)))).toBeCloseTo(2 / 3, 12);
    expect(type.score(params, of(box('car', 5, 0)), of(box('car', 0, 0)))).toBe(0);
    // An extra box: (2/3 + 0) / 2; the same when the reference has the extra one.
    const extra = of(box('car', 2, 0), box('car', 200, 200));
    expect(type.score(params, extra, of(box('car', 0, 0)))).toBeCloseTo(1 / 3, 12);
    expect(type.score(params, of(box('car', 0, 0)), extra)).toBeCloseTo(1 / 3, 12);
  });

  it('matches optimally, not greedily', () => {
    // Along x (all 10 high): reference [8, 14] and [4, 13], answer [0, 15] and [5, 15]. IoUs: answer 1 with
    // reference 2 9/15, answer 2 with reference 1 6/10 and with reference 2 8/11; answer 1 with reference 1
    // 6/15 is below 0.5. Greedy takes the best pair (8/11) and strands answer 1: 8/11 / 2 ≈ 0.36. The optimal
    // matching takes the other two: (0.6 + 0.6) / 2.
    const reference = of(box('car', 8, 0, 6), box('car', 4, 0, 9));
    const answer = of(box('car', 0, 0, 15), box('car', 5, 0, 10));
    expect(type.score(params, answer, reference)).toBeCloseTo(0.6, 12);
  });

  it('uses the true IoU of rotated boxes and polygons, not their bounding boxes', () => {
    const corners = boxCorners({
      type: 'box',
      label: 'car',
      left: 0,
      top: 0,
      width: 10,
      height: 10,
      rotation: Math.PI / 4,
    });
    const rotated = box('car', 0, 0, 10, 10, { rotation: Math.PI / 4, vertices: corners });
    // A square and the same square turned 45°: their overlap is an octagon of (2√2 − 2)·100, the union
    // (4 − 2√2)·100, so IoU = 1/√2 (the bounding boxes would give 100/200).
    expect(shapeOverlap(rotated, box('car', 0, 0))).toBeCloseTo(Math.SQRT1_2, 9);
    expect(type.score(params, of(rotated), of(box('car', 0, 0)))).toBeCloseTo(Math.SQRT1_2, 9);
    const square = [
      { x: 0, y: 0 },
      { x: 10, y: 0 },
      { x: 10, y: 10 },
      { x: 0, y: 10 },
    ];
    const triangle = [
      { x: 0, y: 0 },
      { x: 10, y: 0 },
      { x: 0, y: 10 },
    ];
    // Half the square (the bounding boxes would be identical, IoU 1).
    expect(
      type.score(
        params,
        of({ type: 'polygon', label: 'road', vertices: triangle }),
        of({ type: 'polygon', label: 'road', vertices: square }),
      ),
    ).toBeCloseTo(1 / 2, 12);
  });

  it('scores points by distance', () => {
    // 5 px apart: 1 − 5/20.
    expect(
      type.score(
        params,
        of({ type: 'point', label: 'hand', x: 3, y: 4 }),
        of({ type: 'point', label: 'hand', x: 0, y: 0 }),
      ),
    ).toBeCloseTo(3 / 4, 12);
  });

  it('multiplies by the agreement of the attributes, following links through the matching', () => {
    const reference = of(
      box('car', 0, 0, 10, 10, { uuid: 'r1', attributes: { moving: 'yes', color: 'red' } }),
      box('truck', 50, 50, 10, 10, { uuid: 'r2', attributes: { owner: 'r1' } }),
    );
    const answer = of(
      box('car', 0, 0, 10, 10, { uuid: 'a1', attributes: { moving: 'yes', color: 'blue' } }),
      box('truck', 50, 50, 10, 10, { uuid: 'a2', attributes: { owner: 'a1' } }),
    );
    // Car: IoU 1 × (moving 1 + color 0) / 2; truck: its owner a1 is matched to r1 → 1. (1/2 + 1) / 2.
    expect(type.score(params, answer, reference)).toBe(3 / 4);
  });

  it('scores an answer 1 against itself, in [0, 1], symmetrically', () => {
    assertScoreProperties(type, scenarios, { numRuns: 300 });
  });
});
