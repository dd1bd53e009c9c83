import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  acceptsImageFolder,
  countProblemsByField,
  csvCell,
  csvTemplateFor,
  csvTemplateText,
  extensionOf,
  fnv1a64,
  groupProblemsByLine,
  imageTasksNdjson,
  imageUniqueId,
  isImageFile,
  listFolder,
  MAX_UNIQUE_ID_LENGTH,
  problemsCsv,
  relativePathOf,
  reportSummary,
  runPool,
  textSourceOf,
} from './upload.ts';

const file = (webkitRelativePath: string, type = 'image/jpeg', size = 10) => ({
  name: webkitRelativePath.slice(webkitRelativePath.lastIndexOf('/') + 1),
  webkitRelativePath,
  type,
  size,
});

describe('file kinds', () => {
  it('reads extensions in lower case, none for dot-files and bare names', () => {
    expect(extensionOf('photo.JPG')).toBe('jpg');
    expect(extensionOf('dir.v2/archive.tar.gz')).toBe('gz');
    expect(extensionOf('.DS_Store')).toBe('');
    expect(extensionOf('README')).toBe('');
  });

  it('knows images by MIME type, else by extension, never hidden files', () => {
    expect(isImageFile({ name: 'a.jpg', type: 'image/jpeg' })).toBe(true);
    expect(isImageFile({ name: 'a.bin', type: 'image/png' })).toBe(true);
    expect(isImageFile({ name: 'a.jpg', type: 'text/plain' })).toBe(false);
    expect(isImageFile({ name: 'scan.TIFF', type: '' })).toBe(true);
    expect(isImageFile({ name: 'notes.txt', type: '' })).toBe(false);
    expect(isImageFile({ name: '._photo.jpg', type: 'image/jpeg' })).toBe(false);
  });

  it('tells CSV from JSONL', () => {
    expect(textSourceOf({ name: 'tasks.csv', type: '' })).toBe('csv');
    expect(textSourceOf({ name: 'export', type: 'text/csv' })).toBe('csv');
    expect(textSourceOf({ name: 'tasks.ndjson', type: '' })).toBe('jsonl');
    expect(textSourceOf({ name: 'tasks.jsonl', type: 'application/octet-stream' })).toBe('jsonl');
    expect(textSourceOf({ name: 'tasks.xlsx', type: '' })).toBeNull();
  });
});

describe('paths and unique ids', () => {
  it('takes the relative path, normalized, or the bare name', () => {
    expect(relativePathOf({ name: 'a.jpg', webkitRelativePath: 'street\\2024\\a.jpg' })).toBe(
      'street/2024/a.jpg',
    );
    expect(relativePathOf({ name: 'a.jpg', webkitRelativePath: './street/a.jpg' })).toBe('street/a.jpg');
    expect(relativePathOf({ name: 'a.jpg', webkitRelativePath: '' })).toBe('a.jpg');
    expect(relativePathOf({ name: 'a.jpg' })).toBe('a.jpg');
  });

  it('hashes with 64-bit FNV-1a (published test vectors)', () => {
    expect(fnv1a64('')).toBe('cbf29ce484222325');
    expect(fnv1a64('a')).toBe('af63dc4c8601ec8c');
    expect(fnv1a64('foobar')).toBe('85944171f73967e8');
  });

  it('names a task by batch and path', () => {
    expect(imageUniqueId('spring', 'street/a.jpg')).toBe('spring/street/a.jpg');
  });

  it('keeps long ids within the limit, unique, ending with the file name', () => {
    const dir = 'd'.repeat(300);
    const one = imageUniqueId('b', `${dir}/one.jpg`);
    const two = imageUniqueId('b', `${dir}/two.jpg`);
    expect(one.length).toBe(MAX_UNIQUE_ID_LENGTH);
    expect(one.endsWith('/one.jpg')).toBe(true);
    expect(one).not.toBe(two);
    expect(one.slice(0, 16)).toBe(fnv1a64(`b/${dir}/one.jpg`));
  });

  it('is stable and never longer than the limit (property)', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 40 }),
        fc.string({ maxLength: 600 }),
        (batch, path) => {
          const id = imageUniqueId(batch, path);
          expect(id.length).toBeLessThanOrEqual(MAX_UNIQUE_ID_LENGTH);
          expect(imageUniqueId(batch, path)).toBe(id);
        },
      ),
    );
  });
});

describe('listFolder', () => {
  it('keeps images in path order with their ids and total size, lists the rest', () => {
    const listing = listFolder(
      [
        file('shots/b.png', 'image/png', 5),
        file('shots/notes.txt', 'text/plain', 99),
        file('shots/a.jpg', 'image/jpeg', 7),
        file('shots/.DS_Store', '', 1),
        file('shots/sub/c.webp', '', 3),
      ],
      'batch-1',
    );
    expect(listing.images.map((image) => image.path)).toEqual([
      'shots/a.jpg',
      'shots/b.png',
      'shots/sub/c.webp',
    ]);
    expect(listing.images.map((image) => image.uniqueId)).toEqual([
      'batch-1/shots/a.jpg',
      'batch-1/shots/b.png',
      'batch-1/shots/sub/c.webp',
    ]);
    expect(listing.bytes).toBe(15);
    expect(listing.ignored).toEqual(['shots/.DS_Store', 'shots/notes.txt']);
  });

  it('counts a path chosen twice once', () => {
    const listing = listFolder([file('x/a.jpg', 'image/jpeg', 4), file('x/a.jpg', 'image/jpeg', 4)], 'b');
    expect(listing.images).toHaveLength(1);
    expect(listing.bytes).toBe(4);
  });

  it('is empty for no files', () => {
    expect(listFolder([], 'b')).toEqual({ images: [], ignored: [], bytes: 0 });
  });
});

