import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { configurations, scenarios } from '../task-types/imageannotation/arbitraries.ts';
import { imageannotationTaskType } from '../task-types/imageannotation/index.ts';
import {
  type ImageAnnotation,
  type ImageannotationResponse,
  imageannotationResponseSchema,
} from '../task-types/imageannotation/response.ts';
import { mustParse } from '../testing/task-type-harness.ts';
import {
  type CocoAnnotation,
  type CocoCategory,
  type CocoImage,
  cocoAnnotations,
  cocoCategories,
  cocoChunks,
  cocoHeader,
  cocoImage,
  cocoWriter,
  parseCoco,
} from './coco.ts';

const params = mustParse(imageannotationTaskType, {
  attachment: 'https://example.com/a.jpg',
  geometries: {
    box: { objects_to_annotate: ['car', { choice: 'animal', subchoices: ['dog', 'cat'] }], can_rotate: true },
    polygon: { objects_to_annotate: ['road', 'car'] },
    line: { objects_to_annotate: ['lane'] },
    point: { objects_to_annotate: ['hand'] },
    ellipse: { objects_to_annotate: ['wheel'] },
    cuboid: { objects_to_annotate: ['car'] },
  },
});
const categories = cocoCategories(params);
const LABELS = categories.map((category) => category.name);

/** One annotation exported alone, for the hand-computed cases. */
function exportOne(annotation: ImageAnnotation): CocoAnnotation {
  const [record] = cocoAnnotations({ annotations: [annotation] }, { imageId: 1, nextId: 1, categories });
  if (!record) throw new Error('no record');
  return record;
}

/**
 * The required fields of the official COCO detection format (https://cocodataset.org/#format-data), plus
 * referential integrity: images need id/width/height/file_name, annotations id/image_id/category_id/
 * bbox (4 numbers)/area/iscrowd, categories id/name; ids unique, references resolved.
 */
function cocoSchemaProblems(file: unknown): string[] {
  const problems: string[] = [];
  const isNumber = (value: unknown) => typeof value === 'number' && Number.isFinite(value);
  const record = (value: unknown) =>
    typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  const root = record(file);
  for (const key of ['images', 'annotations', 'categories']) {
    if (!Array.isArray(root[key])) problems.push(`${key} must be a list`);
  }
  if (problems.length > 0) return problems;
  const ids = (key: string, rows: Record<string, unknown>[]) => {
    const seen = new Set<unknown>();
    rows.forEach((row, i) => {
      if (seen.has(row.id)) problems.push(`${key}[${i}].id duplicated`);
      seen.add(row.id);
    });
    return seen;
  };
  const images = (root.images as unknown[]).map(record);
  const annotations = (root.annotations as unknown[]).map(record);
  const cats = (root.categories as unknown[]).map(record);
  images.forEach((image, i) => {
    for (const key of ['id', 'width', 'height'])
      if (!isNumber(image[key])) problems.push(`images[${i}].${key}`);
    if (typeof image.file_name !== 'string') problems.push(`images[${i}].file_name`);
  });
  cats.forEach((category, i) => {
    if (!isNumber(category.id)) problems.push(`categories[${i}].id`);
    if (typeof category.name !== 'string') problems.push(`categories[${i}].name`);
  });
  const imageIds = ids('images', images);
  const categoryIds = ids('categories', cats);
  ids('annotations', annotations);
  annotations.forEach((annotation, i) => {
    for (const key of ['id', 'image_id', 'category_id', 'area']) {
      if (!isNumber(annotation[key])) problems.push(`annotations[${i}].${key}`);
    }
    const bbox = annotation.bbox;
    if (!Array.isArray(bbox) || bbox.length !== 4 || !bbox.every(isNumber))
      problems.push(`annotations[${i}].bbox`);
    if (annotation.iscrowd !== 0 && annotation.iscrowd !== 1) problems.push(`annotations[${i}].iscrowd`);
    if (!imageIds.has(annotation.image_id)) problems.push(`annotations[${i}].image_id unresolved`);
    if (!categoryIds.has(annotation.category_id)) problems.push(`annotations[${i}].category_id unresolved`);
  });
  return problems;
}

