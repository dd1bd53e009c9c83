/**
 * The JSON Lines formats, written with the domain's records: the generic task record (`jsonl`, one line
 * per task, with every annotator's answer when asked), SFT chat (`sft_chat`), preference pairs (`dpo`) and
 * rankings (`rankings`) — the last three one line per record a task gives (none for a task that gives
 * none: not completed, a tie in DPO...). An export without records is an empty file, which is valid JSON
 * Lines.
 */
import {
  type DatasetAnswer,
  type DatasetTask,
  dpoPairs,
  jsonLine,
  rankingRecords,
  sftChatRecords,
  taskRecordLine,
} from '@groundwork/domain';
import type { ExportAnswerRow, RecordTaskRow } from '../../repositories/exports.ts';
import { ChunkBuffer } from './output.ts';
import type { ExportWriter, PageLookups, WriterContext } from './types.ts';

/** The JSON Lines formats other than the generic one: how a task becomes its records. */
export const RECORD_KINDS = {
  sft_chat: sftChatRecords,
  dpo: dpoPairs,
  rankings: rankingRecords,
} as const;

/** A record format of {@link RECORD_KINDS}. */
export type RecordKind = keyof typeof RECORD_KINDS;

/** The dataset task of an export row. */
export function datasetTask(row: RecordTaskRow, batch: string | null): DatasetTask {
  return {
    id: row.id,
    type: row.type,
    uniqueId: row.uniqueId,
    status: row.status,
    batch,
    params: row.params,
    response: row.response ?? null,
    metadata: row.metadata,
    tags: row.tags ?? [],
    paramsVersion: row.paramsVersion,
    createdAt: row.createdAt.toISOString(),
    completedAt: row.completedAt?.toISOString() ?? null,
  };
}

/** The dataset answer of an assignment. */
export function datasetAnswer(answer: ExportAnswerRow): DatasetAnswer {
  return {
    id: answer.id,
    worker: answer.userId,
    stage: answer.stage,
    round: answer.round,
    submittedAt: answer.submittedAt?.toISOString() ?? null,
    timeSpentMs: answer.timeSpentMs,
    response: answer.response ?? null,
  };
}

/** The batch names (and answers, when `withAnswers`) of a page of rows. */
export async function recordLookups(
  ctx: Pick<WriterContext, 'lookups'>,
  rows: readonly Pick<RecordTaskRow, 'id' | 'batchId'>[],
  withAnswers: boolean,
): Promise<PageLookups> {
  const batchIds = [...new Set(rows.flatMap((r) => (r.batchId ? [r.batchId] : [])))];
  const [batches, answers] = await Promise.all([
    ctx.lookups.batchNames(batchIds),
    withAnswers ? ctx.lookups.answers(rows.map((r) => r.id)) : undefined,
  ]);
  return answers ? { batches, answers } : { batches };
}

/** A page of rows as dataset tasks (with their answers when the lookups have them), in order. */
export function datasetTasks(
  rows: readonly RecordTaskRow[],
  lookups: PageLookups,
): { task: DatasetTask; answers: DatasetAnswer[] | undefined }[] {
  const { batches, answers } = lookups;
  return rows.map((row) => ({
    task: datasetTask(row, row.batchId ? (batches?.get(row.batchId) ?? null) : null),
    answers: answers ? (answers.get(row.id) ?? []).map(datasetAnswer) : undefined,
  }));
}

/** The generic JSON Lines writer: one task record per line. */
export function createJsonlWriter(ctx: WriterContext): ExportWriter<'record'> {
  const text = new ChunkBuffer(ctx.out);
  return {
    shape: 'record',
    prepare: (rows) => recordLookups(ctx, rows, ctx.options.includeAnswers),
    async page(rows, lookups) {
      for (const { task, answers } of datasetTasks(rows, lookups)) {
        await text.push(`${taskRecordLine(task, answers)}\n`);
      }
    },
    finish: () => text.flush(),
    async dispose() {},
  };
}

/** A writer of one of the record formats (SFT chat, DPO pairs, rankings). */
export function createRecordsWriter(ctx: WriterContext, kind: RecordKind): ExportWriter<'record'> {
  const text = new ChunkBuffer(ctx.out);
  const recordsOf = RECORD_KINDS[kind];
  return {
    shape: 'record',
    prepare: (rows) => recordLookups(ctx, rows, false),
    async page(rows, lookups) {
      for (const { task } of datasetTasks(rows, lookups)) {
        for (const record of recordsOf(task)) await text.push(`${jsonLine(record)}\n`);
      }
    },
    finish: () => text.flush(),
    async dispose() {},
  };
}
