/**
 * The victim organization of the isolation suites: one of everything an organization owns — projects
 * (live and test), a batch with a callback, tasks in every state (answered and reviewed, leased,
 * pending), training and evaluation gold with an answer, a file, an export that ran, a webhook
 * delivery with an attempt, members of every role, a workforce, a skill, a standing, an invitation,
 * a spare API key, webhook secrets, idempotency keys and the audit events all of this recorded — made
 * through the APIs as its own members would, with the job runner started only long enough to run the
 * export and attempt the delivery.
 */
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../src/db/database.ts';
import { createJobRunner } from '../../src/jobs/index.ts';
import type { Role } from '../../src/services/principal.ts';
import { basic, type TestContext, type TestOrg } from '../harness.ts';
import { addMember, login } from '../session-client.ts';
import { orgScopedTables } from './digest.ts';
import { type Credential, multipartBody, send, sendOk } from './http.ts';

/** Everything the attack suites need to know about the victim. */
export interface Victim {
  org: TestOrg;
  /** The live key of the victim (its own admin). */
  key: Credential;
  projectName: string;
  /** A project of the test environment. */
  testProjectName: string;
  batchName: string;
  /** A task answered, reviewed and completed (it has a delivery). */
  completedTaskId: string;
  /** A task with a live lease. */
  leasedTaskId: string;
  pendingTaskId: string;
  /** The live assignment of `leasedTaskId`. */
  leasedAssignmentId: string;
  /** The submitted assignment of `completedTaskId`. */
  submittedAssignmentId: string;
  trainingGoldId: string;
  evaluationGoldId: string;
  fileId: string;
  exportId: string;
  deliveryId: string;
  workforceId: string;
  workforceName: string;
  invitationId: string;
  /** An API key of the victim that stays valid (the target of key revocation probes). */
  spareKeyId: string;
  /** The live login session of the victim's annotator (the target of session-ending probes). */
  sessionId: string;
  skill: string;
  members: Record<Role, { id: string; email: string }>;
  /** The annotator who did the work. */
  annotatorId: string;
  /**
   * A marker inside the victim's task content, metadata, file, gold, workforce and invitation: no probe
   * sends it, so no answer to another caller may contain it.
   */
  secret: string;
  /**
   * Every id of the victim's rows, its org id and slug, its members' ids: a 2xx answer to another
   * caller may contain none.
   */
  identifiers: string[];
}

const silentLog = { info() {}, warn() {}, error() {} };

/**
 * The configuration of the isolation suites: the victim's callbacks go to a closed port on loopback
 * (the delivery is attempted and fails, no test reaches the network), which the server refuses unless
 * private addresses are allowed.
 */
export const VICTIM_ENV: Record<string, string> = {
  GROUNDWORK_ALLOW_PRIVATE_NETWORK: 'true',
  // The suites send hundreds of unauthenticated probes from one address on purpose: the per-address
  // limit would answer them 429 before authentication is even tried, and hide what is under test.
  GROUNDWORK_RATE_LIMIT_PER_IP: '0',
};

/**
 * The org-scoped tables in which the organization has no row: a suite proves nothing about a table the
 * victim has nothing in, so the suites require this to be empty.
 */
export async function emptyTablesOf(ctx: TestContext, orgId: string): Promise<string[]> {
  const empty: string[] = [];
  for (const table of await orgScopedTables(ctx.db)) {
    const [row] = await queryRows<{ n: number }>(
      ctx.db.system,
      sql`SELECT count(*)::int AS n FROM ${sql.identifier(table.name)} WHERE ${sql.identifier(table.orgColumn)} = ${orgId}`,
    );
    if (!row || row.n === 0) empty.push(table.name);
  }
  return empty;
}

