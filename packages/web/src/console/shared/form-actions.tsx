/**
 * The end of a console form on a page: why its last try failed, then the submit button (which says when
 * the action is under way), any further buttons, and Cancel.
 */
import type { ReactNode } from 'react';
import { ApiError } from './api-error.tsx';

/** Props of {@link FormActions}. */
export interface FormActionsProps {
  /** The submit button's label ("Create key"). */
  submitLabel: string;
  /** Its label while the action is under way ("Creating…"); "Working…" by default. */
  busyLabel?: string;
  /** Whether the action is under way: the button says so and is disabled. */
  busy: boolean;
  /** Whether the form cannot be sent yet (a required field is empty). */
  disabled?: boolean;
  /** Why the last try failed, if it did. */
  error: unknown;
  /** Text before the failure's message ("Could not create the batch:"). */
  errorPrefix?: string;
  /** Closes the form without acting. */
  onCancel: () => void;
  /** Further buttons, between the submit button and Cancel. */
  children?: ReactNode;
}

/** A form's failure, submit button, further buttons and Cancel. */
export function FormActions(props: FormActionsProps) {
  const {
    submitLabel,
    busyLabel = 'Working…',
    busy,
    disabled = false,
    error,
    errorPrefix,
    onCancel,
    children,
  } = props;
  return (
    <>
      <ApiError error={error} prefix={errorPrefix} />
      <div className="form-row">
        <button type="submit" className="button button--primary" disabled={busy || disabled}>
          {busy ? busyLabel : submitLabel}
        </button>
        {children}
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </>
  );
}
