import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Point } from '../shared/geometry.ts';
import { boxCorners } from '../task-types/imageannotation/consensus.ts';
import type { ImageAnnotation } from '../task-types/imageannotation/response.ts';
import { type LabelStudioItem, parseLabelStudio } from './label-studio.ts';

const SIZE = { original_width: 200, original_height: 100 };

/** A one-task export whose only annotation holds `result`. */
const exportOf = (result: unknown[], task: Record<string, unknown> = {}) => [
  { id: 7, data: { image: 's3://bucket/a.jpg' }, annotations: [{ id: 70, result }], ...task },
];

const rectangle = (value: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  id: 'r1',
  type: 'rectanglelabels',
  from_name: 'label',
  to_name: 'image',
  ...SIZE,
  value: { rectanglelabels: ['car'], ...value },
  ...extra,
});

function onlyItem(json: unknown): LabelStudioItem {
  const result = parseLabelStudio(json);
  expect(result.problems).toEqual([]);
  expect(result.items).toHaveLength(1);
  return result.items[0] as LabelStudioItem;
}

function expectPoints(actual: readonly Point[] | undefined, expected: readonly Point[]) {
  expect(actual).toHaveLength(expected.length);
  expected.forEach((point, index) => {
    expect(actual?.[index]?.x).toBeCloseTo(point.x, 9);
    expect(actual?.[index]?.y).toBeCloseTo(point.y, 9);
  });
}

