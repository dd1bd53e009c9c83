import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mustParse, paramIssues, paths, responseIssues } from '../../testing/task-type-harness.ts';
import { datacollectionTaskType as type } from './index.ts';

const example = {
  attachment_type: 'website',
  attachment: 'http://www.google.com/',
  fields: { email: 'Contact email', phone: 'Phone number' },
};

describe('datacollection', () => {
  const params = mustParse(type, example);

  it('accepts the reference shape', () => {
    expect(responseIssues(type, params, { fields: { email: 'a@b.c', phone: '123' } })).toEqual([]);
  });

  it.each([
    [{ ...example, attachment_type: 'video' }, 'attachment_type'],
    [{ ...example, fields: { email: 1 } }, 'fields.email'],
  ])('rejects params %j at %s', (input, path) => {
    expect(paths(paramIssues(type, input))).toEqual([path]);
  });

  it('rejects missing and unknown fields', () => {
    expect(paths(responseIssues(type, params, { fields: { email: 'x', fax: 'y' } }))).toEqual([
      'fields.phone',
      'fields.fax',
    ]);
  });

  it('placeholder answers pass for arbitrary valid params', () => {
    const fields = fc.dictionary(fc.stringMatching(/^[a-z_]{1,8}$/), fc.string(), { minKeys: 1, maxKeys: 5 });
    fc.assert(
      fc.property(fields, (f) => {
        const p = mustParse(type, { attachment: 'https://x', fields: f });
        expect(responseIssues(type, p, type.placeholderResponse(p))).toEqual([]);
      }),
    );
  });
});
