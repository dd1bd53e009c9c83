/**
 * Shows one attachment of a form-like task (the document to transcribe, the page to collect facts from, the
 * material a text-collection form is about) in the browser's own viewers: an image with zoom, a video or
 * audio player, a PDF, a website in a sandboxed frame, or text.
 */
import { useState } from 'react';
import type { ResolveUrl } from '../../task-types/contract.ts';
import { Markdown } from '../markdown.tsx';
import './fields-form.css';

/** Kinds of attachment the form-like types name. */
export type FormAttachmentType = 'image' | 'text' | 'video' | 'audio' | 'website' | 'pdf';

/** Props of {@link AttachmentView}. */
export interface AttachmentViewProps {
  /** Kind of attachment. */
  type: FormAttachmentType;
  /** The text itself for `text`, otherwise the URL or file reference. */
  content: string;
  /** Resolves file references to loadable URLs. */
  resolveUrl: ResolveUrl;
  /** How `text` content is shown: markdown (text collection) or as typed (legacy types). */
  textFormat: 'markdown' | 'plain';
  /** Accessible name of the attachment (`Attachment 2`). */
  label?: string;
}

const ZOOMS = [0, 0.5, 0.75, 1, 1.5, 2, 3] as const;

function ImageAttachment({ src, label }: { src: string; label: string }) {
  const [zoomIndex, setZoomIndex] = useState(0);
  const zoom = ZOOMS[zoomIndex] ?? 0;
  const [natural, setNatural] = useState<{ width: number; height: number } | null>(null);
  return (
    <figure className="ff-image">
      <div className="ff-image__bar">
        <button
          type="button"
          className="ff-icon-button"
          aria-label="Zoom out"
          disabled={zoomIndex === 0}
          onClick={() => setZoomIndex((index) => Math.max(0, index - 1))}
        >
          −
        </button>
        <button
          type="button"
          className="ff-chip-button"
          aria-pressed={zoom === 0}
          onClick={() => setZoomIndex(0)}
        >
          {zoom === 0 ? 'Fit' : `${Math.round(zoom * 100)}%`}
        </button>
        <button
          type="button"
          className="ff-icon-button"
          aria-label="Zoom in"
          disabled={zoomIndex === ZOOMS.length - 1}
          onClick={() => setZoomIndex((index) => Math.min(ZOOMS.length - 1, index + 1))}
        >
          +
        </button>
        <a className="ff-image__open" href={src} target="_blank" rel="noreferrer noopener">
          Open original
        </a>
      </div>
      <div className="ff-image__frame" data-zoom={zoom === 0 ? 'fit' : 'fixed'}>
        <img
          src={src}
          alt={label}
          onLoad={(event) =>
            setNatural({ width: event.currentTarget.naturalWidth, height: event.currentTarget.naturalHeight })
          }
          style={zoom === 0 || !natural ? undefined : { width: natural.width * zoom, maxWidth: 'none' }}
        />
      </div>
    </figure>
  );
}

/** One attachment, shown with the browser's viewer for its kind. */
export function AttachmentView({
  type,
  content,
  resolveUrl,
  textFormat,
  label = 'Attachment',
}: AttachmentViewProps) {
  if (type === 'text') {
    return textFormat === 'markdown' ? (
      <Markdown source={content} className="ff-text" />
    ) : (
      <div className="ff-text ff-text--plain">{content}</div>
    );
  }
  const src = resolveUrl(content);
  switch (type) {
    case 'image':
      return <ImageAttachment src={src} label={label} />;
    case 'video':
      // biome-ignore lint/a11y/useMediaCaption: customer media comes without caption tracks.
      return <video className="ff-media" src={src} controls preload="metadata" aria-label={label} />;
    case 'audio':
      return (
        // biome-ignore lint/a11y/useMediaCaption: customer media comes without caption tracks.
        <audio
          className="ff-media ff-media--audio"
          src={src}
          controls
          preload="metadata"
          aria-label={label}
        />
      );
    case 'pdf':
      return (
        <div className="ff-frame">
          <iframe className="ff-frame__view" src={src} title={label} />
          <a className="ff-frame__open" href={src} target="_blank" rel="noreferrer noopener">
            Open PDF in a new tab
          </a>
        </div>
      );
    case 'website':
      return (
        <div className="ff-frame">
          <div className="ff-frame__bar">
            <span className="ff-frame__url" title={src}>
              {src}
            </span>
            <a href={src} target="_blank" rel="noreferrer noopener">
              Open in a new tab
            </a>
          </div>
          {/* No allow-same-origin: a page served from this origin must not reach the workbench. */}
          <iframe
            className="ff-frame__view"
            src={src}
            title={label}
            sandbox="allow-scripts allow-popups allow-forms"
            referrerPolicy="no-referrer"
          />
          <p className="ff-frame__note">
            Some websites refuse to be shown inside another page; open them in a new tab.
          </p>
        </div>
      );
  }
}
