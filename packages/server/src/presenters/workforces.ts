/**
 * The first-party (`/api`) shapes of workforces, their members, members' skills and a project's work
 * policy (workflow, routing, priority). camelCase, every key always present (`null` when empty).
 */
import {
  type ProjectQuality,
  type ProjectRedaction,
  type ProjectRouting,
  type ProjectWorkflow,
  projectQualitySchema,
  projectRedactionSchema,
  projectRoutingSchema,
  projectWorkflowSchema,
} from '@groundwork/domain';
import { z } from 'zod';
import { decodeGrantor, type MemberSkillRow } from '../repositories/skills.ts';
import type { WorkforceMemberRow, WorkforceRow } from '../repositories/workforces.ts';

const timestamp = (what: string) => z.string().meta({ format: 'date-time' }).describe(what);

/** A workforce. */
export const apiWorkforceSchema = z
  .object({
    id: z.string().describe('Workforce id; what project routing names.'),
    name: z.string().describe('Unique name of the workforce in the organization.'),
    kind: z
      .enum(['internal', 'vendor'])
      .describe("`internal`: the organization's own staff; `vendor`: an outside labeling company."),
    contact: z.string().nullable().describe('Who to talk to (a name, an email address), if recorded.'),
    description: z.string().nullable().describe('Free-text description, if any.'),
    archived: z.boolean().describe('Archived workforces cannot be routed to or given new members.'),
    createdAt: timestamp('When the workforce was created.'),
    updatedAt: timestamp('When the workforce last changed.'),
  })
  .describe('A team of annotators: the organization’s own staff or an outside vendor.');
/** A workforce. */
export type ApiWorkforce = z.infer<typeof apiWorkforceSchema>;

/** Presents a workforce. */
export function presentWorkforce(row: WorkforceRow): ApiWorkforce {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    contact: row.contact,
    description: row.description,
    archived: row.archived,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** A member of a workforce. */
export const apiWorkforceMemberSchema = z
  .object({
    userId: z.string().describe('The user id.'),
    email: z.string().describe('Email address.'),
    name: z.string().describe('Display name.'),
    role: z.string().describe('Role in the organization.'),
    disabled: z.boolean().describe('A disabled member cannot log in or take work.'),
    joinedAt: timestamp('When the person joined the organization.'),
  })
  .describe('A member of a workforce.');
/** A member of a workforce. */
export type ApiWorkforceMember = z.infer<typeof apiWorkforceMemberSchema>;

/** Presents a member of a workforce. */
export function presentWorkforceMember(row: WorkforceMemberRow): ApiWorkforceMember {
  return {
    userId: row.userId,
    email: row.email,
    name: row.name,
    role: row.role,
    disabled: row.disabled,
    joinedAt: row.joinedAt.toISOString(),
  };
}

/** A member's workforce. */
export const apiMemberWorkforceSchema = z
  .object({
    userId: z.string().describe('The user id.'),
    workforceId: z.string().nullable().describe('The workforce the member works for (null: none).'),
  })
  .describe("A member's workforce.");
/** A member's workforce. */
export type ApiMemberWorkforce = z.infer<typeof apiMemberWorkforceSchema>;

/** Who granted a skill. */
const grantorSchema = z
  .object({
    type: z.enum(['user', 'api_key']).describe('A person or an API key.'),
    id: z.string().describe('The user id or the API key id.'),
  })
  .describe('Who granted the skill.');

/** A skill a member holds. */
export const apiMemberSkillSchema = z
  .object({
    skill: z.string().describe('The skill, a lowercase slug (e.g. `medicine`, `lidar`).'),
    source: z
      .enum(['granted', 'qualification'])
      .describe('`granted` by a manager, or `qualification`: earned by passing a qualification test.'),
    grantedBy: grantorSchema.nullable().describe('Who granted it (null for qualifications).'),
    grantedAt: timestamp('When it was granted or earned.'),
    expiresAt: timestamp('When it expires.').nullable().describe('When it expires (null: never).'),
    active: z.boolean().describe('Whether it counts now (not expired); only active skills satisfy routing.'),
  })
  .describe('A skill or qualification of a member.');
/** A member's skill. */
export type ApiMemberSkill = z.infer<typeof apiMemberSkillSchema>;

/** Presents a member's skill as of `now`. */
export function presentMemberSkill(row: MemberSkillRow, now: Date): ApiMemberSkill {
  return {
    skill: row.skill,
    source: row.source,
    grantedBy: decodeGrantor(row.grantedBy),
    grantedAt: row.grantedAt.toISOString(),
    expiresAt: row.expiresAt?.toISOString() ?? null,
    active: row.expiresAt === null || row.expiresAt > now,
  };
}

/** A project's work policy: workflow, routing and priority, defaults applied. */
export const apiProjectWorkPolicySchema = z
  .object({
    workflow: projectWorkflowSchema.describe(
      'How a task becomes human work: overlap, review stage, lease duration.',
    ),
    routing: projectRoutingSchema.describe('Who may work the project: workforces (with shares) and skills.'),
    priority: z.int().describe('Queue priority of the project, -100..100; higher is served first.'),
    quality: projectQualitySchema.describe(
      'Quality policy: hidden gold rate, pause threshold, training gate, weighted consensus.',
    ),
    redaction: projectRedactionSchema.describe(
      'Personal data masking: whose annotators see emails, phone numbers, card and ID numbers, IP addresses and listed names replaced by placeholders.',
    ),
  })
  .describe("A project's workflow, routing, priority, quality and redaction policy.");
/** A project's work policy. */
export type ApiProjectWorkPolicy = z.infer<typeof apiProjectWorkPolicySchema>;

/** Presents a project's work policy. */
export function presentProjectWorkPolicy(policy: {
  workflow: ProjectWorkflow;
  routing: ProjectRouting;
  priority: number;
  quality: ProjectQuality;
  redaction: ProjectRedaction;
}): ApiProjectWorkPolicy {
  return {
    workflow: policy.workflow,
    routing: policy.routing,
    priority: policy.priority,
    quality: policy.quality,
    redaction: policy.redaction,
  };
}
