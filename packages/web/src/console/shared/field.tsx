/**
 * A labeled form field whose hint and error are tied to the control by `aria-describedby`, so the control's
 * accessible name is its label alone (`Name`, `Priority`) and the hint is read after it.
 */
import { type ReactNode, useId } from 'react';
import './field.css';

/** What a field hands its control. */
export interface FieldControlProps {
  /** The control's id (the label points at it). */
  id: string;
  /** The ids of the hint and error, when shown. */
  'aria-describedby'?: string;
  /** Set while the field has an error. */
  'aria-invalid'?: boolean;
}

/** Props of {@link Field}. */
export interface FieldProps {
  /** The label. */
  label: ReactNode;
  /** A line of help under the control. */
  hint?: ReactNode;
  /** What is wrong with the value, shown instead of nothing. */
  error?: ReactNode;
  /** Extra class names of the field. */
  className?: string;
  /** Renders the control with the props that tie it to the label, hint and error. */
  children: (control: FieldControlProps) => ReactNode;
}

/** A form field: label, control, hint, error. */
export function Field({ label, hint, error, className, children }: FieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const described = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ');
  return (
    <div className={className ? `field ${className}` : 'field'}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      {children({
        id,
        ...(described ? { 'aria-describedby': described } : {}),
        ...(error ? { 'aria-invalid': true } : {}),
      })}
      {hint && (
        <span id={hintId} className="field__hint">
          {hint}
        </span>
      )}
      {error && (
        <span id={errorId} className="field__error">
          {error}
        </span>
      )}
    </div>
  );
}

/** Props of {@link CheckField}. */
export interface CheckFieldProps {
  /** The label. */
  label: ReactNode;
  /** A line of help under the label. */
  hint?: ReactNode;
  /** Whether it is checked. */
  checked: boolean;
  /** Called with the new value. */
  onChange: (checked: boolean) => void;
  /** Whether it can be changed. */
  disabled?: boolean;
}

/** A checkbox with a label and a hint beside it; the hint is its description, not part of its name. */
export function CheckField({ label, hint, checked, onChange, disabled = false }: CheckFieldProps) {
  const id = useId();
  return (
    <div className="check-field" data-disabled={disabled}>
      <input
        id={id}
        type="checkbox"
        checked={checked}
        disabled={disabled}
        onChange={(event) => onChange(event.target.checked)}
        {...(hint ? { 'aria-describedby': `${id}-hint` } : {})}
      />
      <span>
        <label htmlFor={id}>{label}</label>
        {hint && (
          <span id={`${id}-hint`} className="field__hint">
            {hint}
          </span>
        )}
      </span>
    </div>
  );
}

/** Props of {@link RadioCard}. */
export interface RadioCardProps {
  /** The radio group's name. */
  name: string;
  /** The radio's value. */
  value: string;
  /** Whether it is the chosen one. */
  checked: boolean;
  /** Called when it is chosen. */
  onChange: () => void;
  /** Its name: what a screen reader announces and a test finds it by. */
  title: ReactNode;
  /** A line under the title, read as its description. */
  description?: ReactNode;
  /** Extra class names. */
  className?: string;
  /** Shown before the text (a thumbnail). */
  media?: ReactNode;
}

/**
 * A radio shown as a card: the whole card is clickable, yet the radio's accessible name is only its title
 * (the description is its description), so "Training" names one radio, not every text that mentions it.
 */
export function RadioCard({
  name,
  value,
  checked,
  onChange,
  title,
  description,
  className,
  media,
}: RadioCardProps) {
  const id = useId();
  return (
    <label className={className ? `radio-card ${className}` : 'radio-card'} data-checked={checked}>
      <input
        type="radio"
        name={name}
        value={value}
        checked={checked}
        onChange={onChange}
        aria-labelledby={`${id}-title`}
        {...(description ? { 'aria-describedby': `${id}-description` } : {})}
      />
      {media}
      <span className="radio-card__body">
        <span id={`${id}-title`} className="radio-card__title">
          {title}
        </span>
        {description && (
          <span id={`${id}-description`} className="radio-card__description">
            {description}
          </span>
        )}
      </span>
    </label>
  );
}
