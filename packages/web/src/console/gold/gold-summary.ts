/**
 * How the gold page describes gold tasks and people's standings in a few words — an attachment preview, the
 * expected answer in one line, scores as percentages — and how a gold task is made from a completed task or
 * from pasted JSON. Pure, so it is tested without a DOM.
 */
import { formatPercent } from '../shared/format.ts';

const FILE_REFERENCE = /^groundwork:\/\/files\/([A-Za-z0-9_-]+)$/;

/**
 * The URL the console reads an attachment from: `groundwork://files/<id>` becomes the file's content under
 * this server, an http(s) URL stays as it is; anything else (text) has none.
 */
export function attachmentUrl(reference: string): string | null {
  const file = FILE_REFERENCE.exec(reference);
  if (file) return `/api/files/${file[1]}/content`;
  return /^https?:\/\//i.test(reference) ? reference : null;
}

/** What a gold task's row shows of its content. */
export type AttachmentPreview =
  | { kind: 'image'; url: string }
  | { kind: 'link'; url: string }
  | { kind: 'text'; text: string }
  | { kind: 'none' };

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The first `max` characters of a text on one line, with `…` when cut. */
export function clip(text: string, max: number): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length <= max ? line : `${line.slice(0, Math.max(0, max - 1)).trimEnd()}…`;
}

/** A prompt (text, or a conversation of `{ role, content }` messages) as text: the last user message. */
function promptText(prompt: unknown): string | null {
  if (typeof prompt === 'string') return prompt;
  if (Array.isArray(prompt)) {
    const messages = prompt.filter(isRecord);
    const user = [...messages].reverse().find((message) => message.role === 'user') ?? messages.at(-1);
    return typeof user?.content === 'string' ? user.content : null;
  }
  return null;
}

/**
 * A preview of a task's content from its params: its image (an image attachment, or the first image of an
 * attachment list), else its text (a text attachment, a prompt, a NER text), else a link; `none` when the
 * params hold nothing to show.
 */
export function attachmentPreview(params: Record<string, unknown>): AttachmentPreview {
  const single = params.attachment;
  if (typeof single === 'string') {
    const type = typeof params.attachment_type === 'string' ? params.attachment_type : 'image';
    const url = attachmentUrl(single);
    if (type === 'text') return { kind: 'text', text: clip(single, 160) };
    if (url && type === 'image') return { kind: 'image', url };
    if (url) return { kind: 'link', url };
    return { kind: 'text', text: clip(single, 160) };
  }
  if (Array.isArray(params.attachments)) {
    for (const item of params.attachments) {
      const content = isRecord(item) ? item.content : item;
      const kind = isRecord(item) && typeof item.type === 'string' ? item.type : params.attachment_type;
      if (typeof content !== 'string') continue;
      const url = attachmentUrl(content);
      if (url && (kind === undefined || kind === 'image')) return { kind: 'image', url };
    }
    const first = params.attachments[0];
    const content = isRecord(first) ? first.content : first;
    if (typeof content === 'string') return { kind: 'text', text: clip(content, 160) };
  }
  const prompt = promptText(params.prompt);
  if (prompt) return { kind: 'text', text: clip(prompt, 160) };
  if (typeof params.text === 'string') return { kind: 'text', text: clip(params.text, 160) };
  return { kind: 'none' };
}

/** `cup ×2, cat` — labels with their counts, most first, then by name; at most `max`, then `+n more`. */
export function countLabels(labels: readonly string[], max = 4): string {
  const counts = new Map<string, number>();
  for (const label of labels) counts.set(label, (counts.get(label) ?? 0) + 1);
  const sorted = [...counts.entries()].sort(
    (a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0),
  );
  const shown = sorted.slice(0, max).map(([label, count]) => (count === 1 ? label : `${label} ×${count}`));
  if (sorted.length > max) shown.push(`+${sorted.length - max} more`);
  return shown.join(', ');
}

const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;

/**
 * The expected answer of a gold task in one line, by type: what was drawn and with which labels, the chosen
 * category, the preferred response, the ranking, the start of a written reply. A shape it does not know is
 * shown as clipped JSON; no answer is `—`.
 */
