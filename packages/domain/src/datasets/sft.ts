/**
 * Supervised fine-tuning data in the chat format: one JSON line `{"messages": [...], "metadata": {...}}` per
 * written demonstration, the format TRL's `SFTTrainer`, OpenAI fine-tuning and most chat-template tooling
 * read. The prompt becomes the conversation (a text prompt is one `user` message; a conversation is kept
 * message by message, system messages included) and the demonstration's completion is the final
 * `assistant` message.
 *
 * Only `demonstration` tasks hold a reply written by a person, so only they produce records; the labelers'
 * guidelines and the project instruction are instructions to people, not to the model, and are not added as
 * a system message. The completion's rationale travels in `metadata.rationale`.
 * @packageDocumentation
 */
import * as z from 'zod';
import { type ChatMessage, chatMessageSchema } from '../shared/genai.ts';
import { demonstrationResponseSchema } from '../task-types/demonstration/index.ts';
import type { DatasetTask } from './catalog.ts';
import {
  parseLineWith,
  type RecordLineResult,
  type RecordTaskMetadata,
  recordTaskMetadata,
  recordTaskMetadataShape,
} from './records.ts';

/** Metadata of an SFT chat record: the task it came from and the writer's rationale. */
export interface SftChatMetadata extends RecordTaskMetadata {
  /** Why the writer replied this way, or null when they gave no rationale. */
  rationale: string | null;
}

/** One SFT chat example. */
export interface SftChatRecord {
  /** The conversation, ending with the demonstrated `assistant` reply. */
  messages: ChatMessage[];
  /** Where it came from. */
  metadata: SftChatMetadata;
}

/** The task types {@link sftChatRecords} reads. */
export const SFT_CHAT_TYPES: readonly string[] = ['demonstration'];

const conversationSchema = z.array(chatMessageSchema).min(1);

/**
 * The conversation a task's `prompt` param stands for: a non-blank text is one user message (kept exactly,
 * whitespace included), a list of messages is copied; undefined for anything else.
 * @internal
 */
export function promptMessages(prompt: unknown): ChatMessage[] | undefined {
  if (typeof prompt === 'string')
    return prompt.trim() === '' ? undefined : [{ role: 'user', content: prompt }];
  const conversation = conversationSchema.safeParse(prompt);
  return conversation.success ? conversation.data.map(({ role, content }) => ({ role, content })) : undefined;
}

/**
 * The SFT chat records of a task: one for a completed demonstration whose reply is not blank, none for any
 * other task (not completed, another type, or params/response that do not parse).
 */
export function sftChatRecords(task: DatasetTask): SftChatRecord[] {
  if (task.status !== 'completed' || !SFT_CHAT_TYPES.includes(task.type)) return [];
  const prompt = promptMessages(task.params.prompt);
  const response = demonstrationResponseSchema.safeParse(task.response);
  if (!prompt || !response.success || response.data.completion.trim() === '') return [];
  return [
    {
      messages: [...prompt, { role: 'assistant', content: response.data.completion }],
      metadata: { ...recordTaskMetadata(task), rationale: response.data.rationale ?? null },
    },
  ];
}

const sftChatRecordSchema = z.object({
  messages: z
    .array(chatMessageSchema)
    .min(2)
    .refine((messages) => messages.at(-1)?.role === 'assistant', 'the last message must be the assistant’s'),
  metadata: z.object({ ...recordTaskMetadataShape, rationale: z.string().nullable() }),
});

/**
 * Reads one SFT chat line back into its record, never throwing; problems name the field
 * (`messages.2.role`). Needs at least two messages ending with the assistant's, and the full metadata.
 */
export function parseSftChatLine(line: string): RecordLineResult<SftChatRecord> {
  return parseLineWith(line, sftChatRecordSchema);
}
