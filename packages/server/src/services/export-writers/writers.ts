/** The writer of each export format. */
import type { DatasetFormatId } from '@groundwork/domain';
import { createCocoWriter } from './coco.ts';
import { createHuggingFaceWriter } from './huggingface.ts';
import { createJsonlWriter, createRecordsWriter } from './records.ts';
import { createScaleJsonWriter } from './scale-json.ts';
import type { AnyExportWriter, WriterContext } from './types.ts';
import { createVocWriter } from './voc.ts';
import { createYoloWriter } from './yolo.ts';

/** Creates the writer of the context's format. */
export async function createExportWriter(ctx: WriterContext): Promise<AnyExportWriter> {
  const id: DatasetFormatId = ctx.format.id;
  switch (id) {
    case 'coco':
      return createCocoWriter(ctx);
    case 'yolo_detection':
      return createYoloWriter(ctx, 'detection');
    case 'yolo_segmentation':
      return createYoloWriter(ctx, 'segmentation');
    case 'voc':
      return createVocWriter(ctx);
    case 'scale_json':
      return createScaleJsonWriter(ctx);
    case 'jsonl':
      return createJsonlWriter(ctx);
    case 'sft_chat':
    case 'dpo':
    case 'rankings':
      return createRecordsWriter(ctx, id);
    case 'huggingface':
      return createHuggingFaceWriter(ctx);
  }
}
