/**
 * The written justification of a preference or a ranking: a text area that says whether the task requires
 * it and counts characters as the domain does (code points, so an emoji counts once). Esc leaves the field
 * so the editor's keys work again.
 */
import { useId } from 'react';
import './genai.css';

/** Props of {@link JustificationField}. */
export interface JustificationFieldProps {
  /** The text so far. */
  value: string;
  /** Called with the new text. */
  onChange: (value: string) => void;
  /** Whether the task requires a justification. */
  required: boolean;
  /** What to explain (`Why is this response better?`). */
  prompt: string;
}

/** The field, as described in the module comment. */
export function JustificationField({ value, onChange, required, prompt }: JustificationFieldProps) {
  const id = useId();
  const count = [...value.trim()].length;
  return (
    <div className="genai-justification">
      <label htmlFor={id} className="genai-justification__label">
        {prompt}{' '}
        <span className={required ? 'genai-required' : 'genai-optional'}>
          {required ? 'required' : 'optional'}
        </span>
      </label>
      <textarea
        id={id}
        value={value}
        rows={3}
        required={required}
        aria-invalid={required && count === 0 ? true : undefined}
        onChange={(event) => onChange(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            event.preventDefault();
            event.currentTarget.blur();
          }
        }}
      />
      <span className="genai-justification__count">
        {count} {count === 1 ? 'character' : 'characters'} · Esc leaves the field
      </span>
    </div>
  );
}
