/**
 * Decisions about how an attachment is shown, kept apart from the view so they are tested without a DOM.
 */

const MARKDOWN_SIGNS = [
  /^#{1,6}\s+\S/m,
  /^\s{0,3}(?:[-*+]|\d{1,3}[.)])\s+\S/m,
  /^\s{0,3}(?:```|~~~)/m,
  /^\s{0,3}>\s/m,
  /^\|.*\|\s*$/m,
  /\[[^\]\n]+\]\([^)\s]+\)/,
  /(\*\*|__)\S[^\n]*?\S\1/,
];

/**
 * Whether a text attachment reads as markdown (headings, lists, code fences, quotes, tables, links, bold), so it
 * is first shown formatted; anything else is first shown exactly as written, line breaks kept.
 */
export function looksLikeMarkdown(text: string): boolean {
  return MARKDOWN_SIGNS.some((sign) => sign.test(text));
}

/**
 * Whether to offer "open in a new tab" for an attachment URL: only web pages on another origin. A file served
 * by this server opens on the app's own origin, where an uploaded HTML file could run script with the
 * annotator's session; inside the sandboxed frame it cannot.
 */
export function opensInNewTab(url: string, appOrigin: string): boolean {
  try {
    const parsed = new URL(url, appOrigin);
    return (parsed.protocol === 'https:' || parsed.protocol === 'http:') && parsed.origin !== appOrigin;
  } catch {
    return false;
  }
}

/** The zoom levels of an image attachment, 0 meaning "fit the panel"; the others scale its natural size. */
export const IMAGE_ZOOMS = [0, 0.5, 0.75, 1, 1.5, 2, 3] as const;

/** How a zoom level is shown on its button: `Fit`, `150%`. */
export function zoomLabel(zoom: number): string {
  return zoom === 0 ? 'Fit' : `${Math.round(zoom * 100)}%`;
}

/**
 * Whether a text attachment is first shown formatted: always for a type whose texts are markdown, otherwise
 * when it reads as markdown.
 */
export function formattedFirst(text: string, format: 'markdown' | 'detect'): boolean {
  return format === 'markdown' || looksLikeMarkdown(text);
}
