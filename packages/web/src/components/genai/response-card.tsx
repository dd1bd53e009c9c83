/**
 * One model response as judged: its position letter, the content rendered as markdown (code highlighted,
 * scrolling inside the card so long answers stay side by side), and what the task asks about it below.
 * Shared by pairwise preference and ranking, editors and viewers.
 */
import type { ReactNode } from 'react';
import { Markdown } from '../markdown.tsx';
import './genai.css';

/** Props of {@link ResponseCard}. */
export interface ResponseCardProps {
  /** The position letter (`A`). */
  letter: string;
  /** The response text (markdown). */
  content: string;
  /** The model that wrote it, shown only to reviewers. */
  model?: string | undefined;
  /** Whether the annotator prefers this response (outlined). */
  chosen?: boolean;
  /** Whether the annotator called the pair a tie. */
  tie?: boolean;
  /** Extra header content (a rank, the answers that preferred it). */
  badge?: ReactNode;
  /** Ratings or other questions about the response. */
  children?: ReactNode;
}

/** The card, as described in the module comment. */
export function ResponseCard({ letter, content, model, chosen, tie, badge, children }: ResponseCardProps) {
  const className = ['genai-card', chosen ? 'genai-card--chosen' : '', tie ? 'genai-card--tie' : '']
    .filter(Boolean)
    .join(' ');
  return (
    <article className={className} aria-label={`Response ${letter}`}>
      <header className="genai-card__head">
        <span className="genai-card__letter">{letter}</span>
        <span className="genai-card__title">Response {letter}</span>
        {model && <span className="genai-model">{model}</span>}
        {chosen && <span className="genai-card__flag">Preferred</span>}
        {tie && <span className="genai-card__flag genai-card__flag--tie">Tie</span>}
        {badge}
      </header>
      <div className="genai-card__body">
        <Markdown source={content} />
      </div>
      {children && <footer className="genai-card__foot">{children}</footer>}
    </article>
  );
}
