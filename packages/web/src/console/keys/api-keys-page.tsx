/** The organization's API keys: create (shown once), list, revoke. */
import { ConsolePage } from '../layout.tsx';

/** The organization's API keys: create (shown once), list, revoke. */
export function ApiKeysPage() {
  return <ConsolePage title="API keys">Not built yet.</ConsolePage>;
}
