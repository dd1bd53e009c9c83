/**
 * The organization's people (/console/people): members with their roles, workforces and skills;
 * invitations (one person or a vendor's team); workforces (own staff and vendors). The open tab is kept in
 * the address's fragment (`#invitations`) so it survives a reload and can be linked to.
 */
import { useState } from 'react';
import { useSession } from '../../api/session.ts';
import { ConsolePage } from '../layout.tsx';
import { ApiError } from '../shared/api-error.tsx';
import { TabList, TabPanel, useHashTab } from '../shared/tabs.tsx';
import { InvitationsTab, type InviteDefaults } from './invitations-tab.tsx';
import { MembersTab } from './members-tab.tsx';
import { useInvitations, useMembers, useWorkforces } from './people-data.ts';
import { canAdminister, canSeePeople } from './people-rules.ts';
import { WorkforcesTab } from './workforces-tab.tsx';
import './people.css';

const TABS = [
  { id: 'members', label: 'Members' },
  { id: 'invitations', label: 'Invitations' },
  { id: 'workforces', label: 'Workforces' },
] as const;

/** A tab of the page. */
type Tab = (typeof TABS)[number]['id'];

const TAB_IDS = TABS.map((t) => t.id) as [Tab, ...Tab[]];

/** The People page. */
export function PeoplePage() {
  const session = useSession().data;
  const allowed = session ? canSeePeople(session.role) : false;
  const [tab, open] = useHashTab(TAB_IDS);
  const [inviteDefaults, setInviteDefaults] = useState<InviteDefaults>({
    role: 'annotator',
    workforceId: null,
  });
  const members = useMembers(allowed);
  const invitations = useInvitations(allowed);
  const workforces = useWorkforces(allowed);

  if (!session) return <ConsolePage title="People">Loading…</ConsolePage>;
  if (!allowed) {
    return (
      <ConsolePage title="People">
        <div className="empty">
          <p>Members, invitations and workforces are managed by managers, admins and owners.</p>
          <p className="field__hint">Ask one of them to invite someone or to change your role.</p>
        </div>
      </ConsolePage>
    );
  }

  const pendingCount = invitations.data?.filter((i) => i.status === 'pending').length ?? 0;
  const activeWorkforces = workforces.data?.filter((w) => !w.archived).length ?? 0;
  const loading = members.isPending || invitations.isPending || workforces.isPending;
  const error = members.error ?? invitations.error ?? workforces.error;
  const counts: Record<Tab, number | undefined> = {
    members: members.data?.length,
    invitations: invitations.data ? pendingCount : undefined,
    workforces: workforces.data ? activeWorkforces : undefined,
  };

  return (
    <ConsolePage
      title="People"
      subtitle={`Who works in ${session.org.name}: members, the invitations still open, and the teams they belong to.`}
      actions={
        tab !== 'invitations' && (
          <button type="button" className="button button--primary" onClick={() => open('invitations')}>
            Invite people
          </button>
        )
      }
    >
      <TabList
        label="People"
        idPrefix="people"
        tabs={TABS.map((t) => ({
          id: t.id,
          label: (
            <>
              {t.label}
              {counts[t.id] !== undefined && <span className="people-count">{counts[t.id]}</span>}
            </>
          ),
        }))}
        selected={tab}
        onSelect={open}
      />
      <TabPanel idPrefix="people" tab={tab}>
        {error ? (
          <ApiError error={error} />
        ) : loading ? (
          <p className="muted">Loading people…</p>
        ) : tab === 'members' ? (
          <MembersTab
            caller={{ userId: session.user.id, role: session.role }}
            members={members.data ?? []}
            workforces={workforces.data ?? []}
          />
        ) : tab === 'invitations' ? (
          <InvitationsTab
            callerRole={session.role}
            invitations={invitations.data ?? []}
            workforces={workforces.data ?? []}
            defaults={inviteDefaults}
          />
        ) : (
          <WorkforcesTab
            canAdminister={canAdminister(session.role)}
            workforces={workforces.data ?? []}
            members={members.data ?? []}
            onInvite={(workforce) => {
              setInviteDefaults({ role: 'annotator', workforceId: workforce.id });
              open('invitations');
            }}
          />
        )}
      </TabPanel>
    </ConsolePage>
  );
}
