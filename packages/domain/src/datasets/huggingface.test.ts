import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scenarios as rankingScenarios } from '../task-types/ranking/arbitraries.ts';
import type { DatasetTask } from './catalog.ts';
import {
  type HuggingFaceFeature,
  type HuggingFaceFeatures,
  huggingFaceCard,
  huggingFaceFeatures,
  huggingFaceFormatFeatures,
  huggingFaceSizeCategory,
  huggingFaceTaskRow,
  parseHuggingFaceTaskRow,
} from './huggingface.ts';
import { dpoPairs, rankingRecords } from './preferences.ts';
import { type DatasetAnswer, jsonLine } from './records.ts';
import { sftChatRecords } from './sft.ts';

const task = (overrides: Partial<DatasetTask> = {}): DatasetTask => ({
  id: 'task_1',
  type: 'demonstration',
  uniqueId: null,
  status: 'completed',
  batch: 'b1',
  params: { prompt: 'Say hi.' },
  response: { completion: 'Hi!' },
  metadata: { source: 'x' },
  tags: [],
  paramsVersion: 4,
  createdAt: '2025-01-01T00:00:00.000Z',
  completedAt: '2025-01-02T00:00:00.000Z',
  ...overrides,
});

describe('huggingFaceFeatures', () => {
  it('infers one type per column: null fits anything, integers widen to floats, structs unite fields', () => {
    expect(
      huggingFaceFeatures([
        { a: 1, b: 'x', c: [1, 2], d: { e: true } },
        { a: 1.5, b: null, c: [], d: { f: 'y' }, g: null },
      ]),
    ).toEqual({
      fields: [
        { name: 'a', type: { kind: 'value', dtype: 'float64' } },
        { name: 'b', type: { kind: 'value', dtype: 'string' } },
        { name: 'c', type: { kind: 'list', item: { kind: 'value', dtype: 'int64' } } },
        {
          name: 'd',
          type: {
            kind: 'struct',
            fields: [
              { name: 'e', type: { kind: 'value', dtype: 'bool' } },
              { name: 'f', type: { kind: 'value', dtype: 'string' } },
            ],
          },
        },
        { name: 'g', type: { kind: 'value', dtype: 'null' } },
      ],
      mixed: [],
    });
  });

  it('names the fields whose values disagree, and a record that is not an object', () => {
    const features = huggingFaceFeatures([
      { prompt: 'text', answers: [{ response: 'a' }] },
      { prompt: [{ role: 'user', content: 'x' }], answers: [{ response: { b: 1 } }] },
    ]);
    expect(features.mixed).toEqual(['prompt', 'answers[].response']);
    expect(huggingFaceFeatures([{ a: 1 }, 'x']).mixed).toEqual(['']);
    expect(huggingFaceFeatures([])).toEqual({ fields: [], mixed: [] });
  });
});

describe('huggingFaceSizeCategory', () => {
  it('follows the Hub’s bands', () => {
    expect(huggingFaceSizeCategory(0)).toBe('n<1K');
    expect(huggingFaceSizeCategory(999)).toBe('n<1K');
    expect(huggingFaceSizeCategory(1000)).toBe('1K<n<10K');
    expect(huggingFaceSizeCategory(250_000)).toBe('100K<n<1M');
    expect(huggingFaceSizeCategory(1e12)).toBe('n>1T');
  });
});

describe('huggingFaceTaskRow', () => {
  it('writes params, response, metadata and answers as JSON text', () => {
    const answer: DatasetAnswer = {
      id: 'a1',
      worker: 'w1',
      stage: 'label',
      round: 0,
      submittedAt: null,
      timeSpentMs: null,
      response: { completion: 'Hey' },
    };
    expect(huggingFaceTaskRow(task(), [answer])).toEqual({
      task_id: 'task_1',
      type: 'demonstration',
      unique_id: null,
      status: 'completed',
      batch: 'b1',
      params: '{"prompt":"Say hi."}',
      response: '{"completion":"Hi!"}',
      metadata: '{"source":"x"}',
      tags: [],
      params_version: 4,
      created_at: '2025-01-01T00:00:00.000Z',
      completed_at: '2025-01-02T00:00:00.000Z',
      answers:
        '[{"id":"a1","worker":"w1","stage":"label","round":0,"submitted_at":null,"time_spent_ms":null,"response":{"completion":"Hey"}}]',
    });
    expect(huggingFaceTaskRow(task({ response: null })).response).toBeNull();
    expect(huggingFaceTaskRow(task()).answers).toBeNull();
  });

  it('reads rows back and names columns that are not JSON text', () => {
    expect(parseHuggingFaceTaskRow(jsonLine(huggingFaceTaskRow(task())))).toEqual({ ok: true, task: task() });
    const row = { ...huggingFaceTaskRow(task()), params: '{oops', metadata: 5 };
    expect(parseHuggingFaceTaskRow(JSON.stringify(row))).toEqual({
      ok: false,
      problems: [
        { path: 'params', message: 'expected JSON text' },
        { path: 'metadata', message: 'expected JSON text' },
      ],
    });
    expect(parseHuggingFaceTaskRow(JSON.stringify({ ...huggingFaceTaskRow(task()), params: '[]' }))).toEqual({
      ok: false,
      problems: [{ path: 'params', message: 'expected an object' }],
    });
  });

  it('round-trips any task with answers', () => {
    const json = fc.jsonValue().map((value) => JSON.parse(JSON.stringify(value)) as unknown);
    const object = fc.dictionary(fc.string(), json);
    fc.assert(
      fc.property(
        object,
        fc.option(json.filter((value) => value !== null)),
        object,
        fc.option(
          fc.array(
            json.map((value) => value ?? null),
            { maxLength: 3 },
          ),
          { nil: undefined },
        ),
        (params, response, metadata, responses) => {
          const original = task({ params, response, metadata: JSON.parse(JSON.stringify(metadata)) });
          const answers = responses?.map((given, i) => ({
            id: `a${i}`,
            worker: 'w',
            stage: 'label',
            round: i,
            submittedAt: null,
            timeSpentMs: i,
            response: given,
          }));
          const parsed = parseHuggingFaceTaskRow(jsonLine(huggingFaceTaskRow(original, answers)));
          expect(parsed).toEqual(
            answers ? { ok: true, task: original, answers } : { ok: true, task: original },
          );
        },
      ),
    );
  });
});