describe('parseLabelStudio: regions', () => {
  it('converts a rectangle from percentages of the original size to pixels', () => {
    // 200 × 100 px: x = 10% of 200 = 20, y = 20% of 100 = 20, width = 25% of 200 = 50, height = 50% of 100 = 50.
    const item = onlyItem(exportOf([rectangle({ x: 10, y: 20, width: 25, height: 50, rotation: 0 })]));
    expect(item.annotations).toEqual([
      { type: 'box', uuid: 'r1', label: 'car', left: 20, top: 20, width: 50, height: 50 },
    ]);
    expect(item).toMatchObject({
      width: 200,
      height: 100,
      key: '7',
      taskId: '7',
      imageUrl: 's3://bucket/a.jpg',
    });
  });

  it('re-centres a rotated rectangle: Label Studio turns about the top-left corner, Groundwork about the centre', () => {
    // Pivot (50% of 200, 50% of 100) = (100, 50); width 20% of 200 = 40, height 20% of 100 = 20; 90° clockwise.
    // Corners: (100, 50) → +40 along (0, 1) → (100, 90) → +20 along (−1, 0) → (80, 90), and (80, 50).
    // Centre (90, 70), so the unrotated box is left 90 − 20 = 70, top 70 − 10 = 60.
    const item = onlyItem(exportOf([rectangle({ x: 50, y: 50, width: 20, height: 20, rotation: 90 })]));
    const box = item.annotations[0] as Extract<ImageAnnotation, { type: 'box' }>;
    expect(box.left).toBeCloseTo(70, 9);
    expect(box.top).toBeCloseTo(60, 9);
    expect(box.width).toBe(40);
    expect(box.height).toBe(20);
    expect(box.rotation).toBeCloseTo(Math.PI / 2, 12);
    expectPoints(box.vertices, [
      { x: 100, y: 50 },
      { x: 100, y: 90 },
      { x: 80, y: 90 },
      { x: 80, y: 50 },
    ]);
  });

  it('converts polygons, keypoints and ellipses', () => {
    const item = onlyItem(
      exportOf([
        {
          id: 'p',
          type: 'polygonlabels',
          ...SIZE,
          value: {
            points: [
              [10, 10],
              [50, 10],
              [50, 50],
            ],
            polygonlabels: ['road'],
          },
        },
        {
          id: 'k',
          type: 'keypointlabels',
          ...SIZE,
          value: { x: 25, y: 75, width: 0.5, keypointlabels: ['hand'] },
        },
        // Centre (100, 50), radii 10% of 200 = 20 and 20% of 100 = 20, turned 90° clockwise.
        {
          id: 'e',
          type: 'ellipselabels',
          ...SIZE,
          value: { x: 50, y: 50, radiusX: 10, radiusY: 20, rotation: 90, ellipselabels: ['wheel'] },
        },
      ]),
    );
    const [polygon, point, ellipse] = item.annotations;
    expect(polygon).toEqual({
      type: 'polygon',
      uuid: 'p',
      label: 'road',
      vertices: [
        { x: 20, y: 10 },
        { x: 100, y: 10 },
        { x: 100, y: 50 },
      ],
    });
    expect(point).toEqual({ type: 'point', uuid: 'k', label: 'hand', x: 50, y: 75 });
    // Top/right/bottom/left before turning: (100, 30), (120, 50), (100, 70), (80, 50); a quarter turn clockwise
    // moves the top end to the right, the right end to the bottom, and so on.
    expect(ellipse?.type).toBe('ellipse');
    expectPoints((ellipse as Extract<ImageAnnotation, { type: 'ellipse' }>).vertices, [
      { x: 120, y: 50 },
      { x: 100, y: 70 },
      { x: 80, y: 50 },
      { x: 100, y: 30 },
    ]);
  });

  it('reads an unrotated ellipse without turning it', () => {
    const item = onlyItem(
      exportOf([
        {
          type: 'ellipselabels',
          ...SIZE,
          value: { x: 50, y: 50, radiusX: 10, radiusY: 20, ellipselabels: ['w'] },
        },
      ]),
    );
    expect(item.annotations[0]).toEqual({
      type: 'ellipse',
      label: 'w',
      vertices: [
        { x: 100, y: 30 },
        { x: 120, y: 50 },
        { x: 100, y: 70 },
        { x: 80, y: 50 },
      ],
    });
  });

  it('reads generic "labels" results by the shape in their value, and labels given in a separate result', () => {
    const item = onlyItem(
      exportOf([
        { id: 'a', type: 'labels', ...SIZE, value: { x: 10, y: 10, width: 10, height: 10, labels: ['car'] } },
        { id: 'b', type: 'rectangle', ...SIZE, value: { x: 0, y: 0, width: 50, height: 50 } },
        { id: 'b', type: 'labels', value: { labels: ['bus'] } },
      ]),
    );
    expect(item.annotations).toEqual([
      { type: 'box', uuid: 'a', label: 'car', left: 20, top: 10, width: 20, height: 10 },
      { type: 'box', uuid: 'b', label: 'bus', left: 0, top: 0, width: 100, height: 50 },
    ]);
  });

  it('uses sizeOf when results carry no original size, and the file’s size when both exist', () => {
    const json = exportOf([
      { id: 'a', type: 'keypointlabels', value: { x: 50, y: 50, keypointlabels: ['hand'] } },
      { id: 'b', type: 'keypointlabels', ...SIZE, value: { x: 50, y: 50, keypointlabels: ['hand'] } },
    ]);
    const withSize = parseLabelStudio(json, {
      sizeOf: (task) => (task.key === '7' ? { width: 10, height: 4 } : undefined),
    });
    expect(withSize.problems).toEqual([]);
    expect(withSize.items[0]?.annotations).toEqual([
      { type: 'point', uuid: 'a', label: 'hand', x: 5, y: 2 },
      { type: 'point', uuid: 'b', label: 'hand', x: 100, y: 50 },
    ]);
    const without = parseLabelStudio(json);
    expect(without.items[0]?.annotations).toHaveLength(1);
    expect(without.problems).toEqual([
      {
        path: '0.annotations.0.result.0',
        message: 'needs original_width and original_height (the image size in px) to convert its percentages',
      },
    ]);
  });
});

