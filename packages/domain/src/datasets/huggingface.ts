/**
 * A Hugging Face datasets-ready folder: JSON Lines data files plus a `README.md` dataset card whose YAML
 * front matter tells `datasets.load_dataset(folder)` and the Hub which files form which configuration
 * (`configs`) and what type every column has (`dataset_info.features`), followed by a description for
 * people (https://huggingface.co/docs/hub/datasets-cards).
 *
 * Arrow, under `datasets`, needs one type per column. The LLM formats (SFT chat, DPO, rankings) have fixed
 * columns, listed by {@link huggingFaceFormatFeatures}. Generic tasks do not: params and responses differ
 * between types and even between tasks (a prompt is a text or a conversation), so the folder's task rows
 * ({@link huggingFaceTaskRow}) carry `params`, `response`, `metadata` and `answers` as JSON text, read back
 * with `json.loads` or {@link parseHuggingFaceTaskRow}. {@link huggingFaceFeatures} infers the features of
 * any other records and names the columns whose values disagree.
 * @packageDocumentation
 */
import type { FieldIssue } from '../issues.ts';
import type { DatasetTask } from './catalog.ts';
import { type DatasetAnswer, parseObjectLine, parseTaskRecordLine, taskRecord } from './records.ts';

/** A Hugging Face `Value` dtype, as inferred from JSON. */
export type HuggingFaceDtype = 'string' | 'int64' | 'float64' | 'bool' | 'null';

/** The type of a column or nested field. */
export type HuggingFaceFeature =
  | { kind: 'value'; dtype: HuggingFaceDtype }
  | { kind: 'list'; item: HuggingFaceFeature }
  | { kind: 'struct'; fields: HuggingFaceField[] }
  /** Values of incompatible types (a string here, an object there): no Arrow type holds them all. */
  | { kind: 'mixed' };

/** A named column or struct field. */
export interface HuggingFaceField {
  /** Column or field name. */
  name: string;
  /** Its type. */
  type: HuggingFaceFeature;
}

/** The features of a set of records, and where they could not agree on a type. */
export interface HuggingFaceFeatures {
  /** Top-level columns in order of first appearance. */
  fields: HuggingFaceField[];
  /** Paths of columns/fields with incompatible types (`params.prompt`, `answers[].response`); empty when none. */
  mixed: string[];
}

const value = (dtype: HuggingFaceDtype): HuggingFaceFeature => ({ kind: 'value', dtype });

/** The feature of one JSON value. */
function featureOf(input: unknown): HuggingFaceFeature {
  if (input === null || input === undefined) return value('null');
  if (typeof input === 'string') return value('string');
  if (typeof input === 'boolean') return value('bool');
  if (typeof input === 'number') return value(Number.isSafeInteger(input) ? 'int64' : 'float64');
  if (Array.isArray(input)) {
    return { kind: 'list', item: input.map(featureOf).reduce(mergeFeatures, value('null')) };
  }
  if (typeof input === 'object') {
    return {
      kind: 'struct',
      fields: Object.entries(input).map(([name, field]) => ({ name, type: featureOf(field) })),
    };
  }
  return { kind: 'mixed' };
}

/** The narrowest feature holding both: null fits anything, int64 widens to float64, structs unite fields. */
function mergeFeatures(a: HuggingFaceFeature, b: HuggingFaceFeature): HuggingFaceFeature {
  if (a.kind === 'value' && a.dtype === 'null') return b;
  if (b.kind === 'value' && b.dtype === 'null') return a;
  if (a.kind === 'value' && b.kind === 'value') {
    if (a.dtype === b.dtype) return a;
    const numbers = new Set<HuggingFaceDtype>(['int64', 'float64']);
    return numbers.has(a.dtype) && numbers.has(b.dtype) ? value('float64') : { kind: 'mixed' };
  }
  if (a.kind === 'list' && b.kind === 'list') return { kind: 'list', item: mergeFeatures(a.item, b.item) };
  if (a.kind === 'struct' && b.kind === 'struct')
    return { kind: 'struct', fields: mergeFields(a.fields, b.fields) };
  return { kind: 'mixed' };
}

