import { describe, expect, it } from 'vitest';
import type { PlannedImage } from './dataset-import.ts';
import { type DatasetRunApi, runDatasetImport, uniqueIdPrefixes } from './dataset-run.ts';

/** A failed call as the API client throws it (read by shape). */
function failure(status: number, code: string, details: Array<{ path: string; message: string }> = []) {
  return Object.assign(new Error(`${code} (${status})`), { status, code, details });
}

/**
 * A server that remembers tasks by unique_id, files by reference and gold by attachment, and files whose
 * content is their path's text (so two paths may share content).
 */
function fakeServer(contents: Record<string, string>) {
  const tasks = new Map<string, Record<string, unknown>>();
  const references = new Map<string, string>();
  const stored = new Map<string, string>();
  const gold: Array<{ kind: string; params: Record<string, unknown>; expectedResponse: unknown }> = [];
  const log: string[] = [];
  let nextFile = 0;
  const api: DatasetRunApi = {
    async uniqueIdsStartingWith(prefix) {
      log.push(`list ${prefix}`);
      return [...tasks.keys()].filter((id) => id.startsWith(prefix));
    },
    async hashFile(path) {
      return `hash-of-${contents[path] ?? path}`;
    },
    async uploadFile(path, referenceId) {
      log.push(`upload ${path} ${referenceId ?? '-'}`);
      if (referenceId !== undefined && references.has(referenceId)) throw failure(409, 'reference_id_taken');
      const id = (nextFile++).toString(16).padStart(24, '0');
      const attachment = `groundwork://files/${id}`;
      if (referenceId !== undefined) references.set(referenceId, attachment);
      stored.set(id, `hash-of-${contents[path] ?? path}`);
      return attachment;
    },
    async importTasks(ndjson) {
      log.push(`import ${ndjson.trim().split('\n').length}`);
      const outcome = {
        created: 0,
        skipped: 0,
        failed: 0,
        problems: [] as Array<{ line: number; path: string; message: string }>,
      };
      ndjson
        .trim()
        .split('\n')
        .forEach((line, index) => {
          const task = JSON.parse(line) as Record<string, unknown>;
          const annotations = (
            task.base_annotations as { annotations?: Array<{ label: string }> } | undefined
          )?.annotations;
          if (annotations?.some((a) => a.label === 'tank')) {
            outcome.failed++;
            outcome.problems.push({
              line: index + 1,
              path: 'base_annotations.annotations.0.label',
              message: 'unknown label "tank"',
            });
          } else if (tasks.has(task.unique_id as string)) outcome.skipped++;
          else {
            tasks.set(task.unique_id as string, task);
            outcome.created++;
          }
        });
      return outcome;
    },
    async goldAttachments() {
      return gold.map((g) => g.params.attachment as string);
    },
    async storedFileHash(id) {
      return stored.get(id);
    },
    async createGold(body) {
      if (JSON.stringify(body.expectedResponse).includes('tank')) {
        throw failure(400, 'invalid_response', [
          { path: 'annotations.0.label', message: 'unknown label "tank"' },
        ]);
      }
      gold.push(body);
    },
  };
  return { api, tasks, gold, log, references };
}

const box = (label: string) => ({ type: 'box' as const, label, left: 1, top: 2, width: 3, height: 4 });

function planned(key: string, image: PlannedImage['image'], labels: string[] = ['cat']): PlannedImage {
  return {
    key,
    uniqueId: `coco:street/${key}`,
    image,
    response: { annotations: labels.map(box) },
  };
}

const PLAN: PlannedImage[] = [
  planned('a.png', { kind: 'file', path: 'images/a.png' }),
  planned('copy.png', { kind: 'file', path: 'images/copy.png' }, []),
  planned('b.png', { kind: 'file', path: 'images/b.png' }),
  planned('url.jpg', { kind: 'reference', url: 'https://example.com/url.jpg' }),
  planned('gone.png', { kind: 'missing', name: 'gone.png', looked: ['the picked files'] }),
];
// copy.png holds the same bytes as a.png.
const CONTENTS = { 'images/a.png': 'A', 'images/copy.png': 'A', 'images/b.png': 'B' };

const run = (
  api: DatasetRunApi,
  target: 'tasks' | 'prelabels' | 'gold',
  extra: Partial<Parameters<typeof runDatasetImport>[0]> = {},
) =>
  runDatasetImport({
    plan: PLAN,
    format: 'coco',
    project: 'street',
    target,
    goldKind: 'evaluation',
    api,
    chunkSize: 2,
    signal: new AbortController().signal,
    ...extra,
  });

