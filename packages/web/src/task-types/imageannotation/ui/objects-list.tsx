/**
 * Every annotation in drawing order: number, colour, kind, label, and buttons to show/hide, lock/unlock and
 * delete. A click selects it (Shift adds) and brings it into view. Only the rows in view are rendered, so
 * thousands of annotations keep the panel responsive.
 */
import { memo, useEffect, useRef, useState } from 'react';
import { type AnnotationRecord, KIND_NAMES } from '../draft.ts';
import type { Editor } from '../editor/editor.ts';
import { canToggleLock } from '../editor/permissions.ts';
import { isKnownLabel, labelDisplay, labelOptions } from '../labels.ts';
import { useEditorValue } from '../use-editor.ts';
import { Icon, type IconName } from './icons.tsx';

/** Row height in pixels (fixed, for windowing). */
const ROW_HEIGHT = 30;
/** Rows rendered above and below the visible ones. */
const OVERSCAN = 8;

/** Props of {@link ObjectsList}. */
export interface ObjectsListProps {
  /** The editor. */
  editor: Editor;
  /** Colour of an annotation. */
  colorOf: (record: AnnotationRecord) => string;
}

/** The objects list. */
export function ObjectsList({ editor, colorOf }: ObjectsListProps) {
  const records = useEditorValue(editor, (state) => state.draft.annotations);
  const selectedIds = useEditorValue(editor, (state) => state.selectedIds);
  const scrollRef = useRef<HTMLDivElement>(null);
  const [view, setView] = useState({ top: 0, height: 320 });
  const selected = new Set(selectedIds);

  useEffect(() => {
    const element = scrollRef.current;
    if (!element) return;
    const update = () => setView({ top: element.scrollTop, height: element.clientHeight });
    update();
    element.addEventListener('scroll', update, { passive: true });
    const observer = new ResizeObserver(update);
    observer.observe(element);
    return () => {
      element.removeEventListener('scroll', update);
      observer.disconnect();
    };
  }, []);

  // Keep the last selected row in view when the selection changes (Tab, a click on the canvas).
  const last = selectedIds.at(-1);
  useEffect(() => {
    const element = scrollRef.current;
    if (!element || last === undefined) return;
    const index = editor.records.findIndex((record) => record.id === last);
    if (index < 0) return;
    const top = index * ROW_HEIGHT;
    if (top < element.scrollTop) element.scrollTop = top;
    else if (top + ROW_HEIGHT > element.scrollTop + element.clientHeight) {
      element.scrollTop = top + ROW_HEIGHT - element.clientHeight;
    }
  }, [editor, last]);

  const first = Math.max(0, Math.floor(view.top / ROW_HEIGHT) - OVERSCAN);
  const end = Math.min(records.length, Math.ceil((view.top + view.height) / ROW_HEIGHT) + OVERSCAN);
  const rows: AnnotationRecord[] = records.slice(first, end);
  return (
    <section className="img-panel img-panel--objects" aria-labelledby="img-objects-title">
      <h3 className="img-panel__title" id="img-objects-title">
        Objects <span className="img-panel__aside">{records.length}</span>
      </h3>
      {records.length === 0 ? (
        <p className="img-muted">No annotations yet. Pick a tool and draw on the image.</p>
      ) : (
        <div className="img-objects" ref={scrollRef}>
          <ul
            className="img-objects__rows"
            style={{ height: records.length * ROW_HEIGHT }}
            aria-label="Annotations"
          >
            {rows.map((record, i) => (
              <ObjectRow
                key={record.id}
                editor={editor}
                record={record}
                index={first + i}
                selected={selected.has(record.id)}
                color={colorOf(record)}
              />
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}

interface ObjectRowProps {
  editor: Editor;
  record: AnnotationRecord;
  index: number;
  selected: boolean;
  color: string;
}

const ObjectRow = memo(function ObjectRow({ editor, record, index, selected, color }: ObjectRowProps) {
  const { annotation } = record;
  const options = labelOptions(editor.params, annotation.type);
  const known = isKnownLabel(editor.params, annotation.type, annotation.label);
  const display = labelDisplay(options, annotation.label);
  const deletable = editor.canDelete(record);
  const lockable = !editor.readOnly && canToggleLock(record);
  const locked = record.locked === true || record.baseLocked === true;
  return (
    <li
      className="img-object"
      data-testid="annotation-item"
      data-selected={selected}
      data-hidden={record.hidden === true}
      style={{ top: index * ROW_HEIGHT, height: ROW_HEIGHT }}
    >
      <button
        type="button"
        className="img-object__main"
        aria-pressed={selected}
        onClick={(event) => {
          if (event.shiftKey) editor.toggleSelected(record.id);
          else editor.select([record.id]);
          editor.reveal(record);
        }}
      >
        <span className="img-object__number">{index + 1}</span>
        <span className="img-swatch" style={{ background: color }} />
        <span className="img-object__label">{display}</span>
        <span className="img-object__kind">{KIND_NAMES[annotation.type]}</span>
        {!known && (
          <span className="img-object__warning" title={`Unknown label "${annotation.label}" — relabel it`}>
            <Icon name="warning" />
            <span className="visually-hidden">Unknown label — relabel it</span>
          </span>
        )}
        {record.base && (
          <span className="img-object__tag" title="Pre-label from the task">
            pre
          </span>
        )}
      </button>
      <RowButton
        icon={record.hidden ? 'eyeOff' : 'eye'}
        label={record.hidden ? `Show ${display} #${index + 1} (H)` : `Hide ${display} #${index + 1} (H)`}
        pressed={record.hidden === true}
        disabled={editor.readOnly}
        onClick={() => editor.setHidden([record.id], !record.hidden)}
      />
      <RowButton
        icon={locked ? 'lock' : 'unlock'}
        label={
          record.baseLocked
            ? 'Locked pre-label'
            : locked
              ? `Unlock ${display} #${index + 1} (Shift+L)`
              : `Lock ${display} #${index + 1} (Shift+L)`
        }
        pressed={locked}
        disabled={!lockable}
        onClick={() => editor.setLocked([record.id], !record.locked)}
      />
      {!editor.readOnly && (
        <RowButton
          icon="trash"
          label={deletable ? `Delete ${display} #${index + 1} (Delete)` : 'Cannot be deleted'}
          disabled={!deletable}
          onClick={() => editor.deleteAnnotations([record.id])}
        />
      )}
    </li>
  );
});

function RowButton(props: {
  icon: IconName;
  label: string;
  pressed?: boolean;
  disabled: boolean;
  onClick: () => void;
}) {
  return (
    <button
      type="button"
      className="img-object__action"
      aria-label={props.label}
      title={props.label}
      aria-pressed={props.pressed}
      disabled={props.disabled}
      onClick={props.onClick}
    >
      <Icon name={props.icon} />
    </button>
  );
}
