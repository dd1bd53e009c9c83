/**
 * The annotator's view of a task created under draft project params: the real editor of the task type
 * (the one the workbench mounts), fed the params a task would get and a sample of content, so a manager
 * sees exactly what annotators will see and can try it. Drafts that are not valid show the domain's
 * problems instead; an editor that fails on unusual params shows its error instead of breaking the page.
 */
import { Component, type ReactNode, useEffect, useMemo, useState } from 'react';
import { Markdown } from '../../components/markdown.tsx';
import type { DraftCheck } from '../../task-types/contract.ts';
import { taskTypeUi } from '../../task-types/index.ts';
import { describeIssue } from '../shared/api-problems.ts';
import type { Params } from './image-params.ts';
import { buildPreview, consoleFileUrl } from './preview.ts';
import { setupRegistry } from './type-catalog.ts';

/** Props of {@link AnnotatorPreview}. */
export interface AnnotatorPreviewProps {
  /** The task type. */
  type: string;
  /** The draft project params. */
  params: Params;
  /** A real task's params to borrow content from (null: the bundled sample). */
  taskParams: Params | null;
  /** Where the real task comes from, as shown (`task 3f2a…`). */
  taskNote?: string | null;
  /** The project's instruction as annotators will read it. */
  instruction: string;
}

class EditorBoundary extends Component<{ children: ReactNode; resetKey: unknown }, { error: Error | null }> {
  override state: { error: Error | null } = { error: null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override componentDidUpdate(previous: { resetKey: unknown }) {
    if (previous.resetKey !== this.props.resetKey && this.state.error) this.setState({ error: null });
  }

  override render() {
    if (this.state.error) {
      return (
        <div className="banner banner--bad" role="alert">
          <strong>The annotator's editor cannot show these params.</strong> {this.state.error.message}
        </div>
      );
    }
    return this.props.children;
  }
}

/** The annotator's editor on a sample task under the draft params. */
export function AnnotatorPreview({ type, params, taskParams, taskNote, instruction }: AnnotatorPreviewProps) {
  const ui = taskTypeUi(type);
  const preview = useMemo(
    () => buildPreview(setupRegistry, type, params, taskParams),
    [type, params, taskParams],
  );
  const parsed = useMemo(() => {
    if (!ui || !preview.result.ok) return null;
    try {
      return { ok: true as const, params: ui.parseParams(preview.result.params) as unknown };
    } catch (error) {
      return { ok: false as const, message: error instanceof Error ? error.message : String(error) };
    }
  }, [ui, preview]);
  // The sample answer belongs to the params it was started under; new params start a new one.
  const empty = useMemo(() => (ui && parsed?.ok ? ui.emptyDraft(parsed.params) : null), [ui, parsed]);
  const [answer, setAnswer] = useState<{ of: unknown; draft: unknown } | null>(null);
  const draft: unknown = answer && answer.of === parsed ? answer.draft : empty;
  const [checked, setChecked] = useState<{ of: unknown; check: DraftCheck<unknown> } | null>(null);
  const check = checked && checked.of === draft ? checked.check : null;
  const [showInstructions, setShowInstructions] = useState(false);
  const [active, setActive] = useState(false);
  const [frame, setFrame] = useState<HTMLDivElement | null>(null);

  // The editor takes the keyboard (its shortcuts) only while someone works in it: from a click or focus
  // inside the preview until a click or focus elsewhere, so typing in the form never reaches it.
  useEffect(() => {
    if (!frame) return;
    const enter = () => setActive(true);
    const leave = (event: FocusEvent) => {
      if (event.relatedTarget instanceof Node && !frame.contains(event.relatedTarget)) setActive(false);
    };
    const outside = (event: PointerEvent) => {
      if (event.target instanceof Node && !frame.contains(event.target)) setActive(false);
    };
    frame.addEventListener('focusin', enter);
    frame.addEventListener('pointerdown', enter);
    frame.addEventListener('focusout', leave);
    document.addEventListener('pointerdown', outside);
    return () => {
      frame.removeEventListener('focusin', enter);
      frame.removeEventListener('pointerdown', enter);
      frame.removeEventListener('focusout', leave);
      document.removeEventListener('pointerdown', outside);
    };
  }, [frame]);

  if (!ui) {
    return <p className="empty">This build has no editor for “{type}” tasks, so it cannot be previewed.</p>;
  }

  return (
    <section className="setup-preview" aria-label="Annotator's view">
      <header className="setup-preview__bar">
        <div>
          <h3>What annotators see</h3>
          <p className="field__hint">
            {preview.sample.source === 'task'
              ? `Live preview with the content of ${taskNote ?? 'one of the tasks'}.`
              : 'Live preview with sample content; each task brings its own.'}{' '}
            Try it: answers here go nowhere.
          </p>
        </div>
        <div className="setup-preview__actions">
          <button
            type="button"
            className="button button--small"
            aria-pressed={showInstructions}
            onClick={() => setShowInstructions((open) => !open)}
          >
            Instructions
          </button>
          <button
            type="button"
            className="button button--small"
            disabled={!parsed?.ok || draft === null}
            onClick={() =>
              parsed?.ok && setChecked({ of: draft, check: ui.toResponse(parsed.params, draft) })
            }
          >
            Check answer
          </button>
        </div>
      </header>
      {showInstructions && (
        <aside className="setup-preview__instructions" aria-label="Instructions as annotators read them">
          {instruction.trim() ? (
            <Markdown source={instruction} />
          ) : (
            <p className="muted">No instructions yet.</p>
          )}
        </aside>
      )}
      {check && (
        <div className={check.ok ? 'banner' : 'banner banner--bad'} role="status">
          {check.ok ? (
            <>
              <strong>This answer would be accepted.</strong>
              <pre className="setup-preview__answer">{JSON.stringify(check.response, null, 2)}</pre>
            </>
          ) : (
            <>
              <strong>An annotator could not submit this yet:</strong>
              <ul>
                {check.problems.map((problem) => (
                  <li key={problem}>{problem}</li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
      {!preview.result.ok ? (
        <div className="setup-preview__invalid" role="alert">
          {preview.issues.length > 0 ? (
            <>
              <strong>Fix these to see the annotator's view:</strong>
              <ul>
                {preview.issues.map((issue) => (
                  <li key={`${issue.path}:${issue.message}`}>{describeIssue(issue)}</li>
                ))}
              </ul>
            </>
          ) : (
            <>
              <strong>Tasks of this project will have to bring:</strong>
              <ul>
                {preview.others.map((issue) => (
                  <li key={`${issue.path}:${issue.message}`}>{describeIssue(issue)}</li>
                ))}
              </ul>
              <p className="muted">Set them here to see the annotator's view with them.</p>
            </>
          )}
        </div>
      ) : parsed && !parsed.ok ? (
        <div className="setup-preview__invalid" role="alert">
          {parsed.message}
        </div>
      ) : parsed?.ok && draft !== null ? (
        <div ref={setFrame} className="setup-preview__frame" data-active={active}>
          <EditorBoundary resetKey={parsed}>
            <ui.Editor
              params={parsed.params}
              draft={draft}
              onChange={(next: unknown) => setAnswer({ of: parsed, draft: next })}
              resolveUrl={consoleFileUrl}
              displayOrder={null}
              active={active}
              mode="label"
            />
          </EditorBoundary>
        </div>
      ) : null}
    </section>
  );
}