describe('runDatasetImport', () => {
  it('uploads each content once, sends tasks in chunks, and reports the missing image', async () => {
    const server = fakeServer(CONTENTS);
    const progress: number[] = [];
    const result = await run(server.api, 'prelabels', { onProgress: (p) => progress.push(p.sent) });
    expect(result).toMatchObject({ created: 4, skipped: 0, failed: 1, uploaded: 2, canceled: false });
    expect(result.problems).toEqual([
      {
        place: 'image gone.png',
        path: '',
        message: 'not found among the picked files (gone.png); pick it too, or give its URL',
      },
    ]);
    expect(server.log.filter((line) => line.startsWith('upload'))).toEqual([
      'upload images/a.png sha256:hash-of-A',
      'upload images/b.png sha256:hash-of-B',
    ]);
    // Four images to send in chunks of two.
    expect(server.log.filter((line) => line.startsWith('import'))).toEqual(['import 2', 'import 2']);
    expect(server.tasks.get('coco:street/copy.png')?.attachment).toBe(
      server.tasks.get('coco:street/a.png')?.attachment,
    );
    expect(server.tasks.get('coco:street/url.jpg')).toEqual({
      attachment: 'https://example.com/url.jpg',
      attachment_type: 'image',
      unique_id: 'coco:street/url.jpg',
      base_annotations: { annotations: [box('cat')] },
    });
    expect(progress.at(-1)).toBe(4);
  });

  it('skips everything already there on a second run, without uploading again', async () => {
    const server = fakeServer(CONTENTS);
    await run(server.api, 'prelabels');
    const uploads = server.log.filter((line) => line.startsWith('upload')).length;
    const again = await run(server.api, 'prelabels');
    expect(again).toMatchObject({ created: 0, skipped: 4, failed: 1, uploaded: 0 });
    expect(server.log.filter((line) => line.startsWith('upload'))).toHaveLength(uploads);
    expect(server.log.at(-1)).toBe('list coco:street/');
  });

  it('uploads without a reference when an earlier import took it', async () => {
    const server = fakeServer(CONTENTS);
    server.references.set('sha256:hash-of-B', 'groundwork://files/ffffffffffffffffffffffff');
    const result = await run(server.api, 'tasks');
    expect(result.created).toBe(4);
    expect(server.log).toContain('upload images/b.png -');
    expect(server.tasks.get('coco:street/b.png')).not.toHaveProperty('base_annotations');
  });

  it('counts a task the server refuses as failed, named by its image', async () => {
    const server = fakeServer(CONTENTS);
    const plan = [planned('t.png', { kind: 'reference', url: 'https://x/t.png' }, ['tank'])];
    const result = await run(server.api, 'prelabels', { plan });
    expect(result).toMatchObject({ created: 0, failed: 1 });
    expect(result.problems).toEqual([
      { place: 'image t.png', path: 'base_annotations.annotations.0.label', message: 'unknown label "tank"' },
    ]);
  });

  it('creates gold once per image: skipped by attachment, or by content without uploading', async () => {
    const server = fakeServer(CONTENTS);
    const first = await run(server.api, 'gold');
    // a.png and copy.png are one image: the second is already gold.
    expect(first).toMatchObject({ created: 3, skipped: 1, failed: 1 });
    expect(server.gold.map((g) => g.kind)).toEqual(['evaluation', 'evaluation', 'evaluation']);
    const uploads = server.log.filter((line) => line.startsWith('upload')).length;
    const again = await run(server.api, 'gold');
    expect(again).toMatchObject({ created: 0, skipped: 4, failed: 1, uploaded: 0 });
    expect(server.log.filter((line) => line.startsWith('upload'))).toHaveLength(uploads);
  });

  it('reports the images the preview found the project would refuse, without uploading them', async () => {
    const server = fakeServer(CONTENTS);
    const refused = new Map([
      ['b.png', [{ path: 'base_annotations.annotations.0.label', message: 'unknown label' }]],
    ]);
    const result = await run(server.api, 'prelabels', { refused });
    expect(result).toMatchObject({ created: 3, failed: 2, uploaded: 1 });
    expect(result.problems).toContainEqual({
      place: 'image b.png',
      path: 'base_annotations.annotations.0.label',
      message: 'unknown label',
    });
    expect(server.log).not.toContain('upload images/b.png sha256:hash-of-B');
  });

  it('reports gold the project refuses with the fields the server names', async () => {
    const server = fakeServer(CONTENTS);
    const plan = [planned('t.png', { kind: 'reference', url: 'https://x/t.png' }, ['tank'])];
    const result = await run(server.api, 'gold', { plan });
    expect(result).toMatchObject({ created: 0, failed: 1 });
    expect(result.problems).toEqual([
      { place: 'image t.png', path: 'annotations.0.label', message: 'unknown label "tank"' },
    ]);
  });

  it('stops at Cancel after the uploads in flight, still sending their tasks', async () => {
    const server = fakeServer(CONTENTS);
    const controller = new AbortController();
    const api: DatasetRunApi = {
      ...server.api,
      async uploadFile(path, referenceId, signal) {
        const attachment = await server.api.uploadFile(path, referenceId, signal);
        controller.abort();
        return attachment;
      },
    };
    const result = await run(api, 'prelabels', { signal: controller.signal, concurrency: 1 });
    expect(result.canceled).toBe(true);
    expect(result.uploaded).toBe(1);
    expect([...server.tasks.keys()]).toEqual(['coco:street/a.png']);
  });

  it('does nothing for an empty plan', async () => {
    const server = fakeServer({});
    expect(await run(server.api, 'prelabels', { plan: [] })).toEqual({
      created: 0,
      skipped: 0,
      failed: 0,
      problems: [],
      canceled: false,
      uploaded: 0,
    });
    expect(server.log).toEqual([]);
  });
});

describe('uniqueIdPrefixes', () => {
  it('lists the plain prefix and, for hashed ids, the sha256 one', () => {
    expect(uniqueIdPrefixes(PLAN, 'coco', 'street')).toEqual(['coco:street/']);
    const hashed = { ...PLAN[0], uniqueId: `coco:sha256:${'0'.repeat(64)}` } as PlannedImage;
    expect(uniqueIdPrefixes([hashed, ...PLAN], 'coco', 'street')).toEqual(['coco:sha256:', 'coco:street/']);
    expect(uniqueIdPrefixes([], 'coco', 'street')).toEqual([]);
  });
});
