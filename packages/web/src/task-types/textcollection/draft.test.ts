import {
  checkResponse,
  type FormField,
  textcollectionParamsSchema,
  textcollectionTaskType,
} from '@groundwork/domain';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addEntry,
  checkFormDraft,
  emptyFormDraft,
  type FormDraft,
  fieldAtPath,
  formDraftFromAnswers,
  locateIssue,
  pathKey,
  problemsByPath,
  removeEntry,
  setEntries,
  shownFields,
} from './draft.ts';
import { textcollectionToResponse } from './response.ts';

const params = textcollectionParamsSchema.parse({
  title: 'Menu',
  attachments: [{ type: 'image', content: 'https://example.com/menu.png' }],
  fields: [
    { type: 'text', field_id: 'category_name', title: 'Category name', max_characters: 40 },
    { type: 'number', field_id: 'rating', title: 'Rating', min: 0, max: 5, step: 0.5 },
    { type: 'boolean', field_id: 'gluten_free', title: 'Gluten free', required: false },
    {
      type: 'category',
      field_id: 'labels',
      title: 'Labels',
      required: false,
      max_choices: 2,
      choices: [
        { label: 'Free range', value: 'free_range' },
        { label: 'All natural', value: 'all_natural' },
        { label: 'Organic', value: 'organic' },
      ],
    },
    {
      type: 'category',
      field_id: 'cuisine',
      title: 'Cuisine',
      choices: [
        { label: 'Thai', value: 'thai' },
        { label: 'Italian', value: 'italian' },
      ],
    },
    { type: 'text', field_id: 'region', title: 'Region', condition: { field_id: 'cuisine', value: 'thai' } },
    { type: 'datetime', field_id: 'opened', title: 'Opened on', format: 'date', required: false },
    {
      type: 'field_set',
      field_id: 'items',
      title: 'Menu items',
      max_responses_required: 5,
      fields: [
        { type: 'text', field_id: 'item_name', title: 'Name' },
        { type: 'number', field_id: 'item_price', title: 'Price', min: 0 },
      ],
    },
  ],
});

/** A draft of the menu form with the given entries per field (everything else empty). */
function menuDraft(entries: FormDraft): FormDraft {
  return { ...emptyFormDraft(params.fields), ...entries };
}

const validEntries: FormDraft = {
  category_name: ['Soup'],
  rating: ['4.5'],
  cuisine: [['italian']],
  items: [{ item_name: ['Tom Yum'], item_price: ['11.79'] }],
};

function problems(draft: FormDraft): string[] {
  const result = textcollectionToResponse(params, draft);
  return result.ok ? [] : result.problems;
}

