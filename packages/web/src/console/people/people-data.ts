/**
 * The People page's server data: members, invitations and workforces as TanStack queries under one key
 * prefix, so that any change refreshes what it touches.
 */
import { useQuery } from '@tanstack/react-query';
import { api, call } from '../../api/client.ts';

/** Query keys of the People page. */
export const peopleKeys = {
  members: ['people', 'members'] as const,
  invitations: ['people', 'invitations'] as const,
  workforces: ['people', 'workforces'] as const,
  skills: (userId: string) => ['people', 'skills', userId] as const,
};

/** The organization's members (manager and up). */
export function useMembers(enabled: boolean) {
  return useQuery({
    queryKey: peopleKeys.members,
    queryFn: () => call(api.GET('/api/members')),
    select: (data) => data.items,
    enabled,
    // People join from links sent elsewhere: coming back to the page shows who did.
    refetchOnWindowFocus: true,
  });
}

/** The organization's invitations, newest first (manager and up). */
export function useInvitations(enabled: boolean) {
  return useQuery({
    queryKey: peopleKeys.invitations,
    queryFn: () => call(api.GET('/api/invitations')),
    select: (data) => data.items,
    enabled,
    refetchOnWindowFocus: true,
  });
}

/** Every workforce of the organization, archived ones included (manager and up). */
export function useWorkforces(enabled: boolean) {
  return useQuery({
    queryKey: peopleKeys.workforces,
    queryFn: () => call(api.GET('/api/workforces')),
    select: (data) => data.items,
    enabled,
  });
}

/** A member's skills, expired ones included. */
export function useMemberSkills(userId: string) {
  return useQuery({
    queryKey: peopleKeys.skills(userId),
    queryFn: () => call(api.GET('/api/members/{userId}/skills', { params: { path: { userId } } })),
    select: (data) => data.items,
  });
}
