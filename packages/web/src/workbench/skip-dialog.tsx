/** Asks why a task is skipped: the reason goes to the project's managers with the skip. */
import { type FormEvent, useEffect, useRef, useState } from 'react';

/** Reasons offered; "Other" asks for words. */
export const SKIP_REASONS = [
  'The image or content does not load',
  'The instructions do not cover this case',
  'I am not sure of the answer',
  'Inappropriate or sensitive content',
] as const;

/** Props of {@link SkipDialog}. */
export interface SkipDialogProps {
  /** Skips with the reason. */
  onSkip: (reason: string) => void;
  /** Closes without skipping. */
  onClose: () => void;
  /** A reason to preselect (e.g. when the image failed to load). */
  suggested?: string;
  /** Whether the skip is being sent. */
  busy: boolean;
  /** Why the last attempt failed. */
  error: string | null;
}

/** The skip dialog. Number keys pick a reason; Enter skips. */
export function SkipDialog({ onSkip, onClose, suggested, busy, error }: SkipDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [choice, setChoice] = useState<string>(suggested ?? SKIP_REASONS[0]);
  const [other, setOther] = useState('');
  useEffect(() => {
    dialog.current?.showModal();
  }, []);
  const reason = choice === 'other' ? other.trim() : choice;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (reason) onSkip(reason);
  };
  return (
    <dialog ref={dialog} className="dialog" aria-labelledby="skip-title" onClose={onClose}>
      <form
        onSubmit={submit}
        onKeyDown={(event) => {
          const index = Number(event.key) - 1;
          if (event.target instanceof HTMLTextAreaElement) return;
          if (index >= 0 && index < SKIP_REASONS.length) setChoice(SKIP_REASONS[index] as string);
          if (event.key === String(SKIP_REASONS.length + 1)) setChoice('other');
        }}
      >
        <header className="dialog__head">
          <h2 id="skip-title">Skip this task</h2>
        </header>
        <p className="muted">The task goes to someone else; you will not see it again in this round.</p>
        <fieldset className="choices">
          <legend>Why?</legend>
          {SKIP_REASONS.map((text, index) => (
            <label key={text} className="choice">
              <input type="radio" name="reason" checked={choice === text} onChange={() => setChoice(text)} />
              <kbd>{index + 1}</kbd> {text}
            </label>
          ))}
          <label className="choice">
            <input
              type="radio"
              name="reason"
              checked={choice === 'other'}
              onChange={() => setChoice('other')}
            />
            <kbd>{SKIP_REASONS.length + 1}</kbd> Other
          </label>
          {choice === 'other' && (
            <textarea
              aria-label="Other reason"
              placeholder="Say what is wrong with the task"
              autoFocus
              maxLength={2000}
              value={other}
              onChange={(event) => setOther(event.target.value)}
            />
          )}
        </fieldset>
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <footer className="dialog__foot">
          <button type="button" className="button" onClick={onClose}>
            Cancel <kbd>Esc</kbd>
          </button>
          <button type="submit" className="button button--primary" disabled={!reason || busy}>
            {busy ? 'Skipping…' : 'Skip task'} <kbd>Enter</kbd>
          </button>
        </footer>
      </form>
    </dialog>
  );
}
