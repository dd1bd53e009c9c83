/** Webhook deliveries with their attempts, re-send, and the signing secrets. */
import { ConsolePage } from '../layout.tsx';

/** Webhook deliveries with their attempts, re-send, and the signing secrets. */
export function WebhooksPage() {
  return <ConsolePage title="Webhooks">Not built yet.</ConsolePage>;
}