/** Whether every value of `inferred` fits the declared type (null fits anything). */
function fits(inferred: HuggingFaceFeature, declared: HuggingFaceFeature): boolean {
  if (inferred.kind === 'value' && inferred.dtype === 'null') return true;
  if (inferred.kind === 'value' && declared.kind === 'value') return inferred.dtype === declared.dtype;
  if (inferred.kind === 'list' && declared.kind === 'list') return fits(inferred.item, declared.item);
  if (inferred.kind === 'struct' && declared.kind === 'struct') {
    return inferred.fields.every((field) => {
      const match = declared.fields.find((candidate) => candidate.name === field.name);
      return match !== undefined && fits(field.type, match.type);
    });
  }
  return false;
}

function expectFits(inferred: HuggingFaceFeatures, declared: HuggingFaceFeatures) {
  expect(inferred.mixed).toEqual([]);
  expect(fits({ kind: 'struct', fields: inferred.fields }, { kind: 'struct', fields: declared.fields })).toBe(
    true,
  );
  expect(inferred.fields.map((field) => field.name)).toEqual(declared.fields.map((field) => field.name));
}

describe('huggingFaceFormatFeatures', () => {
  it('declares types that every written record fits', () => {
    fc.assert(
      fc.property(rankingScenarios, fc.boolean(), ({ params, answers }, tied) => {
        const tasks = answers.map((response, i) =>
          task({
            id: `t${i}`,
            type: 'ranking',
            params: params as Record<string, unknown>,
            response,
            uniqueId: tied ? 'u' : null,
          }),
        );
        const ranked = tasks.flatMap(rankingRecords);
        expectFits(huggingFaceFeatures(ranked), huggingFaceFormatFeatures('rankings'));
        const pairs = tasks.flatMap(dpoPairs);
        if (pairs.length > 0) expectFits(huggingFaceFeatures(pairs), huggingFaceFormatFeatures('dpo'));
        expectFits(
          huggingFaceFeatures(tasks.map((t) => huggingFaceTaskRow(t, []))),
          huggingFaceFormatFeatures('tasks'),
        );
      }),
    );
    const pairwise = task({
      type: 'pairwisepreference',
      params: { prompt: 'p', responses: [{ content: 'a', model: 'm' }, { content: 'b' }], likert_scale: 5 },
      response: { choice: 'A', strength: 2 },
    });
    expectFits(huggingFaceFeatures(dpoPairs(pairwise)), huggingFaceFormatFeatures('dpo'));
    expectFits(huggingFaceFeatures(rankingRecords(pairwise)), huggingFaceFormatFeatures('rankings'));
    expectFits(
      huggingFaceFeatures([
        ...sftChatRecords(task()),
        ...sftChatRecords(task({ response: { completion: 'x', rationale: 'r' } })),
      ]),
      huggingFaceFormatFeatures('sft_chat'),
    );
  });
});

