/**
 * The named-entity viewer: each answer's spans over the text, one answer per row with its title and
 * colour; with several answers, a table of every span saying which answers marked it, so a reviewer sees
 * the disagreements at a glance.
 */
import type { NamedentityrecognitionParams, NamedentityrecognitionResponse } from '@groundwork/domain';
import { type CSSProperties, useMemo } from 'react';
import type { TaskViewerProps } from '../contract.ts';
import { nerDraftFromResponse } from './draft.ts';
import { labelColors } from './labels.ts';
import { sortSpans } from './spans.ts';
import { NerTextView } from './text-view.tsx';
import './ner.css';

/** The viewer, as described in the module comment. */
export function NerViewer({
  params,
  answers,
}: TaskViewerProps<NamedentityrecognitionParams, NamedentityrecognitionResponse>) {
  const colors = useMemo(() => labelColors(params.labels), [params.labels]);
  const drafts = answers.map((answer) => nerDraftFromResponse(answer.response));
  const union = sortSpans([
    ...new Map(
      drafts.flatMap((draft) => draft.spans).map((span) => [`${span.start}:${span.end}:${span.label}`, span]),
    ).values(),
  ]);
  return (
    <div className="ner ner-viewer">
      {answers.map((answer, index) => (
        <section
          key={answer.key}
          className="ner-answer"
          style={{ '--ner-answer': answer.color } as CSSProperties}
        >
          <h3 className="ner-answer__title">
            {answer.title} <span className="ner-spans__count">{drafts[index]?.spans.length ?? 0} spans</span>
          </h3>
          <NerTextView text={params.text} spans={drafts[index]?.spans ?? []} colors={colors} />
        </section>
      ))}
      {answers.length > 1 && union.length > 0 && (
        <table className="ner-compare">
          <caption>Which answers marked each span</caption>
          <thead>
            <tr>
              <th scope="col">Span</th>
              <th scope="col">Label</th>
              {answers.map((answer) => (
                <th key={answer.key} scope="col" style={{ '--ner-answer': answer.color } as CSSProperties}>
                  {answer.title}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {union.map((span) => {
              const marked = drafts.map((draft) =>
                draft.spans.some(
                  (other) =>
                    other.start === span.start && other.end === span.end && other.label === span.label,
                ),
              );
              const unanimous = marked.every(Boolean);
              return (
                <tr
                  key={`${span.start}:${span.end}:${span.label}`}
                  className={unanimous ? '' : 'ner-compare__differs'}
                >
                  <td className="ner-compare__text">{params.text.slice(span.start, span.end)}</td>
                  <td>
                    <span
                      className="ner-chip"
                      style={{ '--ner-label': colors.get(span.label) } as CSSProperties}
                    >
                      {span.label}
                    </span>
                  </td>
                  {marked.map((yes, index) => (
                    <td key={answers[index]?.key} className="ner-compare__mark">
                      <span aria-hidden="true">{yes ? '✓' : '–'}</span>
                      <span className="ner-hidden">{yes ? 'marked' : 'not marked'}</span>
                    </td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </div>
  );
}
