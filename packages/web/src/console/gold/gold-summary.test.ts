import { describe, expect, it } from 'vitest';
import {
  answerSummary,
  attachmentPreview,
  attachmentUrl,
  clip,
  countLabels,
  goldFromTask,
  goldJsonExample,
  parseGoldJson,
  pausedBy,
  policyText,
  trainingText,
  trainingTone,
} from './gold-summary.ts';

describe('attachments', () => {
  it('reads stored files from this server and keeps web URLs', () => {
    expect(attachmentUrl('groundwork://files/6b07eaea')).toBe('/api/files/6b07eaea/content');
    expect(attachmentUrl('https://example.com/a.jpg')).toBe('https://example.com/a.jpg');
    expect(attachmentUrl('groundwork://files/../secret')).toBeNull();
    expect(attachmentUrl('just some text')).toBeNull();
  });

  it('previews an image attachment, a text attachment, a link', () => {
    expect(attachmentPreview({ attachment: 'groundwork://files/f1' })).toEqual({
      kind: 'image',
      url: '/api/files/f1/content',
    });
    expect(attachmentPreview({ attachment: 'Great food!', attachment_type: 'text' })).toEqual({
      kind: 'text',
      text: 'Great food!',
    });
    expect(attachmentPreview({ attachment: 'https://example.com', attachment_type: 'website' })).toEqual({
      kind: 'link',
      url: 'https://example.com',
    });
  });

  it('takes the first image of an attachment list, else its first text', () => {
    expect(
      attachmentPreview({
        attachments: [
          { type: 'text', content: 'caption' },
          { type: 'image', content: 'groundwork://files/f2' },
        ],
      }),
    ).toEqual({ kind: 'image', url: '/api/files/f2/content' });
    expect(attachmentPreview({ attachments: [{ type: 'text', content: 'only text' }] })).toEqual({
      kind: 'text',
      text: 'only text',
    });
  });

  it('previews a prompt (the last user message of a conversation) or a NER text, else nothing', () => {
    expect(
      attachmentPreview({
        prompt: [
          { role: 'user', content: 'first' },
          { role: 'assistant', content: 'reply' },
          { role: 'user', content: 'second' },
        ],
      }),
    ).toEqual({ kind: 'text', text: 'second' });
    expect(attachmentPreview({ text: 'Ada   Lovelace\nlived' })).toEqual({
      kind: 'text',
      text: 'Ada Lovelace lived',
    });
    expect(attachmentPreview({})).toEqual({ kind: 'none' });
  });
});

describe('clip and countLabels', () => {
  it('clips on one line with an ellipsis', () => {
    expect(clip('abc', 3)).toBe('abc');
    expect(clip('abcdef', 4)).toBe('abc…');
    expect(clip('', 4)).toBe('');
  });

  it('counts labels, most first, ties by name, with the rest summed up', () => {
    expect(countLabels(['cup', 'cat', 'cup'])).toBe('cup ×2, cat');
    expect(countLabels(['b', 'a'])).toBe('a, b');
    expect(countLabels(['a', 'b', 'c'], 2)).toBe('a, b, +1 more');
    expect(countLabels([])).toBe('');
  });
});

describe('answerSummary', () => {
  it('describes image annotations by shape and label', () => {
    const response = {
      annotations: [
        { type: 'box', label: 'cup', left: 0, top: 0, width: 1, height: 1 },
        { type: 'box', label: 'cup', left: 0, top: 0, width: 1, height: 1 },
        { type: 'polygon', label: 'table', vertices: [] },
      ],
    };
    expect(answerSummary('imageannotation', response)).toBe('3 shapes (box ×2, polygon): cup ×2, table');
    expect(answerSummary('imageannotation', { annotations: [] })).toBe('Nothing to draw');
  });

  it('describes the other types in their own words', () => {
    expect(answerSummary('categorization', { category: 'positive' })).toBe('positive');
    expect(answerSummary('categorization', { category: ['a', 'b'] })).toBe('a, b');
    expect(answerSummary('pairwisepreference', { choice: 'B', strength: 5 })).toBe('B preferred, strength 5');
    expect(answerSummary('pairwisepreference', { choice: 'tie' })).toBe('Tie');
    expect(answerSummary('ranking', { ranking: ['b', ['a', 'c']] })).toBe('b > (a = c)');
    expect(answerSummary('demonstration', { completion: 'Hello there' })).toBe('“Hello there”');
    expect(
      answerSummary('namedentityrecognition', { annotations: [{ label: 'PER' }, { label: 'PER' }] }),
    ).toBe('2 entities: PER ×2');
    expect(answerSummary('transcription', { fields: { total: '12.50', date: '2024-01-02' } })).toBe(
      'total: 12.50 (+1 more)',
    );
    expect(answerSummary('textcollection', { annotations: { caption: 'A cat' } })).toBe('caption: A cat');
  });

  it('falls back to clipped JSON, and a dash for no answer', () => {
    expect(answerSummary('custom', { x: 1 })).toBe('{"x":1}');
    expect(answerSummary('custom', 'yes')).toBe('"yes"');
    expect(answerSummary('imageannotation', null)).toBe('—');
  });
});

