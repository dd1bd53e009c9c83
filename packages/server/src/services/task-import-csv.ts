/**
 * CSV bodies of the bulk task import: a streamed parse (csv-parse) into task bodies, one per record, each
 * with the 1-based line it starts on (the header is line 1), so a bad record is reported where the
 * caller's spreadsheet shows it.
 *
 * The header names the fields of each column:
 * - `project`, `batch`, `instruction`, `callback_url`, `unique_id`, `urgency`: the task field, as text;
 * - `priority`: a whole number; `clear_unique_id_on_error`: `true`/`false`;
 * - `tags`: a `;`-separated list;
 * - `metadata`: a JSON object; `metadata.<key>`: one metadata key;
 * - `params.<key>`, or any other column (`attachment`, `categories`, …): a param of the task type.
 *
 * A metadata or param cell that starts with `[` or `{` is parsed as JSON; any other cell is text. An empty
 * cell leaves its field out, so the project's default applies.
 *
 * Records are read by `readCsvRecords` (csv-records.ts: line endings, quotes, blank lines, line numbers);
 * a record that cannot be read — a quoted cell never closed — is reported as a problem of its line
 * instead of failing the body.
 */
import type { Readable } from 'node:stream';
import { COMMON_TASK_FIELD_NAMES } from '@groundwork/domain';
import type { CsvError } from 'csv-parse';
import { ApiError, type ErrorDetail, invalid } from '../errors.ts';
import { NUL_MESSAGE, unstorableJson } from '../lib/nul.ts';
import { readCsvRecords } from './csv-records.ts';
import type { ImportRow } from './tasks.ts';

/** Limits of one CSV body. */
export interface CsvLimits {
  /** Largest body in bytes (413 beyond). */
  maxBytes: number;
  /** Most records after the header (413 beyond). */
  maxLines: number;
}

/** Where a column's cells go in the task body. */
export type CsvColumnTarget =
  | { kind: 'text'; field: string }
  | { kind: 'priority' }
  | { kind: 'boolean'; field: string }
  | { kind: 'tags' }
  | { kind: 'metadata' }
  | { kind: 'metadataKey'; key: string }
  | { kind: 'param'; key: string };

/** A column of the header: its name as written and where its cells go. */
export interface CsvColumn {
  name: string;
  target: CsvColumnTarget;
}

const COMMON = new Set<string>(COMMON_TASK_FIELD_NAMES);
const BOOLEAN_FIELDS = new Set(['clear_unique_id_on_error']);
const BATCH_SIZE = 500;

/**
 * The columns named by a header row. Throws 400 (path `line 1`) for an empty name or two columns that set
 * the same field (`attachment` and `params.attachment`, a name written twice).
 */
export function csvColumns(names: readonly string[]): CsvColumn[] {
  const seen = new Map<string, string>();
  const problems: ErrorDetail[] = [];
  const columns = names.map((raw, index): CsvColumn => {
    const name = raw.trim();
    const target = columnTarget(name);
    if (name === '') problems.push({ path: 'line 1', message: `column ${index + 1} has no name` });
    const key =
      target.kind === 'metadataKey'
        ? `metadata.${target.key}`
        : target.kind === 'param'
          ? target.key
          : target.kind === 'text' || target.kind === 'boolean'
            ? target.field
            : target.kind;
    const previous = seen.get(key);
    if (name !== '' && previous !== undefined) {
      problems.push({
        path: 'line 1',
        message: `column ${JSON.stringify(name)} sets the same field as column ${JSON.stringify(previous)}`,
      });
    }
    seen.set(key, name);
    return { name, target };
  });
  if (problems.length > 0) {
    throw invalid(`The CSV header is not usable: ${problems.map((p) => p.message).join('; ')}.`, problems);
  }
  return columns;
}

function columnTarget(name: string): CsvColumnTarget {
  if (name.startsWith('params.') && name.length > 'params.'.length) {
    return { kind: 'param', key: name.slice('params.'.length) };
  }
  if (name.startsWith('metadata.') && name.length > 'metadata.'.length) {
    return { kind: 'metadataKey', key: name.slice('metadata.'.length) };
  }
  if (name === 'tags') return { kind: 'tags' };
  if (name === 'priority') return { kind: 'priority' };
  if (name === 'metadata') return { kind: 'metadata' };
  if (BOOLEAN_FIELDS.has(name)) return { kind: 'boolean', field: name };
  if (COMMON.has(name)) return { kind: 'text', field: name };
  return { kind: 'param', key: name };
}

/**
 * The task body of one record, or the problems of its cells (path = the column name): a JSON cell that
 * does not parse, a `metadata` cell that is not a JSON object, a NUL character. Empty cells are left out.
 * Values are not validated here; the task type does that when the row is imported.
 */
