/** A reviewer's rejection: the comment tells the annotators what to change in the next round. */
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { hasMod } from '../components/keys.ts';

/** Props of {@link RejectDialog}. */
export interface RejectDialogProps {
  /** Rejects with the comment. */
  onReject: (comment: string) => void;
  /** Closes without rejecting. */
  onClose: () => void;
  /** Whether the verdict is being sent. */
  busy: boolean;
  /** Why the last attempt failed. */
  error: string | null;
}

/** The reject dialog; Ctrl+Enter sends. */
export function RejectDialog({ onReject, onClose, busy, error }: RejectDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [comment, setComment] = useState('');
  useEffect(() => {
    dialog.current?.showModal();
  }, []);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (comment.trim()) onReject(comment.trim());
  };
  return (
    <dialog ref={dialog} className="dialog" aria-labelledby="reject-title" onClose={onClose}>
      <form onSubmit={submit}>
        <header className="dialog__head">
          <h2 id="reject-title">Reject and send back</h2>
        </header>
        <p className="muted">
          The task goes back to labeling for a new round. The annotators see your comment with it.
        </p>
        <label className="field">
          <span>What should change?</span>
          <textarea
            autoFocus
            required
            rows={4}
            maxLength={10_000}
            value={comment}
            onChange={(event) => setComment(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter' && hasMod(event)) {
                event.preventDefault();
                if (comment.trim()) onReject(comment.trim());
              }
            }}
          />
        </label>
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <footer className="dialog__foot">
          <button type="button" className="button" onClick={onClose}>
            Cancel <kbd>Esc</kbd>
          </button>
          <button
            type="submit"
            className="button button--primary button--danger"
            disabled={!comment.trim() || busy}
          >
            {busy ? 'Sending…' : 'Reject'} <kbd>Ctrl+Enter</kbd>
          </button>
        </footer>
      </form>
    </dialog>
  );
}
