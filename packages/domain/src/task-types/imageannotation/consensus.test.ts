import { describe, expect, it } from 'vitest';
import { assertConsensusProperties } from '../../testing/consensus-harness.ts';
import { assertWeightedConsensusProperties } from '../../testing/score-harness.ts';
import { mustParse, responseIssues } from '../../testing/task-type-harness.ts';
import { scenarios } from './arbitraries.ts';
import { annotationBounds, annotationsF1, shapeSimilarity } from './consensus.ts';
import { imageannotationTaskType as type } from './index.ts';

const params = mustParse(type, {
  attachment: 'https://example.com/street.jpg',
  geometries: {
    box: { objects_to_annotate: ['car', 'truck'], integer_pixels: true },
    point: { objects_to_annotate: ['hand'] },
  },
  annotation_attributes: {
    moving: { choices: ['yes', 'no'] },
    night: { choices: ['yes', 'no'], global: true },
  },
  links: { near: {} },
});
const box = (
  uuid: string,
  label: string,
  left: number,
  top: number,
  width: number,
  height: number,
  moving = 'no',
) => ({ uuid, type: 'box', label, left, top, width, height, attributes: { moving } }) as const;

describe('imageannotation consensus', () => {
  it('returns a unanimous answer with agreement 1', () => {
    const answer = {
      annotations: [
        box('c1', 'car', 10, 10, 40, 20),
        { uuid: 'h', type: 'point' as const, label: 'hand', x: 3, y: 4, attributes: { moving: 'yes' } },
      ],
      global_attributes: { night: 'no' },
      links: [{ label: 'near', from: 'h', to: 'c1' }],
    };
    const result = type.consensus(params, [answer, answer, answer]);
    expect(result).toEqual({ response: answer, agreement: 1 });
  });

  it('keeps objects drawn by a majority, fusing boxes by median coordinates (over all members) and voting labels', () => {
    const result = type.consensus(params, [
      {
        annotations: [box('a1', 'car', 10, 10, 40, 20, 'yes'), box('a2', 'car', 200, 200, 10, 10)],
        global_attributes: { night: 'yes' },
      },
      { annotations: [box('b1', 'truck', 12, 9, 42, 20)], global_attributes: { night: 'no' } },
      { annotations: [box('c1', 'car', 11, 11, 38, 22, 'yes')], global_attributes: { night: 'no' } },
    ]);
    expect(result.response).toEqual({
      annotations: [
        {
          uuid: 'a1',
          type: 'box',
          label: 'car',
          left: 11,
          top: 10,
          width: 40,
          height: 20,
          attributes: { moving: 'yes' },
        },
      ],
      global_attributes: { night: 'no' },
    });
    // F1 per pair: a/b 0 (labels differ), a/c 2/3, b/c 0.
    expect(result.agreement).toBeCloseTo(2 / 9);
  });

  it('remaps links to the merged objects and keeps those most answers drew', () => {
    const point = (uuid: string, x: number) =>
      ({ uuid, type: 'point', label: 'hand', x, y: 0, attributes: { moving: 'no' } }) as const;
    const result = type.consensus(params, [
      {
        annotations: [box('a', 'car', 0, 0, 10, 10), point('p', 0)],
        links: [{ label: 'near', from: 'p', to: 'a' }],
      },
      {
        annotations: [box('b', 'car', 0, 0, 10, 10), point('q', 2)],
        links: [{ label: 'near', from: 'q', to: 'b' }],
      },
      { annotations: [box('c', 'car', 1, 0, 10, 10), point('r', 40)], links: [] },
    ]);
    expect(result.response.annotations.map((a) => a.uuid)).toEqual(['a', 'p']);
    expect(result.response.links).toEqual([{ label: 'near', from: 'p', to: 'a' }]);
  });

  it('falls back to a member as drawn when the merged attributes do not fit the merged box', () => {
    const withWheel = mustParse(type, {
      attachment: 'a',
      geometries: { box: { objects_to_annotate: ['car'] } },
      annotation_attributes: { wheel: { type: 'x_offset', required: true } },
    });
    const car = (width: number, wheel: number) => ({
      annotations: [
        { type: 'box' as const, label: 'car', left: 0, top: 0, width, height: 20, attributes: { wheel } },
      ],
    });
    // Median width 21, but the winning wheel offset (35, earliest of a 2–2 tie) lies beyond it.
    const answers = [car(40, 35), car(38, 35), car(20, 10), car(21, 10)];
    const { response } = type.consensus(withWheel, answers);
    expect(responseIssues(type, withWheel, response)).toEqual([]);
    expect(answers.flatMap((answer) => answer.annotations)).toContainEqual(response.annotations[0]);
  });

  it('breaks ties in favour of the earliest answer', () => {
    const a = { annotations: [box('a', 'car', 0, 0, 10, 10)] };
    const b = { annotations: [box('b', 'truck', 0, 0, 10, 10)] };
    expect(type.consensus(params, [a, b]).response.annotations[0]?.label).toBe('car');
    expect(type.consensus(params, [b, a]).response.annotations[0]?.label).toBe('truck');
  });

  it('throws on no answers', () => {
    expect(() => type.consensus(params, [])).toThrow(/at least one answer/);
  });
});

