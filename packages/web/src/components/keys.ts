/**
 * Keyboard helpers shared by the workbench and the editors: what counts as typing, the keys the labeling loop
 * keeps, and number keys that can type two-digit numbers (ranks up to 20, a Likert scale up to 11). Pure, so
 * they are tested without a DOM.
 */

/** Whether a key event was typed into a text field (where plain keys must type, not act). */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement) return true;
  if (target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) {
    return !['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color'].includes(target.type);
  }
  return false;
}

/** Whether Ctrl (or ⌘ on a Mac) is held. */
export function hasMod(event: Pick<KeyboardEvent, 'ctrlKey' | 'metaKey'>): boolean {
  return event.ctrlKey || event.metaKey;
}

/**
 * Whether the labeling loop keeps the key for itself: Ctrl/Cmd+Enter (submit), Ctrl/Cmd+Shift+S (skip),
 * `?` (shortcuts) and Ctrl/Cmd+I (instructions).
 */
export function isReservedKey(
  event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey'>,
): boolean {
  const command = event.ctrlKey || event.metaKey;
  if (event.key === '?') return true;
  if (!command) return false;
  const key = event.key.toLowerCase();
  return key === 'enter' || key === 'i' || (event.shiftKey && key === 's');
}

/** State of {@link readDigit}: the digits typed so far that may still grow into a longer number. */
export interface DigitBuffer {
  /** Digits typed so far, `''` when none are pending. */
  digits: string;
}

/** What a digit key press means. */
export interface DigitReading {
  /** The buffer to keep for the next press. */
  buffer: DigitBuffer;
  /** Numbers to act on now, in order (an earlier pending number that the new digit cannot extend comes first). */
  commits: number[];
  /** A number to act on if no further digit comes soon (the caller's timer), or null. */
  pending: number | null;
}

/**
 * Reads number keys as choices 1..`max`. With `max` ≤ 9 every digit acts at once. With larger `max`, a
 * digit that could start a longer valid number (`1` when 12 exists) waits for the next press (the caller
 * commits `pending` after a short pause), and a digit that cannot grow acts at once, so `2` `0` picks 20
 * and a lone `4` picks 4. `0` alone picks nothing.
 */
export function readDigit(buffer: DigitBuffer, digit: string, max: number): DigitReading {
  if (!/^[0-9]$/.test(digit)) return { buffer, commits: [], pending: null };
  const read = (digits: string, before: number[]): DigitReading | undefined => {
    const value = Number(digits);
    if (value < 1 || value > max || digits.startsWith('0')) return undefined;
    if (value * 10 <= max) return { buffer: { digits }, commits: before, pending: value };
    return { buffer: { digits: '' }, commits: [...before, value], pending: null };
  };
  const earlier = buffer.digits ? [Number(buffer.digits)] : [];
  return (
    (buffer.digits ? read(buffer.digits + digit, []) : undefined) ??
    read(digit, earlier) ?? { buffer: { digits: '' }, commits: earlier, pending: null }
  );
}
