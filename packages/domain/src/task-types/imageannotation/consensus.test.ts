import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../quality/random.ts';
import { leafLabels } from '../../shared/label-description.ts';
import { assertConsensusProperties } from '../../testing/consensus-harness.ts';
import { mustParse, responseIssues } from '../../testing/task-type-harness.ts';
import { attributeApplies, attributeValueProblem, placeholderAttributeValue } from './attributes.ts';
import { annotationsF1, shapeSimilarity } from './consensus.ts';
import { imageannotationTaskType as type } from './index.ts';
import { GEOMETRY_KINDS, type ImageannotationParams } from './params.ts';
import type { ImageAnnotation } from './response.ts';

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

const configurations = [
  {
    geometries: {
      box: { objects_to_annotate: ['car', 'truck'], integer_pixels: true, min_width: 4 },
      point: { objects_to_annotate: ['hand'] },
    },
    annotation_attributes: {
      moving: { choices: ['yes', 'no'] },
      speed: {
        type: 'number',
        min: 0,
        max: 100,
        step: 10,
        conditions: { attribute_conditions: [{ moving: 'yes' }] },
      },
      wheel: { type: 'x_offset', required: true },
      owner: { type: 'linked', allowed_labels: ['car'], conditions: { label_condition: { label: 'hand' } } },
      night: { choices: ['yes', 'no'], global: true },
    },
    links: { near: {} },
  },
  {
    geometries: {
      box: { objects_to_annotate: ['car'], can_rotate: true },
      polygon: { objects_to_annotate: ['road', 'car'], min_vertices: 3 },
      line: { objects_to_annotate: ['lane'] },
      ellipse: { objects_to_annotate: ['wheel'] },
      cuboid: { objects_to_annotate: ['car'], min_width: 5 },
    },
    annotation_attributes: {
      note: { type: 'text' },
      kind: { choices: [{ choice: 'group', subchoices: ['x', 'y'] }], allow_multiple: true },
    },
  },
  {
    geometries: { box: { objects_to_annotate: ['car'] } },
    base_annotations: {
      annotations: [
        { uuid: 'pre', type: 'box', label: 'car', left: 0, top: 0, width: 20, height: 20, locked: true },
      ],
    },
    can_add_base_annotations: true,
  },
].map((input) => mustParse(type, { attachment: 'https://example.com/a.jpg', ...input }));

/** A random answer: a few objects near three fixed spots (so answers overlap), random labels and attributes. */
function randomAnswer(p: ImageannotationParams, seed: number): unknown {
  const random = mulberry32(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)] as T;
  const jitter = () => Math.round(random() * 6 - 3);
  const kinds = GEOMETRY_KINDS.filter((kind) => p.geometries[kind]);
  const annotations: ImageAnnotation[] = [];
  const count = Math.floor(random() * 4);
  for (let i = 0; i < count; i += 1) {
    const kind = pick(kinds);
    const geometry = p.geometries[kind];
    if (!geometry) continue;
    const label = pick(leafLabels(geometry.objects_to_annotate));
    const [x, y] = pick([
      [0, 0],
      [100, 40],
      [300, 300],
    ] as const);
    const uuid = random() < 0.8 ? `u${i}-${Math.floor(random() * 3)}` : undefined;
    const base = { label, ...(uuid ? { uuid } : {}) };
    const corner = (dx: number, dy: number) => ({ x: x + dx + jitter(), y: y + dy + jitter() });
    let shape: ImageAnnotation;
    if (kind === 'box') {
      const left = x + jitter();
      const top = y + jitter();
      const width = 30 + jitter();
      const height = 20 + jitter();
      shape =
        random() < 0.3 && p.geometries.box?.can_rotate
          ? {
              ...base,
              type: 'box',
              left,
              top,
              width,
              height,
              rotation: 0.1,
              vertices: [corner(0, 0), corner(30, 0), corner(30, 20), corner(0, 20)],
            }
          : { ...base, type: 'box', left, top, width, height };
    } else if (kind === 'point') shape = { ...base, type: 'point', ...corner(0, 0) };
    else if (kind === 'cuboid') {
      const names = [
        'face-topleft',
        'face-bottomleft',
        'face-topright',
        'face-bottomright',
        'side-topcorner',
        'side-bottomcorner',
      ] as const;
      const offsets = [
        [0, 0],
        [0, 20],
        [30, 0],
        [30, 20],
        [40, -5],
        [40, 15],
      ] as const;
      shape = {
        ...base,
        type: 'cuboid',
        edges: [],
        vertices: names.map((description, k) => ({
          type: 'vertex' as const,
          description,
          ...corner(offsets[k]?.[0] ?? 0, offsets[k]?.[1] ?? 0),
        })),
      };
    } else {
      shape = { ...base, type: kind, vertices: [corner(0, 0), corner(30, 0), corner(30, 20), corner(0, 20)] };
    }
    annotations.push(shape);
  }
  if (p.base_annotations && random() < 0.9) {
    annotations.unshift(
      ...p.base_annotations.annotations.map(({ locked: _locked, ...pre }) => pre as ImageAnnotation),
    );
  }
  const lookup = new Map(annotations.flatMap((a) => (a.uuid ? [[a.uuid, { label: a.label }] as const] : [])));
  for (const annotation of annotations) {
    const values: Record<string, string | number | boolean | string[]> = {};
    for (let round = 0; round < 2; round += 1) {
      for (const [name, definition] of Object.entries(p.annotation_attributes ?? {})) {
        const subject = {
          type: annotation.type,
          label: annotation.label,
          uuid: annotation.uuid,
          attributes: values,
          ...(annotation.type === 'box' ? { width: annotation.width, height: annotation.height } : {}),
        };
        if (!attributeApplies(definition, subject) || values[name] !== undefined) continue;
        const options =
          definition.type === 'linked'
            ? [...lookup.keys()].filter((uuid) => uuid !== annotation.uuid)
            : definition.type === 'category'
              ? leafLabels(definition.choices).map((choice) =>
                  definition.allow_multiple ? [choice] : choice,
                )
              : [placeholderAttributeValue(definition), definition.type === 'number' ? 10 : 'other', 3];
        const value = options.length > 0 ? pick(options) : undefined;
        if (value !== undefined && attributeValueProblem(definition, value, subject, lookup) === undefined)
          values[name] = value;
      }
    }
    if (Object.keys(values).length > 0 || random() < 0.5) annotation.attributes = values;
  }
  const globals = Object.entries(p.annotation_attributes ?? {}).filter(([, definition]) => definition.global);
  const uuids = annotations.flatMap((a) => (a.uuid ? [a.uuid] : []));
  return {
    annotations,
    ...(globals.length > 0
      ? { global_attributes: Object.fromEntries(globals.map(([name]) => [name, pick(['yes', 'no'])])) }
      : {}),
    ...(p.links && uuids.length >= 2 && random() < 0.7
      ? { links: [{ label: 'near', from: uuids[0], to: uuids[1] }] }
      : {}),
  };
}

describe('imageannotation consensus properties', () => {
  it('is valid, bounded, order-independent in agreement, and returns unanimous answers', () => {
    const scenarios = fc
      .record({
        params: fc.constantFrom(...configurations),
        seeds: fc.array(fc.integer(), { minLength: 1, maxLength: 6 }),
      })
      .map(({ params: p, seeds }) => ({ params: p, answers: seeds.map((seed) => randomAnswer(p, seed)) }));
    assertConsensusProperties(type, scenarios, 400);
  });
});
