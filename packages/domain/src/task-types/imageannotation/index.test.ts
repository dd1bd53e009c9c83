import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mustParse, paramIssues, paths, responseIssues } from '../../testing/task-type-harness.ts';
import { imageannotationTaskType as type } from './index.ts';

const params = {
  attachment: 'http://i.imgur.com/v4cBreD.jpg',
  attachment_type: 'image',
  geometries: {
    box: {
      objects_to_annotate: [
        'car',
        { choice: 'vehicle', subchoices: ['truck', { choice: 'bus', display: 'Bus' }] },
      ],
      min_height: 5,
      min_width: 3,
      integer_pixels: true,
    },
    polygon: { objects_to_annotate: ['car', 'road'], min_vertices: 3, max_vertices: 10 },
    line: { objects_to_annotate: ['lane'] },
    point: { objects_to_annotate: ['hand', 'elbow'], connections: [{ pair: ['hand', 'elbow'] }] },
    ellipse: { objects_to_annotate: ['wheel'] },
    cuboid: {
      objects_to_annotate: ['car'],
      camera_intrinsics: { fx: 1000, fy: 1000, cx: 640, cy: 360 },
      camera_rotation_quaternion: { w: 1, x: 0, y: 0, z: 0 },
      camera_height: 1.5,
    },
  },
  annotation_attributes: {
    moving: { description: 'Is it moving?', choices: ['yes', 'no'] },
    occlusion: {
      type: 'number',
      description: 'Occluded %',
      min: 0,
      max: 100,
      step: 25,
      conditions: { label_condition: { label: ['car', 'truck'] } },
    },
    heading: { type: 'angle', required: false },
    plate: {
      type: 'text',
      conditions: { label_condition: { label: 'car' }, attribute_conditions: [{ moving: 'no' }] },
    },
    wheel_x: { type: 'x_offset', description: 'Front wheel position' },
    attached_to: {
      type: 'linked',
      allowed_labels: ['car'],
      conditions: { label_condition: { label: 'hand' } },
    },
    night: { description: 'Is it night?', choices: ['Yes', 'No'], global: true },
  },
  links: { rides: { description: 'person rides vehicle' } },
  context_attachments: [{ attachment: 'https://example.com/context.jpg' }],
  padding: 10,
  instruction_version: 3,
};

const carBox = {
  uuid: 'b1',
  type: 'box',
  label: 'car',
  attributes: { moving: 'yes', occlusion: 25 },
  left: 2,
  top: 4,
  width: 30,
  height: 50,
};

/** The reference's response example, with the elided parts filled in. */
const referenceResponse = {
  annotations: [
    carBox,
    {
      uuid: 'p1',
      type: 'polygon',
      label: 'car',
      attributes: { moving: 'yes', occlusion: 0 },
      vertices: [
        { x: 123, y: 10 },
        { x: 140, y: 49 },
        { x: 67, y: 34 },
      ],
    },
    {
      uuid: 'l1',
      type: 'line',
      label: 'lane',
      attributes: { moving: 'no' },
      vertices: [
        { x: 0, y: 0 },
        { x: 5, y: 5 },
      ],
    },
    {
      uuid: 'pt1',
      type: 'point',
      label: 'hand',
      attributes: { moving: 'no', attached_to: 'b1' },
      x: 10,
      y: 20,
    },
    {
      uuid: 'e1',
      type: 'ellipse',
      label: 'wheel',
      attributes: { moving: 'no' },
      vertices: [
        { x: 4, y: 0 },
        { x: 8, y: 4 },
        { x: 4, y: 8 },
        { x: 0, y: 4 },
      ],
    },
    {
      uuid: 'c1',
      type: 'cuboid',
      label: 'car',
      attributes: { moving: 'yes', occlusion: 50 },
      vertices: [
        { type: 'vertex', description: 'face-topleft', x: 236, y: 308 },
        { type: 'vertex', description: 'face-bottomleft', x: 236, y: 400 },
        { type: 'vertex', description: 'face-topright', x: 320, y: 308 },
        { type: 'vertex', description: 'face-bottomright', x: 320, y: 400 },
        { type: 'vertex', description: 'side-topcorner', x: 360, y: 290 },
        { type: 'vertex', description: 'side-bottomcorner', x: 360, y: 380 },
      ],
      edges: [{ type: 'edge', description: 'face-top', x1: 236, y1: 308, x2: 320, y2: 308 }],
      points_2d: [{ x: 236, y: 308 }],
      points_3d: [{ x: 1, y: 2, z: 3 }],
    },
  ],
  global_attributes: { night: 'No' },
  links: [{ label: 'rides', from: 'pt1', to: 'b1' }],
};

