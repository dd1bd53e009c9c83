/**
 * The comparison viewer: the attachments side by side and each answer as a card (its colour, title, chosen
 * answer and field texts) in one row, so a reviewer reads the annotators and the merged answer across. Parts
 * on which the answers differ are marked.
 */
import type { ComparisonParams, ComparisonResponse } from '@groundwork/domain';
import type { TaskViewerProps } from '../contract.ts';
import { fieldKeys } from './draft.ts';
import { ComparisonAttachments } from './editor.tsx';
import './comparison.css';

/** Whether the answers give more than one distinct value. */
function differs(values: readonly (string | undefined)[]): boolean {
  return new Set(values).size > 1;
}

/** Shows one or several comparison answers below the attachments. */
export function ComparisonViewer({
  params,
  resolveUrl,
  displayOrder,
  answers,
}: TaskViewerProps<ComparisonParams, ComparisonResponse>) {
  const keys = fieldKeys(params);
  const several = answers.length > 1;
  const choiceDiffers = several && differs(answers.map((answer) => answer.response.choice));
  const fieldDiffers = new Set(
    keys.filter((key) => several && differs(answers.map((answer) => answer.response.fields?.[key]?.trim()))),
  );
  return (
    <div className="cmp-editor">
      <ComparisonAttachments params={params} resolveUrl={resolveUrl} displayOrder={displayOrder} />
      {answers.length === 0 ? (
        <p className="cmp-empty">No answer yet.</p>
      ) : (
        <>
          {(choiceDiffers || fieldDiffers.size > 0) && (
            <p className="cmp-legend">Marked parts: the answers differ there.</p>
          )}
          <div className="cmp-answers">
            {answers.map((answer) => (
              <section
                key={answer.key}
                className="cmp-answer"
                style={{ borderTopColor: answer.color }}
                aria-label={answer.title}
              >
                <h3 className="cmp-answer__title">
                  <span className="cmp-swatch" style={{ background: answer.color }} aria-hidden="true" />
                  {answer.title}
                </h3>
                <dl>
                  {params.choices && (
                    <div data-differs={choiceDiffers}>
                      <dt>Answer</dt>
                      <dd className="cmp-answer__choice">{answer.response.choice ?? '—'}</dd>
                    </div>
                  )}
                  {keys.map((key) => (
                    <div key={key} data-differs={fieldDiffers.has(key)}>
                      <dt>{params.fields?.[key]?.trim() || key}</dt>
                      <dd className="cmp-answer__text">{answer.response.fields?.[key] || '—'}</dd>
                    </div>
                  ))}
                </dl>
              </section>
            ))}
          </div>
        </>
      )}
    </div>
  );
}
