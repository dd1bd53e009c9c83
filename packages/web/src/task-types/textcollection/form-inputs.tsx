/**
 * The input of one entry of a text-collection field, per field kind: text with a character counter, a
 * number with its range and arrow-key steps, yes/no, a date or time, single or multiple choice. Field sets
 * are rendered by the form itself, which nests.
 */
import type { KeyboardEvent } from 'react';
import { booleanOf, choicesOf, type EntryDraft, type FormFieldOf, textOf } from './draft.ts';
import { characterCount, stepNumber } from './input-logic.ts';

/** What every entry input receives. */
interface InputProps<T extends 'text' | 'number' | 'boolean' | 'datetime' | 'category'> {
  /** The field. */
  field: FormFieldOf<T>;
  /** The entry's draft value. */
  entry: EntryDraft | undefined;
  /** Called with the entry's new value. */
  onChange: (entry: EntryDraft) => void;
  /** DOM id of the input (the first input of a group). */
  id: string;
  /** Accessible name when no `<label>` points at the input (repeated entries, groups). */
  ariaLabel: string;
  /** Id of the element describing the problems, when there are some. */
  describedBy: string | undefined;
  /** Whether the entry has a problem. */
  invalid: boolean;
}

/** Single-line input for short answers, a growing text area otherwise. */
const SHORT_TEXT = 120;

/** A text answer with its character limits. */
export function TextInput({
  field,
  entry,
  onChange,
  id,
  ariaLabel,
  describedBy,
  invalid,
}: InputProps<'text'>) {
  const value = textOf(entry);
  const count = characterCount(value);
  const min = field.min_characters;
  const max = field.max_characters;
  const state =
    max !== undefined && count > max
      ? 'over'
      : min !== undefined && count > 0 && count < min
        ? 'under'
        : 'ok';
  const shared = {
    id,
    value,
    'aria-label': ariaLabel,
    'aria-describedby': describedBy,
    'aria-invalid': invalid || undefined,
    'aria-required': field.required || undefined,
    placeholder: field.placeholder,
  };
  return (
    <div className="tc-text">
      {max !== undefined && max <= SHORT_TEXT ? (
        <input
          {...shared}
          className="ff-input"
          type="text"
          onChange={(event) => onChange(event.currentTarget.value)}
        />
      ) : (
        <textarea
          {...shared}
          className="ff-input ff-input--grow"
          rows={2}
          onChange={(event) => onChange(event.currentTarget.value)}
        />
      )}
      {(min !== undefined || max !== undefined) && (
        <span className="tc-counter" data-state={state} aria-live="polite">
          {count}
          {max !== undefined ? ` / ${max}` : ''}
          {min !== undefined && min > 0 ? ` · min ${min}` : ''}
        </span>
      )}
    </div>
  );
}

function rangeText(field: FormFieldOf<'number'>): string | undefined {
  const parts: string[] = [];
  if (field.min !== undefined && field.max !== undefined) parts.push(`${field.min} to ${field.max}`);
  else if (field.min !== undefined) parts.push(`at least ${field.min}`);
  else if (field.max !== undefined) parts.push(`at most ${field.max}`);
  if (field.step !== undefined) parts.push(`step ${field.step}`);
  return parts.length > 0 ? parts.join(', ') : undefined;
}

/** A number typed as text (so a half-typed `-` or `1.` is kept), stepped with ↑/↓. */
export function NumberInput({
  field,
  entry,
  onChange,
  id,
  ariaLabel,
  describedBy,
  invalid,
}: InputProps<'number'>) {
  const value = textOf(entry);
  const range = rangeText(field);
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'ArrowUp' && event.key !== 'ArrowDown') return;
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    event.preventDefault();
    onChange(stepNumber(value, event.key === 'ArrowUp' ? 1 : -1, field));
  };
  return (
    <div className="tc-number">
      <input
        id={id}
        className="ff-input tc-number__input"
        type="text"
        inputMode="decimal"
        autoComplete="off"
        value={value}
        aria-label={ariaLabel}
        aria-describedby={describedBy}
        aria-invalid={invalid || undefined}
        aria-required={field.required || undefined}
        onChange={(event) => onChange(event.currentTarget.value)}
        onKeyDown={onKeyDown}
      />
      {field.unit && <span className="tc-number__unit">{field.unit}</span>}
      {range && <span className="tc-number__range">{range}</span>}
    </div>
  );
}

/** A clear button for optional single answers (a radio button cannot be unselected). */
function ClearButton({ onClear, label }: { onClear: () => void; label: string }) {
  return (
    <button type="button" className="tc-clear" onClick={onClear} aria-label={`Clear ${label}`}>
      Clear
    </button>
  );
}