function mergeFields(a: readonly HuggingFaceField[], b: readonly HuggingFaceField[]): HuggingFaceField[] {
  const merged = a.map((field) => ({ ...field }));
  const index = new Map(merged.map((field, i) => [field.name, i]));
  for (const field of b) {
    const at = index.get(field.name);
    if (at === undefined) {
      index.set(field.name, merged.length);
      merged.push({ ...field });
    } else {
      const existing = merged[at] as HuggingFaceField;
      existing.type = mergeFeatures(existing.type, field.type);
    }
  }
  return merged;
}

function mixedPaths(fields: readonly HuggingFaceField[], prefix: string): string[] {
  const paths: string[] = [];
  const visit = (type: HuggingFaceFeature, path: string) => {
    if (type.kind === 'mixed') paths.push(path);
    else if (type.kind === 'list') visit(type.item, `${path}[]`);
    else if (type.kind === 'struct')
      for (const field of type.fields) visit(field.type, `${path}.${field.name}`);
  };
  for (const field of fields) visit(field.type, prefix === '' ? field.name : `${prefix}.${field.name}`);
  return paths;
}

/** Accumulates the features of records one at a time, so a server can infer them while streaming. */
export interface HuggingFaceFeatureCollector {
  /** Takes one record (a JSON object; anything else makes the whole set mixed). */
  add(record: unknown): void;
  /** The features of every record added so far. */
  result(): HuggingFaceFeatures;
}

/** A new, empty {@link HuggingFaceFeatureCollector}. */
export function huggingFaceFeatureCollector(): HuggingFaceFeatureCollector {
  let fields: HuggingFaceField[] = [];
  let rootMixed = false;
  return {
    add(record) {
      const feature = featureOf(record);
      if (feature.kind !== 'struct') rootMixed = true;
      else fields = mergeFields(fields, feature.fields);
    },
    result() {
      return { fields, mixed: rootMixed ? ['', ...mixedPaths(fields, '')] : mixedPaths(fields, '') };
    },
  };
}

/** The features of a set of records (JSON objects). See {@link huggingFaceFeatureCollector} for streams. */
export function huggingFaceFeatures(records: Iterable<unknown>): HuggingFaceFeatures {
  const collector = huggingFaceFeatureCollector();
  for (const record of records) collector.add(record);
  return collector.result();
}

const string = value('string');
const int = value('int64');
const stringList: HuggingFaceFeature = { kind: 'list', item: string };
const struct = (entries: [string, HuggingFaceFeature][]): HuggingFaceFeature => ({
  kind: 'struct',
  fields: entries.map(([name, type]) => ({ name, type })),
});
const messages: HuggingFaceFeature = {
  kind: 'list',
  item: struct([
    ['role', string],
    ['content', string],
  ]),
};
const taskMetadata: [string, HuggingFaceFeature][] = [
  ['task_id', string],
  ['unique_id', string],
  ['type', string],
  ['batch', string],
  ['params_version', int],
  ['completed_at', string],
  ['tags', stringList],
];

/** Columns of {@link huggingFaceTaskRow}. */
const TASK_ROW_FEATURES: [string, HuggingFaceFeature][] = [
  ['task_id', string],
  ['type', string],
  ['unique_id', string],
  ['status', string],
  ['batch', string],
  ['params', string],
  ['response', string],
  ['metadata', string],
  ['tags', stringList],
  ['params_version', int],
  ['created_at', string],
  ['completed_at', string],
  ['answers', string],
];

const FORMAT_FEATURES = {
  tasks: TASK_ROW_FEATURES,
  sft_chat: [
    ['messages', messages],
    ['metadata', struct([...taskMetadata, ['rationale', string]])],
  ],
  dpo: [
    ['prompt', messages],
    ['chosen', messages],
    ['rejected', messages],
    [
      'metadata',
      struct([
        ...taskMetadata,
        ['chosen_id', string],
        ['rejected_id', string],
        ['chosen_model', string],
        ['rejected_model', string],
        ['strength', int],
        ['likert_scale', int],
        ['chosen_rank', int],
        ['rejected_rank', int],
      ]),
    ],
  ],
  rankings: [
    ['prompt', messages],
    ['responses', stringList],
    ['ranks', { kind: 'list', item: int }],
    [
      'metadata',
      struct([
        ...taskMetadata,
        ['response_ids', stringList],
        ['models', stringList],
        ['strength', int],
        ['likert_scale', int],
      ]),
    ],
  ],
} satisfies Record<string, [string, HuggingFaceFeature][]>;

/** The record kinds a Hugging Face folder can hold: task rows, or one of the LLM formats. */
export type HuggingFaceRecordKind = keyof typeof FORMAT_FEATURES;

