/**
 * The feedback after a training answer: whether it passed and its score, the person's answer beside the
 * expected one in the task type's read-only viewer (as a review compares answers), where the training
 * gate stands, and Continue (Enter or Ctrl+Enter) to move on. When the answer failed the gate it says why
 * the person is now paused, with the way home.
 */
import { Link } from '@tanstack/react-router';
import { useCallback, useEffect, useMemo, useRef } from 'react';
import { hasMod, isTypingTarget } from '../components/keys.ts';
import type { AnyTaskTypeUi, ResolveUrl, ShownAnswer } from '../task-types/contract.ts';
import { type TrainingFeedback, trainingFeedbackText } from './training-text.ts';

/** Props of {@link TrainingFeedbackPanel}. */
export interface TrainingFeedbackPanelProps {
  /** The task type's UI, whose viewer shows the two answers. */
  ui: AnyTaskTypeUi;
  /** The task's params, parsed. */
  params: unknown;
  resolveUrl: ResolveUrl;
  displayOrder: number[] | null;
  /** The answer the person submitted. */
  response: unknown;
  /** What the server said of it. */
  feedback: TrainingFeedback;
  /** Moves on to the next task. */
  onContinue: () => void;
  /** Whether the panel owns the keyboard (false while a dialog is open over it). */
  active: boolean;
}

/** The colour of the person's own answer, and of the expected one (the merged answer's green in a review). */
const YOURS_COLOR = '#2563eb';
const EXPECTED_COLOR = '#15803d';

/** The feedback panel shown in place of the editor once a training answer is in. */
export function TrainingFeedbackPanel({
  ui,
  params,
  resolveUrl,
  displayOrder,
  response,
  feedback,
  onContinue,
  active,
}: TrainingFeedbackPanelProps) {
  const text = trainingFeedbackText(feedback);
  const answers: ShownAnswer<unknown>[] = useMemo(
    () => [
      { key: 'yours', title: 'Your answer', response, color: YOURS_COLOR },
      {
        key: 'expected',
        title: 'Expected answer',
        response: feedback.expectedResponse,
        color: EXPECTED_COLOR,
      },
    ],
    [response, feedback.expectedResponse],
  );

  // Continue once, however it is asked for (a click, Enter on the focused button, the shortcut).
  const continued = useRef(false);
  const next = useRef(onContinue);
  next.current = onContinue;
  const proceed = useCallback(() => {
    if (continued.current) return;
    continued.current = true;
    next.current();
  }, []);

  const continueButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    continueButton.current?.focus();
  }, []);

  useEffect(() => {
    if (!active) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Enter' || event.altKey || event.shiftKey) return;
      // Plain Enter on a link or button is that control's own (the link home must still work).
      const control =
        event.target instanceof HTMLElement && event.target.closest('a, button, summary') !== null;
      if (!hasMod(event) && (control || isTypingTarget(event.target))) return;
      event.preventDefault();
      proceed();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [proceed, active]);

  return (
    <section
      className="training-feedback"
      aria-label="Training feedback"
      data-testid="training-feedback"
      data-passed={feedback.passed}
    >
      <div className="training-feedback__head">
        <div className="training-feedback__verdict" role="status">
          <span
            className={`training-feedback__mark training-feedback__mark--${feedback.passed ? 'ok' : 'miss'}`}
            aria-hidden="true"
          >
            {feedback.passed ? '✓' : '✗'}
          </span>
          <div>
            <h1>{text.verdict}</h1>
            <p>
              Score <strong data-testid="training-score">{text.score}</strong>
              <span className="muted"> · </span>
              <span data-testid="training-progress">{text.progress}</span>
            </p>
          </div>
        </div>
        <button ref={continueButton} type="button" className="button button--primary" onClick={proceed}>
          Continue <kbd>Enter</kbd>
        </button>
      </div>
      {text.failedReason && (
        <div className="banner banner--warn training-feedback__failed" data-testid="training-failed">
          <strong>You are paused from this project.</strong> {text.failedReason} Ask your manager to reinstate
          you. <Link to="/work">Back to home</Link>
        </div>
      )}
      <ui.Viewer params={params} resolveUrl={resolveUrl} displayOrder={displayOrder} answers={answers} />
    </section>
  );
}
