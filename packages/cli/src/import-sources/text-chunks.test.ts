import { Readable } from 'node:stream';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvChunks, jsonlChunks } from './text-chunks.ts';
import { fileLine, type TextChunk } from './types.ts';

async function all(chunks: AsyncIterable<TextChunk>): Promise<TextChunk[]> {
  const out: TextChunk[] = [];
  for await (const chunk of chunks) out.push(chunk);
  return out;
}

const stream = (pieces: string[]) => Readable.from(pieces.map((p) => Buffer.from(p)));

describe('csvChunks', () => {
  it('repeats the header in every chunk and maps chunk lines to file lines', async () => {
    const chunks = await all(csvChunks(stream(['\ufeffh1,h2\n1,a\n\n2,"b\n', 'b"\n3,c\n4,d']), 2));
    expect(chunks.map((c) => [c.text, c.rows, c.lines])).toEqual([
      ['h1,h2\n1,a\n2,"b\nb"\n', 2, [1, 2, 4, 5]],
      ['h1,h2\n3,c\n4,d\n', 2, [1, 6, 7]],
    ]);
    expect(fileLine(chunks[1] as TextChunk, 3)).toBe(7);
  });

  it('sends a record whose quoted cell never closes as it is, from its line to the end', async () => {
    const chunks = await all(csvChunks(stream(['h\r\na\n"open\nb\nc\n']), 10));
    expect(chunks.map((c) => [c.text, c.rows, c.lines])).toEqual([
      ['h\na\n"open\nb\nc\n', 2, [1, 2, 3, 4, 5]],
    ]);
  });

  it('finds the same records and lines however the file is cut into pieces', async () => {
    const cell = fc.string({ unit: fc.constantFrom('a', ',', '"', '\n', '\r\n', ' ') });
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(cell, { minLength: 1, maxLength: 3 }), { minLength: 2, maxLength: 6 }),
        fc.array(fc.integer({ min: 1, max: 9 }), { maxLength: 12 }),
        fc.integer({ min: 1, max: 3 }),
        async (rows, cuts, size) => {
          const quote = (text: string) => `"${text.replaceAll('"', '""')}"`;
          const text = rows.map((row) => row.map(quote).join(',')).join('\r\n');
          const pieces: string[] = [];
          let at = 0;
          for (const cut of cuts) {
            pieces.push(text.slice(at, at + cut));
            at += cut;
          }
          pieces.push(text.slice(at));
          const chunks = await all(csvChunks(stream(pieces), size));
          const unified = rows.map((row) => row.map((c) => c.replaceAll('\r\n', '\n')));
          const [header, ...records] = unified;
          expect(
            chunks.flatMap((c) => (parse(c.text, { relax_column_count: true }) as string[][]).slice(1)),
          ).toEqual(records);
          for (const chunk of chunks)
            expect((parse(chunk.text, { relax_column_count: true }) as string[][])[0]).toEqual(header);
          // Each record's first chunk line maps to the file line it starts on.
          const starts: number[] = [];
          let line = 1;
          for (const row of rows) {
            starts.push(line);
            line += row.join(',').split(/\r\n|\n/).length;
          }
          const mapped = chunks.flatMap((chunk) => {
            const lines: number[] = [];
            let k = 1;
            for (const record of parse(chunk.text, {
              raw: true,
              relax_column_count: true,
            }) as unknown as Array<{
              raw: string;
            }>) {
              lines.push(chunk.lines[k - 1] as number);
              k += record.raw.replace(/\n$/, '').split('\n').length;
            }
            return lines.slice(1);
          });
          expect(mapped).toEqual(starts.slice(1));
        },
      ),
    );
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
