import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mustParse, paramIssues, paths, responseIssues } from '../../testing/task-type-harness.ts';
import { textcollectionTaskType as type } from './index.ts';

const choice = (value: string) => ({ label: value, value });

const menu = {
  attachments: [
    { type: 'image', content: 'https://example.com/menu.png' },
    { type: 'text', content: '# Menu page 1', forms: ['category_name'] },
  ],
  title: 'Menu',
  fields: [
    {
      type: 'category',
      field_id: 'category_name',
      title: 'Category',
      choices: [choice('Soup'), choice('Salad')],
    },
    {
      type: 'field_set',
      field_id: 'category_items',
      title: 'Items',
      max_responses_required: 5,
      fields: [
        { type: 'text', field_id: 'item_name', title: 'Name' },
        { type: 'text', field_id: 'item_price', title: 'Price' },
      ],
    },
    {
      type: 'field_set',
      field_id: 'category_metadata',
      title: 'Metadata',
      fields: [
        { type: 'boolean', field_id: 'gluten_friendly', title: 'Gluten friendly?' },
        {
          type: 'category',
          field_id: 'labels',
          title: 'Labels',
          required: false,
          max_choices: 3,
          choices: [choice('Free Range'), choice('All Natural'), choice('Organic')],
        },
      ],
    },
    {
      type: 'number',
      field_id: 'spice',
      title: 'Spice level',
      min: 0,
      max: 5,
      step: 0.5,
      unit: 'chilies',
      condition: { field_id: 'category_name', value: 'Soup' },
    },
    { type: 'datetime', field_id: 'valid_from', title: 'Valid from', format: 'date', required: false },
  ],
};

const referenceAnswer = {
  annotations: {
    category_name: 'Soup',
    category_items: [{ item_name: 'Tom Yum', item_price: '11.79' }],
    category_metadata: { gluten_friendly: true, labels: ['Free Range', 'All Natural'] },
    spice: 2.5,
  },
};

describe('textcollection params', () => {
  it('accepts a form with every field kind', () => {
    const params = mustParse(type, menu);
    expect(type.attachmentUrls(params)).toEqual(['https://example.com/menu.png']);
  });

  const withField = (field: object) => ({ ...menu, fields: [...menu.fields, field] });

  it.each([
    [withField({ type: 'rating', field_id: 'r', title: 'R' }), 'fields.5.type'],
    [withField({ type: 'text', field_id: 'category_name', title: 'dup' }), 'fields.5.field_id'],
    [
      withField({
        type: 'field_set',
        field_id: 'fs',
        title: 'x',
        fields: [{ type: 'boolean', field_id: 'b', title: 'b' }],
      }),
      'fields.5.fields',
    ],
    [
      withField({ type: 'text', field_id: 't', title: 't', max_responses_required: 101 }),
      'fields.5.max_responses_required',
    ],
    [
      withField({
        type: 'text',
        field_id: 't',
        title: 't',
        min_responses_required: 3,
        max_responses_required: 2,
      }),
      'fields.5.min_responses_required',
    ],
    [
      withField({ type: 'text', field_id: 't', title: 't', condition: { field_id: 'later', value: 'x' } }),
      'fields.5.condition.field_id',
    ],
    [
      withField({ type: 'category', field_id: 'c', title: 'c', choices: [choice('a'), choice('a')] }),
      'fields.5.choices.1.value',
    ],
    [withField({ type: 'number', field_id: 'n', title: 'n', min: 5, max: 1 }), 'fields.5.min'],
    [withField({ type: 'text', field_id: 't', title: 't', colour: 'red' }), 'fields.5.colour'],
    [{ ...menu, attachments: [{ type: 'image', content: 'u', forms: ['nope'] }] }, 'attachments.0.forms.0'],
    [{ ...menu, responses_required: 101 }, 'responses_required'],
    [{ ...menu, attachments: [], fields: [] }, 'fields'],
  ])('rejects params case %#', (input, path) => {
    expect(paths(paramIssues(type, input))).toEqual([path]);
  });
});

describe('textcollection response', () => {
  const params = mustParse(type, menu);
  const answer = (overrides: Record<string, unknown>) => ({
    annotations: { ...referenceAnswer.annotations, ...overrides },
  });

  it('accepts the reference answer', () => {
    expect(responseIssues(type, params, referenceAnswer)).toEqual([]);
  });

  it.each([
    [answer({ category_name: 'Stew' }), ['annotations.category_name', 'annotations.spice']],
    [answer({ category_name: undefined }), ['annotations.category_name']],
    [answer({ category_items: { item_name: 'x', item_price: '1' } }), ['annotations.category_items']],
    [answer({ category_items: [] }), ['annotations.category_items']],
    [answer({ category_items: [{ item_name: 'x' }] }), ['annotations.category_items.0.item_price']],
    [
      answer({ category_items: [{ item_name: ' ', item_price: '1' }] }),
      ['annotations.category_items.0.item_name'],
    ],
    [
      answer({ category_metadata: { gluten_friendly: 'yes' } }),
      ['annotations.category_metadata.gluten_friendly'],
    ],
    [
      answer({ category_metadata: { gluten_friendly: true, labels: ['Vegan'] } }),
      ['annotations.category_metadata.labels.0'],
    ],
    [
      answer({ category_metadata: { gluten_friendly: true, labels: 'Organic' } }),
      ['annotations.category_metadata.labels'],
    ],
    [answer({ spice: 2.25 }), ['annotations.spice']],
    [answer({ spice: 6 }), ['annotations.spice']],
    [answer({ valid_from: '2024-13-01' }), ['annotations.valid_from']],
    [answer({ surprise: 1 }), ['annotations.surprise']],
  ])('rejects answer case %#', (response, expected) => {
    expect(paths(responseIssues(type, params, response))).toEqual(expected);
  });

  it('enforces conditions both ways', () => {
    expect(paths(responseIssues(type, params, answer({ spice: undefined })))).toEqual(['annotations.spice']);
    expect(paths(responseIssues(type, params, answer({ category_name: 'Salad' })))).toEqual([
      'annotations.spice',
    ]);
    const { spice: _spice, ...salad } = answer({ category_name: 'Salad' }).annotations;
    expect(responseIssues(type, params, { annotations: salad })).toEqual([]);
  });
});

