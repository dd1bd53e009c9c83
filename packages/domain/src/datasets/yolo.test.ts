import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { imageannotationTaskType as type } from '../task-types/imageannotation/index.ts';
import type { ImageAnnotation } from '../task-types/imageannotation/response.ts';
import { mustParse } from '../testing/task-type-harness.ts';
import {
  parseYoloClassesText,
  parseYoloLines,
  yoloClasses,
  yoloClassesText,
  yoloDataYaml,
  yoloDetectionLines,
  yoloSegmentationLines,
} from './yolo.ts';

const box = (label: string, left: number, top: number, width: number, height: number, extra = {}) =>
  ({ type: 'box', label, left, top, width, height, ...extra }) as ImageAnnotation;
const of = (...annotations: ImageAnnotation[]) => ({ annotations });
const image = { width: 100, height: 50, classes: ['car', 'road'] };

describe('yoloClasses', () => {
  it('lists box then polygon leaf labels once each, ignoring other geometries', () => {
    const params = mustParse(type, {
      attachment: 'https://example.com/a.jpg',
      geometries: {
        box: { objects_to_annotate: ['car', { choice: 'vehicle', subchoices: ['bus', 'van'] }] },
        polygon: { objects_to_annotate: ['road', 'car'] },
        point: { objects_to_annotate: ['hand'] },
      },
    });
    expect(yoloClasses(params)).toEqual(['car', 'bus', 'van', 'road']);
  });

  it('is empty for a project without boxes or polygons', () => {
    const params = mustParse(type, {
      attachment: 'https://example.com/a.jpg',
      geometries: { line: { objects_to_annotate: ['lane'] } },
    });
    expect(yoloClasses(params)).toEqual([]);
  });

  it('writes and reads classes.txt', () => {
    expect(yoloClassesText(['car', 'traffic\nlight'])).toBe('car\ntraffic light\n');
    expect(parseYoloClassesText('car\r\ntraffic light\n\n')).toEqual(['car', 'traffic light']);
  });
});

describe('yoloDataYaml', () => {
  it('writes paths, count and quoted names', () => {
    expect(yoloDataYaml({ classes: ['car', 'say "hi"'], trainPath: 'images/train' })).toBe(
      'train: "images/train"\nval: "images/train"\nnc: 2\nnames: ["car", "say \\"hi\\""]\n',
    );
    expect(yoloDataYaml({ classes: [], trainPath: 'a', valPath: 'b' })).toBe(
      'train: "a"\nval: "b"\nnc: 0\nnames: []\n',
    );
  });
});

describe('yoloDetectionLines', () => {
  it('normalizes center and size by the image size', () => {
    // cx = (10 + 20/2)/100 = 0.2, cy = (5 + 10/2)/50 = 0.2, w = 20/100, h = 10/50.
    expect(yoloDetectionLines(of(box('car', 10, 5, 20, 10)), image)).toEqual([
      '0 0.200000 0.200000 0.200000 0.200000',
    ]);
    // cx = (0 + 100/2)/100 = 0.5, cy = (25 + 25/2)/50 = 0.75, w = 1, h = 0.5; label road → class 1.
    expect(yoloDetectionLines(of(box('road', 0, 25, 100, 25)), image)).toEqual([
      '1 0.500000 0.750000 1.000000 0.500000',
    ]);
  });

  it('rounds to 6 decimals', () => {
    // 1/3 of 300 px: cx = (0 + 100/2)/300 = 0.1666…, w = 0.3333…
    expect(yoloDetectionLines(of(box('car', 0, 0, 100, 300)), { ...image, width: 300, height: 300 })).toEqual(
      ['0 0.166667 0.500000 0.333333 1.000000'],
    );
  });

  it('clips to the image, drops boxes wholly outside, polygons and unknown labels', () => {
    const answer = of(
      box('car', -10, -10, 30, 20), // clipped to 0..20 × 0..10
      box('car', 200, 0, 10, 10),
      box('truck', 0, 0, 10, 10),
      { type: 'polygon', label: 'road', vertices: [{ x: 0, y: 0 }] },
    );
    expect(yoloDetectionLines(answer, image)).toEqual(['0 0.100000 0.100000 0.200000 0.200000']);
  });

  it('writes a rotated box as the envelope of its corners', () => {
    const rotated = box('car', 10, 10, 10, 10, {
      rotation: Math.PI / 4,
      vertices: [
        { x: 15, y: 8 },
        { x: 22, y: 15 },
        { x: 15, y: 22 },
        { x: 8, y: 15 },
      ],
    });
    // Envelope 8..22 × 8..22 on 100 × 50: cx 0.15, cy 0.3, w 0.14, h 0.28.
    expect(yoloDetectionLines(of(rotated), image)).toEqual(['0 0.150000 0.300000 0.140000 0.280000']);
  });

  it('writes nothing for an unusable image size', () => {
    expect(yoloDetectionLines(of(box('car', 0, 0, 1, 1)), { ...image, width: 0 })).toEqual([]);
    expect(yoloSegmentationLines(of(box('car', 0, 0, 1, 1)), { ...image, height: Number.NaN })).toEqual([]);
  });
});

