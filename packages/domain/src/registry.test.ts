import { describe, expect, it } from 'vitest';
import * as domain from './index.ts';
import { createTaskTypeRegistry } from './registry.ts';

describe('createTaskTypeRegistry', () => {
  it('lists the ten built-in task types', () => {
    const registry = createTaskTypeRegistry();
    expect(registry.names()).toEqual([
      'categorization',
      'comparison',
      'datacollection',
      'demonstration',
      'imageannotation',
      'namedentityrecognition',
      'pairwisepreference',
      'ranking',
      'textcollection',
      'transcription',
    ]);
    for (const name of registry.names()) expect(registry.get(name)?.name).toBe(name);
    expect(registry.get('lidarannotation')).toBeUndefined();
  });

  it('refuses two types with the same name', () => {
    const type = createTaskTypeRegistry().get('ranking');
    expect(() => createTaskTypeRegistry(type ? [type, type] : [])).toThrow(/duplicate/);
  });

  it('is exported by name from the package entry point', () => {
    expect(domain.createTaskTypeRegistry().names()).toHaveLength(10);
    const type = domain.createTaskTypeRegistry().get('categorization');
    if (!type) throw new Error('missing categorization');
    const parsed = domain.parseTaskParams(type, {
      attachment: 'hello',
      attachment_type: 'text',
      categories: [],
    });
    expect(parsed).toEqual({
      ok: false,
      issues: [{ path: 'categories', message: 'expected at least 1 item' }],
    });
    expect(domain.describeIssues(parsed.ok ? [] : parsed.issues)).toBe(
      'categories: expected at least 1 item',
    );
  });
});