describe('toResponse', () => {
  it('turns a filled draft into the answer the domain accepts', () => {
    const result = textcollectionToResponse(params, menuDraft(validEntries));
    expect(result).toEqual({
      ok: true,
      response: {
        annotations: {
          category_name: 'Soup',
          rating: 4.5,
          cuisine: 'italian',
          items: [{ item_name: 'Tom Yum', item_price: 11.79 }],
        },
      },
    });
  });

  it('names every required field left empty, and no field that is hidden', () => {
    expect(problems(emptyFormDraft(params.fields))).toEqual([
      'Category name is required',
      'Rating is required',
      'Cuisine is required',
      'Menu items #1 › Name is required',
      'Menu items #1 › Price is required',
    ]);
  });

  it('says which number does not parse', () => {
    expect(problems(menuDraft({ ...validEntries, rating: ['4,5'] }))).toEqual([
      'Rating is not a number (“4,5”)',
    ]);
  });

  it('applies the domain limits of numbers and texts, naming the field', () => {
    expect(problems(menuDraft({ ...validEntries, rating: ['7'] }))).toEqual([
      'Rating: expected a number ≤ 5',
    ]);
    expect(problems(menuDraft({ ...validEntries, rating: ['1.25'] }))).toEqual([
      'Rating: expected a multiple of 0.5',
    ]);
    expect(problems(menuDraft({ ...validEntries, category_name: ['x'.repeat(41)] }))).toEqual([
      'Category name: expected at most 40 characters',
    ]);
  });

  it('requires a conditional field once its condition holds, and leaves it out otherwise', () => {
    const thai = menuDraft({ ...validEntries, cuisine: [['thai']] });
    expect(problems(thai)).toEqual(['Region is required']);
    const italianWithRegion = menuDraft({ ...validEntries, region: ['Isan'] });
    const result = textcollectionToResponse(params, italianWithRegion);
    expect(result.ok && 'region' in result.response.annotations).toBe(false);
  });

  it('names the entry and the child field of a repeated field set', () => {
    const draft = menuDraft({
      ...validEntries,
      items: [
        { item_name: ['Tom Yum'], item_price: ['11.79'] },
        { item_name: [''], item_price: ['-2'] },
      ],
    });
    expect(problems(draft)).toEqual([
      'Menu items #2 › Name is required',
      'Menu items #2 › Price: expected a number ≥ 0',
    ]);
  });

  it('names the required fields of an empty entry of a required field set', () => {
    const draft = menuDraft({
      ...validEntries,
      items: [{ item_name: ['Tom Yum'], item_price: ['11.79'] }, emptyFormDraft(fieldSetChildren())],
    });
    expect(problems(draft)).toEqual([
      'Menu items #2 › Name is required',
      'Menu items #2 › Price is required',
    ]);
  });

  it('asks to fill in or remove an empty entry among filled ones of an optional repeated field', () => {
    const tags = textcollectionParamsSchema.parse({
      fields: [{ type: 'text', field_id: 'tags', title: 'Tags', required: false, max_responses_required: 3 }],
    });
    const result = textcollectionToResponse(tags, { tags: ['spicy', '', 'hot'] });
    expect(result).toEqual({
      ok: false,
      problems: ['Tags #2 is empty: fill it in or remove it (Alt+Shift+Backspace)'],
    });
    expect(textcollectionToResponse(tags, { tags: ['', ''] })).toEqual({
      ok: true,
      response: { annotations: {} },
    });
  });

  it('keeps checking the other entries of a field when one entry cannot be used', () => {
    const draft = menuDraft({
      ...validEntries,
      items: [
        { item_name: ['Tom Yum'], item_price: ['11.79'] },
        { item_name: ['Tom Kha'], item_price: ['-10.49'] },
        { item_name: ['Gaeng'], item_price: ['abc'] },
      ],
    });
    expect(problems(draft)).toEqual([
      'Menu items #2 › Price: expected a number ≥ 0',
      'Menu items #3 › Price is not a number (“abc”)',
    ]);
  });

  it('points domain issues at the right entry after leaving an empty entry out', () => {
    const limited = textcollectionParamsSchema.parse({
      fields: [
        {
          type: 'number',
          field_id: 'sizes',
          title: 'Sizes',
          min: 0,
          min_responses_required: 2,
          max_responses_required: 4,
        },
      ],
    });
    const result = textcollectionToResponse(limited, { sizes: ['', '3', '-1'] });
    expect(result).toEqual({
      ok: false,
      problems: [
        'Sizes #1 is empty: fill it in or remove it (Alt+Shift+Backspace)',
        'Sizes #3: expected a number ≥ 0',
      ],
    });
  });

  it('lists problems in the order of the form', () => {
    const draft = menuDraft({ ...validEntries, category_name: [''], rating: ['x'], cuisine: [[]] });
    expect(problems(draft)).toEqual([
      'Category name is required',
      'Rating is not a number (“x”)',
      'Cuisine is required',
    ]);
  });

  it('answers multiple choice with an array and single choice with a value', () => {
    const result = textcollectionToResponse(
      params,
      menuDraft({ ...validEntries, labels: [['free_range', 'organic']] }),
    );
    expect(result.ok && result.response.annotations.labels).toEqual(['free_range', 'organic']);
    expect(result.ok && result.response.annotations.cuisine).toBe('italian');
  });

  it('leaves optional fields out while unanswered and keeps a "no" answer', () => {
    const result = textcollectionToResponse(params, menuDraft({ ...validEntries, gluten_free: [false] }));
    expect(result.ok && result.response.annotations.gluten_free).toBe(false);
    expect(result.ok && 'opened' in result.response.annotations).toBe(false);
  });

  it('reports a malformed date by the field name', () => {
    expect(problems(menuDraft({ ...validEntries, opened: ['31/01/2024'] }))).toEqual([
      'Opened on: expected an ISO-8601 date such as 2024-01-31',
    ]);
  });

  it('does not throw on a stale draft read back from storage', () => {
    expect(problems({ rating: 'oops' } as unknown as FormDraft)).toContain('Rating is required');
  });
});

function fieldSetChildren() {
  const items = params.fields.find((field) => field.field_id === 'items');
  if (items?.type !== 'field_set') throw new Error('menu form has no items field set');
  return items.fields;
}

describe('inline problems', () => {
  it('are grouped under the entry they are about', () => {
    const draft = menuDraft({
      ...validEntries,
      items: [
        { item_name: ['A'], item_price: ['1'] },
        { item_name: ['B'], item_price: ['-1'] },
      ],
    });
    const check = checkFormDraft(params, draft);
    const grouped = problemsByPath(check.problems);
    expect(grouped.get(pathKey(['items', 1, 'item_price', 0]))?.map((problem) => problem.label)).toEqual([
      'Menu items #2 › Price',
    ]);
    expect(grouped.has(pathKey(['items', 0, 'item_price', 0]))).toBe(false);
  });
});