/** A whole export of some answers, through the streaming writer, as the text a server would send. */
function exportText(
  responses: readonly ImageannotationResponse[],
  cats: readonly CocoCategory[] = categories,
) {
  const writer = cocoWriter({ info: { description: 'test' }, categories: cats });
  const chunks: string[] = [];
  const images = responses.map((response, i) =>
    cocoImage({ id: i + 1, fileName: `img${i}.jpg`, width: 640, height: 480, taskId: `task_${i}`, response }),
  );
  for (const image of images) chunks.push(writer.image(image));
  let nextId = 1;
  responses.forEach((response, i) => {
    for (const annotation of cocoAnnotations(response, { imageId: i + 1, nextId, categories: cats })) {
      chunks.push(writer.annotation(annotation));
      nextId += 1;
    }
  });
  chunks.push(writer.end());
  return chunks.join('');
}

describe('cocoCategories', () => {
  it('numbers leaf labels from 1 in geometry then label order, once each, with their group as supercategory', () => {
    expect(categories).toEqual([
      { id: 1, name: 'car', supercategory: 'car' },
      { id: 2, name: 'dog', supercategory: 'animal' },
      { id: 3, name: 'cat', supercategory: 'animal' },
      { id: 4, name: 'road', supercategory: 'road' },
      { id: 5, name: 'lane', supercategory: 'lane' },
      { id: 6, name: 'hand', supercategory: 'hand' },
      { id: 7, name: 'wheel', supercategory: 'wheel' },
    ]);
  });
});

describe('cocoImage', () => {
  it('writes unknown sizes as 0 and the task id as an extra field', () => {
    expect(cocoImage({ id: 3, fileName: 'a.jpg', taskId: 't1' })).toEqual({
      id: 3,
      file_name: 'a.jpg',
      width: 0,
      height: 0,
      groundwork_task_id: 't1',
    });
  });

  it('carries global attributes and links of the answer', () => {
    const response: ImageannotationResponse = {
      annotations: [],
      global_attributes: { night: 'yes' },
      links: [{ label: 'near', from: 'a', to: 'b' }],
    };
    expect(cocoImage({ id: 1, fileName: 'a.jpg', taskId: 't', response }).groundwork).toEqual({
      global_attributes: { night: 'yes' },
      links: [{ label: 'near', from: 'a', to: 'b' }],
    });
  });
});

describe('cocoAnnotations', () => {
  it('exports a box as its bbox and area, without segmentation', () => {
    const record = exportOne({
      type: 'box',
      label: 'dog',
      uuid: 'b1',
      left: 10,
      top: 20,
      width: 30,
      height: 40,
    });
    expect(record).toEqual({
      id: 1,
      image_id: 1,
      category_id: 2,
      bbox: [10, 20, 30, 40],
      area: 1200,
      iscrowd: 0,
      groundwork: { type: 'box', uuid: 'b1' },
    });
  });

  it('exports a rotated box as the bounding box and polygon of its corners, keeping the exact box', () => {
    const vertices = [
      { x: 3, y: -1 },
      { x: 3, y: 3 },
      { x: 1, y: 3 },
      { x: 1, y: -1 },
    ];
    const box = { left: 0, top: 0, width: 4, height: 2, rotation: Math.PI / 2, vertices };
    const record = exportOne({ type: 'box', label: 'car', ...box });
    expect(record.bbox).toEqual([1, -1, 2, 4]);
    expect(record.area).toBe(8);
    expect(record.segmentation).toEqual([[3, -1, 3, 3, 1, 3, 1, -1]]);
    expect(record.groundwork.shape).toEqual(box);
  });

  it('turns a box with only a rotation about its centre', () => {
    const record = exportOne({
      type: 'box',
      label: 'car',
      left: 0,
      top: 0,
      width: 4,
      height: 2,
      rotation: Math.PI / 2,
    });
    const expected = [1, -1, 2, 4];
    record.bbox.forEach((value, i) => {
      expect(value).toBeCloseTo(expected[i] ?? Number.NaN, 9);
    });
    expect(record.area).toBe(8);
  });

  it('exports a polygon with its shoelace area (an L of area 6) and bounds', () => {
    const vertices = [
      { x: 0, y: 0 },
      { x: 4, y: 0 },
      { x: 4, y: 1 },
      { x: 1, y: 1 },
      { x: 1, y: 3 },
      { x: 0, y: 3 },
    ];
    const record = exportOne({ type: 'polygon', label: 'road', vertices });
    expect(record.area).toBe(6);
    expect(record.bbox).toEqual([0, 0, 4, 3]);
    expect(record.segmentation).toEqual([[0, 0, 4, 0, 4, 1, 1, 1, 1, 3, 0, 3]]);
  });

  it('exports a point as one visible keypoint with a zero-size bbox', () => {
    const record = exportOne({ type: 'point', label: 'hand', x: 5, y: 7, attributes: { side: 'left' } });
    expect(record).toMatchObject({ bbox: [5, 7, 0, 0], area: 0, keypoints: [5, 7, 2], num_keypoints: 1 });
    expect(record.attributes).toEqual({ side: 'left' });
    expect(record.segmentation).toBeUndefined();
  });

  it('exports a line as keypoints without segmentation', () => {
    const record = exportOne({
      type: 'line',
      label: 'lane',
      vertices: [
        { x: 0, y: 0 },
        { x: 3, y: 4 },
      ],
    });
    expect(record).toMatchObject({
      bbox: [0, 0, 3, 4],
      area: 0,
      keypoints: [0, 0, 2, 3, 4, 2],
      num_keypoints: 2,
    });
    expect(record.segmentation).toBeUndefined();
  });

  it('gives an ellipse the area π·a·b of its semi-axes', () => {
    const vertices = [
      { x: 0, y: 2 },
      { x: 5, y: 0 },
      { x: 10, y: 2 },
      { x: 5, y: 4 },
    ];
    const record = exportOne({ type: 'ellipse', label: 'wheel', vertices });
    expect(record.area).toBeCloseTo(10 * Math.PI, 12);
    expect(record.bbox).toEqual([0, 0, 10, 4]);
  });

  it('numbers records from nextId on the given image', () => {
    const records = cocoAnnotations(
      {
        annotations: [
          { type: 'point', label: 'hand', x: 1, y: 1 },
          { type: 'point', label: 'hand', x: 2, y: 2 },
        ],
      },
      { imageId: 9, nextId: 41, categories },
    );
    expect(records.map((r) => [r.id, r.image_id])).toEqual([
      [41, 9],
      [42, 9],
    ]);
  });

  it('names an unknown label in its error', () => {
    expect(() => exportOne({ type: 'point', label: 'bicycle', x: 0, y: 0 })).toThrow(/"bicycle"/);
  });
});

