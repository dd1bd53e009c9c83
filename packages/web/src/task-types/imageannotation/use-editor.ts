/** React bindings of the {@link Editor}: components subscribe to the part of its state they show. */
import { useSyncExternalStore } from 'react';
import type { Editor, EditorState } from './editor/editor.ts';

/**
 * A value derived from the editor's state; the component re-renders only when it changes (compared with
 * `Object.is`), so the side panels stay still while the canvas pans or a shape is dragged.
 */
export function useEditorValue<T>(editor: Editor, select: (state: EditorState, editor: Editor) => T): T {
  return useSyncExternalStore(editor.subscribe, () => select(editor.state, editor));
}
