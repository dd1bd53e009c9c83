import {
  type CocoCategory,
  cocoAnnotations,
  cocoImage,
  type ImageannotationResponse,
} from '@groundwork/domain';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cocoBoxesText, cocoImageText } from './coco.ts';

const categories: CocoCategory[] = [
  { id: 1, name: 'car', supercategory: 'car' },
  { id: 2, name: 'person "p"', supercategory: 'person "p"' },
  { id: 3, name: 'bus', supercategory: 'bus' },
];
const categoryIds = new Map(categories.map((c) => [c.name, c.id]));

/** What the domain writes for an answer, as the file lists it (the array's items without brackets). */
const domainText = (response: ImageannotationResponse, imageId: number, nextId: number) =>
  JSON.stringify(cocoAnnotations(response, { imageId, nextId, categories })).slice(1, -1);

const coordinate = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }),
  fc.integer({ min: -5000, max: 5000 }),
  fc.constant(-0),
);
const size = fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true, min: 0, max: 1e6 }), fc.nat(5000));
const attribute = fc.oneof(
  fc.string(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.array(fc.string(), { maxLength: 3 }),
);
const plainBox = fc.record(
  {
    type: fc.constant('box' as const),
    label: fc.constantFrom(...categories.map((c) => c.name)),
    uuid: fc.string({ minLength: 1, unit: 'binary' }),
    attributes: fc.dictionary(fc.string(), attribute, { maxKeys: 3 }),
    left: coordinate,
    top: coordinate,
    width: size,
    height: size,
  },
  { requiredKeys: ['type', 'label', 'left', 'top', 'width', 'height'] },
);

describe('cocoBoxesText', () => {
  it('writes exactly what the domain writes for answers of plain boxes', () => {
    fc.assert(
      fc.property(
        fc.array(plainBox, { minLength: 1, maxLength: 6 }),
        fc.nat(1000),
        fc.integer({ min: 1, max: 1e6 }),
        (annotations, imageId, nextId) => {
          const response = { annotations } as ImageannotationResponse;
          expect(cocoBoxesText(response, { imageId, nextId, categoryIds })).toBe(
            domainText(response, imageId, nextId),
          );
        },
      ),
    );
  });

  it('writes a hand-checked box', () => {
    const response = {
      annotations: [
        {
          type: 'box',
          label: 'bus',
          uuid: 'u"1',
          left: 1.5,
          top: -0,
          width: 3,
          height: 4,
          attributes: { a: 1 },
        },
      ],
    } as ImageannotationResponse;
    expect(cocoBoxesText(response, { imageId: 7, nextId: 9, categoryIds })).toBe(
      '{"id":9,"image_id":7,"category_id":3,"bbox":[1.5,0,3,4],"area":12,"iscrowd":0,"attributes":{"a":1},"groundwork":{"type":"box","uuid":"u\\"1"}}',
    );
  });

  it('leaves every other answer to the domain', () => {
    const box = { type: 'box', label: 'car', left: 0, top: 0, width: 1, height: 1 } as const;
    const cases: unknown[][] = [
      [{ ...box, rotation: 0.5 }],
      [{ ...box, vertices: [] }],
      [box, { type: 'point', label: 'car', x: 1, y: 2 }],
      [{ ...box, label: 'tram' }],
      [{ ...box, width: 1e200, height: 1e200 }],
    ];
    for (const annotations of cases) {
      expect(
        cocoBoxesText({ annotations } as ImageannotationResponse, { imageId: 1, nextId: 1, categoryIds }),
      ).toBeUndefined();
    }
  });
});

describe('cocoImageText', () => {
  it('writes cocoImage’s record with the attachment as coco_url, whatever the answer', () => {
    fc.assert(
      fc.property(
        fc.record({
          id: fc.nat(),
          fileName: fc.string({ unit: 'binary' }),
          width: fc.nat(10_000),
          height: fc.nat(10_000),
          taskId: fc.string(),
          url: fc.option(fc.string({ unit: 'binary' }), { nil: null }),
          globals: fc.option(fc.dictionary(fc.string(), fc.string(), { maxKeys: 2 }), { nil: undefined }),
          links: fc.option(fc.constant([{ from: 'a', to: 'b', label: 'near' }]), { nil: undefined }),
        }),
        ({ globals, links, ...props }) => {
          const response = {
            annotations: [],
            ...(globals !== undefined ? { global_attributes: globals } : {}),
            ...(links !== undefined ? { links } : {}),
          } as ImageannotationResponse;
          const expected = {
            ...cocoImage({ ...props, response }),
            ...(props.url !== null ? { coco_url: props.url } : {}),
          };
          expect(cocoImageText({ ...props, response })).toBe(JSON.stringify(expected));
        },
      ),
    );
  });
});
