/** A project's overview: progress, throughput, agreement and gold trends, scorecards, as charts. */
import { ConsolePage } from '../layout.tsx';

/** Props of {@link OverviewPage}. */
export interface OverviewPageProps {
  /** The project's name. */
  project: string;
}

/** A project's overview: progress, throughput, agreement and gold trends, scorecards, as charts. */
export function OverviewPage(_props: OverviewPageProps) {
  return <ConsolePage title="Overview">Not built yet.</ConsolePage>;
}
