/**
 * The ranking viewer: the prompt and the responses in the assignment's display order (with the model that
 * wrote each), then one column per answer giving each response's rank and ratings, so a reviewer compares
 * the answers row by row; justifications follow.
 */
import type { RankingParams, RankingResponse } from '@groundwork/domain';
import type { CSSProperties } from 'react';
import { PromptView } from '../../components/genai/prompt-view.tsx';
import { ResponseCard } from '../../components/genai/response-card.tsx';
import type { TaskViewerProps } from '../contract.ts';
import { positionLetter, shownOrder } from '../display-order.ts';
import { rankingDraftFromResponse } from './draft.ts';
import { excerpt } from './excerpt.ts';
import { rankOf } from './ranks.ts';
import './ranking.css';

/** The viewer, as described in the module comment. */
export function RankingViewer({
  params,
  displayOrder,
  answers,
}: TaskViewerProps<RankingParams, RankingResponse>) {
  const order = shownOrder(params.responses.length, displayOrder);
  const rankings = answers.map((answer) => rankingDraftFromResponse(answer.response).ranking ?? []);
  const withJustification = answers.filter((answer) => answer.response.justification);
  return (
    <div className="rank rank-viewer">
      <PromptView prompt={params.prompt} />
      <table className="genai-table rank-table">
        <thead>
          <tr>
            <th scope="col">Response</th>
            {answers.map((answer) => (
              <th key={answer.key} scope="col">
                <span
                  className="genai-answer-title"
                  style={{ '--genai-answer': answer.color } as CSSProperties}
                >
                  {answer.title}
                </span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {order.map((item, position) => {
            const candidate = params.responses[item];
            if (!candidate) return null;
            return (
              <tr key={candidate.id}>
                <th scope="row">
                  <span className="rank-table__response">
                    <span className="genai-card__letter">{positionLetter(position)}</span>
                    <span>
                      <span className="rank-table__excerpt">{excerpt(candidate.content, 60)}</span>
                      <span className="genai-model">{candidate.model ?? candidate.id}</span>
                    </span>
                  </span>
                </th>
                {answers.map((answer, index) => {
                  const ranking = rankings[index] ?? [];
                  const rank = rankOf(ranking, candidate.id);
                  const tied = (ranking[rank - 1]?.length ?? 0) > 1;
                  return (
                    <td key={answer.key} className="genai-table__num">
                      <strong>{rank > 0 ? `#${rank}${tied ? ' (tie)' : ''}` : '–'}</strong>
                      {params.criteria?.map((criterion) => {
                        const value = answer.response.criteria_ratings?.[criterion.key]?.[candidate.id];
                        return value === undefined ? null : (
                          <span key={criterion.key} className="rank-table__rating">
                            {criterion.title} {value}
                          </span>
                        );
                      })}
                    </td>
                  );
                })}
              </tr>
            );
          })}
        </tbody>
      </table>
      {withJustification.length > 0 && (
        <dl className="rank-justifications">
          {withJustification.map((answer) => (
            <div key={answer.key}>
              <dt>
                <span
                  className="genai-answer-title"
                  style={{ '--genai-answer': answer.color } as CSSProperties}
                >
                  {answer.title}
                </span>
              </dt>
              <dd className="genai-justification-text">{answer.response.justification}</dd>
            </div>
          ))}
        </dl>
      )}
      <div className="rank-cards">
        {order.map((item, position) => {
          const candidate = params.responses[item];
          return candidate ? (
            <ResponseCard
              key={candidate.id}
              letter={positionLetter(position)}
              content={candidate.content}
              model={candidate.model}
            />
          ) : null;
        })}
      </div>
    </div>
  );
}