describe('shape matching', () => {
  it('bounds a box rotated by `rotation` (no vertices) by its corners', () => {
    // A 20 × 10 box centred on (20, 10), turned a quarter: 10 wide and 20 high about the same centre.
    const bounds = annotationBounds({
      type: 'box',
      label: 'car',
      left: 10,
      top: 5,
      width: 20,
      height: 10,
      rotation: Math.PI / 2,
    } as never);
    expect(bounds.minX).toBeCloseTo(15, 9);
    expect(bounds.maxX).toBeCloseTo(25, 9);
    expect(bounds.minY).toBeCloseTo(0, 9);
    expect(bounds.maxY).toBeCloseTo(20, 9);
  });

  it('compares boxes by IoU, points by distance, and never across kinds', () => {
    const a = box('a', 'car', 0, 0, 10, 10);
    expect(shapeSimilarity(a, box('b', 'car', 5, 0, 10, 10))).toBeCloseTo(50 / 150);
    expect(shapeSimilarity(a, { type: 'point', label: 'car', x: 0, y: 0 })).toBe(0);
    const p = { type: 'point', label: 'hand', x: 0, y: 0 } as const;
    expect(shapeSimilarity(p, { ...p, x: 10 })).toBeCloseTo(0.5);
    expect(shapeSimilarity(p, { ...p, x: 30 })).toBe(0);
  });

  it('scores F1 of same-label matches, 1 for two empty answers', () => {
    expect(annotationsF1({ annotations: [] }, { annotations: [] })).toBe(1);
    const a = box('a', 'car', 0, 0, 10, 10);
    expect(annotationsF1({ annotations: [a] }, { annotations: [] })).toBe(0);
    expect(
      annotationsF1({ annotations: [a, box('x', 'car', 50, 50, 5, 5)] }, { annotations: [a] }),
    ).toBeCloseTo(2 / 3);
  });
});

describe('imageannotation consensus properties', () => {
  it('is valid, bounded, order-independent in agreement, and returns unanimous answers', () => {
    assertConsensusProperties(type, scenarios, 400);
  });
});

describe('weighted imageannotation consensus', () => {
  it('weighs objects, labels, coordinates and uuids, so one reliable annotator outvotes two others', () => {
    const night = { night: 'no' };
    const answers = [
      {
        annotations: [box('a', 'car', 0, 0, 40, 20), box('a2', 'car', 200, 200, 10, 10)],
        global_attributes: night,
      },
      {
        annotations: [box('b', 'car', 2, 0, 40, 20), box('b2', 'car', 200, 200, 10, 10)],
        global_attributes: night,
      },
      { annotations: [box('c', 'truck', 4, 2, 40, 20, 'yes')], global_attributes: night },
    ];
    // Unweighted: both objects have 2 or 3 of 3 answers; car wins 2–1; lower medians left 2, top 0.
    expect(type.consensus(params, answers).response.annotations).toEqual([
      { ...box('a', 'car', 2, 0, 40, 20), attributes: { moving: 'no' } },
      box('a2', 'car', 200, 200, 10, 10),
    ]);
    // Weights 0.3, 0.3, 1 (total 1.6, half 0.8): the small box has 0.6 and goes; truck 1 beats car 0.6;
    // weighted lower median of left 0 (0.3), 2 (0.3), 4 (1) is 4 and of top 0, 0, 2 is 2; uuid c (1).
    expect(type.consensus(params, answers, [0.3, 0.3, 1]).response.annotations).toEqual([
      box('c', 'truck', 4, 2, 40, 20, 'yes'),
    ]);
  });

  it('fuses points by their weighted mean and polygons by the weighted medoid outline', () => {
    const shapes = mustParse(type, {
      attachment: 'a',
      geometries: { point: { objects_to_annotate: ['eye'] }, polygon: { objects_to_annotate: ['roof'] } },
    });
    const square = (x: number) => [
      { x, y: 0 },
      { x: x + 10, y: 0 },
      { x: x + 10, y: 10 },
      { x, y: 10 },
    ];
    const answer = (x: number, shift: number) => ({
      annotations: [
        { type: 'point' as const, label: 'eye', x, y: 0 },
        { type: 'polygon' as const, label: 'roof', vertices: square(shift) },
      ],
    });
    const answers = [answer(0, 0), answer(2, 1), answer(8, 3)];
    // Unweighted: mean x (0 + 2 + 8) / 3. Polygon IoU of squares shifted by s is (10 − s) / (10 + s): shifts
    // 0–1 9/11, 0–3 7/13, 1–3 8/12 (shift 3 joins: mean IoU 0.60 ≥ 0.5). Medoid sums: shift 0 ≈ 1.36,
    // shift 1 ≈ 1.48, shift 3 ≈ 1.21, so the middle square is the outline.
    const plain = type.consensus(shapes, answers).response.annotations;
    expect(plain[0]).toMatchObject({ type: 'point', x: expect.closeTo(10 / 3, 12), y: 0 });
    expect(plain[1]).toMatchObject({ type: 'polygon', vertices: square(1) });
    // Weights 1, 1, 4: mean x (0 + 2 + 32) / 6. Weighted medoid, self included: shift 0 1 + 9/11 + 4·7/13
    // ≈ 3.97, shift 1 9/11 + 1 + 4·8/12 ≈ 4.48, shift 3 7/13 + 8/12 + 4 ≈ 5.21.
    const weighted = type.consensus(shapes, answers, [1, 1, 4]).response.annotations;
    expect(weighted[0]).toMatchObject({ type: 'point', x: expect.closeTo(34 / 6, 12), y: 0 });
    expect(weighted[1]).toMatchObject({ type: 'polygon', vertices: square(3) });
  });

  it('has the weighted-consensus properties', () => {
    assertWeightedConsensusProperties(type, scenarios, 400);
  });
});