describe('imageannotation params', () => {
  it('accepts every geometry and attribute kind, and tolerates unknown top-level params', () => {
    const parsed = mustParse(type, params);
    expect(parsed.geometries.box?.can_rotate).toBe(false);
    expect(parsed.geometries.polygon?.min_vertices).toBe(3);
    expect(parsed.geometries.line?.max_vertices).toBeNull();
    expect(parsed.annotation_attributes?.moving?.type).toBe('category');
    expect(parsed.geometries.cuboid?.camera_intrinsics?.skew).toBe(0);
    expect(parsed.instruction_version).toBe(3);
    expect(type.attachmentUrls(parsed)).toEqual([
      'http://i.imgur.com/v4cBreD.jpg',
      'https://example.com/context.jpg',
    ]);
  });

  it('accepts the minimal reference params', () => {
    mustParse(type, {
      attachment: 'http://x/cow.jpg',
      attachment_type: 'image',
      geometries: { box: { objects_to_annotate: ['cow'] } },
    });
  });

  const geometries = params.geometries;
  const minimal = { attachment: 'https://x/y.jpg', geometries: { box: { objects_to_annotate: ['car'] } } };
  it.each([
    ['attachment', { ...minimal, attachment: undefined }],
    ['geometries', { ...minimal, geometries: {} }],
    [
      'geometries.circle',
      { ...minimal, geometries: { ...geometries, circle: { objects_to_annotate: ['x'] } } },
    ],
    ['geometries.box.min_width', { ...minimal, geometries: { box: { ...geometries.box, min_width: -1 } } }],
    ['geometries.box.min_widht', { ...minimal, geometries: { box: { ...geometries.box, min_widht: 3 } } }],
    ['geometries.box.objects_to_annotate', { ...minimal, geometries: { box: { objects_to_annotate: [] } } }],
    [
      'geometries.box.objects_to_annotate',
      { ...minimal, geometries: { box: { objects_to_annotate: ['a', { choice: 'g', subchoices: ['a'] }] } } },
    ],
    [
      'geometries.box.objects_to_annotate.1.colour',
      { ...minimal, geometries: { box: { objects_to_annotate: ['a', { choice: 'b', colour: 'red' }] } } },
    ],
    [
      'geometries.polygon.min_vertices',
      {
        ...minimal,
        geometries: { polygon: { objects_to_annotate: ['a'], min_vertices: 5, max_vertices: 4 } },
      },
    ],
    [
      'geometries.point.connections.0.pair.1',
      {
        ...params,
        geometries: {
          ...geometries,
          point: { objects_to_annotate: ['hand'], connections: [{ pair: ['hand', 'knee'] }] },
        },
      },
    ],
    ['annotation_attributes.size.type', { ...minimal, annotation_attributes: { size: { type: 'slider' } } }],
    [
      'annotation_attributes.n.min',
      { ...minimal, annotation_attributes: { n: { type: 'number', min: 5, max: 1 } } },
    ],
    [
      'annotation_attributes.c.choices',
      { ...minimal, annotation_attributes: { c: { description: 'no choices' } } },
    ],
    [
      'annotation_attributes.c.conditions.label_condition.label',
      {
        ...params,
        annotation_attributes: { c: { choices: ['a'], conditions: { label_condition: { label: 'boat' } } } },
      },
    ],
    [
      'annotation_attributes.c.conditions.attribute_conditions.0.ghost',
      {
        ...params,
        annotation_attributes: {
          c: { choices: ['a'], conditions: { attribute_conditions: [{ ghost: 'x' }] } },
        },
      },
    ],
    [
      'annotation_attributes.g.conditions',
      {
        ...params,
        annotation_attributes: {
          g: { choices: ['a'], global: true, conditions: { label_condition: { label: 'car' } } },
        },
      },
    ],
    ['context_attachments.0.attachment', { ...minimal, context_attachments: [{}] }],
    ['context_attachments.0.url', { ...minimal, context_attachments: [{ attachment: 'a', url: 'x' }] }],
    ['padding', { ...minimal, padding: -2 }],
    [
      'base_annotations.annotations.0.label',
      {
        ...minimal,
        base_annotations: { annotations: [{ ...carBox, attributes: undefined, label: 'boat' }] },
      },
    ],
    [
      'base_annotations.annotations.0.width',
      {
        ...minimal,
        geometries: { box: { objects_to_annotate: ['car'], min_width: 3 } },
        base_annotations: { annotations: [{ ...carBox, attributes: undefined, width: 1 }] },
      },
    ],
  ])('rejects at %s', (path, input) => {
    expect(paths(paramIssues(type, input))).toEqual([path]);
  });
});

