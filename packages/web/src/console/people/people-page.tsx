/** The organization's people: members and roles, invitations, workforces (own staff and vendors). */
import { ConsolePage } from '../layout.tsx';

/** The organization's people: members and roles, invitations, workforces (own staff and vendors). */
export function PeoplePage() {
  return <ConsolePage title="People">Not built yet.</ConsolePage>;
}
