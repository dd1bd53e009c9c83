/** A project's gold tasks and the annotators' standings: create, archive, pause and reinstate. */
import { ConsolePage } from '../layout.tsx';

/** Props of {@link GoldPage}. */
export interface GoldPageProps {
  /** The project's name. */
  project: string;
}

/** A project's gold tasks and the annotators' standings: create, archive, pause and reinstate. */
export function GoldPage(_props: GoldPageProps) {
  return <ConsolePage title="Gold">Not built yet.</ConsolePage>;
}