/**
 * The fixed features of each record kind: `tasks` ({@link huggingFaceTaskRow}), `sft_chat`, `dpo` and
 * `rankings`. Every value may also be null (Arrow columns are nullable).
 */
export function huggingFaceFormatFeatures(kind: HuggingFaceRecordKind): HuggingFaceFeatures {
  return { fields: FORMAT_FEATURES[kind].map(([name, type]) => ({ name, type })), mixed: [] };
}

/** A task row of a Hugging Face folder: the JSON Lines task record with its free-form parts as JSON text. */
export interface HuggingFaceTaskRow {
  /** Task id. */
  task_id: string;
  /** Task type. */
  type: string;
  /** The caller's unique id, or null. */
  unique_id: string | null;
  /** Task status. */
  status: string;
  /** Batch name, or null. */
  batch: string | null;
  /** The params as JSON text. */
  params: string;
  /** The response as JSON text, or null when the task has none. */
  response: string | null;
  /** The metadata as JSON text. */
  metadata: string;
  /** Tags. */
  tags: string[];
  /** Project params version, or null. */
  params_version: number | null;
  /** Creation time. */
  created_at: string;
  /** Completion time, or null. */
  completed_at: string | null;
  /** Every answer as JSON text (the `answers` of the JSON Lines record), or null when not exported. */
  answers: string | null;
}

/**
 * The row of a task for a Hugging Face folder: the columns of the JSON Lines record, with params, response,
 * metadata and answers as JSON text so every row has the same column types.
 */
export function huggingFaceTaskRow(
  task: DatasetTask,
  answers?: readonly DatasetAnswer[],
): HuggingFaceTaskRow {
  const record = taskRecord(task, answers);
  return {
    task_id: record.task_id,
    type: record.type,
    unique_id: record.unique_id,
    status: record.status,
    batch: record.batch,
    params: JSON.stringify(record.params),
    response: record.response === null ? null : JSON.stringify(record.response),
    metadata: JSON.stringify(record.metadata),
    tags: record.tags,
    params_version: record.params_version,
    created_at: record.created_at,
    completed_at: record.completed_at,
    answers: record.answers ? JSON.stringify(record.answers) : null,
  };
}

/**
 * Reads a task row line back into its task and answers, never throwing; problems name the column
 * (`params`: not JSON text) or, as for JSON Lines records, the field.
 */
export function parseHuggingFaceTaskRow(
  line: string,
): { ok: true; task: DatasetTask; answers?: DatasetAnswer[] } | { ok: false; problems: FieldIssue[] } {
  const object = parseObjectLine(line);
  if (!object.ok) return object;
  const row = { ...object.value };
  const problems: FieldIssue[] = [];
  for (const column of ['params', 'response', 'metadata', 'answers']) {
    const text = row[column];
    if (text === null || text === undefined) {
      delete row[column];
      continue;
    }
    if (typeof text !== 'string') {
      problems.push({ path: column, message: 'expected JSON text' });
      continue;
    }
    try {
      row[column] = JSON.parse(text);
    } catch {
      problems.push({ path: column, message: 'expected JSON text' });
    }
  }
  if (problems.length > 0) return { ok: false, problems };
  return parseTaskRecordLine(JSON.stringify(row));
}

/** One configuration of the folder: a data file and what its records are. */
export interface HuggingFaceConfig {
  /** `config_name`, e.g. `sft` or `tasks`. The first configuration is the default one. */
  name: string;
  /** Data file path inside the folder, e.g. `data/sft.jsonl`. */
  path: string;
  /** Split name (default `train`). */
  split?: string;
  /** What one record is, one or two sentences for people. */
  description: string;
  /** Number of records in the file. */
  records: number;
  /** The records' features; without them (or with mixed columns) the card declares none for this config. */
  features?: HuggingFaceFeatures;
}

