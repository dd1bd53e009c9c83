import { Readable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvRecordSplitter, csvCells, csvChunks, csvTable, jsonlChunks } from './text-chunks.ts';
import { fileLine, type TextChunk } from './types.ts';

async function all(chunks: AsyncIterable<TextChunk>): Promise<TextChunk[]> {
  const out: TextChunk[] = [];
  for await (const chunk of chunks) out.push(chunk);
  return out;
}

const stream = (pieces: string[]) => Readable.from(pieces.map((p) => Buffer.from(p)));

describe('CsvRecordSplitter', () => {
  it('ends records at line breaks outside quotes, numbering the line each starts on', () => {
    const splitter = new CsvRecordSplitter();
    const records = [
      ...splitter.push('a,b\r\n"x\r'),
      ...splitter.push('\ny",2\n\n5" disk,"q""\nq"\r'),
      ...splitter.push('last,1'),
      ...splitter.end(),
    ];
    expect(records).toEqual([
      { text: 'a,b', line: 1, lineCount: 1 },
      { text: '"x\ny",2', line: 2, lineCount: 2 },
      { text: '5" disk,"q""\nq"', line: 5, lineCount: 2 },
      { text: 'last,1', line: 7, lineCount: 1 },
    ]);
  });

  it('runs a quoted cell that never closes to the end of the input', () => {
    const splitter = new CsvRecordSplitter();
    expect([...splitter.push('a\n"open\nb\nc\n'), ...splitter.end()]).toEqual([
      { text: 'a', line: 1, lineCount: 1 },
      { text: '"open\nb\nc\n', line: 2, lineCount: 4 },
    ]);
  });

  it('finds the same records however the text is cut', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', ',', '"', '\n', '\r\n', ' ') });
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 5 }),
        fc.array(fc.integer({ min: 1, max: 9 }), { maxLength: 12 }),
        (rows, cuts) => {
          const quote = (text: string) => `"${text.replaceAll('"', '""')}"`;
          const text = rows.map((row) => row.map(quote).join(',')).join('\n');
          const splitter = new CsvRecordSplitter();
          const records = [];
          let at = 0;
          for (const cut of cuts) {
            records.push(...splitter.push(text.slice(at, at + cut)));
            at += cut;
          }
          records.push(...splitter.push(text.slice(at)), ...splitter.end());
          expect(records.map((r) => csvCells(r.text))).toEqual(
            rows.map((row) => row.map((c) => c.replaceAll('\r\n', '\n'))),
          );
          let line = 1;
          for (const [i, record] of records.entries()) {
            expect(record.line).toBe(line);
            line += (rows[i] ?? []).join('').split(/\r\n|\n/).length;
          }
        },
      ),
    );
  });
});

describe('csvCells and csvTable', () => {
  it('reads quoted cells, doubled quotes and stray quotes', () => {
    expect(csvCells('a,"b,c","say ""hi""",5" disk,')).toEqual(['a', 'b,c', 'say "hi"', '5" disk', '']);
    expect(csvTable('\ufeffimage,url\r\nimages/a.jpg,"https://x/a,b.jpg"\r\n\r\n')).toEqual([
      ['image', 'url'],
      ['images/a.jpg', 'https://x/a,b.jpg'],
    ]);
  });
});

describe('csvChunks', () => {
  it('repeats the header in every chunk and maps chunk lines to file lines', async () => {
    const chunks = await all(csvChunks(stream(['\ufeffh1,h2\n1,a\n\n2,"b\n', 'b"\n3,c\n4,d']), 2));
    expect(chunks.map((c) => [c.text, c.rows, c.lines])).toEqual([
      ['h1,h2\n1,a\n2,"b\nb"\n', 2, [1, 2, 4, 5]],
      ['h1,h2\n3,c\n4,d\n', 2, [1, 6, 7]],
    ]);
    expect(fileLine(chunks[1] as TextChunk, 3)).toBe(7);
  });

  it('yields nothing for a file with a header only or nothing at all', async () => {
    expect(await all(csvChunks(stream(['h1,h2\n']), 10))).toEqual([]);
    expect(await all(csvChunks(stream(['']), 10))).toEqual([]);
  });
});

describe('jsonlChunks', () => {
  it('drops blank lines, keeps the line numbers of the others and strips carriage returns', async () => {
    const chunks = await all(jsonlChunks(stream(['{"a":1}\r\n\n{"b"', ':2}\n{"c":3}']), 2));
    expect(chunks.map((c) => [c.text, c.rows, c.lines])).toEqual([
      ['{"a":1}\n{"b":2}\n', 2, [1, 3]],
      ['{"c":3}\n', 1, [4]],
    ]);
  });
});
