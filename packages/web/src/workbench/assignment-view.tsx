/**
 * One leased assignment on screen: the task's editor (or, for a review, the answers and their merge), the
 * instructions, the timer, submit and skip. The draft is saved to the browser on every change; the loop
 * moves on through `onDone` once the server has the answer — after a training answer, once the person
 * has read its feedback and continues.
 */
import type { Lease, SubmitOutcome } from '@groundwork/sdk';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { ApiFailure, api, call } from '../api/client.ts';
import { hasMod, isTypingTarget } from '../components/keys.ts';
import { Markdown } from '../components/markdown.tsx';
import type { AnyTaskTypeUi, ResolveUrl, Shortcut, ShownAnswer } from '../task-types/contract.ts';
import { taskTypeUi } from '../task-types/index.ts';
import { AppBar } from './app-bar.tsx';
import type { DraftStore } from './drafts.ts';
import { formatDuration } from './format.ts';
import { isLeaseLost, lostReason } from './lease-queue.ts';
import { RejectDialog } from './reject-dialog.tsx';
import { ShortcutsOverlay } from './shortcuts-overlay.tsx';
import { SkipDialog } from './skip-dialog.tsx';
import { TrainingFeedbackPanel } from './training-feedback.tsx';
import { type TrainingFeedback, trainingBadge } from './training-text.ts';
import { useElapsed } from './use-elapsed.ts';

/** Props of {@link AssignmentView}. */
export interface AssignmentViewProps {
  lease: Lease;
  stage: 'label' | 'review';
  drafts: DraftStore;
  /** Why the lease was lost, when it was. */
  lost: string | null;
  /** The answer is in: show `message` (if any) and move on. */
  onDone: (message: string | null) => void;
  /**
   * A training answer is in and its feedback shows: the lease is no longer held, but the loop stays on it
   * until the person continues (`onDone`).
   */
  onAnswered: (training: TrainingFeedback) => void;
  /** The server says the lease is gone. */
  onMarkLost: (reason: string) => void;
  /** Moves on after a lost lease. */
  onNext: () => void;
  /** Gives the work back and goes home. */
  onStop: () => void;
}

/** Colours of answers under review; the merged answer is green. */
const ANSWER_COLORS = ['#2563eb', '#d97706', '#9333ea', '#0891b2', '#db2777', '#65a30d', '#dc2626'];
const MERGED_COLOR = '#15803d';

/** Shortcuts of the loop itself. */
function loopShortcuts(stage: 'label' | 'review', fixing: boolean, training: boolean): Shortcut[] {
  const common: Shortcut[] = [
    { keys: 'Ctrl+Shift+S', does: 'Skip the task (asks why)' },
    { keys: 'Ctrl+I', does: 'Show or hide the instructions' },
    { keys: '?', does: 'Show or hide this list' },
    { keys: 'Esc', does: 'Close a dialog' },
  ];
  if (stage === 'label' && training) {
    return [
      { keys: 'Ctrl+Enter', does: 'Submit the answer' },
      { keys: 'Enter / Ctrl+Enter', does: 'Continue after the training feedback' },
      ...common,
    ];
  }
  if (stage === 'label') return [{ keys: 'Ctrl+Enter', does: 'Submit the answer' }, ...common];
  if (fixing) {
    return [{ keys: 'Ctrl+Enter', does: 'Submit the fixed answer' }, ...common];
  }
  return [
    { keys: 'A / Ctrl+Enter', does: 'Accept the merged answer' },
    { keys: 'F', does: 'Fix the merged answer in the editor' },
    { keys: 'R', does: 'Reject and send back with a comment' },
    ...common,
  ];
}

const OUTCOME_MESSAGES: Record<SubmitOutcome['taskOutcome'], string> = {
  waiting: 'Submitted. The task waits for its other answers.',
  review: 'Submitted. The task goes to review.',
  completed: 'Submitted. The task is complete.',
  relabel: 'Sent back for another round.',
  training: 'Submitted.',
};

const INSTRUCTIONS_KEY = 'groundwork.instructions-open';

