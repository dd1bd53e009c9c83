/**
 * The pairwise-preference viewer: the prompt and both responses in the assignment's display order (with
 * the model that wrote each), a dot in each answer's colour on the response it preferred, and a table of
 * the answers (preference, strength, criteria ratings by position, justification) for a reviewer.
 */
import type { PairwisepreferenceParams, PairwisepreferenceResponse } from '@groundwork/domain';
import type { CSSProperties } from 'react';
import { PromptView } from '../../components/genai/prompt-view.tsx';
import { ResponseCard } from '../../components/genai/response-card.tsx';
import type { TaskViewerProps } from '../contract.ts';
import { itemName, positionLetter, shownOrder } from '../display-order.ts';
import { slotIndex, slotOf } from './draft.ts';
import './pairwise.css';

/** The viewer, as described in the module comment. */
export function PairwiseViewer({
  params,
  displayOrder,
  answers,
}: TaskViewerProps<PairwisepreferenceParams, PairwisepreferenceResponse>) {
  const order = shownOrder(2, displayOrder);
  const describeChoice = (response: PairwisepreferenceResponse) =>
    response.choice === 'tie' ? 'Tie' : itemName(2, order, slotIndex(response.choice));
  return (
    <div className="pw pw-viewer">
      <PromptView prompt={params.prompt} />
      <div className="pw-pair">
        {order.map((item, position) => {
          const candidate = params.responses[item];
          const preferring = answers.filter((answer) => answer.response.choice === slotOf(item));
          return (
            <ResponseCard
              key={item}
              letter={positionLetter(position)}
              content={candidate?.content ?? ''}
              model={candidate?.model}
              chosen={answers.length === 1 && preferring.length === 1}
              badge={
                answers.length > 1 && (
                  <span
                    className="pw-viewer-prefs"
                    role="img"
                    aria-label={`Preferred by ${preferring.length} of ${answers.length}`}
                  >
                    {preferring.map((answer) => (
                      <span
                        key={answer.key}
                        className="pw-dot"
                        title={`Preferred by ${answer.title}`}
                        style={{ '--genai-answer': answer.color } as CSSProperties}
                      />
                    ))}
                  </span>
                )
              }
            />
          );
        })}
      </div>
      <table className="genai-table">
        <thead>
          <tr>
            <th scope="col">Answer</th>
            <th scope="col">Preferred</th>
            <th scope="col">Strength</th>
            {params.criteria?.map((criterion) => (
              <th key={criterion.key} scope="col">
                {criterion.title}
              </th>
            ))}
            <th scope="col">Justification</th>
          </tr>
        </thead>
        <tbody>
          {answers.map((answer) => {
            const { response } = answer;
            return (
              <tr key={answer.key}>
                <th scope="row">
                  <span
                    className="genai-answer-title"
                    style={{ '--genai-answer': answer.color } as CSSProperties}
                  >
                    {answer.title}
                  </span>
                </th>
                <td>{describeChoice(response)}</td>
                <td className="genai-table__num">
                  {response.strength === undefined ? '–' : `${response.strength} / ${params.likert_scale}`}
                </td>
                {params.criteria?.map((criterion) => {
                  const pair = response.criteria_ratings?.[criterion.key];
                  return (
                    <td key={criterion.key} className="genai-table__num">
                      {pair
                        ? order
                            .map((item, position) => `${positionLetter(position)} ${pair[slotOf(item)]}`)
                            .join(' · ')
                        : '–'}
                    </td>
                  );
                })}
                <td className="genai-justification-text">{response.justification ?? '–'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