describe('imageannotation response', () => {
  const parsed = mustParse(type, params);
  const withAnnotation = (annotation: object) => ({
    annotations: [annotation],
    global_attributes: { night: 'Yes' },
  });

  it('accepts the reference answer', () => {
    expect(responseIssues(type, parsed, referenceResponse)).toEqual([]);
  });

  it.each([
    ['annotations.0.type', { ...carBox, type: 'circle' }],
    ['annotations.0.colour', { ...carBox, colour: 'red' }],
    ['annotations.0.label', { ...carBox, label: 'vehicle', attributes: { moving: 'yes' } }],
    ['annotations.0.label', { ...carBox, label: 'boat', attributes: { moving: 'yes' } }],
    ['annotations.0.width', { ...carBox, width: 2 }],
    ['annotations.0.height', { ...carBox, height: 4 }],
    ['annotations.0.left', { ...carBox, left: 2.5 }],
    ['annotations.0.rotation', { ...carBox, rotation: 0.5 }],
    ['annotations.0.attributes.moving', { ...carBox, attributes: { occlusion: 25 } }],
    ['annotations.0.attributes.moving', { ...carBox, attributes: { moving: 'maybe', occlusion: 25 } }],
    ['annotations.0.attributes.moving', { ...carBox, attributes: { moving: ['yes'], occlusion: 25 } }],
    ['annotations.0.attributes.occlusion', { ...carBox, attributes: { moving: 'yes', occlusion: 30 } }],
    ['annotations.0.attributes.occlusion', { ...carBox, attributes: { moving: 'yes', occlusion: 125 } }],
    [
      'annotations.0.attributes.occlusion',
      { ...carBox, label: 'bus', attributes: { moving: 'yes', occlusion: 25 } },
    ],
    [
      'annotations.0.attributes.plate',
      { ...carBox, attributes: { moving: 'yes', occlusion: 25, plate: 'AB-123' } },
    ],
    [
      'annotations.0.attributes.heading',
      { ...carBox, attributes: { moving: 'yes', occlusion: 25, heading: 360 } },
    ],
    [
      'annotations.0.attributes.wheel_x',
      { ...carBox, attributes: { moving: 'yes', occlusion: 25, wheel_x: 31 } },
    ],
    [
      'annotations.0.attributes.colour',
      { ...carBox, attributes: { moving: 'yes', occlusion: 25, colour: 'red' } },
    ],
    [
      'annotations.0.attributes.night',
      { ...carBox, attributes: { moving: 'yes', occlusion: 25, night: 'No' } },
    ],
    [
      'annotations.0.vertices',
      {
        uuid: 'p',
        type: 'polygon',
        label: 'road',
        attributes: { moving: 'no' },
        vertices: [
          { x: 0, y: 0 },
          { x: 1, y: 1 },
        ],
      },
    ],
    [
      'annotations.0.vertices',
      {
        uuid: 'p',
        type: 'polygon',
        label: 'road',
        attributes: { moving: 'no' },
        vertices: Array.from({ length: 11 }, (_, i) => ({ x: i, y: i })),
      },
    ],
    [
      'annotations.0.vertices',
      { type: 'ellipse', label: 'wheel', attributes: { moving: 'no' }, vertices: [{ x: 0, y: 0 }] },
    ],
    [
      'annotations.0.attributes.attached_to',
      { type: 'point', label: 'hand', attributes: { moving: 'no', attached_to: 'nobody' }, x: 1, y: 1 },
    ],
  ])('rejects at %s', (path, annotation) => {
    expect(paths(responseIssues(type, parsed, withAnnotation(annotation)))).toEqual([path]);
  });

  it('accepts the plate only when the car is not moving', () => {
    const parked = { ...carBox, attributes: { moving: 'no', occlusion: 25, plate: 'AB-123' } };
    expect(responseIssues(type, parsed, withAnnotation(parked))).toEqual([]);
  });

  it('checks links, global attributes and uuids', () => {
    const base = { annotations: [carBox, { ...carBox, left: 10 }] };
    expect(paths(responseIssues(type, parsed, base))).toEqual([
      'annotations.1.uuid',
      'global_attributes.night',
    ]);
    const linked = { ...withAnnotation(carBox), links: [{ label: 'tows', from: 'b1', to: 'zz' }] };
    expect(paths(responseIssues(type, parsed, linked))).toEqual(['links.0.label', 'links.0.to']);
    expect(
      paths(
        responseIssues(type, parsed, { ...withAnnotation(carBox), global_attributes: { night: 'Dusk' } }),
      ),
    ).toEqual(['global_attributes.night']);
  });

  it('checks linked targets against allowed_labels', () => {
    const hand = {
      uuid: 'h',
      type: 'point',
      label: 'hand',
      attributes: { moving: 'no', attached_to: 'l' },
      x: 1,
      y: 1,
    };
    const lane = {
      uuid: 'l',
      type: 'line',
      label: 'lane',
      attributes: { moving: 'no' },
      vertices: [{ x: 0, y: 0 }],
    };
    const response = { annotations: [hand, lane], global_attributes: { night: 'No' } };
    expect(paths(responseIssues(type, parsed, response))).toEqual(['annotations.0.attributes.attached_to']);
  });

  it('rejects repeated cuboid corners and too-small cuboids', () => {
    const cuboidParams = mustParse(type, {
      attachment: 'a',
      geometries: { cuboid: { objects_to_annotate: ['car'], min_width: 500 } },
    });
    const cuboid = referenceResponse.annotations[5] as { vertices: object[] };
    const broken = {
      ...cuboid,
      attributes: undefined,
      vertices: [cuboid.vertices[0], ...cuboid.vertices.slice(0, 5)],
    };
    expect(paths(responseIssues(type, cuboidParams, { annotations: [broken] }))).toEqual([
      'annotations.0.vertices.1.description',
      'annotations.0.vertices',
    ]);
  });

  it('requires rotation and vertices together on rotatable boxes', () => {
    const rotatable = mustParse(type, {
      attachment: 'a',
      geometries: { box: { objects_to_annotate: ['car'], can_rotate: true } },
    });
    const box = { type: 'box', label: 'car', left: 0, top: 0, width: 10, height: 10 };
    const corners = [
      { x: 0, y: 0 },
      { x: 10, y: 0 },
      { x: 10, y: 10 },
      { x: 0, y: 10 },
    ];
    expect(
      responseIssues(type, rotatable, { annotations: [{ ...box, rotation: 0.1, vertices: corners }] }),
    ).toEqual([]);
    expect(paths(responseIssues(type, rotatable, { annotations: [{ ...box, rotation: 0.1 }] }))).toEqual([
      'annotations.0.vertices',
    ]);
  });
});

