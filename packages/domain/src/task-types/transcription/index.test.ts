import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mustParse, paramIssues, paths, responseIssues } from '../../testing/task-type-harness.ts';
import { transcriptionTaskType as type } from './index.ts';

const example = {
  attachment_type: 'website',
  attachment: 'http://www.google.com/',
  fields: { title: 'Title of Webpage', top_result: 'Title of the top result' },
  repeatable_fields: { username: 'Username of submitter', comment_count: 'Number of comments' },
};

describe('transcription', () => {
  const params = mustParse(type, example);

  it('accepts the reference params and answers, repeatable rows included', () => {
    expect(type.attachmentUrls(params)).toEqual(['http://www.google.com/']);
    expect(
      responseIssues(type, params, {
        fields: { title: 'Google', top_result: 'Scale' },
        repeatable_fields: [{ username: 'a', comment_count: '3' }],
      }),
    ).toEqual([]);
  });

  it.each([
    [{ ...example, fields: undefined }, 'fields'],
    [{ ...example, attachment: '' }, 'attachment'],
    [{ ...example, repeatable_fields: [] }, 'repeatable_fields'],
  ])('rejects params %j at %s', (input, path) => {
    expect(paths(paramIssues(type, input))).toEqual([path]);
  });

  it.each([
    [{ fields: { title: 'x' } }, ['fields.top_result']],
    [{ fields: { title: 'x', top_result: 'y', extra: 'z' } }, ['fields.extra']],
    [
      { fields: { title: 'x', top_result: 'y' }, repeatable_fields: [{ username: 'a' }] },
      ['repeatable_fields.0.comment_count'],
    ],
    [{ fields: { title: 'x', top_result: 2 } }, ['fields.top_result']],
  ])('rejects answer %j', (response, expected) => {
    expect(paths(responseIssues(type, params, response))).toEqual(expected);
  });

  it('refuses repeatable rows when none were requested', () => {
    const plain = mustParse(type, { ...example, repeatable_fields: undefined });
    expect(
      paths(responseIssues(type, plain, { fields: { title: 'a', top_result: 'b' }, repeatable_fields: [] })),
    ).toEqual(['repeatable_fields']);
  });

  it('placeholder answers pass for arbitrary valid params', () => {
    const fields = fc.dictionary(fc.stringMatching(/^[a-z_]{1,8}$/), fc.string(), { minKeys: 1, maxKeys: 5 });
    fc.assert(
      fc.property(fields, fc.option(fields, { nil: undefined }), (f, r) => {
        const p = mustParse(type, { attachment: 'https://x', fields: f, repeatable_fields: r });
        expect(responseIssues(type, p, type.placeholderResponse(p))).toEqual([]);
      }),
    );
  });
});
