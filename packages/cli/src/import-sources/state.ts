/**
 * The state file of an import, `.<input name>.groundwork-import.json` next to the input: how far the import
 * got (chunks done, counts, problems) so that `--resume` continues after the last completed chunk, and the
 * images already uploaded (by SHA-256) so that no run uploads an image twice.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { ImportProblem } from './types.ts';

/** Counts of an import. */
export interface ImportTotals {
  created: number;
  skipped: number;
  failed: number;
}

/** What an import was run with; a resumed run must be the same import. */
export interface ImportSettings {
  format: string;
  as: string;
  project: string | null;
  type: string;
  batch: string | null;
  goldKind: string;
  chunkSize: number;
}

/** The content of a state file. */
export interface ImportState {
  version: 1;
  /** Digest of the input files' names, sizes and modification times. */
  fingerprint: string;
  settings: ImportSettings;
  /** The server, organization and environment the import went to (uploads are theirs). */
  target: { url: string; org: string; environment: string };
  /** Chunks completed, from the first. */
  chunksDone: number;
  /** Counts of the completed chunks. */
  totals: ImportTotals;
  /** Problems of the completed chunks (the first {@link MAX_STATE_PROBLEMS}). */
  problems: ImportProblem[];
  /** Uploaded images: SHA-256 (hex) → attachment reference. */
  files: Record<string, string>;
  /** Whether the last run got to the end. */
  finished: boolean;
  /** When the state was last written. */
  updatedAt: string;
}

/** Problems a state file keeps at most. */
export const MAX_STATE_PROBLEMS = 10_000;

/** Where the state of an import of `input` (a file or a directory) is kept. */
export function statePath(input: string): string {
  const absolute = resolve(input);
  return join(dirname(absolute), `.${basename(absolute)}.groundwork-import.json`);
}

/** A digest of the input files' paths, sizes and modification times: it changes when the input does. */
export function fingerprint(files: readonly string[]): string {
  const hash = createHash('sha256');
  for (const file of [...files].map((f) => resolve(f)).sort()) {
    const stat = statSync(file);
    hash.update(`${file}\u0000${stat.size}\u0000${stat.mtimeMs}\n`);
  }
  return hash.digest('hex');
}

/** The state in `path`, or undefined when there is none or it is not a state file of this version. */
export function readState(path: string): ImportState | undefined {
  if (!existsSync(path)) return undefined;
  try {
    const state = JSON.parse(readFileSync(path, 'utf8')) as Partial<ImportState>;
    return state.version === 1 && typeof state.chunksDone === 'number' ? (state as ImportState) : undefined;
  } catch {
    return undefined;
  }
}

/** Writes the state atomically (a temporary file renamed over the old one). */
export function writeState(path: string, state: ImportState): void {
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify({ ...state, updatedAt: new Date().toISOString() }, null, 2)}\n`);
  renameSync(temporary, path);
}
