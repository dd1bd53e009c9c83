import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type BoxAnswer, fuseBoxes, type LabeledBox } from './boxes.ts';

function box(
  left: number,
  top: number,
  width: number,
  height: number,
  label = 'car',
  confidence?: number,
): LabeledBox {
  return confidence === undefined
    ? { left, top, width, height, label }
    : { left, top, width, height, label, confidence };
}

/** Shuffles with a fast-check-provided list of sort keys. */
function shuffle<T>(items: readonly T[], keys: readonly number[]): T[] {
  return items
    .map((item, i) => ({ item, key: keys[i % Math.max(1, keys.length)] ?? 0, i }))
    .sort((a, b) => a.key - b.key || b.i - a.i)
    .map(({ item }) => item);
}

describe('fuseBoxes', () => {
  it('ignores boxes with a non-finite coordinate instead of returning NaN', () => {
    const box = { label: 'car', left: 0, top: 0, width: 10, height: 10 };
    const fused = fuseBoxes([
      { worker: 'a', boxes: [{ ...box, left: Number.NaN }] },
      { worker: 'b', boxes: [box] },
      { worker: 'c', boxes: [box] },
    ]);
    expect(fused).toHaveLength(1);
    expect(fused[0]).toMatchObject({ left: 0, top: 0, width: 10, height: 10 });
    expect(fuseBoxes([{ worker: 'a', boxes: [{ ...box, width: Number.NaN }] }])).toEqual([]);
  });

  it('averages matched boxes by worker weight', () => {
    const fused = fuseBoxes(
      [
        { worker: 'w1', boxes: [box(0, 0, 10, 10)] },
        { worker: 'w2', boxes: [box(2, 0, 10, 10)] },
        { worker: 'w3', boxes: [box(1, 2, 10, 10)] },
      ],
      { weights: { w1: 2 } },
    );
    expect(fused).toHaveLength(1);
    const [result] = fused;
    // left (2·0 + 2 + 1)/4, top (2·0 + 0 + 2)/4.
    expect(result?.left).toBeCloseTo(0.75, 12);
    expect(result?.top).toBeCloseTo(0.5, 12);
    expect(result?.width).toBe(10);
    expect(result?.height).toBe(10);
    expect(result).toMatchObject({ label: 'car', votes: 3, support: ['w1', 'w2', 'w3'], confidence: 1 });
    // IoU w1–w2 80/120, w1–w3 72/128, w2–w3 72/128.
    expect(result?.meanIou).toBeCloseTo((2 / 3 + 0.5625 + 0.5625) / 3, 12);
  });

  it('weighs boxes by confidence and reports the Weighted Boxes Fusion confidence', () => {
    const [result] = fuseBoxes([
      { worker: 'a', boxes: [box(0, 0, 10, 10, 'car', 0.25)] },
      { worker: 'b', boxes: [box(2, 0, 10, 10, 'car', 0.75)] },
    ]);
    expect(result?.left).toBeCloseTo(1.5, 12);
    expect(result?.confidence).toBeCloseTo(0.5, 12);
  });

  it('drops a box only one of three annotators drew at minVotes 2 and keeps it at 1', () => {
    const answers: BoxAnswer[] = [
      { worker: 'w1', boxes: [box(0, 0, 10, 10)] },
      { worker: 'w2', boxes: [box(0, 0, 10, 10), box(50, 50, 5, 5)] },
      { worker: 'w3', boxes: [box(1, 0, 10, 10)] },
    ];
    expect(fuseBoxes(answers).map((result) => result.votes)).toEqual([3]);
    expect(fuseBoxes(answers, { minVotes: 2 }).map((result) => result.votes)).toEqual([3]);
    const all = fuseBoxes(answers, { minVotes: 1 });
    expect(all.map((result) => [result.left, result.votes, result.support])).toEqual([
      [1 / 3, 3, ['w1', 'w2', 'w3']],
      [50, 1, ['w2']],
    ]);
  });

  it('counts annotators who drew nothing toward the majority', () => {
    const answers: BoxAnswer[] = [
      { worker: 'w1', boxes: [box(0, 0, 10, 10)] },
      { worker: 'w2', boxes: [] },
      { worker: 'w3', boxes: [] },
    ];
    expect(fuseBoxes(answers)).toEqual([]);
    expect(fuseBoxes(answers, { minVotes: 1 })[0]?.confidence).toBeCloseTo(1 / 3, 12);
  });

  it('never fuses boxes of different labels', () => {
    const answers: BoxAnswer[] = [
      { worker: 'w1', boxes: [box(0, 0, 10, 10, 'car')] },
      { worker: 'w2', boxes: [box(0, 0, 10, 10, 'truck')] },
    ];
    expect(fuseBoxes(answers)).toEqual([]);
    expect(fuseBoxes(answers, { minVotes: 1 }).map((result) => [result.label, result.votes])).toEqual([
      ['car', 1],
      ['truck', 1],
    ]);
  });

  it('matches optimally where the greedy choice would leave a box alone', () => {
    // w1 drew c1 = [0, 10] and c2 = [3, 13]. w2's b1 = [1, 11] fits c1 best (IoU 9/11) but also c2 (8/12);
    // b2 = [−3, 7] fits only c1 (7/13). Greedy pairs b1–c1 and strands b2; the optimum pairs both.
    const fused = fuseBoxes([
      { worker: 'w1', boxes: [box(0, 0, 10, 10), box(3, 0, 10, 10)] },
      { worker: 'w2', boxes: [box(1, 0, 10, 10), box(-3, 0, 10, 10)] },
    ]);
    expect(fused.map((result) => [result.left, result.votes])).toEqual([
      [-1.5, 2],
      [2, 2],
    ]);
  });

  it('maximizes the summed IoU rather than the number of matches', () => {
    // w1 drew c1 = [0, 10] and c2 = [4, 14]; w2 drew b1 = c1 exactly and b2 = [−4, 6]. Pairing b1–c2 and
    // b2–c1 would match both (IoU 6/14 each, sum 0.86) but break up the exact match (IoU 1).
    const fused = fuseBoxes(
      [
        { worker: 'w1', boxes: [box(0, 0, 10, 10), box(4, 0, 10, 10)] },
        { worker: 'w2', boxes: [box(0, 0, 10, 10), box(-4, 0, 10, 10)] },
      ],
      { iouThreshold: 0.4, minVotes: 1 },
    );
    expect(fused.map((result) => [result.left, result.votes])).toEqual([
      [-4, 1],
      [0, 2],
      [4, 1],
    ]);
  });

  it('merges answers of the same worker, gives nothing for nothing, and rejects bad options', () => {
    expect(fuseBoxes([])).toEqual([]);
    const merged = fuseBoxes([
      { worker: 'w1', boxes: [box(0, 0, 10, 10)] },
      { worker: 'w1', boxes: [box(0, 0, 10, 10)] },
    ]);
    expect(merged.map((result) => result.votes)).toEqual([1, 1]);
    expect(() => fuseBoxes([], { iouThreshold: 0 })).toThrow(RangeError);
    expect(() => fuseBoxes([], { minVotes: 0 })).toThrow(RangeError);
    expect(() => fuseBoxes([{ worker: 'w', boxes: [] }], { weights: { w: -1 } })).toThrow(RangeError);
    expect(() => fuseBoxes([{ worker: 'w', boxes: [box(0, 0, 1, 1, 'car', Number.NaN)] }])).toThrow(
      RangeError,
    );
  });

  const arbitraryBox = fc
    .record({
      left: fc.integer({ min: 0, max: 6 }),
      top: fc.integer({ min: 0, max: 6 }),
      width: fc.integer({ min: 2, max: 6 }),
      height: fc.integer({ min: 2, max: 6 }),
      label: fc.constantFrom('car', 'truck'),
      confidence: fc.constantFrom(0.5, 1),
    })
    .map(({ left, top, width, height, label, confidence }) =>
      box(left * 3, top * 3, width * 3, height * 3, label, confidence),
    );

  it('does not depend on the order of the annotators or of their boxes', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(arbitraryBox, { maxLength: 4 }), { minLength: 1, maxLength: 5 }),
        fc.array(fc.nat(), { minLength: 1, maxLength: 10 }),
        fc.double({ min: 0.1, max: 1, noNaN: true }),
        (boxLists, keys, iouThreshold) => {
          const answers = boxLists.map((boxes, i) => ({ worker: `w${i}`, boxes }));
          const shuffled = shuffle(answers, keys).map(({ worker, boxes }) => ({
            worker,
            boxes: shuffle(boxes, keys),
          }));
          const options = { iouThreshold, minVotes: 1, weights: { w0: 3 } };
          expect(fuseBoxes(shuffled, options)).toEqual(fuseBoxes(answers, options));
        },
      ),
    );
  });

  it('fuses identical answers to themselves', () => {
    fc.assert(
      fc.property(
        fc.array(arbitraryBox, { maxLength: 5 }),
        fc.integer({ min: 1, max: 4 }),
        (boxes, annotators) => {
          const answers = Array.from({ length: annotators }, (_, i) => ({ worker: `w${i}`, boxes }));
          const fused = fuseBoxes(answers);
          expect(fused).toHaveLength(boxes.length);
          const key = (b: LabeledBox) => JSON.stringify([b.label, b.left, b.top, b.width, b.height]);
          expect(fused.map(key).sort()).toEqual(boxes.map(key).sort());
          for (const result of fused) {
            expect(result.votes).toBe(annotators);
            expect(result.meanIou).toBe(1);
          }
        },
      ),
    );
  });
});
