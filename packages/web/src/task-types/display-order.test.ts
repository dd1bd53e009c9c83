import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { itemName, positionLetter, positionOf, shownOrder } from './display-order.ts';

describe('display order', () => {
  it('shows the server’s order, or the task order when there is none or it does not fit', () => {
    expect(shownOrder(2, [1, 0])).toEqual([1, 0]);
    expect(shownOrder(2, null)).toEqual([0, 1]);
    expect(shownOrder(3, [0, 0, 1])).toEqual([0, 1, 2]);
    expect(shownOrder(3, [2, 1])).toEqual([0, 1, 2]);
    expect(shownOrder(2, [1, 0, 2])).toEqual([0, 1]);
  });

  it('names items by where they are shown', () => {
    expect(itemName(2, [1, 0], 0)).toBe('Response B');
    expect(itemName(2, [1, 0], 1)).toBe('Response A');
    expect(itemName(3, null, 2)).toBe('Response C');
  });

  it('names positions like spreadsheet columns, each its own letter', () => {
    expect([0, 1, 25, 26, 27, 51, 52].map(positionLetter)).toEqual(['A', 'B', 'Z', 'AA', 'AB', 'AZ', 'BA']);
    const letters = Array.from({ length: 800 }, (_, position) => positionLetter(position));
    expect(new Set(letters).size).toBe(800);
  });

  it('maps positions to items and back for any permutation', () => {
    const permutation = fc.integer({ min: 1, max: 20 }).chain((count) =>
      fc.shuffledSubarray(
        Array.from({ length: count }, (_, index) => index),
        { minLength: count, maxLength: count },
      ),
    );
    fc.assert(
      fc.property(permutation, (order) => {
        const shown = shownOrder(order.length, order);
        shown.forEach((item, position) => {
          expect(positionOf(order.length, order, item)).toBe(position);
        });
        expect([...shown].sort((a, b) => a - b)).toEqual(order.map((_, index) => index));
      }),
    );
  });

  it('shows every item exactly once, whatever order it is given', () => {
    const countAndOrder = fc
      .integer({ min: 2, max: 12 })
      .chain((count) =>
        fc.tuple(fc.constant(count), fc.option(fc.array(fc.nat({ max: count }), { maxLength: count + 1 }))),
      );
    fc.assert(
      fc.property(countAndOrder, ([count, order]) => {
        expect([...shownOrder(count, order)].sort((a, b) => a - b)).toEqual(
          Array.from({ length: count }, (_, index) => index),
        );
      }),
    );
  });
});
