import { describe, expect, it } from 'vitest';
import { csvLine } from './csv.ts';
import { exportFileName, readExportOptions } from './options.ts';

const COCO = { id: 'coco', extension: 'json' } as const;
const AS_OF = new Date('2026-02-03T23:59:59.000Z');

describe('exportFileName', () => {
  it('is <project>-<format>-<date>.<extension> with a name safe anywhere', () => {
    expect(exportFileName('street scenes', COCO, AS_OF)).toBe('street-scenes-coco-2026-02-03.json');
    expect(exportFileName('a/b "c";d', { id: 'voc', extension: 'zip' }, AS_OF)).toBe(
      'a-b-c-d-voc-2026-02-03.zip',
    );
    expect(exportFileName('Café', COCO, AS_OF)).toBe('Cafe-coco-2026-02-03.json');
    expect(exportFileName('日本', COCO, AS_OF)).toBe('project-coco-2026-02-03.json');
    expect(exportFileName('..hidden..', COCO, AS_OF)).toBe('hidden-coco-2026-02-03.json');
  });
});

describe('readExportOptions', () => {
  it('fills defaults for anything missing or malformed', () => {
    expect(readExportOptions({})).toEqual({
      asOf: '1970-01-01T00:00:00.000Z',
      status: 'completed',
      batch: null,
      tags: [],
      createdAfter: null,
      createdBefore: null,
      includeAnswers: false,
    });
    expect(
      readExportOptions({ asOf: 'x', status: 'weird', tags: ['a', 1], includeAnswers: 'yes', batch: 'b' }),
    ).toMatchObject({ asOf: 'x', status: 'completed', tags: ['a'], includeAnswers: false, batch: 'b' });
  });
});

describe('csvLine', () => {
  it('quotes fields with commas, quotes or line breaks', () => {
    expect(csvLine(['a', 'b,c', 'say "hi"', 'two\nlines', ''])).toBe('a,"b,c","say ""hi""","two\nlines",\n');
  });
});
