import { GEOMETRY_KINDS, type LabelOption } from '@groundwork/domain';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  allLeafLabels,
  attributeChoices,
  attributeConditions,
  attributeEntries,
  changeAttributeType,
  enabledGeometries,
  enableGeometry,
  labelCondition,
  newAttribute,
  parseConditionValues,
  renameAttribute,
  setAttributeConditions,
  setAttributeEntries,
  setDefinitionKey,
  setGeometry,
  setGeometrySetting,
  setLabelCondition,
} from './image-params.ts';
import { labelOptionsToNodes, nodesToLabelOptions } from './label-tree.ts';

/** The demo image project's params (packages/cli/src/demo/content.ts), with a link and padding it lacks. */
const DEMO_IMAGE_PARAMS = {
  geometries: {
    box: {
      objects_to_annotate: [
        { choice: 'person', subchoices: ['adult', 'child'] },
        {
          choice: 'animal',
          subchoices: [
            { choice: 'cat', display: 'Cat' },
            { choice: 'dog', display: 'Dog' },
          ],
        },
      ],
      min_width: 4,
      min_height: 4,
    },
    polygon: {
      objects_to_annotate: [{ choice: 'background', subchoices: ['sky', 'smoke'] }],
      min_vertices: 3,
    },
  },
  annotation_attributes: {
    occlusion: {
      type: 'category',
      description: 'How much of it is hidden?',
      choices: ['0%', '25%', '50%', '75%+'],
    },
    truncated: {
      type: 'category',
      description: 'Is it cut off by the image border?',
      choices: ['no', 'yes'],
      conditions: { label_condition: { label: ['adult', 'child', 'cat', 'dog'] } },
    },
    facing: {
      type: 'angle',
      description: 'Which way is it facing?',
      conditions: { label_condition: { label: ['adult', 'child'] } },
    },
    notes: { type: 'text', description: 'Anything unusual?', required: false },
    lighting: { type: 'category', choices: ['daylight', 'artificial', 'mixed'], global: true },
  },
  links: { rides: { description: 'A person rides a vehicle' } },
  padding: 20,
};

const name = fc.string({ minLength: 1, maxLength: 5 });

const labelOption: fc.Arbitrary<LabelOption> = fc.letrec<{ option: LabelOption }>((tie) => ({
  option: fc.oneof(
    { depthSize: 'small' },
    name,
    fc.record(
      { choice: name, subchoices: fc.array(tie('option'), { minLength: 1, maxLength: 3 }), display: name },
      { requiredKeys: ['choice'] },
    ),
  ),
})).option;

const labels = fc.array(labelOption, { minLength: 1, maxLength: 4 });

const attribute = fc.oneof(
  fc.record(
    { type: fc.constant('category'), description: name, choices: labels, allow_multiple: fc.boolean() },
    { requiredKeys: ['type', 'choices'] },
  ),
  fc.record(
    {
      type: fc.constant('number'),
      min: fc.integer(),
      step: fc.integer({ min: 1, max: 5 }),
      required: fc.boolean(),
    },
    { requiredKeys: ['type'] },
  ),
  fc.record(
    {
      type: fc.constantFrom('angle', 'text', 'x_offset', 'linked'),
      global: fc.boolean(),
      conditions: fc.record(
        {
          label_condition: fc.record({
            label: fc.oneof(name, fc.array(name, { minLength: 1, maxLength: 3 })),
          }),
          attribute_conditions: fc.array(fc.dictionary(name, fc.oneof(name, fc.integer())), {
            minLength: 1,
            maxLength: 2,
          }),
        },
        { requiredKeys: [] },
      ),
    },
    { requiredKeys: ['type'] },
  ),
);

/** Image params as a project might hold them: some geometries with labels and limits, some attributes. */
const imageParams = fc.record(
  {
    geometries: fc
      .subarray([...GEOMETRY_KINDS], { minLength: 1 })
      .chain((kinds) =>
        fc.tuple(
          ...kinds.map((kind) =>
            fc
              .record(
                { objects_to_annotate: labels, min_width: fc.nat(20) },
                { requiredKeys: ['objects_to_annotate'] },
              )
              .map((settings) => [kind, settings] as const),
          ),
        ),
      )
      .map((entries) => Object.fromEntries(entries)),
    annotation_attributes: fc.dictionary(name, attribute, { minKeys: 1, maxKeys: 4 }),
    hide_label: fc.boolean(),
  },
  { requiredKeys: ['geometries'] },
);