describe('imageTasksNdjson', () => {
  const images = [
    { path: 'x/a.jpg', uniqueId: 'b/x/a.jpg', reference: 'groundwork://files/f1' },
    { path: 'x/b.jpg', uniqueId: 'b/x/b.jpg', reference: 'groundwork://files/f2' },
  ];

  it('writes one task per image for image annotation', () => {
    const lines = imageTasksNdjson('imageannotation', images).split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[2]).toBe('');
    expect(JSON.parse(lines[0] ?? '')).toEqual({
      attachment: 'groundwork://files/f1',
      unique_id: 'b/x/a.jpg',
      metadata: { file_name: 'x/a.jpg' },
    });
  });

  it('sets the attachment type for categorization and attachments for text collection', () => {
    expect(JSON.parse(imageTasksNdjson('categorization', images).split('\n')[1] ?? '')).toMatchObject({
      attachment: 'groundwork://files/f2',
      attachment_type: 'image',
    });
    expect(JSON.parse(imageTasksNdjson('textcollection', images).split('\n')[0] ?? '')).toMatchObject({
      attachments: [{ type: 'image', content: 'groundwork://files/f1' }],
    });
  });

  it('writes nothing for types that take no single image, or no images', () => {
    expect(imageTasksNdjson('ranking', images)).toBe('');
    expect(acceptsImageFolder('ranking')).toBe(false);
    expect(acceptsImageFolder('imageannotation')).toBe(true);
    expect(imageTasksNdjson('imageannotation', [])).toBe('');
  });
});

describe('runPool', () => {
  it('never runs more than the limit at once, keeps order, records failures', async () => {
    let running = 0;
    let peak = 0;
    const progress: number[] = [];
    const outcomes = await runPool(
      [1, 2, 3, 4, 5, 6, 7],
      3,
      async (n) => {
        running += 1;
        peak = Math.max(peak, running);
        await new Promise((resolve) => setTimeout(resolve, (7 - n) * 2));
        running -= 1;
        if (n === 4) throw new Error('four');
        return n * 10;
      },
      { onProgress: (p) => progress.push(p.finished) },
    );
    expect(peak).toBe(3);
    expect(outcomes.map((o) => o.item)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(outcomes.filter((o) => o.ok).map((o) => (o.ok ? o.value : 0))).toEqual([10, 20, 30, 50, 60, 70]);
    expect(outcomes[3]?.ok).toBe(false);
    expect(progress).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('stops starting items once aborted', async () => {
    const controller = new AbortController();
    const started: number[] = [];
    const outcomes = await runPool(
      [1, 2, 3, 4],
      1,
      async (n) => {
        started.push(n);
        if (n === 2) controller.abort();
        return n;
      },
      { signal: controller.signal },
    );
    expect(started).toEqual([1, 2]);
    expect(outcomes).toHaveLength(2);
  });

  it('handles no items and a limit below 1', async () => {
    expect(await runPool([], 4, async () => 1)).toEqual([]);
    const outcomes = await runPool(['a', 'b'], 0, async (s) => s.toUpperCase());
    expect(outcomes.map((o) => (o.ok ? o.value : ''))).toEqual(['A', 'B']);
  });
});

describe('report', () => {
  const problems = [
    { line: 7, path: 'attachment', message: 'required' },
    { line: 3, path: 'priority', message: 'not a number' },
    { line: 7, path: 'metadata.source', message: 'too long' },
    { line: 0, path: '', message: 'unknown column "colour"' },
    { line: 9, path: 'attachment', message: 'not a URL' },
  ];

  it('groups problems by line, in line order', () => {
    const groups = groupProblemsByLine(problems);
    expect(groups.map((g) => g.line)).toEqual([0, 3, 7, 9]);
    expect(groups[2]?.problems).toEqual([
      { path: 'attachment', message: 'required' },
      { path: 'metadata.source', message: 'too long' },
    ]);
    expect(groupProblemsByLine([])).toEqual([]);
  });

  it('counts problems per field, most first, ties by name', () => {
    expect(countProblemsByField(problems)).toEqual([
      { path: 'attachment', count: 2 },
      { path: '(row)', count: 1 },
      { path: 'metadata.source', count: 1 },
      { path: 'priority', count: 1 },
    ]);
  });

  it('writes the problems as CSV, quoting what needs it', () => {
    expect(problemsCsv([{ line: 4, path: 'attachment', message: 'expected "url", got 42' }])).toBe(
      'line,field,message\n4,attachment,"expected ""url"", got 42"\n',
    );
    expect(problemsCsv([])).toBe('line,field,message\n');
  });

  it('summarizes counts, leaving out zeros', () => {
    expect(reportSummary({ created: 1200, skipped: 0, failed: 0 })).toBe('1,200 created');
    expect(reportSummary({ created: 0, skipped: 3, failed: 2 })).toBe(
      '0 created · 3 skipped (already there) · 2 failed',
    );
  });
});

describe('CSV template', () => {
  it('lists the type’s columns before the common ones, one example per column', () => {
    const template = csvTemplateFor('imageannotation');
    expect(template.header).toEqual(['attachment', 'unique_id', 'metadata.source', 'tags']);
    expect(template.example).toHaveLength(template.header.length);
    expect(template.columns.map((c) => c.name)).toEqual(template.header);
  });

  it('quotes cells with commas, quotes and line breaks', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
  });

  it('writes a JSON cell quoted', () => {
    const text = csvTemplateText('ranking');
    const [header, example] = text.split('\n');
    expect(header).toBe('prompt,responses,unique_id,metadata.source,tags');
    expect(example?.startsWith('Write a haiku.,"[{""id"":""a""')).toBe(true);
  });
});