describe('parseLabelStudio: classifications, attributes and relations', () => {
  it('reads choices not tied to a region as the item’s categories, each once', () => {
    const item = onlyItem(
      exportOf([
        { id: 'c1', type: 'choices', from_name: 'kind', value: { choices: ['cat', 'indoor'] } },
        { id: 'c2', type: 'choices', from_name: 'mood', value: { choices: ['cat'] } },
      ]),
    );
    expect(item.categories).toEqual(['cat', 'indoor']);
    expect(item.annotations).toEqual([]);
    expect(item.width).toBeNull();
  });

  it('turns per-region controls into attributes keyed by from_name', () => {
    const item = onlyItem(
      exportOf([
        { id: 'r1', type: 'choices', from_name: 'color', value: { choices: ['red'] } },
        rectangle({ x: 0, y: 0, width: 10, height: 10 }),
        { id: 'r1', type: 'choices', from_name: 'parts', value: { choices: ['door', 'wheel'] } },
        { id: 'r1', type: 'textarea', from_name: 'note', value: { text: ['dented'] } },
        { id: 'r1', type: 'number', from_name: 'seats', value: { number: 4 } },
        { id: 'r1', type: 'rating', from_name: 'quality', value: { rating: 3 } },
      ]),
    );
    expect(item.annotations[0]?.attributes).toEqual({
      color: 'red',
      parts: ['door', 'wheel'],
      note: 'dented',
      seats: 4,
      quality: 3,
    });
    expect(item.categories).toEqual([]);
  });

  it('turns relations into links by direction, "related" when unlabeled', () => {
    const point = (id: string) => ({
      id,
      type: 'keypointlabels',
      ...SIZE,
      value: { x: 1, y: 1, keypointlabels: ['p'] },
    });
    const item = onlyItem(
      exportOf([
        point('a'),
        point('b'),
        { type: 'relation', from_id: 'a', to_id: 'b', direction: 'right', labels: ['near'] },
        { type: 'relation', from_id: 'a', to_id: 'b', direction: 'left', labels: [] },
        { type: 'relation', from_id: 'a', to_id: 'b', direction: 'bi', labels: ['twin'] },
      ]),
    );
    expect(item.links).toEqual([
      { label: 'near', from: 'a', to: 'b' },
      { label: 'related', from: 'b', to: 'a' },
      { label: 'twin', from: 'a', to: 'b' },
      { label: 'twin', from: 'b', to: 'a' },
    ]);
  });
});

describe('parseLabelStudio: tasks, annotations and predictions', () => {
  it('makes one item per annotation and prediction, skipping cancelled ones, with their provenance', () => {
    const box = rectangle({ x: 0, y: 0, width: 50, height: 50 });
    const result = parseLabelStudio([
      {
        id: 1,
        data: { photo: 'https://example.com/1.png', caption: 'x' },
        annotations: [
          { id: 11, completed_by: 5, ground_truth: true, result: [{ ...box, to_name: 'photo' }] },
          { id: 12, completed_by: { id: 6, email: 'ann@example.com' }, was_cancelled: true, result: [] },
        ],
        predictions: [{ id: 13, model_version: 'yolo-v8', score: 0.75, result: [box] }],
      },
      { data: { image: '/data/upload/2.jpg' } },
      { data: { text: 'no image here' }, completions: [{ result: [] }] },
    ]);
    expect(result.problems).toEqual([]);
    expect(result.tasks).toEqual([
      {
        key: '1',
        taskId: '1',
        imageUrl: 'https://example.com/1.png',
        data: { photo: 'https://example.com/1.png', caption: 'x' },
      },
      {
        key: '/data/upload/2.jpg',
        taskId: null,
        imageUrl: '/data/upload/2.jpg',
        data: { image: '/data/upload/2.jpg' },
      },
      { key: 'index:2', taskId: null, imageUrl: undefined, data: { text: 'no image here' } },
    ]);
    expect(
      result.items.map(
        ({ key, source, sourceId, annotator, groundTruth, score, modelVersion, annotations }) => ({
          key,
          source,
          sourceId,
          annotator,
          groundTruth,
          score,
          modelVersion,
          count: annotations.length,
        }),
      ),
    ).toEqual([
      {
        key: '1',
        source: 'annotation',
        sourceId: '11',
        annotator: '5',
        groundTruth: true,
        score: null,
        modelVersion: null,
        count: 1,
      },
      {
        key: '1',
        source: 'prediction',
        sourceId: '13',
        annotator: null,
        groundTruth: false,
        score: 0.75,
        modelVersion: 'yolo-v8',
        count: 1,
      },
      {
        key: 'index:2',
        source: 'annotation',
        sourceId: null,
        annotator: null,
        groundTruth: false,
        score: null,
        modelVersion: null,
        count: 0,
      },
    ]);
  });

  it('accepts a single task object and reads the annotator’s email', () => {
    const result = parseLabelStudio({
      data: { image: 'a.jpg' },
      annotations: [{ completed_by: { id: 6, email: 'ann@example.com' }, result: [] }],
    });
    expect(result.problems).toEqual([]);
    expect(result.items[0]?.annotator).toBe('ann@example.com');
    expect(result.tasks[0]?.key).toBe('a.jpg');
  });
});