describe('imageannotation base annotations', () => {
  const box = { uuid: 'pre', type: 'box', label: 'car', left: 0, top: 0, width: 10, height: 10 };
  const strict = (flags: object, locked = false) =>
    mustParse(type, {
      attachment: 'a',
      geometries: { box: { objects_to_annotate: ['car', 'truck'] } },
      base_annotations: { annotations: [{ ...box, locked }] },
      ...flags,
    });

  it('lets labelers edit freely by default', () => {
    const params = strict({});
    expect(responseIssues(type, params, { annotations: [] })).toEqual([]);
    expect(
      responseIssues(type, params, {
        annotations: [
          { ...box, label: 'truck', width: 20 },
          { ...box, uuid: 'new' },
        ],
      }),
    ).toEqual([]);
  });

  it('enforces the can_* flags', () => {
    expect(
      paths(responseIssues(type, strict({ can_delete_base_annotations: false }), { annotations: [] })),
    ).toEqual(['annotations']);
    expect(
      paths(
        responseIssues(type, strict({ can_edit_base_annotations: false }), {
          annotations: [{ ...box, width: 20 }],
        }),
      ),
    ).toEqual(['annotations.0']);
    expect(
      paths(
        responseIssues(type, strict({ can_edit_base_annotation_labels: false }), {
          annotations: [{ ...box, label: 'truck' }],
        }),
      ),
    ).toEqual(['annotations.0.label']);
    expect(
      paths(
        responseIssues(type, strict({ can_add_base_annotations: false }), {
          annotations: [box, { ...box, uuid: 'x' }],
        }),
      ),
    ).toEqual(['annotations.1']);
  });

  it('never lets locked pre-labels change', () => {
    const locked = strict({}, true);
    expect(responseIssues(type, locked, { annotations: [box] })).toEqual([]);
    expect(paths(responseIssues(type, locked, { annotations: [{ ...box, top: 1 }] }))).toEqual([
      'annotations.0',
    ]);
    expect(paths(responseIssues(type, locked, { annotations: [] }))).toEqual(['annotations']);
  });
});

