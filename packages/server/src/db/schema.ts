/**
 * The database schema. Every org-owned table carries `org_id` and a row-level security policy that
 * only lets the `groundwork_app` role see rows of the organization named by the per-transaction
 * setting `groundwork.org_id`. Migrations are generated from this file by drizzle-kit.
 */
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  index,
  integer,
  jsonb,
  pgPolicy,
  pgRole,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

/** The role every tenant-scoped transaction switches to; it cannot bypass row-level security. */
export const appRole = pgRole('groundwork_app').existing();

/** The row-level security policy of an org-owned table: rows of the transaction's organization only. */
function orgIsolation(column = 'org_id') {
  const predicate = sql.raw(`${column} = current_setting('groundwork.org_id', true)`);
  return pgPolicy('org_isolation', {
    as: 'permissive',
    for: 'all',
    to: appRole,
    using: predicate,
    withCheck: predicate,
  });
}

const createdAt = () => timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow();
const updatedAt = () => timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull().defaultNow();
const orgId = () => text('org_id').notNull();

/** A tenant: one customer. */
export const organizations = pgTable(
  'organizations',
  {
    id: text('id').primaryKey(),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('organizations_slug_key').on(t.slug), orgIsolation('id')],
);

/** A person. Users are global; their access to an organization is a membership. */
export const users = pgTable(
  'users',
  {
    id: text('id').primaryKey(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    passwordHash: text('password_hash'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('users_email_key').on(t.email),
    // Tenant-scoped transactions see only the members of their organization; users are created by the system.
    pgPolicy('org_members', {
      as: 'permissive',
      for: 'select',
      to: appRole,
      using: sql`EXISTS (SELECT 1 FROM memberships m WHERE m.user_id = users.id AND m.org_id = current_setting('groundwork.org_id', true))`,
    }),
  ],
);

/** A user's role in an organization. */
export const memberships = pgTable(
  'memberships',
  {
    orgId: orgId(),
    userId: text('user_id').notNull(),
    role: text('role', { enum: ['owner', 'admin', 'manager', 'reviewer', 'annotator', 'viewer'] }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.userId] }),
    index('memberships_user_idx').on(t.userId),
    orgIsolation(),
  ],
);

/** An API key; only its SHA-256 is stored. `environment` separates live from test data. */
export const apiKeys = pgTable(
  'api_keys',
  {
    id: text('id').primaryKey(),
    orgId: orgId(),
    name: text('name').notNull(),
    environment: text('environment', { enum: ['live', 'test'] }).notNull(),
    /** The first characters of the key, shown to identify it. */
    prefix: text('prefix').notNull(),
    keyHash: text('key_hash').notNull(),
    createdBy: text('created_by'),
    createdAt: createdAt(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true, precision: 3 }),
    revokedAt: timestamp('revoked_at', { withTimezone: true, precision: 3 }),
  },
  (t) => [
    uniqueIndex('api_keys_hash_key').on(t.keyHash),
    index('api_keys_org_idx').on(t.orgId),
    orgIsolation(),
  ],
);

/** A project: a task type with default params (versioned), instructions and, later, workflow policies. */
export const projects = pgTable(
  'projects',
  {
    id: text('id').primaryKey(),
    orgId: orgId(),
    isTest: boolean('is_test').notNull(),
    name: text('name').notNull(),
    type: text('type').notNull(),
    /** Current default params (the latest param version). */
    params: jsonb('params').$type<Record<string, unknown>>().notNull(),
    instruction: text('instruction'),
    version: integer('version').notNull().default(0),
    archived: boolean('archived').notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('projects_name_key').on(t.orgId, t.isTest, t.name), orgIsolation()],
);

/** Every version of a project's params; `setParams` appends one. */
export const projectParamVersions = pgTable(
  'project_param_versions',
  {
    orgId: orgId(),
    projectId: text('project_id').notNull(),
    version: integer('version').notNull(),
    params: jsonb('params').$type<Record<string, unknown>>().notNull(),
    instruction: text('instruction'),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.version] }), orgIsolation()],
);

/** A named group of tasks in a project: staging → in_progress → completed. */
export const batches = pgTable(
  'batches',
  {
    id: text('id').primaryKey(),
    orgId: orgId(),
    isTest: boolean('is_test').notNull(),
    projectId: text('project_id').notNull(),
    name: text('name').notNull(),
    status: text('status', { enum: ['staging', 'in_progress', 'completed'] }).notNull(),
    callback: text('callback'),
    calibrationBatch: boolean('calibration_batch').notNull().default(false),
    selfLabelBatch: boolean('self_label_batch').notNull().default(false),
    metadata: jsonb('metadata').$type<Record<string, unknown>>().notNull(),
    archived: boolean('archived').notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    completedAt: timestamp('completed_at', { withTimezone: true, precision: 3 }),
  },
  (t) => [
    uniqueIndex('batches_name_key').on(t.orgId, t.isTest, t.name),
    index('batches_project_idx').on(t.projectId),
    orgIsolation(),
  ],
);