describe('parseLabelStudio: problems', () => {
  it('rejects what is not a list of tasks, and JSON-MIN entries, by path', () => {
    expect(parseLabelStudio('nope').problems).toEqual([
      { path: '', message: 'a Label Studio export is a list of tasks' },
    ]);
    expect(parseLabelStudio(null).items).toEqual([]);
    const result = parseLabelStudio([{ image: 'a.jpg', label: [] }, 3, { data: 'x', annotations: [] }]);
    expect(result.tasks).toEqual([]);
    expect(result.problems.map((problem) => problem.path)).toEqual(['0', '1', '2.data']);
  });

  it('skips malformed annotations and results, keeping the rest, and names each', () => {
    const good = rectangle({ x: 0, y: 0, width: 10, height: 10 }, { id: 'ok' });
    const result = parseLabelStudio([
      {
        id: 1,
        data: { image: 'a.jpg' },
        annotations: [
          { result: 'x' },
          {
            result: [
              good,
              'junk',
              { type: 'rectanglelabels', value: 5 },
              rectangle({ x: 'a', y: 0, width: 1, height: 1 }, { id: 'nx' }),
              rectangle({ x: 0, y: 0, width: -1, height: 1 }, { id: 'neg' }),
              rectangle({ x: 0, y: 0, width: 1, height: 1, rotation: 'left' }, { id: 'rot' }),
              rectangle({ x: 0, y: 0, width: 1, height: 1 }, { id: 'turned', image_rotation: 90 }),
              { id: 'nolabel', type: 'rectangle', ...SIZE, value: { x: 0, y: 0, width: 1, height: 1 } },
              {
                id: 'two',
                type: 'keypointlabels',
                ...SIZE,
                value: { x: 1, y: 1, keypointlabels: ['a', 'b'] },
              },
              { type: 'polygonlabels', ...SIZE, value: { points: [[1, 2], [3]], polygonlabels: ['r'] } },
              { type: 'brushlabels', ...SIZE, value: { rle: [1, 2], brushlabels: ['m'] } },
              { type: 'relation', from_id: 'ok', to_id: 'ghost' },
            ],
          },
        ],
        predictions: {},
      },
    ]);
    expect(result.items).toHaveLength(1);
    expect(result.items[0]?.annotations.map((annotation) => annotation.uuid)).toEqual(['ok', 'two']);
    expect(result.problems).toEqual([
      { path: '0.predictions', message: 'must be a list' },
      { path: '0.annotations.0', message: 'needs a "result" list' },
      { path: '0.annotations.1.result.1', message: 'a result needs a "type" and a "value"' },
      { path: '0.annotations.1.result.2.value', message: 'must be an object' },
      {
        path: '0.annotations.1.result.6.image_rotation',
        message: 'regions drawn on a rotated image are not supported',
      },
      {
        path: '0.annotations.1.result.10.type',
        message:
          '"brushlabels" results are not imported (only rectangles, polygons, keypoints, ellipses, choices, relations and per-region controls)',
      },
      { path: '0.annotations.1.result.3', message: 'value.x must be a number' },
      { path: '0.annotations.1.result.4', message: 'value.width and value.height must not be negative' },
      { path: '0.annotations.1.result.5', message: 'value.rotation must be a number of degrees' },
      { path: '0.annotations.1.result.7.value', message: 'the region has no label' },
      { path: '0.annotations.1.result.8.value', message: 'has 2 labels; only the first, "a", was kept' },
      { path: '0.annotations.1.result.9', message: 'value.points.1 must be [x, y]' },
      {
        path: '0.annotations.1.result.11',
        message: 'relates regions that were not imported ("ok" → "ghost")',
      },
    ]);
  });

  it('never throws and never yields a non-finite coordinate on arbitrary input', () => {
    const value = fc.oneof(
      fc.double(),
      fc.integer(),
      fc.string(),
      fc.constant(null),
      fc.array(fc.array(fc.double())),
    );
    const result = fc.record(
      {
        id: fc.oneof(fc.string(), fc.integer()),
        type: fc.constantFrom(
          'rectanglelabels',
          'polygonlabels',
          'keypointlabels',
          'ellipselabels',
          'labels',
          'choices',
          'relation',
          'x',
        ),
        original_width: value,
        original_height: value,
        value: fc.oneof(
          fc.record(
            {
              x: value,
              y: value,
              width: value,
              height: value,
              rotation: value,
              radiusX: value,
              radiusY: value,
              points: value,
              labels: fc.array(fc.string()),
              choices: fc.array(fc.string()),
            },
            { requiredKeys: [] },
          ),
          value,
        ),
        from_id: fc.string(),
        to_id: fc.string(),
      },
      { requiredKeys: [] },
    );
    const task = fc.record(
      {
        id: value,
        data: fc.oneof(fc.dictionary(fc.string(), value), value),
        annotations: fc.oneof(fc.array(fc.record({ result: fc.array(result) })), value),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.oneof(fc.anything(), fc.array(task), task), (json) => {
        const parsed = parseLabelStudio(json);
        for (const item of parsed.items) {
          for (const annotation of item.annotations) {
            const numbers = JSON.stringify(annotation).match(/-?\d[\d.e+-]*|null/g) ?? [];
            expect(numbers).not.toContain('null');
          }
        }
      }),
    );
  });
});