describe('cocoWriter', () => {
  const image = cocoImage({ id: 1, fileName: 'a.jpg', width: 10, height: 20, taskId: 't' });
  const annotation = exportOne({ type: 'box', label: 'car', left: 1, top: 2, width: 3, height: 4 });

  it('streams chunks whose concatenation equals the whole object', () => {
    const second: CocoImage = { ...image, id: 2, file_name: 'b.jpg' };
    const writer = cocoWriter({ info: { year: 2025 }, licenses: [{ id: 1, name: 'CC-BY' }], categories });
    const text = [
      writer.image(image),
      writer.image(second),
      writer.annotation(annotation),
      writer.annotation({ ...annotation, id: 2, image_id: 2 }),
      writer.end(),
    ].join('');
    expect(JSON.parse(text)).toEqual({
      info: { year: 2025 },
      licenses: [{ id: 1, name: 'CC-BY' }],
      categories,
      images: [image, second],
      annotations: [annotation, { ...annotation, id: 2, image_id: 2 }],
    });
  });

  it('starts with the header chunk', () => {
    expect(cocoWriter({ categories }).image(image).startsWith(cocoHeader({ categories }))).toBe(true);
    expect(cocoHeader({ categories: [] })).toBe('{"info":{},"licenses":[],"categories":[],"images":[');
  });

  it('writes an empty project as a valid empty COCO file', () => {
    const text = cocoWriter({ categories: [] }).end();
    expect(JSON.parse(text)).toEqual({ info: {}, licenses: [], categories: [], images: [], annotations: [] });
    expect(cocoSchemaProblems(JSON.parse(text))).toEqual([]);
  });

  it('is valid with images but no annotations, and with annotations but no images', () => {
    const onlyImages = cocoWriter({ categories });
    expect(JSON.parse(onlyImages.image(image) + onlyImages.end()).images).toEqual([image]);
    const onlyAnnotations = cocoWriter({ categories });
    const parsed = JSON.parse(onlyAnnotations.annotation(annotation) + onlyAnnotations.end());
    expect(parsed.images).toEqual([]);
    expect(parsed.annotations).toEqual([annotation]);
  });

  it('refuses an image after an annotation, and anything after the end', () => {
    const writer = cocoWriter({ categories });
    writer.annotation(annotation);
    expect(() => writer.image(image)).toThrow(/after the first annotation/);
    writer.end();
    expect(() => writer.annotation(annotation)).toThrow(/ended/);
    expect(() => writer.end()).toThrow(/ended/);
  });

  it('cocoChunks streams sync and async sources', async () => {
    async function* annotations() {
      yield annotation;
    }
    const chunks: string[] = [];
    for await (const chunk of cocoChunks({ categories }, [image], annotations())) chunks.push(chunk);
    expect(chunks).toHaveLength(3);
    expect(JSON.parse(chunks.join(''))).toMatchObject({ images: [image], annotations: [annotation] });
  });
});

