/**
 * A Hugging Face datasets-ready folder, as a zip: `data/<config>.jsonl` files and a `README.md` dataset
 * card (the domain's `huggingFaceCard`) whose front matter tells `datasets.load_dataset(folder)` which file
 * is which configuration and what its columns are.
 *
 * Every project gets the `tasks` configuration (one row per task, `huggingFaceTaskRow`: free-form parts as
 * JSON text so every row has the same column types). Projects whose type an LLM format applies to also get
 * that format's records (`sft_chat`, `dpo`, `rankings`), listed first: the first configuration is the
 * default one. Each data file is spooled while the tasks stream and added to the archive at the end, with
 * the card, which needs the record counts.
 */
import {
  datasetFormatsFor,
  huggingFaceCard,
  huggingFaceFormatFeatures,
  huggingFaceTaskRow,
  jsonLine,
} from '@groundwork/domain';
import { ChunkBuffer, Spool } from './output.ts';
import { datasetTasks, RECORD_KINDS, type RecordKind, recordLookups } from './records.ts';
import type { ExportWriter, WriterContext } from './types.ts';
import { ZipSink } from './zip.ts';

const DESCRIPTIONS: Record<RecordKind | 'tasks', string> = {
  sft_chat:
    'One conversation per completed demonstration: the prompt’s messages, then the written reply as the last `assistant` message (TRL `SFTTrainer` format).',
  dpo: 'Preference pairs in the conversational format of TRL `DPOTrainer`: `prompt`, `chosen` and `rejected` messages. Ties are left out; a ranking gives every pair of responses in different ranks.',
  rankings:
    'One record per ranked task: the responses best first and their ranks (ties share a rank), for listwise reward models.',
  tasks:
    'One row per task: status, batch, tags and times, with `params`, `response`, `metadata` and `answers` as JSON text (read them with `json.loads`).',
};

interface Config {
  name: RecordKind | 'tasks';
  spool: Spool;
  text: ChunkBuffer;
  records: number;
}

/** Creates the Hugging Face folder writer. */
export async function createHuggingFaceWriter(ctx: WriterContext): Promise<ExportWriter<'record'>> {
  const applicable = new Set(datasetFormatsFor(ctx.project.type).map((f) => f.id));
  const kinds = (Object.keys(RECORD_KINDS) as RecordKind[]).filter((kind) => applicable.has(kind));
  const configs: Config[] = [];
  try {
    for (const name of [...kinds, 'tasks' as const]) {
      const spool = await Spool.create(ctx.tmpDir, `hf-${name}`);
      configs.push({ name, spool, text: new ChunkBuffer(spool), records: 0 });
    }
  } catch (error) {
    await Promise.all(configs.map((c) => c.spool.remove()));
    throw error;
  }
  let tasks = 0;
  const zip = new ZipSink(ctx.out, ctx.asOf, ctx.tmpDir);

  return {
    shape: 'record',
    prepare: (rows) => recordLookups(ctx, rows, ctx.options.includeAnswers),
    async page(rows, lookups) {
      for (const { task, answers } of datasetTasks(rows, lookups)) {
        tasks++;
        for (const config of configs) {
          const records =
            config.name === 'tasks' ? [huggingFaceTaskRow(task, answers)] : RECORD_KINDS[config.name](task);
          for (const record of records) await config.text.push(`${jsonLine(record)}\n`);
          config.records += records.length;
        }
      }
    },
    async finish() {
      for (const config of configs) {
        await config.text.flush();
        await config.spool.close();
        await zip.stream(`data/${config.name}.jsonl`, config.spool.read(), ctx.checkpoint);
      }
      const { options } = ctx;
      const card = huggingFaceCard({
        project: ctx.project.name,
        type: ctx.project.type,
        paramsVersion: ctx.project.paramsVersion,
        exportedAt: options.asOf,
        tasks,
        instruction: ctx.project.instruction,
        filters: {
          status: options.status,
          batch: options.batch,
          tags: options.tags,
          createdAfter: options.createdAfter,
          createdBefore: options.createdBefore,
          asOf: options.asOf,
        },
        configs: configs.map((config) => ({
          name: config.name,
          path: `data/${config.name}.jsonl`,
          description: DESCRIPTIONS[config.name],
          records: config.records,
          features: huggingFaceFormatFeatures(config.name),
        })),
      });
      await zip.file('README.md', card);
      await zip.end();
    },
    async dispose() {
      await Promise.all([...configs.map((c) => c.spool.remove()), zip.dispose()]);
    },
  };
}
