/**
 * Reads an NDJSON request body (one JSON value per line, blank lines skipped) for a bulk import, enforcing
 * a byte and a line limit. {@link ndjsonRows} streams the rows in batches (one per chunk of the body, so a
 * large body costs no promise per line) and hands bad lines on as rows with a problem;
 * {@link readNdjson} reads the whole body into memory for an all-or-nothing import.
 */
import type { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { ApiError, type ErrorDetail } from '../../errors.ts';
import { unstorableJson } from '../../lib/nul.ts';
import type { ImportRow } from '../../services/tasks.ts';

/** One parsed line; `line` counts from 1 and includes blank lines, so it matches the caller's editor. */
export interface NdjsonLine {
  line: number;
  body: unknown;
}

/** Limits of one NDJSON body. */
export interface NdjsonLimits {
  maxBytes: number;
  maxLines: number;
  /** Stop after this many bad lines (the rest is not parsed). */
  maxErrors?: number;
}

const BLANK = /^\s*$/;

/**
 * Streams the rows of an NDJSON body, a batch per chunk read: each non-blank line becomes a row with its
 * parsed value, or — when it is not valid JSON or holds what the database cannot store (NUL) — a row with
 * one problem at path `""`. Lines end at `\n` (a `\r` before it is dropped). Throws 413 as soon as the body
 * exceeds `maxBytes` or holds more than `maxLines` rows. However the reading ends (finished, thrown, or
 * abandoned by the consumer), the rest of the body is drained, never destroyed, so the answer still reaches
 * the caller.
 */
export async function* ndjsonRows(
  input: Readable,
  limits: Pick<NdjsonLimits, 'maxBytes' | 'maxLines'>,
): AsyncGenerator<ImportRow[]> {
  const decoder = new StringDecoder('utf8');
  let rest = '';
  let bytes = 0;
  let lineNumber = 0;
  let rows = 0;
  const read = (text: string, batch: ImportRow[]) => {
    lineNumber++;
    const line = text.endsWith('\r') ? text.slice(0, -1) : text;
    if (BLANK.test(line)) return;
    if (++rows > limits.maxLines) {
      throw new ApiError('payload_too_large', `The import holds more than ${limits.maxLines} lines.`);
    }
    batch.push(parseLine(line, lineNumber));
  };
  try {
    for await (const chunk of input.iterator({ destroyOnReturn: false })) {
      const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
      bytes += buffer.length;
      if (bytes > limits.maxBytes) {
        throw new ApiError(
          'payload_too_large',
          `The import is larger than the limit of ${limits.maxBytes} bytes.`,
        );
      }
      const parts = (rest + decoder.write(buffer)).split('\n');
      rest = parts.pop() ?? '';
      const batch: ImportRow[] = [];
      for (const part of parts) read(part, batch);
      if (batch.length > 0) yield batch;
    }
    rest += decoder.end();
    if (rest !== '') {
      const batch: ImportRow[] = [];
      read(rest, batch);
      if (batch.length > 0) yield batch;
    }
  } finally {
    input.resume();
  }
}

function parseLine(text: string, line: number): ImportRow {
  const unstorable = unstorableJson(text);
  if (unstorable) return { line, problems: [{ path: '', message: unstorable }] };
  try {
    return { line, body: JSON.parse(text) };
  } catch (error) {
    return { line, problems: [{ path: '', message: `not valid JSON: ${(error as Error).message}` }] };
  }
}

/**
 * Parses every line of `input`. Throws 413 when the body exceeds `maxBytes` or holds more than `maxLines`
 * values, and 400 naming each line (`line 12`) that is not valid JSON.
 */
export async function readNdjson(input: Readable, limits: NdjsonLimits): Promise<NdjsonLine[]> {
  const maxErrors = limits.maxErrors ?? 100;
  const lines: NdjsonLine[] = [];
  const errors: ErrorDetail[] = [];
  for await (const batch of ndjsonRows(input, limits)) {
    for (const row of batch) {
      if ('body' in row) lines.push({ line: row.line, body: row.body });
      else errors.push({ path: `line ${row.line}`, message: row.problems[0]?.message ?? 'invalid' });
      if (errors.length >= maxErrors) throw badLines(errors);
    }
  }
  if (errors.length > 0) throw badLines(errors);
  return lines;
}

function badLines(errors: ErrorDetail[]): ApiError {
  return new ApiError(
    'invalid_request',
    `${errors.length} line(s) are not valid JSON; nothing was imported. ${errors
      .slice(0, 5)
      .map((e) => `${e.path}: ${e.message}`)
      .join('; ')}`,
    errors,
  );
}