/** What the dataset card describes. */
export interface HuggingFaceCardInput {
  /** Project name. */
  project: string;
  /** Project description, if any. */
  projectDescription?: string | null;
  /** Task type of the project. */
  type: string;
  /** Project params version the export was made under (null when unknown). */
  paramsVersion: number | null;
  /** Export time, ISO 8601. */
  exportedAt: string;
  /** Number of tasks exported. */
  tasks: number;
  /** The labeling instructions (markdown), if any. */
  instruction?: string | null;
  /** License id (`cc-by-4.0`, `other`…), written only when given. */
  license?: string | null;
  /** Hub task categories (`text-generation`, `object-detection`…), written only when given. */
  taskCategories?: readonly string[];
  /** Language codes, written only when given. */
  language?: readonly string[];
  /** Hub tags, written only when given. */
  tags?: readonly string[];
  /** The task selection of the export, shown in the description. */
  filters?: {
    /** Status filter (`completed`, `any`…). */
    status?: string | null;
    /** Batch name. */
    batch?: string | null;
    /** Tags every task carries. */
    tags?: readonly string[] | null;
    /** Only tasks created at or after this time. */
    createdAfter?: string | null;
    /** Only tasks created at or before this time. */
    createdBefore?: string | null;
    /** The moment the export froze its selection. */
    asOf?: string | null;
  };
  /** The data files, default first (with none, the card says the folder holds no data). */
  configs: readonly HuggingFaceConfig[];
}

/** A YAML double-quoted scalar: JSON string syntax, with the characters YAML 1.1 reads as line breaks escaped. */
function yamlString(text: string): string {
  return JSON.stringify(text).replace(/[\u0085\u2028\u2029]/g, (char) =>
    char === '\u0085' ? '\\N' : char === '\u2028' ? '\\L' : '\\P',
  );
}

function featureLines(type: HuggingFaceFeature, indent: number): string[] {
  const pad = ' '.repeat(indent);
  switch (type.kind) {
    case 'value':
      return [`${pad}dtype: ${type.dtype}`];
    case 'struct':
      return type.fields.length === 0
        ? [`${pad}struct: []`]
        : [`${pad}struct:`, ...fieldLines(type.fields, indent)];
    case 'list': {
      const item = type.item;
      if (item.kind === 'value') return [`${pad}list: ${item.dtype}`];
      if (item.kind === 'struct') {
        return item.fields.length === 0
          ? [`${pad}list: []`]
          : [`${pad}list:`, ...fieldLines(item.fields, indent)];
      }
      return [`${pad}list:`, ...featureLines(item, indent + 2)];
    }
    case 'mixed':
      // Not reached from the card, which declares no features for a configuration with mixed fields.
      return [`${pad}dtype: string`];
  }
}

function fieldLines(fields: readonly HuggingFaceField[], indent: number): string[] {
  const pad = ' '.repeat(indent);
  return fields.flatMap((field) => [
    `${pad}- name: ${yamlString(field.name)}`,
    ...featureLines(field.type, indent + 2),
  ]);
}

const SIZE_CATEGORIES: [number, string][] = [
  [1e3, 'n<1K'],
  [1e4, '1K<n<10K'],
  [1e5, '10K<n<100K'],
  [1e6, '100K<n<1M'],
  [1e7, '1M<n<10M'],
  [1e8, '10M<n<100M'],
  [1e9, '100M<n<1B'],
  [1e10, '1B<n<10B'],
  [1e11, '10B<n<100B'],
  [1e12, '100B<n<1T'],
];

/** The Hub's size category of a record count (`n<1K`, `1K<n<10K`, … `n>1T`). */
export function huggingFaceSizeCategory(count: number): string {
  for (const [limit, name] of SIZE_CATEGORIES) if (count < limit) return name;
  return 'n>1T';
}

function describeType(type: HuggingFaceFeature): string {
  switch (type.kind) {
    case 'value':
      return type.dtype;
    case 'list':
      return `list of ${describeType(type.item)}`;
    case 'struct':
      return `{${type.fields.map((field) => field.name).join(', ')}}`;
    case 'mixed':
      return 'mixed';
  }
}

const singleLine = (text: string) => text.replace(/\s+/g, ' ').trim();
const inlineCode = (text: string) => `\`${singleLine(text).replace(/`/g, 'ˋ')}\``;
const count = (n: number, word: string) => `${n.toLocaleString('en')} ${word}${n === 1 ? '' : 's'}`;

function selectionText(filters: NonNullable<HuggingFaceCardInput['filters']>): string[] {
  const parts: string[] = [];
  if (filters.status)
    parts.push(filters.status === 'any' ? 'any status' : `status ${inlineCode(filters.status)}`);
  if (filters.batch) parts.push(`batch ${inlineCode(filters.batch)}`);
  if (filters.tags && filters.tags.length > 0)
    parts.push(`tagged ${filters.tags.map(inlineCode).join(', ')}`);
  if (filters.createdAfter) parts.push(`created at or after ${filters.createdAfter}`);
  if (filters.createdBefore) parts.push(`created at or before ${filters.createdBefore}`);
  if (filters.asOf) parts.push(`as of ${filters.asOf}`);
  return parts;
}

