/**
 * The setup pages' server reads, through the typed SDK and TanStack Query: the project, its param history,
 * its work policy, the organization's workforces and members' skills, and a task to preview with.
 */
import { useQueries, useQuery } from '@tanstack/react-query';
import { api, call } from '../../api/client.ts';

/** Query keys of the setup pages, so saves can refresh exactly what they changed. */
export const setupKeys = {
  project: (name: string) => ['setup', 'project', name] as const,
  history: (name: string) => ['setup', 'project', name, 'param-history'] as const,
  policy: (name: string) => ['setup', 'project', name, 'workflow'] as const,
  sample: (type: string, project: string | null) => ['setup', 'sample', type, project] as const,
  workforces: ['setup', 'workforces'] as const,
  members: ['setup', 'members'] as const,
  skills: (userId: string) => ['setup', 'members', userId, 'skills'] as const,
};

/** A project by name. */
export function useProject(name: string) {
  return useQuery({
    queryKey: setupKeys.project(name),
    queryFn: () => call(api.GET('/api/projects/{name}', { params: { path: { name } } })),
  });
}

/** A project's param versions, oldest first. */
export function useParamHistory(name: string) {
  return useQuery({
    queryKey: setupKeys.history(name),
    queryFn: async () =>
      (await call(api.GET('/api/projects/{name}/param-history', { params: { path: { name } } }))).items,
  });
}

/** A project's workflow, routing, priority and quality policy. */
export function useWorkPolicy(name: string) {
  return useQuery({
    queryKey: setupKeys.policy(name),
    queryFn: () => call(api.GET('/api/projects/{name}/workflow', { params: { path: { name } } })),
  });
}

/**
 * The params of a task to preview with: the project's newest task, or (for a new project, or one without
 * tasks) the newest task of the same type in the organization, without its pre-labels (they belong to
 * another project's labels). Null when there is none; failures count as none (the preview has samples).
 */
export function useSampleTask(type: string, project: string | null) {
  return useQuery({
    queryKey: setupKeys.sample(type, project),
    enabled: type !== '',
    staleTime: 5 * 60_000,
    queryFn: async (): Promise<{ params: Record<string, unknown>; note: string } | null> => {
      try {
        if (project) {
          const own = await call(api.GET('/api/tasks', { params: { query: { project, limit: 1 } } }));
          const task = own.items[0];
          if (task) return { params: task.params, note: `task ${task.uniqueId ?? task.id}` };
        }
        const any = await call(api.GET('/api/tasks', { params: { query: { type, limit: 1 } } }));
        const task = any.items[0];
        if (!task) return null;
        const { base_annotations: _prelabels, ...params } = task.params;
        return {
          params,
          note: `a task of ${task.project ? `project ${task.project}` : 'this organization'}`,
        };
      } catch {
        return null;
      }
    },
  });
}

/** The organization's workforces (managers only; `enabled` false for other roles). */
export function useWorkforces(enabled: boolean) {
  return useQuery({
    queryKey: setupKeys.workforces,
    enabled,
    queryFn: async () => (await call(api.GET('/api/workforces'))).items,
  });
}

/**
 * Every skill some member holds, with how many active members hold it, and each member's active skills,
 * read member by member (the API has no organization-wide skill list). Managers only.
 */
export function useOrgSkills(enabled: boolean) {
  const members = useQuery({
    queryKey: setupKeys.members,
    enabled,
    queryFn: async () => (await call(api.GET('/api/members'))).items,
  });
  const workers = (members.data ?? []).filter((member) => !member.disabled).slice(0, 200);
  const skills = useQueries({
    queries: workers.map((member) => ({
      queryKey: setupKeys.skills(member.userId),
      enabled,
      queryFn: async () =>
        (await call(api.GET('/api/members/{userId}/skills', { params: { path: { userId: member.userId } } })))
          .items,
    })),
  });
  const held = workers.map((member, index) => ({
    member,
    skills: new Set((skills[index]?.data ?? []).filter((skill) => skill.active).map((skill) => skill.skill)),
  }));
  return {
    loading: members.isPending || skills.some((query) => query.isPending),
    held,
  };
}
