import { describe, expect, it } from 'vitest';
import { COMMON_TASK_FIELD_NAMES, commonTaskFieldsSchema, splitTaskBody } from './common-fields.ts';
import { domainErrorMap, zodIssuesToFieldIssues } from './issues.ts';
import { appendInstruction, mergeProjectParams } from './project-params.ts';

function issues(input: unknown) {
  const result = commonTaskFieldsSchema.safeParse(input, { error: domainErrorMap });
  return result.success ? [] : zodIssuesToFieldIssues(result.error);
}

describe('commonTaskFieldsSchema', () => {
  it('accepts the fields of the reference task object and defaults metadata', () => {
    const parsed = commonTaskFieldsSchema.parse({
      project: 'kitten_labeling',
      batch: 'batch_2021_01',
      instruction: 'Draw a box around each cow.',
      callback_url: 'http://www.example.com/callback',
      unique_id: 'c235d023af73',
      tags: ['weather:rainy'],
      priority: 20,
      urgency: 'day',
      clear_unique_id_on_error: true,
    });
    expect(parsed.metadata).toEqual({});
    expect(parsed.priority).toBe(20);
  });

  it('accepts an email address as callback_url', () => {
    expect(issues({ callback_url: 'ops@example.com' })).toEqual([]);
  });

  it.each([
    [{ callback_url: 'ftp://example.com/x' }, 'callback_url'],
    [{ callback_url: 'not a url' }, 'callback_url'],
    [{ metadata: [] }, 'metadata'],
    [{ metadata: null }, 'metadata'],
    [{ unique_id: '' }, 'unique_id'],
    [{ unique_id: 'x'.repeat(257) }, 'unique_id'],
    [{ tags: ['ok', ''] }, 'tags.1'],
    [{ priority: 10.5 }, 'priority'],
    [{ priority: 1001 }, 'priority'],
    [{ urgency: 'asap' }, 'urgency'],
    [{ clear_unique_id_on_error: 'yes' }, 'clear_unique_id_on_error'],
  ])('rejects %j at %s', (input, path) => {
    expect(issues(input).map((issue) => issue.path)).toEqual([path]);
  });
});

describe('splitTaskBody', () => {
  it('separates common fields from type params', () => {
    const { common, params } = splitTaskBody({
      project: 'p',
      instruction: 'i',
      metadata: { a: 1 },
      attachment: 'https://x/y.png',
      geometries: {},
    });
    expect(common).toEqual({ project: 'p', instruction: 'i', metadata: { a: 1 } });
    expect(params).toEqual({ attachment: 'https://x/y.png', geometries: {} });
  });

  it('knows the ten common field names', () => {
    expect(COMMON_TASK_FIELD_NAMES).toHaveLength(10);
  });
});

describe('mergeProjectParams', () => {
  it('uses project params as defaults, task values win per top-level key', () => {
    const merged = mergeProjectParams(
      { geometries: { box: { objects_to_annotate: ['car'] } }, padding: 10, hide_label: true },
      { geometries: { polygon: { objects_to_annotate: ['road'] } }, padding: undefined, attachment: 'a' },
    );
    expect(merged).toEqual({
      geometries: { polygon: { objects_to_annotate: ['road'] } },
      padding: 10,
      hide_label: true,
      attachment: 'a',
    });
  });

  it('works without project params', () => {
    expect(mergeProjectParams(undefined, { a: 1 })).toEqual({ a: 1 });
  });
});

describe('appendInstruction', () => {
  it('appends the project instruction after the task one with a blank line', () => {
    expect(appendInstruction('Task says.', 'Project says.')).toBe('Task says.\n\nProject says.');
  });

  it('uses whichever one is present', () => {
    expect(appendInstruction(undefined, 'Project')).toBe('Project');
    expect(appendInstruction('Task', '  ')).toBe('Task');
    expect(appendInstruction()).toBeUndefined();
  });
});
