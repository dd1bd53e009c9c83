/**
 * An integer rating as a row of radio buttons (a segmented control): native radios give the arrow-key
 * behaviour and screen-reader semantics for free, and a digit typed while the scale has focus picks that
 * rating. Used for criteria ratings and the preference strength.
 */
import { useId } from 'react';
import './genai.css';

/** Props of {@link RatingScale}. */
export interface RatingScaleProps {
  /** What is rated, for screen readers (`Helpfulness of Response A`). */
  label: string;
  /** Lowest rating. */
  min: number;
  /** Highest rating. */
  max: number;
  /** The chosen rating, or null. */
  value: number | null;
  /** Called with the chosen rating. */
  onChange?: (value: number) => void;
  /** Words beside the lowest and highest ratings (`Slightly`, `Overwhelmingly`). */
  anchors?: [string, string];
  /** Greys the scale out (it does not count for the answer now) while keeping it usable. */
  muted?: boolean;
  /** Marks the scale as still to be answered. */
  missing?: boolean;
}

/** The scale, as described in the module comment. */
export function RatingScale({ label, min, max, value, onChange, anchors, muted, missing }: RatingScaleProps) {
  const name = useId();
  const values = Array.from({ length: max - min + 1 }, (_, index) => min + index);
  const className = ['genai-scale', muted ? 'genai-scale--muted' : '', missing ? 'genai-scale--missing' : '']
    .filter(Boolean)
    .join(' ');
  return (
    <div className={className}>
      {anchors && (
        <span className="genai-scale__anchor" aria-hidden="true">
          {anchors[0]}
        </span>
      )}
      <div
        className="genai-scale__options"
        role="radiogroup"
        aria-label={label}
        onKeyDown={(event) => {
          // A digit typed on a focused scale picks that rating, before the editor's own number keys see it.
          const digit = Number(event.key);
          if (!onChange || !/^[0-9]$/.test(event.key) || digit < min || digit > max) return;
          event.preventDefault();
          onChange(digit);
        }}
      >
        {values.map((option) => (
          <label key={option} className="genai-scale__option">
            <input
              type="radio"
              name={name}
              value={option}
              checked={value === option}
              disabled={!onChange}
              onChange={() => onChange?.(option)}
            />
            <span>{option}</span>
          </label>
        ))}
      </div>
      {anchors && (
        <span className="genai-scale__anchor" aria-hidden="true">
          {anchors[1]}
        </span>
      )}
    </div>
  );
}
