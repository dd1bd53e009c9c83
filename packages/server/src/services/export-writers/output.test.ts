import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type ByteSink, ChunkBuffer, drainSpool, Spool, StreamSink } from './output.ts';

function collector(): ByteSink & { chunks: Buffer[] } {
  const chunks: Buffer[] = [];
  return {
    chunks,
    async write(chunk) {
      chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk));
    },
  };
}

describe('ChunkBuffer', () => {
  it('hands on chunks no larger than its size, never splitting a string, in order', async () => {
    const out = collector();
    const buffer = new ChunkBuffer(out, 16);
    for (const text of ['abc', 'défg', '😀😀', 'h', 'xyz']) await buffer.push(text);
    await buffer.flush();
    expect(Buffer.concat(out.chunks).toString()).toBe('abcdéfg😀😀hxyz');
    expect(out.chunks.every((c) => c.length <= 16)).toBe(true);
    expect(out.chunks.length).toBeGreaterThan(1);
  });

  it('returns a promise only when it hands a chunk on', async () => {
    const out = collector();
    const buffer = new ChunkBuffer(out, 16);
    expect(buffer.push('abc')).toBeUndefined();
    const handed = buffer.push('0123456789abcdef');
    expect(handed).toBeInstanceOf(Promise);
    await handed;
    await buffer.flush();
    expect(out.chunks.map((c) => c.toString())).toEqual(['abc', '0123456789abcdef']);
  });

  it('refills one chunk for a sink done with it when its write resolves, and never for a queueing sink', async () => {
    const kept: Uint8Array[] = [];
    const consuming: ByteSink = {
      consumesOnWrite: true,
      async write(chunk) {
        kept.push(chunk as Uint8Array);
      },
    };
    const queueing: ByteSink = {
      async write(chunk) {
        kept.push(chunk as Uint8Array);
      },
    };
    for (const sink of [consuming, queueing]) {
      kept.length = 0;
      const buffer = new ChunkBuffer(sink, 16);
      await buffer.push('aaaa');
      await buffer.flush();
      await buffer.push('bbbb');
      await buffer.flush();
      const [first, second] = kept as [Uint8Array, Uint8Array];
      expect(first).toBeInstanceOf(Uint8Array);
      const same = first.buffer === second.buffer && first.byteOffset === second.byteOffset;
      expect(same).toBe(sink === consuming);
    }
  });

  it('passes large byte arrays through without copying them', async () => {
    const out: Uint8Array[] = [];
    const buffer = new ChunkBuffer({ write: async (chunk) => void out.push(chunk as Uint8Array) }, 16);
    const big = Buffer.alloc(12, 1);
    await buffer.push('x');
    await buffer.push(big);
    expect(out[1]).toBe(big);
    expect(Buffer.from(out[0] ?? []).toString()).toBe('x');
  });

  it('writes a string longer than a chunk on its own, and nothing when empty', async () => {
    const out = collector();
    const buffer = new ChunkBuffer(out, 8);
    await buffer.flush();
    expect(out.chunks).toEqual([]);
    await buffer.push('ab');
    await buffer.push('a long string');
    await buffer.flush();
    expect(out.chunks.map((c) => c.toString())).toEqual(['ab', 'a long string']);
  });
});

describe('Spool', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'gw-spool-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('gives back what was written, text and bytes, and deletes its file', async () => {
    const spool = await Spool.create(dir, 'test');
    await spool.write('one,');
    await spool.write(Buffer.from('two,'));
    await spool.write('three');
    const out = collector();
    await drainSpool(spool, out);
    expect(Buffer.concat(out.chunks).toString()).toBe('one,two,three');
    expect(spool.bytes).toBe(13);
    await spool.remove();
    await spool.remove();
    expect(readdirSync(dir)).toEqual([]);
  });

  it('refuses to be read while open, and removes an open spool', async () => {
    const spool = await Spool.create(dir, 'open');
    await spool.write('x');
    expect(() => spool.read()).toThrow(/close the spool/);
    await spool.remove();
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('StreamSink', () => {
  it('waits for the stream to drain and counts bytes', async () => {
    const stream = new PassThrough({ highWaterMark: 4 });
    const sink = new StreamSink(stream);
    const received: Buffer[] = [];
    const written = (async () => {
      await sink.write('abcdef');
      await sink.write('gh');
    })();
    stream.on('data', (chunk: Buffer) => received.push(chunk));
    await written;
    expect(Buffer.concat(received).toString()).toBe('abcdefgh');
    expect(sink.bytes).toBe(8);
  });

  it('fails instead of waiting forever when the stream is destroyed', async () => {
    const stream = new Writable({ highWaterMark: 1, write: () => {} });
    const sink = new StreamSink(stream);
    const pending = sink.write('more than one byte');
    stream.destroy(new Error('upload failed'));
    await expect(pending).rejects.toThrow('upload failed');
    await expect(sink.write('again')).rejects.toThrow('upload failed');
  });
});
