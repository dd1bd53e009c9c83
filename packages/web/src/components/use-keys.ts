/**
 * React hooks that connect the text task editors to the keyboard: a window-wide key listener that
 * respects the labeling loop's rules, and number keys read through {@link readDigit}.
 */
import { useCallback, useEffect, useRef } from 'react';
import { type DigitBuffer, isReservedKey, isTypingTarget, readDigit } from './keys.ts';

/**
 * Calls `onKey` for key presses on the page while `active`, except keys typed into fields and keys the
 * labeling loop reserves. `onKey` returns true when it used the key, which then does nothing else.
 */
export function useEditorKeys(active: boolean, onKey: (event: KeyboardEvent) => boolean): void {
  const latest = useRef(onKey);
  useEffect(() => {
    latest.current = onKey;
  });
  useEffect(() => {
    if (!active) return;
    const listener = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing) return;
      if (isTypingTarget(event.target) || isReservedKey(event)) return;
      // A focused radio button (a rating scale) moves its choice with the arrow keys.
      if (event.target instanceof HTMLInputElement && event.key.startsWith('Arrow')) return;
      if (latest.current(event)) event.preventDefault();
    };
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, [active]);
}

/** How long a digit that could start a longer number waits for the next one. */
const NUMBER_PAUSE_MS = 600;

/**
 * Number keys as choices 1..max (see {@link readDigit}): returns a function to call with each digit key;
 * `onNumber` receives every chosen number, at once or after a short pause.
 */
export function useNumberKeys(onNumber: (value: number) => void): (digit: string, max: number) => void {
  const buffer = useRef<DigitBuffer>({ digits: '' });
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const latest = useRef(onNumber);
  useEffect(() => {
    latest.current = onNumber;
  });
  useEffect(() => () => clearTimeout(timer.current), []);
  return useCallback((digit: string, max: number) => {
    clearTimeout(timer.current);
    const reading = readDigit(buffer.current, digit, max);
    buffer.current = reading.buffer;
    for (const value of reading.commits) latest.current(value);
    const { pending } = reading;
    if (pending !== null) {
      timer.current = setTimeout(() => {
        buffer.current = { digits: '' };
        latest.current(pending);
      }, NUMBER_PAUSE_MS);
    }
  }, []);
}
