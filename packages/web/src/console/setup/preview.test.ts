import { createTaskTypeRegistry } from '@groundwork/domain';
import { describe, expect, it } from 'vitest';
import { buildPreview, consoleFileUrl, inStoredKeyOrder, previewSample } from './preview.ts';
import { SAMPLE_PHOTO_URL } from './sample-images.ts';
import { TASK_TYPES } from './type-catalog.ts';

const registry = createTaskTypeRegistry();

/** The demo review project's params and one of its tasks' merged params (packages/cli/src/demo/content.ts). */
const REVIEW_PARAMS = {
  attachment_type: 'text',
  categories: ['positive', 'mixed', 'neutral', 'negative'],
  category_ids: { pos: 'positive', mix: 'mixed', neu: 'neutral', neg: 'negative' },
};
const REVIEW_TASK = { ...REVIEW_PARAMS, attachment: 'Does what it says.', allow_multiple: false };

describe('previewSample', () => {
  it("borrows a real task's content when it is of the attachment type the draft asks for", () => {
    expect(previewSample('categorization', REVIEW_PARAMS, REVIEW_TASK)).toEqual({
      content: { attachment: 'Does what it says.' },
      source: 'task',
    });
  });

  it('uses the bundled sample when the draft asks for another attachment type, or there is no task', () => {
    const image = { ...REVIEW_PARAMS, attachment_type: 'image' };
    expect(previewSample('categorization', image, REVIEW_TASK)).toEqual({
      content: { attachment: SAMPLE_PHOTO_URL },
      source: 'built-in',
    });
    expect(previewSample('categorization', REVIEW_PARAMS, null).source).toBe('built-in');
  });
});

describe('buildPreview', () => {
  it('previews the demo project with its own task and defaults applied', () => {
    const preview = buildPreview(registry, 'categorization', REVIEW_PARAMS, REVIEW_TASK);
    expect(preview.sample.source).toBe('task');
    expect(preview.issues).toEqual([]);
    expect(preview.result).toEqual({
      ok: true,
      params: { ...REVIEW_PARAMS, attachment: 'Does what it says.', allow_multiple: false },
    });
  });

  it('finds what the server does not check on project params alone: a repeated category', () => {
    const draft = { categories: ['a', 'a'] };
    const preview = buildPreview(registry, 'categorization', draft, null);
    expect(preview.result.ok).toBe(false);
    expect(preview.issues).toEqual([{ path: 'categories.1', message: 'duplicate category "a"' }]);
  });

  it('finds conditions that name a label no geometry has', () => {
    const draft = {
      geometries: { box: { objects_to_annotate: ['car'] } },
      annotation_attributes: {
        color: { type: 'category', choices: ['red'], conditions: { label_condition: { label: 'bus' } } },
      },
    };
    const preview = buildPreview(registry, 'imageannotation', draft, null);
    expect(preview.issues).toEqual([
      {
        path: 'annotation_attributes.color.conditions.label_condition.label',
        message: 'unknown label "bus"',
      },
    ]);
  });

  it("falls back to the bundled sample when a real task's pre-labels no longer fit the draft", () => {
    const draft = { geometries: { box: { objects_to_annotate: ['car'] } } };
    const task = {
      attachment: 'groundwork://files/abc',
      geometries: { box: { objects_to_annotate: ['bus'] } },
      base_annotations: {
        annotations: [{ type: 'box', label: 'bus', left: 0, top: 0, width: 5, height: 5 }],
      },
    };
    const preview = buildPreview(registry, 'imageannotation', draft, task);
    expect(preview.sample.source).toBe('built-in');
    expect(preview.result.ok).toBe(true);
  });

  it('reports a required param the draft leaves to the tasks apart from its own problems', () => {
    const preview = buildPreview(registry, 'categorization', { allow_multiple: true }, null);
    expect(preview.result.ok).toBe(false);
    expect(preview.issues).toEqual([]);
    expect(preview.others).toEqual([{ path: 'categories', message: 'is required' }]);
  });

  it('previews the starter params of every registered type with its bundled sample', () => {
    expect(TASK_TYPES.map((type) => type.name).sort()).toEqual(registry.names());
    for (const type of TASK_TYPES) {
      const preview = buildPreview(registry, type.name, type.starterParams, null);
      expect({
        type: type.name,
        ok: preview.result.ok,
        issues: preview.issues,
        others: preview.others,
      }).toEqual({
        type: type.name,
        ok: true,
        issues: [],
        others: [],
      });
    }
  });
});

describe('consoleFileUrl', () => {
  it('reads uploaded files through the files API and leaves other URLs alone', () => {
    expect(consoleFileUrl('groundwork://files/f_123')).toBe('/api/files/f_123/content');
    expect(consoleFileUrl('https://example.com/a.png')).toBe('https://example.com/a.png');
    expect(consoleFileUrl('groundwork://files/a/b')).toBe('groundwork://files/a/b');
  });
});

describe('inStoredKeyOrder', () => {
  it('orders keys as jsonb returns them: shorter first, then by bytes, at every depth', () => {
    const ordered = inStoredKeyOrder({
      occlusion: 1,
      notes: { zz: 1, b: [{ yy: 1, a: 2 }] },
      facing: 2,
      Zed: 3,
      é: 4,
    });
    expect(JSON.stringify(ordered)).toBe(
      '{"é":4,"Zed":3,"notes":{"b":[{"a":2,"yy":1}],"zz":1},"facing":2,"occlusion":1}',
    );
    expect(inStoredKeyOrder(null)).toBeNull();
    expect(inStoredKeyOrder([3, 'x'])).toEqual([3, 'x']);
  });
});