export function answerSummary(type: string, response: unknown): string {
  if (response === null || response === undefined) return '—';
  if (!isRecord(response)) return clip(JSON.stringify(response), 80);
  switch (type) {
    case 'imageannotation': {
      const annotations = Array.isArray(response.annotations) ? response.annotations.filter(isRecord) : [];
      if (annotations.length === 0) return 'Nothing to draw';
      const kinds = countLabels(
        annotations.map((a) => (typeof a.type === 'string' ? a.type : 'shape')),
        6,
      );
      const labels = countLabels(annotations.map((a) => (typeof a.label === 'string' ? a.label : '?')));
      return `${plural(annotations.length, 'shape')} (${kinds}): ${labels}`;
    }
    case 'namedentityrecognition': {
      const annotations = Array.isArray(response.annotations) ? response.annotations.filter(isRecord) : [];
      if (annotations.length === 0) return 'No entities';
      return `${plural(annotations.length, 'entity', 'entities')}: ${countLabels(
        annotations.map((a) => (typeof a.label === 'string' ? a.label : '?')),
      )}`;
    }
    case 'categorization': {
      const category = response.category;
      return Array.isArray(category) ? category.join(', ') || 'No category' : String(category ?? '—');
    }
    case 'pairwisepreference': {
      if (response.choice === 'tie') return 'Tie';
      const strength = typeof response.strength === 'number' ? `, strength ${response.strength}` : '';
      return `${String(response.choice ?? '?')} preferred${strength}`;
    }
    case 'ranking': {
      const ranking = Array.isArray(response.ranking) ? response.ranking : [];
      return (
        ranking
          .map((entry) => (Array.isArray(entry) ? `(${entry.join(' = ')})` : String(entry)))
          .join(' > ') || '—'
      );
    }
    case 'demonstration':
      return typeof response.completion === 'string' ? `“${clip(response.completion, 70)}”` : '—';
    case 'comparison':
      if (typeof response.choice === 'string') return response.choice;
      break;
    default:
      break;
  }
  const fields = isRecord(response.fields)
    ? response.fields
    : isRecord(response.annotations)
      ? response.annotations
      : null;
  if (fields) {
    const entries = Object.entries(fields);
    if (entries.length === 0) return 'No fields';
    const [key, value] = entries[0] as [string, unknown];
    const first = `${key}: ${clip(typeof value === 'string' ? value : JSON.stringify(value), 40)}`;
    return entries.length === 1 ? first : `${first} (+${entries.length - 1} more)`;
  }
  return clip(JSON.stringify(response), 80);
}

/** A person's training progress as the standings table shows it. */
export interface TrainingProgress {
  state: 'not_required' | 'in_progress' | 'passed' | 'failed';
  answered: number;
  passedCount: number;
  target: number;
}

/** Training progress in words: `Passed`, `2 of 5 passed (3 answered)`, `Failed (1 of 5)`, `Not required`. */
export function trainingText(training: TrainingProgress): string {
  switch (training.state) {
    case 'not_required':
      return 'Not required';
    case 'passed':
      return `Passed (${training.passedCount} of ${training.target})`;
    case 'failed':
      return `Failed (${training.passedCount} of ${training.target} passed)`;
    default:
      return `${training.passedCount} of ${training.target} passed · ${training.answered} answered`;
  }
}

/** The tone of a training state's badge. */
export function trainingTone(state: TrainingProgress['state']): 'ok' | 'bad' | 'wait' | 'info' {
  return state === 'passed' ? 'ok' : state === 'failed' ? 'bad' : state === 'in_progress' ? 'wait' : 'info';
}

/** What paused someone, in words: `by the training gate`, `by low gold scores`, `by a manager`. */
export function pausedBy(by: 'gold' | 'training' | 'manager'): string {
  return by === 'gold' ? 'by low gold scores' : by === 'training' ? 'by the training gate' : 'by a manager';
}

/** The body of a new gold task. */
export interface GoldDraft {
  /** The task's params (without the project's defaults, which apply anyway). */
  params: Record<string, unknown>;
  /** The known answer. */
  expectedResponse: unknown;
  /** For review-phase evaluation: an answer to be reviewed. */
  initialResponse?: unknown;
}

/** Fields of a task's params that belong to the task, not to its content; they are not copied into gold. */
const NOT_CONTENT = new Set([
  'project',
  'batch',
  'unique_id',
  'callback_url',
  'clear_unique_id_on_error',
  'metadata',
  'tags',
  'priority',
  'instruction',
]);

/**
 * A gold task made from a completed task: its params (without per-task bookkeeping such as `unique_id` or
 * `metadata`) and its final answer as the expected one. Refused, with a reason, when the task has no answer
 * to copy.
 */
