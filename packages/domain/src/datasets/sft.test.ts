import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ChatMessage } from '../shared/genai.ts';
import type { DatasetTask } from './catalog.ts';
import { jsonLine } from './records.ts';
import { parseSftChatLine, sftChatRecords } from './sft.ts';

const demonstration = (overrides: Partial<DatasetTask> = {}): DatasetTask => ({
  id: 'task_1',
  type: 'demonstration',
  uniqueId: 'u-1',
  status: 'completed',
  batch: 'b1',
  params: { prompt: 'Write a haiku about rain.', guidelines: 'Be concise.' },
  response: { completion: 'Soft rain on the roof' },
  metadata: {},
  tags: ['poetry'],
  paramsVersion: 2,
  createdAt: '2025-01-01T00:00:00.000Z',
  completedAt: '2025-01-02T00:00:00.000Z',
  ...overrides,
});

const metadata = {
  task_id: 'task_1',
  unique_id: 'u-1',
  type: 'demonstration',
  batch: 'b1',
  params_version: 2,
  completed_at: '2025-01-02T00:00:00.000Z',
  tags: ['poetry'],
  rationale: null,
};

describe('sftChatRecords', () => {
  it('turns a text prompt into a user message and the completion into the assistant reply', () => {
    expect(sftChatRecords(demonstration())).toEqual([
      {
        messages: [
          { role: 'user', content: 'Write a haiku about rain.' },
          { role: 'assistant', content: 'Soft rain on the roof' },
        ],
        metadata,
      },
    ]);
  });

  it('keeps a conversation message by message, system message included, and carries the rationale', () => {
    const prompt: ChatMessage[] = [
      { role: 'system', content: 'You are terse.' },
      { role: 'user', content: 'Hi' },
      { role: 'assistant', content: 'Hello.' },
      { role: 'user', content: 'Name a colour.' },
    ];
    const [record] = sftChatRecords(
      demonstration({ params: { prompt }, response: { completion: 'Teal.', rationale: 'Short.' } }),
    );
    expect(record?.messages).toEqual([...prompt, { role: 'assistant', content: 'Teal.' }]);
    expect(record?.metadata.rationale).toBe('Short.');
  });

  it('keeps a text prompt exactly, whitespace included', () => {
    expect(sftChatRecords(demonstration({ params: { prompt: '  two\nlines ' } }))[0]?.messages[0]).toEqual({
      role: 'user',
      content: '  two\nlines ',
    });
  });

  it('emits nothing for tasks without a usable demonstration', () => {
    expect(sftChatRecords(demonstration({ status: 'pending', response: null, completedAt: null }))).toEqual(
      [],
    );
    expect(sftChatRecords(demonstration({ type: 'ranking' }))).toEqual([]);
    expect(sftChatRecords(demonstration({ response: { completion: '   ' } }))).toEqual([]);
    expect(sftChatRecords(demonstration({ response: { text: 'x' } }))).toEqual([]);
    expect(sftChatRecords(demonstration({ params: { prompt: ' ' } }))).toEqual([]);
    expect(sftChatRecords(demonstration({ params: { prompt: [{ role: 'tool', content: 'x' }] } }))).toEqual(
      [],
    );
    expect(sftChatRecords(demonstration({ params: {} }))).toEqual([]);
  });
});

describe('parseSftChatLine', () => {
  it('reads a written record back', () => {
    const [record] = sftChatRecords(demonstration());
    expect(parseSftChatLine(jsonLine(record))).toEqual({ ok: true, record });
  });

  it('names what is wrong', () => {
    const line = (value: unknown) => JSON.stringify(value);
    expect(parseSftChatLine('{')).toMatchObject({ ok: false, problems: [{ path: '' }] });
    expect(
      parseSftChatLine(
        line({
          messages: [
            { role: 'user', content: 'a' },
            { role: 'user', content: 'b' },
          ],
          metadata,
        }),
      ),
    ).toEqual({
      ok: false,
      problems: [{ path: 'messages', message: 'the last message must be the assistant’s' }],
    });
    expect(
      parseSftChatLine(
        line({
          messages: [
            { role: 'robot', content: 'a' },
            { role: 'assistant', content: 'b' },
          ],
          metadata,
        }),
      ),
    ).toEqual({
      ok: false,
      problems: [{ path: 'messages.0.role', message: 'expected one of "system", "user", "assistant"' }],
    });
    expect(
      parseSftChatLine(
        line({ messages: [{ role: 'assistant', content: 'b' }], metadata: { ...metadata, task_id: 1 } }),
      ),
    ).toEqual({
      ok: false,
      problems: [
        { path: 'messages', message: 'expected at least 2 items' },
        { path: 'metadata.task_id', message: 'expected a string' },
      ],
    });
  });
});

const message = fc.record({
  role: fc.constantFrom('system', 'user', 'assistant'),
  content: fc.string(),
}) as fc.Arbitrary<ChatMessage>;
const nullable = <T>(value: fc.Arbitrary<T>) => fc.option(value, { nil: null });
const tasks = fc.record({
  prompt: fc.oneof(
    fc.string().filter((text) => text.trim() !== ''),
    fc.array(message, { minLength: 1, maxLength: 5 }),
  ),
  completion: fc.string().filter((text) => text.trim() !== ''),
  rationale: fc.option(fc.string(), { nil: undefined }),
  uniqueId: nullable(fc.string()),
  batch: nullable(fc.string()),
  paramsVersion: nullable(fc.integer({ min: 1, max: 99 })),
  tags: fc.array(fc.string()),
});

describe('SFT chat round trip', () => {
  it('reads back every record, and its messages are the prompt followed by the completion', () => {
    fc.assert(
      fc.property(tasks, ({ prompt, completion, rationale, ...fields }) => {
        const task = demonstration({
          ...fields,
          params: { prompt },
          response: rationale === undefined ? { completion } : { completion, rationale },
        });
        const records = sftChatRecords(task);
        expect(records).toHaveLength(1);
        const [record] = records;
        expect(parseSftChatLine(jsonLine(record))).toEqual({ ok: true, record });
        const expectedPrompt = typeof prompt === 'string' ? [{ role: 'user', content: prompt }] : prompt;
        expect(record?.messages).toEqual([...expectedPrompt, { role: 'assistant', content: completion }]);
        expect(record?.metadata).toEqual({
          task_id: task.id,
          unique_id: fields.uniqueId,
          type: 'demonstration',
          batch: fields.batch,
          params_version: fields.paramsVersion,
          completed_at: task.completedAt,
          tags: fields.tags,
          rationale: rationale ?? null,
        });
      }),
    );
  });
});
