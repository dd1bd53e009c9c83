/**
 * The database schema. Every org-owned table carries `org_id` and a row-level security policy that
 * only lets the `groundwork_app` role see rows of the organization named by the per-transaction
 * setting `groundwork.org_id`. Migrations are generated from this file by drizzle-kit.
 */
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  customType,
  index,
  integer,
  jsonb,
  pgPolicy,
  pgRole,
  pgTable,
  primaryKey,
  real,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { openField, sealField } from '../keys/field-cipher.ts';

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

/** The columns holding task content encrypted (`table.column`), filled as the tables below are defined. */
export const ENCRYPTED_COLUMNS: string[] = [];

/**
 * A `jsonb` column of `table` holding task content encrypted under the organization's data key (see
 * `keys/field-cipher.ts`): written as an envelope, read back as the value; `table.column` is bound into
 * the ciphertext. Reads and writes need the organization's keys in scope (`withOrg`).
 */
function encryptedJsonb<T>(table: string, name: string) {
  const column = `${table}.${name}`;
  ENCRYPTED_COLUMNS.push(column);
  return customType<{ data: T; driverData: unknown }>({
    dataType: () => 'jsonb',
    toDriver: (value) => JSON.stringify(sealField(column, value)),
    fromDriver: (value) => openField(column, typeof value === 'string' ? JSON.parse(value) : value) as T,
  })(name);
}
/** A membership role (memberships, invitations); the same list as `ROLES`. */
const memberRole = () =>
  text('role', { enum: ['owner', 'admin', 'manager', 'reviewer', 'annotator', 'viewer'] }).notNull();

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
    /** The TOTP secret (sealed under the master key) of a confirmed second factor; null when off. */
    totpSecret: text('totp_secret'),
    /** A TOTP secret being enrolled (sealed), until a first code confirms it. */
    totpPendingSecret: text('totp_pending_secret'),
    /** When the second factor was turned on; null when off. */
    totpEnabledAt: timestamp('totp_enabled_at', { withTimezone: true, precision: 3 }),
    /** The last TOTP time step accepted: a code of this step or an earlier one is refused (no reuse). */
    totpLastStep: bigint('totp_last_step', { mode: 'number' }),
    /** SHA-256 (hex) of the unused recovery codes; each is removed when used. */
    totpRecoveryCodes: jsonb('totp_recovery_codes').$type<string[]>(),
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
    role: memberRole(),
    /** The workforce an annotator or reviewer works for (null: the organization's own, unassigned). */
    workforceId: text('workforce_id'),
    /** A disabled member cannot log in or take work; their past work stays attributed. */
    disabled: boolean('disabled').notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.userId] }),
    index('memberships_workforce_idx').on(t.orgId, t.workforceId),
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
    /** When a rotated key stops working (the end of its overlap window); null: no end. */
    expiresAt: timestamp('expires_at', { withTimezone: true, precision: 3 }),
    /** The key that replaced this one when it was rotated. */
    replacedBy: text('replaced_by'),
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
    /** How tasks become human work: overlap, review stage, lease duration (see `ProjectWorkflow`). */
    workflow: jsonb('workflow').$type<Record<string, unknown>>().notNull().default(sql`'{}'::jsonb`),
    /** Who may work the project: workforces (with optional shares) and required skills (`ProjectRouting`). */
    routing: jsonb('routing').$type<Record<string, unknown>>().notNull().default(sql`'{}'::jsonb`),
    /** Gold mixing, training gate, pause threshold and weighted consensus (`ProjectQuality`). */
    quality: jsonb('quality').$type<Record<string, unknown>>().notNull().default(sql`'{}'::jsonb`),
    /** Whose annotators see personal data masked, and what counts as such (`ProjectRedaction`). */
    redaction: jsonb('redaction').$type<Record<string, unknown>>().notNull().default(sql`'{}'::jsonb`),
    /** Higher first: the queue serves projects by priority, then batch priority, task priority and age. */
    priority: integer('priority').notNull().default(0),
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
    /** Higher first within a project's queue. */
    priority: integer('priority').notNull().default(0),
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
    params: encryptedJsonb<Record<string, unknown>>('tasks', 'params').notNull(),
    response: encryptedJsonb<unknown>('tasks', 'response'),
    metadata: jsonb('metadata').$type<Record<string, unknown>>().notNull(),
    tags: text('tags').array(),
    uniqueId: text('unique_id'),
    clearUniqueIdOnError: boolean('clear_unique_id_on_error').notNull().default(false),
    priority: integer('priority').notNull().default(20),
    callbackUrl: text('callback_url'),
    callbackSucceeded: boolean('callback_succeeded'),
    customerReviewStatus: text('customer_review_status'),
    /** Where a pending task is in its workflow: labeling, review, or done (terminal status). */
    stage: text('stage', { enum: ['label', 'review', 'done'] })
      .notNull()
      .default('label'),
    /** The labeling round: 1, then one more after every rejection. */
    round: integer('round').notNull().default(1),
    /** The consensus of the labeling stage (awaiting review, or the basis of the final response). */
    stageResponse: encryptedJsonb<unknown>('tasks', 'stage_response'),
    /** Agreement of the labeling stage's answers, 0..1 (null until consensus). */
    agreement: real('agreement'),
    audits: jsonb('audits').$type<TaskAudit[]>().notNull().default(sql`'[]'::jsonb`),
    /** The version of the project's params and instruction the task was created (and so labeled) under. */
    paramsVersion: integer('params_version'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    completedAt: timestamp('completed_at', { withTimezone: true, precision: 3 }),
  },
  (t) => [
    index('tasks_list_idx').on(t.orgId, t.isTest, t.createdAt.desc(), t.id.desc()),
    index('tasks_project_idx').on(t.projectId, t.createdAt.desc(), t.id.desc()),
    index('tasks_batch_idx').on(t.batchId, t.status),
    /** The task explorer's pages of one batch, newest first. */
    index('tasks_batch_list_idx').on(t.batchId, t.createdAt.desc(), t.id.desc()),
    /** The task explorer's search by unique_id prefix (a "C"-collation range, usable under row-level security). */
    index('tasks_unique_id_prefix_idx')
      .on(t.projectId, sql`(unique_id COLLATE "C")`)
      .where(sql`unique_id IS NOT NULL`),
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

/**
 * A task with a known answer (Scale's evaluation and training tasks). Evaluation tasks are mixed hidden
 * into a project's queue at its gold rate; training tasks gate new annotators. Archived ones are no
 * longer served; their answers stay.
 */
export const goldTasks = pgTable(
  'gold_tasks',
  {
    id: text('id').primaryKey(),
    orgId: orgId(),
    isTest: boolean('is_test').notNull(),
    projectId: text('project_id').notNull(),
    kind: text('kind', { enum: ['evaluation', 'training'] }).notNull(),
    type: text('type').notNull(),
    params: encryptedJsonb<Record<string, unknown>>('gold_tasks', 'params').notNull(),
    expectedResponse: encryptedJsonb<unknown>('gold_tasks', 'expected_response').notNull(),
    initialResponse: encryptedJsonb<unknown>('gold_tasks', 'initial_response'),
    archived: boolean('archived').notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [index('gold_tasks_project_idx').on(t.projectId, t.kind), orgIsolation()],
);

/**
 * A person's answer to a gold task: leased like an assignment (and shown exactly like one), scored
 * against the expected response when submitted. Kept apart from `assignments` so customer work,
 * consensus and exports never see gold.
 */
export const goldAnswers = pgTable(
  'gold_answers',
  {
    id: text('id').primaryKey(),
    orgId: orgId(),
    projectId: text('project_id').notNull(),
    goldTaskId: text('gold_task_id').notNull(),
    kind: text('kind', { enum: ['evaluation', 'training'] }).notNull(),
    userId: text('user_id').notNull(),
    workforceId: text('workforce_id'),
    /** The batch shown with the lease: that of the real work it was mixed into. */
    batchId: text('batch_id'),
    /** The slot shown with the lease (like a real task's). */
    slot: integer('slot').notNull(),
    status: text('status', { enum: ['leased', 'submitted', 'skipped', 'released', 'expired'] }).notNull(),
    leasedAt: timestamp('leased_at', { withTimezone: true, precision: 3 }).notNull(),
    leaseExpiresAt: timestamp('lease_expires_at', { withTimezone: true, precision: 3 }).notNull(),
    submittedAt: timestamp('submitted_at', { withTimezone: true, precision: 3 }),
    timeSpentMs: integer('time_spent_ms'),
    response: encryptedJsonb<unknown>('gold_answers', 'response'),
    /** The type's `score` of the answer against the expected response, 0..1. */
    score: real('score'),
    displayOrder: jsonb('display_order').$type<number[]>(),
    skipReason: text('skip_reason'),
    /** Like `assignments.redaction_fingerprint`: SHA-256 of what was masked when the lease was masked. */
    redactionFingerprint: text('redaction_fingerprint'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('gold_answers_person_key')
      .on(t.goldTaskId, t.userId)
      .where(sql`status IN ('leased', 'submitted', 'skipped')`),
    index('gold_answers_user_idx').on(t.projectId, t.userId, t.kind, t.submittedAt.desc()),
    index('gold_answers_person_idx').on(t.orgId, t.userId, t.status),
    index('gold_answers_project_idx')
      .on(t.projectId, t.kind, t.submittedAt.desc())
      .where(sql`status = 'submitted'`),
    index('gold_answers_lease_idx').on(t.leaseExpiresAt).where(sql`status = 'leased'`),
    orgIsolation(),
  ],
);

/**
 * Where a person stands with a project (the rolling quality record): training progress, gold results,
 * their measured reliability, and whether they are paused from it and why.
 */
export const annotatorStandings = pgTable(
  'annotator_standings',
  {
    orgId: orgId(),
    projectId: text('project_id').notNull(),
    userId: text('user_id').notNull(),
    trainingAnswered: integer('training_answered').notNull().default(0),
    trainingPassed: integer('training_passed').notNull().default(0),
    /** When they passed the training gate (or a manager let them through). */
    trainingPassedAt: timestamp('training_passed_at', { withTimezone: true, precision: 3 }),
    goldAnswered: integer('gold_answered').notNull().default(0),
    goldScoreSum: real('gold_score_sum').notNull().default(0),
    /** Reliability in consensus, 0..1 (gold accuracy, else agreement with consensus); null: unknown. */
    reliability: real('reliability'),
    reliabilitySource: text('reliability_source', { enum: ['gold', 'consensus'] }),
    /** Set while they may not work the project. */
    pausedAt: timestamp('paused_at', { withTimezone: true, precision: 3 }),
    pauseReason: text('pause_reason'),
    pausedBy: text('paused_by', { enum: ['gold', 'training', 'manager'] }),
    /** Gold answers before this no longer count toward the pause rule (a manager reinstated them). */
    reinstatedAt: timestamp('reinstated_at', { withTimezone: true, precision: 3 }),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.userId] }), orgIsolation()],
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
    /** The client address of the request behind the event (null for jobs and the command line). */
    ip: text('ip'),
    /** The client's User-Agent header, at most 512 characters (null for jobs and the command line). */
    userAgent: text('user_agent'),
  },
  (t) => [
    index('audit_events_org_idx').on(t.orgId, t.id),
    // The audit log's two usual questions: what happened to this object, what did this person do.
    index('audit_events_target_idx').on(t.orgId, t.targetType, t.targetId, t.id),
    index('audit_events_actor_idx').on(t.orgId, t.actorId, t.id),
    orgIsolation(),
  ],
);

