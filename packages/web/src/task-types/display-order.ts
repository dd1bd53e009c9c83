/**
 * Which of a task's items (the model responses of a pairwise preference or a ranking, the attachments of a
 * comparison) is shown at each position. The server shuffles the items per assignment to cancel position bias;
 * the screen names positions by letter (`Response A`, attachment `A` is the leftmost or topmost), while answers
 * always name the task's own items. Everything that crosses between the two goes through here.
 */
import { isDisplayOrder } from '@groundwork/domain';

/**
 * The item shown at each position: `displayOrder` when it is a permutation of the `count` items,
 * otherwise (null, or an order that does not fit the task) the task's own order.
 */
export function shownOrder(count: number, displayOrder: readonly number[] | null | undefined): number[] {
  if (displayOrder && isDisplayOrder(displayOrder, count)) return [...displayOrder];
  return Array.from({ length: count }, (_, index) => index);
}

/** The position at which item `item` is shown (the inverse of {@link shownOrder}). */
export function positionOf(
  count: number,
  displayOrder: readonly number[] | null | undefined,
  item: number,
): number {
  return shownOrder(count, displayOrder).indexOf(item);
}

/** `A`, `B`, …, `Z`, `AA`, … for positions 0, 1, …: letters, so number keys stay free for ratings and ranks. */
export function positionLetter(position: number): string {
  let letter = '';
  let rest = position + 1;
  while (rest > 0) {
    const digit = (rest - 1) % 26;
    letter = String.fromCharCode(65 + digit) + letter;
    rest = Math.floor((rest - 1) / 26);
  }
  return letter;
}

/** How the annotator sees item `item`: `Response B` when it is shown second. */
export function itemName(
  count: number,
  displayOrder: readonly number[] | null | undefined,
  item: number,
): string {
  return `Response ${positionLetter(positionOf(count, displayOrder, item))}`;
}
