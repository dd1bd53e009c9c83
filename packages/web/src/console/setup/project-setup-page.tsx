/** A project's setup: instructions (versioned), labels and attributes with a live preview, workflow, quality, routing. */
import { Link, useLocation, useNavigate } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { canManage, useSession } from '../../api/session.ts';
import { ConsolePage } from '../layout.tsx';
import { InstructionsSection } from './instructions-section.tsx';
import { LabelsSection } from './labels-section.tsx';
import { QualitySection, RoutingSection, WorkflowSection } from './policy-sections.tsx';
import { useProject, useWorkPolicy } from './queries.ts';
import { RedactionSection } from './redaction-section.tsx';
import { taskTypeInfo } from './type-catalog.ts';
import './setup.css';

/** Props of {@link ProjectSetupPage}. */
export interface ProjectSetupPageProps {
  /** The project's name. */
  project: string;
}

/** The sections of the setup, in tab order; `?section=` in the address opens one. */
const SECTIONS = [
  { id: 'labels', title: 'Labels' },
  { id: 'instructions', title: 'Instructions' },
  { id: 'workflow', title: 'Workflow' },
  { id: 'quality', title: 'Quality' },
  { id: 'routing', title: 'Routing' },
] as const;

type SectionId = (typeof SECTIONS)[number]['id'];

function isSection(value: unknown): value is SectionId {
  return SECTIONS.some((section) => section.id === value);
}

/** A project's setup: instructions (versioned), labels and attributes with a live preview, workflow, quality, routing. */
export function ProjectSetupPage({ project: name }: ProjectSetupPageProps) {
  const session = useSession().data;
  const canEdit = session ? canManage(session.role) : false;
  const project = useProject(name);
  const policy = useWorkPolicy(name);
  const search = useLocation({ select: (location) => location.search as Record<string, unknown> });
  const navigate = useNavigate();
  const section: SectionId = isSection(search.section) ? search.section : 'labels';
  const [visited, setVisited] = useState<Set<SectionId>>(() => new Set([section]));
  const [dirty, setDirty] = useState<Record<string, boolean>>({});

  useEffect(() => {
    setVisited((current) => (current.has(section) ? current : new Set([...current, section])));
  }, [section]);

  const anyDirty = Object.values(dirty).some(Boolean);
  useEffect(() => {
    if (!anyDirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [anyDirty]);

  // One stable callback per section, so sections can report their unsaved changes from an effect.
  const [handlers] = useState(
    () =>
      Object.fromEntries(
        [...SECTIONS, { id: 'redaction' }].map((item) => [
          item.id,
          (value: boolean) =>
            setDirty((current) => (current[item.id] === value ? current : { ...current, [item.id]: value })),
        ]),
      ) as Record<SectionId | 'redaction', (dirty: boolean) => void>,
  );

  const open = (id: SectionId) =>
    void navigate({
      to: '/console/projects/$name/setup',
      params: { name },
      search: { section: id } as never,
      replace: true,
    });

  if (project.isPending) {
    return (
      <ConsolePage title="Setup">
        <p className="muted" role="status">
          Loading the project…
        </p>
      </ConsolePage>
    );
  }
  if (project.isError) {
    return (
      <ConsolePage title="Setup">
        <div className="empty" role="alert">
          {project.error.message}
        </div>
      </ConsolePage>
    );
  }
  const data = project.data;
  const info = taskTypeInfo(data.type);

  return (
    <ConsolePage
      title={`Set up ${data.name}`}
      subtitle={
        <>
          {info?.title ?? data.type} · params version {data.version}
          {data.archived ? ' · archived' : ''}
        </>
      }
    >
      <div className="setup-page">
        {search.created === '1' && (
          <div className="banner setup-created" role="status">
            <strong>Project {data.name} is created.</strong> Set its quality policy and routing here if the
            defaults do not suit it, then add tasks on the{' '}
            <Link to="/console/projects/$name/batches" params={{ name }}>
              Batches
            </Link>{' '}
            page or through the API.{' '}
            <button type="button" className="button button--small" onClick={() => open(section)}>
              Dismiss
            </button>
          </div>
        )}
        {!canEdit && (
          <p className="banner setup-readonly" role="note">
            You can look at this setup; only managers can change it.
          </p>
        )}
        <div className="tabs" role="tablist" aria-label="Setup sections">
          {SECTIONS.map((item) => (
            <button
              key={item.id}
              type="button"
              role="tab"
              id={`setup-tab-${item.id}`}
              aria-selected={section === item.id}
              aria-controls={`setup-panel-${item.id}`}
              onClick={() => open(item.id)}
            >
              {item.title}
              {(dirty[item.id] || (item.id === 'routing' && dirty.redaction)) && (
                <>
                  <span className="setup-tab-dot" aria-hidden="true" title="Unsaved changes">
                    •
                  </span>
                  <span className="setup-sr-only"> (unsaved changes)</span>
                </>
              )}
            </button>
          ))}
        </div>
        {SECTIONS.filter((item) => visited.has(item.id)).map((item) => (
          <div
            key={item.id}
            role="tabpanel"
            id={`setup-panel-${item.id}`}
            aria-labelledby={`setup-tab-${item.id}`}
            hidden={section !== item.id}
          >
            {item.id === 'labels' && (
              <LabelsSection project={data} canEdit={canEdit} onDirty={handlers.labels} />
            )}
            {item.id === 'instructions' && (
              <InstructionsSection project={data} canEdit={canEdit} onDirty={handlers.instructions} />
            )}
            {(item.id === 'workflow' || item.id === 'quality' || item.id === 'routing') &&
              (policy.isPending ? (
                <p className="muted" role="status">
                  Loading the work policy…
                </p>
              ) : policy.isError ? (
                <p className="error-text" role="alert">
                  The work policy could not be loaded: {policy.error.message}
                </p>
              ) : item.id === 'workflow' ? (
                <WorkflowSection
                  project={name}
                  policy={policy.data}
                  canEdit={canEdit}
                  onDirty={handlers.workflow}
                />
              ) : item.id === 'quality' ? (
                <QualitySection
                  project={name}
                  policy={policy.data}
                  canEdit={canEdit}
                  onDirty={handlers.quality}
                />
              ) : (
                <>
                  <RoutingSection
                    project={name}
                    policy={policy.data}
                    canEdit={canEdit}
                    onDirty={handlers.routing}
                  />
                  <RedactionSection
                    project={name}
                    policy={policy.data}
                    canEdit={canEdit}
                    onDirty={handlers.redaction}
                  />
                </>
              ))}
          </div>
        ))}
      </div>
    </ConsolePage>
  );
}