describe('COCO schema check', () => {
  it('passes a Groundwork export', () => {
    const text = exportText([
      {
        annotations: [
          { type: 'box', label: 'car', left: 1, top: 2, width: 3, height: 4 },
          { type: 'point', label: 'hand', x: 1, y: 1 },
        ],
      },
      { annotations: [] },
    ]);
    expect(cocoSchemaProblems(JSON.parse(text))).toEqual([]);
  });

  it('catches missing fields and dangling references (so it can fail)', () => {
    const file = {
      images: [{ id: 1, file_name: 'a.jpg', width: 1 }],
      categories: [{ id: 1 }],
      annotations: [{ id: 1, image_id: 2, category_id: 1, bbox: [0, 0, 1], area: 0, iscrowd: 0 }],
    };
    expect(cocoSchemaProblems(file)).toEqual([
      'images[0].height',
      'categories[0].name',
      'annotations[0].bbox',
      'annotations[0].image_id unresolved',
    ]);
  });
});

describe('parseCoco', () => {
  it('reads a foreign file: bbox → box, polygon parts → polygons, labeled keypoints → points', () => {
    const result = parseCoco({
      images: [{ id: 7, file_name: 'x.jpg', width: 100, height: 50 }],
      categories: [
        { id: 1, name: 'car', supercategory: 'vehicle' },
        { id: 2, name: 'person', supercategory: 'person' },
      ],
      annotations: [
        { id: 1, image_id: 7, category_id: 1, bbox: [1, 2, 3, 4], area: 12, iscrowd: 0 },
        {
          id: 2,
          image_id: 7,
          category_id: 1,
          bbox: [0, 0, 2, 2],
          area: 2,
          iscrowd: 0,
          segmentation: [
            [0, 0, 2, 0, 2, 2],
            [5, 5, 6, 5, 6, 6],
          ],
        },
        { id: 3, image_id: 7, category_id: 2, bbox: [0, 0, 0, 0], keypoints: [0, 0, 0, 4, 5, 1, 6, 7, 2] },
      ],
    });
    expect(result.problems).toEqual([]);
    expect(result.images).toEqual([
      {
        imageId: 7,
        taskId: undefined,
        fileName: 'x.jpg',
        width: 100,
        height: 50,
        response: {
          annotations: [
            { type: 'box', label: 'car', left: 1, top: 2, width: 3, height: 4 },
            {
              type: 'polygon',
              label: 'car',
              vertices: [
                { x: 0, y: 0 },
                { x: 2, y: 0 },
                { x: 2, y: 2 },
              ],
            },
            {
              type: 'polygon',
              label: 'car',
              vertices: [
                { x: 5, y: 5 },
                { x: 6, y: 5 },
                { x: 6, y: 6 },
              ],
            },
            { type: 'point', label: 'person', x: 4, y: 5 },
            { type: 'point', label: 'person', x: 6, y: 7 },
          ],
        },
      },
    ]);
  });

  it('reports malformed entries by index and keeps the rest', () => {
    const result = parseCoco({
      images: [{ id: 1, file_name: 'a.jpg' }, { file_name: 'no-id.jpg' }, { id: 1, file_name: 'dup.jpg' }],
      categories: [{ id: 1, name: 'car' }, { id: 2 }],
      annotations: [
        { id: 1, image_id: 1, category_id: 1, bbox: [0, 0, 1, 1] },
        { id: 2, image_id: 1, category_id: 1, bbox: [0, 0, 'wide', 1] },
        { id: 3, image_id: 5, category_id: 1, bbox: [0, 0, 1, 1] },
        { id: 4, image_id: 1, category_id: 9, bbox: [0, 0, 1, 1] },
        { id: 5, image_id: 1, category_id: 1, segmentation: { counts: 'abc', size: [2, 2] } },
        { id: 6, image_id: 1, category_id: 1, bbox: [0, 0, -1, 1] },
        { id: 7, image_id: 1, category_id: 1, keypoints: [1, 1, 0] },
        { id: 8, image_id: 1, category_id: 1, segmentation: [[0, 0, 1]] },
      ],
    });
    expect(result.problems.map((problem) => problem.path)).toEqual([
      'categories.1',
      'images.1',
      'images.2.id',
      'annotations.1.bbox.2',
      'annotations.2.image_id',
      'annotations.3.category_id',
      'annotations.4',
      'annotations.5',
      'annotations.6',
      'annotations.7',
    ]);
    expect(result.problems[6]?.message).toMatch(/RLE/);
    expect(result.images.map((image) => image.response.annotations.length)).toEqual([1]);
  });

  it('reports a value that is not a COCO file instead of throwing', () => {
    for (const value of [null, 3, 'x', {}, { images: [] }]) {
      const result = parseCoco(value);
      expect(result.images).toEqual([]);
      expect(result.problems).toHaveLength(1);
    }
  });
});

