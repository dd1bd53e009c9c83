/** A project's batches: create, finalize, upload tasks (CSV, JSONL, a folder of images) with a validation report. */
import { ConsolePage } from '../layout.tsx';

/** Props of {@link BatchesPage}. */
export interface BatchesPageProps {
  /** The project's name. */
  project: string;
}

/** A project's batches: create, finalize, upload tasks (CSV, JSONL, a folder of images) with a validation report. */
export function BatchesPage(_props: BatchesPageProps) {
  return <ConsolePage title="Batches">Not built yet.</ConsolePage>;
}