/** Reads params into the form's editable shapes (label trees, attribute list) and writes them back. */
function throughTheForm(params: Record<string, unknown>): Record<string, unknown> {
  let written = params;
  for (const kind of enabledGeometries(params)) {
    const settings = (params.geometries as Record<string, { objects_to_annotate: LabelOption[] }>)[kind];
    written = setGeometrySetting(
      written,
      kind,
      'objects_to_annotate',
      nodesToLabelOptions(labelOptionsToNodes(settings?.objects_to_annotate ?? [])),
    );
  }
  const entries = attributeEntries(written).map((entry) =>
    Array.isArray(entry.definition.choices)
      ? {
          name: entry.name,
          definition: setDefinitionKey(
            entry.definition,
            'choices',
            nodesToLabelOptions(labelOptionsToNodes(entry.definition.choices as LabelOption[])),
          ),
        }
      : entry,
  );
  written = setAttributeEntries(written, entries);
  for (const entry of attributeEntries(written)) {
    const alternatives = attributeConditions(entry.definition);
    if (alternatives.length > 0) {
      written = setAttributeEntries(
        written,
        attributeEntries(written).map((e) =>
          e.name === entry.name
            ? { name: e.name, definition: setAttributeConditions(e.definition, alternatives) }
            : e,
        ),
      );
    }
  }
  return written;
}

describe('imageannotation params in the form', () => {
  it('round-trips generated image params losslessly', () => {
    fc.assert(
      fc.property(imageParams, (params) => {
        expect(throughTheForm(params)).toEqual(params);
      }),
    );
  });

  it('gives back the demo params exactly when read into the form and written back', () => {
    const params = structuredClone(DEMO_IMAGE_PARAMS);
    let written: Record<string, unknown> = params;
    for (const kind of enabledGeometries(params)) {
      const labels = params.geometries[kind as 'box' | 'polygon'].objects_to_annotate as LabelOption[];
      written = setGeometrySetting(
        written,
        kind,
        'objects_to_annotate',
        nodesToLabelOptions(labelOptionsToNodes(labels)),
      );
    }
    written = setAttributeEntries(written, attributeEntries(written));
    expect(written).toEqual(DEMO_IMAGE_PARAMS);
  });

  it('enables a geometry with the labels of the first one, and a fresh one with a single label', () => {
    const next = enableGeometry(DEMO_IMAGE_PARAMS, 'point');
    expect(enabledGeometries(next)).toEqual(['box', 'polygon', 'point']);
    expect(
      (next.geometries as Record<string, { objects_to_annotate: unknown }>).point?.objects_to_annotate,
    ).toEqual(DEMO_IMAGE_PARAMS.geometries.box.objects_to_annotate);
    expect(enableGeometry({}, 'line')).toEqual({ geometries: { line: { objects_to_annotate: ['object'] } } });
    // Removing keeps the others.
    expect(enabledGeometries(setGeometry(DEMO_IMAGE_PARAMS, 'box', undefined))).toEqual(['polygon']);
  });

  it('removes a setting so its default applies', () => {
    const next = setGeometrySetting(DEMO_IMAGE_PARAMS, 'box', 'min_width', undefined);
    expect((next.geometries as { box: Record<string, unknown> }).box).toEqual({
      objects_to_annotate: DEMO_IMAGE_PARAMS.geometries.box.objects_to_annotate,
      min_height: 4,
    });
  });

  it('lists every leaf label once, geometry by geometry', () => {
    expect(allLeafLabels(DEMO_IMAGE_PARAMS)).toEqual(['adult', 'child', 'cat', 'dog', 'sky', 'smoke']);
    expect(allLeafLabels({})).toEqual([]);
  });

  it('drops the attributes key when the last attribute goes', () => {
    expect(setAttributeEntries({ annotation_attributes: { a: {} }, x: 1 }, [])).toEqual({ x: 1 });
  });
});