/** Creates the victim organization in `ctx` and fills it through the APIs. */
export async function seedVictim(ctx: TestContext): Promise<Victim> {
  const tag = randomBytes(4).toString('hex');
  const secret = `VICTIMSECRET${randomBytes(6).toString('hex')}`;
  const org = await ctx.org(`victim-${tag}`);
  const key: Credential = { kind: 'key', key: org.liveKey };
  const testKey: Credential = { kind: 'key', key: org.testKey };
  const app = ctx.app;
  const projectName = `victim project ${tag}`;
  const testProjectName = `victim test project ${tag}`;
  const batchName = `victim-batch-${tag}`;
  const p = encodeURIComponent(projectName);
  const callback = 'http://127.0.0.1:9/victim-hook';

  const roles: Role[] = ['owner', 'admin', 'manager', 'reviewer', 'annotator', 'viewer'];
  const members = {} as Record<Role, { id: string; email: string }>;
  for (const role of roles) members[role] = await addMember(ctx, org.id, role);
  const spareAnnotator = await addMember(ctx, org.id, 'annotator');
  const annotatorLogin = await login(app, members.annotator.email);
  const reviewerLogin = await login(app, members.reviewer.email);
  const annotator: Credential = { kind: 'session', token: annotatorLogin.token, csrf: annotatorLogin.csrf };
  const [annotatorSession] = await queryRows<{ id: string }>(
    ctx.db.system,
    sql`SELECT id FROM sessions WHERE user_id = ${members.annotator.id} AND ended_at IS NULL LIMIT 1`,
  );
  if (!annotatorSession) throw new Error('the victim annotator has no session');
  const reviewer: Credential = { kind: 'session', token: reviewerLogin.token, csrf: reviewerLogin.csrf };

  await sendOk(app, key, 'POST', '/v1/projects', {
    type: 'categorization',
    name: projectName,
    params: { categories: ['cat', 'dog'], attachment_type: 'text', instruction: `Label ${secret}` },
  });
  await sendOk(app, testKey, 'POST', '/v1/projects', {
    type: 'categorization',
    name: testProjectName,
    params: { categories: ['cat', 'dog'], attachment_type: 'text' },
  });
  await sendOk(app, key, 'PUT', `/api/projects/${p}/workflow`, {
    workflow: { overlap: 1, review: { mode: 'all' }, lease_seconds: 3600 },
    // No hidden gold in the leases below (the default mixes 5 % in at random): a lease that drew the
    // evaluation task would leave no task for the review lease, failing the set-up one time in twenty.
    quality: { training_required: 1, training_pass_score: 1, gold_rate: 0 },
  });
  await sendOk(app, key, 'POST', '/v1/batches', {
    project: projectName,
    name: batchName,
    callback,
    metadata: { note: secret },
  });
  const trainingGold = await sendOk(app, key, 'POST', '/v1/training_tasks/categorization', {
    project: projectName,
    attachment: `training ${secret}`,
    expected_response: { category: 'cat' },
  });
  const evaluationGold = await sendOk(app, key, 'POST', `/api/projects/${p}/gold`, {
    kind: 'evaluation',
    params: { attachment: `evaluation ${secret}`, categories: ['cat', 'dog'] },
    expectedResponse: { category: 'dog' },
  });

  const taskIds: string[] = [];
  for (let i = 0; i < 3; i++) {
    const created = await app.inject({
      method: 'POST',
      url: '/v1/task/categorization',
      headers: {
        authorization: basic(org.liveKey),
        'content-type': 'application/json',
        'idempotency-key': `victim-${tag}-${i}`,
      },
      payload: JSON.stringify({
        project: projectName,
        batch: batchName,
        attachment: `task ${i} ${secret}`,
        callback_url: callback,
        unique_id: `victim-uid-${tag}-${i}`,
        metadata: { secret },
        tags: ['victim'],
      }),
    });
    if (created.statusCode !== 200) throw new Error(`victim task: ${created.statusCode} ${created.body}`);
    taskIds.push(created.json().task_id as string);
  }
  await sendOk(app, testKey, 'POST', '/v1/task/categorization', {
    project: testProjectName,
    attachment: `test task ${secret}`,
  });

  // The annotator passes training (a gold answer and a standing), answers one task and holds another.
  const trainingAssignment = await nextLease(app, annotator, { project: projectName });
  await sendOk(app, annotator, 'POST', `/api/work/assignments/${trainingAssignment.id}/submit`, {
    response: { category: 'cat' },
  });
  const firstLease = await nextLease(app, annotator, { project: projectName });
  await sendOk(app, annotator, 'POST', `/api/work/assignments/${firstLease.id}/submit`, {
    response: { category: 'dog' },
    timeSpentMs: 1200,
  });
  const heldLease = await nextLease(app, annotator, { project: projectName });
  const reviewerTraining = await nextLease(app, reviewer, { project: projectName });
  await sendOk(app, reviewer, 'POST', `/api/work/assignments/${reviewerTraining.id}/submit`, {
    response: { category: 'cat' },
  });
  const review = await nextLease(app, reviewer, { project: projectName, stage: 'review' });
  await sendOk(app, reviewer, 'POST', `/api/work/assignments/${review.id}/review`, { verdict: 'accept' });
  const completedTaskId = firstLease.taskId;
  const leasedTaskId = heldLease.taskId;
  const pendingTaskId = taskIds.find((id) => id !== completedTaskId && id !== leasedTaskId);
  if (!pendingTaskId) throw new Error('victim: no pending task left');

  const upload = multipartBody(`victim-${tag}.txt`, `file ${secret}`);
  const file = await send(app, key, { method: 'POST', url: '/api/files', ...upload });
  if (file.status !== 200) throw new Error(`victim file: ${file.status} ${file.text}`);
  const fileId = (JSON.parse(file.text) as { id: string }).id;

  const workforceName = `victim workforce ${secret}`;
  const workforce = await sendOk(app, key, 'POST', '/api/workforces', {
    name: workforceName,
    kind: 'vendor',
  });
  const workforceId = workforce.id as string;
  await sendOk(app, key, 'PUT', `/api/members/${spareAnnotator.id}/workforce`, { workforceId });
  const skill = `victim-skill-${tag}`;
  await sendOk(app, key, 'PUT', `/api/members/${members.annotator.id}/skills/${skill}`, {});
  await sendOk(app, key, 'PUT', `/api/projects/${p}/standings/${spareAnnotator.id}/pause`, {
    paused: true,
    reason: `paused ${secret}`,
  });
  const invitation = await sendOk(app, key, 'POST', '/api/invitations', {
    email: `invitee-${secret.toLowerCase()}@example.test`,
    role: 'annotator',
  });
  await sendOk(app, key, 'GET', '/api/org/webhook-secrets');
  await configureVictimSso(app, key, secret);
  const spareKey = await sendOk(app, key, 'POST', '/api/api-keys', {
    name: 'victim spare',
    environment: 'live',
  });
  const exported = await sendOk(app, key, 'POST', `/api/projects/${p}/exports`, { format: 'jsonl' });

  const runner = createJobRunner({
    db: ctx.db,
    config: ctx.config,
    log: silentLog,
    deliverySchedule: { maxAttempts: 1, delayMs: () => 50 },
    deliveryRelayEveryMs: 50,
    pollingIntervalSeconds: 0.5,
  });
  await runner.start();
  let deliveryId: string | undefined;
  try {
    const deadline = Date.now() + 30_000;
    for (;;) {
      const [state] = await queryRows<{ delivery: string | null; export_status: string | null }>(
        ctx.db.system,
        sql`SELECT
              (SELECT d.id FROM deliveries d JOIN delivery_attempts a ON a.delivery_id = d.id
                WHERE d.org_id = ${org.id} AND d.status IN ('failed', 'succeeded') LIMIT 1) AS delivery,
              (SELECT status FROM dataset_exports WHERE id = ${exported.id as string}) AS export_status`,
      );
      if (state?.delivery && state.export_status === 'completed') {
        deliveryId = state.delivery;
        break;
      }
      if (Date.now() > deadline) throw new Error(`victim jobs did not finish: ${JSON.stringify(state)}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  } finally {
    await runner.stop();
  }

  const victim: Omit<Victim, 'identifiers'> = {
    org,
    key,
    projectName,
    testProjectName,
    batchName,
    completedTaskId,
    leasedTaskId,
    pendingTaskId,
    leasedAssignmentId: heldLease.id,
    submittedAssignmentId: firstLease.id,
    trainingGoldId: trainingGold.id as string,
    evaluationGoldId: evaluationGold.id as string,
    fileId,
    exportId: exported.id as string,
    deliveryId,
    workforceId,
    workforceName,
    invitationId: invitation.id as string,
    spareKeyId: spareKey.id as string,
    sessionId: annotatorSession.id,
    skill,
    members,
    annotatorId: members.annotator.id,
    secret,
  };
  return {
    ...victim,
    identifiers: await identifiersOf(ctx, org, [
      ...Object.values(members).map((m) => m.id),
      spareAnnotator.id,
    ]),
  };
}

/** Leases the next assignment; throws when nothing was leased. */
async function nextLease(
  app: Parameters<typeof sendOk>[0],
  caller: Parameters<typeof sendOk>[1],
  body: Record<string, unknown>,
): Promise<{ id: string; taskId: string }> {
  return leaseOf(await sendOk(app, caller, 'POST', '/api/work/next', body));
}

/** The assignment of a lease answer (`{ lease: { assignment, task } }`); throws when nothing was leased. */
function leaseOf(body: Record<string, unknown>): { id: string; taskId: string } {
  const lease = body.lease as { assignment: { id: string }; task: { id: string } } | null;
  if (!lease) throw new Error(`victim: nothing to lease: ${JSON.stringify(body)}`);
  return { id: lease.assignment.id, taskId: lease.task.id };
}

/**
 * Stores a single sign-on configuration for the victim, switched off (so its public sign-in routes
 * answer exactly as for an organization that does not exist), with the victim's secret inside the client
 * secret: no answer may contain it. Saving fetches the provider's discovery document, which a throwaway
 * server on loopback serves for the moment of the save.
 */
async function configureVictimSso(app: TestContext['app'], key: Credential, secret: string): Promise<void> {
  const server = createServer((_req, res) => {
    res.setHeader('content-type', 'application/json');
    res.end(
      JSON.stringify({ issuer, authorization_endpoint: `${issuer}/auth`, token_endpoint: `${issuer}/token` }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    await sendOk(app, key, 'PUT', '/api/org/sso', {
      issuer,
      clientId: `victim-client-${secret}`,
      clientSecret: `victim-sso-secret-${secret}`,
      allowedDomains: ['victim.example'],
      jitProvisioning: true,
      requireSso: false,
      enabled: false,
    });
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
}

/** Every `id` of the organization's rows, with its own id and slug and its members' user ids. */
async function identifiersOf(ctx: TestContext, org: TestOrg, members: string[]): Promise<string[]> {
  const ids = new Set<string>([org.id, org.slug, ...members]);
  for (const table of await orgScopedTables(ctx.db)) {
    if (!table.columns.includes('id') || table.name === 'organizations') continue;
    const rows = await queryRows<{ id: string }>(
      ctx.db.system,
      sql`SELECT id::text AS id FROM ${sql.identifier(table.name)} WHERE org_id = ${org.id}`,
    );
    // Only ids that cannot occur by chance (the 24-hex ids, not small serial numbers).
    for (const row of rows) if (row.id.length >= 12) ids.add(row.id);
  }
  return [...ids];
}

/**
 * A victim that does not exist: every id and name of `victim` replaced by a fresh one of the same
 * shape. A probe aimed at it must be answered exactly as the same probe aimed at the real victim (with
 * the names swapped back), or the answer tells an attacker what exists.
 */
export function ghostOf(victim: Victim): { ghost: Victim; swaps: [ghost: string, real: string][] } {
  const swaps: [string, string][] = [];
  const swap = (real: string): string => {
    const known = swaps.find(([, r]) => r === real);
    if (known) return known[0];
    const fresh = /^[0-9a-f]{24}$/.test(real)
      ? randomBytes(12).toString('hex')
      : `${real.replace(/[0-9a-f]{8}$/, '')}${randomBytes(4).toString('hex')}`;
    swaps.push([fresh, real]);
    return fresh;
  };
  const members = Object.fromEntries(
    Object.entries(victim.members).map(([role, m]) => [role, { id: swap(m.id), email: m.email }]),
  ) as Victim['members'];
  const ghost: Victim = {
    ...victim,
    org: { ...victim.org, slug: swap(victim.org.slug) },
    projectName: swap(victim.projectName),
    testProjectName: swap(victim.testProjectName),
    batchName: swap(victim.batchName),
    completedTaskId: swap(victim.completedTaskId),
    leasedTaskId: swap(victim.leasedTaskId),
    pendingTaskId: swap(victim.pendingTaskId),
    leasedAssignmentId: swap(victim.leasedAssignmentId),
    submittedAssignmentId: swap(victim.submittedAssignmentId),
    trainingGoldId: swap(victim.trainingGoldId),
    evaluationGoldId: swap(victim.evaluationGoldId),
    fileId: swap(victim.fileId),
    exportId: swap(victim.exportId),
    deliveryId: swap(victim.deliveryId),
    workforceId: swap(victim.workforceId),
    invitationId: swap(victim.invitationId),
    spareKeyId: swap(victim.spareKeyId),
    sessionId: swap(victim.sessionId),
    skill: swap(victim.skill),
    members,
    annotatorId: swap(victim.annotatorId),
  };
  return { ghost, swaps };
}
