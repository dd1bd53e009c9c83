/** The task explorer: a project's tasks, filtered, in a virtual list over server pages. */
import { ConsolePage } from '../layout.tsx';

/** Props of {@link TaskExplorerPage}. */
export interface TaskExplorerPageProps {
  /** The project's name. */
  project: string;
}

/** The task explorer: a project's tasks, filtered, in a virtual list over server pages. */
export function TaskExplorerPage(_props: TaskExplorerPageProps) {
  return <ConsolePage title="Tasks">Not built yet.</ConsolePage>;
}
