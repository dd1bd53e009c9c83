/** A project's dataset exports: start one in any format, watch its progress, download it. */
import { ConsolePage } from '../layout.tsx';

/** Props of {@link ExportsPage}. */
export interface ExportsPageProps {
  /** The project's name. */
  project: string;
}

/** A project's dataset exports: start one in any format, watch its progress, download it. */
export function ExportsPage(_props: ExportsPageProps) {
  return <ConsolePage title="Exports">Not built yet.</ConsolePage>;
}
