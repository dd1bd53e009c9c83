import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mustParse, paramIssues, paths, responseIssues } from '../../testing/task-type-harness.ts';
import { comparisonTaskType as type } from './index.ts';

const example = {
  attachment_type: 'image',
  attachments: ['http://i.ytimg.com/vi/C5ltB2kcmuE/maxresdefault.jpg', 'https://i.imgur.com/ZCmKfAz.jpg'],
  choices: ['yes', 'no'],
  fields: { difference: 'What is the biggest difference?' },
};

describe('comparison params', () => {
  it('accepts the reference example', () => {
    const params = mustParse(type, example);
    expect(type.attachmentUrls(params)).toEqual(example.attachments);
  });

  it.each([
    [{ ...example, choices: undefined, fields: undefined }, 'choices'],
    [{ ...example, attachments: ['one'] }, 'attachments'],
    [{ ...example, choices: ['a', 'a'] }, 'choices.1'],
    [{ ...example, fields: {} }, 'fields'],
    [{ ...example, fields: { difference: 3 } }, 'fields.difference'],
  ])('rejects %j at %s', (input, path) => {
    expect(paths(paramIssues(type, input))).toEqual([path]);
  });
});

describe('comparison response', () => {
  const params = mustParse(type, example);

  it('accepts the reference answer', () => {
    expect(responseIssues(type, params, { choice: 'yes', fields: { difference: 'color' } })).toEqual([]);
  });

  it.each([
    [{ fields: { difference: 'x' } }, ['choice']],
    [{ choice: 'maybe', fields: { difference: 'x' } }, ['choice']],
    [{ choice: 'yes' }, ['fields']],
    [{ choice: 'yes', fields: {} }, ['fields.difference']],
    [{ choice: 'yes', fields: { difference: 'x', extra: 'y' } }, ['fields.extra']],
    [{ choice: 'yes', fields: { difference: 'x' }, other: 1 }, ['other']],
  ])('rejects %j', (response, expected) => {
    expect(paths(responseIssues(type, params, response))).toEqual(expected);
  });

  it('refuses a choice when the task has only fields', () => {
    const onlyFields = mustParse(type, { ...example, choices: undefined });
    expect(paths(responseIssues(type, onlyFields, { choice: 'yes', fields: { difference: 'x' } }))).toEqual([
      'choice',
    ]);
  });
});

it('placeholder answers pass for arbitrary valid params', () => {
  const key = fc.stringMatching(/^[a-z]{1,6}$/);
  const arbitrary = fc
    .record({
      choices: fc.option(fc.uniqueArray(fc.string({ minLength: 1 }), { minLength: 1, maxLength: 4 }), {
        nil: undefined,
      }),
      fields: fc.option(fc.dictionary(key, fc.string(), { minKeys: 1, maxKeys: 4 }), { nil: undefined }),
    })
    .filter((p) => p.choices !== undefined || p.fields !== undefined);
  fc.assert(
    fc.property(arbitrary, (extra) => {
      const params = mustParse(type, { attachments: ['a', 'b'], ...extra });
      expect(responseIssues(type, params, type.placeholderResponse(params))).toEqual([]);
    }),
  );
});
