/** The prompt a demonstration answers: one text, or a conversation shown as chat messages in markdown. */
import type { ChatMessage, Prompt } from '@groundwork/domain';
import { Markdown } from '../../components/markdown.tsx';

const ROLE_TITLES: Record<ChatMessage['role'], string> = {
  system: 'System',
  user: 'User',
  assistant: 'Assistant',
};

/** The prompt or conversation, each message with its author; the reply being written comes after it. */
export function Conversation({ prompt }: { prompt: Prompt }) {
  const messages: ChatMessage[] = typeof prompt === 'string' ? [{ role: 'user', content: prompt }] : prompt;
  return (
    <ol className="dm-conversation" aria-label={typeof prompt === 'string' ? 'Prompt' : 'Conversation'}>
      {messages.map((message, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: messages are positional and never reordered.
        <li key={index} className="dm-message" data-role={message.role}>
          <div className="dm-message__role">
            {typeof prompt === 'string' ? 'Prompt' : ROLE_TITLES[message.role]}
          </div>
          <Markdown source={message.content} className="dm-message__content" />
        </li>
      ))}
    </ol>
  );
}

/** The task's writing guidelines, open by default and foldable to make room. */
export function Guidelines({ source }: { source: string }) {
  return (
    <details className="dm-guidelines" open>
      <summary>Guidelines</summary>
      <Markdown source={source} className="dm-guidelines__content" />
    </details>
  );
}
