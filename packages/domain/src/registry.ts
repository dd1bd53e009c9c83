import type { TaskType, TaskTypeRegistry } from './task-type.ts';
import { categorizationTaskType } from './task-types/categorization/index.ts';
import { comparisonTaskType } from './task-types/comparison/index.ts';
import { datacollectionTaskType } from './task-types/datacollection/index.ts';
import { demonstrationTaskType } from './task-types/demonstration/index.ts';
import { imageannotationTaskType } from './task-types/imageannotation/index.ts';
import { namedentityrecognitionTaskType } from './task-types/namedentityrecognition/index.ts';
import { pairwisepreferenceTaskType } from './task-types/pairwisepreference/index.ts';
import { rankingTaskType } from './task-types/ranking/index.ts';
import { textcollectionTaskType } from './task-types/textcollection/index.ts';
import { transcriptionTaskType } from './task-types/transcription/index.ts';

/** Every task type Groundwork ships, in registry order. */
export const BUILT_IN_TASK_TYPES: readonly TaskType[] = [
  imageannotationTaskType,
  categorizationTaskType,
  comparisonTaskType,
  textcollectionTaskType,
  namedentityrecognitionTaskType,
  transcriptionTaskType,
  datacollectionTaskType,
  pairwisepreferenceTaskType,
  rankingTaskType,
  demonstrationTaskType,
];

/**
 * Builds a registry of task types (the built-in ones by default). Nothing registers itself on import: callers
 * create a registry and pass it to whoever needs it. Throws on duplicate names.
 */
export function createTaskTypeRegistry(types: readonly TaskType[] = BUILT_IN_TASK_TYPES): TaskTypeRegistry {
  const byName = new Map<string, TaskType>();
  for (const type of types) {
    if (byName.has(type.name)) throw new Error(`duplicate task type "${type.name}"`);
    byName.set(type.name, type);
  }
  const names = [...byName.keys()].sort();
  return {
    get: (name) => byName.get(name),
    names: () => [...names],
  };
}
