/**
 * Editing `imageannotation` project params in a form: which geometries may be drawn (each with its labels
 * and limits) and the attributes asked per annotation or per image, with their conditions. Every function
 * takes params and returns new params, changing only the part it names, so whatever the form does not show
 * (links, pre-labels, padding, camera settings) passes through untouched.
 */
import { GEOMETRY_KINDS, type GeometryKind, type LabelOption, leafLabels } from '@groundwork/domain';

/** Project params as the forms edit them: plain JSON. */
export type Params = Record<string, unknown>;

/** A JSON object, or undefined when `value` is not one. */
export function asObject(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

/** What the form says of each geometry kind. */
export const GEOMETRY_INFO: Record<GeometryKind, { title: string; hint: string }> = {
  box: { title: 'Boxes', hint: 'Rectangles, optionally rotated.' },
  polygon: { title: 'Polygons', hint: 'Closed outlines of regions.' },
  line: { title: 'Lines', hint: 'Open polylines (lanes, edges, paths).' },
  point: { title: 'Points', hint: 'Keypoints, optionally connected.' },
  ellipse: { title: 'Ellipses', hint: 'Ellipses and circles.' },
  cuboid: { title: 'Cuboids', hint: '2D-projected 3D boxes (camera settings in the JSON tab).' },
};

/** The geometries object of the params (empty when absent). */
export function geometriesOf(params: Params): Record<string, unknown> {
  return asObject(params.geometries) ?? {};
}

/** The settings of one geometry, or undefined when it is not enabled. */
export function geometryOf(params: Params, kind: GeometryKind): Record<string, unknown> | undefined {
  return asObject(geometriesOf(params)[kind]);
}

/** The labels of one geometry (empty when it has none or is not enabled). */
export function geometryLabels(params: Params, kind: GeometryKind): LabelOption[] {
  const labels = geometryOf(params, kind)?.objects_to_annotate;
  return Array.isArray(labels) ? (labels as LabelOption[]) : [];
}

/** The enabled geometry kinds, in the order editors offer them. */
export function enabledGeometries(params: Params): GeometryKind[] {
  return GEOMETRY_KINDS.filter((kind) => geometryOf(params, kind) !== undefined);
}

/** Params with one geometry's settings replaced (or removed when `settings` is undefined). */
export function setGeometry(
  params: Params,
  kind: GeometryKind,
  settings: Record<string, unknown> | undefined,
): Params {
  const geometries = { ...geometriesOf(params) };
  if (settings === undefined) delete geometries[kind];
  else geometries[kind] = settings;
  return { ...params, geometries };
}

/**
 * Enables a geometry, starting from the labels of the first enabled geometry (most projects draw the same
 * objects with several tools) or a single `object` label.
 */
export function enableGeometry(params: Params, kind: GeometryKind): Params {
  if (geometryOf(params, kind)) return params;
  const first = enabledGeometries(params)[0];
  const labels = first ? geometryLabels(params, first) : [];
  return setGeometry(params, kind, {
    objects_to_annotate: labels.length > 0 ? structuredClone(labels) : ['object'],
  });
}

/** Params with one setting of a geometry changed; `undefined` removes the setting (its default applies). */
export function setGeometrySetting(params: Params, kind: GeometryKind, key: string, value: unknown): Params {
  const settings = { ...(geometryOf(params, kind) ?? {}) };
  if (value === undefined) delete settings[key];
  else settings[key] = value;
  return setGeometry(params, kind, settings);
}

/** Every leaf label of every enabled geometry, once each, in geometry then tree order. */
export function allLeafLabels(params: Params): string[] {
  const labels = new Set<string>();
  for (const kind of enabledGeometries(params)) {
    for (const label of leafLabels(geometryLabels(params, kind))) labels.add(label);
  }
  return [...labels];
}

/** Kinds of attribute the form offers, with what each asks. */
export const ATTRIBUTE_TYPES = [
  { type: 'category', title: 'Choice', hint: 'One (or several) of a list of options, which may be nested.' },
  { type: 'number', title: 'Number', hint: 'A number between optional limits, in steps.' },
  { type: 'angle', title: 'Angle', hint: 'A direction in degrees, 0 to 359.' },
  { type: 'text', title: 'Text', hint: 'Free text.' },
  {
    type: 'x_offset',
    title: 'Horizontal offset',
    hint: 'A position within a box, in px from its left edge.',
  },
  { type: 'y_offset', title: 'Vertical offset', hint: 'A position within a box, in px from its top edge.' },
  {
    type: 'linked',
    title: 'Link to another annotation',
    hint: 'Points at another annotation of the answer.',
  },
] as const;

/** An attribute kind. */
export type AttributeType = (typeof ATTRIBUTE_TYPES)[number]['type'];

/** One attribute as the form lists it: its name and its definition (plain JSON). */
export interface AttributeEntry {
  name: string;
  definition: Record<string, unknown>;
}

/** The attributes of the params, in their order (empty when there are none). */
export function attributeEntries(params: Params): AttributeEntry[] {
  return Object.entries(asObject(params.annotation_attributes) ?? {}).map(([name, definition]) => ({
    name,
    definition: asObject(definition) ?? {},
  }));
}

/** Params with the attributes replaced; an empty list removes `annotation_attributes`. */
export function setAttributeEntries(params: Params, entries: readonly AttributeEntry[]): Params {
  const next = { ...params };
  if (entries.length === 0) delete next.annotation_attributes;
  else
    next.annotation_attributes = Object.fromEntries(entries.map((entry) => [entry.name, entry.definition]));
  return next;
}

/** The kind of an attribute definition (`category` when it names none, as the domain reads it). */
export function attributeType(definition: Record<string, unknown>): string {
  return typeof definition.type === 'string' ? definition.type : 'category';
}

const COMMON_ATTRIBUTE_KEYS = ['description', 'required', 'conditions', 'global'];

/**
 * A definition turned into another kind: what every kind has (question, required, conditions, global) is
 * kept, what only the old kind had is dropped, and the new kind starts from usable settings.
 */
export function changeAttributeType(
  definition: Record<string, unknown>,
  type: AttributeType,
): Record<string, unknown> {
  if (attributeType(definition) === type) return definition;
  const kept = Object.fromEntries(
    Object.entries(definition).filter(([key]) => COMMON_ATTRIBUTE_KEYS.includes(key)),
  );
  if (type === 'category') return { ...kept, type, choices: ['yes', 'no'] };
  return { ...kept, type };
}

/** A new attribute: a yes/no question. */
export function newAttribute(existing: readonly AttributeEntry[]): AttributeEntry {
  const names = new Set(existing.map((entry) => entry.name));
  let index = existing.length + 1;
  while (names.has(`attribute_${index}`)) index += 1;
  return {
    name: `attribute_${index}`,
    definition: { type: 'category', description: '', choices: ['yes', 'no'] },
  };
}

/** A definition with one key set, or removed when `value` is undefined. */
export function setDefinitionKey(
  definition: Record<string, unknown>,
  key: string,
  value: unknown,
): Record<string, unknown> {
  const next = { ...definition };
  if (value === undefined) delete next[key];
  else next[key] = value;
  return next;
}

/**
 * Renames an attribute, also in the other attributes' conditions that name it, so a rename never leaves a
 * condition pointing at nothing. Returns the entries unchanged when the name is taken.
 */
export function renameAttribute(
  entries: readonly AttributeEntry[],
  from: string,
  to: string,
): AttributeEntry[] {
  if (from === to || entries.some((entry) => entry.name === to)) return [...entries];
  return entries.map((entry) => {
    const name = entry.name === from ? to : entry.name;
    const conditions = asObject(entry.definition.conditions);
    const alternatives = conditions?.attribute_conditions;
    if (!conditions || !Array.isArray(alternatives)) return { name, definition: entry.definition };
    const renamed = alternatives.map((alternative) => {
      const object = asObject(alternative);
      if (!object || !(from in object)) return alternative;
      return Object.fromEntries(
        Object.entries(object).map(([key, value]) => [key === from ? to : key, value]),
      );
    });
    return {
      name,
      definition: { ...entry.definition, conditions: { ...conditions, attribute_conditions: renamed } },
    };
  });
}

/** The labels an attribute is restricted to (empty: every label). */
export function labelCondition(definition: Record<string, unknown>): string[] {
  const label = asObject(asObject(definition.conditions)?.label_condition)?.label;
  if (typeof label === 'string') return [label];
  return Array.isArray(label) ? label.filter((item): item is string => typeof item === 'string') : [];
}

/** A definition restricted to `labels` (one label is written as a string); none removes the restriction. */
export function setLabelCondition(
  definition: Record<string, unknown>,
  labels: readonly string[],
): Record<string, unknown> {
  const conditions = { ...(asObject(definition.conditions) ?? {}) };
  if (labels.length === 0) delete conditions.label_condition;
  else conditions.label_condition = { label: labels.length === 1 ? labels[0] : [...labels] };
  return setDefinitionKey(
    definition,
    'conditions',
    Object.keys(conditions).length > 0 ? conditions : undefined,
  );
}

/** A scalar a condition compares an attribute's value with. */
export type ConditionScalar = string | number | boolean;

/** One requirement of an alternative: attribute `name` has one of `values`. */
export interface ConditionRequirement {
  name: string;
  values: ConditionScalar[];
}

/** The alternatives under which an attribute applies (any one fully matching), each a list of requirements. */
export function attributeConditions(definition: Record<string, unknown>): ConditionRequirement[][] {
  const alternatives = asObject(definition.conditions)?.attribute_conditions;
  if (!Array.isArray(alternatives)) return [];
  return alternatives.map((alternative) =>
    Object.entries(asObject(alternative) ?? {}).map(([name, value]) => ({
      name,
      values: (Array.isArray(value) ? value : [value]) as ConditionScalar[],
    })),
  );
}

/**
 * A definition with its attribute conditions replaced; one value is written as a scalar. Requirements still
 * being filled in (no attribute or no value yet) are left out, and so is an alternative that has only such
 * requirements; an alternative with no requirements at all is kept (`{}`: it always holds, as the domain
 * reads it). No alternatives drop `attribute_conditions`.
 */
export function setAttributeConditions(
  definition: Record<string, unknown>,
  alternatives: readonly ConditionRequirement[][],
): Record<string, unknown> {
  const conditions = { ...(asObject(definition.conditions) ?? {}) };
  const complete = (requirement: ConditionRequirement) =>
    requirement.name !== '' && requirement.values.length > 0;
  const written = alternatives
    .filter((alternative) => alternative.length === 0 || alternative.some(complete))
    .map((alternative) =>
      Object.fromEntries(
        alternative
          .filter(complete)
          .map((requirement) => [
            requirement.name,
            requirement.values.length === 1 ? requirement.values[0] : [...requirement.values],
          ]),
      ),
    );
  if (written.length === 0) delete conditions.attribute_conditions;
  else conditions.attribute_conditions = written;
  return setDefinitionKey(
    definition,
    'conditions',
    Object.keys(conditions).length > 0 ? conditions : undefined,
  );
}

/**
 * Condition values typed as a comma-separated list, read as the attribute they test answers them: numbers
 * for number and angle attributes (entries that are not numbers are kept as text, so the domain can name
 * them), text otherwise. Blank entries are dropped.
 */
export function parseConditionValues(text: string, type: string): ConditionScalar[] {
  return text
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .map((part) => {
      if (type === 'number' || type === 'angle' || type === 'x_offset' || type === 'y_offset') {
        const number = Number(part);
        return Number.isFinite(number) ? number : part;
      }
      return part;
    });
}

/** The leaf choices of a category attribute (empty for other kinds). */
export function attributeChoices(definition: Record<string, unknown>): string[] {
  if (attributeType(definition) !== 'category' || !Array.isArray(definition.choices)) return [];
  return leafLabels(definition.choices as LabelOption[]);
}
