import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Body, callApi, createTestContext, type TestContext, type TestOrg } from './harness.ts';

let ctx: TestContext;
let org: TestOrg;

const api = (method: 'GET' | 'POST', url: string, payload?: unknown, key = org.liveKey) =>
  callApi(ctx.app, key, method, url, payload);

async function importBody(
  query: string,
  payload: string,
  contentType = 'text/csv',
  key = org.liveKey,
): Promise<{ status: number; body: Body }> {
  const response = await ctx.app.inject({
    method: 'POST',
    url: `/api/tasks/import?${query}`,
    headers: { authorization: `Bearer ${key}`, 'content-type': contentType },
    payload,
  });
  return { status: response.statusCode, body: response.json() as Body };
}

const ndjson = (bodies: unknown[]) => bodies.map((b) => JSON.stringify(b)).join('\n');

async function tasksOf(query: string): Promise<Body[]> {
  const items: Body[] = [];
  let cursor: string | null = null;
  do {
    const page: { body: Body } = await api(
      'GET',
      `/tasks?${query}&limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
    );
    items.push(...page.body.items);
    cursor = page.body.nextCursor;
  } while (cursor);
  return items;
}

async function uploadFile(name: string): Promise<string> {
  const boundary = 'gwimport';
  const payload = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: image/png\r\n\r\nnot really a png\r\n--${boundary}--\r\n`;
  const response = await ctx.app.inject({
    method: 'POST',
    url: '/api/files',
    headers: {
      authorization: `Bearer ${org.liveKey}`,
      'content-type': `multipart/form-data; boundary=${boundary}`,
    },
    payload,
  });
  expect(response.statusCode, response.body).toBe(200);
  return (response.json() as Body).attachmentUrl as string;
}

beforeAll(async () => {
  ctx = await createTestContext();
  org = await ctx.org();
  for (const name of ['csv', 'csv-all', 'ndjson', 'chunks', 'mapping', 'files']) {
    await api('POST', '/projects', { name, type: 'categorization', params: { categories: ['a', 'b'] } });
  }
  await api('POST', '/batches', { project: 'csv', name: 'csv-batch' });
});
afterAll(() => ctx.close());

describe('POST /api/tasks/import with a CSV body, mode=partial', () => {
  // Line 1 is the header; line 6 holds a quoted cell spanning two lines, so line 7 is its second half.
  const file = [
    'attachment,unique_id,categories,priority,metadata.source',
    'text one,csv-1,,10,sheet',
    'text two,csv-2,"[""a"",""b"",""c""]",,sheet',
    'text three,csv-3,"[""a"", oops]",,sheet',
    ',csv-4,,,sheet',
    '"text\nfive",csv-5,,20,sheet',
    'text six,csv-6,,high,sheet',
    'text seven,csv-7,"[""only""]",,sheet',
    'text eight,csv-8,,,sheet,extra',
    'groundwork://files/0123456789abcdef01234567,csv-9,,,sheet',
    'text ten,csv-10,,,sheet',
    'text eleven,csv-11,"never closed,,,',
    'text twelve,csv-12,,,sheet',
    '',
  ].join('\n');

  it('creates the good rows and reports each bad one by line, field and message', async () => {
    const done = await importBody('type=categorization&batch=csv-batch&mode=partial', file);
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    // Good: lines 2, 3, 6 (two lines), 9 (a single category is a valid list) and 12; line 13 opens a
    // quoted cell that is never closed, which swallows line 14.
    expect(done.body).toMatchObject({ created: 5, skipped: 0, failed: 6 });
    const byLine = new Map((done.body.problems as Body[]).map((p) => [p.line, p]));
    expect([...byLine.keys()]).toEqual([4, 5, 8, 10, 11, 13]);
    expect(byLine.get(4)).toMatchObject({ path: 'categories' });
    expect(byLine.get(4)?.message).toContain('not valid JSON');
    expect(byLine.get(5)).toMatchObject({ path: 'attachment' });
    expect(byLine.get(8)).toMatchObject({ path: 'priority' });
    expect(byLine.get(10)).toMatchObject({ path: '', message: 'has 6 cells; the header has 5' });
    expect(byLine.get(11)).toMatchObject({
      path: 'attachment',
      message: 'groundwork://files/0123456789abcdef01234567 does not exist',
    });
    expect(byLine.get(13)?.message).toContain('never closed');
  });

  it('stored the good rows with their fields, in the default batch', async () => {
    const tasks = await tasksOf('batch=csv-batch');
    const byId = new Map(tasks.map((t) => [t.uniqueId, t]));
    expect([...byId.keys()].sort()).toEqual(['csv-1', 'csv-10', 'csv-2', 'csv-5', 'csv-7']);
    expect(byId.get('csv-1')).toMatchObject({
      priority: 10,
      metadata: { source: 'sheet' },
      params: { attachment: 'text one', categories: ['a', 'b'] },
    });
    expect(byId.get('csv-2')?.params.categories).toEqual(['a', 'b', 'c']);
    expect(byId.get('csv-5')?.params.attachment).toBe('text\nfive');
  });

  it('reports the invalid priority on its own line', async () => {
    const again = await importBody(
      'type=categorization&batch=csv-batch&mode=partial&onDuplicate=skip',
      'attachment,unique_id,priority\ntext six,csv-6,high\n',
    );
    expect(again.body).toMatchObject({ created: 0, failed: 1, problems: [{ line: 2, path: 'priority' }] });
  });

  it('skips every row of a re-run with onDuplicate=skip, and creates the rows fixed since', async () => {
    const rerun = await importBody('type=categorization&batch=csv-batch&mode=partial&onDuplicate=skip', file);
    expect(rerun.body).toMatchObject({ created: 0, skipped: 5, failed: 6 });
    const fixed = file.replace('text three,csv-3,"[""a"", oops]"', 'text three,csv-3,"[""a""]"');
    const third = await importBody(
      'type=categorization&batch=csv-batch&mode=partial&onDuplicate=skip',
      fixed,
    );
    expect(third.body).toMatchObject({ created: 1, skipped: 5, failed: 5 });
    expect((await tasksOf('batch=csv-batch')).length).toBe(6);
  });

  it('reports a taken unique_id as a bad row with onDuplicate=error', async () => {
    const taken = await importBody(
      'type=categorization&batch=csv-batch&mode=partial',
      'attachment,unique_id\nagain,csv-1\nnew,csv-new\nrepeat,csv-new\n',
    );
    expect(taken.body).toMatchObject({ created: 1, skipped: 0, failed: 2 });
    const [first, second] = taken.body.problems as Body[];
    expect(first).toMatchObject({ line: 2, path: 'unique_id' });
    expect(first?.message).toContain('already used for a different task');
    expect(second).toMatchObject({ line: 4, path: 'unique_id', message: '"csv-new" repeats line 3' });
  });
});

describe('POST /api/tasks/import with a CSV body, all or nothing', () => {
  it('writes nothing when a row is bad and names its line', async () => {
    const bad = await importBody(
      'type=categorization&project=csv-all',
      'attachment,categories\none,\ntwo,"[oops"\nthree,\n',
    );
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('invalid_request');
    expect(bad.body.details).toEqual([{ path: 'line 3', message: expect.stringContaining('categories') }]);
    expect((await tasksOf('project=csv-all')).length).toBe(0);
  });

  it('creates every row of a good file', async () => {
    const good = await importBody('type=categorization&project=csv-all', 'attachment\none\ntwo\n');
    expect(good.body).toMatchObject({ created: 2, skipped: 0, failed: 0, problems: [] });
    expect((await tasksOf('project=csv-all')).length).toBe(2);
  });

  it('refuses a header without names or with a field twice, and a body without rows', async () => {
    const unnamed = await importBody('type=categorization&project=csv-all', 'attachment,\none,x\n');
    expect(unnamed.status).toBe(400);
    expect(unnamed.body.details).toEqual([{ path: 'line 1', message: 'column 2 has no name' }]);
    const twice = await importBody(
      'type=categorization&project=csv-all&mode=partial',
      'attachment,params.attachment\none,two\n',
    );
    expect(twice.status).toBe(400);
    expect(twice.body.message).toContain('sets the same field');
    const headerOnly = await importBody('type=categorization&project=csv-all&mode=partial', 'attachment\n');
    expect(headerOnly.status).toBe(400);
    expect(headerOnly.body.message).toBe('The import holds no tasks.');
  });
});

describe('CSV field mapping', () => {
  it('reads tags, metadata, params and JSON cells, with line numbers across CRLF and blank lines', async () => {
    const file =
      '\ufeffattachment,tags,metadata,metadata.n,params.categories,instruction,clear_unique_id_on_error,unique_id\r\n' +
      'one,a; b ;,"{""k"":1}","[1,2]","[""x"",""y""]",[see](https://example.com),true,map-1\r\n' +
      '\r\n' +
      '"multi\r\nline",,,,,,,map-2\r\n' +
      'three,,"[1]",,,,,map-3\r\n';
    const done = await importBody('type=categorization&project=mapping&mode=partial', file);
    expect(done.body).toMatchObject({ created: 2, failed: 1 });
    expect(done.body.problems).toEqual([{ line: 6, path: 'metadata', message: 'expected a JSON object' }]);
    const tasks = await tasksOf('project=mapping');
    const one = tasks.find((t) => t.uniqueId === 'map-1');
    expect(one).toMatchObject({
      tags: ['a', 'b'],
      metadata: { k: 1, n: [1, 2] },
      params: { attachment: 'one', categories: ['x', 'y'] },
    });
    expect(one?.instruction).toContain('[see](https://example.com)');
    expect(tasks.find((t) => t.uniqueId === 'map-2')?.params.attachment).toBe('multi\nline');
  });

  it('takes a Content-Type with parameters (text/csv; charset=utf-8)', async () => {
    const done = await importBody(
      'type=categorization&project=mapping&mode=partial',
      'attachment,unique_id\nfive,map-5\n',
      'text/csv; charset=utf-8',
    );
    expect(done.body).toMatchObject({ created: 1, failed: 0 });
  });

  it('reads the body as CSV when format=csv says so, whatever the Content-Type', async () => {
    const done = await importBody(
      'type=categorization&project=mapping&mode=partial&format=csv',
      'attachment,unique_id\nfour,map-4\n',
      'application/x-ndjson',
    );
    expect(done.body).toMatchObject({ created: 1, failed: 0 });
  });
});

describe('POST /api/tasks/import with NDJSON', () => {
  it('partial: creates good lines, reports bad JSON, bad params, a bad batch and missing files', async () => {
    const attachment = await uploadFile('one.png');
    const body = [
      JSON.stringify({ attachment: 'ok 1', unique_id: 'nd-1' }),
      '{"attachment": oops',
      '',
      JSON.stringify({ attachment: 'bad', categories: 'a' }),
      JSON.stringify({ attachment: 'no batch', batch: 'nope' }),
      JSON.stringify({ attachment, attachment_type: 'image', unique_id: 'nd-file' }),
      JSON.stringify({ attachment: 'groundwork://files/0123456789abcdef01234567', attachment_type: 'image' }),
      JSON.stringify({ attachment: 'ok 2', unique_id: 'nd-1' }),
    ].join('\n');
    const done = await importBody(
      'type=categorization&project=ndjson&mode=partial',
      body,
      'application/x-ndjson',
    );
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ created: 2, skipped: 0, failed: 5 });
    const problems = done.body.problems as Body[];
    expect(problems.map((p) => [p.line, p.path])).toEqual([
      [2, ''],
      [4, 'categories'],
      [5, 'batch'],
      [7, 'attachment'],
      [8, 'unique_id'],
    ]);
    expect(problems[0]?.message).toContain('not valid JSON');
    expect(problems[2]?.message).toBe('no batch named "nope"');
    const created = await api('GET', `/tasks/${done.body.lastTaskId}`);
    expect(created.body).toMatchObject({ uniqueId: 'nd-file', params: { attachment } });
  });

  it('all or nothing with onDuplicate=skip: existing unique_ids are skipped, the rest created', async () => {
    const done = await importBody(
      'type=categorization&project=ndjson&onDuplicate=skip',
      ndjson([
        { attachment: 'again', unique_id: 'nd-1' },
        { attachment: 'new', unique_id: 'nd-2' },
        { attachment: 'new again', unique_id: 'nd-2' },
      ]),
      'application/x-ndjson',
    );
    expect(done.body).toMatchObject({ created: 1, skipped: 2, failed: 0 });
    const again = await importBody(
      'type=categorization&project=ndjson&onDuplicate=skip',
      ndjson([{ attachment: 'x', unique_id: 'nd-2' }]),
      'application/x-ndjson',
    );
    expect(again.body).toMatchObject({ created: 0, skipped: 1 });
  });

  it('partial with test keys: test tasks complete at creation', async () => {
    await api(
      'POST',
      '/projects',
      { name: 'test-env', type: 'categorization', params: { categories: ['a'] } },
      org.testKey,
    );
    const done = await importBody(
      'type=categorization&project=test-env&mode=partial',
      ndjson([{ attachment: 'one' }, { attachment: 'two' }]),
      'application/x-ndjson',
      org.testKey,
    );
    expect(done.body).toMatchObject({ created: 2, failed: 0 });
    const task = await api('GET', `/tasks/${done.body.firstTaskId}`, undefined, org.testKey);
    expect(task.body.status).toBe('completed');
  });

  it('partial imports of more rows than a chunk create each row once, across chunks', async () => {
    const bodies: unknown[] = Array.from({ length: 4500 }, (_, i) => ({
      attachment: `t ${i}`,
      unique_id: `chunk-${i}`,
    }));
    bodies[2999] = { attachment: 'bad', priority: -1 };
    const done = await importBody(
      'type=categorization&project=chunks&mode=partial',
      ndjson(bodies),
      'application/x-ndjson',
    );
    expect(done.body).toMatchObject({
      created: 4499,
      failed: 1,
      problems: [{ line: 3000, path: 'priority' }],
    });
    expect((await api('GET', '/tasks?project=chunks&limit=1')).body.total).toBe(4499);
    const rerun = await importBody(
      'type=categorization&project=chunks&mode=partial&onDuplicate=skip',
      ndjson(bodies),
      'application/x-ndjson',
    );
    expect(rerun.body).toMatchObject({ created: 0, skipped: 4499, failed: 1 });
  });

  it('lists at most 1,000 problems but counts every bad row', async () => {
    const bodies = Array.from({ length: 1200 }, () => ({ categories: ['a'] }));
    const done = await importBody(
      'type=categorization&project=chunks&mode=partial',
      ndjson(bodies),
      'application/x-ndjson',
    );
    expect(done.body.failed).toBe(1200);
    expect(done.body.problems).toHaveLength(1000);
    expect(done.body.problems[999].line).toBe(1000);
  });

  it('needs the manager role', async () => {
    expect(
      (
        await importBody(
          'type=categorization&project=csv&mode=partial',
          'attachment\nx\n',
          'text/csv',
          'live_nope',
        )
      ).status,
    ).toBe(401);
  });
});
