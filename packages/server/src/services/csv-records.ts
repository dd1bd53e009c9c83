/**
 * CSV records read from a stream with csv-parse, each with its cells, its own text and the lines it
 * spans, for the bulk import (which maps cells to task fields) and `groundwork import` (which cuts a file
 * into chunks of whole records and sends their text): one reading of CSV for both.
 *
 * Line endings: `\r\n`, `\n` and a lone `\r` each end a line (a line break inside a quoted cell reads as
 * `\n`). They are unified before csv-parse sees the text because csv-parse 7 counts the two characters of
 * `\r\n` as two lines inside quoted cells and blank lines, which would put every later line number off. A
 * leading byte-order mark is dropped; blank lines are skipped. Quotes are relaxed (a `"` inside an unquoted
 * cell is text), records may have any number of cells, and a record that still cannot be read — a quoted
 * cell never closed — comes with `cells: null` and the reason, in its place among the others.
 */
import { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { type CsvError, parse } from 'csv-parse';
import { ApiError } from '../errors.ts';

/** One record of a CSV text. */
export interface CsvRecordRead {
  /** Its cells; null when it cannot be read (see `problem`). */
  cells: string[] | null;
  /** Its text as in the input (line breaks as `\n`, without the line break that ends it). */
  text: string;
  /** The 1-based line it starts on. */
  line: number;
  /** How many lines it spans. */
  lineCount: number;
  /** Why it cannot be read, when `cells` is null. */
  problem?: string;
}

/** How a CSV stream is read. */
export interface CsvReadOptions {
  /** Largest input in bytes: beyond it reading stops with 413 `payload_too_large`. */
  maxBytes?: number;
  /** Told the number of input bytes read so far, as reading goes (for progress). */
  onBytes?: (bytes: number) => void;
}

/**
 * The input's text with every line ending as `\n` and a leading byte-order mark dropped, counting bytes
 * against the limit. A `\r` at the end of a chunk waits for the next one, which may start with the `\n` of
 * the same line ending.
 */
async function* unifiedText(input: Readable, options: CsvReadOptions): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  const maxBytes = options.maxBytes ?? Number.POSITIVE_INFINITY;
  let bytes = 0;
  let pendingCr = false;
  let first = true;
  const unify = (text: string, final: boolean): string => {
    let joined = (pendingCr ? '\r' : '') + text;
    pendingCr = !final && joined.endsWith('\r');
    if (pendingCr) joined = joined.slice(0, -1);
    if (first && joined !== '') {
      first = false;
      if (joined.startsWith('\ufeff')) joined = joined.slice(1);
    }
    return joined.replace(/\r\n?/g, '\n');
  };
  try {
    for await (const chunk of input.iterator({ destroyOnReturn: false })) {
      const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
      bytes += buffer.length;
      if (bytes > maxBytes) {
        throw new ApiError('payload_too_large', `The import is larger than the limit of ${maxBytes} bytes.`);
      }
      options.onBytes?.(bytes);
      const text = unify(decoder.write(buffer), false);
      if (text !== '') yield text;
    }
    const text = unify(decoder.end(), true);
    if (text !== '') yield text;
  } finally {
    input.resume();
  }
}

/** A record's own text (csv-parse's raw text without the blank lines before it and its line ending) and where it starts. */
function placed(
  endLine: number,
  raw: string | undefined,
): Pick<CsvRecordRead, 'text' | 'line' | 'lineCount'> {
  const text = (raw ?? '').replace(/^\n+/, '').replace(/\n$/, '');
  let breaks = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) breaks++;
  return { text, line: endLine - breaks, lineCount: breaks + 1 };
}

function problemOf(error: CsvError): string {
  if (error.code === 'CSV_QUOTE_NOT_CLOSED') {
    return 'a quoted cell is never closed (every line after it was read into that cell)';
  }
  return error.message.replace(/ at line \d+.*$/, '');
}

interface ParsedRecord {
  record: string[];
  info: { lines: number };
  raw?: string;
}

/**
 * The records of a CSV stream in file order (see the module comment). Throws 413 beyond `maxBytes`; a
 * text csv-parse cannot read at all throws its CsvError (code `CSV_…`). The input is drained however the
 * reading ends.
 */
export async function* readCsvRecords(
  input: Readable,
  options: CsvReadOptions = {},
): AsyncGenerator<CsvRecordRead> {
  const source = Readable.from(unifiedText(input, options));
  const parser = parse({
    record_delimiter: '\n',
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    info: true,
    raw: true,
  });
  // Records csv-parse could not read arrive as events, possibly before records it read earlier are taken
  // from its buffer: each is handed out in its place by line.
  const skipped: CsvRecordRead[] = [];
  parser.on('skip', (error: CsvError & { lines?: number; raw?: string }) => {
    skipped.push({ cells: null, ...placed(error.lines ?? 0, error.raw), problem: problemOf(error) });
  });
  source.on('error', (error) => parser.destroy(error));
  source.pipe(parser);
  try {
    for await (const parsed of parser as AsyncIterable<ParsedRecord>) {
      const record: CsvRecordRead = { cells: parsed.record, ...placed(parsed.info.lines, parsed.raw) };
      skipped.sort((a, b) => a.line - b.line);
      while (skipped.length > 0 && (skipped[0] as CsvRecordRead).line < record.line) {
        yield skipped.shift() as CsvRecordRead;
      }
      yield record;
    }
    yield* skipped.sort((a, b) => a.line - b.line);
  } finally {
    source.unpipe(parser);
    source.destroy();
    input.resume();
  }
}
