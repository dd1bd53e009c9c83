/** What stops the draft being submitted, each problem a button that selects the annotation concerned. */
import type { DraftProblem } from '../draft.ts';
import type { Editor } from '../editor/editor.ts';
import { Icon } from './icons.tsx';

/** Props of {@link ProblemsList}. */
export interface ProblemsListProps {
  /** The editor (a click selects the annotation concerned). */
  editor: Editor;
  /** The problems. */
  problems: readonly DraftProblem[];
}

/** Most problems listed; the rest are counted. */
const SHOWN = 50;

/** The problems list. */
export function ProblemsList({ editor, problems }: ProblemsListProps) {
  return (
    <section className="img-panel" aria-labelledby="img-problems-title" data-ok={problems.length === 0}>
      <h3 className="img-panel__title" id="img-problems-title">
        {problems.length === 0 ? 'Ready to submit' : 'To fix before submitting'}
        {problems.length > 0 && <span className="img-panel__aside img-bad">{problems.length}</span>}
      </h3>
      {problems.length === 0 ? (
        <p className="img-muted">Every annotation has what this task needs.</p>
      ) : (
        <ul className="img-problems" aria-live="polite">
          {problems.slice(0, SHOWN).map((problem, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: problems have no identity beyond their position and text.
            <li key={`${i}:${problem.message}`}>
              {problem.recordId ? (
                <button
                  type="button"
                  className="img-problem"
                  onClick={() => {
                    const record = problem.recordId ? editor.getRecord(problem.recordId) : undefined;
                    if (!record) return;
                    if (record.hidden) editor.setHidden([record.id], false);
                    editor.select([record.id]);
                    editor.reveal(record);
                  }}
                >
                  <Icon name="warning" />
                  {problem.message}
                </button>
              ) : (
                <span className="img-problem">
                  <Icon name="warning" />
                  {problem.message}
                </span>
              )}
            </li>
          ))}
          {problems.length > SHOWN && <li className="img-muted">…and {problems.length - SHOWN} more</li>}
        </ul>
      )}
    </section>
  );
}
