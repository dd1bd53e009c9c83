/**
 * The task's reference-only images (`context_attachments`): shown beside the image being annotated, never
 * annotated themselves. Each opens full size in a new tab.
 */
import type { ImageannotationParams } from '@groundwork/domain';
import type { ResolveUrl } from '../../contract.ts';

/** Props of {@link ContextImages}. */
export interface ContextImagesProps {
  /** The task's context attachments. */
  attachments: ImageannotationParams['context_attachments'];
  /** Resolves attachment references to URLs. */
  resolveUrl: ResolveUrl;
}

/** The reference images panel; nothing when the task has none. */
export function ContextImages({ attachments, resolveUrl }: ContextImagesProps) {
  if (!attachments || attachments.length === 0) return null;
  return (
    <section className="img-panel" aria-labelledby="img-context-title">
      <h3 className="img-panel__title" id="img-context-title">
        Reference images <span className="img-panel__aside">{attachments.length}</span>
      </h3>
      <ul className="img-context">
        {attachments.map((item, index) => {
          const url = resolveUrl(item.attachment);
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: the list never changes order, and a task may name one image twice.
            <li key={`${item.attachment}-${index}`}>
              <a href={url} target="_blank" rel="noreferrer noopener" title="Open full size in a new tab">
                <img src={url} alt={`Reference ${index + 1}`} loading="lazy" />
              </a>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
