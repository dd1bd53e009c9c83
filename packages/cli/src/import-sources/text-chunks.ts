/**
 * CSV and JSONL task files cut into chunks of whole rows, each sent as one request, with the map from a
 * chunk's lines back to the file's so that the server's line numbers can be reported as the file's.
 *
 * The CLI does not read the cells: the server maps CSV columns to task fields (one rule for the CLI and the
 * console). It only has to know where a CSV record ends, which takes quotes into account: a line break
 * inside a quoted cell does not end the record. Quotes are read as the server reads them (a `"` opens a
 * quoted cell only at the start of a cell; `""` inside one is a quote). Line endings (`\r\n`, `\n`, a lone
 * `\r`) are sent as `\n`, which the server reads the same way.
 */
import type { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import type { TextChunk } from './types.ts';

/** One record of a CSV file: its text (lines joined by `\n`), the line it starts on and its line count. */
export interface CsvRecord {
  text: string;
  line: number;
  lineCount: number;
}

/**
 * Splits CSV text, fed in pieces, into records (see the module comment). Empty lines between records are
 * dropped; a record whose quoted cell never closes runs to the end of the input.
 */
export class CsvRecordSplitter {
  #line = 1;
  #start = 1;
  #current = '';
  #inQuotes = false;
  #quoteSeen = false;
  #cellStart = true;
  #pendingCr = false;

  /** Feeds the next piece of text; returns the records it completed. */
  push(piece: string): CsvRecord[] {
    let text = (this.#pendingCr ? '\r' : '') + piece;
    this.#pendingCr = text.endsWith('\r');
    if (this.#pendingCr) text = text.slice(0, -1);
    return this.#scan(text.replace(/\r\n?/g, '\n'));
  }

  /** Ends the input; returns the last record, if any. */
  end(): CsvRecord[] {
    const records = this.#pendingCr ? this.#scan('\n') : [];
    this.#pendingCr = false;
    if (this.#current !== '') records.push(this.#take());
    return records;
  }

  #scan(text: string): CsvRecord[] {
    const records: CsvRecord[] = [];
    let from = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text[i];
      if (this.#inQuotes) {
        if (this.#quoteSeen) {
          this.#quoteSeen = false;
          if (c === '"') continue;
          this.#inQuotes = false;
        } else {
          if (c === '"') this.#quoteSeen = true;
          else if (c === '\n') this.#line++;
          continue;
        }
      }
      if (c === '"' && this.#cellStart) {
        this.#inQuotes = true;
        this.#cellStart = false;
      } else if (c === ',') {
        this.#cellStart = true;
      } else if (c === '\n') {
        this.#current += text.slice(from, i);
        from = i + 1;
        this.#line++;
        this.#cellStart = true;
        if (this.#current === '') this.#start = this.#line;
        else records.push(this.#take());
      } else {
        this.#cellStart = false;
      }
    }
    this.#current += text.slice(from);
    return records;
  }

  #take(): CsvRecord {
    const text = this.#current;
    const record = { text, line: this.#start, lineCount: (text.match(/\n/g)?.length ?? 0) + 1 };
    this.#current = '';
    this.#start = this.#line;
    return record;
  }
}

async function* decodedPieces(input: Readable): AsyncGenerator<{ text: string; bytes: number }> {
  const decoder = new StringDecoder('utf8');
  let bytes = 0;
  let first = true;
  for await (const chunk of input) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    bytes += buffer.length;
    let text = decoder.write(buffer);
    if (first && text !== '') {
      first = false;
      if (text.startsWith('\ufeff')) text = text.slice(1);
    }
    yield { text, bytes };
  }
  yield { text: decoder.end(), bytes };
}

/**
 * A CSV file (as a stream) in chunks of `size` records, each chunk led by the header (the file's first record). A file
 * without a header yields nothing.
 */
export async function* csvChunks(input: Readable, size: number): AsyncGenerator<TextChunk> {
  const splitter = new CsvRecordSplitter();
  let header: CsvRecord | undefined;
  const records: CsvRecord[] = [];
  let bytesRead = 0;
  const chunkOf = (head: CsvRecord, batch: CsvRecord[]): TextChunk => {
    const lines = lineRange(head.line, head.lineCount);
    for (const record of batch) lines.push(...lineRange(record.line, record.lineCount));
    const text = `${[head, ...batch].map((r) => r.text).join('\n')}\n`;
    return { text, rows: batch.length, lines, bytesRead };
  };
  const take = (completed: CsvRecord[]) => {
    for (const record of completed) {
      if (!header) header = record;
      else records.push(record);
    }
  };
  for await (const piece of decodedPieces(input)) {
    bytesRead = piece.bytes;
    take(splitter.push(piece.text));
    while (header && records.length >= size) yield chunkOf(header, records.splice(0, size));
  }
  take(splitter.end());
  while (header && records.length > 0) yield chunkOf(header, records.splice(0, size));
}

/** A JSONL file (as a stream) in chunks of `size` non-blank lines. */
export async function* jsonlChunks(input: Readable, size: number): AsyncGenerator<TextChunk> {
  let rest = '';
  let line = 0;
  let texts: string[] = [];
  let lines: number[] = [];
  let bytesRead = 0;
  const chunk = (): TextChunk => {
    const done = { text: `${texts.join('\n')}\n`, rows: texts.length, lines, bytesRead };
    texts = [];
    lines = [];
    return done;
  };
  const take = (text: string) => {
    line++;
    const trimmed = text.endsWith('\r') ? text.slice(0, -1) : text;
    if (trimmed.trim() === '') return;
    texts.push(trimmed);
    lines.push(line);
  };
  for await (const piece of decodedPieces(input)) {
    bytesRead = piece.bytes;
    const parts = (rest + piece.text).split('\n');
    rest = parts.pop() ?? '';
    for (const part of parts) {
      take(part);
      if (texts.length >= size) yield chunk();
    }
  }
  if (rest !== '') take(rest);
  if (texts.length > 0) yield chunk();
}

function lineRange(start: number, count: number): number[] {
  return Array.from({ length: count }, (_, i) => start + i);
}

/** The cells of one CSV record (RFC 4180: quoted cells, `""` for a quote; a stray quote inside a cell is text). */
export function csvCells(record: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let inQuotes = false;
  let cellStart = true;
  for (let i = 0; i < record.length; i++) {
    const c = record[i];
    if (inQuotes) {
      if (c === '"' && record[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') inQuotes = false;
      else cell += c;
    } else if (c === '"' && cellStart) {
      inQuotes = true;
      cellStart = false;
    } else if (c === ',') {
      cells.push(cell);
      cell = '';
      cellStart = true;
    } else {
      cell += c;
      cellStart = false;
    }
  }
  cells.push(cell);
  return cells;
}

/** The records of a small CSV text (a file list), each as its cells; blank records are dropped. */
export function csvTable(text: string): string[][] {
  const splitter = new CsvRecordSplitter();
  return [...splitter.push(text.startsWith('\ufeff') ? text.slice(1) : text), ...splitter.end()].map((r) =>
    csvCells(r.text),
  );
}