/** A team of annotators: the organization's own staff or an outside vendor. */
export const workforces = pgTable(
  'workforces',
  {
    id: text('id').primaryKey(),
    orgId: orgId(),
    name: text('name').notNull(),
    kind: text('kind', { enum: ['internal', 'vendor'] }).notNull(),
    /** Who to talk to (a name, an email address). */
    contact: text('contact'),
    description: text('description'),
    archived: boolean('archived').notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('workforces_name_key').on(t.orgId, t.name), orgIsolation()],
);

/** A skill or qualification a member holds (granted by a manager or earned by a qualification test). */
export const memberSkills = pgTable(
  'member_skills',
  {
    orgId: orgId(),
    userId: text('user_id').notNull(),
    skill: text('skill').notNull(),
    source: text('source', { enum: ['granted', 'qualification'] }).notNull(),
    grantedBy: text('granted_by'),
    grantedAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true, precision: 3 }),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.userId, t.skill] }), orgIsolation()],
);

/** A logged-in browser: the cookie carries the token, only its SHA-256 is stored. */
export const sessions = pgTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    tokenHash: text('token_hash').notNull(),
    orgId: orgId(),
    userId: text('user_id').notNull(),
    createdAt: createdAt(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true, precision: 3 }).notNull(),
    userAgent: text('user_agent'),
    ip: text('ip'),
    /** When the session ended; an ended session is kept a while as a tombstone to recognise replays. */
    endedAt: timestamp('ended_at', { withTimezone: true, precision: 3 }),
    /** Why it ended. */
    endReason: text('end_reason', { enum: ['signed_out', 'revoked', 'expired', 'password_changed'] }),
    /** When a replay of the ended session's cookie was last audited (at most one event a minute). */
    replayAuditedAt: timestamp('replay_audited_at', { withTimezone: true, precision: 3 }),
  },
  (t) => [
    uniqueIndex('sessions_token_key').on(t.tokenHash),
    index('sessions_user_idx').on(t.userId),
    index('sessions_ended_idx').on(t.endedAt),
    orgIsolation(),
  ],
);