/** A customer audit of a task, as Scale's `/v1/task/{id}/audit` records it. */
export interface TaskAudit {
  audited_by: string;
  audited_at: string;
  audit_time_secs: number | null;
  audit_result: 'accepted' | 'rejected' | 'fixed';
  audit_source: 'customer' | 'scale';
  comments: string | null;
}

/** One unit of customer work. */
export const tasks = pgTable(
  'tasks',
  {
    id: text('id').primaryKey(),
    orgId: orgId(),
    isTest: boolean('is_test').notNull(),
    projectId: text('project_id').notNull(),
    batchId: text('batch_id'),
    type: text('type').notNull(),
    status: text('status', { enum: ['pending', 'completed', 'canceled', 'error'] }).notNull(),
    instruction: text('instruction'),
    params: jsonb('params').$type<Record<string, unknown>>().notNull(),
    response: jsonb('response').$type<unknown>(),
    metadata: jsonb('metadata').$type<Record<string, unknown>>().notNull(),
    tags: text('tags').array(),
    uniqueId: text('unique_id'),
    clearUniqueIdOnError: boolean('clear_unique_id_on_error').notNull().default(false),
    priority: integer('priority').notNull().default(20),
    callbackUrl: text('callback_url'),
    callbackSucceeded: boolean('callback_succeeded'),
    customerReviewStatus: text('customer_review_status'),
    audits: jsonb('audits').$type<TaskAudit[]>().notNull().default(sql`'[]'::jsonb`),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    completedAt: timestamp('completed_at', { withTimezone: true, precision: 3 }),
  },
  (t) => [
    index('tasks_list_idx').on(t.orgId, t.isTest, t.createdAt.desc(), t.id.desc()),
    index('tasks_project_idx').on(t.projectId, t.createdAt.desc(), t.id.desc()),
    index('tasks_batch_idx').on(t.batchId, t.status),
    uniqueIndex('tasks_unique_id_key').on(t.orgId, t.isTest, t.uniqueId).where(sql`unique_id IS NOT NULL`),
    orgIsolation(),
  ],
);

/** A task-creation `Idempotency-Key` already used, and the task it created. */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    orgId: orgId(),
    isTest: boolean('is_test').notNull(),
    key: text('key').notNull(),
    taskId: text('task_id').notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.isTest, t.key] }), orgIsolation()],
);

/** A task with a known answer (Scale's evaluation and training tasks), mixed into queues later. */
export const goldTasks = pgTable(
  'gold_tasks',
  {
    id: text('id').primaryKey(),
    orgId: orgId(),
    isTest: boolean('is_test').notNull(),
    projectId: text('project_id').notNull(),
    kind: text('kind', { enum: ['evaluation', 'training'] }).notNull(),
    type: text('type').notNull(),
    params: jsonb('params').$type<Record<string, unknown>>().notNull(),
    expectedResponse: jsonb('expected_response').$type<unknown>().notNull(),
    initialResponse: jsonb('initial_response').$type<unknown>(),
    createdAt: createdAt(),
  },
  (t) => [index('gold_tasks_project_idx').on(t.projectId), orgIsolation()],
);

/** An uploaded or imported blob, referenced from tasks as `groundwork://files/<id>`. */
export const files = pgTable(
  'files',
  {
    id: text('id').primaryKey(),
    orgId: orgId(),
    isTest: boolean('is_test').notNull(),
    projectId: text('project_id'),
    displayName: text('display_name'),
    referenceId: text('reference_id'),
    mimeType: text('mime_type').notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    sha256: text('sha256').notNull(),
    blobKey: text('blob_key').notNull(),
    sourceUrl: text('source_url'),
    metadata: jsonb('metadata').$type<Record<string, unknown>>().notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('files_reference_id_key')
      .on(t.orgId, t.isTest, t.referenceId)
      .where(sql`reference_id IS NOT NULL`),
    orgIsolation(),
  ],
);

/** Append-only record of who did what; each event is chained to the org's previous one by SHA-256. */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    orgId: orgId(),
    actorType: text('actor_type', { enum: ['user', 'api_key', 'system'] }).notNull(),
    actorId: text('actor_id'),
    action: text('action').notNull(),
    targetType: text('target_type'),
    targetId: text('target_id'),
    data: jsonb('data').$type<Record<string, unknown>>().notNull(),
    createdAt: createdAt(),
    prevHash: text('prev_hash'),
    hash: text('hash').notNull(),
  },
  (t) => [index('audit_events_org_idx').on(t.orgId, t.id), orgIsolation()],
);
