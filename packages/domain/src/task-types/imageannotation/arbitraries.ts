import fc from 'fast-check';
import { mulberry32 } from '../../quality/random.ts';
import { leafLabels } from '../../shared/label-description.ts';
import type { ConsensusScenario } from '../../testing/consensus-harness.ts';
import { mustParse } from '../../testing/task-type-harness.ts';
import { attributeApplies, attributeValueProblem, placeholderAttributeValue } from './attributes.ts';
import { imageannotationTaskType as type } from './index.ts';
import { GEOMETRY_KINDS, type ImageannotationParams } from './params.ts';
import type { ImageAnnotation } from './response.ts';

/**
 * Three task configurations covering every geometry, attributes (conditional, linked, global), links and
 * locked pre-labels.
 * @internal
 */
export const configurations = [
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

/**
 * Random image annotation tasks (three configurations covering every geometry, attributes, links and
 * locked pre-labels) with 1–6 random, mostly valid answers, for the property tests of consensus and score.
 * @internal
 */
export const scenarios: fc.Arbitrary<ConsensusScenario<ImageannotationParams>> = fc
  .record({
    params: fc.constantFrom(...configurations),
    seeds: fc.array(fc.integer(), { minLength: 1, maxLength: 6 }),
  })
  .map(({ params: p, seeds }) => ({ params: p, answers: seeds.map((seed) => randomAnswer(p, seed)) }));
