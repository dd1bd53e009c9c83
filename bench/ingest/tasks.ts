/**
 * The tasks the ingestion benchmark creates: realistic `imageannotation` requests of ~500 bytes (an image
 * URL, a box geometry with its labels and minimum sizes, metadata), and the same tasks as the rows the
 * server stores, for the raw-database baselines.
 */
import { createTaskTypeRegistry, parseTaskParams, splitTaskBody } from '@groundwork/domain';
import { type NewTaskRow, newId, TASK_INSERT_COLUMNS, taskCopyLine, taskValues } from '@groundwork/server';

/** The task type every benchmark task has. */
export const TASK_TYPE = 'imageannotation';

const LABELS = [
  'car',
  'truck',
  'bus',
  'motorcycle',
  'bicycle',
  'pedestrian',
  'traffic_light',
  'traffic_sign',
];
const WEATHER = ['clear', 'overcast', 'rain', 'fog', 'snow'];
const TIME_OF_DAY = ['dawn', 'day', 'dusk', 'night'];
const EPOCH = Date.UTC(2024, 5, 1);

/** The body of task number `i` as a client sends it (without `project`: the caller adds or defaults it). */
export function taskBody(i: number): Record<string, unknown> {
  const camera = `cam-${String(i % 12).padStart(2, '0')}`;
  const frame = String(i).padStart(7, '0');
  return {
    attachment: `https://images.example.com/datasets/street-scenes/2024-06/${camera}/frame-${frame}.jpg`,
    attachment_type: 'image',
    geometries: {
      box: { objects_to_annotate: LABELS, min_height: 8, min_width: 8 },
    },
    metadata: {
      dataset: 'street-scenes',
      split: i % 10 === 0 ? 'val' : 'train',
      camera,
      frame: i,
      sequence: `seq-${String(Math.floor(i / 300)).padStart(5, '0')}`,
      captured_at: new Date(EPOCH + i * 100).toISOString(),
      weather: WEATHER[i % WEATHER.length],
      time_of_day: TIME_OF_DAY[i % TIME_OF_DAY.length],
    },
  };
}

/** Columns the raw baselines write, in order: the columns the server's inserts and bulk COPY write. */
export const TASK_COLUMNS = TASK_INSERT_COLUMNS;

/** One task row as the server stores it: values in {@link TASK_COLUMNS} order, JSON already serialized. */
export type TaskRowValues = unknown[];

/**
 * The rows the server would store for tasks `from`…`from + count - 1`: params parsed by the task type (so
 * with its defaults filled in), metadata apart, as a live key with no project defaults does.
 */
export function taskRows(orgId: string, projectId: string, from: number, count: number): NewTaskRow[] {
  const type = createTaskTypeRegistry().get(TASK_TYPE);
  if (!type) throw new Error(`task type ${TASK_TYPE} is not registered`);
  const rows: NewTaskRow[] = [];
  for (let i = from; i < from + count; i++) {
    const { common, params } = splitTaskBody(taskBody(i));
    const parsed = parseTaskParams(type, params);
    if (!parsed.ok) throw new Error(`benchmark task ${i} is invalid: ${JSON.stringify(parsed.issues)}`);
    const now = new Date();
    rows.push({
      id: newId(now.getTime()),
      orgId,
      isTest: false,
      projectId,
      batchId: null,
      type: TASK_TYPE,
      status: 'pending',
      instruction: null,
      params: parsed.params as Record<string, unknown>,
      response: null,
      metadata: (common.metadata ?? {}) as Record<string, unknown>,
      tags: null,
      uniqueId: null,
      clearUniqueIdOnError: false,
      priority: 20,
      callbackUrl: null,
      createdAt: now,
      updatedAt: now,
      completedAt: null,
    });
  }
  return rows;
}

/** The rows' values for a parameterized INSERT, in {@link TASK_COLUMNS} order. */
export function rowValues(rows: readonly NewTaskRow[]): TaskRowValues[] {
  return rows.map(taskValues);
}

/** The rows in PostgreSQL's text COPY format, as the server's bulk import writes them. */
export function copyText(rows: readonly NewTaskRow[]): string {
  return rows.map(taskCopyLine).join('');
}

/** The tasks `from`…`from + count - 1` as NDJSON lines (without `project`: the import names it). */
export function ndjson(from: number, count: number): string {
  let text = '';
  for (let i = from; i < from + count; i++) text += `${JSON.stringify(taskBody(i))}\n`;
  return text;
}
