/**
 * The task types the workbench can show, by name. Each entry is the type's editor, viewer and draft
 * logic (see `contract.ts`); a type missing here cannot be worked in the browser.
 */
import { categorizationUi } from './categorization/index.tsx';
import { comparisonUi } from './comparison/index.tsx';
import type { AnyTaskTypeUi } from './contract.ts';
import { datacollectionUi } from './datacollection/index.tsx';
import { demonstrationUi } from './demonstration/index.tsx';
import { imageannotationUi } from './imageannotation/index.tsx';
import { namedentityrecognitionUi } from './namedentityrecognition/index.tsx';
import { pairwisepreferenceUi } from './pairwisepreference/index.tsx';
import { rankingUi } from './ranking/index.tsx';
import { textcollectionUi } from './textcollection/index.tsx';
import { transcriptionUi } from './transcription/index.tsx';

const ALL: AnyTaskTypeUi[] = [
  imageannotationUi,
  categorizationUi,
  comparisonUi,
  textcollectionUi,
  namedentityrecognitionUi,
  transcriptionUi,
  datacollectionUi,
  pairwisepreferenceUi,
  rankingUi,
  demonstrationUi,
];

const BY_NAME = new Map(ALL.map((ui) => [ui.name, ui]));

/** The UI of a task type, or undefined when this build cannot show it. */
export function taskTypeUi(name: string): AnyTaskTypeUi | undefined {
  return BY_NAME.get(name);
}

/** Names of the task types this build can show. */
export function shownTaskTypes(): string[] {
  return [...BY_NAME.keys()];
}
