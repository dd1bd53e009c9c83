/**
 * Webhooks (/console/webhooks): the deliveries Groundwork made to your callback URLs, with their attempts
 * and Re-send (managers and up), and the secrets receivers check, with rotation (admins and owners). The
 * open tab is kept in the address's fragment (`#secrets`).
 */
import { canManage, useSession } from '../../api/session.ts';
import { ConsolePage } from '../layout.tsx';
import { canAdminister } from '../people/people-rules.ts';
import { TabList, TabPanel, useHashTab } from '../shared/tabs.tsx';
import { DeliveriesTab } from './deliveries-tab.tsx';
import { WebhookSecrets } from './webhook-secrets.tsx';
import './webhooks.css';

const TABS = [
  { id: 'deliveries', label: 'Deliveries' },
  { id: 'secrets', label: 'Secrets' },
] as const;

/** A tab of the page. */
type Tab = (typeof TABS)[number]['id'];

const TAB_IDS = TABS.map((t) => t.id) as [Tab, ...Tab[]];

/** The Webhooks page. */
export function WebhooksPage() {
  const session = useSession().data;
  const [tab, open] = useHashTab(TAB_IDS);

  const subtitle = 'What Groundwork sent to your callback URLs, and the secrets your receivers check.';
  if (!session) return <ConsolePage title="Webhooks">Loading…</ConsolePage>;
  if (!canManage(session.role)) {
    return (
      <ConsolePage title="Webhooks" subtitle={subtitle}>
        <p className="empty">Webhook deliveries are visible to managers, admins and owners.</p>
      </ConsolePage>
    );
  }
  return (
    <ConsolePage title="Webhooks" subtitle={subtitle}>
      <TabList label="Webhooks" idPrefix="hook" tabs={TABS} selected={tab} onSelect={open} />
      <TabPanel idPrefix="hook" tab={tab}>
        {tab === 'deliveries' ? (
          <DeliveriesTab />
        ) : canAdminister(session.role) ? (
          <WebhookSecrets />
        ) : (
          <div className="empty">
            <p>The webhook secrets are shown to admins and owners only.</p>
            <p className="field__hint">
              Ask one of them for the values your receivers need, or to rotate them.
            </p>
          </div>
        )}
      </TabPanel>
    </ConsolePage>
  );
}
