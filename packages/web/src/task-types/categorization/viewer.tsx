/**
 * The categorization viewer: the attachment and what each answer chose. Several answers (a review) are laid
 * out as a grid of categories by answers, so disagreement shows at a glance.
 */

import type { CategorizationParams, CategorizationResponse } from '@groundwork/domain';
import { AttachmentView } from '../../components/attachment-view/attachment-view.tsx';
import { inTreeOrder, leafEntries } from '../../components/label-choices-state.ts';
import type { ShownAnswer, TaskViewerProps } from '../contract.ts';
import { categoryOptions } from './draft.ts';
import './categorization.css';

function chosenBy(response: CategorizationResponse): string[] {
  return Array.isArray(response.category) ? response.category : [response.category];
}

/** Shows one or several categorization answers beside the attachment. */
export function CategorizationViewer({
  params,
  resolveUrl,
  answers,
}: TaskViewerProps<CategorizationParams, CategorizationResponse>) {
  return (
    <div className="cat-layout" data-review={answers.length > 1}>
      <AttachmentView
        type={params.attachment_type}
        content={params.attachment}
        resolveUrl={resolveUrl}
        title="Attachment"
      />
      <div className="cat-side">
        {answers.length === 0 ? (
          <p className="cat-empty">No answer yet.</p>
        ) : answers.length === 1 ? (
          <SingleAnswer params={params} answer={answers[0] as ShownAnswer<CategorizationResponse>} />
        ) : (
          <AnswerGrid params={params} answers={answers} />
        )}
      </div>
    </div>
  );
}

function displayOf(params: CategorizationParams): Map<string, string> {
  return new Map(leafEntries(categoryOptions(params)).map((entry) => [entry.label, entry.display]));
}

function SingleAnswer({
  params,
  answer,
}: {
  params: CategorizationParams;
  answer: ShownAnswer<CategorizationResponse>;
}) {
  const display = displayOf(params);
  return (
    <section className="cat-answer" style={{ borderLeftColor: answer.color }} aria-label={answer.title}>
      <h3 className="cat-answer__title">{answer.title}</h3>
      <ul className="cat-answer__chosen">
        {chosenBy(answer.response).map((category) => (
          <li key={category} data-unknown={!display.has(category)}>
            {display.get(category) ?? category}
          </li>
        ))}
      </ul>
    </section>
  );
}

function AnswerGrid({
  params,
  answers,
}: {
  params: CategorizationParams;
  answers: ShownAnswer<CategorizationResponse>[];
}) {
  const display = displayOf(params);
  const chosen = answers.map((answer) => new Set(chosenBy(answer.response)));
  const rows = inTreeOrder(
    categoryOptions(params),
    answers.flatMap((answer) => chosenBy(answer.response)),
  );
  const split = rows.some((category) => !chosen.every((set) => set.has(category)));
  // With two answers (an answer beside the expected one) a vote count says nothing the dots do not.
  const showVotes = answers.length > 2;
  return (
    <div className="cat-grid-scroll">
      <table className="cat-grid">
        <caption>Categories chosen by each answer</caption>
        <thead>
          <tr>
            <th scope="col">Category</th>
            {answers.map((answer) => (
              <th key={answer.key} scope="col">
                <span className="cat-grid__who" title={answer.title}>
                  <span className="cat-swatch" style={{ background: answer.color }} aria-hidden="true" />
                  {answer.title}
                </span>
              </th>
            ))}
            {showVotes && (
              <th scope="col" className="cat-grid__votes">
                Votes
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {rows.map((category) => {
            const votes = chosen.filter((set) => set.has(category)).length;
            return (
              <tr key={category} data-split={votes !== answers.length}>
                <th scope="row" data-unknown={!display.has(category)}>
                  {display.get(category) ?? category}
                </th>
                {answers.map((answer, index) => (
                  <td key={answer.key}>
                    {chosen[index]?.has(category) ? (
                      <span className="cat-grid__dot" style={{ background: answer.color }}>
                        <span className="visually-hidden">chosen</span>
                      </span>
                    ) : (
                      <span className="visually-hidden">not chosen</span>
                    )}
                  </td>
                ))}
                {showVotes && (
                  <td className="cat-grid__votes">
                    {votes}/{answers.length}
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
      {split && <p className="cat-legend">Marked rows: the answers disagree on this category.</p>}
    </div>
  );
}