/** Label Studio's form of a pixel annotation on a `width` × `height` image: the inverse of the import. */
function toLabelStudio(annotation: ImageAnnotation, width: number, height: number) {
  const x = (px: number) => (px / width) * 100;
  const y = (py: number) => (py / height) * 100;
  const common = { id: annotation.uuid, original_width: width, original_height: height };
  switch (annotation.type) {
    case 'box': {
      const rotation = annotation.rotation ?? 0;
      const pivot = boxCorners(annotation)[0] as Point;
      return {
        ...common,
        type: 'rectanglelabels',
        value: {
          x: x(pivot.x),
          y: y(pivot.y),
          width: x(annotation.width),
          height: y(annotation.height),
          rotation: (rotation * 180) / Math.PI,
          rectanglelabels: [annotation.label],
        },
      };
    }
    case 'polygon':
      return {
        ...common,
        type: 'polygonlabels',
        value: {
          points: annotation.vertices.map((v) => [x(v.x), y(v.y)]),
          polygonlabels: [annotation.label],
        },
      };
    case 'point':
      return {
        ...common,
        type: 'keypointlabels',
        value: { x: x(annotation.x), y: y(annotation.y), keypointlabels: [annotation.label] },
      };
    case 'ellipse': {
      const [top, right, bottom, left] = annotation.vertices as [Point, Point, Point, Point];
      const rotation = Math.atan2(right.y - left.y, right.x - left.x);
      return {
        ...common,
        type: 'ellipselabels',
        value: {
          x: x((left.x + right.x) / 2),
          y: y((left.y + right.y) / 2),
          radiusX: x(Math.hypot(right.x - left.x, right.y - left.y) / 2),
          radiusY: y(Math.hypot(bottom.x - top.x, bottom.y - top.y) / 2),
          rotation: (rotation * 180) / Math.PI,
          ellipselabels: [annotation.label],
        },
      };
    }
    default:
      throw new Error(`no Label Studio form for ${annotation.type}`);
  }
}

