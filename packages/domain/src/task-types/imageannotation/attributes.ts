import * as z from 'zod';
import { type FieldIssue, fieldIssue } from '../../issues.ts';
import { labelListSchema, labelProblem, leafLabels } from '../../shared/label-description.ts';
import { numberProblem, placeholderNumber } from '../../shared/numbers.ts';

const scalarSchema = z.union([z.string(), z.number(), z.boolean()]);

/** A value an attribute condition accepts: one value, or a list of accepted values. */
export const conditionValueSchema = z.union([scalarSchema, z.array(scalarSchema).min(1)]);

/** When an attribute applies: to some labels and/or when other attributes have given values. */
export const attributeConditionsSchema = z.strictObject({
  /** The attribute applies only to annotations with this label (or one of these labels). */
  label_condition: z
    .strictObject({
      /** Label or labels the attribute applies to. */
      label: z
        .union([z.string().min(1), z.array(z.string().min(1)).min(1)])
        .describe('Label(s) it applies to.'),
    })
    .optional()
    .describe('Restrict the attribute to some labels.'),
  /**
   * Each entry maps attribute names to accepted values; the attribute applies when any entry fully matches
   * (entries are alternatives, the names inside one entry must all match).
   */
  attribute_conditions: z
    .array(z.record(z.string().min(1), conditionValueSchema))
    .min(1)
    .optional()
    .describe('Alternatives; each maps other attribute names to accepted values, all of which must match.'),
});

const common = {
  /** Question shown to the labeler. */
  description: z.string().optional().describe('Question shown to the labeler.'),
  /** Whether the attribute must be answered when it applies (default: true for category, number and angle). */
  required: z
    .boolean()
    .optional()
    .describe('Must be answered when it applies (default true for category/number/angle).'),
  /** When the attribute applies. */
  conditions: attributeConditionsSchema.optional().describe('When the attribute applies.'),
  /** Asked once per image and returned in `response.global_attributes` instead of per annotation. */
  global: z.boolean().optional().describe('Asked once per image; answered in response.global_attributes.'),
};

const categoryAttributeSchema = z.strictObject({
  ...common,
  /** Multiple choice (the default kind). */
  type: z.literal('category').describe('Multiple choice (default).'),
  /** Options; only leaf labels are answers. */
  choices: labelListSchema.describe('Options (strings or LabelDescriptions); answers use leaf labels.'),
  /** Whether several options may be chosen (value is then an array). */
  allow_multiple: z.boolean().default(false).describe('Allow several options (value is then an array).'),
});

const numberAttributeSchema = z.strictObject({
  ...common,
  /** A number. */
  type: z.literal('number').describe('A number.'),
  /** Smallest value. */
  min: z.number().optional().describe('Smallest value.'),
  /** Largest value. */
  max: z.number().optional().describe('Largest value.'),
  /** Increments from min (or 0); default 1. */
  step: z.number().positive().default(1).describe('Increments from min (or 0), default 1.'),
});

const angleAttributeSchema = z.strictObject({
  ...common,
  /** An angle in degrees, 0 ≤ value < 360. */
  type: z.literal('angle').describe('Angle in degrees, 0 ≤ value < 360.'),
});

const textAttributeSchema = z.strictObject({
  ...common,
  /** Free text. */
  type: z.literal('text').describe('Free text.'),
});

const offsetAttributeSchema = z.strictObject({
  ...common,
  /** A horizontal (x) or vertical (y) position within a box, in pixels from its left/top edge. */
  type: z
    .enum(['x_offset', 'y_offset'])
    .describe('Position within a box, in px from its left (x) or top (y) edge.'),
});

const linkedAttributeSchema = z.strictObject({
  ...common,
  /** A reference to another annotation of the same answer, by `uuid`. */
  type: z.literal('linked').describe('uuid of another annotation in the same answer.'),
  /** Labels the linked annotation may have. */
  allowed_labels: z
    .array(z.string().min(1))
    .min(1)
    .optional()
    .describe('Labels the linked annotation may have.'),
});

