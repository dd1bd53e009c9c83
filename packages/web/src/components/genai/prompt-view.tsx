/**
 * What the model was asked, shown above the responses being judged: a single prompt as markdown, or a
 * conversation as one block per message with its author. Shared by pairwise preference and ranking.
 */
import type { Prompt } from '@groundwork/domain';
import { Markdown } from '../markdown.tsx';
import './genai.css';

const ROLE_NAMES = { system: 'System', user: 'User', assistant: 'Assistant' } as const;

/** Props of {@link PromptView}. */
export interface PromptViewProps {
  /** The prompt text or conversation. */
  prompt: Prompt;
}

/** The prompt, as described in the module comment. */
export function PromptView({ prompt }: PromptViewProps) {
  if (typeof prompt === 'string') {
    return (
      <section className="genai-prompt" aria-label="Prompt">
        <h3 className="genai-heading">Prompt</h3>
        <Markdown source={prompt} />
      </section>
    );
  }
  return (
    <section className="genai-prompt" aria-label="Conversation">
      <h3 className="genai-heading">Conversation</h3>
      <ol className="genai-conversation">
        {prompt.map((message, index) => (
          // Messages have no ids and never reorder, so their position is their identity.
          // biome-ignore lint/suspicious/noArrayIndexKey: see above.
          <li key={index} className={`genai-message genai-message--${message.role}`}>
            <span className="genai-message__role">{ROLE_NAMES[message.role]}</span>
            <Markdown source={message.content} />
          </li>
        ))}
      </ol>
    </section>
  );
}
