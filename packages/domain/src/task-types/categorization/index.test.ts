import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mustParse, paramIssues, paths, responseIssues } from '../../testing/task-type-harness.ts';
import { categorizationTaskType as type } from './index.ts';

const example = {
  attachment_type: 'image',
  attachment: 'http://i.imgur.com/v4cBreD.jpg',
  categories: ['red', 'green', 'blue'],
};

describe('categorization params', () => {
  it('accepts the reference example and defaults allow_multiple', () => {
    const params = mustParse(type, example);
    expect(params.allow_multiple).toBe(false);
    expect(type.attachmentUrls(params)).toEqual(['http://i.imgur.com/v4cBreD.jpg']);
  });

  it('does not treat a text attachment as a URL', () => {
    expect(
      type.attachmentUrls(mustParse(type, { ...example, attachment_type: 'text', attachment: 'hi' })),
    ).toEqual([]);
  });

  it.each([
    [{ ...example, categories: [] }, 'categories'],
    [{ ...example, categories: ['a', 'a'] }, 'categories.1'],
    [{ ...example, attachment_type: 'movie' }, 'attachment_type'],
    [{ ...example, attachment: undefined }, 'attachment'],
    [{ ...example, category_ids: { x1: 'purple' } }, 'category_ids.x1'],
  ])('rejects %j at %s', (input, path) => {
    expect(paths(paramIssues(type, input))).toEqual([path]);
  });
});

describe('categorization response', () => {
  const params = mustParse(type, example);
  const multiple = mustParse(type, {
    ...example,
    allow_multiple: true,
    category_ids: { r: 'red', g: 'green' },
  });

  it('accepts the reference answers', () => {
    expect(responseIssues(type, params, { category: 'red' })).toEqual([]);
    expect(responseIssues(type, multiple, { category: ['red', 'green'], category_id: ['r', 'g'] })).toEqual(
      [],
    );
  });

  it.each([
    [{ category: 'purple' }, ['category']],
    [{ category: ['red'] }, ['category']],
    [{ category: 'red', category_id: 'r' }, ['category_id']],
    [{ category: 3 }, ['category']],
    [{}, ['category']],
  ])('rejects %j for single choice', (response, expected) => {
    expect(paths(responseIssues(type, params, response))).toEqual(expected);
  });

  it.each([
    [{ category: ['red', 'red'], category_id: ['r', 'r'] }, ['category.1']],
    [{ category: ['red'] }, ['category_id']],
    [{ category: ['red'], category_id: ['g'] }, ['category_id']],
    [{ category: 'red', category_id: 'r' }, ['category']],
  ])('rejects %j for multiple choice', (response, expected) => {
    expect(paths(responseIssues(type, multiple, response))).toEqual(expected);
  });
});

const paramsArbitrary = fc
  .record({
    categories: fc.uniqueArray(fc.string({ minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 6 }),
    allow_multiple: fc.boolean(),
    withIds: fc.boolean(),
    attachment_type: fc.constantFrom('text', 'image', 'video', 'audio', 'website', 'pdf'),
  })
  .map(({ categories, withIds, ...rest }) => ({
    ...rest,
    attachment: 'https://example.com/a',
    categories,
    ...(withIds ? { category_ids: Object.fromEntries(categories.map((c, i) => [`id${i}`, c])) } : {}),
  }));

it('placeholder answers pass for arbitrary valid params', () => {
  fc.assert(
    fc.property(paramsArbitrary, (input) => {
      const params = mustParse(type, input);
      expect(responseIssues(type, params, type.placeholderResponse(params))).toEqual([]);
    }),
  );
});
