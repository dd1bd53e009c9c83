/** Reading a whole JSON annotation file, with an error that says which file and why. */
import { readFileSync } from 'node:fs';
import { CliError } from '../errors.ts';

/** The parsed content of a JSON file; a CliError naming the file when it cannot be read or is not JSON. */
export function readJsonFile(file: string, what: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new CliError(
      `cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
    );
  }
  try {
    return JSON.parse(text.startsWith('\ufeff') ? text.slice(1) : text);
  } catch (error) {
    throw new CliError(`${file} is not a ${what} file: not valid JSON (${(error as Error).message})`);
  }
}