/** An invitation by link to join an organization with a role; the link's token is stored hashed. */
export const invitations = pgTable(
  'invitations',
  {
    id: text('id').primaryKey(),
    orgId: orgId(),
    email: text('email').notNull(),
    role: memberRole(),
    workforceId: text('workforce_id'),
    tokenHash: text('token_hash').notNull(),
    invitedBy: text('invited_by'),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true, precision: 3 }).notNull(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true, precision: 3 }),
    acceptedBy: text('accepted_by'),
    revokedAt: timestamp('revoked_at', { withTimezone: true, precision: 3 }),
  },
  (t) => [
    uniqueIndex('invitations_token_key').on(t.tokenHash),
    index('invitations_org_idx').on(t.orgId, t.createdAt),
    orgIsolation(),
  ],
);

/**
 * Open work: one row per slot (task × stage × round × slot) that nobody holds. Rows leave when leased
 * and come back when a lease is released or expires, so the table claims scan stays small.
 */
export const workQueue = pgTable(
  'work_queue',
  {
    orgId: orgId(),
    projectId: text('project_id').notNull(),
    batchId: text('batch_id'),
    taskId: text('task_id').notNull(),
    stage: text('stage', { enum: ['label', 'review'] }).notNull(),
    round: integer('round').notNull(),
    slot: integer('slot').notNull(),
    /** Combined priority (project, batch, task), higher first. */
    priority: integer('priority').notNull(),
    /** The workforce this slot is routed to by the project's shares (null: any allowed workforce). */
    workforceId: text('workforce_id'),
    /** The task's creation time: older first at equal priority. */
    taskCreatedAt: timestamp('task_created_at', { withTimezone: true, precision: 3 }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.taskId, t.stage, t.round, t.slot] }),
    // Claims walk these in order and stop at the first slot they may take: within one project, or
    // across the organization's projects.
    index('work_queue_project_claim_idx').on(
      t.projectId,
      t.stage,
      t.priority.desc(),
      t.taskCreatedAt,
      t.taskId,
      t.slot,
    ),
    index('work_queue_org_claim_idx').on(
      t.orgId,
      t.stage,
      t.priority.desc(),
      t.taskCreatedAt,
      t.taskId,
      t.slot,
    ),
    orgIsolation(),
  ],
);

