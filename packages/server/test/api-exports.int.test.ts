/**
 * Dataset exports end to end: requested through the API, written by the job worker (relay + `export.run`
 * on a real runner, two tasks per page so that paging is exercised), downloaded, and read back. Content is
 * checked by hand on a small street-scene project; every format's empty file is checked on a project
 * without tasks.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type CocoImportedImage, parseCoco, parseVoc } from '@groundwork/domain';
import { sql } from 'drizzle-orm';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Database } from '../src/db/database.ts';
import { registerExportJobs, relayDueExports } from '../src/jobs/exports.ts';
import { JobRunner } from '../src/jobs/runner.ts';
import { newId } from '../src/lib/ids.ts';
import { insertExport } from '../src/repositories/exports.ts';
import { runExport } from '../src/services/export-writers/run.ts';
import {
  type Body,
  basic,
  callApi,
  createTestContext,
  scaleClient,
  type TestContext,
  type TestOrg,
} from './harness.ts';
import { addMember, callAsSession, login } from './session-client.ts';

const silent = { info() {}, warn() {}, error() {} };
const png = readFileSync(new URL('../../cli/demo/images/astronaut.png', import.meta.url)); // 512 × 512
const jpeg = readFileSync(new URL('../../cli/demo/images/rocket.jpg', import.meta.url));

let ctx: TestContext;
let org: TestOrg;
let other: TestOrg;
let runner: JobRunner;

/** The tasks of the street project, in export order. */
const street: Record<'a' | 'b' | 'c' | 'e', string> = { a: '', b: '', c: '', e: '' };
let pendingTask = '';
/** Tasks of the LLM projects. */
const llm = { haiku: '', draft: '', pair: '', tie: '', rank: '' };
let answerId = '';
let pngFile = '';
let jpegFile = '';

const api = (method: 'GET' | 'POST', url: string, body?: unknown, key = org.liveKey) =>
  callApi(ctx.app, key, method, url, body);

