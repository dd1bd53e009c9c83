/**
 * Child-process entry of the export benchmark: a `groundwork worker` (the application's job runner, with
 * the export relay and `export.run` queue, over `DATABASE_URL` and the blob store under
 * `GROUNDWORK_DATA_DIR`), so the export runs in a process of its own whose peak memory is its own. It
 * reports `ready` over IPC, answers `memory` with its peak resident set size (the kernel's, in bytes), its
 * resident size when it started and once ready, the peak of its resident size sampled every 10 ms since
 * the last `mark`, and the CPU time it has used (µs), and exits on `stop` or a closed channel.
 */
import { getHeapSpaceStatistics } from 'node:v8';
import { createJobRunner, databaseOptions, loadConfig, openDatabase } from '@groundwork/server';

const startRss = process.memoryUsage.rss();
const config = loadConfig(process.env);
const db = await openDatabase(databaseOptions(config));
const log = {
  info() {},
  warn(obj: object, msg?: string) {
    process.stderr.write(`${msg ?? ''} ${JSON.stringify(obj)}\n`);
  },
  error(obj: object, msg?: string) {
    process.stderr.write(`${msg ?? ''} ${JSON.stringify(obj, Object.getOwnPropertyNames(obj))}\n`);
  },
};
const runner = createJobRunner({ db, config, log, pollingIntervalSeconds: 0.5 });
await runner.start();
const idleRss = process.memoryUsage.rss();

// RSS sampled every 10 ms since the last `mark`: the peak of a phase (the kernel's peak covers the whole
// process, start included).
let sampledPeak = 0;
let peakBreakdown: Record<string, number> = {};
let sampler: NodeJS.Timeout | undefined;
const sample = () => {
  const rss = process.memoryUsage.rss();
  if (rss <= sampledPeak) return;
  sampledPeak = rss;
  const { heapTotal, heapUsed, external, arrayBuffers } = process.memoryUsage();
  peakBreakdown = { heapTotal, heapUsed, external, arrayBuffers };
  for (const space of getHeapSpaceStatistics()) {
    if (space.space_size > 1024 * 1024) peakBreakdown[space.space_name] = space.space_size;
  }
};

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await runner.stop();
  await db.close();
  process.exit(0);
};
process.on('message', (message: unknown) => {
  if (message === 'stop') void stop();
  if (message === 'mark') {
    clearInterval(sampler);
    sampledPeak = 0;
    sample();
    sampler = setInterval(sample, 10);
    sampler.unref();
  }
  if (message === 'memory') {
    sample();
    process.send?.({
      memory: {
        peakRss: process.resourceUsage().maxRSS * 1024,
        startRss,
        idleRss,
        rss: process.memoryUsage.rss(),
        sampledPeak,
        peakBreakdown,
      },
      cpu: process.cpuUsage(),
    });
  }
});
process.on('disconnect', () => void stop());
process.send?.('ready');
