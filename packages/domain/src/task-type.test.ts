import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createTaskTypeRegistry } from './registry.ts';
import { isDisplayOrder, randomDisplayOrder } from './task-type.ts';

describe('randomDisplayOrder', () => {
  it('returns a permutation of 0..count-1 for any random source', () => {
    fc.assert(
      fc.property(
        fc.nat({ max: 20 }),
        fc.array(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true })),
        (count, values) => {
          let i = 0;
          const order = randomDisplayOrder(count, () => values[i++ % Math.max(1, values.length)] ?? 0);
          expect(isDisplayOrder(order, count)).toBe(true);
        },
      ),
    );
  });

  it('follows the random source (Fisher–Yates)', () => {
    expect(randomDisplayOrder(3, () => 0)).toEqual([1, 2, 0]);
    expect(randomDisplayOrder(3, () => 0.999)).toEqual([0, 1, 2]);
  });

  it('rejects an invalid count, and recognises non-permutations', () => {
    expect(() => randomDisplayOrder(-1, Math.random)).toThrow(/count/);
    expect(isDisplayOrder([0, 0], 2)).toBe(false);
    expect(isDisplayOrder([1, 2], 2)).toBe(false);
    expect(isDisplayOrder([1, 0], 2)).toBe(true);
  });
});

describe('consensus on every built-in type', () => {
  it('merges placeholder answers into a placeholder answer with agreement 1, and throws on none', () => {
    const registry = createTaskTypeRegistry();
    const examples: Record<string, unknown> = {
      categorization: { attachment: 'a', categories: ['x', 'y'] },
      comparison: { attachments: ['a', 'b'], choices: ['x'] },
      datacollection: { attachment: 'a', fields: { f: 'F' } },
      demonstration: { prompt: 'p' },
      imageannotation: { attachment: 'a', geometries: { box: { objects_to_annotate: ['car'] } } },
      namedentityrecognition: { text: 'hello', labels: [{ name: 'X' }] },
      pairwisepreference: { prompt: 'p', responses: [{ content: 'a' }, { content: 'b' }] },
      ranking: {
        prompt: 'p',
        responses: [
          { id: 'a', content: 'a' },
          { id: 'b', content: 'b' },
        ],
      },
      textcollection: { fields: [{ field_id: 'q', title: 'Q', type: 'text' }] },
      transcription: { attachment: 'a', fields: { f: 'F' } },
    };
    for (const name of registry.names()) {
      const type = registry.get(name);
      if (!type) throw new Error(`missing ${name}`);
      const parsed = type.paramsSchema.parse(examples[name]);
      const placeholder = type.placeholderResponse(parsed);
      expect(type.consensus(parsed, [placeholder, placeholder]), name).toEqual({
        response: placeholder,
        agreement: 1,
      });
      expect(() => type.consensus(parsed, []), name).toThrow(/at least one answer/);
    }
  });
});