async function uploadFile(data: Buffer, name: string, type: string, metadata?: string): Promise<string> {
  const boundary = `----gw${Math.random().toString(16).slice(2)}`;
  const parts = [
    ...(metadata
      ? [
          Buffer.from(
            `--${boundary}\r\nContent-Disposition: form-data; name="metadata"\r\n\r\n${metadata}\r\n`,
          ),
        ]
      : []),
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: ${type}\r\n\r\n`,
    ),
    data,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ];
  const response = await ctx.app.inject({
    method: 'POST',
    url: '/v1/files/upload',
    headers: {
      authorization: basic(org.liveKey),
      'content-type': `multipart/form-data; boundary=${boundary}`,
    },
    payload: Buffer.concat(parts),
  });
  if (response.statusCode !== 200) throw new Error(`upload: ${response.statusCode} ${response.body}`);
  return response.json().id as string;
}

async function createTask(project: string, type: string, body: Record<string, unknown>): Promise<string> {
  const created = await scaleClient(ctx.app, org.liveKey).post(`/task/${type}`, { project, ...body });
  if (created.status !== 200) throw new Error(`task: ${created.status} ${JSON.stringify(created.body)}`);
  return created.body.task_id as string;
}

/** Completes a task with a response, as the workflow would, at a fixed creation time (export order). */
async function settle(id: string, createdAt: string, response: unknown): Promise<void> {
  await ctx.db.system.execute(
    response === null
      ? sql`UPDATE tasks SET created_at = ${createdAt}::timestamptz WHERE id = ${id}`
      : sql`UPDATE tasks SET status = 'completed', stage = 'done', response = ${await ctx.seal(org.id, 'tasks.response', response)}::jsonb,
          completed_at = ${createdAt}::timestamptz + interval '1 minute', created_at = ${createdAt}::timestamptz
          WHERE id = ${id}`,
  );
}

async function waitFor(id: string, key = org.liveKey): Promise<Body> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const { body } = await api('GET', `/exports/${id}`, undefined, key);
    if (['completed', 'failed', 'canceled'].includes(body.status)) return body;
    if (Date.now() > deadline) throw new Error(`export ${id} still ${body.status}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function exportOf(project: string, body: Record<string, unknown>): Promise<Body> {
  const created = await api('POST', `/projects/${encodeURIComponent(project)}/exports`, body);
  expect(created.status, JSON.stringify(created.body)).toBe(200);
  runner.notify('export.run');
  const finished = await waitFor(created.body.id);
  expect(finished.status, JSON.stringify(finished)).toBe('completed');
  return finished;
}

async function download(id: string, key = org.liveKey) {
  const response = await ctx.app.inject({
    method: 'GET',
    url: `/api/exports/${id}/download`,
    headers: { authorization: `Bearer ${key}` },
  });
  return { status: response.statusCode, headers: response.headers, bytes: response.rawPayload };
}

async function exported(project: string, body: Record<string, unknown>) {
  const done = await exportOf(project, body);
  const file = await download(done.id);
  expect(file.status).toBe(200);
  return { exp: done, ...file };
}

const text = (entries: Record<string, Uint8Array>, name: string) => {
  const entry = entries[name];
  if (!entry) throw new Error(`no ${name} in the zip: ${Object.keys(entries).join(', ')}`);
  return Buffer.from(entry).toString('utf8');
};

/** The COCO detection format (https://cocodataset.org/#format-data), with its references checked. */
const cocoSchema = z
  .object({
    info: z.object({}).loose(),
    licenses: z.array(z.object({ id: z.int(), name: z.string() }).loose()),
    images: z.array(
      z.object({ id: z.int(), file_name: z.string(), width: z.int().min(0), height: z.int().min(0) }).loose(),
    ),
    annotations: z.array(
      z
        .object({
          id: z.int(),
          image_id: z.int(),
          category_id: z.int(),
          bbox: z.tuple([z.number(), z.number(), z.number().min(0), z.number().min(0)]),
          area: z.number().min(0),
          iscrowd: z.union([z.literal(0), z.literal(1)]),
          segmentation: z.array(z.array(z.number())).optional(),
          keypoints: z.array(z.number()).optional(),
          num_keypoints: z.int().optional(),
        })
        .loose(),
    ),
    categories: z.array(z.object({ id: z.int(), name: z.string(), supercategory: z.string() }).loose()),
  })
  .superRefine((file, check) => {
    const unique = (what: string, ids: number[]) => {
      if (new Set(ids).size !== ids.length) check.addIssue({ code: 'custom', message: `${what} ids repeat` });
    };
    unique(
      'image',
      file.images.map((i) => i.id),
    );
    unique(
      'annotation',
      file.annotations.map((a) => a.id),
    );
    unique(
      'category',
      file.categories.map((c) => c.id),
    );
    const images = new Set(file.images.map((i) => i.id));
    const categories = new Set(file.categories.map((c) => c.id));
    for (const a of file.annotations) {
      if (!images.has(a.image_id))
        check.addIssue({ code: 'custom', message: `annotation ${a.id}: no image` });
      if (!categories.has(a.category_id))
        check.addIssue({ code: 'custom', message: `annotation ${a.id}: no category` });
      if (a.keypoints && a.keypoints.length % 3 !== 0)
        check.addIssue({ code: 'custom', message: `annotation ${a.id}: keypoints` });
    }
  });

const STREET_GEOMETRIES = {
  box: { objects_to_annotate: ['car', 'person'] },
  polygon: { objects_to_annotate: ['road'] },
  point: { objects_to_annotate: ['head'] },
};

const responseA = {
  annotations: [
    { type: 'box', label: 'car', uuid: 'a-car', left: 10, top: 20, width: 100, height: 50 },
    {
      type: 'polygon',
      label: 'road',
      vertices: [
        { x: 0, y: 0 },
        { x: 100, y: 0 },
        { x: 100, y: 100 },
      ],
    },
    { type: 'point', label: 'head', x: 5, y: 6 },
  ],
};
const responseB = { annotations: [{ type: 'box', label: 'person', left: 1, top: 2, width: 3, height: 4 }] };
const responseC = {
  annotations: [
    { type: 'box', label: 'car', left: 0, top: 0, width: 64, height: 48, attributes: { color: 'red' } },
  ],
};
const responseE = { annotations: [{ type: 'box', label: 'bus', left: 5, top: 5, width: 10, height: 10 }] };

/** A demonstration project (with a batch and one submitted answer), a pairwise one and a ranking one. */
async function setUpLlmProjects(scale: ReturnType<typeof scaleClient>): Promise<void> {
  for (const [type, name] of [
    ['demonstration', 'chat'],
    ['pairwisepreference', 'prefs'],
    ['ranking', 'ranks'],
  ] as const) {
    const created = await scale.post('/projects', { type, name });
    expect(created.status, JSON.stringify(created.body)).toBe(200);
  }
  expect((await scale.post('/batches', { project: 'chat', name: 'wave 1' })).status).toBe(200);
  llm.haiku = await createTask('chat', 'demonstration', {
    prompt: 'Write a haiku about rain.',
    batch: 'wave 1',
    tags: ['poetry'],
    unique_id: 'haiku-1',
  });
  llm.draft = await createTask('chat', 'demonstration', { prompt: 'Still pending.' });
  await settle(llm.haiku, '2026-01-02T00:00:01.000Z', { completion: 'Soft rain on the roof' });
  await settle(llm.draft, '2026-01-02T00:00:02.000Z', null);
  answerId = newId();
  await ctx.db.system.execute(sql`INSERT INTO assignments (id, org_id, project_id, task_id, stage, round, slot,
      priority, task_created_at, user_id, status, leased_at, lease_expires_at, submitted_at, time_spent_ms, response)
    SELECT ${answerId}, org_id, project_id, id, 'label', 1, 0, 0, created_at, 'user-1', 'submitted',
      created_at, created_at + interval '1 hour', '2026-01-02T00:00:30.000Z', 4200,
      ${await ctx.seal(org.id, 'assignments.response', { completion: 'Soft rain on the roof' })}::jsonb
    FROM tasks WHERE id = ${llm.haiku}`);
  const pairParams = {
    prompt: 'Capital of France?',
    responses: [{ content: 'Paris.', model: 'm1' }, { content: 'Lyon.' }],
  };
  llm.pair = await createTask('prefs', 'pairwisepreference', pairParams);
  llm.tie = await createTask('prefs', 'pairwisepreference', pairParams);
  await settle(llm.pair, '2026-01-03T00:00:01.000Z', { choice: 'A', strength: 6 });
  await settle(llm.tie, '2026-01-03T00:00:02.000Z', { choice: 'tie' });
  llm.rank = await createTask('ranks', 'ranking', {
    prompt: 'Name a prime.',
    responses: [
      { id: 'a', content: '2' },
      { id: 'b', content: '4' },
      { id: 'c', content: '7' },
    ],
  });
  await settle(llm.rank, '2026-01-04T00:00:01.000Z', { ranking: ['c', 'a', 'b'] });
}

beforeAll(async () => {
  ctx = await createTestContext();
  org = await ctx.org();
  other = await ctx.org();
  const scale = scaleClient(ctx.app, org.liveKey);
  for (const [name, params] of [
    ['street', { geometries: STREET_GEOMETRIES }],
    ['empty images', { geometries: STREET_GEOMETRIES }],
  ] as const) {
    const created = await scale.post('/projects', { type: 'imageannotation', name, params });
    expect(created.status, JSON.stringify(created.body)).toBe(200);
  }
  expect((await scale.post('/projects', { type: 'categorization', name: 'kinds' })).status).toBe(200);
  pngFile = await uploadFile(png, 'astronaut.png', 'image/png');
  jpegFile = await uploadFile(jpeg, 'rocket.jpg', 'image/jpeg', '{"width":640,"height":480}');
  street.a = await createTask('street', 'imageannotation', { attachment: `groundwork://files/${pngFile}` });
  street.b = await createTask('street', 'imageannotation', {
    attachment: 'https://example.com/street/b.png',
  });
  street.c = await createTask('street', 'imageannotation', { attachment: `groundwork://files/${jpegFile}` });
  pendingTask = await createTask('street', 'imageannotation', { attachment: 'https://example.com/d.png' });
  street.e = await createTask('street', 'imageannotation', {
    attachment: 'https://example.com/e',
    geometries: { box: { objects_to_annotate: ['bus'] } },
  });
  await settle(street.a, '2026-01-01T00:00:01.000Z', responseA);
  await settle(street.b, '2026-01-01T00:00:02.000Z', responseB);
  await settle(street.c, '2026-01-01T00:00:03.000Z', responseC);
  await settle(pendingTask, '2026-01-01T00:00:04.000Z', null);
  await settle(street.e, '2026-01-01T00:00:05.000Z', responseE);
  await setUpLlmProjects(scale);
  const gold = await api('POST', '/projects/street/gold', {
    kind: 'evaluation',
    params: { attachment: 'https://example.com/gold.png' },
    expectedResponse: { annotations: [] },
  });
  expect(gold.status, JSON.stringify(gold.body)).toBe(200);

  runner = new JobRunner({ db: ctx.db, log: silent, pollingIntervalSeconds: 0.5 });
  registerExportJobs(runner, {
    db: ctx.db,
    blobs: ctx.app.services.blobs,
    log: silent,
    relayEveryMs: 50,
    pageSize: 2,
  });
  await runner.start();
});

afterAll(async () => {
  await runner?.stop();
  await ctx?.close();
});

describe('COCO', () => {
  it('exports completed tasks with real image sizes, every geometry and the params version', async () => {
    const { exp, headers, bytes } = await exported('street', { format: 'coco' });
    const date = exp.options.asOf.slice(0, 10);
    expect(exp).toMatchObject({
      project: 'street',
      format: 'coco',
      paramsVersion: 0,
      total: 4,
      done: 4,
      bytes: bytes.length,
      fileName: `street-coco-${date}.json`,
      contentType: 'application/json',
      error: null,
      options: { status: 'completed', batch: null, tags: [], includeAnswers: false },
    });
    expect(headers['content-disposition']).toBe(`attachment; filename="street-coco-${date}.json"`);
    expect(headers['content-type']).toMatch(/^application\/json/);
    const file = JSON.parse(bytes.toString('utf8'));
    // The annotations stream into the file first; categories, known at the end, come last.
    expect(Object.keys(file)).toEqual(['info', 'licenses', 'annotations', 'images', 'categories']);
    const checked = cocoSchema.safeParse(file);
    expect(checked.success, JSON.stringify(checked.error?.issues)).toBe(true);
    expect(file.info).toMatchObject({ description: 'street', version: '0', contributor: 'Groundwork' });
    expect(file.categories).toEqual([
      { id: 1, name: 'car', supercategory: 'car' },
      { id: 2, name: 'person', supercategory: 'person' },
      { id: 3, name: 'road', supercategory: 'road' },
      { id: 4, name: 'head', supercategory: 'head' },
      { id: 5, name: 'bus', supercategory: 'bus' },
    ]);
    expect(file.images).toEqual([
      {
        id: 1,
        file_name: `${street.a}.png`,
        width: 512,
        height: 512,
        groundwork_task_id: street.a,
        coco_url: `groundwork://files/${pngFile}`,
      },
      {
        id: 2,
        file_name: `${street.b}.png`,
        width: 0,
        height: 0,
        groundwork_task_id: street.b,
        coco_url: 'https://example.com/street/b.png',
      },
      {
        id: 3,
        file_name: `${street.c}.jpg`,
        width: 640,
        height: 480,
        groundwork_task_id: street.c,
        coco_url: `groundwork://files/${jpegFile}`,
      },
      {
        id: 4,
        file_name: `${street.e}.jpg`,
        width: 0,
        height: 0,
        groundwork_task_id: street.e,
        coco_url: 'https://example.com/e',
      },
    ]);
    expect(file.annotations).toEqual([
      {
        id: 1,
        image_id: 1,
        category_id: 1,
        bbox: [10, 20, 100, 50],
        area: 5000,
        iscrowd: 0,
        groundwork: { type: 'box', uuid: 'a-car' },
      },
      {
        id: 2,
        image_id: 1,
        category_id: 3,
        bbox: [0, 0, 100, 100],
        area: 5000,
        segmentation: [[0, 0, 100, 0, 100, 100]],
        iscrowd: 0,
        groundwork: { type: 'polygon' },
      },
      {
        id: 3,
        image_id: 1,
        category_id: 4,
        bbox: [5, 6, 0, 0],
        area: 0,
        keypoints: [5, 6, 2],
        num_keypoints: 1,
        iscrowd: 0,
        groundwork: { type: 'point' },
      },
      {
        id: 4,
        image_id: 2,
        category_id: 2,
        bbox: [1, 2, 3, 4],
        area: 12,
        iscrowd: 0,
        groundwork: { type: 'box' },
      },
      {
        id: 5,
        image_id: 3,
        category_id: 1,
        bbox: [0, 0, 64, 48],
        area: 3072,
        iscrowd: 0,
        attributes: { color: 'red' },
        groundwork: { type: 'box' },
      },
      {
        id: 6,
        image_id: 4,
        category_id: 5,
        bbox: [5, 5, 10, 10],
        area: 100,
        iscrowd: 0,
        groundwork: { type: 'box' },
      },
    ]);
    // The domain's reader gives back every answer.
    const back = parseCoco(file);
    expect(back.problems).toEqual([]);
    expect(back.images.map((i: CocoImportedImage) => [i.taskId, i.response])).toEqual([
      [street.a, responseA],
      [street.b, responseB],
      [street.c, responseC],
      [street.e, responseE],
    ]);
  });

  it('is a valid empty COCO file for a project without tasks', async () => {
    const { exp, bytes } = await exported('empty images', { format: 'coco' });
    expect(exp).toMatchObject({ total: 0, done: 0 });
    const file = JSON.parse(bytes.toString('utf8'));
    expect(cocoSchema.safeParse(file).success).toBe(true);
    expect(file).toMatchObject({ images: [], annotations: [] });
    expect(file.categories.map((c: Body) => c.name)).toEqual(['car', 'person', 'road', 'head']);
  });

  it('selects by status and creation time', async () => {
    const any = JSON.parse((await exported('street', { format: 'coco', status: 'any' })).bytes.toString());
    expect(any.images.map((i: Body) => i.groundwork_task_id)).toEqual([
      street.a,
      street.b,
      street.c,
      pendingTask,
      street.e,
    ]);
    const pending = JSON.parse(
      (await exported('street', { format: 'coco', status: 'pending' })).bytes.toString(),
    );
    expect(pending.images.map((i: Body) => i.groundwork_task_id)).toEqual([pendingTask]);
    const window = await exported('street', {
      format: 'coco',
      createdAfter: '2026-01-01T00:00:02.000Z',
      createdBefore: '2026-01-01T00:00:03.000Z',
    });
    expect(JSON.parse(window.bytes.toString()).images.map((i: Body) => i.groundwork_task_id)).toEqual([
      street.b,
      street.c,
    ]);
  });
});

describe('YOLO', () => {
  it('writes detection labels of the images whose size is known, with data.yaml and classes', async () => {
    const { exp, bytes } = await exported('street', { format: 'yolo_detection' });
    expect(exp).toMatchObject({ contentType: 'application/zip', total: 4, done: 4 });
    expect(exp.fileName).toMatch(/^street-yolo_detection-\d{4}-\d{2}-\d{2}\.zip$/);
    const entries = unzipSync(new Uint8Array(bytes));
    expect(Object.keys(entries).sort()).toEqual(
      [
        'classes.txt',
        'data.yaml',
        'images.csv',
        'images.txt',
        `labels/${street.a}.txt`,
        `labels/${street.c}.txt`,
      ].sort(),
    );
    // 512 × 512: center (60, 45), size 100 × 50; toFixed(6) rounds exact halves up.
    expect(text(entries, `labels/${street.a}.txt`)).toBe('0 0.117188 0.087891 0.195313 0.097656\n');
    expect(text(entries, `labels/${street.c}.txt`)).toBe('0 0.050000 0.050000 0.100000 0.100000\n');
    expect(text(entries, 'images.txt')).toBe(`./images/${street.a}.png\n./images/${street.c}.jpg\n`);
    expect(text(entries, 'classes.txt')).toBe('car\nperson\nroad\n');
    expect(text(entries, 'data.yaml')).toBe(
      'train: "images.txt"\nval: "images.txt"\nnc: 3\nnames: ["car", "person", "road"]\n',
    );
    expect(text(entries, 'images.csv')).toBe(
      [
        'image,url,task_id,width,height',
        `images/${street.a}.png,groundwork://files/${pngFile},${street.a},512,512`,
        `images/${street.b}.png,https://example.com/street/b.png,${street.b},0,0`,
        `images/${street.c}.jpg,groundwork://files/${jpegFile},${street.c},640,480`,
        `images/${street.e}.jpg,https://example.com/e,${street.e},0,0`,
        '',
      ].join('\n'),
    );
  });

  it('writes segmentation polygons (boxes as their corners)', async () => {
    const { bytes } = await exported('street', { format: 'yolo_segmentation' });
    const entries = unzipSync(new Uint8Array(bytes));
    expect(text(entries, `labels/${street.a}.txt`)).toBe(
      '0 0.019531 0.039063 0.214844 0.039063 0.214844 0.136719 0.019531 0.136719\n' +
        '2 0.000000 0.000000 0.195313 0.000000 0.195313 0.195313\n',
    );
  });

  it('is a valid empty dataset for a project without tasks', async () => {
    const { bytes } = await exported('empty images', { format: 'yolo_detection' });
    const entries = unzipSync(new Uint8Array(bytes));
    expect(Object.keys(entries).sort()).toEqual(['classes.txt', 'data.yaml', 'images.csv', 'images.txt']);
    expect(text(entries, 'images.txt')).toBe('');
    expect(text(entries, 'images.csv')).toBe('image,url,task_id,width,height\n');
    expect(text(entries, 'classes.txt')).toBe('car\nperson\nroad\n');
  });
});

describe('Pascal VOC', () => {
  it('writes one annotation file per image with its boxes', async () => {
    const { bytes } = await exported('street', { format: 'voc' });
    const entries = unzipSync(new Uint8Array(bytes));
    expect(Object.keys(entries).sort()).toEqual(
      [
        'ImageSets/Main/default.txt',
        'images.csv',
        ...[street.a, street.b, street.c, street.e].map((id) => `Annotations/${id}.xml`),
      ].sort(),
    );
    const a = text(entries, `Annotations/${street.a}.xml`);
    expect(a).toContain(`<filename>${street.a}.png</filename>`);
    expect(a).toContain('<width>512</width>');
    expect(a).toContain(
      '<bndbox>\n      <xmin>11</xmin>\n      <ymin>21</ymin>\n      <xmax>110</xmax>\n      <ymax>70</ymax>',
    );
    const parsed = parseVoc(a);
    expect(parsed.problems).toEqual([]);
    expect(parsed.response.annotations).toEqual([responseA.annotations[0]]);
    // An unknown size is written as 0 × 0 (VOC readers, the domain's included, treat it as absent).
    expect(text(entries, `Annotations/${street.b}.xml`)).toContain(
      '<size>\n    <width>0</width>\n    <height>0</height>',
    );
    expect(text(entries, 'ImageSets/Main/default.txt')).toBe(
      `${street.a}\n${street.b}\n${street.c}\n${street.e}\n`,
    );
  });

  it('is a valid empty dataset for a project without tasks', async () => {
    const entries = unzipSync(new Uint8Array((await exported('empty images', { format: 'voc' })).bytes));
    expect(Object.keys(entries).sort()).toEqual(['ImageSets/Main/default.txt', 'images.csv']);
  });
});

describe('Scale JSON', () => {
  it('is the array of tasks as /v1/task shows them, gold left out', async () => {
    const { bytes } = await exported('street', { format: 'scale_json', status: 'any' });
    const tasks = JSON.parse(bytes.toString('utf8'));
    expect(tasks.map((t: Body) => t.task_id)).toEqual([street.a, street.b, street.c, pendingTask, street.e]);
    for (const task of tasks) {
      const v1 = await scaleClient(ctx.app, org.liveKey).get(`/task/${task.task_id}`);
      expect(task).toEqual(v1.body);
    }
  });

  it('carries every answer with includeAnswers', async () => {
    const { bytes } = await exported('street', { format: 'scale_json', options: { includeAnswers: true } });
    const tasks = JSON.parse(bytes.toString('utf8'));
    expect(tasks).toHaveLength(4);
    expect(tasks.every((t: Body) => Array.isArray(t.answers) && t.answers.length === 0)).toBe(true);
  });

  it('is an empty array for a project without tasks', async () => {
    expect((await exported('empty images', { format: 'scale_json' })).bytes.toString('utf8')).toBe('[]');
  });
});

describe('JSON Lines formats', () => {
  const lines = (bytes: Buffer) =>
    bytes
      .toString('utf8')
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => JSON.parse(line) as Body);

  it('writes one task record per line, with every answer when asked', async () => {
    const { exp, bytes } = await exported('chat', {
      format: 'jsonl',
      status: 'any',
      options: { includeAnswers: true },
    });
    expect(exp).toMatchObject({ contentType: 'application/x-ndjson', options: { includeAnswers: true } });
    expect(exp.fileName).toMatch(/^chat-jsonl-\d{4}-\d{2}-\d{2}\.jsonl$/);
    const [haiku, draft, ...rest] = lines(bytes);
    expect(rest).toEqual([]);
    expect(haiku).toEqual({
      task_id: llm.haiku,
      type: 'demonstration',
      unique_id: 'haiku-1',
      status: 'completed',
      batch: 'wave 1',
      params: expect.objectContaining({ prompt: 'Write a haiku about rain.' }),
      response: { completion: 'Soft rain on the roof' },
      metadata: {},
      tags: ['poetry'],
      params_version: 0,
      created_at: '2026-01-02T00:00:01.000Z',
      completed_at: '2026-01-02T00:01:01.000Z',
      answers: [
        {
          id: answerId,
          worker: 'user-1',
          stage: 'label',
          round: 1,
          submitted_at: '2026-01-02T00:00:30.000Z',
          time_spent_ms: 4200,
          response: { completion: 'Soft rain on the roof' },
        },
      ],
    });
    expect(draft).toMatchObject({
      task_id: llm.draft,
      status: 'pending',
      response: null,
      batch: null,
      answers: [],
    });
    const batch = lines((await exported('chat', { format: 'jsonl', status: 'any', batch: 'wave 1' })).bytes);
    expect(batch.map((r) => r.task_id)).toEqual([llm.haiku]);
    const tagged = lines(
      (await exported('chat', { format: 'jsonl', status: 'any', tags: ['poetry', 'x'] })).bytes,
    );
    expect(tagged.map((r) => r.task_id)).toEqual([llm.haiku]);
    const plain = lines((await exported('chat', { format: 'jsonl' })).bytes);
    expect(plain.map((r) => r.task_id)).toEqual([llm.haiku]);
    expect('answers' in (plain[0] ?? {})).toBe(false);
  });

  it('writes SFT chat, DPO pairs and rankings from completed tasks only', async () => {
    const sft = lines((await exported('chat', { format: 'sft_chat', status: 'any' })).bytes);
    expect(sft).toEqual([
      {
        messages: [
          { role: 'user', content: 'Write a haiku about rain.' },
          { role: 'assistant', content: 'Soft rain on the roof' },
        ],
        metadata: expect.objectContaining({ task_id: llm.haiku, batch: 'wave 1', rationale: null }),
      },
    ]);
    const dpo = lines((await exported('prefs', { format: 'dpo' })).bytes);
    expect(dpo).toEqual([
      {
        prompt: [{ role: 'user', content: 'Capital of France?' }],
        chosen: [{ role: 'assistant', content: 'Paris.' }],
        rejected: [{ role: 'assistant', content: 'Lyon.' }],
        metadata: expect.objectContaining({ task_id: llm.pair, chosen_id: 'A', strength: 6 }),
      },
    ]);
    const ranks = lines((await exported('ranks', { format: 'rankings' })).bytes);
    expect(ranks).toEqual([
      {
        prompt: [{ role: 'user', content: 'Name a prime.' }],
        responses: ['7', '2', '4'],
        ranks: [1, 2, 3],
        metadata: expect.objectContaining({ task_id: llm.rank, response_ids: ['c', 'a', 'b'] }),
      },
    ]);
    const wrong = await api('POST', '/projects/street/exports', { format: 'sft_chat' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.details.map((d: Body) => d.path)).toEqual(['format']);
  });

  it('writes empty files for a project without tasks', async () => {
    expect((await exported('empty images', { format: 'jsonl' })).bytes.length).toBe(0);
    const pairs = await exported('prefs', { format: 'dpo', createdBefore: '2000-01-01T00:00:00.000Z' });
    expect(pairs).toMatchObject({ bytes: Buffer.alloc(0), exp: { total: 0, bytes: 0 } });
  });
});

describe('Hugging Face folder', () => {
  it('holds the LLM records as the default configuration, the task rows and a dataset card', async () => {
    const { exp, bytes } = await exported('chat', { format: 'huggingface', status: 'any' });
    expect(exp).toMatchObject({ contentType: 'application/zip' });
    const entries = unzipSync(new Uint8Array(bytes));
    expect(Object.keys(entries).sort()).toEqual(['README.md', 'data/sft_chat.jsonl', 'data/tasks.jsonl']);
    expect(text(entries, 'data/sft_chat.jsonl').trim().split('\n')).toHaveLength(1);
    const rows = text(entries, 'data/tasks.jsonl')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Body);
    expect(rows.map((r) => r.task_id)).toEqual([llm.haiku, llm.draft]);
    expect(JSON.parse(rows[0]?.response)).toEqual({ completion: 'Soft rain on the roof' });
    const card = text(entries, 'README.md');
    expect(card).toContain(
      '- config_name: "sft_chat"\n  default: true\n  data_files:\n  - split: "train"\n    path: "data/sft_chat.jsonl"',
    );
    expect(card).toContain('- config_name: "tasks"');
    expect(card).toContain('2 tasks of project `chat` (task type `demonstration`, project params version 0)');
    expect(card).toContain('| `sft_chat` | `data/sft_chat.jsonl` | 1 |');
  });

  it('is a card and an empty task file for a project without tasks', async () => {
    const entries = unzipSync(
      new Uint8Array((await exported('empty images', { format: 'huggingface' })).bytes),
    );
    expect(Object.keys(entries).sort()).toEqual(['README.md', 'data/tasks.jsonl']);
    expect(text(entries, 'data/tasks.jsonl')).toBe('');
    expect(text(entries, 'README.md')).toContain('0 tasks of project `empty images`');
  });
});

describe('reproducing an export', () => {
  it('repeats with the same asOf, options and params version: the same bytes, later tasks left out', async () => {
    const first = await exported('street', { format: 'yolo_segmentation', status: 'any', tags: [] });
    // A new params version and a new task after the first export change neither.
    const changed = await api('POST', '/projects/street/params', {
      params: { geometries: { box: { objects_to_annotate: ['truck', 'car'] } } },
    });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    const late = await createTask('street', 'imageannotation', {
      attachment: `groundwork://files/${pngFile}`,
    });
    const again = await api('POST', `/exports/${first.exp.id}/repeat`);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({
      format: 'yolo_segmentation',
      paramsVersion: 0,
      options: first.exp.options,
    });
    expect(again.body.id).not.toBe(first.exp.id);
    runner.notify('export.run');
    expect((await waitFor(again.body.id)).status).toBe('completed');
    const repeated = await download(again.body.id);
    expect(Buffer.compare(repeated.bytes, first.bytes)).toBe(0);

    const fresh = await exported('street', { format: 'yolo_segmentation', status: 'any' });
    expect(fresh.exp.paramsVersion).toBe(1);
    const entries = unzipSync(new Uint8Array(fresh.bytes));
    expect(text(entries, 'classes.txt')).toBe('truck\ncar\nperson\nroad\n');
    expect(Object.keys(entries)).toContain(`labels/${late}.txt`);
    await ctx.db.system.execute(sql`DELETE FROM tasks WHERE id = ${late}`);
  });
});

describe('failures and cancellation', () => {
  it('refuses a format that does not apply to the project type, naming format', async () => {
    const response = await api('POST', '/projects/kinds/exports', { format: 'coco' });
    expect(response.status).toBe(400);
    expect(response.body.details.map((d: Body) => d.path)).toEqual(['format']);
    expect(response.body.message).toMatch(/coco does not apply to categorization projects/);
    const unknown = await api('POST', '/projects/kinds/exports', { format: 'csv' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.details.map((d: Body) => d.path)).toEqual(['format']);
    const batch = await api('POST', '/projects/street/exports', { format: 'coco', batch: 'nope' });
    expect(batch.status).toBe(400);
    expect(batch.body.details.map((d: Body) => d.path)).toEqual(['batch']);
  });

  it('records a failure with its reason and keeps no file', async () => {
    const bad = await createTask('street', 'imageannotation', { attachment: 'https://example.com/bad.png' });
    await settle(bad, '2026-01-01T00:00:06.000Z', { annotations: 'none' });
    const created = await api('POST', '/projects/street/exports', { format: 'coco' });
    runner.notify('export.run');
    const failed = await waitFor(created.body.id);
    expect(failed).toMatchObject({
      status: 'failed',
      error: `task ${bad}: its response is not an image annotation answer`,
    });
    expect((await download(created.body.id)).status).toBe(404);
    expect(blobsOf(created.body.id)).toEqual([]);
    await ctx.db.system.execute(sql`DELETE FROM tasks WHERE id = ${bad}`);
  });

  it('cancels a running export between pages and leaves nothing behind', async () => {
    // Written as already claimed by a relay (queued under a fresh fence), so the runner's relay leaves it
    // to the run below.
    const fence = new Date();
    const project = await api('GET', '/projects/street');
    const id = newId();
    await ctx.db.withOrg(org.id, (tx) =>
      insertExport(tx, {
        id,
        orgId: org.id,
        isTest: false,
        projectId: project.body.id,
        format: 'scale_json',
        options: { asOf: new Date().toISOString(), status: 'any' },
        status: 'queued',
        paramsVersion: 0,
        createdAt: new Date(fence.getTime() - 1000),
        updatedAt: fence,
      }),
    );
    let pages = 0;
    const gated: Database = {
      ...ctx.db,
      async runScoped(orgId, statement, options) {
        if (statement.name.startsWith('export_page') && ++pages === 2) {
          // The second page is fetched while the first is written: cancel now.
          const canceled = await api('POST', `/exports/${id}/cancel`);
          expect(canceled.body.status).toBe('canceled');
        }
        return ctx.db.runScoped(orgId, statement, options);
      },
    };
    const tmpRoot = mkdtempSync(join(tmpdir(), 'gw-export-test-'));
    try {
      const outcome = await runExport(
        { db: gated, blobs: ctx.app.services.blobs, log: silent, pageSize: 2, tmpRoot },
        { orgId: org.id, exportId: id, fence: fence.toISOString() },
      );
      expect(outcome).toBe('canceled');
      expect(readdirSync(tmpRoot)).toEqual([]);
    } finally {
      rmSync(tmpRoot, { recursive: true, force: true });
    }
    const after = await api('GET', `/exports/${id}`);
    expect(after.body).toMatchObject({ status: 'canceled', fileName: null, bytes: null });
    expect((await download(id)).status).toBe(404);
    expect(blobsOf(id)).toEqual([]);
    // Canceling again changes nothing; a completed export cannot be canceled.
    expect((await api('POST', `/exports/${id}/cancel`)).body.status).toBe('canceled');
    const done = await exportOf('street', { format: 'scale_json' });
    const refused = await api('POST', `/exports/${done.id}/cancel`);
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('export_finished');
  });

  it('runs a job delivered twice once, and claims again a run that went silent or a job that was lost', async () => {
    const project = await api('GET', '/projects/street');
    /** An export as a relay left it: queued under a claim (`fence`), or running since `fence` and silent. */
    const claimed = async (status: 'queued' | 'running', fence: Date) => {
      const id = newId();
      await ctx.db.withOrg(org.id, (tx) =>
        insertExport(tx, {
          id,
          orgId: org.id,
          isTest: false,
          projectId: project.body.id,
          format: 'coco',
          options: { asOf: new Date().toISOString(), status: 'completed' },
          status,
          paramsVersion: 0,
          createdAt: new Date(fence.getTime() - 1000),
          updatedAt: fence,
          ...(status === 'running' ? { startedAt: fence } : {}),
        }),
      );
      return id;
    };
    const deps = { db: ctx.db, blobs: ctx.app.services.blobs, log: silent };
    const fence = new Date();
    const twice = await claimed('queued', fence);
    const job = { orgId: org.id, exportId: twice, fence: fence.toISOString() };
    const outcomes = await Promise.all([runExport(deps, job), runExport(deps, job)]);
    expect(outcomes.sort()).toEqual(['completed', 'skipped']);
    expect(blobsOf(twice)).toHaveLength(2); // one blob and its sidecar
    expect(await runExport(deps, job)).toBe('skipped');

    // A run whose process died: running, silent for 10 minutes. The relay claims it again under a new
    // fence; the dead run's fence no longer holds it.
    const old = new Date(Date.now() - 10 * 60_000);
    const silentRun = await claimed('running', old);
    await relayDueExports(runner, { db: ctx.db });
    runner.notify('export.run');
    const finished = await waitFor(silentRun);
    expect(finished.status).toBe('completed');
    expect(new Date(finished.startedAt).getTime()).toBeGreaterThan(old.getTime());
    expect(await runExport(deps, { orgId: org.id, exportId: silentRun, fence: old.toISOString() })).toBe(
      'skipped',
    );
    expect(blobsOf(silentRun)).toHaveLength(2);

    // A job that never started (its worker died with it in the queue): queued under a claim 11 minutes old.
    const lostJob = await claimed('queued', new Date(Date.now() - 11 * 60_000));
    await relayDueExports(runner, { db: ctx.db });
    runner.notify('export.run');
    expect((await waitFor(lostJob)).status).toBe('completed');
  });
});

describe('access', () => {
  it('lets viewers read and download but not create; writes are recorded in the audit log', async () => {
    const done = await exportOf('street', { format: 'coco' });
    const viewer = await login(ctx.app, (await addMember(ctx, org.id, 'viewer')).email);
    const refused = await callAsSession(ctx.app, viewer, 'POST', '/projects/street/exports', {
      format: 'coco',
    });
    expect(refused.status).toBe(403);
    const listed = await callAsSession(ctx.app, viewer, 'GET', '/projects/street/exports');
    expect(listed.status).toBe(200);
    expect(listed.body.items[0].id).toBe(done.id);
    const times = listed.body.items.map((e: Body) => e.createdAt);
    expect([...times].sort().reverse()).toEqual(times);
    const file = await ctx.app.inject({
      method: 'GET',
      url: `/api/exports/${done.id}/download`,
      cookies: { gw_session: viewer.token },
    });
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.length).toBe(done.bytes);
    const actions = await ctx.db.system.execute(
      sql`SELECT action FROM audit_events WHERE target_id = ${done.id} ORDER BY id`,
    );
    expect((actions as unknown as { rows: Body[] }).rows.map((r) => r.action)).toEqual([
      'export.create',
      'export.download',
    ]);
  });

  it("answers 404 for another organization's export", async () => {
    const done = await exportOf('street', { format: 'scale_json' });
    expect((await api('GET', `/exports/${done.id}`, undefined, other.liveKey)).status).toBe(404);
    expect((await download(done.id, other.liveKey)).status).toBe(404);
    expect((await api('POST', `/exports/${done.id}/cancel`, undefined, other.liveKey)).status).toBe(404);
    expect((await api('POST', `/exports/${done.id}/repeat`, undefined, other.liveKey)).status).toBe(404);
    expect((await api('GET', '/projects/street/exports', undefined, other.liveKey)).status).toBe(404);
    // Test keys see only test data.
    expect((await api('GET', `/exports/${done.id}`, undefined, org.testKey)).status).toBe(404);
  });
});

/**
 * The files the filesystem store holds for an export: each blob, its hidden metadata sidecar
 * (`.<name>.meta.json`) and any hidden temporary file of a write in progress.
 */
function blobsOf(exportId: string): string[] {
  const config = ctx.config.blobStore;
  if (config.kind !== 'fs') throw new Error('the tests use the filesystem store');
  try {
    return readdirSync(join(config.dir, 'orgs', org.id, 'exports', exportId));
  } catch {
    return [];
  }
}
