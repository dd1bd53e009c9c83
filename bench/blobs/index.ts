/**
 * Blob benchmark: what encryption at rest costs when files are stored and read, against the same store
 * without encryption in the same run.
 *
 * Both stores are the filesystem store in a temporary directory (`--dir` to choose where); the encrypted
 * one is the product's `EncryptedBlobStore` with a data key from a key store beside it. Each round writes
 * `--files` files of `--size` bytes (random content, streamed in 64 KiB chunks as uploads arrive), then
 * reads them all back, 8 at a time, alternating which store goes first; the encrypted reads are checked
 * byte for byte. The median of `--rounds` rounds is reported. Figures: MB/s of writes and reads for
 * both, the process's peak RSS, and `ratio` = encrypted ÷ plain read throughput (reads are what annotators
 * and exports wait for; the write ratio is printed too), and MB per CPU-second of each (steadier than wall
 * time on a busy machine). Goal: ratio ≥ 0.5.
 * Flags: `--quick` (4 rounds of 32 files × 1 MiB), `--files N`, `--size BYTES`, `--rounds N`, `--dir DIR`.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { parseArgs } from 'node:util';
import {
  type BlobStore,
  createBlobStore,
  DataKeys,
  EncryptedBlobStore,
  FsKeyStore,
} from '@groundwork/server';

const ORG = '0123456789abcdef01234567';
const CHUNK = 64 * 1024;

function chunks(content: Buffer): Readable {
  const parts: Buffer[] = [];
  for (let at = 0; at < content.length; at += CHUNK) parts.push(content.subarray(at, at + CHUNK));
  return Readable.from(parts);
}

async function mapLimited<T>(items: T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const item = items[next++] as T;
        await fn(item);
      }
    }),
  );
}

async function round(store: BlobStore, label: string, contents: Buffer[], digests: string[]) {
  const keys = contents.map((_, i) => `orgs/${ORG}/files/${label}-${i}`);
  const writeCpu = process.cpuUsage();
  const writeStart = performance.now();
  await mapLimited(
    keys.map((key, i) => ({ key, i })),
    8,
    async ({ key, i }) => {
      await store.put(key, chunks(contents[i] as Buffer), { contentType: 'application/octet-stream' });
    },
  );
  const writeMs = performance.now() - writeStart;
  const writeCpuMs = cpuMs(process.cpuUsage(writeCpu));
  const readCpu = process.cpuUsage();
  const readStart = performance.now();
  await mapLimited(
    keys.map((key, i) => ({ key, i })),
    8,
    async ({ key, i }) => {
      const blob = await store.get(key);
      if (!blob) throw new Error(`${key} is missing`);
      const hash = createHash('sha256');
      for await (const chunk of blob.body) hash.update(chunk as Buffer);
      if (hash.digest('hex') !== digests[i]) throw new Error(`${key} read back different bytes`);
    },
  );
  const readMs = performance.now() - readStart;
  const readCpuMs = cpuMs(process.cpuUsage(readCpu));
  await Promise.all(keys.map((key) => store.delete(key)));
  return { writeMs, readMs, writeCpuMs, readCpuMs };
}

const cpuMs = (usage: NodeJS.CpuUsage) => (usage.user + usage.system) / 1000;

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};

/** Runs the benchmark. */
export async function main(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      quick: { type: 'boolean', default: false },
      files: { type: 'string' },
      size: { type: 'string' },
      rounds: { type: 'string' },
      dir: { type: 'string' },
    },
  });
  const files = Number(values.files ?? (values.quick ? 32 : 64));
  const size = Number(values.size ?? (values.quick ? 1 << 20 : 4 << 20));
  const rounds = Number(values.rounds ?? (values.quick ? 4 : 7));
  const dir = mkdtempSync(join(values.dir ?? tmpdir(), 'gw-bench-blobs-'));
  try {
    const plain = createBlobStore({ kind: 'fs', dir: join(dir, 'plain') });
    const master = randomBytes(32);
    const keys = new DataKeys({ store: new FsKeyStore(join(dir, 'keys')), masterKey: () => master });
    const encrypted = new EncryptedBlobStore(
      createBlobStore({ kind: 'fs', dir: join(dir, 'encrypted') }),
      keys,
    );
    const contents = Array.from({ length: files }, () => randomBytes(size));
    const digests = contents.map((c) => createHash('sha256').update(c).digest('hex'));
    const totalMb = (files * size) / 1e6;
    process.stderr.write(
      `${rounds} rounds of ${files} files × ${size} bytes (${totalMb.toFixed(1)} MB each way)\n`,
    );
    type Round = Awaited<ReturnType<typeof round>>;
    const results = { plain: [] as Round[], encrypted: [] as Round[] };
    let peakRss = process.memoryUsage.rss();
    for (let r = 0; r < rounds; r += 1) {
      const order = r % 2 === 0 ? (['plain', 'encrypted'] as const) : (['encrypted', 'plain'] as const);
      for (const which of order) {
        results[which].push(await round(which === 'plain' ? plain : encrypted, which, contents, digests));
        peakRss = Math.max(peakRss, process.memoryUsage.rss());
      }
      process.stderr.write(`round ${r + 1}/${rounds} done\n`);
    }
    const rate = (ms: number[]) => totalMb / (median(ms) / 1000);
    const figures = {
      plainWriteMBs: rate(results.plain.map((x) => x.writeMs)),
      plainReadMBs: rate(results.plain.map((x) => x.readMs)),
      encryptedWriteMBs: rate(results.encrypted.map((x) => x.writeMs)),
      encryptedReadMBs: rate(results.encrypted.map((x) => x.readMs)),
      // Megabytes per second of this process's CPU time: steadier than wall time on a busy machine.
      plainWriteMBPerCpuS: rate(results.plain.map((x) => x.writeCpuMs)),
      plainReadMBPerCpuS: rate(results.plain.map((x) => x.readCpuMs)),
      encryptedWriteMBPerCpuS: rate(results.encrypted.map((x) => x.writeCpuMs)),
      encryptedReadMBPerCpuS: rate(results.encrypted.map((x) => x.readCpuMs)),
    };
    const writeRatio = figures.encryptedWriteMBs / figures.plainWriteMBs;
    const ratio = figures.encryptedReadMBs / figures.plainReadMBs;
    const cells = (...values: number[]) => values.map((v) => v.toFixed(0).padStart(15)).join('');
    const heads = ['write MB/s', 'read MB/s', 'write MB/cpu-s', 'read MB/cpu-s'];
    console.log(`${'store'.padEnd(10)}${heads.map((h) => h.padStart(15)).join('')}`);
    console.log(
      `${'plain'.padEnd(10)}${cells(figures.plainWriteMBs, figures.plainReadMBs, figures.plainWriteMBPerCpuS, figures.plainReadMBPerCpuS)}`,
    );
    console.log(
      `${'encrypted'.padEnd(10)}${cells(figures.encryptedWriteMBs, figures.encryptedReadMBs, figures.encryptedWriteMBPerCpuS, figures.encryptedReadMBPerCpuS)}`,
    );
    console.log(
      `read ratio ${ratio.toFixed(3)} (goal ≥ 0.5), write ratio ${writeRatio.toFixed(3)}, peak RSS ${(peakRss / 2 ** 20).toFixed(0)} MiB`,
    );
    console.log(
      JSON.stringify({
        files,
        size,
        rounds,
        ...Object.fromEntries(Object.entries(figures).map(([k, v]) => [k, Math.round(v)])),
        writeRatio: Number(writeRatio.toFixed(3)),
        peakRssMiB: Math.round(peakRss / 2 ** 20),
        ratio: Number(ratio.toFixed(3)),
      }),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
