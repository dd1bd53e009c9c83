import type { ImageAnnotation, ImageannotationResponse } from '@groundwork/domain';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  coerceDraft,
  draftFromResponse,
  emptyDraft,
  type ImageannotationDraft,
  toResponse,
} from './draft.ts';
import { parseTestParams } from './editor/test-editor.ts';
import { ALL_GEOMETRIES } from './test-params.ts';

const params = parseTestParams(ALL_GEOMETRIES);

function draftOf(...annotations: ImageAnnotation[]): ImageannotationDraft {
  return {
    annotations: annotations.map((annotation, i) => ({ id: `r${i}`, annotation })),
    global_attributes: { weather: 'sun' },
  };
}

function problemsOf(draft: ImageannotationDraft): string[] {
  const result = toResponse(params, draft);
  return result.ok ? [] : result.problems;
}

const person = (extra: Partial<Extract<ImageAnnotation, { type: 'box' }>> = {}): ImageAnnotation => ({
  type: 'box',
  uuid: 'u1',
  label: 'person',
  left: 0,
  top: 0,
  width: 20,
  height: 20,
  attributes: { occluded: 'no' },
  ...extra,
});

describe('toResponse', () => {
  it('answers in Scale’s shape', () => {
    const result = toResponse(params, draftOf(person()));
    expect(result).toEqual({
      ok: true,
      response: {
        annotations: [
          {
            type: 'box',
            uuid: 'u1',
            label: 'person',
            left: 0,
            top: 0,
            width: 20,
            height: 20,
            attributes: { occluded: 'no' },
          },
        ],
        global_attributes: { weather: 'sun' },
      },
    });
  });

  it('explains boxes below min_width / min_height in pixels', () => {
    expect(problemsOf(draftOf(person({ width: 3 })))).toEqual([
      'Box "person" #1 is 3 px wide; the minimum is 5 px',
    ]);
    expect(problemsOf(draftOf(person({ height: 2 })))).toEqual([
      'Box "person" #1 is 2 px high; the minimum is 5 px',
    ]);
  });

  it('explains vertex counts outside min_vertices / max_vertices', () => {
    const vertices = (n: number) => Array.from({ length: n }, (_, i) => ({ x: i * 10, y: (i % 2) * 10 }));
    const polygon = (n: number): ImageAnnotation => ({
      type: 'polygon',
      uuid: 'p',
      label: 'road',
      vertices: vertices(n),
      attributes: { occluded: 'no' },
    });
    expect(problemsOf(draftOf(polygon(2)))).toEqual([
      'Polygon "road" #1 has 2 vertices; it needs at least 3',
    ]);
    expect(problemsOf(draftOf(polygon(9)))).toEqual([
      'Polygon "road" #1 has 9 vertices; it may have at most 8',
    ]);
    expect(problemsOf(draftOf(polygon(5)))).toEqual([]);
  });

  it('asks to relabel an unknown label', () => {
    expect(problemsOf(draftOf(person({ label: 'bicycle' })))).toEqual([
      'Box "bicycle" #1: unknown label "bicycle" — relabel it',
    ]);
  });

  it('names missing required attributes, per annotation and per image', () => {
    const draft = draftOf(person({ label: 'car', attributes: { occluded: 'no' } }));
    delete draft.global_attributes;
    expect(problemsOf(draft)).toEqual([
      'Box "car" #1: attribute "color" is required',
      'Box "car" #1: attribute "passengers" is required',
      'Image attribute "weather" is required',
    ]);
  });

  it('drops values of attributes that no longer apply (label or attribute conditions)', () => {
    const draft = draftOf(
      person({ attributes: { occluded: 'no', occlusion_note: 'old note', passengers: 2, color: [] } }),
    );
    const result = toResponse(params, draft);
    expect(result.ok && result.response.annotations[0]?.attributes).toEqual({ occluded: 'no' });
  });

  it('keeps attributes whose conditions hold', () => {
    const draft = draftOf(
      person({
        label: 'car',
        attributes: { occluded: 'partly', occlusion_note: 'a tree', passengers: 2, color: ['red'] },
      }),
    );
    const result = toResponse(params, draft);
    expect(result.ok && result.response.annotations[0]?.attributes).toEqual({
      occluded: 'partly',
      occlusion_note: 'a tree',
      passengers: 2,
      color: ['red'],
    });
  });

  it('reports out-of-range values through the domain’s checks', () => {
    const draft = draftOf(
      person({ label: 'car', attributes: { occluded: 'no', passengers: 12, color: ['blue'] } }),
    );
    const problems = problemsOf(draft);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^Box "car" #1: attribute "passengers" /);
  });
});

