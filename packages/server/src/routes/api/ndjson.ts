/**
 * Reads an NDJSON request body (one JSON value per line, blank lines skipped) into memory for a bulk
 * import, enforcing a byte and a line limit. Lines are parsed synchronously in readline's `line` events,
 * so a large body costs no promise per line.
 */
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { ApiError, type ErrorDetail } from '../../errors.ts';
import { unstorableJson } from '../../lib/nul.ts';

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
 * Parses every line of `input`. Throws 413 when the body exceeds `maxBytes` or holds more than `maxLines`
 * values, and 400 naming each line (`line 12`) that is not valid JSON.
 */
export async function readNdjson(input: Readable, limits: NdjsonLimits): Promise<NdjsonLine[]> {
  const maxErrors = limits.maxErrors ?? 100;
  const lines: NdjsonLine[] = [];
  const errors: ErrorDetail[] = [];
  let bytes = 0;
  let lineNumber = 0;
  let failure: ApiError | undefined;

  const rl = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  const stop = (error: ApiError) => {
    failure ??= error;
    rl.close();
    input.resume();
  };
  input.on('data', (chunk: Buffer | string) => {
    bytes += chunk.length;
    if (bytes > limits.maxBytes && !failure) {
      stop(
        new ApiError('payload_too_large', `The import is larger than the limit of ${limits.maxBytes} bytes.`),
      );
    }
  });
  rl.on('line', (text) => {
    if (failure) return;
    lineNumber++;
    if (BLANK.test(text)) return;
    if (lines.length + errors.length >= limits.maxLines) {
      stop(new ApiError('payload_too_large', `The import holds more than ${limits.maxLines} lines.`));
      return;
    }
    try {
      const unstorable = unstorableJson(text);
      if (unstorable) {
        errors.push({ path: `line ${lineNumber}`, message: unstorable });
      } else {
        lines.push({ line: lineNumber, body: JSON.parse(text) });
      }
    } catch (error) {
      errors.push({ path: `line ${lineNumber}`, message: `not valid JSON: ${(error as Error).message}` });
    }
    if (errors.length >= maxErrors) stop(badLines(errors));
  });
  const closed = once(rl, 'close');
  const broken = once(input, 'error').then(([error]) => {
    throw error;
  });
  broken.catch(() => {});
  await Promise.race([closed, broken]);
  if (failure) throw failure;
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
