import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { positionLetter, shownAttachments } from './order.ts';

describe('positionLetter', () => {
  it('names positions like spreadsheet columns', () => {
    expect([0, 1, 25, 26, 27, 51, 52].map(positionLetter)).toEqual(['A', 'B', 'Z', 'AA', 'AB', 'AZ', 'BA']);
  });

  it('gives every position its own letter', () => {
    const letters = Array.from({ length: 800 }, (_, position) => positionLetter(position));
    expect(new Set(letters).size).toBe(800);
  });
});

describe('shownAttachments', () => {
  it('follows a valid display order and names positions, not attachments', () => {
    expect(shownAttachments(3, [2, 0, 1])).toEqual([
      { index: 2, letter: 'A' },
      { index: 0, letter: 'B' },
      { index: 1, letter: 'C' },
    ]);
  });

  it('falls back to the task order when there is no display order or it does not fit', () => {
    const taskOrder = [
      { index: 0, letter: 'A' },
      { index: 1, letter: 'B' },
    ];
    expect(shownAttachments(2, null)).toEqual(taskOrder);
    expect(shownAttachments(2, [0, 0])).toEqual(taskOrder);
    expect(shownAttachments(2, [1, 0, 2])).toEqual(taskOrder);
  });

  it('shows every attachment exactly once', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 12 }).chain((count) =>
          fc.tuple(
            fc.constant(count),
            fc.option(
              fc.oneof(
                fc.shuffledSubarray(
                  Array.from({ length: count }, (_, index) => index),
                  { minLength: count },
                ),
                fc.array(fc.nat({ max: count }), { maxLength: count + 1 }),
              ),
            ),
          ),
        ),
        ([count, order]) => {
          const shown = shownAttachments(count, order);
          expect(shown.map((item) => item.index).sort((a, b) => a - b)).toEqual(
            Array.from({ length: count }, (_, index) => index),
          );
        },
      ),
    );
  });
});
