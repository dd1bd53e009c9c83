import { createTaskTypeRegistry } from '@groundwork/domain';
import { describe, expect, it } from 'vitest';
import { humanizeKey, paramControls } from './params-fields.ts';

const registry = createTaskTypeRegistry();

describe('paramControls', () => {
  const kinds = (type: string) =>
    Object.fromEntries(paramControls(registry, type).map((c) => [c.key, c.kind]));

  it('gives every param of a type a control, leaving content and dedicated params out', () => {
    expect(kinds('categorization')).toEqual({ attachment_type: 'enum', allow_multiple: 'boolean' });
    expect(kinds('transcription')).toEqual({
      attachment_type: 'enum',
      fields: 'field-map',
      repeatable_fields: 'field-map',
    });
    expect(kinds('comparison')).toEqual({ attachment_type: 'enum', choices: 'strings', fields: 'field-map' });
    expect(kinds('namedentityrecognition')).toEqual({ labels: 'entity-labels', allow_overlap: 'boolean' });
    expect(kinds('pairwisepreference')).toEqual({
      criteria: 'criteria',
      likert_scale: 'integer',
      allow_tie: 'boolean',
      require_justification: 'boolean',
    });
    expect(kinds('textcollection')).toEqual({
      fields: 'json',
      title: 'text',
      description: 'markdown',
      responses_required: 'integer',
    });
    expect(kinds('demonstration')).toEqual({
      guidelines: 'markdown',
      min_length: 'integer',
      max_length: 'integer',
      require_rationale: 'boolean',
    });
    expect(kinds('imageannotation')).toMatchObject({
      hide_label: 'boolean',
      padding: 'number',
      links: 'json',
    });
    expect(kinds('imageannotation')).not.toHaveProperty('geometries');
    expect(paramControls(registry, 'nope')).toEqual([]);
  });

  it('carries the limits, defaults and options of the schema', () => {
    const likert = paramControls(registry, 'pairwisepreference').find((c) => c.key === 'likert_scale');
    expect(likert).toMatchObject({ minimum: 2, maximum: 11, defaultValue: 7 });
    const minLength = paramControls(registry, 'demonstration').find((c) => c.key === 'min_length');
    expect(minLength?.maximum).toBeUndefined();
    const kind = paramControls(registry, 'datacollection').find((c) => c.key === 'attachment_type');
    expect(kind?.options).toEqual(['text', 'image', 'website']);
  });

  it('humanizes keys it has no title for', () => {
    expect(humanizeKey('allow_multiple')).toBe('Allow multiple');
    expect(humanizeKey('paddingX')).toBe('Padding x');
  });
});
