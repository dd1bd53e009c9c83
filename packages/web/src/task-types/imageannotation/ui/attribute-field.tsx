/**
 * One attribute's input, by type: category (single: buttons or a list; multiple: checkboxes; nested choices
 * grouped), number (min/max/step), angle (degrees), text, x/y offset within the box, and linked (another
 * annotation). Typed values are committed on Enter or when the field is left, so each value is one undo step.
 */
import type { AnnotationAttribute, AttributeValue, LabelOption } from '@groundwork/domain';
import { type KeyboardEvent, useEffect, useId, useState } from 'react';
import { isRequired } from '../attribute-rules.ts';

/** A leaf choice of a category attribute, with the group it sits in. */
interface ChoiceEntry {
  value: string;
  display: string;
  group: string | null;
}

function choiceEntries(options: readonly LabelOption[], group: string | null = null): ChoiceEntry[] {
  return options.flatMap((option): ChoiceEntry[] => {
    if (typeof option === 'string') return [{ value: option, display: option, group }];
    if (option.subchoices && option.subchoices.length > 0) {
      const name = option.display ?? option.choice;
      return choiceEntries(option.subchoices, group ? `${group} › ${name}` : name);
    }
    return [{ value: option.choice, display: option.display ?? option.choice, group }];
  });
}

/** An annotation a linked attribute may point at. */
export interface LinkTarget {
  /** Its uuid (the stored value). */
  uuid: string;
  /** Its label. */
  label: string;
  /** How it is named in the list (`Box "car" #3`). */
  name: string;
}

/** Props of {@link AttributeField}. */
export interface AttributeFieldProps {
  /** The attribute's name (its key in the answer). */
  name: string;
  /** Its definition. */
  definition: AnnotationAttribute;
  /** The current value. */
  value: AttributeValue | undefined;
  /** Called with the new value (`undefined` clears it). */
  onChange: (value: AttributeValue | undefined) => void;
  /** Read-only. */
  disabled: boolean;
  /** For x/y offsets: the box's width and height. */
  boxSize?: { width: number; height: number } | undefined;
  /** For linked attributes: the annotations it may point at. */
  linkTargets?: readonly LinkTarget[] | undefined;
}

