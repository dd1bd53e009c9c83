/**
 * Keyboard plumbing shared by the form-like editors (text collection, data collection, transcription,
 * demonstration). Their shortcuts all use Alt so they work while the person is typing in a field, and match
 * the physical key (`event.code`) because Alt+letter types a character on a Mac (Alt+N is a dead key there).
 */
import { type RefObject, useEffect, useRef } from 'react';
import { isTypingTarget } from '../keys.ts';

/** The keys a form editor reacts to, as `event` fields. */
type KeyLike = Pick<KeyboardEvent, 'altKey' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'code' | 'key'>;

/** Alt plus the key at `code` (`KeyN`), with no other modifier. */
export function isAltKey(event: KeyLike, code: string): boolean {
  return event.altKey && !event.ctrlKey && !event.metaKey && !event.shiftKey && event.code === code;
}

/**
 * Alt+Shift+Backspace: removes the focused repeated entry. Plain Alt+Backspace is left alone because it
 * deletes a word on macOS.
 */
export function isRemoveEntryKey(event: KeyLike): boolean {
  return event.altKey && event.shiftKey && !event.ctrlKey && !event.metaKey && event.key === 'Backspace';
}

/**
 * Calls `onKey` for key presses the editor rooted at `root` may handle: only while `active`, and not for keys
 * typed into a text field outside the editor (a workbench dialog, the page's search box).
 */
export function useEditorKeys(
  root: RefObject<HTMLElement | null>,
  active: boolean,
  onKey: (event: KeyboardEvent) => void,
): void {
  const handler = useRef(onKey);
  handler.current = onKey;
  useEffect(() => {
    if (!active) return;
    const listener = (event: KeyboardEvent) => {
      const element = root.current;
      if (!element || event.defaultPrevented) return;
      if (isTypingTarget(event.target) && !element.contains(event.target as Node)) return;
      handler.current(event);
    };
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, [active, root]);
}

/**
 * Focuses the first field of the editor when a task opens, unless something already has the focus: the
 * person can start typing at once.
 */
export function useInitialFocus(root: RefObject<HTMLElement | null>, active: boolean): void {
  const done = useRef(false);
  useEffect(() => {
    if (done.current || !active) return;
    done.current = true;
    const focused = document.activeElement;
    if (focused && focused !== document.body && focused !== document.documentElement) return;
    root.current
      ?.querySelector<HTMLElement>(':is(input, textarea, select):not([disabled]):not([tabindex="-1"])')
      ?.focus();
  }, [active, root]);
}

/**
 * Runs `focus` after the next render: adding an entry changes the draft through the workbench, so the new
 * input exists only once the new draft has come back as props.
 */
export function focusSoon(find: () => HTMLElement | null | undefined): void {
  let tries = 0;
  const attempt = () => {
    const element = find();
    if (element) element.focus();
    else if (tries++ < 5) requestAnimationFrame(attempt);
  };
  requestAnimationFrame(attempt);
}

/** The first focusable field inside `container`. */
export function firstField(container: Element | null | undefined): HTMLElement | null {
  return (
    container?.querySelector<HTMLElement>(
      ':is(input, textarea, select, button):not([disabled]):not([tabindex="-1"])',
    ) ?? null
  );
}
