/** One task: its attachment with every answer and the final one, the timeline, deliveries, the customer audit. */
import { ConsolePage } from '../layout.tsx';

/** Props of {@link TaskDetailPage}. */
export interface TaskDetailPageProps {
  /** The project's name. */
  project: string;
  /** The task's id. */
  taskId: string;
}

/** One task: its attachment with every answer and the final one, the timeline, deliveries, the customer audit. */
export function TaskDetailPage(_props: TaskDetailPageProps) {
  return <ConsolePage title="Task">Not built yet.</ConsolePage>;
}
