/**
 * Preference data for reward models and direct preference optimization.
 *
 * DPO pairs use the conversational preference format of TRL's `DPOTrainer`/`RewardTrainer` (and OpenRLHF
 * with `--apply_chat_template`): `{"prompt": [messages], "chosen": [assistant message], "rejected":
 * [assistant message], "metadata": {...}}`. The prompt is always a message list (a text prompt is one user
 * message), so every line has the same column types whether a project mixes text and conversation prompts
 * or not.
 *
 * - A pairwise preference gives one pair, the chosen response first. A tie gives no pair: DPO and
 *   Bradley–Terry reward losses need a strict preference, and a tie split either way would teach a
 *   preference nobody expressed. Ties stay visible in the rankings format. The strength of the preference
 *   (1 … likert_scale) is kept in the metadata for margin-aware losses or filtering.
 * - A ranking gives every ordered pair of responses in different ranks, K(K−1)/2 for K untied responses,
 *   as InstructGPT trained its reward model and as TRL/OpenRLHF expect pairs; responses sharing a rank
 *   are not paired. The pairs of one ranking are correlated: group or weight them by `metadata.task_id`
 *   if that matters to the training run.
 *
 * Ranking records keep the whole order in one line: `{"prompt", "responses" (best first), "ranks" (1 =
 * best; responses sharing a rank share the number, which counts the distinct ranks above plus one),
 * "metadata"}`. A pairwise preference is a ranking of two (a tie is ranks `[1, 1]`, in A, B order).
 * A response without an `id` is named by its position, `A` or `B`.
 * @packageDocumentation
 */
import * as z from 'zod';
import { type ChatMessage, chatMessageSchema } from '../shared/genai.ts';
import { pairwisepreferenceResponseSchema } from '../task-types/pairwisepreference/index.ts';
import { rankingResponseSchema } from '../task-types/ranking/index.ts';
import type { DatasetTask } from './catalog.ts';
import {
  parseLineWith,
  type RecordLineResult,
  type RecordTaskMetadata,
  recordTaskMetadata,
  recordTaskMetadataShape,
} from './records.ts';
import { promptMessages } from './sft.ts';

/** Metadata of a DPO pair: its task, the two responses, and the strength or ranks it came from. */
export interface DpoPairMetadata extends RecordTaskMetadata {
  /** Id of the chosen response (`A`/`B` for a pairwise response without id). */
  chosen_id: string;
  /** Id of the rejected response. */
  rejected_id: string;
  /** Model that wrote the chosen response, or null. */
  chosen_model: string | null;
  /** Model that wrote the rejected response, or null. */
  rejected_model: string | null;
  /** Preference strength of a pairwise answer (1 … likert_scale); null for ranking pairs. */
  strength: number | null;
  /** The strength scale's top value; null for ranking pairs or when the params lack it. */
  likert_scale: number | null;
  /** Rank of the chosen response in its ranking (1 = best); null for pairwise pairs. */
  chosen_rank: number | null;
  /** Rank of the rejected response; null for pairwise pairs. */
  rejected_rank: number | null;
}

/** One preference pair. */
export interface DpoPair {
  /** The conversation both responses answer. */
  prompt: ChatMessage[];
  /** The preferred response, as one assistant message. */
  chosen: ChatMessage[];
  /** The other response, as one assistant message. */
  rejected: ChatMessage[];
  /** Where it came from. */
  metadata: DpoPairMetadata;
}

/** Metadata of a ranking record. */
export interface RankingRecordMetadata extends RecordTaskMetadata {
  /** Response ids in the order of `responses` (`A`/`B` for pairwise responses without id). */
  response_ids: string[];
  /** Models that wrote them, in the same order (null when unknown). */
  models: (string | null)[];
  /** Preference strength of a pairwise answer; null for rankings and ties. */
  strength: number | null;
  /** The strength scale's top value for pairwise tasks; null otherwise. */
  likert_scale: number | null;
}

