import { describe, expect, it } from 'vitest';
import { mergeProjectParams } from './project-params.ts';
import { BUILT_IN_TASK_TYPES } from './registry.ts';
import { attachmentTypeOf, sampleTaskContent } from './sample-content.ts';
import { parseTaskParams } from './task-type.ts';

describe('attachmentTypeOf', () => {
  it('reads the attachment type with the schema defaults, null for types without one', () => {
    expect(attachmentTypeOf('categorization', {})).toBe('image');
    expect(attachmentTypeOf('categorization', { attachment_type: 'text' })).toBe('text');
    expect(attachmentTypeOf('datacollection', {})).toBe('website');
    expect(attachmentTypeOf('ranking', {})).toBeNull();
  });
});

describe('sampleTaskContent', () => {
  it('brings content of the attachment type the params ask for, with the images given', () => {
    const images = { photo: 'p.jpg', document: 'd.png' };
    expect(sampleTaskContent('categorization', {}, images)).toEqual({ attachment: 'p.jpg' });
    expect(sampleTaskContent('transcription', {}, images)).toEqual({ attachment: 'd.png' });
    expect(typeof sampleTaskContent('categorization', { attachment_type: 'text' }).attachment).toBe('string');
    expect(sampleTaskContent('categorization', { attachment_type: 'text' }).attachment).not.toMatch(
      /^https:/,
    );
    expect(sampleTaskContent('unknown-type', {})).toEqual({});
  });

  // Params each type needs besides content (labels, categories, fields): with them, the sample content
  // must make a valid task of every registered type, or project checks would blame the sample.
  const projectParams: Record<string, Record<string, unknown>> = {
    imageannotation: { geometries: { box: { objects_to_annotate: ['car'] } } },
    categorization: { categories: ['a', 'b'] },
    comparison: { choices: ['first', 'second', 'no difference'] },
    transcription: { fields: { title: 'Title of the document' } },
    datacollection: { fields: { answer: 'What did you find?' } },
    textcollection: { fields: [{ type: 'text', field_id: 'caption', title: 'Caption' }] },
    namedentityrecognition: { labels: [{ name: 'PERSON' }] },
  };
  it.each(BUILT_IN_TASK_TYPES.map((type) => [type.name, type] as const))(
    'makes a valid %s task',
    (name, type) => {
      const params = projectParams[name] ?? {};
      const result = parseTaskParams(type, mergeProjectParams(params, sampleTaskContent(name, params)));
      expect(result.ok ? [] : result.issues).toEqual([]);
    },
  );
});