describe('locateIssue', () => {
  it('maps domain paths to draft entries and labels', () => {
    expect(locateIssue(params.fields, ['items', '2', 'item_price'])).toEqual({
      path: ['items', 2, 'item_price', 0],
      label: 'Menu items #3 › Price',
    });
    expect(locateIssue(params.fields, ['labels', '1'])).toEqual({ path: ['labels', 0], label: 'Labels' });
    expect(locateIssue(params.fields, ['items'])).toEqual({ path: ['items'], label: 'Menu items' });
    expect(locateIssue(params.fields, ['nope'])).toEqual({ path: ['nope'], label: 'nope' });
  });
});

describe('repeated entries', () => {
  it('adds entries up to the most answers and removes them down to the fewest', () => {
    let draft = emptyFormDraft(params.fields);
    const indexes: (number | undefined)[] = [];
    for (let i = 0; i < 5; i += 1) {
      const added = addEntry(params.fields, draft, ['items']);
      indexes.push(added.index);
      draft = added.draft;
    }
    expect(indexes).toEqual([1, 2, 3, 4, undefined]);
    expect(fieldAtPath(params.fields, draft, ['items'])?.entries).toHaveLength(5);
    for (let i = 0; i < 6; i += 1) draft = removeEntry(params.fields, draft, ['items'], 0);
    expect(fieldAtPath(params.fields, draft, ['items'])?.entries).toHaveLength(1);
  });

  it('removes the entry asked for, keeping the others in order', () => {
    const draft = menuDraft({
      items: [{ item_name: ['A'] }, { item_name: ['B'] }, { item_name: ['C'] }],
    });
    const next = removeEntry(params.fields, draft, ['items'], 1);
    expect((next.items ?? []).map((entry) => (entry as FormDraft).item_name?.[0])).toEqual(['A', 'C']);
  });

  it('edits a field nested in one entry of a field set without touching the others', () => {
    const draft = menuDraft({ items: [{ item_name: ['A'] }, { item_name: ['B'] }] });
    const next = setEntries(draft, ['items', 1, 'item_name'], ['Bee']);
    const names = (form: FormDraft) => (form.items ?? []).map((entry) => (entry as FormDraft).item_name);
    expect(names(next)).toEqual([['A'], ['Bee']]);
    expect(names(draft)).toEqual([['A'], ['B']]);
  });
});

describe('shownFields', () => {
  it('shows a conditional field only while its condition holds', () => {
    expect(shownFields(params.fields, menuDraft({ cuisine: [['thai']] })).has('region')).toBe(true);
    expect(shownFields(params.fields, menuDraft({ cuisine: [['italian']] })).has('region')).toBe(false);
  });
});

// --- Round trips -------------------------------------------------------------------------------------

const menuAnswers = fc
  .record(
    {
      category_name: fc.string({ minLength: 1, maxLength: 40 }).filter((text) => text.trim() !== ''),
      rating: fc.integer({ min: 0, max: 10 }).map((halves) => halves / 2),
      gluten_free: fc.boolean(),
      labels: fc.subarray(['free_range', 'all_natural', 'organic'], { minLength: 1, maxLength: 2 }),
      cuisine: fc.constantFrom('thai', 'italian'),
      region: fc.string({ minLength: 1 }).filter((text) => text.trim() !== ''),
      opened: fc
        .date({ min: new Date('1900-01-01'), max: new Date('2100-12-31'), noInvalidDate: true })
        .map((date) => date.toISOString().slice(0, 10)),
      items: fc.array(
        fc.record({
          item_name: fc.string({ minLength: 1 }).filter((text) => text.trim() !== ''),
          item_price: fc.integer({ min: 0, max: 100_000 }).map((cents) => cents / 100),
        }),
        { minLength: 1, maxLength: 5 },
      ),
    },
    { requiredKeys: ['category_name', 'rating', 'cuisine', 'items'] },
  )
  .map((answers) => {
    const { region, ...rest } = answers;
    return answers.cuisine === 'thai' ? { ...rest, region: region ?? 'Isan' } : rest;
  });

