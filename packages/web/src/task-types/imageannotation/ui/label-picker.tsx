/**
 * The label picker: the labels of the geometry being drawn (or of the selection) at the current level of
 * the tree, numbered for the 1–9 keys; a group opens its sub-choices and the breadcrumb leads back.
 */
import { KIND_NAMES } from '../draft.ts';
import type { Editor } from '../editor/editor.ts';
import { labelDisplay, labelOptions, optionsAt, pathDisplay } from '../labels.ts';
import { useEditorValue } from '../use-editor.ts';

/** Props of {@link LabelPicker}. */
export interface LabelPickerProps {
  /** The editor. */
  editor: Editor;
  /** Colour of a label. */
  colorOf: (label: string) => string;
}

/** The label picker. */
export function LabelPicker({ editor, colorOf }: LabelPickerProps) {
  const kind = useEditorValue(editor, (_, e) => e.labelKind());
  const path = useEditorValue(editor, (state) => state.labelPath);
  const current = useEditorValue(editor, (state, e) => {
    if (!kind) return undefined;
    const selected = e.selectedRecords;
    if (selected.length > 0) {
      const labels = new Set(selected.map((record) => record.annotation.label));
      return labels.size === 1 ? [...labels][0] : undefined;
    }
    return state.labels[kind] ?? e.labelFor(kind);
  });
  const editable = useEditorValue(editor, (_, e) => {
    const selected = e.selectedRecords;
    return selected.length === 0 || selected.some((record) => e.canEditLabel(record));
  });
  if (!kind) {
    return (
      <section className="img-panel" aria-labelledby="img-labels-title">
        <h3 className="img-panel__title" id="img-labels-title">
          Label
        </h3>
        <p className="img-muted">
          Choose a drawing tool, or select annotations of one kind, to pick a label.
        </p>
      </section>
    );
  }
  const options = labelOptions(editor.params, kind);
  const entries = optionsAt(options, path);
  const crumbs = pathDisplay(options, path);
  return (
    <section className="img-panel" aria-labelledby="img-labels-title">
      <h3 className="img-panel__title" id="img-labels-title">
        {KIND_NAMES[kind]} label
        {current !== undefined && <span className="img-panel__aside">{labelDisplay(options, current)}</span>}
      </h3>
      {crumbs.length > 0 && (
        <nav className="img-crumbs" aria-label="Label groups">
          <button type="button" className="img-link" onClick={() => editor.setLabelPath([])}>
            All
          </button>
          {crumbs.map((crumb, i) => (
            <span key={path[i]}>
              {' › '}
              <button
                type="button"
                className="img-link"
                onClick={() => editor.setLabelPath(path.slice(0, i + 1))}
              >
                {crumb}
              </button>
            </span>
          ))}
          <span className="img-muted"> (Esc: back)</span>
        </nav>
      )}
      {!editable && <p className="img-muted">The label of this pre-label cannot change.</p>}
      <ol className="img-labels">
        {entries.map((entry, index) => (
          <li key={entry.choice}>
            <button
              type="button"
              className="img-label"
              aria-pressed={!entry.group && entry.choice === current}
              disabled={!editable}
              onClick={() => editor.pickLabel(index)}
            >
              <kbd className="img-kbd">{index < 9 ? index + 1 : ''}</kbd>
              {!entry.group && <span className="img-swatch" style={{ background: colorOf(entry.choice) }} />}
              <span className="img-label__name">{entry.display}</span>
              {entry.group && (
                <span className="img-label__more">
                  <span aria-hidden="true">›</span>
                  <span className="visually-hidden">(group)</span>
                </span>
              )}
            </button>
          </li>
        ))}
      </ol>
    </section>
  );
}
