/**
 * CSV and JSONL task files cut into chunks of whole rows, each sent as one request, with the map from a
 * chunk's lines back to the file's so that the server's line numbers can be reported as the file's.
 *
 * The CLI does not map cells to task fields: the server does (one rule for the CLI and the console). It
 * only has to know where a CSV record ends (a line break inside a quoted cell does not end it), which it
 * learns from the server's own CSV reader (`readCsvRecords`, csv-parse), so both read a file alike. Line
 * endings (`\r\n`, `\n`, a lone `\r`) are sent as `\n`, which the server reads the same way.
 */
import type { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { type CsvRecordRead, readCsvRecords } from '@groundwork/server';
import type { TextChunk } from './types.ts';

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
 * A CSV file (as a stream) in chunks of `size` records, each chunk led by the header (the file's first
 * record), records read by the server's CSV reader. A file without a header yields nothing.
 */
export async function* csvChunks(input: Readable, size: number): AsyncGenerator<TextChunk> {
  let header: CsvRecordRead | undefined;
  let records: CsvRecordRead[] = [];
  let bytesRead = 0;
  const chunkOf = (head: CsvRecordRead, batch: CsvRecordRead[]): TextChunk => {
    const lines = lineRange(head.line, head.lineCount);
    for (const record of batch) lines.push(...lineRange(record.line, record.lineCount));
    const text = `${[head, ...batch].map((r) => r.text).join('\n')}\n`;
    return { text, rows: batch.length, lines, bytesRead };
  };
  const onBytes = (bytes: number) => {
    bytesRead = bytes;
  };
  for await (const record of readCsvRecords(input, { onBytes })) {
    if (!header) header = record;
    else records.push(record);
    if (header && records.length >= size) {
      yield chunkOf(header, records);
      records = [];
    }
  }
  if (header && records.length > 0) yield chunkOf(header, records);
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