/** An annotation attribute definition; `type` defaults to `category`. */
export const annotationAttributeSchema = z.preprocess(
  (value) =>
    typeof value === 'object' && value !== null && !Array.isArray(value) && !('type' in value)
      ? { ...value, type: 'category' }
      : value,
  z
    .discriminatedUnion('type', [
      categoryAttributeSchema,
      numberAttributeSchema,
      angleAttributeSchema,
      textAttributeSchema,
      offsetAttributeSchema,
      linkedAttributeSchema,
    ])
    .superRefine((attribute, ctx) => {
      if (attribute.type === 'number' && attribute.min !== undefined && attribute.max !== undefined) {
        if (attribute.min > attribute.max)
          ctx.addIssue({ code: 'custom', path: ['min'], message: 'must be ≤ max' });
      }
    }),
);

/** A parsed annotation attribute definition. */
export type AnnotationAttribute = z.output<typeof annotationAttributeSchema>;

/** `{name: definition}` of annotation attributes. */
export const annotationAttributesSchema = z
  .record(z.string().min(1), annotationAttributeSchema)
  .describe('Attributes asked per annotation (or per image when global), keyed by name.');

/** Parsed attribute definitions by name. */
export type AnnotationAttributes = z.output<typeof annotationAttributesSchema>;

/** A value of an attribute in an answer. */
export const attributeValueSchema = z.union([z.string(), z.number(), z.boolean(), z.array(z.string())]);

/** An attribute value. */
export type AttributeValue = z.output<typeof attributeValueSchema>;

/** Whether an answer must contain this attribute when it applies. */
export function isRequired(attribute: AnnotationAttribute): boolean {
  return attribute.required ?? ['category', 'number', 'angle'].includes(attribute.type);
}

function matches(
  accepted: z.output<typeof conditionValueSchema>,
  value: AttributeValue | undefined,
): boolean {
  if (value === undefined) return false;
  const acceptedList = Array.isArray(accepted) ? accepted : [accepted];
  const given = Array.isArray(value) ? value : [value];
  return given.some((entry) => acceptedList.includes(entry));
}

/** The annotation facts that decide whether an attribute applies and which values are valid. */
export interface AttributeSubject {
  /** Geometry kind of the annotation. */
  type: string;
  /** Its label. */
  label: string;
  /** Its uuid, if any. */
  uuid?: string | undefined;
  /** Box size, for offset attributes. */
  width?: number | undefined;
  /** Box size, for offset attributes. */
  height?: number | undefined;
  /** Its attribute values. */
  attributes?: Readonly<Record<string, AttributeValue>> | undefined;
}

/** Whether a per-annotation attribute applies to `subject` (its conditions hold, and offsets only on boxes). */
export function attributeApplies(attribute: AnnotationAttribute, subject: AttributeSubject): boolean {
  if (attribute.global) return false;
  if ((attribute.type === 'x_offset' || attribute.type === 'y_offset') && subject.type !== 'box')
    return false;
  const conditions = attribute.conditions;
  if (!conditions) return true;
  if (conditions.label_condition) {
    const labels = conditions.label_condition.label;
    if (!(Array.isArray(labels) ? labels : [labels]).includes(subject.label)) return false;
  }
  if (conditions.attribute_conditions) {
    const values = subject.attributes ?? {};
    return conditions.attribute_conditions.some((entry) =>
      Object.entries(entry).every(([name, accepted]) => matches(accepted, values[name])),
    );
  }
  return true;
}

/** Context for linked attributes: the annotations of the answer by uuid. */
export type AnnotationLookup = ReadonlyMap<string, { label: string }>;

/** Why `value` is not acceptable for `attribute`, or undefined. */
export function attributeValueProblem(
  attribute: AnnotationAttribute,
  value: AttributeValue,
  subject: AttributeSubject | undefined,
  lookup: AnnotationLookup,
): string | undefined {
  switch (attribute.type) {
    case 'category': {
      if (Array.isArray(value)) {
        if (!attribute.allow_multiple) return 'expected a single choice (allow_multiple is false)';
        if (value.length === 0) return 'expected at least one choice';
        if (new Set(value).size !== value.length) return 'a choice is selected twice';
        for (const entry of value) {
          const problem = labelProblem(attribute.choices, entry);
          if (problem) return problem;
        }
        return undefined;
      }
      if (typeof value !== 'string') return 'expected a choice (string)';
      return labelProblem(attribute.choices, value);
    }
    case 'number':
      return typeof value === 'number' ? numberProblem(value, attribute) : 'expected a number';
    case 'angle':
      return typeof value === 'number' && value >= 0 && value < 360
        ? undefined
        : 'expected degrees, 0 ≤ value < 360';
    case 'text':
      return typeof value === 'string' ? undefined : 'expected a string';
    case 'x_offset':
    case 'y_offset': {
      const size = attribute.type === 'x_offset' ? subject?.width : subject?.height;
      if (typeof value !== 'number') return 'expected a number';
      if (size === undefined) return undefined;
      return value >= 0 && value <= size
        ? undefined
        : `expected a number from 0 to ${size} (the box ${attribute.type === 'x_offset' ? 'width' : 'height'})`;
    }
    case 'linked': {
      if (typeof value !== 'string') return 'expected the uuid of another annotation';
      if (value === subject?.uuid) return 'an annotation cannot link to itself';
      const target = lookup.get(value);
      if (!target) return `no annotation in this answer has uuid "${value}"`;
      if (attribute.allowed_labels && !attribute.allowed_labels.includes(target.label)) {
        return `the linked annotation's label "${target.label}" is not one of allowed_labels`;
      }
      return undefined;
    }
  }
}

