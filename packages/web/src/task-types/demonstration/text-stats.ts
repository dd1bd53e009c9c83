/** Counts a written reply the way the task's limits do, and says how it stands against them. */

/** Characters as the domain counts them: Unicode code points, so an emoji counts once. */
export function characterCount(text: string): number {
  return [...text].length;
}

const wordSegmenter =
  typeof Intl !== 'undefined' && 'Segmenter' in Intl
    ? new Intl.Segmenter(undefined, { granularity: 'word' })
    : null;

/** Words, as the browser's word segmentation finds them (so text without spaces, like Japanese, counts too). */
export function wordCount(text: string): number {
  if (!wordSegmenter) return text.split(/\s+/).filter((word) => word !== '').length;
  let count = 0;
  for (const segment of wordSegmenter.segment(text)) if (segment.isWordLike) count += 1;
  return count;
}

/** How a reply's length stands against the task's limits. */
export type LengthStatus =
  | { state: 'empty' }
  | { state: 'short'; missing: number }
  | { state: 'long'; excess: number }
  | { state: 'ok' };

/** Where `text` stands against `min`/`max` characters; blank text is `empty` whatever the limits. */
export function lengthStatus(text: string, min: number | undefined, max: number | undefined): LengthStatus {
  if (text.trim() === '') return { state: 'empty' };
  const count = characterCount(text);
  if (min !== undefined && count < min) return { state: 'short', missing: min - count };
  if (max !== undefined && count > max) return { state: 'long', excess: count - max };
  return { state: 'ok' };
}
