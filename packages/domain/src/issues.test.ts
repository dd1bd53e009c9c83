import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { describeIssues, domainErrorMap, joinPath, prefixIssues, zodIssuesToFieldIssues } from './issues.ts';

function issuesOf(schema: z.ZodType, input: unknown) {
  const result = schema.safeParse(input, { error: domainErrorMap });
  if (result.success) throw new Error('expected a failure');
  return zodIssuesToFieldIssues(result.error);
}

describe('zodIssuesToFieldIssues', () => {
  it('uses "" for the root and dots for nested paths', () => {
    expect(issuesOf(z.string(), 3)).toEqual([{ path: '', message: 'expected a string' }]);
    const schema = z.object({ annotations: z.array(z.object({ vertices: z.array(z.number()) })) });
    expect(issuesOf(schema, { annotations: [{ vertices: [] }, { vertices: [1, 'x'] }] })).toEqual([
      { path: 'annotations.1.vertices.1', message: 'expected a number' },
    ]);
  });

  it('reports each unknown key at its own path', () => {
    const schema = z.strictObject({ geometries: z.strictObject({ box: z.string().optional() }) });
    expect(issuesOf(schema, { geometries: { circle: {}, star: 1 } })).toEqual([
      { path: 'geometries.circle', message: 'unknown field' },
      { path: 'geometries.star', message: 'unknown field' },
    ]);
  });

  it('phrases limits and missing fields for API users', () => {
    const schema = z.object({ min_width: z.number().min(0), name: z.string().min(1), n: z.int() });
    expect(issuesOf(schema, { min_width: -1, name: '', n: 1.5 })).toEqual([
      { path: 'min_width', message: 'expected a number ≥ 0' },
      { path: 'name', message: 'must not be empty' },
      { path: 'n', message: 'expected an integer' },
    ]);
    expect(issuesOf(z.object({ a: z.string() }), {})).toEqual([{ path: 'a', message: 'is required' }]);
  });

  it('names the allowed values of an unknown discriminator', () => {
    const schema = z.discriminatedUnion('type', [
      z.object({ type: z.literal('text') }),
      z.object({ type: z.literal('number') }),
    ]);
    expect(issuesOf(z.object({ fields: z.array(schema) }), { fields: [{ type: 'txet' }] })).toEqual([
      { path: 'fields.0.type', message: 'unknown value "txet"; expected one of "text", "number"' },
    ]);
  });

  it('reports the branch of a union that got furthest', () => {
    const schema = z.object({ c: z.union([z.string(), z.array(z.string())]) });
    expect(issuesOf(schema, { c: ['a', 2] })).toEqual([{ path: 'c.1', message: 'expected a string' }]);
    expect(issuesOf(schema, { c: 3 })).toEqual([{ path: 'c', message: 'expected a string or an array' }]);
  });

  it('round-trips arbitrary paths', () => {
    const segment = fc.oneof(fc.nat({ max: 50 }), fc.stringMatching(/^[a-z_][a-z0-9_]{0,8}$/));
    fc.assert(
      fc.property(fc.array(segment, { maxLength: 6 }), (path) => {
        const error = new z.ZodError([{ code: 'custom', path, message: 'bad', input: undefined }]);
        const [issue] = zodIssuesToFieldIssues(error);
        expect(issue?.path).toBe(joinPath(path));
        expect(issue?.path === '' ? [] : issue?.path.split('.')).toEqual(path.map(String));
      }),
    );
  });
});

describe('describeIssues', () => {
  it('joins issues with their paths', () => {
    expect(
      describeIssues([
        { path: 'geometries.box.min_width', message: 'expected a number ≥ 0' },
        { path: '', message: 'expected an object' },
      ]),
    ).toBe('geometries.box.min_width: expected a number ≥ 0; expected an object');
  });
});

describe('prefixIssues', () => {
  it('prefixes paths, the root included', () => {
    expect(
      prefixIssues(
        ['a', 0],
        [
          { path: '', message: 'x' },
          { path: 'b', message: 'y' },
        ],
      ),
    ).toEqual([
      { path: 'a.0', message: 'x' },
      { path: 'a.0.b', message: 'y' },
    ]);
  });
});