export function csvTaskBody(
  columns: readonly CsvColumn[],
  cells: readonly string[],
): { body: Record<string, unknown> } | { problems: ErrorDetail[] } {
  const body: Record<string, unknown> = {};
  const metadata: Record<string, unknown> = {};
  let hasMetadata = false;
  const problems: ErrorDetail[] = [];
  columns.forEach((column, index) => {
    const cell = cells[index] ?? '';
    if (cell.trim() === '') return;
    if (cell.includes('\u0000')) {
      problems.push({ path: column.name, message: NUL_MESSAGE });
      return;
    }
    const { target } = column;
    switch (target.kind) {
      case 'text':
        body[target.field] = cell;
        break;
      case 'priority':
        body.priority = /^\s*[+-]?\d+\s*$/.test(cell) ? Number(cell) : cell;
        break;
      case 'boolean': {
        const word = cell.trim().toLowerCase();
        body[target.field] = word === 'true' ? true : word === 'false' ? false : cell;
        break;
      }
      case 'tags':
        body.tags = cell
          .split(';')
          .map((tag) => tag.trim())
          .filter((tag) => tag !== '');
        break;
      case 'metadata': {
        const value = jsonCell(cell);
        if ('problem' in value) problems.push({ path: column.name, message: value.problem });
        else if (!isPlainObject(value.value)) {
          problems.push({ path: column.name, message: 'expected a JSON object' });
        } else {
          Object.assign(metadata, value.value);
          hasMetadata = true;
        }
        break;
      }
      case 'metadataKey': {
        const value = jsonCell(cell);
        if ('problem' in value) problems.push({ path: column.name, message: value.problem });
        else {
          metadata[target.key] = value.value;
          hasMetadata = true;
        }
        break;
      }
      case 'param': {
        const value = jsonCell(cell);
        if ('problem' in value) problems.push({ path: column.name, message: value.problem });
        else body[target.key] = value.value;
        break;
      }
    }
  });
  if (problems.length > 0) return { problems };
  if (hasMetadata) body.metadata = metadata;
  return { body };
}

/** A cell as JSON when it starts with `[` or `{`, else as text. */
function jsonCell(cell: string): { value: unknown } | { problem: string } {
  const trimmed = cell.trim();
  if (!trimmed.startsWith('[') && !trimmed.startsWith('{')) return { value: cell };
  const unstorable = unstorableJson(trimmed);
  if (unstorable) return { problem: unstorable };
  try {
    return { value: JSON.parse(trimmed) };
  } catch (error) {
    return { problem: `not valid JSON: ${(error as Error).message}` };
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Streams the rows of a CSV body in batches: the header (line 1) names the columns (see the module
 * comment), each later record becomes a task body or a row with its problems — cells that are not valid
 * JSON, more or fewer cells than the header, a quoted cell never closed. Records of blank cells only are
 * skipped. Throws 400 for a body without a usable header and 413 beyond the limits; the rest of the body
 * is drained however the reading ends.
 */
export async function* csvImportRows(input: Readable, limits: CsvLimits): AsyncGenerator<ImportRow[]> {
  let columns: CsvColumn[] | undefined;
  let rows = 0;
  let batch: ImportRow[] = [];
  try {
    for await (const record of readCsvRecords(input, { maxBytes: limits.maxBytes })) {
      const { line, cells } = record;
      if (!columns) {
        if (!cells)
          throw invalid(`The body is not CSV: line 1 ${record.problem}`, [
            { path: 'body', message: 'not CSV' },
          ]);
        columns = csvColumns(cells);
        continue;
      }
      if (cells?.every((cell) => cell.trim() === '')) continue;
      if (++rows > limits.maxLines) {
        throw new ApiError('payload_too_large', `The import holds more than ${limits.maxLines} lines.`);
      }
      if (!cells) {
        batch.push({ line, problems: [{ path: '', message: record.problem ?? 'cannot be read' }] });
      } else if (cells.length !== columns.length) {
        batch.push({
          line,
          problems: [{ path: '', message: `has ${cells.length} cells; the header has ${columns.length}` }],
        });
      } else {
        const read = csvTaskBody(columns, cells);
        batch.push('body' in read ? { line, body: read.body } : { line, problems: read.problems });
      }
      if (batch.length >= BATCH_SIZE) {
        yield batch;
        batch = [];
      }
    }
    if (batch.length > 0) yield batch;
  } catch (error) {
    if (error instanceof ApiError) throw error;
    const csv = error as Partial<CsvError>;
    if (typeof csv.code === 'string' && csv.code.startsWith('CSV_')) {
      throw invalid(`The body is not CSV: ${csv.message}`, [{ path: 'body', message: 'not CSV' }]);
    }
    throw error;
  }
}
