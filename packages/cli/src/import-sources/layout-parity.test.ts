/**
 * The readers moved to the domain (shared with the console) give what the CLI's own code gave: unique_ids
 * byte-identical to the `node:crypto` formula the CLI used, and the domain's SHA-256 equal to Node's.
 */
import { createHash } from 'node:crypto';
import { datasetUniqueId, sha256Hex } from '@groundwork/domain';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

/** The CLI's unique_id before the move, verbatim. */
function formerUniqueId(format: string, project: string, key: string): string {
  const id = `${format}:${project}/${key}`;
  if (id.length <= 256) return id;
  return `${format}:sha256:${createHash('sha256').update(`${project}/${key}`).digest('hex')}`;
}

describe('what moved to the domain', () => {
  it('gives the unique_ids the CLI gave, short and hashed', () => {
    expect(datasetUniqueId('coco', 'street', 'a.jpg')).toBe(formerUniqueId('coco', 'street', 'a.jpg'));
    expect(datasetUniqueId('yolo', 'p', 'é'.repeat(300))).toBe(formerUniqueId('yolo', 'p', 'é'.repeat(300)));
    fc.assert(
      fc.property(
        fc.constantFrom('coco', 'yolo', 'voc', 'labelstudio' as const),
        fc.string({ unit: 'grapheme', maxLength: 40 }),
        fc.string({ unit: 'binary', maxLength: 300 }),
        (format, project, key) => {
          expect(datasetUniqueId(format, project, key)).toBe(formerUniqueId(format, project, key));
        },
      ),
    );
  });

  it("hashes bytes as Node's SHA-256 does", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        expect(sha256Hex(bytes)).toBe(createHash('sha256').update(bytes).digest('hex'));
      }),
    );
  });
});
