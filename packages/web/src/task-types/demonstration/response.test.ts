import { demonstrationParamsSchema } from '@groundwork/domain';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  demonstrationDraftFromResponse,
  demonstrationEmptyDraft,
  demonstrationToResponse,
} from './response.ts';
import { characterCount, lengthStatus, wordCount } from './text-stats.ts';

const params = demonstrationParamsSchema.parse({
  prompt: [
    { role: 'system', content: 'You are concise.' },
    { role: 'user', content: 'Explain **recursion**.' },
  ],
  min_length: 10,
  max_length: 60,
  require_rationale: true,
});

describe('demonstration toResponse', () => {
  it('names the reply and the rationale when they are missing', () => {
    expect(demonstrationToResponse(params, demonstrationEmptyDraft())).toEqual({
      ok: false,
      problems: ['Reply must not be blank', 'Rationale is required'],
    });
  });

  it('reports the length limits with the count', () => {
    const short = demonstrationToResponse(params, { completion: 'Too short', rationale: 'Because.' });
    expect(short).toEqual({ ok: false, problems: ['Reply: expected at least 10 characters, got 9'] });
    const long = demonstrationToResponse(params, { completion: 'x'.repeat(61), rationale: 'Because.' });
    expect(long).toEqual({ ok: false, problems: ['Reply: expected at most 60 characters, got 61'] });
  });

  it('leaves a blank optional rationale out of the answer', () => {
    const optional = demonstrationParamsSchema.parse({ prompt: 'Say hi.' });
    expect(demonstrationToResponse(optional, { completion: 'Hi!', rationale: '  ' })).toEqual({
      ok: true,
      response: { completion: 'Hi!' },
    });
  });

  it('round-trips every valid answer', () => {
    const text = fc
      .string({ minLength: 10, maxLength: 60 })
      .filter((value) => value.trim() !== '' && characterCount(value) >= 10);
    fc.assert(
      fc.property(
        text,
        fc.string({ minLength: 1 }).filter((value) => value.trim() !== ''),
        (completion, rationale) => {
          const response = { completion, rationale };
          const draft = demonstrationDraftFromResponse(params, response);
          expect(demonstrationToResponse(params, JSON.parse(JSON.stringify(draft)))).toEqual({
            ok: true,
            response,
          });
        },
      ),
    );
  });
});

describe('text stats', () => {
  it('counts words, including text without spaces', () => {
    expect(wordCount('Hello, brave new world.')).toBe(4);
    expect(wordCount('')).toBe(0);
    expect(wordCount('日本語の文章です')).toBeGreaterThan(1);
  });

  it('says how far the reply is from its limits', () => {
    expect(lengthStatus('   ', 5, 10)).toEqual({ state: 'empty' });
    expect(lengthStatus('abc', 5, 10)).toEqual({ state: 'short', missing: 2 });
    expect(lengthStatus('abcdefghijkl', 5, 10)).toEqual({ state: 'long', excess: 2 });
    expect(lengthStatus('abcdef', 5, 10)).toEqual({ state: 'ok' });
  });
});
