/** Test helpers: run the real `groundwork` executable as a child process over a temporary data directory. */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The CLI's entry point. */
export const BIN = join(dirname(fileURLToPath(import.meta.url)), '../src/bin.ts');

/** What a finished CLI run left behind. */
export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `groundwork <args>` with Node 24 (the running Node) and the given extra environment. */
export function runGroundwork(args: string[], env: Record<string, string> = {}): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      env: { ...process.env, GROUNDWORK_LOG_LEVEL: 'silent', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** A temporary data directory, removed by the returned function. */
export function tempDataDir(): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'gw-cli-test-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
