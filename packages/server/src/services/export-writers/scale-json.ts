/**
 * Scale JSON: a JSON array of tasks in the shape `/v1/task/{id}` answers (the same presenter), so code
 * written against Scale's task objects reads the file unchanged. With `includeAnswers`, each task also
 * carries `answers`: every annotator's submitted answer as the JSON Lines records list them (`id`,
 * `worker`, `stage`, `round`, `submitted_at`, `time_spent_ms`, `response`), a key Scale does not have.
 */

import { presentScaleTask } from '../../presenters/scale.ts';
import type { ExportAnswerRow, ScaleTaskRow } from '../../repositories/exports.ts';
import type { TaskRow } from '../../repositories/tasks.ts';
import { ChunkBuffer } from './output.ts';
import { recordLookups } from './records.ts';
import type { ExportWriter, WriterContext } from './types.ts';

/** The fields of a task row `presentScaleTask` reads; the export selects exactly these. */
type ScaleFields =
  | 'id'
  | 'type'
  | 'status'
  | 'createdAt'
  | 'updatedAt'
  | 'completedAt'
  | 'instruction'
  | 'callbackUrl'
  | 'callbackSucceeded'
  | 'params'
  | 'response'
  | 'metadata'
  | 'uniqueId'
  | 'tags'
  | 'priority'
  | 'audits'
  | 'customerReviewStatus'
  | 'isTest';

/** The task row of the v1 presenter, from an export row. */
function scaleRow(row: ScaleTaskRow): Pick<TaskRow, ScaleFields> {
  return {
    id: row.id,
    type: row.type,
    status: row.status as TaskRow['status'],
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    completedAt: row.completedAt,
    instruction: row.instruction,
    callbackUrl: row.callbackUrl,
    callbackSucceeded: row.callbackSucceeded,
    params: row.params,
    response: row.response,
    metadata: row.metadata,
    uniqueId: row.uniqueId,
    tags: row.tags,
    priority: row.priority,
    audits: row.audits as TaskRow['audits'],
    customerReviewStatus: row.customerReviewStatus,
    isTest: row.isTest,
  };
}

/** An answer as the `answers` key lists it: the shape of the JSON Lines record's answers. */
export function scaleAnswer(answer: ExportAnswerRow): Record<string, unknown> {
  return {
    id: answer.id,
    worker: answer.userId,
    stage: answer.stage,
    round: answer.round,
    submitted_at: answer.submittedAt?.toISOString() ?? null,
    time_spent_ms: answer.timeSpentMs,
    response: answer.response ?? null,
  };
}

/** Creates the Scale JSON writer. */
export function createScaleJsonWriter(ctx: WriterContext): ExportWriter<'scale'> {
  const text = new ChunkBuffer(ctx.out);
  let first = true;
  return {
    shape: 'scale',
    prepare: (rows) => recordLookups(ctx, rows, ctx.options.includeAnswers),
    async page(rows, { batches, answers }) {
      for (const row of rows) {
        // presentScaleTask reads only the ScaleFields of its row (see scaleRow).
        const task = presentScaleTask(scaleRow(row) as TaskRow, {
          project: ctx.project.name,
          batch: row.batchId ? batches?.get(row.batchId) : undefined,
        });
        if (answers) task.answers = (answers.get(row.id) ?? []).map(scaleAnswer);
        await text.push(`${first ? '[' : ','}${JSON.stringify(task)}`);
        first = false;
      }
    },
    async finish() {
      await text.push(first ? '[]' : ']');
      await text.flush();
    },
    async dispose() {},
  };
}
