/**
 * Progress of an import on stderr: a bar (cli-progress) at a terminal, one plain line per chunk otherwise
 * (logs, CI), so that the output stays readable wherever it goes.
 */
import type { Writable } from 'node:stream';
import { Presets, SingleBar } from 'cli-progress';
import type { ImportTotals } from './state.ts';

/** Reports an import's progress. */
export interface ImportProgress {
  /** After each chunk: how far along (in `unit`s of `total`), rows sent so far and the counts. */
  update(done: number, rows: number, totals: ImportTotals): void;
  /** Ends the report (clears the bar's line state). */
  stop(): void;
}

const count = (n: number) => n.toLocaleString('en');

/** A progress report on `stream`; `total` is in bytes (CSV, JSONL) or images. */
export function importProgress(stream: Writable, total: number, unit: 'bytes' | 'images'): ImportProgress {
  const tty = (stream as Writable & { isTTY?: boolean }).isTTY === true;
  if (tty) {
    const bar = new SingleBar(
      {
        stream: stream as unknown as NodeJS.WritableStream,
        format:
          unit === 'bytes'
            ? 'importing {bar} {percentage}% | {rows} rows | created {created}, skipped {skipped}, failed {failed}'
            : 'importing {bar} {value}/{total} images | created {created}, skipped {skipped}, failed {failed}',
        hideCursor: true,
      },
      Presets.shades_classic,
    );
    bar.start(Math.max(total, 1), 0, { rows: 0, created: 0, skipped: 0, failed: 0 });
    return {
      update: (done, rows, totals) =>
        bar.update(Math.min(done, Math.max(total, 1)), { rows: count(rows), ...totals }),
      stop: () => bar.stop(),
    };
  }
  return {
    update(done, rows, totals) {
      const where =
        unit === 'bytes'
          ? `${count(rows)} rows (${total > 0 ? Math.floor((100 * done) / total) : 100}%)`
          : `${count(done)}/${count(total)} images`;
      stream.write(
        `imported ${where}: created ${count(totals.created)}, skipped ${count(totals.skipped)}, failed ${count(totals.failed)}\n`,
      );
    },
    stop() {},
  };
}
