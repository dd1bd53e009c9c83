/**
 * Shows one attachment a task names (`image`, `text`, `video`, `audio`, `website`, `pdf`): the item to
 * categorize, the items to compare, the document to transcribe, the page to collect facts from, the material a
 * form is about. One view for every type, so each gets the same safeguards.
 *
 * Text is shown as written, or formatted as markdown (raw HTML never rendered) with a switch between the two.
 * Web pages load in a frame sandboxed without scripts; PDFs as re-typed bytes; images fit the panel and zoom.
 * Only pages on another origin are offered in a new tab: a file served by this server would open on the app's
 * own origin. A link that does not load says so, with its URL.
 */
import type { AttachmentType } from '@groundwork/domain';
import { useCallback, useEffect, useState } from 'react';
import type { ResolveUrl } from '../../task-types/contract.ts';
import { Markdown } from '../markdown.tsx';
import { formattedFirst, IMAGE_ZOOMS, opensInNewTab, zoomLabel } from './attachment.ts';
import './attachment-view.css';

/** Props of {@link AttachmentView}. */
export interface AttachmentViewProps {
  /** The kind of attachment. */
  type: AttachmentType;
  /** The text itself for `text`; otherwise a URL or file reference. */
  content: string;
  /** Resolves file references to URLs the browser can load. */
  resolveUrl: ResolveUrl;
  /** A short name shown above it (`A`, `Attachment`, `Document`), also its accessible name. */
  title: string;
  /**
   * How a `text` attachment is first shown: `markdown` formatted (text collection's attachments are markdown),
   * `detect` formatted only when it reads as markdown (the legacy types' texts). Default `detect`.
   */
  textFormat?: 'markdown' | 'detect';
  /** Smaller media and text, for several attachments side by side. */
  compact?: boolean;
}

/** One attachment in a framed panel with its title and, where it helps, view options. */
export function AttachmentView({
  type,
  content,
  resolveUrl,
  title,
  textFormat = 'detect',
  compact = false,
}: AttachmentViewProps) {
  return (
    <figure className="attachment-view" data-type={type} data-compact={compact} aria-label={title}>
      {type === 'text' ? (
        <TextAttachment key={content} text={content} title={title} format={textFormat} />
      ) : (
        <MediaAttachment key={content} type={type} url={resolveUrl(content)} title={title} />
      )}
    </figure>
  );
}

function TextAttachment({
  text,
  title,
  format,
}: {
  text: string;
  title: string;
  format: 'markdown' | 'detect';
}) {
  const switchable = formattedFirst(text, format);
  const [formatted, setFormatted] = useState(switchable);
  return (
    <>
      <figcaption className="attachment-view__bar">
        <span className="attachment-view__title">{title}</span>
        {switchable && (
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
  const [zoomIndex, setZoomIndex] = useState(0);
  const external = opensInNewTab(url, window.location.origin);
  const fail = useCallback(() => setFailed(true), []);
  const zoom = IMAGE_ZOOMS[zoomIndex] ?? 0;
  return (
    <>
      <figcaption className="attachment-view__bar">
        <span className="attachment-view__title">{title}</span>
        {type === 'website' && (
          <span className="attachment-view__url" title={url}>
            {url}
          </span>
        )}
        <span className="attachment-view__actions">
          {type === 'image' && !failed && <ZoomButtons zoomIndex={zoomIndex} onZoom={setZoomIndex} />}
          {external && (
            <a href={url} target="_blank" rel="noreferrer noopener">
              Open in new tab ↗
            </a>
          )}
        </span>
      </figcaption>
      <div className="attachment-view__media" data-zoomed={zoom !== 0}>
        {failed ? (
          <p className="attachment-view__failed">
            Could not load this {type}. <code>{url}</code>
          </p>
        ) : type === 'image' ? (
          <ZoomableImage url={url} title={title} zoom={zoom} onFail={fail} />
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
      {type === 'website' && external && (
        <p className="attachment-view__note">
          Some websites refuse to be shown inside another page; open them in a new tab.
        </p>
      )}
    </>
  );
}

/** Zoom out, the level (back to fit), zoom in. */
function ZoomButtons({ zoomIndex, onZoom }: { zoomIndex: number; onZoom: (index: number) => void }) {
  const zoom = IMAGE_ZOOMS[zoomIndex] ?? 0;
  return (
    <span className="attachment-view__zoom">
      <button
        type="button"
        aria-label="Zoom out"
        disabled={zoomIndex === 0}
        onClick={() => onZoom(Math.max(0, zoomIndex - 1))}
      >
        −
      </button>
      <button type="button" aria-pressed={zoom === 0} title="Fit the panel" onClick={() => onZoom(0)}>
        {zoomLabel(zoom)}
      </button>
      <button
        type="button"
        aria-label="Zoom in"
        disabled={zoomIndex === IMAGE_ZOOMS.length - 1}
        onClick={() => onZoom(Math.min(IMAGE_ZOOMS.length - 1, zoomIndex + 1))}
      >
        +
      </button>
    </span>
  );
}

/** The image fitted to the panel (zoom 0) or at a scale of its natural size, scrolled within the panel. */
function ZoomableImage({
  url,
  title,
  zoom,
  onFail,
}: {
  url: string;
  title: string;
  zoom: number;
  onFail: () => void;
}) {
  const [naturalWidth, setNaturalWidth] = useState<number | null>(null);
  return (
    <img
      src={url}
      alt={title}
      onError={onFail}
      onLoad={(event) => setNaturalWidth(event.currentTarget.naturalWidth)}
      style={zoom === 0 || naturalWidth === null ? undefined : { width: naturalWidth * zoom }}
    />
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
