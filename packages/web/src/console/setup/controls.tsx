/**
 * Small form controls the setup pages share: a save bar with a clear saved / error state, number and
 * JSON inputs that keep what is being typed until it reads as a value, lists of strings, key → description
 * tables and rating criteria. Each takes a value and reports a new one; none talks to the server.
 */
import { type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { readNumber } from './policy-form.ts';

/** Where a section's changes stand. */
export type SaveState =
  | { kind: 'clean' }
  | { kind: 'dirty' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: Date; note?: string }
  | { kind: 'error'; message: string };

/** Props of {@link SaveBar}. */
export interface SaveBarProps {
  state: SaveState;
  /** The save button's text (`Save labels`). */
  label: string;
  onSave: () => void;
  /** Throws the changes away (shown while there are some). */
  onDiscard?: () => void;
  /** Why saving is not possible now (problems to fix); the button is disabled while set. */
  blocked?: string | null;
}

/** The save button of a section with what happened last, announced to screen readers. */
export function SaveBar({ state, label, onSave, onDiscard, blocked }: SaveBarProps) {
  const dirty = state.kind === 'dirty' || state.kind === 'error';
  return (
    <div className="setup-savebar" data-state={state.kind}>
      <button
        type="button"
        className="button button--primary"
        onClick={onSave}
        disabled={state.kind === 'saving' || !dirty || !!blocked}
      >
        {state.kind === 'saving' ? 'Saving…' : label}
      </button>
      {dirty && onDiscard && (
        <button type="button" className="button" onClick={onDiscard}>
          Discard changes
        </button>
      )}
      <span className="setup-savebar__status" role="status" aria-live="polite">
        {state.kind === 'clean' && <span className="muted">No unsaved changes.</span>}
        {state.kind === 'dirty' &&
          (blocked ? (
            <span className="error-text">{blocked}</span>
          ) : (
            <span className="badge" data-tone="wait">
              Unsaved changes
            </span>
          ))}
        {state.kind === 'saved' && (
          <span className="badge" data-tone="ok">
            Saved {state.at.toLocaleTimeString()}
            {state.note ? ` · ${state.note}` : ''}
          </span>
        )}
        {state.kind === 'error' && <span className="error-text">Not saved: {state.message}</span>}
      </span>
    </div>
  );
}

/**
 * Keeps a local copy of a value being edited (text typed, rows with ids) in step with the value from
 * outside: an outside change that did not come from this control replaces the copy. Values are compared by
 * content, so a value rebuilt on every render (a fresh empty list) never resets what is being typed.
 */
export function useSynced<V, L>(value: V, toLocal: (value: V) => L): [L, (local: L, emitted: V) => void] {
  const [local, setLocal] = useState(() => toLocal(value));
  const emitted = useRef<V>(value);
  useEffect(() => {
    if (value === emitted.current) return;
    const same = JSON.stringify(value) === JSON.stringify(emitted.current);
    emitted.current = value;
    if (!same) setLocal(toLocal(value));
  }, [value, toLocal]);
  const update = (next: L, nextValue: V) => {
    emitted.current = nextValue;
    setLocal(next);
  };
  return [local, update];
}

/** Props of {@link NumberField}. */
export interface NumberFieldProps {
  label: string;
  /** The number, or undefined when not set (the default applies). */
  value: number | undefined;
  onChange: (value: number | undefined) => void;
  hint?: ReactNode;
  error?: string | undefined;
  min?: number | undefined;
  max?: number | undefined;
  step?: number | 'any';
  /** What applies when empty, shown as the placeholder. */
  placeholder?: string;
  integer?: boolean;
}

/** A number input that may be left empty (undefined); text that is not a number is flagged, not sent. */
export function NumberField({
  label,
  value,
  onChange,
  hint,
  error,
  min,
  max,
  step = 'any',
  placeholder,
  integer = false,
}: NumberFieldProps) {
  const [text, setText] = useSynced(value, (v) => (v === undefined ? '' : String(v)));
  const typed = text.trim() === '' ? undefined : readNumber(text);
  const local =
    text.trim() !== '' && typed === undefined
      ? 'Enter a number.'
      : integer && typed !== undefined && !Number.isInteger(typed)
        ? 'Enter a whole number.'
        : undefined;
  const hintId = useId();
  return (
    <label className="field setup-number">
      <span>{label}</span>
      <input
        type="number"
        inputMode="decimal"
        value={text}
        min={min}
        max={max}
        step={integer ? 1 : step}
        placeholder={placeholder}
        aria-invalid={!!(local ?? error)}
        aria-describedby={hint ? hintId : undefined}
        onChange={(event) => {
          const next = event.target.value;
          const number = next.trim() === '' ? undefined : readNumber(next);
          if (next.trim() === '' || number !== undefined) {
            setText(next, number);
            onChange(number);
          } else setText(next, value);
        }}
      />
      {hint && (
        <span className="field__hint" id={hintId}>
          {hint}
        </span>
      )}
      {(local ?? error) && <span className="field__error">{local ?? error}</span>}
    </label>
  );
}

/** Props of {@link StringListEditor}. */
export interface StringListEditorProps {
  /** Names the list (`Categories`), also in each row's accessible name. */
  label: string;
  /** Names one item (`category`). */
  itemName: string;
  values: readonly string[];
  onChange: (values: string[]) => void;
  /** Problems by item index. */
  errors?: Record<number, string>;
}

/** An ordered list of strings: one input per item, move up/down, remove, add. */
export function StringListEditor({ label, itemName, values, onChange, errors }: StringListEditorProps) {
  const set = (index: number, value: string) =>
    onChange(values.map((item, i) => (i === index ? value : item)));
  const move = (index: number, by: -1 | 1) => {
    const target = index + by;
    if (target < 0 || target >= values.length) return;
    const next = [...values];
    [next[index], next[target]] = [next[target] as string, next[index] as string];
    onChange(next);
  };
  return (
    <fieldset className="setup-list" aria-label={label}>
      {values.map((value, index) => (
        // Rows are positional: the inputs are controlled, so an index key keeps each input's text right.
        // biome-ignore lint/suspicious/noArrayIndexKey: positional rows of plain strings.
        <div className="setup-list__row" key={index}>
          <input
            type="text"
            value={value}
            aria-label={`${label}: ${itemName} ${index + 1}`}
            aria-invalid={!!errors?.[index]}
            onChange={(event) => set(index, event.target.value)}
          />
          <RowButtons
            name={value || `${itemName} ${index + 1}`}
            first={index === 0}
            last={index === values.length - 1}
            onMove={(by) => move(index, by)}
            onRemove={() => onChange(values.filter((_, i) => i !== index))}
          />
          {errors?.[index] && <span className="field__error setup-list__error">{errors[index]}</span>}
        </div>
      ))}
      <button type="button" className="button button--small" onClick={() => onChange([...values, ''])}>
        + Add {itemName}
      </button>
    </fieldset>
  );
}

/** Up, down and remove buttons of a row, named after the row. */
export function RowButtons({
  name,
  first,
  last,
  onMove,
  onRemove,
  children,
}: {
  name: string;
  first: boolean;
  last: boolean;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
  children?: ReactNode;
}) {
  return (
    <span className="setup-row-buttons">
      <button
        type="button"
        className="setup-icon-button"
        aria-label={`Move ${name} up`}
        title="Move up"
        disabled={first}
        onClick={() => onMove(-1)}
      >
        ↑
      </button>
      <button
        type="button"
        className="setup-icon-button"
        aria-label={`Move ${name} down`}
        title="Move down"
        disabled={last}
        onClick={() => onMove(1)}
      >
        ↓
      </button>
      {children}
      <button
        type="button"
        className="setup-icon-button setup-icon-button--danger"
        aria-label={`Remove ${name}`}
        title="Remove"
        onClick={onRemove}
      >
        ✕
      </button>
    </span>
  );
}

interface FieldRow {
  key: string;
  description: string;
}

const toRows = (value: Record<string, string>): FieldRow[] =>
  Object.entries(value).map(([key, description]) => ({ key, description }));

/** Props of {@link FieldMapEditor}. */
export interface FieldMapEditorProps {
  label: string;
  /** `{key: description}`, or undefined when not set. */
  value: Record<string, string> | undefined;
  onChange: (value: Record<string, string> | undefined) => void;
}

/**
 * A `{key: description}` table (transcription, data collection and comparison fields): the key is what
 * answers are stored under, the description what the annotator reads. A key typed twice is flagged and only
 * its first row counts until it is renamed. Rows cannot be reordered: the server stores such maps as JSON
 * objects, whose key order it does not keep.
 */
export function FieldMapEditor({ label, value, onChange }: FieldMapEditorProps) {
  const [rows, setRows] = useSynced(value, (v) => toRows(v ?? {}));
  const emit = (next: FieldRow[]) => {
    const record: Record<string, string> = {};
    for (const row of next) if (row.key !== '' && !(row.key in record)) record[row.key] = row.description;
    const out = next.length === 0 ? undefined : record;
    setRows(next, out);
    onChange(out);
  };
  const seen = new Set<string>();
  const errors = rows.map((row) => {
    if (row.key.trim() === '') return 'Give the field a key.';
    if (seen.has(row.key)) return `"${row.key}" is used twice.`;
    seen.add(row.key);
    return undefined;
  });
  return (
    <fieldset className="setup-list" aria-label={label}>
      {rows.length > 1 && (
        <span className="field__hint">
          Annotators see the fields in the order the server stores them: shorter keys first.
        </span>
      )}
      {rows.length > 0 && (
        <div className="setup-list__head setup-list__head--map" aria-hidden="true">
          <span>Key (in answers)</span>
          <span>What the annotator reads</span>
        </div>
      )}
      {rows.map((row, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: positional rows; keys may be blank or repeated while typed.
        <div className="setup-list__row setup-list__row--map" key={index}>
          <input
            type="text"
            value={row.key}
            aria-label={`${label}: key of field ${index + 1}`}
            aria-invalid={!!errors[index]}
            onChange={(event) =>
              emit(rows.map((r, i) => (i === index ? { ...r, key: event.target.value } : r)))
            }
          />
          <input
            type="text"
            value={row.description}
            aria-label={`${label}: description of field ${index + 1}`}
            onChange={(event) =>
              emit(rows.map((r, i) => (i === index ? { ...r, description: event.target.value } : r)))
            }
          />
          <button
            type="button"
            className="setup-icon-button setup-icon-button--danger"
            aria-label={`Remove field ${row.key || index + 1}`}
            title="Remove"
            onClick={() => emit(rows.filter((_, i) => i !== index))}
          >
            ✕
          </button>
          {errors[index] && <span className="field__error setup-list__error">{errors[index]}</span>}
        </div>
      ))}
      <button
        type="button"
        className="button button--small"
        onClick={() => emit([...rows, { key: `field_${rows.length + 1}`, description: '' }])}
      >
        + Add field
      </button>
    </fieldset>
  );
}

/** Props of {@link JsonField}. */
export interface JsonFieldProps {
  label: string;
  value: unknown;
  /** Called with the parsed value once the text is valid JSON (undefined when emptied). */
  onChange: (value: unknown) => void;
  hint?: ReactNode;
  /** Problems of the value (from the schema), shown under the box. */
  problems?: readonly string[];
  rows?: number;
}

/** JSON typed into a box: applied whenever it parses, the parse error shown while it does not. */
export function JsonField({ label, value, onChange, hint, problems = [], rows = 8 }: JsonFieldProps) {
  const [text, setText] = useSynced(value, (v) => (v === undefined ? '' : JSON.stringify(v, null, 2)));
  const [syntax, setSyntax] = useState<string | null>(null);
  return (
    <label className="field setup-json">
      <span>{label}</span>
      <textarea
        value={text}
        rows={rows}
        spellCheck={false}
        aria-invalid={syntax !== null || problems.length > 0}
        onChange={(event) => {
          const next = event.target.value;
          if (next.trim() === '') {
            setSyntax(null);
            setText(next, undefined);
            onChange(undefined);
            return;
          }
          try {
            const parsed: unknown = JSON.parse(next);
            setSyntax(null);
            setText(next, parsed);
            onChange(parsed);
          } catch (error) {
            setSyntax(error instanceof Error ? error.message : String(error));
            setText(next, value);
          }
        }}
      />
      {hint && <span className="field__hint">{hint}</span>}
      {syntax && <span className="field__error">Not valid JSON yet: {syntax}</span>}
      {problems.map((problem) => (
        <span key={problem} className="field__error">
          {problem}
        </span>
      ))}
    </label>
  );
}

/** A rating criterion as stored (key, title, description, scale, required). */
type CriterionValue = Record<string, unknown>;

/** Props of {@link CriteriaEditor}. */
export interface CriteriaEditorProps {
  label: string;
  value: unknown;
  onChange: (value: CriterionValue[] | undefined) => void;
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** The criteria each response is rated on: key, title, description, rating range, required. */
export function CriteriaEditor({ label, value, onChange }: CriteriaEditorProps) {
  const criteria: CriterionValue[] = Array.isArray(value) ? (value as CriterionValue[]) : [];
  const set = (index: number, key: string, item: unknown) =>
    onChange(
      criteria.map((criterion, i) => {
        if (i !== index) return criterion;
        const next = { ...criterion };
        if (item === undefined) delete next[key];
        else next[key] = item;
        return next;
      }),
    );
  const emit = (next: CriterionValue[]) => onChange(next.length === 0 ? undefined : next);
  return (
    <fieldset className="setup-criteria" aria-label={label}>
      {criteria.length === 0 && (
        <p className="muted">No criteria: annotators only give their overall verdict.</p>
      )}
      {criteria.map((criterion, index) => {
        const scale = (criterion.scale ?? {}) as { min?: number; max?: number };
        const name = text(criterion.title) || text(criterion.key) || `criterion ${index + 1}`;
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: positional rows; keys are edited in place.
          <fieldset className="setup-criterion" key={index}>
            <legend>{name}</legend>
            <div className="form-row">
              <label className="field">
                <span>Key</span>
                <input
                  type="text"
                  value={text(criterion.key)}
                  onChange={(e) => set(index, 'key', e.target.value)}
                />
              </label>
              <label className="field setup-grow">
                <span>Title</span>
                <input
                  type="text"
                  value={text(criterion.title)}
                  onChange={(e) => set(index, 'title', e.target.value)}
                />
              </label>
              <RowButtons
                name={name}
                first={index === 0}
                last={index === criteria.length - 1}
                onMove={(by) => {
                  const target = index + by;
                  const next = [...criteria];
                  [next[index], next[target]] = [
                    next[target] as CriterionValue,
                    next[index] as CriterionValue,
                  ];
                  emit(next);
                }}
                onRemove={() => emit(criteria.filter((_, i) => i !== index))}
              />
            </div>
            <label className="field">
              <span>Description</span>
              <input
                type="text"
                value={text(criterion.description)}
                onChange={(e) =>
                  set(index, 'description', e.target.value === '' ? undefined : e.target.value)
                }
              />
            </label>
            <div className="form-row">
              <NumberField
                label="Lowest rating"
                integer
                value={scale.min}
                placeholder="1"
                onChange={(min) =>
                  set(
                    index,
                    'scale',
                    min === undefined && scale.max === undefined ? undefined : { ...scale, min },
                  )
                }
              />
              <NumberField
                label="Highest rating"
                integer
                value={scale.max}
                placeholder="7"
                onChange={(max) =>
                  set(
                    index,
                    'scale',
                    max === undefined && scale.min === undefined ? undefined : { ...scale, max },
                  )
                }
              />
              <label className="setup-check">
                <input
                  type="checkbox"
                  checked={criterion.required !== false}
                  onChange={(e) => set(index, 'required', e.target.checked ? undefined : false)}
                />
                Rating required
              </label>
            </div>
          </fieldset>
        );
      })}
      <button
        type="button"
        className="button button--small"
        onClick={() =>
          emit([
            ...criteria,
            { key: `criterion_${criteria.length + 1}`, title: `Criterion ${criteria.length + 1}` },
          ])
        }
      >
        + Add criterion
      </button>
    </fieldset>
  );
}