describe('huggingFaceCard', () => {
  it('writes the front matter and the description', () => {
    const card = huggingFaceCard({
      project: 'Haiku "demos"',
      projectDescription: 'Short poems.',
      type: 'demonstration',
      paramsVersion: 4,
      exportedAt: '2025-03-01T12:00:00.000Z',
      tasks: 1234,
      instruction: 'Write **one** haiku.\n',
      license: 'cc-by-4.0',
      taskCategories: ['text-generation'],
      filters: { status: 'completed', batch: 'b1', tags: ['gold'], asOf: '2025-03-01T12:00:00.000Z' },
      configs: [
        {
          name: 'sft',
          path: 'data/sft.jsonl',
          description: 'One conversation per demonstration.',
          records: 1200,
          features: {
            fields: [
              {
                name: 'messages',
                type: {
                  kind: 'list',
                  item: {
                    kind: 'struct',
                    fields: [{ name: 'role', type: { kind: 'value', dtype: 'string' } }],
                  },
                },
              },
              { name: 'tags', type: { kind: 'list', item: { kind: 'value', dtype: 'string' } } },
              {
                name: 'grid',
                type: { kind: 'list', item: { kind: 'list', item: { kind: 'value', dtype: 'int64' } } },
              },
            ],
            mixed: [],
          },
        },
        { name: 'tasks', path: 'data/tasks.jsonl', description: 'One row per task.', records: 1234 },
      ],
    });
    expect(card).toBe(
      [
        '---',
        'pretty_name: "Haiku \\"demos\\""',
        'license: "cc-by-4.0"',
        'task_categories:',
        '- "text-generation"',
        'size_categories:',
        '- "1K<n<10K"',
        'configs:',
        '- config_name: "sft"',
        '  default: true',
        '  data_files:',
        '  - split: "train"',
        '    path: "data/sft.jsonl"',
        '- config_name: "tasks"',
        '  data_files:',
        '  - split: "train"',
        '    path: "data/tasks.jsonl"',
        'dataset_info:',
        '- config_name: "sft"',
        '  features:',
        '  - name: "messages"',
        '    list:',
        '    - name: "role"',
        '      dtype: string',
        '  - name: "tags"',
        '    list: string',
        '  - name: "grid"',
        '    list:',
        '      list: int64',
        '---',
        '',
        '# Haiku "demos"',
        '',
        'Short poems.',
        '',
        'Exported from Groundwork at 2025-03-01T12:00:00.000Z: 1,234 tasks of project `Haiku "demos"` (task type `demonstration`, project params version 4).',
        '',
        'Selection: status `completed`; batch `b1`; tagged `gold`; as of 2025-03-01T12:00:00.000Z.',
        '',
        '## Configurations',
        '',
        '| Configuration | File | Records |',
        '| --- | --- | ---: |',
        '| `sft` | `data/sft.jsonl` | 1,200 |',
        '| `tasks` | `data/tasks.jsonl` | 1,234 |',
        '',
        '### `sft` (default)',
        '',
        'One conversation per demonstration.',
        '',
        '```python',
        'from datasets import load_dataset',
        '',
        'dataset = load_dataset("path/to/this/folder", "sft", split="train")',
        '```',
        '',
        'Columns:',
        '',
        '- `messages`: list of {role}',
        '- `tags`: list of string',
        '- `grid`: list of list of int64',
        '',
        '### `tasks`',
        '',
        'One row per task.',
        '',
        '```python',
        'from datasets import load_dataset',
        '',
        'dataset = load_dataset("path/to/this/folder", "tasks", split="train")',
        '```',
        '',
        '## Instructions',
        '',
        'Write **one** haiku.',
        '',
      ].join('\n'),
    );
  });

  it('leaves out unknown metadata, declares no features for mixed records, and says so', () => {
    const card = huggingFaceCard({
      project: 'p',
      type: 'textcollection',
      paramsVersion: null,
      exportedAt: '2025-03-01T12:00:00.000Z',
      tasks: 1,
      configs: [
        {
          name: 'default',
          path: 'data/x.jsonl',
          description: 'Rows.',
          records: 1,
          features: huggingFaceFeatures([{ a: 'x' }, { a: 1 }]),
        },
      ],
    });
    expect(card).not.toContain('license:');
    expect(card).not.toContain('task_categories:');
    expect(card).not.toContain('dataset_info:');
    expect(card).toContain('project params version unknown');
    expect(card).toContain('1 task of project');
    expect(card).toContain('These fields hold values of more than one type');
    expect(card).toContain('The project has no instructions.');
  });

  it('describes a folder without data files without an empty configs key', () => {
    const card = huggingFaceCard({
      project: 'p',
      type: 't',
      paramsVersion: 1,
      exportedAt: 'now',
      tasks: 0,
      configs: [],
    });
    expect(card).not.toContain('configs:');
    expect(card).toContain('size_categories:\n- "n<1K"');
    expect(card).toContain('The folder holds no data files.');
  });

  it('escapes YAML line breaks that JSON leaves raw', () => {
    const card = huggingFaceCard({
      project: 'a\u2028b\u0085c',
      type: 't',
      paramsVersion: 1,
      exportedAt: 'now',
      tasks: 0,
      configs: [{ name: 'x\u2029', path: 'p', description: 'd', records: 0 }],
    });
    expect(card).toContain('config_name: "x\\P"');
    expect(card.split('---')[1]).not.toMatch(/[\u0085\u2028\u2029]/);
  });
});
