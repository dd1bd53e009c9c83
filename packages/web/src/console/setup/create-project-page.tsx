/** Creates a project: its type, labels and instructions, with a live preview of the annotator's view. */
import { ConsolePage } from '../layout.tsx';

/** Creates a project: its type, labels and instructions, with a live preview of the annotator's view. */
export function CreateProjectPage() {
  return <ConsolePage title="New project">Not built yet.</ConsolePage>;
}