describe('export → import round trip', () => {
  const coordinate = fc
    .double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true })
    // JSON has no negative zero; -0 comes back as 0.
    .map((value) => (value === 0 ? 0 : value));
  const size = fc
    .double({ min: 0, max: 1e6, noNaN: true, noDefaultInfinity: true })
    .map((v) => (v === 0 ? 0 : v));
  const vertex = fc.record({ x: coordinate, y: coordinate });
  const attributes = fc.dictionary(
    fc.string({ minLength: 1, maxLength: 5 }),
    fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.array(fc.string(), { maxLength: 3 })),
    { maxKeys: 3 },
  );
  const base = fc.record(
    {
      label: fc.constantFrom(...LABELS),
      uuid: fc.string({ minLength: 1, maxLength: 8 }),
      attributes,
    },
    { requiredKeys: ['label'] },
  );
  const annotation: fc.Arbitrary<ImageAnnotation> = fc.oneof(
    fc
      .tuple(base, fc.record({ left: coordinate, top: coordinate, width: size, height: size }))
      .map(([b, g]) => ({ ...b, type: 'box' as const, ...g })),
    fc
      .tuple(
        base,
        fc.record({ left: coordinate, top: coordinate, width: size, height: size }),
        // Stored answers are JSON, which has no negative zero.
        fc.double({ min: -Math.PI, max: Math.PI, noNaN: true }).map((v) => (Object.is(v, -0) ? 0 : v)),
        fc.array(vertex, { minLength: 4, maxLength: 4 }),
      )
      .map(([b, g, rotation, vertices]) => ({ ...b, type: 'box' as const, ...g, rotation, vertices })),
    fc
      .tuple(base, fc.array(vertex, { minLength: 1, maxLength: 8 }))
      .map(([b, vertices]) => ({ ...b, type: 'polygon' as const, vertices })),
    fc
      .tuple(base, fc.array(vertex, { minLength: 1, maxLength: 8 }))
      .map(([b, vertices]) => ({ ...b, type: 'line' as const, vertices })),
    fc.tuple(base, vertex).map(([b, p]) => ({ ...b, type: 'point' as const, ...p })),
    fc
      .tuple(base, fc.array(vertex, { minLength: 4, maxLength: 4 }))
      .map(([b, vertices]) => ({ ...b, type: 'ellipse' as const, vertices })),
  );
  const response: fc.Arbitrary<ImageannotationResponse> = fc.record(
    {
      annotations: fc.array(annotation, { maxLength: 6 }),
      global_attributes: attributes,
      links: fc.array(
        fc.record({ label: fc.constant('near'), from: fc.constant('a'), to: fc.constant('b') }),
        { maxLength: 2 },
      ),
    },
    { requiredKeys: ['annotations'] },
  );

  function roundTrip(responses: readonly ImageannotationResponse[], cats: readonly CocoCategory[]) {
    const file = JSON.parse(exportText(responses, cats));
    expect(cocoSchemaProblems(file)).toEqual([]);
    const imported = parseCoco(file);
    expect(imported.problems).toEqual([]);
    expect(imported.images.map((image) => image.taskId)).toEqual(responses.map((_, i) => `task_${i}`));
    expect(imported.images.map((image) => image.response)).toEqual(responses);
  }

  it('gives back every answer exactly: labels, geometry, attributes, uuid, globals and links', () => {
    fc.assert(
      fc.property(fc.array(response, { maxLength: 4 }), (responses) => {
        for (const r of responses) expect(imageannotationResponseSchema.safeParse(r).success).toBe(true);
        roundTrip(responses, categories);
      }),
    );
  });

  it('gives back the answers of the consensus scenarios, cuboids and locked pre-labels included', () => {
    fc.assert(
      fc.property(scenarios, ({ params: scenarioParams, answers }) => {
        const valid = answers.flatMap((answer) => {
          const parsed = imageannotationResponseSchema.safeParse(answer);
          return parsed.success ? [parsed.data] : [];
        });
        roundTrip(valid, cocoCategories(scenarioParams));
      }),
      { numRuns: 50 },
    );
    expect(configurations.some((c) => c.geometries.cuboid)).toBe(true);
  });
});
