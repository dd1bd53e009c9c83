/**
 * Which attachment a comparison shows at each position, and the letter that names it there.
 */
import { isDisplayOrder } from '@groundwork/domain';

/** An attachment at a position on screen. */
export interface ShownAttachment {
  /** Its index in the task's `attachments`. */
  index: number;
  /** The letter naming the position (`A`, `B`, …, `Z`, `AA`, …), so `1`–`9` stay free for the answers. */
  letter: string;
}

/** `A`, `B`, …, `Z`, `AA`, `AB`, … for positions 0, 1, … */
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

/**
 * The attachments in the order they are shown: the display order the server chose for this assignment when it
 * is one (a permutation of the attachments), otherwise the task's own order.
 */
export function shownAttachments(count: number, displayOrder: readonly number[] | null): ShownAttachment[] {
  const order =
    displayOrder && isDisplayOrder(displayOrder, count)
      ? displayOrder
      : Array.from({ length: count }, (_, index) => index);
  return order.map((index, position) => ({ index, letter: positionLetter(position) }));
}
