import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DatasetTask } from './catalog.ts';
import { type DatasetAnswer, jsonLine, parseTaskRecordLine, taskRecord, taskRecordLine } from './records.ts';

const task = (overrides: Partial<DatasetTask> = {}): DatasetTask => ({
  id: 'task_1',
  type: 'categorization',
  uniqueId: 'u-1',
  status: 'completed',
  batch: 'b1',
  params: { attachment: 'https://example.com/a.jpg', categories: ['cat', 'dog'] },
  response: { category: 'cat' },
  metadata: { source: 'crawl' },
  tags: ['x'],
  paramsVersion: 3,
  createdAt: '2025-01-02T03:04:05.000Z',
  completedAt: '2025-01-03T00:00:00.000Z',
  ...overrides,
});

const answer: DatasetAnswer = {
  id: 'asg_1',
  worker: 'usr_1',
  stage: 'label',
  round: 0,
  submittedAt: '2025-01-02T10:00:00.000Z',
  timeSpentMs: 5200,
  response: { category: 'dog' },
};

describe('taskRecord', () => {
  it('writes every field in snake_case, nulls included', () => {
    expect(taskRecord(task({ uniqueId: null, batch: null, completedAt: null, response: null }))).toEqual({
      task_id: 'task_1',
      type: 'categorization',
      unique_id: null,
      status: 'completed',
      batch: null,
      params: { attachment: 'https://example.com/a.jpg', categories: ['cat', 'dog'] },
      response: null,
      metadata: { source: 'crawl' },
      tags: ['x'],
      params_version: 3,
      created_at: '2025-01-02T03:04:05.000Z',
      completed_at: null,
    });
  });

  it('writes an undefined response as null and adds answers only when given', () => {
    expect(taskRecord(task({ response: undefined })).response).toBeNull();
    expect('answers' in taskRecord(task())).toBe(false);
    expect(taskRecord(task(), [answer]).answers).toEqual([
      {
        id: 'asg_1',
        worker: 'usr_1',
        stage: 'label',
        round: 0,
        submitted_at: '2025-01-02T10:00:00.000Z',
        time_spent_ms: 5200,
        response: { category: 'dog' },
      },
    ]);
    expect(taskRecord(task(), []).answers).toEqual([]);
  });

  it('writes one line that parses to the record', () => {
    const line = taskRecordLine(task());
    expect(line).not.toContain('\n');
    expect(JSON.parse(line)).toEqual(taskRecord(task()));
  });
});

describe('jsonLine', () => {
  it('escapes line and paragraph separators and keeps the value', () => {
    const value = { text: 'a\u2028b\u2029c\nd' };
    const line = jsonLine(value);
    expect(line).toBe('{"text":"a\\u2028b\\u2029c\\nd"}');
    expect(JSON.parse(line)).toEqual(value);
  });
});

describe('parseTaskRecordLine', () => {
  it('reads a written line back into the task and answers', () => {
    const result = parseTaskRecordLine(taskRecordLine(task(), [answer]));
    expect(result).toEqual({ ok: true, task: task(), answers: [answer] });
  });

  it('reports bad fields by path and never throws', () => {
    expect(parseTaskRecordLine('not json')).toMatchObject({ ok: false, problems: [{ path: '' }] });
    expect(parseTaskRecordLine('[1]')).toEqual({
      ok: false,
      problems: [{ path: '', message: 'expected a JSON object' }],
    });
    const record = { ...taskRecord(task(), [answer]) } as Record<string, unknown>;
    const broken: Record<string, unknown> = {
      ...record,
      params: [],
      tags: 'x',
      created_at: 'yesterday',
      answers: [{ ...(record.answers as object[])[0], worker: 5 }],
    };
    delete broken.status;
    const result = parseTaskRecordLine(JSON.stringify(broken));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual(
      expect.arrayContaining([
        { path: 'status', message: 'is required' },
        { path: 'params', message: 'expected an object' },
        { path: 'tags', message: 'expected an array' },
        { path: 'created_at', message: 'expected an ISO 8601 time' },
        { path: 'answers.0.worker', message: 'expected a string' },
      ]),
    );
    expect(result.problems).toHaveLength(5);
  });

  it('reads an absent response as null and ignores unknown fields', () => {
    const { response: _response, ...rest } = taskRecord(task());
    const result = parseTaskRecordLine(JSON.stringify({ ...rest, extra: 1 }));
    expect(result).toEqual({ ok: true, task: task({ response: null }) });
  });

  it('keeps a "__proto__" key of params as data', () => {
    const line =
      '{"task_id":"t","type":"x","unique_id":null,"status":"pending","batch":null,"params":{"__proto__":{"a":1}},"response":null,"metadata":{},"tags":[],"params_version":null,"created_at":"2025-01-01T00:00:00.000Z","completed_at":null}';
    const result = parseTaskRecordLine(line);
    expect(result.ok && Object.keys(result.task.params)).toEqual(['__proto__']);
  });
});

/** A JSON value as it comes back from JSON (no −0, which JSON writes as 0). */
const json = fc.jsonValue().map((value) => JSON.parse(JSON.stringify(value)) as unknown);
const jsonObject = fc
  .dictionary(fc.string(), json)
  .map((value) => JSON.parse(JSON.stringify(value)) as Record<string, unknown>);
const time = fc
  .date({ min: new Date('1970-01-01T00:00:00Z'), max: new Date('2200-01-01T00:00:00Z'), noInvalidDate: true })
  .map((date) => date.toISOString());

/** Any task as the server would stream it. */
const datasetTasks: fc.Arbitrary<DatasetTask> = fc.record({
  id: fc.string({ minLength: 1 }),
  type: fc.constantFrom('imageannotation', 'demonstration', 'ranking', 'textcollection'),
  uniqueId: fc.option(fc.string()),
  status: fc.constantFrom('pending', 'completed', 'canceled', 'error'),
  batch: fc.option(fc.string()),
  params: jsonObject,
  response: fc.option(json.filter((value) => value !== null)),
  metadata: jsonObject,
  tags: fc.array(fc.string()),
  paramsVersion: fc.option(fc.integer({ min: 1, max: 1000 })),
  createdAt: time,
  completedAt: fc.option(time),
});

const answers: fc.Arbitrary<DatasetAnswer[]> = fc.array(
  fc.record({
    id: fc.string({ minLength: 1 }),
    worker: fc.string({ minLength: 1 }),
    stage: fc.constantFrom('label', 'review'),
    round: fc.nat(5),
    submittedAt: fc.option(time),
    timeSpentMs: fc.option(fc.nat()),
    response: json.map((value) => value ?? null),
  }),
  { maxLength: 4 },
);

describe('task records round trip', () => {
  it('reads back every task exactly (JSON values, no −0)', () => {
    fc.assert(
      fc.property(datasetTasks, (original) => {
        expect(parseTaskRecordLine(taskRecordLine(original))).toEqual({ ok: true, task: original });
      }),
    );
  });

  it('reads back every task with its answers', () => {
    fc.assert(
      fc.property(datasetTasks, answers, (original, given) => {
        expect(parseTaskRecordLine(taskRecordLine(original, given))).toEqual({
          ok: true,
          task: original,
          answers: given,
        });
      }),
    );
  });

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          json.map((value) => JSON.stringify(value) ?? ''),
        ),
        (line) => {
          const result = parseTaskRecordLine(line);
          if (!result.ok) expect(result.problems.length).toBeGreaterThan(0);
        },
      ),
    );
  });
});