/** Checks one annotation's attributes: known, applicable, required ones present, values valid. */
export function annotationAttributeIssues(
  definitions: AnnotationAttributes | undefined,
  subject: AttributeSubject,
  lookup: AnnotationLookup,
  path: PropertyKey[],
): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const values = subject.attributes ?? {};
  for (const name of Object.keys(values)) {
    const definition = definitions?.[name];
    if (!definition || definition.global) issues.push(fieldIssue([...path, name], 'unknown attribute'));
  }
  for (const [name, definition] of Object.entries(definitions ?? {})) {
    if (definition.global) continue;
    const value = values[name];
    if (!attributeApplies(definition, subject)) {
      if (value !== undefined) issues.push(fieldIssue([...path, name], 'does not apply to this annotation'));
      continue;
    }
    if (value === undefined) {
      if (isRequired(definition)) issues.push(fieldIssue([...path, name], 'is required'));
      continue;
    }
    const problem = attributeValueProblem(definition, value, subject, lookup);
    if (problem) issues.push(fieldIssue([...path, name], problem));
  }
  return issues;
}

/** Checks `response.global_attributes` against the global attribute definitions. */
export function globalAttributeIssues(
  definitions: AnnotationAttributes | undefined,
  values: Readonly<Record<string, AttributeValue>> | undefined,
  path: PropertyKey[],
): FieldIssue[] {
  const issues: FieldIssue[] = [];
  for (const name of Object.keys(values ?? {})) {
    if (!definitions?.[name]?.global) issues.push(fieldIssue([...path, name], 'unknown global attribute'));
  }
  for (const [name, definition] of Object.entries(definitions ?? {})) {
    if (!definition.global) continue;
    const value = values?.[name];
    if (value === undefined) {
      if (isRequired(definition)) issues.push(fieldIssue([...path, name], 'is required'));
      continue;
    }
    const problem = attributeValueProblem(definition, value, undefined, new Map());
    if (problem) issues.push(fieldIssue([...path, name], problem));
  }
  return issues;
}

/** A valid value for `attribute` (linked attributes have none without a target). */
export function placeholderAttributeValue(attribute: AnnotationAttribute): AttributeValue | undefined {
  switch (attribute.type) {
    case 'category': {
      const first = leafLabels(attribute.choices)[0] ?? '';
      return attribute.allow_multiple ? [first] : first;
    }
    case 'number':
      return placeholderNumber(attribute);
    case 'angle':
    case 'x_offset':
    case 'y_offset':
      return 0;
    case 'text':
      return 'placeholder';
    case 'linked':
      return undefined;
  }
}

/** Fills the required attributes that apply to `subject`, re-evaluating conditions until stable. */
export function placeholderAnnotationAttributes(
  definitions: AnnotationAttributes | undefined,
  subject: Omit<AttributeSubject, 'attributes'>,
): Record<string, AttributeValue> {
  const values: Record<string, AttributeValue> = {};
  const entries = Object.entries(definitions ?? {}).filter(([, definition]) => !definition.global);
  for (let round = 0; round <= entries.length; round += 1) {
    let changed = false;
    for (const [name, definition] of entries) {
      const applies = attributeApplies(definition, { ...subject, attributes: values });
      if (applies && isRequired(definition) && values[name] === undefined) {
        const value = placeholderAttributeValue(definition);
        if (value !== undefined) {
          values[name] = value;
          changed = true;
        }
      } else if (!applies && values[name] !== undefined) {
        delete values[name];
        changed = true;
      }
    }
    if (!changed) break;
  }
  return values;
}