const leafField = fc.oneof(
  fc
    .record({
      choices: fc.uniqueArray(fc.stringMatching(/^[a-z]{1,4}$/), { minLength: 1, maxLength: 4 }),
      min: fc.nat({ max: 3 }),
      extra: fc.nat({ max: 3 }),
    })
    .map(({ choices, min, extra }) => {
      const minChoices = Math.min(Math.max(min, 1), choices.length);
      return {
        type: 'category',
        choices: choices.map((value) => ({ label: value, value })),
        min_choices: minChoices,
        max_choices: minChoices + extra,
      };
    }),
  fc
    .record({ min: fc.option(fc.nat({ max: 30 }), { nil: undefined }), span: fc.nat({ max: 30 }) })
    .map(({ min, span }) => ({ type: 'text', min_characters: min, max_characters: (min ?? 0) + span + 1 })),
  fc
    .record({
      min: fc.option(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { nil: undefined }),
      span: fc.double({ min: 0, max: 1e6, noNaN: true }),
      step: fc.option(fc.constantFrom(0.1, 0.5, 1, 3, 10), { nil: undefined }),
      maxOnly: fc.double({ min: -1e6, max: 1e6, noNaN: true }),
    })
    .map(({ min, span, step, maxOnly }) => ({
      type: 'number',
      min,
      max: min === undefined ? maxOnly : min + span,
      step,
    })),
  fc.constant({ type: 'boolean' }),
  fc.constantFrom('date', 'time', 'datetime').map((format) => ({ type: 'datetime', format })),
);

const common = fc.record({
  required: fc.boolean(),
  min: fc.integer({ min: 1, max: 3 }),
  extra: fc.nat({ max: 3 }),
});

/** Builds a list of fields with fresh ids and, sometimes, conditions on an earlier sibling. */
function fieldList(depth: number): fc.Arbitrary<Record<string, unknown>[]> {
  const kind =
    depth > 0
      ? fc.oneof({ weight: 4, arbitrary: leafField }, { weight: 1, arbitrary: fc.constant('set') })
      : leafField;
  return fc
    .array(
      fc.tuple(
        kind,
        common,
        fc.option(fc.nat(), { nil: undefined }),
        depth > 0 ? fieldList(depth - 1) : fc.constant([]),
      ),
      {
        minLength: depth > 0 ? 1 : 2,
        maxLength: 4,
      },
    )
    .map((entries) =>
      entries.map(([shape, { required, min, extra }, conditionOn, children], index) => {
        const field: Record<string, unknown> =
          shape === 'set'
            ? {
                type: 'field_set',
                fields:
                  children.length >= 2
                    ? children
                    : [
                        ...children,
                        ...['#p1', '#p2'].map((id) => ({ type: 'boolean', title: 'Pad', field_id: id })),
                      ],
              }
            : { ...(shape as object) };
        field.title = `Question ${index}`;
        field.required = required;
        field.min_responses_required = min;
        field.max_responses_required = min + extra;
        if (conditionOn !== undefined && index > 0) {
          field.condition = { field_id: `#${conditionOn % index}`, value: [true, false, 'a', 0] };
        }
        field.field_id = `#${index}`;
        return field;
      }),
    );
}

/** Makes every field_id unique across the form (ids above are per list). */
function renumber(fields: Record<string, unknown>[], prefix = ''): Record<string, unknown>[] {
  return fields.map((field) => {
    const id = `${prefix}${String(field.field_id).slice(1)}`;
    const condition = field.condition as { field_id: string; value: unknown } | undefined;
    return {
      ...field,
      field_id: `f${id}`,
      ...(condition
        ? { condition: { ...condition, field_id: `f${prefix}${condition.field_id.slice(1)}` } }
        : {}),
      ...(Array.isArray(field.fields)
        ? { fields: renumber(field.fields as Record<string, unknown>[], `${id}_`) }
        : {}),
    };
  });
}

it('placeholder answers pass for arbitrary valid forms', () => {
  fc.assert(
    fc.property(fieldList(2), (fields) => {
      const params = mustParse(type, { fields: renumber(fields) });
      expect(responseIssues(type, params, type.placeholderResponse(params))).toEqual([]);
    }),
    { numRuns: 200 },
  );
});