/**
 * The `README.md` of a datasets-ready folder: YAML front matter (pretty name, license, task categories,
 * language, tags and size category when known; `configs` with each data file, the first as default;
 * `dataset_info` features for each configuration whose features are known and agree), then a description
 * for people: project, task type, params version, export time and selection, counts, how to load each
 * configuration and its columns, and the labeling instructions.
 */
export function huggingFaceCard(input: HuggingFaceCardInput): string {
  const yaml: string[] = ['---', `pretty_name: ${yamlString(singleLine(input.project))}`];
  const list = (key: string, values: readonly string[] | undefined) => {
    if (values && values.length > 0) yaml.push(`${key}:`, ...values.map((entry) => `- ${yamlString(entry)}`));
  };
  if (input.license) yaml.push(`license: ${yamlString(input.license)}`);
  list('task_categories', input.taskCategories);
  list('language', input.language);
  list('tags', input.tags);
  const largest = Math.max(0, ...input.configs.map((config) => config.records));
  yaml.push('size_categories:', `- ${yamlString(huggingFaceSizeCategory(largest))}`);
  if (input.configs.length > 0) yaml.push('configs:');
  input.configs.forEach((config, index) => {
    yaml.push(`- config_name: ${yamlString(config.name)}`);
    if (index === 0) yaml.push('  default: true');
    yaml.push(
      '  data_files:',
      `  - split: ${yamlString(config.split ?? 'train')}`,
      `    path: ${yamlString(config.path)}`,
    );
  });
  const typed = input.configs.filter((config) => config.features && config.features.mixed.length === 0);
  if (typed.length > 0) {
    yaml.push('dataset_info:');
    for (const config of typed) {
      yaml.push(`- config_name: ${yamlString(config.name)}`, '  features:');
      yaml.push(...fieldLines((config.features as HuggingFaceFeatures).fields, 2));
    }
  }
  yaml.push('---');

  const body: string[] = ['', `# ${singleLine(input.project)}`, ''];
  if (input.projectDescription?.trim()) body.push(input.projectDescription.trim(), '');
  body.push(
    `Exported from Groundwork at ${input.exportedAt}: ${count(input.tasks, 'task')} of project ${inlineCode(input.project)} (task type ${inlineCode(input.type)}, project params version ${input.paramsVersion ?? 'unknown'}).`,
  );
  const selection = input.filters ? selectionText(input.filters) : [];
  if (selection.length > 0) body.push('', `Selection: ${selection.join('; ')}.`);
  body.push('', '## Configurations', '');
  if (input.configs.length === 0) body.push('The folder holds no data files.');
  else body.push('| Configuration | File | Records |', '| --- | --- | ---: |');
  for (const config of input.configs) {
    body.push(
      `| ${inlineCode(config.name)} | ${inlineCode(config.path)} | ${config.records.toLocaleString('en')} |`,
    );
  }
  input.configs.forEach((config, index) => {
    body.push(
      '',
      `### ${inlineCode(config.name)}${index === 0 ? ' (default)' : ''}`,
      '',
      config.description.trim(),
      '',
    );
    body.push(
      '```python',
      'from datasets import load_dataset',
      '',
      `dataset = load_dataset("path/to/this/folder", ${JSON.stringify(config.name)}, split=${JSON.stringify(config.split ?? 'train')})`,
      '```',
    );
    const features = config.features;
    if (!features) return;
    body.push('', 'Columns:', '');
    for (const field of features.fields)
      body.push(`- ${inlineCode(field.name)}: ${describeType(field.type)}`);
    if (features.mixed.length > 0) {
      body.push(
        '',
        `These fields hold values of more than one type, so no column types are declared for this configuration: ${features.mixed.map((path) => inlineCode(path === '' ? '(record)' : path)).join(', ')}. Read the file with \`json\` or pandas, or pass \`features\` to \`load_dataset\`.`,
      );
    }
  });
  body.push('', '## Instructions', '');
  body.push(input.instruction?.trim() ? input.instruction.trim() : 'The project has no instructions.');
  return `${[...yaml, ...body].join('\n')}\n`;
}
