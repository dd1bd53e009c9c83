/**
 * What the project setup says of each task type: a one-line description, which params each task brings
 * itself (the content: the image, the text, the prompt) rather than the project, and the params a new
 * project of the type starts from, valid as they are so that "Create" works before anything is changed.
 */
import { BUILT_IN_TASK_TYPES, createTaskTypeRegistry, type TaskTypeRegistry } from '@groundwork/domain';

/** The setup's view of one task type. */
export interface TaskTypeInfo {
  /** The type's name (`imageannotation`). */
  name: string;
  /** Its human name (`Image annotation`). */
  title: string;
  /** One line on what annotators do. */
  summary: string;
  /**
   * Params each task supplies (its image, text, prompt…). The forms leave them out; the JSON tab still
   * sets them as project defaults when someone really wants one value for every task.
   */
  contentKeys: readonly string[];
  /** Project params a new project starts from. */
  starterParams: Record<string, unknown>;
}

const SUMMARIES: Record<string, string> = {
  imageannotation:
    'Draw boxes, polygons, lines, points or ellipses on an image, with nested labels and attributes.',
  categorization: 'Choose one or several categories for an image, a text, audio, video or a web page.',
  comparison: 'Look at two or more items side by side, pick an option and fill in fields.',
  textcollection: 'Answer a form (text, choices, numbers, yes/no) about attached content.',
  namedentityrecognition: 'Mark spans of a text with entity labels (people, places, products…).',
  transcription: 'Copy fields, and repeated rows such as invoice lines, out of a document.',
  datacollection: 'Look something up on a web page, text or image and fill the facts into fields.',
  pairwisepreference: 'Choose the better of two model replies to a prompt, rating each on criteria.',
  ranking: 'Order several model replies to a prompt from best to worst.',
  demonstration: 'Write the ideal reply to a prompt or conversation (fine-tuning data).',
};

const CONTENT_KEYS: Record<string, readonly string[]> = {
  imageannotation: ['attachment', 'attachment_type', 'context_attachments', 'base_annotations'],
  categorization: ['attachment'],
  comparison: ['attachments'],
  textcollection: ['attachments'],
  namedentityrecognition: ['text'],
  transcription: ['attachment'],
  datacollection: ['attachment'],
  pairwisepreference: ['prompt', 'responses'],
  ranking: ['prompt', 'responses'],
  demonstration: ['prompt'],
};

const STARTERS: Record<string, Record<string, unknown>> = {
  imageannotation: { geometries: { box: { objects_to_annotate: ['object'] } } },
  categorization: { categories: ['yes', 'no'] },
  comparison: { choices: ['first', 'second', 'no difference'] },
  textcollection: { fields: [{ field_id: 'answer', type: 'text', title: 'Your answer' }] },
  namedentityrecognition: { labels: [{ name: 'person' }, { name: 'organization' }, { name: 'location' }] },
  transcription: { fields: { title: 'Title of the document' } },
  datacollection: { fields: { answer: 'What did you find?' } },
  pairwisepreference: {},
  ranking: {},
  demonstration: {},
};

/** Every task type of the domain's registry, in its order, as the setup describes it. */
export const TASK_TYPES: readonly TaskTypeInfo[] = BUILT_IN_TASK_TYPES.map((type) => ({
  name: type.name,
  title: type.title,
  summary: SUMMARIES[type.name] ?? type.title,
  contentKeys: CONTENT_KEYS[type.name] ?? [],
  starterParams: STARTERS[type.name] ?? {},
}));

/** The setup's view of a type, or undefined for a type this build does not know. */
export function taskTypeInfo(name: string): TaskTypeInfo | undefined {
  return TASK_TYPES.find((type) => type.name === name);
}

/** The domain's task types, which the setup validates params and previews with (the server uses the same). */
export const setupRegistry: TaskTypeRegistry = createTaskTypeRegistry();
