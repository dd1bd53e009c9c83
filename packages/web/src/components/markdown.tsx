/**
 * Renders markdown (GitHub flavour: tables, task lists, strikethrough) with syntax-highlighted code
 * blocks. Raw HTML in the source is shown as text, never executed: instructions and model responses come
 * from the customer's API callers and must not run script in the annotator's browser.
 */
import ReactMarkdown from 'react-markdown';
import rehypeHighlight from 'rehype-highlight';
import remarkGfm from 'remark-gfm';
import 'highlight.js/styles/github.css';
import './markdown.css';

const remarkPlugins = [remarkGfm];
const rehypePlugins = [[rehypeHighlight, { detect: true, ignoreMissing: true }] as const];

/** Props of {@link Markdown}. */
export interface MarkdownProps {
  /** The markdown source. */
  source: string;
  /** Extra class names for the wrapper. */
  className?: string;
}

/** Markdown rendered as HTML, links opening in a new tab. */
export function Markdown({ source, className }: MarkdownProps) {
  return (
    <div className={className ? `markdown ${className}` : 'markdown'}>
      <ReactMarkdown
        remarkPlugins={remarkPlugins}
        // biome-ignore lint/suspicious/noExplicitAny: unified's plugin tuple type is not expressible here.
        rehypePlugins={rehypePlugins as any}
        skipHtml
        components={{
          a: ({ node: _node, ...props }) => <a {...props} target="_blank" rel="noreferrer noopener" />,
        }}
      >
        {source}
      </ReactMarkdown>
    </div>
  );
}
