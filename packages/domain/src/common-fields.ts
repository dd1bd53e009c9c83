import * as z from 'zod';

/** Body fields every task type accepts; everything else in a create body is a type-specific param. */
export const COMMON_TASK_FIELD_NAMES = [
  'project',
  'batch',
  'instruction',
  'callback_url',
  'unique_id',
  'clear_unique_id_on_error',
  'metadata',
  'tags',
  'priority',
  'urgency',
] as const;

/** Name of a common task field. */
export type CommonTaskFieldName = (typeof COMMON_TASK_FIELD_NAMES)[number];

const HTTP_URL = /^https?:\/\/[^\s/?#@]+(?:[/?#]\S*)?$/i;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Whether `value` is an http(s) URL or an email address, the two kinds of callback Scale accepts. */
export function isCallbackTarget(value: string): boolean {
  return HTTP_URL.test(value) || EMAIL.test(value);
}

/** The fields every task type accepts at the top level of a create body. */
export const commonTaskFieldsSchema = z.strictObject({
  /** Name of the project the task belongs to; its params act as defaults. */
  project: z.string().min(1).optional().describe('Name of the project the task belongs to.'),
  /** Name of the batch the task is added to (implies the batch's project). */
  batch: z.string().min(1).optional().describe('Name of the batch the task is added to.'),
  /** Markdown instructions for the labeler; the project's instruction is appended after it. */
  instruction: z.string().optional().describe('Markdown instructions shown to the labeler.'),
  /** Where completion and error callbacks go: an http(s) URL or an email address. */
  callback_url: z
    .string()
    .refine(isCallbackTarget, { message: 'expected an http(s) URL or an email address' })
    .optional()
    .describe('http(s) URL or email address that receives callbacks.'),
  /** Customer key, unique per account and environment; a second task with the same key is refused (409). */
  unique_id: z.string().min(1).max(256).optional().describe('Customer idempotency key, unique per account.'),
  /** Free the `unique_id` automatically if the task ends in `error`. */
  clear_unique_id_on_error: z.boolean().optional().describe('Release unique_id if the task errors.'),
  /** Arbitrary JSON object stored with the task and echoed back. */
  metadata: z
    .record(z.string(), z.unknown())
    .default({})
    .describe('Arbitrary JSON object stored with the task.'),
  /** Free-form labels for filtering. */
  tags: z.array(z.string().min(1)).optional().describe('Labels for filtering tasks.'),
  /** Scheduling priority, higher first (Scale uses 10, 20 and 30). */
  priority: z.int().min(0).max(1000).optional().describe('Scheduling priority, higher first (10/20/30).'),
  /** Legacy turnaround hint. */
  urgency: z.enum(['immediate', 'day', 'week']).optional().describe('Legacy turnaround hint.'),
});

/** Parsed common task fields (metadata defaulted to `{}`). */
export type CommonTaskFields = z.output<typeof commonTaskFieldsSchema>;

const COMMON = new Set<string>(COMMON_TASK_FIELD_NAMES);

/** Splits a create body into the common task fields and the type-specific params. */
export function splitTaskBody(body: Readonly<Record<string, unknown>>): {
  common: Record<string, unknown>;
  params: Record<string, unknown>;
} {
  const common: Record<string, unknown> = {};
  const params: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(body)) {
    if (COMMON.has(key)) common[key] = value;
    else params[key] = value;
  }
  return { common, params };
}
