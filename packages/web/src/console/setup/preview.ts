/**
 * The live preview's logic: the params an annotator's editor would receive if a task were created now
 * under the draft project params, and what is wrong with the draft. A task brings its own content (image,
 * text, prompt) and the project the rest, exactly as the server merges them; the preview borrows the
 * content of one of the project's real tasks when there is one, or a bundled sample.
 */
import {
  attachmentTypeOf,
  type FieldIssue,
  mergeProjectParams,
  parseTaskParams,
  sampleTaskContent,
  type TaskTypeRegistry,
} from '@groundwork/domain';
import type { Params } from './image-params.ts';
import { SAMPLE_DOCUMENT_URL, SAMPLE_PHOTO_URL } from './sample-images.ts';
import { taskTypeInfo } from './type-catalog.ts';

/**
 * Content for previewing a `type` task under `params` when no real task is at hand (the domain's sample
 * with the console's bundled photo and receipt). Audio, video and PDF have no bundled sample (their frame
 * shows where the task's file goes).
 */
export function builtInSample(type: string, params: Params): Params {
  return sampleTaskContent(type, params, { photo: SAMPLE_PHOTO_URL, document: SAMPLE_DOCUMENT_URL });
}

/** Where the preview's content comes from. */
export interface PreviewSample {
  /** The content keys a task brings. */
  content: Params;
  /** `task`: one of the project's (or organization's) tasks; `built-in`: a bundled sample. */
  source: 'task' | 'built-in';
}

/**
 * The content to preview with: the content keys of `taskParams` (a real task's merged params) when given
 * and of the attachment type the draft asks for, else the bundled sample.
 */
export function previewSample(
  type: string,
  draft: Params,
  taskParams: Params | null | undefined,
): PreviewSample {
  const keys = taskTypeInfo(type)?.contentKeys ?? [];
  if (taskParams) {
    const wanted = attachmentTypeOf(type, draft);
    const has = attachmentTypeOf(type, taskParams);
    const content = Object.fromEntries(
      keys.filter((key) => key in taskParams).map((key) => [key, taskParams[key]]),
    );
    if (wanted === has && Object.keys(content).length > 0) return { content, source: 'task' };
  }
  return { content: builtInSample(type, draft), source: 'built-in' };
}

const utf8 = new TextEncoder();

function compareStoredKeys(a: string, b: string): number {
  const left = utf8.encode(a);
  const right = utf8.encode(b);
  if (left.length !== right.length) return left.length - right.length;
  for (let index = 0; index < left.length; index += 1) {
    const difference = (left[index] as number) - (right[index] as number);
    if (difference !== 0) return difference;
  }
  return 0;
}

/**
 * A JSON value with every object's keys in the order the server gives them back: params are stored as
 * PostgreSQL `jsonb`, which keeps objects with shorter keys first, then by bytes, not in the order written.
 * Annotators see keyed lists (attributes, fields) in that order, so the preview does too.
 */
export function inStoredKeyOrder(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(inStoredKeyOrder);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort(compareStoredKeys)
      .map((key) => [key, inStoredKeyOrder((value as Record<string, unknown>)[key])]),
  );
}

/** The outcome of {@link previewParams}. */
export type PreviewResult =
  | { ok: true; params: Params }
  | {
      ok: false;
      /** Problems of the draft itself (paths into the project params). */
      issues: FieldIssue[];
    };

/**
 * The params a task created now would have: the draft project params under the sample's content (the
 * task's own keys win, as on the server), parsed by the type's schema with defaults applied.
 */
export function previewParams(
  registry: TaskTypeRegistry,
  type: string,
  draft: Params,
  sample: PreviewSample,
): PreviewResult {
  const taskType = registry.get(type);
  if (!taskType) return { ok: false, issues: [{ path: 'type', message: `unknown task type "${type}"` }] };
  const merged = inStoredKeyOrder(mergeProjectParams(draft, sample.content));
  const result = parseTaskParams(taskType, merged);
  if (result.ok) return { ok: true, params: result.params as Params };
  return { ok: false, issues: result.issues };
}

function ownIssue(draft: Params) {
  return (issue: FieldIssue): boolean => {
    const head = issue.path.split('.')[0] ?? '';
    return head === '' || head === 'type' || head in draft;
  };
}

/** A preview of draft project params: what the annotator's editor gets, and what is wrong. */
export interface Preview {
  /** The content previewed with. */
  sample: PreviewSample;
  /** The params of a task created now, or why there are none. */
  result: PreviewResult;
  /**
   * Problems of the draft itself: they would make every task of the project fail, so the draft cannot be
   * saved while there are any.
   */
  issues: FieldIssue[];
  /**
   * Problems under keys the draft leaves to each task (a required param the project does not set): not
   * the draft's fault, but the preview cannot show the editor without them.
   */
  others: FieldIssue[];
}

/**
 * Previews draft project params the way tasks will be checked: merged with a task's content, so that the
 * type's cross-field rules run too (the server checks project params alone, where rules such as "unique
 * categories" or "conditions name known labels" never run because the content is missing). When a real
 * task's content does not fit the draft (pre-labels with a label the draft removed), the bundled sample is
 * used instead: the draft only applies to tasks created from now on.
 */
export function buildPreview(
  registry: TaskTypeRegistry,
  type: string,
  draft: Params,
  taskParams: Params | null | undefined,
): Preview {
  const own = ownIssue(draft);
  const first = previewSample(type, draft, taskParams);
  let sample = first;
  let result = previewParams(registry, type, draft, first);
  if (!result.ok && first.source === 'task' && !result.issues.some(own)) {
    sample = { content: builtInSample(type, draft), source: 'built-in' };
    result = previewParams(registry, type, draft, sample);
  }
  if (result.ok) return { sample, result, issues: [], others: [] };
  return {
    sample,
    result,
    issues: result.issues.filter(own),
    others: result.issues.filter((issue) => !own(issue)),
  };
}

/**
 * Turns attachment references into URLs the console can load: uploaded files (`groundwork://files/<id>`)
 * through the files API the manager may read; other URLs (and data URLs of the bundled samples) as they are.
 */
export function consoleFileUrl(reference: string): string {
  const match = /^groundwork:\/\/files\/([^/?#]+)$/.exec(reference);
  return match ? `/api/files/${encodeURIComponent(match[1] as string)}/content` : reference;
}