/** One unit of human work: a slot leased to one person, and what they answered. */
export const assignments = pgTable(
  'assignments',
  {
    id: text('id').primaryKey(),
    orgId: orgId(),
    projectId: text('project_id').notNull(),
    batchId: text('batch_id'),
    taskId: text('task_id').notNull(),
    stage: text('stage', { enum: ['label', 'review'] }).notNull(),
    round: integer('round').notNull(),
    slot: integer('slot').notNull(),
    priority: integer('priority').notNull(),
    taskCreatedAt: timestamp('task_created_at', { withTimezone: true, precision: 3 }).notNull(),
    userId: text('user_id').notNull(),
    workforceId: text('workforce_id'),
    /** leased → submitted, or skipped / released / expired / revoked (the slot went back or away). */
    status: text('status', {
      enum: ['leased', 'submitted', 'skipped', 'released', 'expired', 'revoked'],
    }).notNull(),
    /** Routed slot's workforce (kept so a returned slot keeps its routing). */
    routedWorkforceId: text('routed_workforce_id'),
    leasedAt: timestamp('leased_at', { withTimezone: true, precision: 3 }).notNull(),
    leaseExpiresAt: timestamp('lease_expires_at', { withTimezone: true, precision: 3 }).notNull(),
    submittedAt: timestamp('submitted_at', { withTimezone: true, precision: 3 }),
    /** Milliseconds the person spent, as the workbench measured it (capped by the lease's wall time). */
    timeSpentMs: integer('time_spent_ms'),
    response: encryptedJsonb<unknown>('assignments', 'response'),
    /** For comparisons: the order the options were shown in (e.g. `[1, 0]` when swapped). */
    displayOrder: jsonb('display_order').$type<number[]>(),
    skipReason: text('skip_reason'),
    /**
     * When the lease was handed out with personal data masked: SHA-256 (hex) of what was masked, so the
     * submit can tell the project's redaction or the task changed meanwhile. Never the values themselves.
     */
    redactionFingerprint: text('redaction_fingerprint'),
    /** Set when a reviewer rejected this answer: what they said. */
    feedback: text('feedback'),
    createdAt: createdAt(),
  },
  (t) => [
    index('assignments_task_idx').on(t.taskId, t.stage, t.round),
    index('assignments_user_idx').on(t.orgId, t.userId, t.status),
    index('assignments_lease_idx').on(t.leaseExpiresAt).where(sql`status = 'leased'`),
    // Answers by time (scorecards, agreement, reliability): BRIN, nearly free to keep up on the submit
    // path (a submit writes the row's new version at the end of the table, so time follows its pages).
    index('assignments_submitted_brin').using('brin', t.submittedAt),
    uniqueIndex('assignments_slot_key')
      .on(t.taskId, t.stage, t.round, t.slot)
      .where(sql`status IN ('leased', 'submitted')`),
    uniqueIndex('assignments_person_key')
      .on(t.taskId, t.stage, t.round, t.userId)
      .where(sql`status IN ('leased', 'submitted')`),
    orgIsolation(),
  ],
);

