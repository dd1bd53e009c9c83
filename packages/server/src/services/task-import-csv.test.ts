import { Readable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvColumns, csvImportRows, csvTaskBody } from './task-import-csv.ts';
import type { ImportRow } from './tasks.ts';

const limits = { maxBytes: 10 ** 7, maxLines: 10 ** 6 };

async function rowsOf(chunks: string[], custom = limits): Promise<ImportRow[]> {
  const rows: ImportRow[] = [];
  for await (const batch of csvImportRows(Readable.from(chunks.map((c) => Buffer.from(c))), custom)) {
    rows.push(...batch);
  }
  return rows;
}

describe('csvColumns', () => {
  it('maps each header name to its field', () => {
    const columns = csvColumns([
      ' attachment ',
      'unique_id',
      'tags',
      'priority',
      'metadata',
      'metadata.source',
      'params.categories',
      'geometries',
      'clear_unique_id_on_error',
    ]);
    expect(columns.map((c) => c.target)).toEqual([
      { kind: 'param', key: 'attachment' },
      { kind: 'text', field: 'unique_id' },
      { kind: 'tags' },
      { kind: 'priority' },
      { kind: 'metadata' },
      { kind: 'metadataKey', key: 'source' },
      { kind: 'param', key: 'categories' },
      { kind: 'param', key: 'geometries' },
      { kind: 'boolean', field: 'clear_unique_id_on_error' },
    ]);
    expect(columns[0]?.name).toBe('attachment');
  });

  it('refuses empty names and two columns for one field, naming line 1', () => {
    expect(() => csvColumns(['a', ''])).toThrowError(/column 2 has no name/);
    expect(() => csvColumns(['attachment', 'params.attachment'])).toThrowError(/sets the same field/);
    expect(() => csvColumns(['metadata.k', 'metadata.k'])).toThrowError(/sets the same field/);
  });
});

describe('csvTaskBody', () => {
  const columns = csvColumns(['attachment', 'tags', 'priority', 'metadata.n', 'categories', 'metadata']);

  it('reads JSON cells, tags, numbers and leaves empty cells out', () => {
    expect(csvTaskBody(columns, ['a', ' x ;; y', '30', '{"deep":[1]}', '["p","q"]', ''])).toEqual({
      body: {
        attachment: 'a',
        tags: ['x', 'y'],
        priority: 30,
        metadata: { n: { deep: [1] } },
        categories: ['p', 'q'],
      },
    });
    expect(csvTaskBody(columns, ['a', '', '', '', '', ''])).toEqual({ body: { attachment: 'a' } });
  });

  it('keeps text that only looks like a number or JSON where the field is text', () => {
    expect(csvTaskBody(columns, ['[not json', '', 'high', '12', 'x', ''])).toEqual({
      problems: [{ path: 'attachment', message: expect.stringContaining('not valid JSON') }],
    });
    expect(csvTaskBody(columns, ['007', '', 'high', '12', 'x', ''])).toEqual({
      body: { attachment: '007', priority: 'high', metadata: { n: '12' }, categories: 'x' },
    });
  });

  it('reports every bad cell by column', () => {
    const read = csvTaskBody(columns, ['a\u0000', '', '', '{oops', '', '[1]']);
    expect(read).toEqual({
      problems: [
        { path: 'attachment', message: expect.stringContaining('NUL') },
        { path: 'metadata.n', message: expect.stringContaining('not valid JSON') },
        { path: 'metadata', message: 'expected a JSON object' },
      ],
    });
  });
});

describe('csvImportRows', () => {
  it('numbers lines from the header, across CRLF, lone CR, blank lines and chunk boundaries', async () => {
    const rows = await rowsOf(['\ufeffattach', 'ment,n\r', '\nA,1\r\n\r\n"B\r', '\nb",2\rC,3\n\n', 'D,4']);
    expect(rows).toEqual([
      { line: 2, body: { attachment: 'A', n: '1' } },
      { line: 4, body: { attachment: 'B\nb', n: '2' } },
      { line: 6, body: { attachment: 'C', n: '3' } },
      { line: 8, body: { attachment: 'D', n: '4' } },
    ]);
  });

  it('reports rows with the wrong number of cells and quotes never closed, and skips blank rows', async () => {
    const rows = await rowsOf(['a,b\n1,2\n1\n , \n1,2,3\n"x",y\n2,"open\n3,4\n']);
    expect(rows).toEqual([
      { line: 2, body: { a: '1', b: '2' } },
      { line: 3, problems: [{ path: '', message: 'has 1 cells; the header has 2' }] },
      { line: 5, problems: [{ path: '', message: 'has 3 cells; the header has 2' }] },
      { line: 6, body: { a: 'x', b: 'y' } },
      { line: 7, problems: [{ path: '', message: expect.stringContaining('never closed') }] },
    ]);
  });

  it('reads a stray quote inside a cell as text', async () => {
    expect(await rowsOf(['a,b\n5" disk,"say ""hi"""\n'])).toEqual([
      { line: 2, body: { a: '5" disk', b: 'say "hi"' } },
    ]);
  });

  it('yields nothing for an empty body and refuses bodies over the limits', async () => {
    expect(await rowsOf([''])).toEqual([]);
    expect(await rowsOf(['a\n'])).toEqual([]);
    await expect(rowsOf(['a\n1\n2\n3\n'], { maxBytes: 100, maxLines: 2 })).rejects.toMatchObject({
      status: 413,
    });
    await expect(rowsOf(['a\n', 'x'.repeat(200)], { maxBytes: 100, maxLines: 10 })).rejects.toMatchObject({
      status: 413,
    });
  });

  it('gives back every cell and the line each record starts on, however the body is cut', async () => {
    const cell = fc
      .string({ unit: fc.constantFrom('a', 'b', ' ', ',', '"', '\n', '\r\n', 'é', ';') })
      .filter((text) => text.trim() !== '' && !/^\s*[[{]/.test(text));
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 3 }).chain((width) =>
          fc.tuple(
            fc.constant(width),
            fc.array(fc.array(cell, { minLength: width, maxLength: width }), {
              minLength: 1,
              maxLength: 6,
            }),
            fc.array(fc.integer({ min: 1, max: 20 }), { maxLength: 10 }),
          ),
        ),
        async ([width, table, cuts]) => {
          const quote = (text: string) => `"${text.replaceAll('"', '""')}"`;
          const header = Array.from({ length: width }, (_, i) => `c${i}`);
          const lines = [header.join(','), ...table.map((row) => row.map(quote).join(','))];
          const text = `${lines.join('\r\n')}\r\n`;
          const chunks: string[] = [];
          let at = 0;
          for (const cut of cuts) {
            chunks.push(text.slice(at, at + cut));
            at += cut;
          }
          chunks.push(text.slice(at));
          const rows = await rowsOf(chunks);
          let line = 2;
          const expected = table.map((row) => {
            const start = line;
            line += row.reduce((sum, c) => sum + (c.match(/\r\n|\n/g)?.length ?? 0), 0) + 1;
            const body = Object.fromEntries(row.map((c, i) => [`c${i}`, c.replaceAll('\r\n', '\n')]));
            return { line: start, body };
          });
          expect(rows).toEqual(expected);
        },
      ),
      { numRuns: 200 },
    );
  });
});