describe('draft ⇄ response', () => {
  it('round-trips every valid answer of a form with every field kind', () => {
    fc.assert(
      fc.property(menuAnswers, (annotations) => {
        const response = { annotations };
        expect(checkResponse(textcollectionTaskType, params, response).ok).toBe(true);
        const draft = formDraftFromAnswers(params.fields, annotations);
        expect(JSON.parse(JSON.stringify(draft))).toEqual(draft);
        expect(textcollectionToResponse(params, draft)).toEqual({ ok: true, response });
      }),
    );
  });

  it('round-trips the domain placeholder answer of any generated form', () => {
    fc.assert(
      fc.property(generatedForm, (raw) => {
        const parsed = textcollectionParamsSchema.safeParse(raw);
        fc.pre(parsed.success);
        if (!parsed.success) return;
        const form = parsed.data;
        const response = textcollectionTaskType.placeholderResponse(form);
        const draft = formDraftFromAnswers(form.fields, response.annotations);
        expect(textcollectionToResponse(form, draft)).toEqual({ ok: true, response });
      }),
      { numRuns: 200 },
    );
  });

  it('refuses the empty draft of a generated form exactly when a required field needs typing', () => {
    // A required field set whose fields are all optional is answered by `{}`.
    const needsAnswer = (field: FormField): boolean =>
      field.required && (field.type !== 'field_set' || field.fields.some(needsAnswer));
    fc.assert(
      fc.property(generatedForm, (raw) => {
        const parsed = textcollectionParamsSchema.safeParse(raw);
        fc.pre(parsed.success);
        if (!parsed.success) return;
        const result = textcollectionToResponse(parsed.data, emptyFormDraft(parsed.data.fields));
        expect(result.ok).toBe(!parsed.data.fields.some(needsAnswer));
      }),
      { numRuns: 200 },
    );
  });
});

/** Raw form fields of every kind (ids assigned afterwards), nested one level. */
type RawField = Record<string, unknown>;

const responseLimits = fc.integer({ min: 1, max: 3 }).chain((max) =>
  fc.record({
    max_responses_required: fc.constant(max),
    min_responses_required: fc.integer({ min: 1, max }),
  }),
);

const base = fc.record({
  title: fc.constantFrom('Name', 'Price', 'Notes', 'When', 'Kind'),
  required: fc.boolean(),
  limits: fc.oneof(fc.constant({}), responseLimits),
});

const leaf: fc.Arbitrary<RawField> = fc.oneof(
  fc
    .tuple(
      base,
      fc.option(fc.integer({ min: 0, max: 5 }), { nil: undefined }),
      fc.option(fc.integer({ min: 5, max: 30 }), { nil: undefined }),
    )
    .map(([b, min, max]) => ({
      type: 'text',
      title: b.title,
      required: b.required,
      ...b.limits,
      min_characters: min,
      max_characters: max,
    })),
  fc
    .tuple(
      base,
      fc.option(fc.integer({ min: -10, max: 10 }), { nil: undefined }),
      fc.option(fc.constantFrom(0.5, 1, 2.5), { nil: undefined }),
    )
    .map(([b, min, step]) => ({
      type: 'number',
      title: b.title,
      required: b.required,
      ...b.limits,
      min,
      max: min === undefined ? undefined : min + 20,
      step,
    })),
  base.map((b) => ({ type: 'boolean', title: b.title, required: b.required, ...b.limits })),
  fc
    .tuple(base, fc.constantFrom('date', 'time', 'datetime'))
    .map(([b, format]) => ({ type: 'datetime', title: b.title, required: b.required, ...b.limits, format })),
  fc
    .tuple(base, fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 3 }))
    .map(([b, count, maxChoices]) => ({
      type: 'category',
      title: b.title,
      required: b.required,
      ...b.limits,
      choices: Array.from({ length: count }, (_, index) => ({
        label: `Choice ${index}`,
        value: `c${index}`,
      })),
      max_choices: maxChoices,
    })),
);

const field: fc.Arbitrary<RawField> = fc.oneof(
  { weight: 4, arbitrary: leaf },
  {
    weight: 1,
    arbitrary: fc
      .tuple(base, fc.array(leaf, { minLength: 2, maxLength: 3 }), fc.boolean())
      .map(([b, children, inline]) => ({
        type: 'field_set',
        title: b.title,
        required: b.required,
        ...b.limits,
        fields: children,
        inline,
      })),
  },
);

const generatedForm = fc.array(field, { minLength: 1, maxLength: 5 }).map((fields) => {
  let next = 0;
  const withIds = (list: RawField[]): RawField[] =>
    list.map((entry) => {
      const id = `f${next++}`;
      const copy: RawField = { ...entry, field_id: id };
      for (const key of Object.keys(copy)) if (copy[key] === undefined) delete copy[key];
      if (Array.isArray(entry.fields)) copy.fields = withIds(entry.fields as RawField[]);
      return copy;
    });
  return { fields: withIds(fields) };
});