/** One ranked set of responses. */
export interface RankingRecord {
  /** The conversation the responses answer. */
  prompt: ChatMessage[];
  /** Response texts, best first. */
  responses: string[];
  /** Rank of each response (1 = best; tied responses share a rank), non-decreasing. */
  ranks: number[];
  /** Where it came from. */
  metadata: RankingRecordMetadata;
}

/** A candidate response of a preference task. */
interface Candidate {
  id: string;
  content: string;
  model: string | null;
}

/** A task read as ranked candidates: groups of equally good candidates, best group first. */
interface Ranked {
  prompt: ChatMessage[];
  groups: Candidate[][];
  strength: number | null;
  likertScale: number | null;
}

const candidateSchema = z.object({
  id: z.string().optional(),
  content: z.string(),
  model: z.string().optional(),
});

function candidatesOf(value: unknown): Candidate[] | undefined {
  const parsed = z.array(candidateSchema).safeParse(value);
  if (!parsed.success) return undefined;
  return parsed.data.map((candidate, index) => ({
    id: candidate.id ?? String.fromCharCode(65 + index),
    content: candidate.content,
    model: candidate.model ?? null,
  }));
}

function rankedPairwise(task: DatasetTask, prompt: ChatMessage[]): Ranked | undefined {
  const candidates = candidatesOf(task.params.responses);
  const response = pairwisepreferenceResponseSchema.safeParse(task.response);
  if (candidates?.length !== 2 || !response.success) return undefined;
  const [a, b] = candidates as [Candidate, Candidate];
  const { choice, strength } = response.data;
  const likert = task.params.likert_scale;
  return {
    prompt,
    groups: choice === 'tie' ? [[a, b]] : choice === 'A' ? [[a], [b]] : [[b], [a]],
    strength: choice === 'tie' ? null : (strength ?? null),
    likertScale: typeof likert === 'number' && Number.isInteger(likert) ? likert : null,
  };
}

function rankedRanking(task: DatasetTask, prompt: ChatMessage[]): Ranked | undefined {
  const candidates = candidatesOf(task.params.responses);
  const response = rankingResponseSchema.safeParse(task.response);
  if (!candidates || !response.success) return undefined;
  const byId = new Map(candidates.map((candidate) => [candidate.id, candidate]));
  const placed = new Set<string>();
  const groups: Candidate[][] = [];
  for (const entry of response.data.ranking) {
    const group: Candidate[] = [];
    for (const id of typeof entry === 'string' ? [entry] : entry) {
      const candidate = byId.get(id);
      if (!candidate || placed.has(id)) return undefined;
      placed.add(id);
      group.push(candidate);
    }
    groups.push(group);
  }
  // An answer that leaves a response out does not say where it stands: no record rather than a guess.
  if (placed.size !== candidates.length) return undefined;
  return { prompt, groups, strength: null, likertScale: null };
}

/** A completed pairwise-preference or ranking task as ranked groups; undefined for anything else. */
function ranked(task: DatasetTask): Ranked | undefined {
  if (task.status !== 'completed') return undefined;
  const prompt = promptMessages(task.params.prompt);
  if (!prompt) return undefined;
  if (task.type === 'pairwisepreference') return rankedPairwise(task, prompt);
  if (task.type === 'ranking') return rankedRanking(task, prompt);
  return undefined;
}

const assistant = (content: string): ChatMessage[] => [{ role: 'assistant', content }];

/** The candidates best first, each with its dense rank (1 + the number of better groups). */
function rankedList(read: Ranked): { candidate: Candidate; rank: number }[] {
  return read.groups.flatMap((group, index) => group.map((candidate) => ({ candidate, rank: index + 1 })));
}

/**
 * The DPO pairs of a task: one for a decided pairwise preference; for a ranking, every pair of responses in
 * different ranks, in the order of its ranking record (each response best first, paired with every response
 * ranked below it); none for a tie, an unfinished task or another type.
 */
