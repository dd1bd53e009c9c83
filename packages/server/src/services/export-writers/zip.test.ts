import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import type { ByteSink } from './output.ts';
import { ZipSink } from './zip.ts';

/** A sink collecting everything written. */
function collector(): ByteSink & { bytes(): Uint8Array } {
  const chunks: Buffer[] = [];
  return {
    async write(chunk) {
      chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk));
    },
    bytes: () => new Uint8Array(Buffer.concat(chunks)),
  };
}

async function* chunks(...parts: string[]): AsyncIterable<Uint8Array> {
  for (const part of parts) yield Buffer.from(part);
}

const MTIME = new Date('2026-03-04T05:06:08.000Z');
const tmp = mkdtempSync(join(tmpdir(), 'gw-zip-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function archive(build: (zip: ZipSink) => Promise<void>): Promise<Uint8Array> {
  const out = collector();
  const zip = new ZipSink(out, MTIME, tmp);
  await build(zip);
  await zip.end();
  return out.bytes();
}

describe('ZipSink', () => {
  it('writes whole and streamed entries that unzip to their content', async () => {
    const bytes = await archive(async (zip) => {
      await zip.file('a.txt', 'héllo\n');
      await zip.stream('dir/b.csv', chunks('x,y\n', '1,2\n'));
      await zip.file('empty.txt', '');
    });
    const entries = unzipSync(bytes);
    expect(Object.keys(entries)).toEqual(['a.txt', 'dir/b.csv', 'empty.txt']);
    // The spooled central directory is gone once the archive is complete.
    expect(readdirSync(tmp)).toEqual([]);
    expect(Buffer.from(entries['a.txt'] ?? []).toString()).toBe('héllo\n');
    expect(Buffer.from(entries['dir/b.csv'] ?? []).toString()).toBe('x,y\n1,2\n');
    expect(entries['empty.txt']).toHaveLength(0);
  });

  it('gives the same bytes for the same content (a fixed modification time)', async () => {
    const build = async (zip: ZipSink) => {
      await zip.file('a.txt', 'same');
      await zip.stream('b.txt', chunks('also ', 'same'));
    };
    const first = await archive(build);
    await new Promise((r) => setTimeout(r, 1100)); // a different second on the clock
    expect(Buffer.compare(Buffer.from(first), Buffer.from(await archive(build)))).toBe(0);
  });

  it('streams a large entry in several compressed pieces that form one stream', async () => {
    const big = 'line of text\n'.repeat(200_000);
    const bytes = await archive(async (zip) => {
      await zip.stream('big.txt', chunks(big.slice(0, 1_000_000), big.slice(1_000_000), ''));
    });
    expect(bytes.length).toBeLessThan(big.length / 10);
    expect(Buffer.from(unzipSync(bytes)['big.txt'] ?? []).toString()).toBe(big);
  });

  it('is an empty archive (just the end record) without entries', async () => {
    const bytes = await archive(async () => {});
    expect(bytes).toHaveLength(22);
    expect(unzipSync(bytes)).toEqual({});
  });

  it('writes a ZIP64 end record beyond 65,535 entries, so every entry is found', async () => {
    const count = 65_540;
    const bytes = await archive(async (zip) => {
      for (let i = 0; i < count; i++) await zip.file(`labels/${i}.txt`, i === count - 1 ? 'last' : '');
    });
    const entries = unzipSync(bytes);
    expect(Object.keys(entries)).toHaveLength(count);
    expect(Buffer.from(entries[`labels/${count - 1}.txt`] ?? []).toString()).toBe('last');
    const view = Buffer.from(bytes);
    // The first local header, with its fixed DOS time (05:06:08 UTC on 2026-03-04).
    expect(view.readUInt32LE(0)).toBe(0x04034b50);
    expect(view.readUInt16LE(10)).toBe((5 << 11) | (6 << 5) | 4);
    expect(view.readUInt16LE(12)).toBe(((2026 - 1980) << 9) | (3 << 5) | 4);
    // ZIP64 end record, then its locator, then the classic end record with 0xFFFF counts.
    expect(view.readUInt32LE(view.length - 22 - 20 - 56)).toBe(0x06064b50);
    expect(Number(view.readBigUInt64LE(view.length - 22 - 20 - 56 + 32))).toBe(count);
    expect(view.readUInt32LE(view.length - 22 - 20)).toBe(0x07064b50);
    expect(view.readUInt16LE(view.length - 22 + 10)).toBe(0xffff);
  }, 120_000);
});