/** Yes / No as two radio buttons, so "not answered yet" stays distinct from "no". */
export function BooleanInput({
  field,
  entry,
  onChange,
  id,
  ariaLabel,
  describedBy,
  invalid,
}: InputProps<'boolean'>) {
  const value = booleanOf(entry);
  return (
    <div
      className="tc-segmented"
      role="radiogroup"
      aria-label={ariaLabel}
      aria-describedby={describedBy}
      aria-invalid={invalid || undefined}
      aria-required={field.required || undefined}
    >
      {([true, false] as const).map((option) => (
        <label
          key={String(option)}
          className="tc-segmented__option"
          data-checked={value === option || undefined}
        >
          <input
            id={option ? id : undefined}
            type="radio"
            name={id}
            checked={value === option}
            onChange={() => onChange(option)}
          />
          {option ? 'Yes' : 'No'}
        </label>
      ))}
      {!field.required && value !== null && <ClearButton onClear={() => onChange(null)} label={ariaLabel} />}
    </div>
  );
}

const INPUT_TYPE = { date: 'date', time: 'time', datetime: 'datetime-local' } as const;
const FITS_INPUT = {
  date: /^\d{4}-\d{2}-\d{2}$/,
  time: /^\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/,
  datetime: /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/,
} as const;
const EXAMPLE = { date: '2024-01-31', time: '13:45', datetime: '2024-01-31T13:45:00Z' } as const;

/**
 * A date, time or date-time in the browser's picker. An answer the picker cannot show (a time zone
 * offset, from a merged answer) is shown as text instead, so it is never silently dropped.
 */
export function DatetimeInput({
  field,
  entry,
  onChange,
  id,
  ariaLabel,
  describedBy,
  invalid,
}: InputProps<'datetime'>) {
  const value = textOf(entry);
  const fits = value === '' || FITS_INPUT[field.format].test(value);
  const seconds = /:\d{2}:\d{2}/.test(value) || /^\d{2}:\d{2}:\d{2}/.test(value);
  return (
    <input
      id={id}
      className="ff-input tc-datetime"
      type={fits ? INPUT_TYPE[field.format] : 'text'}
      step={fits && seconds ? 1 : undefined}
      placeholder={fits ? undefined : EXAMPLE[field.format]}
      value={value}
      aria-label={ariaLabel}
      aria-describedby={describedBy}
      aria-invalid={invalid || undefined}
      aria-required={field.required || undefined}
      onChange={(event) => onChange(event.currentTarget.value)}
    />
  );
}

/** Single choice (radio buttons) or multiple choice (check boxes, limited to `max_choices`). */
export function CategoryInput({
  field,
  entry,
  onChange,
  id,
  ariaLabel,
  describedBy,
  invalid,
}: InputProps<'category'>) {
  const chosen = choicesOf(entry);
  const multiple = field.max_choices > 1;
  const full = multiple && chosen.length >= field.max_choices;
  const order = new Map(field.choices.map((choice, index) => [choice.value, index]));
  const toggle = (value: string, on: boolean) => {
    if (!multiple) return onChange(on ? [value] : []);
    const next = on ? [...chosen.filter((v) => v !== value), value] : chosen.filter((v) => v !== value);
    onChange(next.sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0)));
  };
  const limit =
    multiple &&
    (field.min_choices === field.max_choices
      ? `Select ${field.max_choices}`
      : field.min_choices > 1
        ? `Select ${field.min_choices}–${field.max_choices}`
        : `Select up to ${field.max_choices}`);
  return (
    <div className="tc-choices-wrap">
      <fieldset
        className="tc-choices"
        aria-describedby={describedBy}
        aria-invalid={invalid || undefined}
        data-many={field.choices.length > 6 || undefined}
      >
        <legend className="visually-hidden">{ariaLabel}</legend>
        {field.choices.map((choice, index) => {
          const checked = chosen.includes(choice.value);
          return (
            <label key={choice.value} className="tc-choice" data-checked={checked || undefined}>
              <input
                id={index === 0 ? id : undefined}
                type={multiple ? 'checkbox' : 'radio'}
                name={id}
                checked={checked}
                disabled={full && !checked}
                onChange={(event) => toggle(choice.value, event.currentTarget.checked)}
              />
              <span className="tc-choice__text">
                <span className="tc-choice__label">{choice.label}</span>
                {choice.hint && <span className="tc-choice__hint">{choice.hint}</span>}
              </span>
            </label>
          );
        })}
      </fieldset>
      <div className="tc-choices__foot">
        {limit && (
          <span className="tc-choices__limit">
            {limit} · {chosen.length} selected
          </span>
        )}
        {!multiple && !field.required && chosen.length > 0 && (
          <ClearButton onClear={() => onChange([])} label={ariaLabel} />
        )}
      </div>
    </div>
  );
}