function readInstructionsOpen(): boolean {
  try {
    return window.localStorage.getItem(INSTRUCTIONS_KEY) !== 'false';
  } catch {
    return true;
  }
}

type Parsed = { ok: true; ui: AnyTaskTypeUi; params: unknown } | { ok: false; problem: string };

function parseLease(lease: Lease): Parsed {
  const ui = taskTypeUi(lease.task.type);
  if (!ui) {
    return {
      ok: false,
      problem: `This build cannot show "${lease.task.type}" tasks. Skip it so someone else can.`,
    };
  }
  try {
    return { ok: true, ui, params: ui.parseParams(lease.task.params) };
  } catch (error) {
    return {
      ok: false,
      problem: `This task's params cannot be shown (${error instanceof Error ? error.message : String(error)}). Skip it with the reason.`,
    };
  }
}

/** One assignment: label it, or review it. */
export function AssignmentView({
  lease,
  stage,
  drafts,
  lost,
  onDone,
  onAnswered,
  onMarkLost,
  onNext,
  onStop,
}: AssignmentViewProps) {
  const id = lease.assignment.id;
  const parsed = useMemo(() => parseLease(lease), [lease]);
  const stored = useMemo(() => drafts.load(id), [drafts, id]);
  const elapsed = useElapsed(stored?.elapsedMs ?? 0);
  const resolveUrl = useMemo<ResolveUrl>(() => {
    const byReference = new Map(lease.files.map((file) => [file.reference, file.url]));
    return (reference) => byReference.get(reference) ?? reference;
  }, [lease.files]);

  const review = stage === 'review' ? lease.review : null;
  // A reviewer's draft exists only once they chose to fix; a labeler's from the start.
  const [draft, setDraft] = useState<unknown>(() => {
    if (stored) return stored.draft;
    if (!parsed.ok || stage === 'review') return null;
    return parsed.ui.emptyDraft(parsed.params);
  });
  const fixing = stage === 'review' && draft !== null;

  const [problems, setProblems] = useState<string[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [dialog, setDialog] = useState<'skip' | 'reject' | 'shortcuts' | null>(null);
  const [dialogError, setDialogError] = useState<string | null>(null);
  const [instructionsOpen, setInstructionsOpen] = useState(readInstructionsOpen);
  const [saveFailed, setSaveFailed] = useState(false);
  /** A training answer that is in, with what the server said of it and the time it took. */
  const [trained, setTrained] = useState<{
    response: unknown;
    feedback: TrainingFeedback;
    timeSpentMs: number;
  } | null>(null);

  // Save the draft shortly after every change, and right away when the page goes away.
  const latest = useRef({ draft, read: elapsed.read });
  latest.current = { draft, read: elapsed.read };
  useEffect(() => {
    if (draft === null) return;
    const timer = setTimeout(() => setSaveFailed(!drafts.save(id, draft, latest.current.read())), 250);
    return () => clearTimeout(timer);
  }, [draft, drafts, id]);
  useEffect(() => {
    const flush = () => {
      if (latest.current.draft !== null) drafts.save(id, latest.current.draft, latest.current.read());
    };
    window.addEventListener('pagehide', flush);
    return () => {
      window.removeEventListener('pagehide', flush);
      flush();
    };
  }, [drafts, id]);

  const toggleInstructions = useCallback(() => {
    setInstructionsOpen((open) => {
      try {
        window.localStorage.setItem(INSTRUCTIONS_KEY, String(!open));
      } catch {
        // Storage disabled: the choice lasts for this page only.
      }
      return !open;
    });
  }, []);

  /** Turns a refused call into what the person sees. */
  const showFailure = useCallback(
    (error: unknown, into: (message: string) => void) => {
      if (error instanceof ApiFailure) {
        if (isLeaseLost(error)) {
          onMarkLost(lostReason(error));
          return;
        }
        if (error.code === 'invalid_response' && error.details.length > 0) {
          setProblems(error.details.map((detail) => `${detail.path}: ${detail.message}`));
          return;
        }
        if (error.code === 'network') {
          into(
            'The server cannot be reached. Your answer is kept in this browser; try again when you are back online.',
          );
          return;
        }
      }
      into(error instanceof Error ? error.message : String(error));
    },
    [onMarkLost],
  );

  const finish = useCallback(
    (outcome: SubmitOutcome, message?: string) => {
      drafts.remove(id);
      onDone(message ?? OUTCOME_MESSAGES[outcome.taskOutcome]);
    },
    [drafts, id, onDone],
  );

  const submitAnswer = useCallback(async () => {
    if (!parsed.ok || busy || lost) return;
    const check = parsed.ui.toResponse(parsed.params, draft);
    if (!check.ok) {
      setProblems(check.problems);
      return;
    }
    setProblems([]);
    setFailure(null);
    setBusy(true);
    try {
      const timeSpentMs = Math.round(elapsed.read());
      const path = { params: { path: { id } } };
      const outcome =
        stage === 'review'
          ? await call(
              api.POST('/api/work/assignments/{id}/review', {
                ...path,
                body: { verdict: 'fix', response: check.response, timeSpentMs },
              }),
            )
          : await call(
              api.POST('/api/work/assignments/{id}/submit', {
                ...path,
                body: { response: check.response, timeSpentMs },
              }),
            );
      if (stage === 'label' && outcome.training) {
        // A training answer: show how it did before moving on.
        drafts.remove(id);
        setTrained({ response: check.response, feedback: outcome.training, timeSpentMs });
        onAnswered(outcome.training);
        return;
      }
      finish(outcome, stage === 'review' ? 'Fixed. The task is complete.' : undefined);
    } catch (error) {
      showFailure(error, setFailure);
    } finally {
      setBusy(false);
    }
  }, [parsed, busy, lost, draft, elapsed, id, stage, finish, showFailure, drafts, onAnswered]);

  const verdict = useCallback(
    async (kind: 'accept' | 'reject', comment?: string) => {
      if (busy || lost) return;
      setBusy(true);
      setFailure(null);
      setDialogError(null);
      try {
        const outcome = await call(
          api.POST('/api/work/assignments/{id}/review', {
            params: { path: { id } },
            body: { verdict: kind, comment: comment ?? null, timeSpentMs: Math.round(elapsed.read()) },
          }),
        );
        setDialog(null);
        finish(
          outcome,
          kind === 'accept' ? 'Accepted. The task is complete.' : 'Rejected. The task goes back to labeling.',
        );
      } catch (error) {
        showFailure(error, kind === 'reject' ? setDialogError : setFailure);
      } finally {
        setBusy(false);
      }
    },
    [busy, lost, id, elapsed, finish, showFailure],
  );

  const skip = useCallback(
    async (reason: string) => {
      setBusy(true);
      setDialogError(null);
      try {
        await call(
          api.POST('/api/work/assignments/{id}/skip', { params: { path: { id } }, body: { reason } }),
        );
        drafts.remove(id);
        setDialog(null);
        onDone('Skipped.');
      } catch (error) {
        showFailure(error, setDialogError);
      } finally {
        setBusy(false);
      }
    },
    [drafts, id, onDone, showFailure],
  );

  const startFix = useCallback(() => {
    if (!parsed.ok || !review) return;
    setDraft(parsed.ui.draftFromResponse(parsed.params, review.result));
  }, [parsed, review]);

  // The loop's keys. Editors get the keyboard only while no dialog is open.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      // Once a training answer is in, its feedback panel owns the keyboard.
      if (dialog !== null || lost || trained) return;
      const typing = isTypingTarget(event.target);
      if (event.key === 'Enter' && hasMod(event)) {
        event.preventDefault();
        if (stage === 'review' && !fixing) void verdict('accept');
        else void submitAnswer();
      } else if ((event.key === 'S' || event.key === 's') && hasMod(event) && event.shiftKey) {
        event.preventDefault();
        setDialog('skip');
      } else if ((event.key === 'i' || event.key === 'I') && hasMod(event) && !event.shiftKey) {
        event.preventDefault();
        toggleInstructions();
      } else if (event.key === '?' && !typing) {
        event.preventDefault();
        setDialog('shortcuts');
      } else if (stage === 'review' && !fixing && !typing && !hasMod(event) && !event.altKey) {
        const key = event.key.toLowerCase();
        if (key === 'a') void verdict('accept');
        else if (key === 'f') startFix();
        else if (key === 'r') setDialog('reject');
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [dialog, lost, trained, stage, fixing, verdict, submitAnswer, toggleInstructions, startFix]);

  const answers: ShownAnswer<unknown>[] = useMemo(() => {
    if (!review) return [];
    return [
      ...review.answers.map((answer, index) => ({
        key: answer.assignmentId,
        title: `Annotator ${index + 1}`,
        response: answer.response,
        color: ANSWER_COLORS[index % ANSWER_COLORS.length] as string,
      })),
      { key: 'result', title: 'Merged', response: review.result, color: MERGED_COLOR },
    ];
  }, [review]);

  const instruction = lease.task.instruction?.trim() ?? '';
  const displayOrder = lease.assignment.displayOrder;
  const typeShortcuts = parsed.ok ? parsed.ui.shortcuts : [];
  const rejections = lease.feedback.filter((item) => item.verdict === 'reject' && item.comment);

  return (
    <>
      <AppBar>
        <div className="work__meta">
          <span className="work__project">{lease.task.project}</span>
          <span className="tag">{lease.task.type}</span>
          {stage === 'review' && <span className="tag tag--review">Review</span>}
          {lease.assignment.round > 1 && <span className="tag">Round {lease.assignment.round}</span>}
        </div>
        <span className="work__timer" title="Time on this task" role="timer">
          {formatDuration(trained ? trained.timeSpentMs : elapsed.elapsedMs)}
        </span>
        <div className="work__actions">
          <button
            type="button"
            className="button button--small"
            aria-pressed={instructionsOpen}
            onClick={toggleInstructions}
          >
            Instructions
          </button>
          <button type="button" className="button button--small" onClick={() => setDialog('shortcuts')}>
            Shortcuts <kbd>?</kbd>
          </button>
          {!trained && (
            <button
              type="button"
              className="button button--small"
              onClick={() => setDialog('skip')}
              disabled={!!lost}
            >
              Skip
            </button>
          )}
          <button type="button" className="button button--small" onClick={onStop}>
            Stop
          </button>
          {trained ? null : stage === 'label' || fixing ? (
            <button
              type="button"
              className="button button--small button--primary"
              onClick={() => void submitAnswer()}
              disabled={busy || !parsed.ok || !!lost}
            >
              {busy ? 'Submitting…' : fixing ? 'Submit fix' : 'Submit'} <kbd>Ctrl+Enter</kbd>
            </button>
          ) : null}
        </div>
      </AppBar>

      <div className={instructionsOpen ? 'work__body work__body--side' : 'work__body'}>
        <main className="work__main">
          {lost && (
            <div className="banner banner--bad" role="alert" data-testid="lease-lost">
              <strong>This task is no longer yours.</strong> {lost} What you did on it cannot be submitted.{' '}
              <button
                type="button"
                className="button button--small button--primary"
                onClick={() => {
                  drafts.remove(id);
                  onNext();
                }}
              >
                Next task
              </button>
            </div>
          )}
          {lease.training && !trained && (
            <p className="training-strip" role="note">
              <span className="tag tag--training" data-testid="training-badge">
                {trainingBadge(lease.training)}
              </span>
              <span className="muted">After you submit you see the expected answer.</span>
            </p>
          )}
          {lease.masked && (
            <p className="training-strip" role="note" data-testid="masked-notice">
              <span className="muted">
                Personal data in this task is masked: placeholders such as [EMAIL_1] stand for it. Mark and
                copy them as they are.
              </span>
            </p>
          )}
          {rejections.length > 0 && (
            <div className="banner banner--warn" role="note">
              <strong>A reviewer sent this task back:</strong>
              {rejections.map((item) => (
                <blockquote key={item.id}>{item.comment}</blockquote>
              ))}
            </div>
          )}
          {failure && (
            <div className="banner banner--bad" role="alert">
              {failure}{' '}
              {stage === 'label' || fixing ? (
                <button type="button" className="button button--small" onClick={() => void submitAnswer()}>
                  Try again
                </button>
              ) : null}
            </div>
          )}
          {saveFailed && (
            <div className="banner banner--warn" role="status">
              This browser refused to keep your draft (storage full or disabled): submit before reloading.
            </div>
          )}
          {problems.length > 0 && (
            <div className="banner banner--bad problems" role="alert" data-testid="problems">
              <strong>Fix before submitting:</strong>
              <ul>
                {problems.map((problem) => (
                  <li key={problem}>{problem}</li>
                ))}
              </ul>
            </div>
          )}

          {trained && parsed.ok ? (
            <TrainingFeedbackPanel
              ui={parsed.ui}
              params={parsed.params}
              resolveUrl={resolveUrl}
              displayOrder={displayOrder}
              response={trained.response}
              feedback={trained.feedback}
              onContinue={() => onDone(null)}
              active={dialog === null}
            />
          ) : !parsed.ok ? (
            <div className="empty" role="alert">
              <h1>This task cannot be shown</h1>
              <p className="muted">{parsed.problem}</p>
              <button type="button" className="button button--primary" onClick={() => setDialog('skip')}>
                Skip it
              </button>
            </div>
          ) : stage === 'review' && review && !fixing ? (
            <section className="review" aria-label="Answers under review">
              <div className="review__bar">
                <span>
                  {review.answers.length} answer{review.answers.length === 1 ? '' : 's'}
                  {review.agreement !== null && <> · agreement {Math.round(review.agreement * 100)}%</>}
                </span>
                <div className="review__actions">
                  <button
                    type="button"
                    className="button button--small button--primary"
                    onClick={() => void verdict('accept')}
                    disabled={busy || !!lost}
                  >
                    Accept <kbd>A</kbd>
                  </button>
                  <button
                    type="button"
                    className="button button--small"
                    onClick={startFix}
                    disabled={busy || !!lost}
                  >
                    Fix <kbd>F</kbd>
                  </button>
                  <button
                    type="button"
                    className="button button--small button--danger"
                    onClick={() => setDialog('reject')}
                    disabled={busy || !!lost}
                  >
                    Reject <kbd>R</kbd>
                  </button>
                </div>
              </div>
              <parsed.ui.Viewer
                params={parsed.params}
                resolveUrl={resolveUrl}
                displayOrder={displayOrder}
                answers={answers}
              />
            </section>
          ) : (
            <parsed.ui.Editor
              params={parsed.params}
              draft={draft}
              onChange={(next: unknown) => {
                setDraft(next);
                if (problems.length > 0) setProblems([]);
              }}
              resolveUrl={resolveUrl}
              displayOrder={displayOrder}
              active={dialog === null && !lost}
              mode={fixing ? 'fix' : 'label'}
            />
          )}
        </main>
        {instructionsOpen && (
          <aside className="work__side" aria-label="Instructions">
            <h2>Instructions</h2>
            {instruction ? (
              <Markdown source={instruction} />
            ) : (
              <p className="muted">This project has no instructions.</p>
            )}
          </aside>
        )}
      </div>

      {dialog === 'skip' && (
        <SkipDialog
          onSkip={(reason) => void skip(reason)}
          onClose={() => {
            setDialog(null);
            setDialogError(null);
          }}
          busy={busy}
          error={dialogError}
          suggested={parsed.ok ? undefined : 'The instructions do not cover this case'}
        />
      )}
      {dialog === 'reject' && (
        <RejectDialog
          onReject={(comment) => void verdict('reject', comment)}
          onClose={() => {
            setDialog(null);
            setDialogError(null);
          }}
          busy={busy}
          error={dialogError}
        />
      )}
      {dialog === 'shortcuts' && (
        <ShortcutsOverlay
          groups={[
            {
              title: stage === 'review' ? 'Review' : 'Labeling',
              shortcuts: loopShortcuts(stage, fixing, lease.training !== null),
            },
            { title: lease.task.type, shortcuts: typeShortcuts },
          ]}
          onClose={() => setDialog(null)}
        />
      )}
    </>
  );
}
