import { writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runGroundwork, tempDataDir } from './helpers.ts';

// The server's bulk endpoint is specified as POST /api/tasks/import?type&project&batch with an NDJSON body,
// answering {created} or {code, message, details: [{path: 'line N', message}]}. This stand-in answers
// like that, so the client side is tested on its own.
interface Received {
  method: string | undefined;
  url: string | undefined;
  headers: IncomingMessage['headers'];
  body: string;
}

const received: Received[] = [];
let server: Server;
let baseUrl = '';
const data = tempDataDir();
const KEY = 'live_0123456789abcdef0123456789abcdef0123456789abcdef';

beforeAll(async () => {
  server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    received.push({ method: req.method, url: req.url, headers: req.headers, body });
    res.setHeader('content-type', 'application/json');
    if (req.headers.authorization !== `Bearer ${KEY}`) {
      res.statusCode = 401;
      res.end(JSON.stringify({ code: 'unauthorized', message: 'The API key is not valid.', details: [] }));
      return;
    }
    const lines = body.split('\n').filter((l) => l.trim() !== '');
    const errors: Array<{ path: string; message: string }> = [];
    lines.forEach((line, index) => {
      try {
        const task = JSON.parse(line) as Record<string, unknown>;
        if (typeof task.attachment !== 'string')
          errors.push({ path: `line ${index + 1}`, message: 'attachment: required' });
      } catch {
        errors.push({ path: `line ${index + 1}`, message: 'not valid JSON' });
      }
    });
    if (errors.length > 0) {
      res.statusCode = 400;
      res.end(
        JSON.stringify({
          code: 'invalid_request',
          message: `${errors.length} line(s) were rejected; nothing was imported.`,
          details: errors,
        }),
      );
      return;
    }
    res.end(JSON.stringify({ created: lines.length }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  data.remove();
});

function ndjson(name: string, lines: string[]): string {
  const file = join(data.dir, name);
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

describe('groundwork import', () => {
  it('streams the file to the bulk endpoint and prints the count', async () => {
    const file = ndjson('good.ndjson', [
      JSON.stringify({ attachment: 'https://example.com/1.jpg', categories: ['a', 'b'] }),
      JSON.stringify({ attachment: 'https://example.com/2.jpg', categories: ['a', 'b'] }),
      JSON.stringify({ attachment: 'https://example.com/3.jpg', categories: ['a', 'b'] }),
    ]);
    const run = await runGroundwork(
      ['import', file, '--type', 'categorization', '--project', 'p 1', '--batch', 'b1', '--url', baseUrl],
      {
        GROUNDWORK_API_KEY: KEY,
      },
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ created: 3 });
    const request = received.at(-1);
    expect(request?.method).toBe('POST');
    expect(request?.url).toBe('/api/tasks/import?type=categorization&project=p+1&batch=b1');
    expect(request?.headers['content-type']).toBe('application/x-ndjson');
    expect(request?.headers['transfer-encoding']).toBe('chunked');
    expect(request?.body.split('\n').filter(Boolean)).toHaveLength(3);
  });

  it("prints the server's message and each rejected line, and exits 1", async () => {
    const file = ndjson('bad.ndjson', [
      JSON.stringify({ attachment: 'https://example.com/1.jpg' }),
      JSON.stringify({ categories: ['a'] }),
      '{not json',
    ]);
    const run = await runGroundwork([
      'import',
      file,
      '--type',
      'categorization',
      '--url',
      baseUrl,
      '--key',
      KEY,
    ]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      'error: 2 line(s) were rejected; nothing was imported.\n  line 2: attachment: required\n  line 3: not valid JSON\n',
    );
  });

  it('reports a rejected key', async () => {
    const file = ndjson('one.ndjson', [JSON.stringify({ attachment: 'x' })]);
    const run = await runGroundwork([
      'import',
      file,
      '--type',
      'categorization',
      '--url',
      baseUrl,
      '--key',
      'live_wrong',
    ]);
    expect(run).toMatchObject({ code: 1, stderr: 'error: The API key is not valid.\n' });
  });

  it('reads the key from GROUNDWORK_API_KEY_FILE', async () => {
    const keyFile = join(data.dir, 'key');
    writeFileSync(keyFile, `${KEY}\n`);
    const file = ndjson('file-key.ndjson', [JSON.stringify({ attachment: 'x' })]);
    const run = await runGroundwork(['import', file, '--type', 'categorization', '--url', baseUrl], {
      GROUNDWORK_API_KEY_FILE: keyFile,
    });
    expect(run).toMatchObject({ code: 0, stdout: '{"created":1}\n' });
  });

  it('says when the server cannot be reached', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const address = closed.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    await new Promise((resolve) => closed.close(resolve));
    const file = ndjson('unreachable.ndjson', [JSON.stringify({ attachment: 'x' })]);
    const run = await runGroundwork([
      'import',
      file,
      '--type',
      'categorization',
      '--url',
      `http://127.0.0.1:${port}`,
      '--key',
      KEY,
    ]);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(`error: cannot reach http://127.0.0.1:${port}: ECONNREFUSED\n`);
  });

  it('is a usage error without a key, and an error for a missing file', async () => {
    const noKey = await runGroundwork(['import', 'x.ndjson', '--type', 'categorization', '--url', baseUrl], {
      GROUNDWORK_API_KEY: '',
    });
    expect(noKey).toMatchObject({
      code: 2,
      stderr: 'error: no API key: pass --key or set GROUNDWORK_API_KEY\n',
    });
    const missing = await runGroundwork([
      'import',
      join(data.dir, 'missing.ndjson'),
      '--type',
      'categorization',
      '--key',
      KEY,
    ]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('ENOENT');
  });
});
