import {
  type ComparisonParams,
  type ComparisonResponse,
  checkResponse,
  comparisonParamsSchema,
  comparisonTaskType,
} from '@groundwork/domain';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  comparisonDraftFromResponse,
  comparisonResponseFromDraft,
  emptyComparisonDraft,
  fieldName,
} from './draft.ts';

function params(overrides: Record<string, unknown> = {}): ComparisonParams {
  return comparisonParamsSchema.parse({
    attachments: ['https://example.com/a.jpg', 'https://example.com/b.jpg'],
    choices: ['A is better', 'B is better', 'Same'],
    fields: { difference: 'Describe the main difference', notes: '' },
    ...overrides,
  });
}

describe('comparisonResponseFromDraft', () => {
  it('asks for a choice and every field of an empty draft', () => {
    const p = params();
    expect(comparisonResponseFromDraft(p, emptyComparisonDraft(p))).toEqual({
      ok: false,
      problems: ['Choose an answer.', 'Fill in “Describe the main difference”.', 'Fill in “notes”.'],
    });
  });

  it('treats a field of only spaces as empty', () => {
    const p = params({ choices: undefined, fields: { why: 'Why?' } });
    expect(comparisonResponseFromDraft(p, { choice: null, fields: { why: '  \n ' } })).toEqual({
      ok: false,
      problems: ['Fill in “Why?”.'],
    });
  });

  it('answers the choice and the fields the task asks for, and nothing else', () => {
    const p = params();
    const check = comparisonResponseFromDraft(p, {
      choice: 'Same',
      fields: { difference: 'Lighting', notes: 'none', stale: 'from an older draft' },
    });
    expect(check).toEqual({
      ok: true,
      response: { choice: 'Same', fields: { difference: 'Lighting', notes: 'none' } },
    });
    expect(
      comparisonResponseFromDraft(params({ fields: undefined }), { choice: 'A is better', fields: {} }),
    ).toEqual({ ok: true, response: { choice: 'A is better' } });
  });

  it('names an answer the task does not offer', () => {
    const p = params({ fields: undefined });
    expect(comparisonResponseFromDraft(p, { choice: 'Both', fields: {} })).toEqual({
      ok: false,
      problems: ["“Both” is not one of this task's answers; choose again."],
    });
  });

  it('shortens a long field description', () => {
    const p = params({ fields: { d: 'x'.repeat(80) } });
    expect(fieldName(p, 'd')).toHaveLength(58);
    expect(fieldName(p, 'd').endsWith('…')).toBe(true);
  });
});

const paramsArbitrary = fc
  .record({
    choices: fc.option(
      fc.uniqueArray(fc.string({ minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 6 }),
      {
        nil: undefined,
      },
    ),
    fields: fc.option(
      fc.dictionary(fc.string({ minLength: 1, maxLength: 6 }), fc.string({ maxLength: 20 }), {
        minKeys: 1,
        maxKeys: 4,
      }),
      {
        nil: undefined,
      },
    ),
  })
  .filter(({ choices, fields }) => choices !== undefined || fields !== undefined)
  .map(({ choices, fields }) => params({ choices, fields }));

/** A valid answer the domain accepts, with non-blank field texts. */
const validAnswers = paramsArbitrary.chain((p) =>
  fc
    .record({
      choice: p.choices ? fc.constantFrom(...p.choices) : fc.constant(undefined),
      texts: fc.array(
        fc.string({ minLength: 1, maxLength: 30 }).filter((text) => text.trim() !== ''),
        {
          minLength: Object.keys(p.fields ?? {}).length,
          maxLength: Object.keys(p.fields ?? {}).length,
        },
      ),
    })
    .map(({ choice, texts }) => {
      const response: ComparisonResponse = {};
      if (choice !== undefined) response.choice = choice;
      if (p.fields)
        response.fields = Object.fromEntries(Object.keys(p.fields).map((key, i) => [key, texts[i] ?? '']));
      return { params: p, response };
    }),
);

describe('comparison draft ⇄ answer', () => {
  it('gives back exactly the answer a draft was made from', () => {
    fc.assert(
      fc.property(validAnswers, ({ params: p, response }) => {
        expect(checkResponse(comparisonTaskType, p, response).ok).toBe(true);
        const draft = comparisonDraftFromResponse(p, response);
        expect(JSON.parse(JSON.stringify(draft))).toEqual(draft);
        expect(comparisonResponseFromDraft(p, draft)).toEqual({ ok: true, response });
      }),
    );
  });

  it('never lets an incomplete draft through', () => {
    fc.assert(
      fc.property(validAnswers, fc.nat(), ({ params: p, response }, pick) => {
        const draft = comparisonDraftFromResponse(p, response);
        const keys = Object.keys(draft.fields);
        const broken =
          p.choices && (keys.length === 0 || pick % 2 === 0)
            ? { ...draft, choice: null }
            : { ...draft, fields: { ...draft.fields, [keys[pick % keys.length] as string]: ' ' } };
        const check = comparisonResponseFromDraft(p, broken);
        expect(check.ok).toBe(false);
      }),
    );
  });
});
