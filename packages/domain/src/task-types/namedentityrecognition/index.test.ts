import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mustParse, paramIssues, paths, responseIssues } from '../../testing/task-type-harness.ts';
import { namedentityrecognitionTaskType as type } from './index.ts';

const example = {
  text: 'Alice works at Scale in San Francisco.',
  labels: [
    { name: 'PERSON', description: 'A person' },
    { name: 'PLACE', children: [{ name: 'CITY' }, { name: 'COUNTRY' }] },
    { name: 'ORG' },
  ],
};

describe('namedentityrecognition params', () => {
  it('accepts labels with descriptions and children', () => {
    expect(mustParse(type, example).allow_overlap).toBe(true);
  });

  it.each([
    [{ ...example, text: '' }, 'text'],
    [{ ...example, labels: [] }, 'labels'],
    [
      { ...example, labels: [{ name: 'A' }, { name: 'B', children: [{ name: 'A' }] }] },
      'labels.1.children.0.name',
    ],
    [{ ...example, labels: [{ name: 'A', colour: 'red' }] }, 'labels.0.colour'],
  ])('rejects %j at %s', (input, path) => {
    expect(paths(paramIssues(type, input))).toEqual([path]);
  });
});

describe('namedentityrecognition response', () => {
  const params = mustParse(type, example);

  it('accepts spans with matching text', () => {
    const response = {
      annotations: [
        { start: 0, end: 5, label: 'PERSON', text: 'Alice' },
        { start: 15, end: 20, label: 'ORG' },
        { start: 24, end: 37, label: 'CITY', text: 'San Francisco' },
      ],
    };
    expect(responseIssues(type, params, response)).toEqual([]);
  });

  it.each([
    [{ start: 5, end: 5, label: 'PERSON' }, 'annotations.0.end'],
    [{ start: 0, end: 400, label: 'PERSON' }, 'annotations.0.end'],
    [{ start: 0, end: 5, label: 'PLACE' }, 'annotations.0.label'],
    [{ start: 0, end: 5, label: 'ANIMAL' }, 'annotations.0.label'],
    [{ start: 0, end: 5, label: 'PERSON', text: 'Bob' }, 'annotations.0.text'],
    [{ start: -1, end: 5, label: 'PERSON' }, 'annotations.0.start'],
  ])('rejects %j at %s', (entity, path) => {
    expect(paths(responseIssues(type, params, { annotations: [entity] }))).toEqual([path]);
  });

  it('rejects exact duplicates', () => {
    const span = { start: 0, end: 5, label: 'PERSON' };
    expect(paths(responseIssues(type, params, { annotations: [span, span] }))).toEqual(['annotations.1']);
  });

  it('rejects overlaps when allow_overlap is false', () => {
    const strict = mustParse(type, { ...example, allow_overlap: false });
    const annotations = [
      { start: 0, end: 20, label: 'ORG' },
      { start: 2, end: 4, label: 'PERSON' },
      { start: 10, end: 12, label: 'PERSON' },
    ];
    expect(paths(responseIssues(type, strict, { annotations }))).toEqual(['annotations.1', 'annotations.2']);
    expect(responseIssues(type, params, { annotations })).toEqual([]);
  });

  it('placeholder answers pass for arbitrary valid params', () => {
    const arbitrary = fc.record({
      text: fc.string({ minLength: 1 }),
      labels: fc
        .uniqueArray(fc.stringMatching(/^[A-Z]{1,5}$/), { minLength: 1, maxLength: 5 })
        .map((names) => names.map((name) => ({ name }))),
      allow_overlap: fc.boolean(),
    });
    fc.assert(
      fc.property(arbitrary, (input) => {
        const p = mustParse(type, input);
        expect(responseIssues(type, p, type.placeholderResponse(p))).toEqual([]);
      }),
    );
  });
});
