/** A project's setup: instructions (versioned), labels and attributes with a live preview, workflow, quality, routing. */
import { ConsolePage } from '../layout.tsx';

/** Props of {@link ProjectSetupPage}. */
export interface ProjectSetupPageProps {
  /** The project's name. */
  project: string;
}

/** A project's setup: instructions (versioned), labels and attributes with a live preview, workflow, quality, routing. */
export function ProjectSetupPage(_props: ProjectSetupPageProps) {
  return <ConsolePage title="Setup">Not built yet.</ConsolePage>;
}