describe('pre-labels', () => {
  const base = parseTestParams({
    ...ALL_GEOMETRIES,
    can_edit_base_annotations: false,
    base_annotations: {
      annotations: [
        {
          type: 'box',
          uuid: 'b1',
          label: 'person',
          left: 1.234,
          top: 2,
          width: 30,
          height: 40,
          attributes: { occluded: 'no' },
        },
        {
          type: 'box',
          label: 'person',
          left: 5,
          top: 5,
          width: 30,
          height: 40,
          attributes: { occluded: 'no' },
          locked: true,
        },
      ],
    },
  });

  it('start the draft and go back unchanged, so the server’s "must not change" checks pass', () => {
    const draft = { ...emptyDraft(base), global_attributes: { weather: 'rain' } };
    expect(draft.annotations.map((record) => [record.id, record.base, record.baseLocked])).toEqual([
      ['b1', true, undefined],
      ['base-2', true, true],
    ]);
    const result = toResponse(base, draft);
    expect(result.ok && result.response.annotations).toEqual([
      {
        type: 'box',
        uuid: 'b1',
        label: 'person',
        left: 1.234,
        top: 2,
        width: 30,
        height: 40,
        attributes: { occluded: 'no' },
      },
      {
        type: 'box',
        label: 'person',
        left: 5,
        top: 5,
        width: 30,
        height: 40,
        attributes: { occluded: 'no' },
      },
    ]);
  });

  it('keep their permissions when a reviewer fixes an answer', () => {
    const response: ImageannotationResponse = {
      annotations: [{ type: 'box', uuid: 'b1', label: 'person', left: 1.234, top: 2, width: 30, height: 40 }],
    };
    expect(draftFromResponse(base, response).annotations[0]).toMatchObject({ id: 'b1', base: true });
  });
});

const vertex = fc.record({
  x: fc.integer({ min: 0, max: 999 }),
  y: fc.integer({ min: 0, max: 799 }),
});

/** Valid answer annotations for {@link params} (required attributes filled). */
const validAnnotation: fc.Arbitrary<ImageAnnotation> = fc.oneof(
  fc
    .record({
      left: fc.integer({ min: 0, max: 900 }),
      top: fc.integer({ min: 0, max: 700 }),
      width: fc.integer({ min: 5, max: 99 }),
      height: fc.integer({ min: 5, max: 99 }),
      label: fc.constantFrom('person', 'truck'),
      occluded: fc.constantFrom('no', 'partly', 'fully'),
    })
    .map(
      ({ occluded, ...box }): ImageAnnotation => ({
        type: 'box',
        ...box,
        attributes: box.label === 'truck' ? { occluded, color: ['red', 'other'] } : { occluded },
      }),
    ),
  fc.array(vertex, { minLength: 3, maxLength: 8 }).map((vertices) => ({
    type: 'polygon' as const,
    label: 'road',
    vertices,
    attributes: { occluded: 'no' },
  })),
  fc.array(vertex, { minLength: 2, maxLength: 5 }).map((vertices) => ({
    type: 'line' as const,
    label: 'lane',
    vertices,
    attributes: { occluded: 'fully', occlusion_note: 'fog' },
  })),
  vertex.map((p) => ({ type: 'point' as const, label: 'hand', ...p, attributes: { occluded: 'no' } })),
);

describe('response ⇄ draft (property)', () => {
  it('a valid answer → draft → answer is the same answer', () => {
    fc.assert(
      fc.property(
        fc.array(validAnnotation, { maxLength: 12 }),
        fc.constantFrom('sun', 'rain'),
        (shapes, weather) => {
          const response: ImageannotationResponse = {
            annotations: shapes.map((shape, i) => ({ ...shape, uuid: `u${i}` })),
            global_attributes: { weather },
          };
          const draft = draftFromResponse(params, response);
          expect(JSON.parse(JSON.stringify(draft))).toEqual(draft);
          expect(toResponse(params, draft)).toEqual({ ok: true, response });
        },
      ),
    );
  });
});

describe('coerceDraft', () => {
  it('keeps a draft and replaces what is not one with the starting draft', () => {
    const draft = draftOf(person());
    expect(coerceDraft(params, draft)).toBe(draft);
    expect(coerceDraft(params, null)).toEqual(emptyDraft(params));
    expect(coerceDraft(params, { categories: ['a'] })).toEqual(emptyDraft(params));
    expect(coerceDraft(params, { annotations: [{ id: 'x' }] })).toEqual(emptyDraft(params));
  });
});
