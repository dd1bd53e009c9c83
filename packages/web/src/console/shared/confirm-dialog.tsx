/**
 * A question before something that cannot be taken back (removing a member, revoking a key or a link,
 * rotating secrets, re-sending a delivery): what will happen, Cancel, and the action's own button. It runs
 * one mutation: shows while it is under way and why it failed, and forgets its failure when closed, so
 * the next opening starts clean.
 */
import type { ReactNode } from 'react';
import { FormDialog } from './form-dialog.tsx';
import './confirm-dialog.css';

/** The mutation a {@link ConfirmDialog} runs, as TanStack Query's `useMutation` gives it. */
export interface ConfirmedMutation {
  /** Whether it is under way. */
  isPending: boolean;
  /** Why its last run failed, or null. */
  error: unknown;
  /** Forgets its last run. */
  reset: () => void;
}

/** Props of {@link ConfirmDialog}. */
export interface ConfirmDialogProps {
  /** The question ("Revoke the key “CI”?"). */
  title: string;
  /** What will happen, in a paragraph or two. */
  children: ReactNode;
  /** The label of the action's button ("Revoke key"). */
  confirmLabel: string;
  /** Whether the action destroys something (a red button). */
  danger?: boolean;
  /** The mutation the action runs: its pending state and failure are shown; it is reset on closing. */
  mutation: ConfirmedMutation;
  /** Runs the action (typically `mutation.mutate(…)`). */
  onConfirm: () => void;
  /** Closes without acting; the mutation is reset too. */
  onClose: () => void;
}

/** A confirmation dialog, open as soon as it renders. */
export function ConfirmDialog({
  title,
  children,
  confirmLabel,
  danger,
  mutation,
  onConfirm,
  onClose,
}: ConfirmDialogProps) {
  return (
    <FormDialog
      title={title}
      submitLabel={confirmLabel}
      danger={danger}
      busy={mutation.isPending}
      error={mutation.error}
      onSubmit={onConfirm}
      onClose={() => {
        onClose();
        mutation.reset();
      }}
    >
      <div className="confirm-dialog__body">{children}</div>
    </FormDialog>
  );
}