describe('attributes', () => {
  it('keeps what every kind has when the kind changes, and starts a choice with two options', () => {
    const text = { type: 'text', description: 'Why?', required: false, global: true };
    expect(changeAttributeType(text, 'category')).toEqual({
      type: 'category',
      description: 'Why?',
      required: false,
      global: true,
      choices: ['yes', 'no'],
    });
    const number = { type: 'number', description: 'How many?', min: 0, max: 9, step: 1 };
    expect(changeAttributeType(number, 'angle')).toEqual({ type: 'angle', description: 'How many?' });
    expect(changeAttributeType(number, 'number')).toBe(number);
  });

  it('names a new attribute after the existing ones', () => {
    const entries = [{ name: 'attribute_2', definition: {} }];
    expect(newAttribute(entries).name).toBe('attribute_3');
    expect(
      newAttribute([
        { name: 'attribute_2', definition: {} },
        { name: 'attribute_3', definition: {} },
      ]).name,
    ).toBe('attribute_4');
  });

  it('renames an attribute in the conditions that name it, and refuses a taken name', () => {
    const entries = [
      { name: 'kind', definition: { type: 'category', choices: ['car', 'bus'] } },
      {
        name: 'doors',
        definition: { type: 'number', conditions: { attribute_conditions: [{ kind: 'car' }, { other: 1 }] } },
      },
    ];
    const renamed = renameAttribute(entries, 'kind', 'vehicle');
    expect(renamed.map((entry) => entry.name)).toEqual(['vehicle', 'doors']);
    expect(renamed[1]?.definition.conditions).toEqual({
      attribute_conditions: [{ vehicle: 'car' }, { other: 1 }],
    });
    expect(renameAttribute(entries, 'kind', 'doors')).toEqual(entries);
  });

  it('reads and writes label conditions, one label as a string', () => {
    const truncated = DEMO_IMAGE_PARAMS.annotation_attributes.truncated;
    expect(labelCondition(truncated)).toEqual(['adult', 'child', 'cat', 'dog']);
    expect(setLabelCondition({}, ['cat']).conditions).toEqual({ label_condition: { label: 'cat' } });
    expect(setLabelCondition(truncated, []).conditions).toBeUndefined();
    expect(labelCondition({ conditions: { label_condition: { label: 'cat' } } })).toEqual(['cat']);
  });

  it('reads and writes attribute conditions, leaving out requirements still being filled in', () => {
    const definition = {
      type: 'text',
      conditions: { attribute_conditions: [{ kind: ['car', 'bus'], doors: 4 }] },
    };
    expect(attributeConditions(definition)).toEqual([
      [
        { name: 'kind', values: ['car', 'bus'] },
        { name: 'doors', values: [4] },
      ],
    ]);
    expect(
      setAttributeConditions(definition, [
        [
          { name: 'kind', values: ['car'] },
          { name: '', values: ['x'] },
        ],
        [{ name: 'doors', values: [] }],
      ]).conditions,
    ).toEqual({ attribute_conditions: [{ kind: 'car' }] });
    // An alternative without requirements always holds; it is kept, not dropped.
    expect(setAttributeConditions(definition, [[]]).conditions).toEqual({ attribute_conditions: [{}] });
    expect(setAttributeConditions(definition, []).conditions).toBeUndefined();
    // A label condition stays when the attribute conditions go.
    expect(
      setAttributeConditions(
        { conditions: { label_condition: { label: 'a' }, attribute_conditions: [{ b: 1 }] } },
        [],
      ).conditions,
    ).toEqual({ label_condition: { label: 'a' } });
  });

  it('reads typed condition values as the tested attribute answers them', () => {
    expect(parseConditionValues(' 1, 2.5 ,, x ', 'number')).toEqual([1, 2.5, 'x']);
    expect(parseConditionValues('1, yes', 'text')).toEqual(['1', 'yes']);
    expect(parseConditionValues('', 'category')).toEqual([]);
  });

  it('lists the leaf choices of a category attribute only', () => {
    expect(attributeChoices({ choices: [{ choice: 'g', subchoices: ['a', 'b'] }, 'c'] })).toEqual([
      'a',
      'b',
      'c',
    ]);
    expect(attributeChoices({ type: 'text', choices: ['a'] })).toEqual([]);
  });
});
