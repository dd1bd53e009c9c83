/**
 * Shows one attachment of a legacy Scale task (`attachment_type`: image, text, video, audio, website, pdf).
 * Text is shown as written, or formatted when it reads as markdown (with a switch back), never as HTML; web
 * pages load in a frame sandboxed without scripts and PDFs as re-typed bytes, so nothing an API caller sends
 * runs in the annotator's session.
 */
import type { AttachmentType } from '@groundwork/domain';
import { useCallback, useEffect, useState } from 'react';
import { Markdown } from '../../components/markdown.tsx';
import type { ResolveUrl } from '../contract.ts';
import { looksLikeMarkdown, opensInNewTab } from './attachment.ts';
import './attachment-view.css';

/** Props of {@link AttachmentView}. */
export interface AttachmentViewProps {
  /** The kind of attachment. */
  type: AttachmentType;
  /** The text itself for `text`; otherwise a URL or file reference. */
  attachment: string;
  /** Resolves file references to URLs the browser can load. */
  resolveUrl: ResolveUrl;
  /** A short name shown above it (`A`, `Attachment`), also its accessible name. */
  title: string;
  /** Smaller media and text, for several attachments side by side. */
  compact?: boolean;
}

/** One attachment in a framed panel with its title and, where it helps, view options. */
export function AttachmentView({
  type,
  attachment,
  resolveUrl,
  title,
  compact = false,
}: AttachmentViewProps) {
  return (
    <figure className="attachment-view" data-type={type} data-compact={compact} aria-label={title}>
      {type === 'text' ? (
        <TextAttachment key={attachment} text={attachment} title={title} />
      ) : (
        <MediaAttachment key={attachment} type={type} url={resolveUrl(attachment)} title={title} />
      )}
    </figure>
  );
}

function TextAttachment({ text, title }: { text: string; title: string }) {
  const markdown = looksLikeMarkdown(text);
  const [formatted, setFormatted] = useState(markdown);
  return (
    <>
      <figcaption className="attachment-view__bar">
        <span className="attachment-view__title">{title}</span>
        {markdown && (
          <fieldset className="attachment-view__toggle">
            <legend className="attachment-view__legend">Show text</legend>
            <button type="button" aria-pressed={!formatted} onClick={() => setFormatted(false)}>
              As written
            </button>
            <button type="button" aria-pressed={formatted} onClick={() => setFormatted(true)}>
              Formatted
            </button>
          </fieldset>
        )}
      </figcaption>
      <div className="attachment-view__text">
        {formatted ? <Markdown source={text} /> : <p className="attachment-view__plain">{text}</p>}
      </div>
    </>
  );
}

function MediaAttachment({ type, url, title }: { type: AttachmentType; url: string; title: string }) {
  const [failed, setFailed] = useState(false);
  const [actualSize, setActualSize] = useState(false);
  const external = opensInNewTab(url, window.location.origin);
  const fail = useCallback(() => setFailed(true), []);
  return (
    <>
      <figcaption className="attachment-view__bar">
        <span className="attachment-view__title">{title}</span>
        <span className="attachment-view__actions">
          {type === 'image' && !failed && (
            <button type="button" aria-pressed={actualSize} onClick={() => setActualSize((value) => !value)}>
              Actual size
            </button>
          )}
          {external && (
            <a href={url} target="_blank" rel="noreferrer noopener">
              Open in new tab ↗
            </a>
          )}
        </span>
      </figcaption>
      <div className="attachment-view__media" data-actual-size={actualSize}>
        {failed ? (
          <p className="attachment-view__failed">
            Could not load this {type}. <code>{url}</code>
          </p>
        ) : type === 'image' ? (
          <img src={url} alt={title} onError={fail} />
        ) : type === 'video' ? (
          // biome-ignore lint/a11y/useMediaCaption: the task's video comes from the customer; it has no caption track to show.
          <video src={url} controls preload="metadata" onError={fail} />
        ) : type === 'audio' ? (
          // biome-ignore lint/a11y/useMediaCaption: the task's audio comes from the customer; it has no caption track to show.
          <audio src={url} controls preload="metadata" onError={fail} />
        ) : type === 'pdf' ? (
          <PdfFrame url={url} title={title} external={external} onFail={fail} />
        ) : (
          <iframe src={url} title={title} sandbox="" referrerPolicy="no-referrer" loading="lazy" />
        )}
      </div>
    </>
  );
}

/**
 * A PDF in the browser's viewer. Browsers refuse their PDF viewer inside sandboxed frames, so the bytes are
 * fetched and re-typed as `application/pdf`: whatever the file really holds can then only be shown as a PDF,
 * never run as a page on the app's origin. A PDF on another site that does not allow the fetch is framed
 * directly; it runs on its own origin and cannot reach the app.
 */
function PdfFrame({
  url,
  title,
  external,
  onFail,
}: {
  url: string;
  title: string;
  external: boolean;
  onFail: () => void;
}) {
  const [source, setSource] = useState<string | null>(null);
  useEffect(() => {
    let objectUrl: string | null = null;
    let cancelled = false;
    fetch(url, { referrerPolicy: 'no-referrer' })
      .then((response) => {
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        return response.arrayBuffer();
      })
      .then((bytes) => {
        if (cancelled) return;
        objectUrl = URL.createObjectURL(new Blob([bytes], { type: 'application/pdf' }));
        setSource(objectUrl);
      })
      .catch(() => {
        if (cancelled) return;
        if (external) setSource(url);
        else onFail();
      });
    return () => {
      cancelled = true;
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [url, external, onFail]);
  if (source === null) return <p className="attachment-view__loading">Loading PDF…</p>;
  return <iframe src={source} title={title} referrerPolicy="no-referrer" />;
}