describe('parseLabelStudio: round trip', () => {
  const coordinate = fc.double({ min: -500, max: 2500, noNaN: true });
  const length = fc.double({ min: 0.5, max: 1000, noNaN: true });
  const angle = fc.double({ min: -Math.PI + 0.01, max: Math.PI - 0.01, noNaN: true });
  const label = fc.constantFrom('car', 'road', 'a b');
  const annotation: fc.Arbitrary<ImageAnnotation> = fc.oneof(
    fc
      .record({ label, left: coordinate, top: coordinate, width: length, height: length })
      .map((box) => ({ type: 'box', ...box }) as ImageAnnotation),
    fc
      // A box turned by 0 is an unrotated box, which the arm above covers (it reads back without rotation).
      .record({
        label,
        left: coordinate,
        top: coordinate,
        width: length,
        height: length,
        rotation: angle.filter((a) => a !== 0),
      })
      .map((box) => {
        const turned = { type: 'box' as const, ...box };
        return { ...turned, vertices: boxCorners(turned) };
      }),
    fc
      .record({
        label,
        vertices: fc.array(fc.record({ x: coordinate, y: coordinate }), { minLength: 1, maxLength: 8 }),
      })
      .map((polygon) => ({ type: 'polygon', ...polygon }) as ImageAnnotation),
    fc
      .record({ label, x: coordinate, y: coordinate })
      .map((point) => ({ type: 'point', ...point }) as ImageAnnotation),
    fc
      .record({ label, cx: coordinate, cy: coordinate, rx: length, ry: length, rotation: angle })
      .map(({ label, cx, cy, rx, ry, rotation }) => {
        const at = (dx: number, dy: number) => ({
          x: cx + dx * Math.cos(rotation) - dy * Math.sin(rotation),
          y: cy + dx * Math.sin(rotation) + dy * Math.cos(rotation),
        });
        return {
          type: 'ellipse',
          label,
          vertices: [at(0, -ry), at(rx, 0), at(0, ry), at(-rx, 0)],
        } as ImageAnnotation;
      }),
  );

  /** Every number of `actual` within `tolerance` of the same number of `expected`, and the same non-numbers. */
  function expectClose(actual: unknown, expected: unknown, tolerance: number): void {
    if (typeof expected === 'number') {
      expect(typeof actual).toBe('number');
      expect(Math.abs((actual as number) - expected)).toBeLessThanOrEqual(tolerance);
      return;
    }
    if (typeof expected !== 'object' || expected === null) {
      expect(actual).toBe(expected);
      return;
    }
    expect(Object.keys(actual as object).sort()).toEqual(Object.keys(expected).sort());
    for (const [key, value] of Object.entries(expected))
      expectClose((actual as Record<string, unknown>)[key], value, tolerance);
  }

  it('reads back the pixel annotations it was written from (within 1e-6 px)', () => {
    fc.assert(
      fc.property(
        fc.array(annotation, { maxLength: 6 }),
        fc.integer({ min: 1, max: 4000 }),
        fc.integer({ min: 1, max: 4000 }),
        (annotations, width, height) => {
          const withIds = annotations.map((a, i) => ({ ...a, uuid: `r${i}` }));
          const item = onlyItem(exportOf(withIds.map((a) => toLabelStudio(a, width, height))));
          expect(item.annotations).toHaveLength(withIds.length);
          item.annotations.forEach((read, i) => {
            expectClose(read, withIds[i], 1e-6);
          });
        },
      ),
    );
  });
});