/** A verdict on a task's labeling result: by a reviewer of the workflow, or by the customer's audit. */
export const reviews = pgTable(
  'reviews',
  {
    id: text('id').primaryKey(),
    orgId: orgId(),
    taskId: text('task_id').notNull(),
    round: integer('round').notNull(),
    /** The review assignment, when the verdict came through the review queue. */
    assignmentId: text('assignment_id'),
    source: text('source', { enum: ['reviewer', 'customer'] }).notNull(),
    actorType: text('actor_type', { enum: ['user', 'api_key'] }).notNull(),
    actorId: text('actor_id'),
    verdict: text('verdict', { enum: ['accept', 'fix', 'reject'] }).notNull(),
    /** The corrected answer of a `fix`. */
    response: encryptedJsonb<unknown>('reviews', 'response'),
    comment: text('comment'),
    createdAt: createdAt(),
  },
  (t) => [
    index('reviews_task_idx').on(t.taskId, t.createdAt),
    index('reviews_time_idx').on(t.orgId, t.createdAt),
    orgIsolation(),
  ],
);

/** A webhook to deliver (transactional outbox): written with the change it reports, sent by the worker. */
export const deliveries = pgTable(
  'deliveries',
  {
    id: text('id').primaryKey(),
    orgId: orgId(),
    isTest: boolean('is_test').notNull(),
    /** `task.completed` style event name. */
    event: text('event').notNull(),
    taskId: text('task_id'),
    batchId: text('batch_id'),
    url: text('url').notNull(),
    payload: encryptedJsonb<Record<string, unknown>>('deliveries', 'payload').notNull(),
    status: text('status', { enum: ['pending', 'succeeded', 'failed'] }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true, precision: 3 }),
    lastAttemptAt: timestamp('last_attempt_at', { withTimezone: true, precision: 3 }),
    lastStatusCode: integer('last_status_code'),
    lastError: text('last_error'),
    createdAt: createdAt(),
    deliveredAt: timestamp('delivered_at', { withTimezone: true, precision: 3 }),
  },
  (t) => [
    index('deliveries_list_idx').on(t.orgId, t.createdAt.desc(), t.id.desc()),
    index('deliveries_task_idx').on(t.taskId),
    index('deliveries_due_idx').on(t.nextAttemptAt).where(sql`status = 'pending'`),
    orgIsolation(),
  ],
);

