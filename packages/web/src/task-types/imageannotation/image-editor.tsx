/**
 * The image annotation editor: toolbar, canvas and side panels (label picker, attributes, objects list,
 * problems) around one {@link Editor}. The editor model owns every change; this component wires it to the
 * workbench (draft in, draft out after each finished change) and to the keyboard while the editor is active.
 */
import type { ImageannotationParams } from '@groundwork/domain';
import { useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { hasMod, isTypingTarget } from '../../components/keys.ts';
import type { TaskEditorProps } from '../contract.ts';
import { AnnotationCanvas, type ImageStatus } from './canvas/annotation-canvas.tsx';
import type { SceneStyle } from './canvas/painter.ts';
import { type AnnotationRecord, coerceDraft, draftProblems, type ImageannotationDraft } from './draft.ts';
import { Editor, type EditorState } from './editor/editor.ts';
import { isLocked } from './editor/permissions.ts';
import { isKnownLabel, labelColors, labelDisplay, labelOptions } from './labels.ts';
import { GlobalAttributesPanel, SelectionPanel } from './ui/attributes-panel.tsx';
import { ContextImages } from './ui/context-images.tsx';
import { LabelPicker } from './ui/label-picker.tsx';
import { ObjectsList } from './ui/objects-list.tsx';
import { ProblemsList } from './ui/problems-list.tsx';
import { Toolbar } from './ui/toolbar.tsx';
import { useEditorValue } from './use-editor.ts';
import './imageannotation.css';

/** How annotations of a task look: colour per label, dashed when locked or unknown, label names unless hidden. */
export function taskSceneStyle(
  params: ImageannotationParams,
): SceneStyle & { labelColor: (label: string) => string } {
  const labelColor = labelColors(params);
  return {
    labelColor,
    colorOf: (record: AnnotationRecord) => labelColor(record.annotation.label),
    dashedOf: (record: AnnotationRecord) =>
      isLocked(record) || !isKnownLabel(params, record.annotation.type, record.annotation.label),
    connections: params.geometries.point?.connections?.map((connection) => connection.pair),
    labelOf: (record: AnnotationRecord) =>
      params.hide_label
        ? null
        : labelDisplay(labelOptions(params, record.annotation.type), record.annotation.label),
  };
}

/** Whether a key event should reach the editor: not typed into a field; Tab and Space only on the canvas. */
export function editorMayTake(event: KeyboardEvent): boolean {
  if (isTypingTarget(event.target)) return false;
  if (event.key !== 'Tab' && event.key !== ' ') return true;
  // Elsewhere Tab moves focus and Space presses buttons; on the canvas they cycle annotations and pan.
  const target = event.target;
  return (
    !(target instanceof HTMLElement) || target === document.body || target.classList.contains('img-canvas')
  );
}

const HINTS: Record<string, string> = {
  select:
    'Click to select · Shift+click adds · drag to move · drag handles to resize · double-click an edge adds a vertex · Alt+click a vertex deletes it',
  box: 'Drag to draw a box · Shift keeps it square · 1–9 pick the label',
  ellipse: 'Drag to draw an ellipse · Shift keeps it round · 1–9 pick the label',
  point: 'Click to place a point · 1–9 pick the label',
  polygon:
    'Click to add vertices · Enter or a click on the first vertex closes · Backspace removes the last · Esc cancels',
  line: 'Click to add points · Enter or a double click finishes · Backspace removes the last · Esc cancels',
  pan: 'Drag to pan · wheel to zoom',
};

/** The hint line under the canvas, and the last notice. */
function StatusBar({ editor }: { editor: Editor }) {
  const tool = useEditorValue(editor, (state) => state.tool);
  const notice = useEditorValue(editor, (state) => state.notice);
  return (
    <div className="img-status">
      <span className="img-status__hint">{HINTS[tool]}</span>
      <span className="img-status__notice" role="status" aria-live="polite">
        {notice}
      </span>
    </div>
  );
}

function sketchColorFor(labelColor: (label: string) => string) {
  return (state: EditorState) => (state.sketch ? labelColor(state.sketch.annotation.label) : '#155e4b');
}

/** The editor the workbench shows for `imageannotation` tasks. */
export function ImageannotationEditor({
  params,
  draft,
  onChange,
  resolveUrl,
  active,
  mode,
}: TaskEditorProps<ImageannotationParams, ImageannotationDraft>) {
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;
  const emitted = useRef<unknown>(draft);
  const [committed, setCommitted] = useState(() => coerceDraft(params, draft));
  const make = () =>
    new Editor({
      params,
      draft: coerceDraft(params, draft),
      onDraftChange: (next) => {
        emitted.current = next;
        setCommitted(next);
        onChangeRef.current(next);
      },
    });
  const [editor, setEditor] = useState(make);
  if (editor.params !== params) setEditor(make());
  const [status, setStatus] = useState<ImageStatus>({ state: 'loading' });

  // A draft that did not come from this editor (another task, a restored draft) replaces the editor's.
  useEffect(() => {
    if (draft === emitted.current || draft === editor.state.draft) return;
    emitted.current = draft;
    const next = coerceDraft(params, draft);
    editor.loadDraft(next);
    setCommitted(next);
  }, [draft, editor, params]);

  useEffect(() => {
    if (!active) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || !editorMayTake(event)) return;
      const used = editor.keyDown({
        key: event.key,
        shift: event.shiftKey,
        alt: event.altKey,
        mod: hasMod(event),
      });
      if (used) event.preventDefault();
    };
    const onKeyUp = (event: KeyboardEvent) => editor.keyUp(event.key);
    const onBlur = () => editor.keyUp(' ');
    window.addEventListener('keydown', onKeyDown);
    window.addEventListener('keyup', onKeyUp);
    window.addEventListener('blur', onBlur);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      window.removeEventListener('keyup', onKeyUp);
      window.removeEventListener('blur', onBlur);
      editor.keyUp(' ');
    };
  }, [editor, active]);

  const style = useMemo(() => taskSceneStyle(params), [params]);
  const sketchColor = useMemo(() => sketchColorFor(style.labelColor), [style]);
  const deferred = useDeferredValue(committed);
  const problems = useMemo(() => draftProblems(params, deferred).problems, [params, deferred]);
  const imageUrl = resolveUrl(params.attachment);

  return (
    <div
      className="img-editor"
      data-testid="image-editor"
      data-ready={status.state === 'ready'}
      data-mode={mode}
    >
      <Toolbar editor={editor} />
      <div className="img-body">
        <div className="img-stage">
          <AnnotationCanvas
            editor={editor}
            imageUrl={imageUrl}
            style={style}
            sketchColor={sketchColor}
            onStatus={setStatus}
            label="Image to annotate. Draw with the tools; the objects list names every annotation."
          />
          {status.state === 'loading' && <div className="img-stage__message">Loading image…</div>}
          {status.state === 'error' && (
            <div className="img-stage__message img-stage__message--error" role="alert">
              <strong>The image could not be loaded.</strong>
              <code className="img-url">{status.url}</code>
              <span>
                Check your connection and reload the page. If it still fails, skip this task (Ctrl+Shift+S)
                with the reason “image does not load”.
              </span>
            </div>
          )}
          <StatusBar editor={editor} />
        </div>
        <aside className="img-side" aria-label="Labels, attributes and objects">
          {mode === 'fix' && <p className="img-banner">Fixing the merged answer: your changes replace it.</p>}
          <LabelPicker editor={editor} colorOf={style.labelColor} />
          <SelectionPanel editor={editor} draft={committed} />
          <GlobalAttributesPanel editor={editor} />
          <ObjectsList editor={editor} colorOf={style.colorOf} />
          <ProblemsList editor={editor} problems={problems} />
          <ContextImages attachments={params.context_attachments} resolveUrl={resolveUrl} />
        </aside>
      </div>
    </div>
  );
}