export function dpoPairs(task: DatasetTask): DpoPair[] {
  const read = ranked(task);
  if (!read) return [];
  const pairwise = task.type === 'pairwisepreference';
  const ordered = rankedList(read);
  const pairs: DpoPair[] = [];
  ordered.forEach((chosen, i) => {
    for (const rejected of ordered.slice(i + 1)) {
      if (rejected.rank === chosen.rank) continue;
      pairs.push({
        prompt: read.prompt,
        chosen: assistant(chosen.candidate.content),
        rejected: assistant(rejected.candidate.content),
        metadata: {
          ...recordTaskMetadata(task),
          chosen_id: chosen.candidate.id,
          rejected_id: rejected.candidate.id,
          chosen_model: chosen.candidate.model,
          rejected_model: rejected.candidate.model,
          strength: read.strength,
          likert_scale: pairwise ? read.likertScale : null,
          chosen_rank: pairwise ? null : chosen.rank,
          rejected_rank: pairwise ? null : rejected.rank,
        },
      });
    }
  });
  return pairs;
}

/**
 * The ranking record of a task: one for a completed ranking or pairwise preference (ties included), none
 * for anything else.
 */
export function rankingRecords(task: DatasetTask): RankingRecord[] {
  const read = ranked(task);
  if (!read) return [];
  const ordered = read.groups.flatMap((group, index) =>
    group.map((candidate) => ({ candidate, rank: index + 1 })),
  );
  return [
    {
      prompt: read.prompt,
      responses: ordered.map(({ candidate }) => candidate.content),
      ranks: ordered.map(({ rank }) => rank),
      metadata: {
        ...recordTaskMetadata(task),
        response_ids: ordered.map(({ candidate }) => candidate.id),
        models: ordered.map(({ candidate }) => candidate.model),
        strength: read.strength,
        likert_scale: task.type === 'pairwisepreference' ? read.likertScale : null,
      },
    },
  ];
}

const turn = z.array(chatMessageSchema).min(1);

const dpoPairSchema = z.object({
  prompt: turn,
  chosen: turn,
  rejected: turn,
  metadata: z.object({
    ...recordTaskMetadataShape,
    chosen_id: z.string(),
    rejected_id: z.string(),
    chosen_model: z.string().nullable(),
    rejected_model: z.string().nullable(),
    strength: z.int().nullable(),
    likert_scale: z.int().nullable(),
    chosen_rank: z.int().min(1).nullable(),
    rejected_rank: z.int().min(1).nullable(),
  }),
});

/** Reads one DPO line back into its pair, never throwing; problems name the field (`chosen.0.content`). */
export function parseDpoPairLine(line: string): RecordLineResult<DpoPair> {
  return parseLineWith(line, dpoPairSchema);
}

const rankingRecordSchema = z
  .object({
    prompt: turn,
    responses: z.array(z.string()).min(2),
    ranks: z.array(z.int().min(1)),
    metadata: z.object({
      ...recordTaskMetadataShape,
      response_ids: z.array(z.string()),
      models: z.array(z.string().nullable()),
      strength: z.int().nullable(),
      likert_scale: z.int().nullable(),
    }),
  })
  .superRefine((record, ctx) => {
    const count = record.responses.length;
    const lists = [
      ['ranks', record.ranks.length],
      ['metadata.response_ids', record.metadata.response_ids.length],
      ['metadata.models', record.metadata.models.length],
    ] as const;
    for (const [path, length] of lists) {
      if (length !== count) {
        ctx.addIssue({
          code: 'custom',
          path: path.split('.'),
          message: `expected ${count} entries, one per response, got ${length}`,
        });
      }
    }
    record.ranks.forEach((rank, index) => {
      const previous = index === 0 ? 0 : (record.ranks[index - 1] as number);
      if (rank !== previous && rank !== previous + 1) {
        ctx.addIssue({
          code: 'custom',
          path: ['ranks', index],
          message: index === 0 ? 'the first rank must be 1' : `expected ${previous} or ${previous + 1}`,
        });
      }
    });
  });

/**
 * Reads one ranking line back into its record, never throwing. Besides the shapes, checks that `ranks`,
 * `metadata.response_ids` and `metadata.models` have one entry per response and that ranks start at 1 and
 * rise by at most 1 (best first).
 */
export function parseRankingRecordLine(line: string): RecordLineResult<RankingRecord> {
  return parseLineWith(line, rankingRecordSchema);
}
