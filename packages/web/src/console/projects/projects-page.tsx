/** The console's home: every project of the organization with its progress. */
import { ConsolePage } from '../layout.tsx';

/** The console's home: every project of the organization with its progress. */
export function ProjectsPage() {
  return <ConsolePage title="Projects">Not built yet.</ConsolePage>;
}
