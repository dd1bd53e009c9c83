/**
 * How the overview names its own things: bucket dates in the browser's time zone, shortened axis labels,
 * and task type names (also on the projects list). Counts, percentages and durations are written by the
 * console's shared `format.ts`. Pure functions.
 */

/** The size of an overview bucket. */
export type Bucket = 'day' | 'hour';

/**
 * The label of a bucket starting at `iso`, in `timeZone`: `Mar 10` for a day, `Mar 10, 14:00` for an
 * hour; the long form (`Mon, Mar 10`) for tooltips and tables.
 */
export function bucketLabel(iso: string, bucket: Bucket, timeZone: string, long = false): string {
  const options: Intl.DateTimeFormatOptions = {
    timeZone,
    month: 'short',
    day: 'numeric',
    ...(long ? { weekday: 'short' } : {}),
    ...(bucket === 'hour' ? { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } : {}),
  };
  return new Intl.DateTimeFormat('en', options).format(new Date(iso));
}

/** `text` cut to `max` characters with an ellipsis (axis labels; tooltips and tables have the whole). */
export function shorten(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, Math.max(0, max - 1))}…` : text;
}

const TYPE_LABELS: Record<string, string> = {
  imageannotation: 'Image annotation',
  categorization: 'Categorization',
  comparison: 'Comparison',
  textcollection: 'Text collection',
  namedentityrecognition: 'Named entities',
  transcription: 'Transcription',
  datacollection: 'Data collection',
  pairwisepreference: 'Pairwise preference',
  ranking: 'Ranking',
  demonstration: 'Demonstration',
};

/** A task type's name for people (`pairwisepreference` → `Pairwise preference`); unknown names as they are. */
export function typeLabel(type: string): string {
  return TYPE_LABELS[type] ?? type;
}

/**
 * The browser's IANA time zone, which the overview counts days in; `UTC` when the browser does not say
 * or says something that is not a zone name.
 */
export function browserTimeZone(): string {
  try {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    return typeof zone === 'string' && /^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(zone) ? zone : 'UTC';
  } catch {
    return 'UTC';
  }
}
