/**
 * A modal form: a title, the form's body, the failure of its last try, and Cancel beside the action's
 * button. It opens as soon as it renders (the caller renders it only while it should be open); Escape
 * and Cancel close it.
 */
import { type ReactNode, useEffect, useId, useRef } from 'react';
import { ApiError } from './api-error.tsx';

/** Props of {@link FormDialog}. */
export interface FormDialogProps {
  /** The dialog's heading and accessible name ("Edit Acme Labeling"). */
  title: ReactNode;
  /** The form's fields or text. */
  children: ReactNode;
  /** The label of the action's button ("Save"). */
  submitLabel: string;
  /** The button's label while the action is under way ("Saving…"); "Working…" by default. */
  busyLabel?: string;
  /** Whether the action is under way: the button says so and is disabled. */
  busy: boolean;
  /** Whether the action cannot run yet (a required field is empty). */
  disabled?: boolean;
  /** Whether the action destroys or stops something (a red button). */
  danger?: boolean;
  /** Why the last try failed, if it did. */
  error: unknown;
  /** Text before the failure's message ("Could not pause:"). */
  errorPrefix?: string;
  /** Extra class names of the dialog (a wider one). */
  className?: string;
  /** Runs the action. */
  onSubmit: () => void;
  /** Closes without acting (Cancel, Escape). */
  onClose: () => void;
}

/** A modal form, open as soon as it renders. */
export function FormDialog(props: FormDialogProps) {
  const {
    title,
    children,
    submitLabel,
    busyLabel = 'Working…',
    busy,
    disabled = false,
    danger = false,
  } = props;
  const { error, errorPrefix, className, onSubmit, onClose } = props;
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    return () => element?.close();
  }, []);
  return (
    <dialog
      ref={dialog}
      className={className ? `dialog ${className}` : 'dialog'}
      aria-labelledby={titleId}
      onClose={onClose}
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          onSubmit();
        }}
      >
        <header className="dialog__head">
          <h2 id={titleId}>{title}</h2>
        </header>
        {children}
        <ApiError error={error} prefix={errorPrefix} />
        <footer className="dialog__foot">
          <button type="button" className="button button--small" onClick={onClose}>
            Cancel
          </button>
          <button
            type="submit"
            className={`button button--small button--primary${danger ? ' button--danger' : ''}`}
            disabled={busy || disabled}
          >
            {busy ? busyLabel : submitLabel}
          </button>
        </footer>
      </form>
    </dialog>
  );
}
