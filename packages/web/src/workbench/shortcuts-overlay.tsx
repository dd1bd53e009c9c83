/** The `?` overlay: every keyboard shortcut of the page, the loop's and the task editor's. */
import { useEffect, useRef } from 'react';
import type { Shortcut } from '../task-types/contract.ts';

/** Props of {@link ShortcutsOverlay}. */
export interface ShortcutsOverlayProps {
  /** Groups of shortcuts, each with a heading. */
  groups: Array<{ title: string; shortcuts: Shortcut[] }>;
  /** Closes the overlay. */
  onClose: () => void;
}

/** A modal dialog listing the shortcuts. */
export function ShortcutsOverlay({ groups, onClose }: ShortcutsOverlayProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    dialog.current?.showModal();
  }, []);
  return (
    <dialog
      ref={dialog}
      className="dialog shortcuts"
      aria-labelledby="shortcuts-title"
      onClose={onClose}
      onKeyDown={(event) => {
        if (event.key === '?') {
          event.preventDefault();
          onClose();
        }
      }}
    >
      <header className="dialog__head">
        <h2 id="shortcuts-title">Keyboard shortcuts</h2>
        <button type="button" className="button button--small" onClick={onClose}>
          Close <kbd>Esc</kbd>
        </button>
      </header>
      <div className="shortcuts__groups">
        {groups
          .filter((group) => group.shortcuts.length > 0)
          .map((group) => (
            <section key={group.title}>
              <h3>{group.title}</h3>
              <dl>
                {group.shortcuts.map((shortcut) => (
                  <div key={`${shortcut.keys}:${shortcut.does}`}>
                    <dt>
                      {shortcut.keys.split(' / ').map((keys, index) => (
                        <span key={keys}>
                          {index > 0 && ' / '}
                          <kbd>{keys}</kbd>
                        </span>
                      ))}
                    </dt>
                    <dd>{shortcut.does}</dd>
                  </div>
                ))}
              </dl>
            </section>
          ))}
      </div>
    </dialog>
  );
}
