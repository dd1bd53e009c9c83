import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Readable } from 'node:stream';
import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  classifyAddress,
  FetchRedirectError,
  FetchTimeoutError,
  FetchTooLargeError,
  type SafeFetchOptions,
  SsrfBlockedError,
  safeFetch,
} from './index.ts';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

let server: Server;
let port: number;
let handler: Handler;
let connections = 0;
let requests: { method: string | undefined; url: string | undefined; headers: IncomingMessage['headers'] }[] =
  [];

beforeAll(async () => {
  server = createServer((req, res) => {
    requests.push({ method: req.method, url: req.url, headers: req.headers });
    handler(req, res);
  });
  server.on('connection', () => {
    connections++;
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

afterEach(() => {
  server.closeAllConnections();
  connections = 0;
  requests = [];
  handler = (_req, res) => res.end('ok');
});

const base: SafeFetchOptions = { allowPrivate: false, maxBytes: 1024 * 1024, timeoutMs: 2000 };
const privateOk: SafeFetchOptions = { ...base, allowPrivate: true };

async function text(body: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of body) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

describe('safeFetch refuses non-public addresses before connecting', () => {
  it.each([
    ['127.0.0.1', () => `http://127.0.0.1:${port}/secret`, 'loopback'],
    ['localhost', () => `http://localhost:${port}/secret`, 'loopback'],
    ['[::1]', () => `http://[::1]:${port}/secret`, 'loopback'],
    ['10.0.0.1', () => 'http://10.0.0.1/secret', 'private'],
    ['169.254.169.254', () => 'http://169.254.169.254/latest/meta-data/', 'linkLocal'],
    ['0.0.0.0', () => `http://0.0.0.0:${port}/secret`, 'unspecified'],
    ['::ffff:127.0.0.1', () => `http://[::ffff:127.0.0.1]:${port}/secret`, 'IPv4-mapped loopback'],
    ['decimal 127.0.0.1', () => `http://2130706433:${port}/secret`, 'loopback'],
    ['100.64.0.1 (CGNAT)', () => 'http://100.64.0.1/', 'carrierGradeNat'],
    ['fd00::1', () => 'http://[fd00::1]/', 'uniqueLocal'],
    ['224.0.0.1', () => 'http://224.0.0.1/', 'multicast'],
  ])('%s', async (_label, url, description) => {
    const error = await safeFetch(url(), base).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SsrfBlockedError);
    expect((error as Error).message).toMatch(/^refusing to fetch http:\/\/.+: address .+ is /);
    expect((error as Error).message).toContain(`is ${description}`);
    expect(connections).toBe(0);
    expect(requests).toHaveLength(0);
  });

  it('names the refused address in the message', async () => {
    await expect(safeFetch(`http://127.0.0.1:${port}/x?token=abc`, base)).rejects.toThrow(
      `refusing to fetch http://127.0.0.1:${port}/x?…: address 127.0.0.1 is loopback`,
    );
  });

  it('refuses a host when any of its addresses is private (DNS rebinding)', async () => {
    const resolveHost = async () => ['8.8.8.8', '127.0.0.1'];
    const error = await safeFetch(`http://rebind.test:${port}/`, { ...base, resolveHost }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(SsrfBlockedError);
    expect((error as SsrfBlockedError).address).toBe('127.0.0.1');
    expect(connections).toBe(0);
  });

  it('connects only to the vetted addresses, never resolving the host a second time', async () => {
    const lookups: string[] = [];
    const resolveHost = async (hostname: string) => {
      lookups.push(hostname);
      return lookups.length === 1 ? ['127.0.0.1'] : ['10.0.0.1'];
    };
    const response = await safeFetch(`http://files.test:${port}/a`, { ...privateOk, resolveHost });
    expect(await text(response.body)).toBe('ok');
    expect(lookups).toEqual(['files.test']);
    expect(requests[0]?.headers.host).toBe(`files.test:${port}`);
  });

  it.each([
    'file:///etc/passwd',
    'ftp://example.com/x',
    'gopher://127.0.0.1/',
    'data:text/plain,hi',
    'not a url',
  ])('refuses %s', async (url) => {
    await expect(safeFetch(url, privateOk)).rejects.toBeInstanceOf(SsrfBlockedError);
  });
});

describe('safeFetch with allowPrivate', () => {
  it('fetches from loopback and reports status, headers, content type and final URL', async () => {
    handler = (_req, res) => {
      res.setHeader('content-type', 'text/csv');
      res.setHeader('x-extra', 'yes');
      res.end('a,b\n1,2\n');
    };
    const response = await safeFetch(`http://127.0.0.1:${port}/data.csv`, privateOk);
    expect(response.status).toBe(200);
    expect(response.contentType).toBe('text/csv');
    expect(response.headers['x-extra']).toBe('yes');
    expect(response.finalUrl).toBe(`http://127.0.0.1:${port}/data.csv`);
    expect(await text(response.body)).toBe('a,b\n1,2\n');
  });

  it('fetches through localhost', async () => {
    const response = await safeFetch(`http://localhost:${port}/`, privateOk);
    expect(await text(response.body)).toBe('ok');
  });

  it('sends method, headers and body', async () => {
    let received = '';
    handler = (req, res) => {
      req.setEncoding('utf8');
      req.on('data', (chunk: string) => {
        received += chunk;
      });
      req.on('end', () => res.end('done'));
    };
    const response = await safeFetch(`http://127.0.0.1:${port}/hook`, {
      ...privateOk,
      method: 'post',
      headers: { 'Content-Type': 'application/json', 'X-Signature': 'abc' },
      body: '{"task_id":"t1"}',
    });
    expect(await text(response.body)).toBe('done');
    expect(received).toBe('{"task_id":"t1"}');
    expect(requests[0]?.method).toBe('POST');
    expect(requests[0]?.headers['x-signature']).toBe('abc');
    expect(requests[0]?.headers['content-length']).toBe('16');
  });

  it('returns non-2xx responses as they are', async () => {
    handler = (_req, res) => {
      res.statusCode = 404;
      res.end('missing');
    };
    const response = await safeFetch(`http://127.0.0.1:${port}/`, privateOk);
    expect(response.status).toBe(404);
    expect(await text(response.body)).toBe('missing');
  });

  it('reports a refused connection as a network error', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const closedPort = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    await expect(safeFetch(`http://127.0.0.1:${closedPort}/`, privateOk)).rejects.toMatchObject({
      name: 'FetchNetworkError',
    });
  });
});

describe('safeFetch limits', () => {
  it('refuses a declared Content-Length over maxBytes', async () => {
    handler = (_req, res) => {
      res.setHeader('content-length', '2048');
      res.end(Buffer.alloc(2048));
    };
    await expect(
      safeFetch(`http://127.0.0.1:${port}/`, { ...privateOk, maxBytes: 1000 }),
    ).rejects.toBeInstanceOf(FetchTooLargeError);
  });

  it('fails the body stream once a chunked body passes maxBytes', async () => {
    handler = (_req, res) => {
      res.write(Buffer.alloc(600));
      res.write(Buffer.alloc(600));
      res.end();
    };
    const response = await safeFetch(`http://127.0.0.1:${port}/`, { ...privateOk, maxBytes: 1000 });
    await expect(text(response.body)).rejects.toBeInstanceOf(FetchTooLargeError);
  });

  it('accepts a body of exactly maxBytes', async () => {
    handler = (_req, res) => res.end(Buffer.alloc(1000, 'a'));
    const response = await safeFetch(`http://127.0.0.1:${port}/`, { ...privateOk, maxBytes: 1000 });
    expect((await text(response.body)).length).toBe(1000);
  });

  it('times out when the server does not answer', async () => {
    handler = () => {};
    const error = await safeFetch(`http://127.0.0.1:${port}/`, { ...privateOk, timeoutMs: 150 }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(FetchTimeoutError);
    expect((error as Error).message).toBe(`fetching http://127.0.0.1:${port}/ did not finish within 150 ms`);
  });

  it('times out when the body stalls after the headers', async () => {
    handler = (_req, res) => {
      res.write('partial');
    };
    const response = await safeFetch(`http://127.0.0.1:${port}/`, { ...privateOk, timeoutMs: 150 });
    await expect(text(response.body)).rejects.toBeInstanceOf(FetchTimeoutError);
  });

  it('times out when name resolution hangs', async () => {
    const resolveHost = () => new Promise<string[]>(() => {});
    await expect(
      safeFetch('http://slow-dns.test/', { ...privateOk, timeoutMs: 100, resolveHost }),
    ).rejects.toBeInstanceOf(FetchTimeoutError);
  });
});

describe('safeFetch redirects', () => {
  /** Allows exactly 127.0.0.1 without opening every private address. */
  const onlyThisHost: SafeFetchOptions = { ...base, allowCidrs: ['127.0.0.1/32'] };

  it('follows up to three redirects, re-vetting each hop', async () => {
    handler = (req, res) => {
      const hop = Number(req.url?.slice(1));
      if (hop < 3) {
        res.statusCode = 302;
        res.setHeader('location', `/${hop + 1}`);
        res.end();
      } else {
        res.end(`arrived after ${hop}`);
      }
    };
    const response = await safeFetch(`http://127.0.0.1:${port}/0`, onlyThisHost);
    expect(await text(response.body)).toBe('arrived after 3');
    expect(response.finalUrl).toBe(`http://127.0.0.1:${port}/3`);
  });

  it('gives up after three redirects', async () => {
    handler = (req, res) => {
      res.statusCode = 301;
      res.setHeader('location', `${req.url}x`);
      res.end();
    };
    await expect(safeFetch(`http://127.0.0.1:${port}/`, onlyThisHost)).rejects.toBeInstanceOf(
      FetchRedirectError,
    );
    expect(requests).toHaveLength(4);
  });

  it.each([
    ['cloud metadata', 'http://169.254.169.254/latest/meta-data/iam/', 'linkLocal'],
    ['another loopback address', 'http://127.0.0.2/', 'loopback'],
    ['a private network', 'http://192.168.1.1/admin', 'private'],
    ['IPv6 loopback', 'http://[::1]/', 'loopback'],
  ])('refuses a redirect to %s', async (_label, location, description) => {
    handler = (_req, res) => {
      res.statusCode = 307;
      res.setHeader('location', location);
      res.end();
    };
    const error = await safeFetch(`http://127.0.0.1:${port}/start`, onlyThisHost).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SsrfBlockedError);
    expect((error as Error).message).toContain(`is ${description}`);
    expect(requests).toHaveLength(1);
  });

  it('refuses a redirect to a non-http scheme', async () => {
    handler = (_req, res) => {
      res.statusCode = 302;
      res.setHeader('location', 'file:///etc/passwd');
      res.end();
    };
    await expect(safeFetch(`http://127.0.0.1:${port}/`, privateOk)).rejects.toBeInstanceOf(SsrfBlockedError);
  });

  it('turns a POST into a GET on 303 and keeps method and body on 307', async () => {
    const seen: string[] = [];
    handler = (req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => {
        body += chunk.toString();
      });
      req.on('end', () => {
        seen.push(`${req.method} ${req.url} ${body}`);
        if (req.url === '/a') {
          res.statusCode = 303;
          res.setHeader('location', '/b');
        } else if (req.url === '/c') {
          res.statusCode = 307;
          res.setHeader('location', '/d');
        }
        res.end();
      });
    };
    await text(
      (await safeFetch(`http://127.0.0.1:${port}/a`, { ...privateOk, method: 'POST', body: 'x' })).body,
    );
    await text(
      (await safeFetch(`http://127.0.0.1:${port}/c`, { ...privateOk, method: 'POST', body: 'y' })).body,
    );
    expect(seen).toEqual(['POST /a x', 'GET /b ', 'POST /c y', 'POST /d y']);
  });

  it('does not forward credentials to another origin', async () => {
    handler = (req, res) => {
      if (req.url === '/start') {
        res.statusCode = 302;
        res.setHeader('location', `http://localhost:${port}/next`);
      }
      res.end();
    };
    const response = await safeFetch(`http://127.0.0.1:${port}/start`, {
      ...privateOk,
      headers: { Authorization: 'Bearer secret', 'X-Keep': 'kept' },
    });
    await text(response.body);
    expect(requests[0]?.headers.authorization).toBe('Bearer secret');
    expect(requests[1]?.headers.authorization).toBeUndefined();
    expect(requests[1]?.headers['x-keep']).toBe('kept');
  });
});

describe('classifyAddress', () => {
  const octet = fc.integer({ min: 0, max: 255 });
  const ipv4 = (first: fc.Arbitrary<number>, second: fc.Arbitrary<number> = octet) =>
    fc.tuple(first, second, octet, octet).map((parts) => parts.join('.'));

  it.each([
    ['every 127.x.y.z', ipv4(fc.constant(127)), 'loopback'],
    ['every 10.x.y.z', ipv4(fc.constant(10)), 'private'],
    ['every 172.16-31.x.y', ipv4(fc.constant(172), fc.integer({ min: 16, max: 31 })), 'private'],
    ['every 192.168.x.y', ipv4(fc.constant(192), fc.constant(168)), 'private'],
    ['every 169.254.x.y', ipv4(fc.constant(169), fc.constant(254)), 'linkLocal'],
    ['every 100.64-127.x.y', ipv4(fc.constant(100), fc.integer({ min: 64, max: 127 })), 'carrierGradeNat'],
    ['every 0.x.y.z', ipv4(fc.constant(0)), 'unspecified'],
    ['every 224-239.x.y.z', ipv4(fc.integer({ min: 224, max: 239 })), 'multicast'],
  ])('refuses %s', (_label, addresses, range) => {
    fc.assert(
      fc.property(addresses, (address) => {
        const verdict = classifyAddress(address);
        expect(verdict).toMatchObject({ allowed: false, range });
        expect(classifyAddress(`::ffff:${address}`)).toMatchObject({ allowed: false, range });
      }),
    );
  });

  it('refuses every unique-local, link-local and multicast IPv6 address', () => {
    const hextet = fc.integer({ min: 0, max: 0xffff });
    const tail = fc.array(hextet, { minLength: 7, maxLength: 7 });
    const ipv6 = (first: fc.Arbitrary<number>) =>
      fc.tuple(first, tail).map(([head, rest]) => [head, ...rest].map((part) => part.toString(16)).join(':'));
    fc.assert(
      fc.property(
        fc.oneof(
          ipv6(fc.integer({ min: 0xfc00, max: 0xfdff })),
          ipv6(fc.integer({ min: 0xfe80, max: 0xfebf })),
          ipv6(fc.integer({ min: 0xff00, max: 0xffff })),
        ),
        (address) => {
          expect(classifyAddress(address).allowed).toBe(false);
        },
      ),
    );
  });

  it('judges an IPv4-mapped IPv6 address like the IPv4 address it embeds', () => {
    fc.assert(
      fc.property(ipv4(octet), (address) => {
        expect(classifyAddress(`::ffff:${address}`).allowed).toBe(classifyAddress(address).allowed);
        expect(classifyAddress(`64:ff9b::${address}`).allowed).toBe(classifyAddress(address).allowed);
      }),
    );
  });

  it('allows public unicast addresses', () => {
    fc.assert(
      fc.property(ipv4(fc.integer({ min: 1, max: 9 })), (address) => {
        expect(classifyAddress(address)).toEqual({ allowed: true, range: 'unicast', description: 'unicast' });
      }),
    );
    for (const address of [
      '8.8.8.8',
      '93.184.216.34',
      '2606:4700:4700::1111',
      '[2a00:1450:4001:82b::200e]',
    ]) {
      expect(classifyAddress(address).allowed).toBe(true);
    }
  });

  it('refuses the special single addresses and ranges', () => {
    for (const address of [
      '::',
      '::1',
      '255.255.255.255',
      '192.0.2.1',
      '198.18.0.1',
      '240.0.0.1',
      '2001:db8::1',
    ]) {
      expect(classifyAddress(address).allowed).toBe(false);
    }
  });

  it('refuses anything that is not an IP address', () => {
    fc.assert(
      fc.property(fc.domain(), (name) => {
        expect(classifyAddress(name)).toMatchObject({ allowed: false, range: 'invalid' });
      }),
    );
    fc.assert(
      fc.property(fc.string(), (input) => {
        if (classifyAddress(input).allowed) expect(input).toMatch(/^\[?[0-9a-fA-F:.]+\]?$/);
      }),
    );
  });
});
