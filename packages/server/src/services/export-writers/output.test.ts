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