export function goldFromTask(task: {
  status: string;
  params: Record<string, unknown>;
  response: unknown;
}): { ok: true; draft: GoldDraft } | { ok: false; message: string } {
  if (task.status !== 'completed')
    return { ok: false, message: `The task is ${task.status}, not completed.` };
  if (task.response === null || task.response === undefined)
    return { ok: false, message: 'The task has no final answer to copy.' };
  const params = Object.fromEntries(Object.entries(task.params).filter(([key]) => !NOT_CONTENT.has(key)));
  return { ok: true, draft: { params, expectedResponse: task.response } };
}

/**
 * Reads a gold task written as JSON: `{ "params": {…}, "expectedResponse": … }`, or Scale's form with the
 * params at the top and `expected_response` (and optionally `initial_response`) beside them. Every problem is
 * named: not JSON, not an object, no expected answer.
 */
export function parseGoldJson(text: string): { ok: true; draft: GoldDraft } | { ok: false; message: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return {
      ok: false,
      message: `Not valid JSON: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
  if (!isRecord(value)) return { ok: false, message: 'Write one JSON object.' };
  if (isRecord(value.params)) {
    const expected = value.expectedResponse ?? value.expected_response;
    if (expected === undefined)
      return { ok: false, message: 'Give the expected answer as `expectedResponse`.' };
    const initial = value.initialResponse ?? value.initial_response;
    return {
      ok: true,
      draft: {
        params: value.params,
        expectedResponse: expected,
        ...(initial !== undefined ? { initialResponse: initial } : {}),
      },
    };
  }
  const { expected_response, expectedResponse, initial_response, initialResponse, ...params } = value;
  const expected = expected_response ?? expectedResponse;
  if (expected === undefined)
    return { ok: false, message: 'Give the expected answer as `expected_response` (or `expectedResponse`).' };
  const initial = initial_response ?? initialResponse;
  return {
    ok: true,
    draft: {
      params,
      expectedResponse: expected,
      ...(initial !== undefined ? { initialResponse: initial } : {}),
    },
  };
}

/** A starting point for the JSON form of a type: its main params and an empty-looking expected answer. */
export function goldJsonExample(type: string): string {
  const examples: Record<string, unknown> = {
    imageannotation: {
      params: { attachment: 'https://example.com/street.jpg' },
      expectedResponse: {
        annotations: [{ type: 'box', label: 'car', left: 10, top: 20, width: 120, height: 80 }],
      },
    },
    categorization: {
      params: { attachment: 'The parcel arrived broken.', attachment_type: 'text' },
      expectedResponse: { category: 'negative' },
    },
    pairwisepreference: {
      params: {
        prompt: 'Explain DNS.',
        responses: [{ content: 'A phone book.' }, { content: 'It resolves names.' }],
      },
      expectedResponse: { choice: 'B', strength: 5 },
    },
    ranking: {
      params: {
        prompt: 'Write a haiku.',
        responses: [
          { id: 'a', content: '…' },
          { id: 'b', content: '…' },
        ],
      },
      expectedResponse: { ranking: ['b', 'a'] },
    },
    demonstration: {
      params: { prompt: 'Explain recursion to a child.' },
      expectedResponse: { completion: 'Imagine a set of nesting dolls…' },
    },
  };
  return JSON.stringify(examples[type] ?? { params: {}, expectedResponse: {} }, null, 2);
}

/** The parts of a project's quality policy the gold page sums up. */
export interface QualityPolicy {
  gold_rate: number;
  gold_threshold: number | null;
  gold_window: number;
  gold_min_answers: number;
  training_required: number;
  training_pass_score: number;
}

/**
 * A project's gold policy in one line: how much of the work is hidden gold, when people are paused, and the
 * training gate (`5% of work is hidden gold · pause below 60% over the last 20 (after 5) · training: pass 3
 * at 80%+`).
 */
export function policyText(quality: QualityPolicy): string {
  const parts = [
    quality.gold_rate > 0
      ? `${formatPercent(quality.gold_rate, 0)} of work is hidden gold`
      : 'No hidden gold is served (gold rate 0)',
    quality.gold_threshold === null
      ? 'no automatic pause'
      : `pause below ${formatPercent(quality.gold_threshold, 0)} over the last ${quality.gold_window} (after ${quality.gold_min_answers})`,
    quality.training_required > 0
      ? `training: pass ${quality.training_required} at ${formatPercent(quality.training_pass_score, 0)}+`
      : 'no training gate',
  ];
  return parts.join(' · ');
}