/** A labelled input for one attribute. */
export function AttributeField({
  name,
  definition,
  value,
  onChange,
  disabled,
  boxSize,
  linkTargets,
}: AttributeFieldProps) {
  const id = useId();
  const required = isRequired(definition);
  const missing =
    required && (value === undefined || value === '' || (Array.isArray(value) && value.length === 0));
  const title = definition.description ?? name;
  const heading = (
    <>
      <span className="img-field__title">{title}</span>
      {required && (
        <span className="img-field__required" title="Required">
          *
        </span>
      )}
      {definition.description && definition.description !== name && (
        <span className="img-field__name">{name}</span>
      )}
    </>
  );
  switch (definition.type) {
    case 'category': {
      const entries = choiceEntries(definition.choices);
      if (definition.allow_multiple) {
        const chosen = Array.isArray(value) ? value : typeof value === 'string' ? [value] : [];
        return (
          <fieldset className="img-field" data-missing={missing} disabled={disabled}>
            <legend className="img-field__label">{heading}</legend>
            <div className="img-checks">
              {entries.map((entry) => (
                <label key={entry.value} className="img-check">
                  <input
                    type="checkbox"
                    checked={chosen.includes(entry.value)}
                    onChange={(event) => {
                      const next = event.target.checked
                        ? entries.map((e) => e.value).filter((v) => v === entry.value || chosen.includes(v))
                        : chosen.filter((v) => v !== entry.value);
                      onChange(next.length > 0 ? next : undefined);
                    }}
                  />
                  {entry.group ? `${entry.group} › ` : ''}
                  {entry.display}
                </label>
              ))}
            </div>
          </fieldset>
        );
      }
      const current = typeof value === 'string' ? value : '';
      if (entries.length <= 5 && entries.every((entry) => entry.group === null)) {
        return (
          <fieldset className="img-field" data-missing={missing} disabled={disabled}>
            <legend className="img-field__label">{heading}</legend>
            <div className="img-segments">
              {entries.map((entry) => (
                <button
                  key={entry.value}
                  type="button"
                  className="img-segment"
                  aria-pressed={current === entry.value}
                  onClick={() => onChange(current === entry.value && !required ? undefined : entry.value)}
                >
                  {entry.display}
                </button>
              ))}
            </div>
          </fieldset>
        );
      }
      const groups = [...new Set(entries.map((entry) => entry.group))];
      return (
        <div className="img-field" data-missing={missing}>
          <label className="img-field__label" htmlFor={id}>
            {heading}
          </label>
          <select
            id={id}
            className="img-input"
            value={current}
            disabled={disabled}
            onChange={(event) => onChange(event.target.value === '' ? undefined : event.target.value)}
          >
            <option value="">—</option>
            {groups.map((group) =>
              group === null ? (
                entries
                  .filter((entry) => entry.group === null)
                  .map((entry) => (
                    <option key={entry.value} value={entry.value}>
                      {entry.display}
                    </option>
                  ))
              ) : (
                <optgroup key={group} label={group}>
                  {entries
                    .filter((entry) => entry.group === group)
                    .map((entry) => (
                      <option key={entry.value} value={entry.value}>
                        {entry.display}
                      </option>
                    ))}
                </optgroup>
              ),
            )}
          </select>
        </div>
      );
    }
    case 'number':
    case 'angle':
    case 'x_offset':
    case 'y_offset': {
      const limits =
        definition.type === 'number'
          ? { min: definition.min, max: definition.max, step: definition.step }
          : definition.type === 'angle'
            ? { min: 0, max: 359.999, step: 1 }
            : {
                min: 0,
                max: definition.type === 'x_offset' ? boxSize?.width : boxSize?.height,
                step: 1,
              };
      const unit = definition.type === 'angle' ? '°' : definition.type === 'number' ? '' : 'px';
      const range =
        definition.type === 'angle'
          ? '0–359°'
          : limits.min !== undefined && limits.max !== undefined
            ? `${limits.min}–${Math.round(limits.max * 1000) / 1000}${unit}`
            : limits.min !== undefined
              ? `≥ ${limits.min}${unit}`
              : limits.max !== undefined
                ? `≤ ${limits.max}${unit}`
                : '';
      return (
        <div className="img-field" data-missing={missing}>
          <label className="img-field__label" htmlFor={id}>
            {heading}
            {range && <span className="img-field__hint">{range}</span>}
          </label>
          <CommitInput
            id={id}
            type="number"
            value={typeof value === 'number' ? String(value) : ''}
            disabled={disabled}
            min={limits.min}
            max={limits.max}
            step={limits.step}
            onCommit={(text) => {
              const trimmed = text.trim();
              const parsed = Number(trimmed);
              onChange(trimmed === '' || !Number.isFinite(parsed) ? undefined : parsed);
            }}
          />
        </div>
      );
    }
    case 'text':
      return (
        <div className="img-field" data-missing={missing}>
          <label className="img-field__label" htmlFor={id}>
            {heading}
          </label>
          <CommitInput
            id={id}
            type="text"
            value={typeof value === 'string' ? value : ''}
            disabled={disabled}
            onCommit={(text) => onChange(text === '' ? undefined : text)}
          />
        </div>
      );
    case 'linked': {
      const targets = (linkTargets ?? []).filter(
        (target) => !definition.allowed_labels || definition.allowed_labels.includes(target.label),
      );
      return (
        <div className="img-field" data-missing={missing}>
          <label className="img-field__label" htmlFor={id}>
            {heading}
          </label>
          <select
            id={id}
            className="img-input"
            value={typeof value === 'string' ? value : ''}
            disabled={disabled}
            onChange={(event) => onChange(event.target.value === '' ? undefined : event.target.value)}
          >
            <option value="">{targets.length === 0 ? 'No annotation to link to' : '—'}</option>
            {targets.map((target) => (
              <option key={target.uuid} value={target.uuid}>
                {target.name}
              </option>
            ))}
          </select>
        </div>
      );
    }
  }
}

interface CommitInputProps {
  id: string;
  type: 'text' | 'number';
  value: string;
  disabled: boolean;
  min?: number | undefined;
  max?: number | undefined;
  step?: number | undefined;
  onCommit: (text: string) => void;
}

/** An input that reports its text on Enter or blur (Esc puts the stored value back). */
function CommitInput({ id, type, value, disabled, min, max, step, onCommit }: CommitInputProps) {
  const [text, setText] = useState(value);
  useEffect(() => setText(value), [value]);
  const commit = () => {
    if (text !== value) onCommit(text);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter' && !event.ctrlKey && !event.metaKey) {
      event.preventDefault();
      commit();
    } else if (event.key === 'Escape') {
      setText(value);
      event.currentTarget.blur();
    }
  };
  return (
    <input
      id={id}
      className="img-input"
      type={type}
      value={text}
      disabled={disabled}
      min={min}
      max={max}
      step={step}
      onChange={(event) => setText(event.target.value)}
      onBlur={commit}
      onKeyDown={onKeyDown}
    />
  );
}
