/** Secrets of the CLI's own settings: from `NAME`, or from the file named by `NAME_FILE`. */
import { readFileSync } from 'node:fs';
import { CliError } from './errors.ts';

/** The value of `name`, else the first line of the file `name_FILE` points to, else undefined. */
export function readSecret(env: Record<string, string | undefined>, name: string): string | undefined {
  const direct = env[name];
  if (direct) return direct;
  const file = env[`${name}_FILE`];
  if (!file) return undefined;
  try {
    return readFileSync(file, 'utf8').split(/\r?\n/, 1)[0]?.trim() || undefined;
  } catch (error) {
    throw new CliError(`${name}_FILE: cannot read ${file}: ${(error as Error).message}`);
  }
}
