/**
 * Which form control edits each top-level param of a task type, read from the type's own params schema
 * (its JSON Schema: types, limits, defaults, descriptions), so every param of every registered type has a
 * control: a checkbox, a select, a number or text input, a list, a key → description table, a label tree,
 * a criteria list, and for anything else a JSON box checked against the schema. Params each task brings
 * itself (the image, the prompt) are left to the tasks.
 */
import type { TaskTypeRegistry } from '@groundwork/domain';
import { taskTypeInfo } from './type-catalog.ts';

/** How a param is edited. */
export type ControlKind =
  | 'boolean'
  | 'enum'
  | 'integer'
  | 'number'
  | 'text'
  | 'markdown'
  | 'strings'
  | 'field-map'
  | 'entity-labels'
  | 'criteria'
  | 'json';

/** One param's control. */
export interface ParamControl {
  /** The param's key. */
  key: string;
  kind: ControlKind;
  /** Its label in the form. */
  title: string;
  /** The schema's description of it. */
  description: string;
  /** The value that applies when the project does not set it (the schema's default), if any. */
  defaultValue: unknown;
  /** Options of an `enum`. */
  options: string[];
  /** Limits of a number. */
  minimum: number | undefined;
  maximum: number | undefined;
  /** Rarely changed (pre-label permissions, canvas margins): the form tucks it away. */
  advanced: boolean;
}

/** Params the dedicated forms edit (the image geometries and attributes, the categories with their ids). */
const DEDICATED: Record<string, readonly string[]> = {
  imageannotation: ['geometries', 'annotation_attributes'],
  categorization: ['categories', 'category_ids'],
};

const TITLES: Record<string, string> = {
  attachment_type: 'Kind of attachment',
  allow_multiple: 'Allow several categories',
  choices: 'Choices',
  fields: 'Fields to fill in',
  repeatable_fields: 'Fields repeated per item (rows)',
  labels: 'Entity labels',
  allow_overlap: 'Allow overlapping spans',
  criteria: 'Criteria to rate each response on',
  likert_scale: 'Points on the preference-strength scale',
  allow_tie: 'Allow a tie',
  allow_ties: 'Allow ties (responses sharing a rank)',
  require_justification: 'Require a justification',
  require_rationale: 'Require a rationale',
  guidelines: 'Writing guidelines (markdown)',
  min_length: 'Shortest reply (characters)',
  max_length: 'Longest reply (characters)',
  title: 'Form heading',
  description: 'Introduction above the form',
  responses_required: 'Independent answers to collect',
  hide_label: 'Hide label names on the canvas',
  padding: 'Canvas margin (px)',
  paddingX: 'Horizontal canvas margin (px)',
  paddingY: 'Vertical canvas margin (px)',
  links: 'Links between annotations',
  can_add_base_annotations: 'Annotators may add annotations to pre-labels',
  can_edit_base_annotations: 'Annotators may move and reshape pre-labels',
  can_edit_base_annotation_labels: 'Annotators may relabel pre-labels',
  can_delete_base_annotations: 'Annotators may delete pre-labels',
};

const MARKDOWN_KEYS = new Set(['guidelines', 'description']);

/** Params most projects never change; the form shows them folded. */
const ADVANCED_KEYS = new Set([
  'links',
  'padding',
  'paddingX',
  'paddingY',
  'can_add_base_annotations',
  'can_edit_base_annotations',
  'can_edit_base_annotation_labels',
  'can_delete_base_annotations',
]);

/** `allow_multiple` → `Allow multiple`. */
export function humanizeKey(key: string): string {
  const words = key.replace(/([a-z])([A-Z])/g, '$1 $2').replaceAll('_', ' ');
  return words.charAt(0).toUpperCase() + words.slice(1).toLowerCase();
}

type JsonSchema = Record<string, unknown>;

function kindOf(key: string, schema: JsonSchema): ControlKind {
  if (key === 'criteria') return 'criteria';
  if (key === 'labels' && (schema.items as JsonSchema | undefined)?.$ref !== undefined)
    return 'entity-labels';
  const type = schema.type;
  if (type === 'boolean') return 'boolean';
  if (type === 'string' && Array.isArray(schema.enum)) return 'enum';
  if (type === 'integer') return 'integer';
  if (type === 'number') return 'number';
  if (type === 'string' && schema.const === undefined) return MARKDOWN_KEYS.has(key) ? 'markdown' : 'text';
  const items = schema.items as JsonSchema | undefined;
  if (type === 'array' && items?.type === 'string') return 'strings';
  const values = schema.additionalProperties as JsonSchema | undefined;
  if (type === 'object' && values?.type === 'string' && schema.properties === undefined) return 'field-map';
  return 'json';
}

const cache = new Map<string, ParamControl[]>();

/**
 * The controls of a type's project params, in the schema's order: every top-level param except those each
 * task brings and those a dedicated form edits. Empty for an unknown type.
 */
export function paramControls(registry: TaskTypeRegistry, type: string): ParamControl[] {
  const known = cache.get(type);
  if (known) return known;
  const taskType = registry.get(type);
  if (!taskType) return [];
  const schema = taskType.paramsSchema.toJSONSchema({
    unrepresentable: 'any',
    io: 'input',
  }) as unknown as JsonSchema;
  const skip = new Set([...(taskTypeInfo(type)?.contentKeys ?? []), ...(DEDICATED[type] ?? [])]);
  const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
  const controls = Object.entries(properties)
    .filter(([key]) => !skip.has(key))
    .map(([key, property]): ParamControl => {
      const kind = kindOf(key, property);
      return {
        key,
        kind,
        title: TITLES[key] ?? humanizeKey(key),
        description: typeof property.description === 'string' ? property.description : '',
        defaultValue: property.default,
        options: Array.isArray(property.enum) ? property.enum.map(String) : [],
        minimum: typeof property.minimum === 'number' ? property.minimum : undefined,
        maximum:
          typeof property.maximum === 'number' && property.maximum < Number.MAX_SAFE_INTEGER
            ? property.maximum
            : undefined,
        advanced: ADVANCED_KEYS.has(key),
      };
    });
  cache.set(type, controls);
  return controls;
}

/** Whether a type has a dedicated form for some of its params. */
export function hasDedicatedForm(type: string): boolean {
  return type in DEDICATED;
}

/** The params a type's dedicated form edits (none for types without one). */
export function dedicatedKeys(type: string): readonly string[] {
  return DEDICATED[type] ?? [];
}