describe('yoloSegmentationLines', () => {
  it('writes boxes as four corners and polygons as their vertices', () => {
    const answer = of(box('car', 10, 5, 20, 10), {
      type: 'polygon',
      label: 'road',
      vertices: [
        { x: 0, y: 0 },
        { x: 50, y: 50 },
        { x: 120, y: -5 },
      ],
    });
    expect(yoloSegmentationLines(answer, image)).toEqual([
      '0 0.100000 0.100000 0.300000 0.100000 0.300000 0.300000 0.100000 0.300000',
      '1 0.000000 0.000000 0.500000 1.000000 1.000000 0.000000',
    ]);
  });

  it('omits polygons with fewer than 3 vertices and other geometries', () => {
    const answer = of(
      {
        type: 'polygon',
        label: 'road',
        vertices: [
          { x: 0, y: 0 },
          { x: 1, y: 1 },
        ],
      },
      { type: 'point', label: 'car', x: 1, y: 1 },
    );
    expect(yoloSegmentationLines(answer, image)).toEqual([]);
  });
});

describe('parseYoloLines', () => {
  it('reads detection lines as boxes in pixels', () => {
    const { response, problems } = parseYoloLines('1 0.5 0.5 0.2 0.4\n', image);
    expect(problems).toEqual([]);
    expect(response.annotations).toHaveLength(1);
    const [read] = response.annotations;
    expect(read).toMatchObject({ type: 'box', label: 'road' });
    if (read?.type !== 'box') throw new Error('expected a box');
    // left = (0.5 − 0.1)·100 = 40, top = (0.5 − 0.2)·50 = 15, width = 20, height = 20.
    expect(read.left).toBeCloseTo(40, 9);
    expect(read.top).toBeCloseTo(15, 9);
    expect(read.width).toBeCloseTo(20, 9);
    expect(read.height).toBeCloseTo(20, 9);
  });

  it('reads segmentation lines as polygons in pixels', () => {
    const { response, problems } = parseYoloLines('0 0.1 0.2 0.5 0.5 1 1', image);
    expect(problems).toEqual([]);
    expect(response.annotations).toEqual([
      {
        type: 'polygon',
        label: 'car',
        vertices: [
          { x: 10, y: 10 },
          { x: 50, y: 25 },
          { x: 100, y: 50 },
        ],
      },
    ]);
  });

  it('reports malformed lines by number, skips them and keeps the rest', () => {
    const text = [
      '0 0.5 0.5 0.1 0.1', // 1: fine
      '', // 2: blank, ignored
      '0 0.5 0.5 0.1', // 3: 4 fields
      '0 0.1 0.1 0.2 0.2 0.3', // 4: 6 fields
      '2 0.5 0.5 0.1 0.1', // 5: class out of range
      '-1 0.5 0.5 0.1 0.1', // 6: class not an index
      'car 0.5 0.5 0.1 0.1', // 7: class not an index
      '0 0.5 1.5 0.1 0.1', // 8: outside [0, 1]
      '0 0.5 -0.1 0.1 0.1', // 9: outside [0, 1]
      '0 0.5 abc 0.1 0.1', // 10: not a number
      '0 0x1 0.5 0.1 0.1', // 11: hex is not a decimal number
      '  1   0.5\t0.5 0.2 0.2  ', // 12: fine, extra whitespace
    ].join('\r\n');
    const { response, problems } = parseYoloLines(text, image);
    expect(response.annotations.map((a) => a.label)).toEqual(['car', 'road']);
    expect(problems.map((p) => p.line)).toEqual([3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(problems[0]?.message).toContain('got 4');
    expect(problems[2]?.message).toBe('class 2 is out of range (2 classes)');
    expect(problems[4]?.message).toBe('class "car" is not a non-negative integer');
    expect(problems[5]?.message).toBe('value 2 (1.5) is outside [0, 1]');
    expect(problems[7]?.message).toBe('value 2 "abc" is not a number');
  });

  it('reports an unusable image size on line 0 instead of producing NaN', () => {
    expect(parseYoloLines('0 0.5 0.5 0.1 0.1', { ...image, width: -1 })).toEqual({
      response: { annotations: [] },
      problems: [{ line: 0, message: 'image width and height must be positive numbers' }],
    });
  });

  it('reads an empty file as an empty answer', () => {
    expect(parseYoloLines('', image)).toEqual({ response: { annotations: [] }, problems: [] });
  });
});

const size = fc.integer({ min: 1, max: 8000 });
const unit = fc.double({ min: 0, max: 1, noNaN: true });

describe('YOLO round trips', () => {
  it('reproduces boxes inside the image within 1e-6 × the image size', () => {
    fc.assert(
      fc.property(size, size, fc.array(fc.tuple(unit, unit, unit, unit, fc.nat(2))), (width, height, raw) => {
        const classes = ['a', 'b', 'c'];
        const boxes = raw.map(([u1, u2, v1, v2, id]) =>
          box(
            classes[id] ?? 'a',
            Math.min(u1, u2) * width,
            Math.min(v1, v2) * height,
            Math.abs(u1 - u2) * width,
            Math.abs(v1 - v2) * height,
          ),
        );
        const context = { width, height, classes };
        const lines = yoloDetectionLines(of(...boxes), context);
        const { response, problems } = parseYoloLines(lines.join('\n'), context);
        expect(problems).toEqual([]);
        expect(response.annotations).toHaveLength(boxes.length);
        response.annotations.forEach((read, i) => {
          const written = boxes[i];
          if (read.type !== 'box' || written?.type !== 'box') throw new Error('expected boxes');
          expect(read.label).toBe(written.label);
          expect(Math.abs(read.left - written.left)).toBeLessThanOrEqual(1e-6 * width);
          expect(Math.abs(read.width - written.width)).toBeLessThanOrEqual(1e-6 * width);
          expect(Math.abs(read.top - written.top)).toBeLessThanOrEqual(1e-6 * height);
          expect(Math.abs(read.height - written.height)).toBeLessThanOrEqual(1e-6 * height);
        });
      }),
    );
  });

  it('reproduces polygons inside the image within 1e-6 × the image size', () => {
    const polygon = fc.record({
      label: fc.constantFrom('a', 'b'),
      points: fc.array(fc.tuple(unit, unit), { minLength: 3, maxLength: 12 }),
    });
    fc.assert(
      fc.property(size, size, fc.array(polygon), (width, height, raw) => {
        const context = { width, height, classes: ['a', 'b'] };
        const polygons: ImageAnnotation[] = raw.map(({ label, points }) => ({
          type: 'polygon',
          label,
          vertices: points.map(([u, v]) => ({ x: u * width, y: v * height })),
        }));
        const { response, problems } = parseYoloLines(
          yoloSegmentationLines(of(...polygons), context).join('\n'),
          context,
        );
        expect(problems).toEqual([]);
        expect(response.annotations).toHaveLength(polygons.length);
        response.annotations.forEach((read, i) => {
          const written = polygons[i];
          if (read.type !== 'polygon' || written?.type !== 'polygon') throw new Error('expected polygons');
          expect(read.label).toBe(written.label);
          expect(read.vertices).toHaveLength(written.vertices.length);
          read.vertices.forEach((v, k) => {
            const w = written.vertices[k];
            expect(Math.abs(v.x - (w?.x ?? Number.NaN))).toBeLessThanOrEqual(1e-6 * width);
            expect(Math.abs(v.y - (w?.y ?? Number.NaN))).toBeLessThanOrEqual(1e-6 * height);
          });
        });
      }),
    );
  });

  it('never throws and never yields NaN on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const { response } = parseYoloLines(text, image);
        for (const a of response.annotations) expect(JSON.stringify(a)).not.toContain('null');
      }),
    );
  });
});
