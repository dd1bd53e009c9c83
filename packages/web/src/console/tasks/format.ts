/**
 * How the task explorer and the task page name things: the tones of statuses and the names of stages (times,
 * durations and agreement are written by the console's shared `format.ts`).
 */
import type { ResponseOf } from '@groundwork/sdk';

/** A row of the explorer. */
export type ExplorerRow = ResponseOf<'exploreProjectTasks'>['items'][number];
/** A task's timeline. */
export type TaskTimeline = ResponseOf<'getTaskTimeline'>;

/** The badge tone of each task status. */
export const STATUS_TONES: Record<ExplorerRow['status'], string> = {
  pending: 'wait',
  completed: 'ok',
  canceled: 'neutral',
  error: 'bad',
};

/** Stage names as people say them. */
export const STAGE_LABELS: Record<ExplorerRow['stage'], string> = {
  label: 'Labeling',
  review: 'In review',
  done: 'Done',
};