const label = fc.constantFrom('car', 'truck', 'bus', 'person', 'road', 'lane', 'tree');
const labelList = fc
  .uniqueArray(label, { minLength: 1, maxLength: 4 })
  .chain((labels) =>
    fc
      .boolean()
      .map((nest) =>
        nest && labels.length > 1 ? [labels[0], { choice: 'group', subchoices: labels.slice(1) }] : labels,
      ),
  );
const optionalMin = fc.option(fc.integer({ min: 0, max: 40 }), { nil: undefined });

const geometriesArbitrary = fc
  .record(
    {
      box: fc.record({
        objects_to_annotate: labelList,
        min_width: optionalMin,
        min_height: optionalMin,
        integer_pixels: fc.boolean(),
        can_rotate: fc.boolean(),
      }),
      polygon: fc
        .record({
          objects_to_annotate: labelList,
          min_vertices: fc.integer({ min: 1, max: 8 }),
          extra: fc.option(fc.nat({ max: 5 }), { nil: undefined }),
        })
        .map(({ extra, ...rest }) => ({
          ...rest,
          max_vertices: extra === undefined ? null : rest.min_vertices + extra,
        })),
      line: fc.record({ objects_to_annotate: labelList, min_vertices: fc.integer({ min: 1, max: 4 }) }),
      point: fc.record({ objects_to_annotate: labelList }),
      ellipse: fc.record({ objects_to_annotate: labelList }),
      cuboid: fc.record({ objects_to_annotate: labelList, min_width: optionalMin, min_height: optionalMin }),
    },
    { requiredKeys: [] },
  )
  .filter((geometries) => Object.keys(geometries).length > 0);