/** One attempt to deliver a webhook. */
export const deliveryAttempts = pgTable(
  'delivery_attempts',
  {
    orgId: orgId(),
    deliveryId: text('delivery_id').notNull(),
    attempt: integer('attempt').notNull(),
    startedAt: timestamp('started_at', { withTimezone: true, precision: 3 }).notNull(),
    durationMs: integer('duration_ms').notNull(),
    statusCode: integer('status_code'),
    error: text('error'),
  },
  (t) => [primaryKey({ columns: [t.deliveryId, t.attempt] }), orgIsolation()],
);

/**
 * Per-organization secrets for webhooks: the `scale-callback-auth` value and the HMAC signing key,
 * encrypted with the server's master key (AES-256-GCM).
 */
export const orgSecrets = pgTable(
  'org_secrets',
  {
    orgId: text('org_id').primaryKey(),
    /** Encrypted `scale-callback-auth` header value. */
    callbackAuth: text('callback_auth').notNull(),
    /** Encrypted HMAC-SHA256 signing key of webhook bodies. */
    signingKey: text('signing_key').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  () => [orgIsolation()],
);

/**
 * A dataset export: a job that streams a project's tasks in one format into a blob, with its progress and
 * the project params version it was made under (so it can be reproduced).
 */
export const datasetExports = pgTable(
  'dataset_exports',
  {
    id: text('id').primaryKey(),
    orgId: orgId(),
    isTest: boolean('is_test').notNull(),
    projectId: text('project_id').notNull(),
    /** `coco`, `yolo`, `voc`, `scale_json`, `jsonl`, `sft_chat`, `dpo`, `rankings`, `huggingface`... */
    format: text('format').notNull(),
    /** Which tasks (batch, status, tags, time range) and format options; replayed to reproduce it. */
    options: jsonb('options').$type<Record<string, unknown>>().notNull(),
    status: text('status', { enum: ['queued', 'running', 'completed', 'failed', 'canceled'] }).notNull(),
    /** The project's params version when the export was requested. */
    paramsVersion: integer('params_version').notNull(),
    /** Tasks to write (counted when it starts) and written so far. */
    total: integer('total'),
    done: integer('done').notNull().default(0),
    /** The finished file: its blob key, name, media type and size. */
    blobKey: text('blob_key'),
    fileName: text('file_name'),
    contentType: text('content_type'),
    bytes: bigint('bytes', { mode: 'number' }),
    error: text('error'),
    /** Who asked: a user id or an API key id. */
    requestedBy: text('requested_by'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    startedAt: timestamp('started_at', { withTimezone: true, precision: 3 }),
    finishedAt: timestamp('finished_at', { withTimezone: true, precision: 3 }),
  },
  (t) => [
    index('dataset_exports_list_idx').on(t.orgId, t.projectId, t.createdAt.desc()),
    /** The relay's scan, every second in every process: live exports only, however many have finished. */
    index('dataset_exports_due_idx').on(t.createdAt).where(sql`status IN ('queued', 'running')`),
    orgIsolation(),
  ],
);

/**
 * An organization's single sign-on (OpenID Connect) configuration: at most one per organization. The
 * client secret is sealed under the master key; the role given to people provisioned just in time is
 * never `owner` or `admin`.
 */
export const ssoConfigs = pgTable(
  'sso_configs',
  {
    orgId: text('org_id').primaryKey(),
    /** The OpenID provider's issuer URL (its discovery document is at `/.well-known/openid-configuration`). */
    issuer: text('issuer').notNull(),
    clientId: text('client_id').notNull(),
    /** The client secret, sealed (AES-256-GCM under the master key, bound to the organization). */
    clientSecret: text('client_secret').notNull(),
    /** Email domains allowed to sign in (lower case); empty: any domain the provider vouches for. */
    allowedDomains: jsonb('allowed_domains').$type<string[]>().notNull().default([]),
    /** Create the account and membership of an unknown person on first sign-in. */
    jitProvisioning: boolean('jit_provisioning').notNull().default(false),
    /** The role of people provisioned just in time. */
    jitRole: text('jit_role', { enum: ['manager', 'reviewer', 'annotator', 'viewer'] })
      .notNull()
      .default('annotator'),
    /** Members other than owners and admins may not sign in with a password. */
    requireSso: boolean('require_sso').notNull().default(false),
    /** Whether sign-in with this configuration is on. */
    enabled: boolean('enabled').notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  () => [orgIsolation()],
);