describe('standings', () => {
  it('describes training progress', () => {
    expect(trainingText({ state: 'not_required', answered: 0, passedCount: 0, target: 0 })).toBe(
      'Not required',
    );
    expect(trainingText({ state: 'in_progress', answered: 3, passedCount: 2, target: 5 })).toBe(
      '2 of 5 passed · 3 answered',
    );
    expect(trainingText({ state: 'passed', answered: 6, passedCount: 5, target: 5 })).toBe('Passed (5 of 5)');
    expect(trainingText({ state: 'failed', answered: 5, passedCount: 1, target: 5 })).toBe(
      'Failed (1 of 5 passed)',
    );
    expect(trainingTone('failed')).toBe('bad');
    expect(trainingTone('passed')).toBe('ok');
  });

  it('says why someone is paused', () => {
    expect(pausedBy('manager')).toBe('by a manager');
    expect(pausedBy('gold')).toBe('by low gold scores');
    expect(pausedBy('training')).toBe('by the training gate');
  });
});

describe('making gold', () => {
  it('copies a completed task’s content and final answer, not its bookkeeping', () => {
    const made = goldFromTask({
      status: 'completed',
      params: { attachment: 'groundwork://files/f1', unique_id: 'x', metadata: { a: 1 }, geometries: {} },
      response: { annotations: [] },
    });
    expect(made).toEqual({
      ok: true,
      draft: {
        params: { attachment: 'groundwork://files/f1', geometries: {} },
        expectedResponse: { annotations: [] },
      },
    });
  });

  it('refuses a task without a final answer', () => {
    expect(goldFromTask({ status: 'pending', params: {}, response: null })).toEqual({
      ok: false,
      message: 'The task is pending, not completed.',
    });
    expect(goldFromTask({ status: 'completed', params: {}, response: null }).ok).toBe(false);
  });

  it('reads both JSON forms', () => {
    expect(parseGoldJson('{"params":{"a":1},"expectedResponse":{"b":2}}')).toEqual({
      ok: true,
      draft: { params: { a: 1 }, expectedResponse: { b: 2 } },
    });
    expect(parseGoldJson('{"a":1,"expected_response":{"b":2},"initial_response":{"c":3}}')).toEqual({
      ok: true,
      draft: { params: { a: 1 }, expectedResponse: { b: 2 }, initialResponse: { c: 3 } },
    });
  });

  it('names what is wrong with the JSON', () => {
    const broken = parseGoldJson('{');
    expect(broken.ok).toBe(false);
    expect(broken.ok ? '' : broken.message).toMatch(/^Not valid JSON/);
    expect(parseGoldJson('[1]')).toEqual({ ok: false, message: 'Write one JSON object.' });
    expect(parseGoldJson('{"params":{}}').ok).toBe(false);
    expect(parseGoldJson('{"attachment":"x"}').ok).toBe(false);
  });

  it('offers an example that parses', () => {
    for (const type of ['imageannotation', 'ranking', 'unknown']) {
      expect(parseGoldJson(goldJsonExample(type)).ok).toBe(true);
    }
  });
});

describe('policyText', () => {
  it('sums up the gold policy', () => {
    const base = {
      gold_rate: 0.05,
      gold_threshold: 0.6,
      gold_window: 20,
      gold_min_answers: 5,
      training_required: 3,
      training_pass_score: 0.8,
    };
    expect(policyText(base)).toBe(
      '5% of work is hidden gold · pause below 60% over the last 20 (after 5) · training: pass 3 at 80%+',
    );
    expect(policyText({ ...base, gold_rate: 0, gold_threshold: null, training_required: 0 })).toBe(
      'No hidden gold is served (gold rate 0) · no automatic pause · no training gate',
    );
  });
});
