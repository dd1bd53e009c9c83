import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runGroundwork, tempDataDir } from './helpers.ts';
import { type ImportServer, importCli, startImportServer } from './import-server.ts';

let server: ImportServer;
const data = tempDataDir();

beforeAll(async () => {
  server = await startImportServer();
  for (const name of ['receipts', 'clean', 'resumed', 'lines', 'piped']) {
    const created = await server.api('POST', '/projects', {
      name,
      type: 'categorization',
      params: { categories: ['food', 'travel'] },
    });
    expect(created.status).toBe(200);
  }
  await server.api('POST', '/batches', { project: 'receipts', name: 'week-12' });
});

afterAll(async () => {
  await server.close();
  data.remove();
});

function file(name: string, text: string): string {
  const path = join(data.dir, name);
  writeFileSync(path, text);
  return path;
}

async function uniqueIds(project: string): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | null = null;
  do {
    const page: { body: { items: Array<{ uniqueId: string }>; nextCursor: string | null } } =
      await server.api(
        'GET',
        `/tasks?project=${project}&limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      );
    ids.push(...page.body.items.map((t) => t.uniqueId));
    cursor = page.body.nextCursor;
  } while (cursor);
  return ids.sort();
}

const importRequests = () => server.requests.filter((r) => r.url.startsWith('/api/tasks/import')).length;

describe('groundwork import of a CSV with broken rows', () => {
  const csv = [
    'attachment,unique_id,categories,metadata.source',
    'receipt 1,r-1,,scan',
    'receipt 2,r-2,"[""food"", oops]",scan', // line 3: not JSON
    ',r-3,,scan', // line 4: no attachment
    'receipt 4,r-4,"[""food"",""food""]",scan', // line 5: duplicate category
    '"receipt',
    'five",r-5,,scan', // lines 6-7: one record
    'receipt 6,r-6,,scan',
    '',
  ].join('\n');

  it('imports the good rows, reports each bad one by line, writes the JSON report and exits 1', async () => {
    const input = file('receipts.csv', csv);
    const reportFile = join(data.dir, 'report.json');
    const run = await importCli(server, [
      'import',
      input,
      '--project',
      'receipts',
      '--batch',
      'week-12',
      '--chunk-size',
      '2',
      '--report',
      reportFile,
    ]);
    expect(run.code).toBe(1);
    const lines = run.stdout.trim().split('\n');
    expect(lines[0]).toBe(`${input} → project "receipts" (tasks): created 3, skipped 0, failed 3`);
    expect(lines[1]).toMatch(/^ {2}line 3: categories: not valid JSON/);
    expect(lines[2]).toMatch(/^ {2}line 4: attachment: /);
    expect(lines[3]).toBe('  line 5: categories.1: duplicate category "food"');
    expect(lines).toHaveLength(4);
    expect(run.stderr).toContain('error: 3 row(s) or image(s) were not imported');
    expect(run.stderr).toContain('imported 2 rows');
    expect(await uniqueIds('receipts')).toEqual(['r-1', 'r-5', 'r-6']);
    const report = JSON.parse(readFileSync(reportFile, 'utf8'));
    expect(report).toMatchObject({ created: 3, skipped: 0, failed: 3, format: 'csv', as: 'tasks' });
    expect(report.problems.map((p: { line: number }) => p.line)).toEqual([3, 4, 5]);
    const task = (await server.api('GET', '/tasks?project=receipts&batch=week-12')).body.items.find(
      (t: { uniqueId: string }) => t.uniqueId === 'r-5',
    );
    expect(task).toMatchObject({ params: { attachment: 'receipt\nfive' }, metadata: { source: 'scan' } });
  });

  it('re-running skips what exists and imports the rows fixed since', async () => {
    const fixed = csv.replace('"[""food"", oops]"', '"[""food""]"');
    const run = await importCli(server, ['import', file('receipts.csv', fixed), '--project', 'receipts']);
    expect(run.stdout.split('\n')[0]).toContain('created 1, skipped 3, failed 2');
    expect(await uniqueIds('receipts')).toEqual(['r-1', 'r-2', 'r-5', 'r-6']);
  });
});

describe('groundwork import of a clean file', () => {
  it('is idempotent: a second run skips every row and exits 0', async () => {
    const rows = Array.from({ length: 25 }, (_, i) => `text ${i},clean-${i}`);
    const input = file('clean.csv', `attachment,unique_id\r\n${rows.join('\r\n')}\r\n`);
    const first = await importCli(server, ['import', input, '--project', 'clean', '--chunk-size', '10']);
    expect(first).toMatchObject({ code: 0 });
    expect(first.stdout).toBe(`${input} → project "clean" (tasks): created 25, skipped 0, failed 0\n`);
    const second = await importCli(server, ['import', input, '--project', 'clean', '--chunk-size', '10']);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('created 0, skipped 25, failed 0');
    expect((await uniqueIds('clean')).length).toBe(25);
  });

  it('reads JSONL, naming bad lines by their line in the file', async () => {
    const input = file(
      'lines.jsonl',
      [
        JSON.stringify({ attachment: 'one', unique_id: 'l-1' }),
        '',
        '{"attachment": ',
        JSON.stringify({ attachment: 'three', unique_id: 'l-3', priority: 'urgent' }),
        JSON.stringify({ attachment: 'four', unique_id: 'l-4' }),
      ].join('\n'),
    );
    const run = await importCli(server, ['import', input, '--type', 'categorization', '--project', 'lines']);
    expect(run.code).toBe(1);
    expect(run.stdout.split('\n').slice(0, 3)).toEqual([
      `${input} → project "lines" (tasks): created 2, skipped 0, failed 2`,
      expect.stringMatching(/^ {2}line 3: not valid JSON/),
      expect.stringMatching(/^ {2}line 4: priority: /),
    ]);
  });
});

describe('groundwork import --resume', () => {
  it('continues after the last completed chunk, creating each row once', async () => {
    const rows = Array.from({ length: 7 }, (_, i) => `resumed ${i},res-${i}`);
    const input = file('resumed.csv', `attachment,unique_id\n${rows.join('\n')}\n`);
    const args = ['import', input, '--project', 'resumed', '--chunk-size', '2'];
    const before = importRequests();
    // The third chunk is created on the server, but its answer never reaches the CLI.
    server.dropAnswer('/api/tasks/import', 3);
    const interrupted = await importCli(server, args);
    expect(interrupted.code).toBe(1);
    expect(interrupted.stderr).toContain('2 chunk(s) were completed; run the same command with --resume');
    const state = JSON.parse(readFileSync(join(data.dir, '.resumed.csv.groundwork-import.json'), 'utf8'));
    expect(state).toMatchObject({ chunksDone: 2, finished: false, totals: { created: 4 } });
    expect(importRequests() - before).toBe(3);

    const resumed = await importCli(server, [...args, '--resume']);
    expect(resumed.code).toBe(0);
    // Chunk 3 is sent again (its rows now exist: skipped), then chunk 4; chunks 1 and 2 are not.
    expect(importRequests() - before).toBe(5);
    expect(resumed.stdout).toContain('created 5, skipped 2, failed 0');
    expect(await uniqueIds('resumed')).toEqual(rows.map((_, i) => `res-${i}`).sort());

    const again = await importCli(server, [...args, '--resume']);
    expect(again.stderr).toContain('already finished');
    expect(importRequests() - before).toBe(5);
  });

  it('refuses to resume when the input changed', async () => {
    const input = file('changing.csv', 'attachment,unique_id\na,ch-1\n');
    await importCli(server, ['import', input, '--project', 'resumed']);
    writeFileSync(input, 'attachment,unique_id\na,ch-1\nb,ch-2\n');
    const run = await importCli(server, ['import', input, '--project', 'resumed', '--resume']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('cannot resume: the input changed');
  });
});

describe('groundwork import usage', () => {
  it('reads the key from GROUNDWORK_API_KEY_FILE when run as a command', async () => {
    const keyFile = join(data.dir, 'key');
    writeFileSync(keyFile, `${server.key}\n`);
    const input = file('piped.jsonl', `${JSON.stringify({ attachment: 'piped', unique_id: 'p-1' })}\n`);
    const run = await runGroundwork(['import', input, '--project', 'piped', '--url', server.url], {
      GROUNDWORK_API_KEY_FILE: keyFile,
    });
    expect(run).toMatchObject({ code: 0, stderr: expect.stringContaining('imported 1 rows') });
    expect(run.stdout).toBe(`${input} → project "piped" (tasks): created 1, skipped 0, failed 0\n`);
    expect(existsSync(join(data.dir, '.piped.jsonl.groundwork-import.json'))).toBe(true);
  });

  it("reports a rejected key with the server's message", async () => {
    const input = file('one.jsonl', `${JSON.stringify({ attachment: 'x' })}\n`);
    const run = await importCli(server, ['import', input, '--project', 'piped', '--key', 'live_wrong']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^error: .*API key/);
  });

  it('says when the server cannot be reached', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const address = closed.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    await new Promise((resolve) => closed.close(resolve));
    const input = file('unreachable.jsonl', `${JSON.stringify({ attachment: 'x' })}\n`);
    const run = await importCli(server, [
      'import',
      input,
      '--project',
      'piped',
      '--url',
      `http://127.0.0.1:${port}`,
    ]);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(`error: cannot reach http://127.0.0.1:${port}: ECONNREFUSED\n`);
  });

  it('is a usage error without a key, a project or a fitting format, and an error for a missing file', async () => {
    const input = file('usage.csv', 'attachment\nx\n');
    const noKey = await runGroundwork(['import', input, '--project', 'piped', '--url', server.url], {
      GROUNDWORK_API_KEY: '',
    });
    expect(noKey).toMatchObject({
      code: 2,
      stderr: 'error: no API key: pass --key or set GROUNDWORK_API_KEY\n',
    });
    expect(await importCli(server, ['import', input])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('pass --project'),
    });
    expect(await importCli(server, ['import', input, '--project', 'piped', '--as', 'gold'])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--as gold needs images with annotations'),
    });
    expect(await importCli(server, ['import', file('x.zip', 'PK'), '--project', 'piped'])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('unpack the archive first'),
    });
    const missing = await importCli(server, ['import', join(data.dir, 'missing.csv'), '--project', 'piped']);
    expect(missing).toMatchObject({ code: 1, stderr: expect.stringContaining('ENOENT') });
  });

  it('explains the formats and the state file in --help', async () => {
    const help = await importCli(server, ['import', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('.<input name>.groundwork-import.json');
    expect(help.stdout).toContain('--resume');
    expect(help.stdout).toContain('labelstudio');
  });
});