const attributeArbitrary = fc.oneof(
  fc.record({
    choices: fc.uniqueArray(fc.string({ minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 3 }),
    allow_multiple: fc.boolean(),
  }),
  fc
    .record({
      type: fc.constant('number'),
      min: fc.integer({ min: -50, max: 50 }),
      span: fc.nat({ max: 100 }),
      step: fc.constantFrom(1, 0.5, 7),
    })
    .map(({ span, ...rest }) => ({ ...rest, max: rest.min + span })),
  fc.record({
    type: fc.constant('number'),
    max: fc.integer({ min: -50, max: 50 }),
    step: fc.constantFrom(1, 0.25, 3),
  }),
  fc.constant({ type: 'angle' }),
  fc.constant({ type: 'text' }),
  fc.constantFrom({ type: 'x_offset' }, { type: 'y_offset' }),
  fc.constant({ type: 'linked', required: true }),
);

const attributesArbitrary = fc
  .array(
    fc.record({
      attribute: attributeArbitrary,
      required: fc.option(fc.boolean(), { nil: undefined }),
      global: fc.boolean(),
      onLabel: fc.option(label, { nil: undefined }),
      onFirst: fc.boolean(),
    }),
    { maxLength: 5 },
  )
  .map((entries) => {
    const attributes: Record<string, object> = {};
    entries.forEach(({ attribute, required, global, onLabel, onFirst }, index) => {
      const kind = (attribute as { type?: string }).type ?? 'category';
      const canBeGlobal = ['category', 'number', 'angle', 'text'].includes(kind);
      const definition: Record<string, unknown> = { ...attribute };
      if (required !== undefined) definition.required = required;
      if (global && canBeGlobal) definition.global = true;
      else {
        const conditions: Record<string, unknown> = {};
        if (onLabel)
          conditions.label_condition = {
            label: [onLabel, 'car', 'lane', 'person', 'road', 'tree', 'truck', 'bus'].slice(0, 2),
          };
        const first = Object.entries(attributes)[0];
        if (onFirst && first && !(first[1] as { global?: boolean }).global) {
          conditions.attribute_conditions = [{ [first[0]]: ['x', 0, 'a'] }];
        }
        if (Object.keys(conditions).length > 0) definition.conditions = conditions;
      }
      attributes[`attr${index}`] = definition;
    });
    return attributes;
  });

describe('imageannotation placeholder', () => {
  it('passes checkResponse for arbitrary valid params', () => {
    fc.assert(
      fc.property(geometriesArbitrary, attributesArbitrary, (geometries, annotation_attributes) => {
        const allLabels = new Set(
          JSON.stringify(geometries)
            .match(/"(car|truck|bus|person|road|lane|tree)"/g)
            ?.map((l) => l.slice(1, -1)),
        );
        // Label conditions must name labels of the task; drop those the generated geometries lack.
        for (const attribute of Object.values(annotation_attributes) as {
          conditions?: { label_condition?: { label: string[] } };
        }[]) {
          const condition = attribute.conditions?.label_condition;
          if (condition) condition.label = condition.label.filter((l) => allLabels.has(l));
          if (condition && condition.label.length === 0) delete attribute.conditions?.label_condition;
        }
        const parsed = mustParse(type, { attachment: 'https://x/y.jpg', geometries, annotation_attributes });
        const placeholder = type.placeholderResponse(parsed);
        expect(responseIssues(type, parsed, placeholder)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('draws one annotation when it can', () => {
    const parsed = mustParse(type, {
      attachment: 'a',
      geometries: { box: { objects_to_annotate: ['car'], min_width: 25 } },
    });
    const placeholder = type.placeholderResponse(parsed);
    expect(placeholder.annotations).toHaveLength(1);
    expect(placeholder.annotations[0]).toMatchObject({ type: 'box', label: 'car', width: 25 });
  });

  it('keeps pre-labels that may not be deleted', () => {
    const parsed = mustParse(type, {
      attachment: 'a',
      geometries: { box: { objects_to_annotate: ['car'] } },
      base_annotations: {
        annotations: [
          { uuid: 'pre', type: 'box', label: 'car', left: 0, top: 0, width: 5, height: 5, locked: true },
        ],
      },
    });
    expect(type.placeholderResponse(parsed).annotations.map((a) => a.uuid)).toEqual(['pre']);
  });
});
