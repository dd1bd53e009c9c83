/**
 * A project's workflow, routing and priority (`/api/projects/{name}/workflow`), batch priority
 * (`PATCH /api/batches/{name}`) and dispatch: overlap slots, re-stamping of open queue rows when routing
 * or priority change, and staging batches queued only when finalized.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../src/db/database.ts';
import { csrfTokenFor } from '../src/services/sessions.ts';
import {
  type Body,
  callApi,
  createTestContext,
  errorPaths,
  scaleClient,
  type TestContext,
  type TestOrg,
} from './harness.ts';
import { callAsSession } from './session-client.ts';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

let ctx: TestContext;
let org: TestOrg;
let other: TestOrg;

beforeAll(async () => {
  ctx = await createTestContext();
  org = await ctx.org();
  other = await ctx.org();
});
afterAll(() => ctx.close());

/** Calls `/api` with an API key (acts as admin) or a member's session token. */
async function call(
  method: Method,
  url: string,
  payload?: unknown,
  as: { key: string } | { session: string } = { key: org.liveKey },
): Promise<{ status: number; body: Body }> {
  return 'key' in as
    ? callApi(ctx.app, as.key, method, url, payload)
    : callAsSession(ctx.app, { token: as.session, csrf: csrfTokenFor(as.session) }, method, url, payload);
}

async function project(name: string, extra: Record<string, unknown> = {}, key = org.liveKey): Promise<Body> {
  const created = await call('POST', '/projects', { name, type: 'categorization', ...extra }, { key });
  expect(created.status).toBe(200);
  return created.body;
}

async function workforce(name: string, key = org.liveKey): Promise<string> {
  const created = await call('POST', '/workforces', { name, kind: 'vendor' }, { key });
  expect(created.status).toBe(200);
  return created.body.id as string;
}

/** Imports `count` live tasks into a project (and batch) in one request; returns their ids. */
async function tasks(
  projectName: string,
  count: number,
  extra: Record<string, unknown> = {},
): Promise<string[]> {
  const lines = Array.from({ length: count }, (_, i) =>
    JSON.stringify({ attachment: `text ${i}`, attachment_type: 'text', categories: ['a', 'b'], ...extra }),
  );
  const response = await ctx.app.inject({
    method: 'POST',
    url: `/api/tasks/import?type=categorization&project=${encodeURIComponent(projectName)}`,
    headers: { authorization: `Bearer ${org.liveKey}`, 'content-type': 'application/x-ndjson' },
    payload: lines.join('\n'),
  });
  expect(response.statusCode).toBe(200);
  const rows = await queryRows<{ id: string }>(
    ctx.db.system,
    sql`SELECT t.id FROM tasks t JOIN projects p ON p.id = t.project_id
         WHERE p.org_id = ${org.id} AND NOT p.is_test AND p.name = ${projectName}
         ORDER BY t.created_at, t.id`,
  );
  return rows.map((r) => r.id);
}

interface QueueRow {
  task_id: string;
  slot: number;
  priority: number;
  workforce_id: string | null;
}

async function queueOf(projectName: string): Promise<QueueRow[]> {
  return queryRows<QueueRow>(
    ctx.db.system,
    sql`SELECT q.task_id, q.slot, q.priority, q.workforce_id FROM work_queue q
          JOIN projects p ON p.id = q.project_id
         WHERE p.org_id = ${org.id} AND NOT p.is_test AND p.name = ${projectName}
         ORDER BY q.task_id, q.slot`,
  );
}

/** The combined queue priority as the database computes it. */
async function combined(projectPriority: number, batchPriority: number | null, taskPriority: number) {
  const [row] = await queryRows<{ p: number }>(
    ctx.db.system,
    sql`SELECT groundwork_queue_priority(${projectPriority}::integer, ${batchPriority}::integer, ${taskPriority}::integer) AS p`,
  );
  return row?.p;
}

describe('GET and PUT /api/projects/{name}/workflow', () => {
  it('reads a new project’s policy with defaults applied', async () => {
    await project('defaults');
    const got = await call('GET', '/projects/defaults/workflow');
    expect(got.status).toBe(200);
    expect(got.body).toEqual({
      workflow: { overlap: 1, review: { mode: 'none' }, lease_seconds: 1800 },
      routing: { workforces: [], skills: [] },
      priority: 0,
      quality: {
        gold_rate: 0.05,
        gold_threshold: null,
        gold_window: 20,
        gold_min_answers: 5,
        training_required: 0,
        training_pass_score: 0.8,
        weighted_consensus: true,
      },
      redaction: {
        applies_to: 'none',
        workforces: [],
        kinds: ['email', 'card', 'id', 'phone', 'ip', 'name'],
        default_country: null,
        names: [],
      },
    });
    expect((await call('GET', '/projects/defaults')).body).toMatchObject({
      workflow: { overlap: 1 },
      routing: { workforces: [] },
      priority: 0,
    });
  });

  it('replaces the parts given and keeps the others', async () => {
    await project('replace');
    const w = await workforce('Replace Co');
    const set = await call('PUT', '/projects/replace/workflow', {
      workflow: { overlap: 3, review: { mode: 'below_agreement', agreement_threshold: 0.8 } },
      routing: { workforces: [{ id: w, share: 1 }], skills: ['medicine'] },
      priority: 7,
    });
    expect(set.status).toBe(200);
    expect(set.body).toEqual({
      workflow: {
        overlap: 3,
        review: { mode: 'below_agreement', agreement_threshold: 0.8 },
        lease_seconds: 1800,
      },
      routing: { workforces: [{ id: w, share: 1 }], skills: ['medicine'] },
      priority: 7,
      quality: {
        gold_rate: 0.05,
        gold_threshold: null,
        gold_window: 20,
        gold_min_answers: 5,
        training_required: 0,
        training_pass_score: 0.8,
        weighted_consensus: true,
      },
      redaction: {
        applies_to: 'none',
        workforces: [],
        kinds: ['email', 'card', 'id', 'phone', 'ip', 'name'],
        default_country: null,
        names: [],
      },
    });
    const priorityOnly = await call('PUT', '/projects/replace/workflow', { priority: -3 });
    expect(priorityOnly.body).toMatchObject({
      workflow: { overlap: 3 },
      routing: { skills: ['medicine'] },
      priority: -3,
    });
    expect((await call('GET', '/projects/replace')).body).toMatchObject({
      priority: -3,
      workflow: { overlap: 3 },
    });
    const actions = await queryRows<{ action: string; data: Body }>(
      ctx.db.system,
      sql`SELECT action, data FROM audit_events WHERE org_id = ${org.id} AND action = 'project.set_workflow' ORDER BY id`,
    );
    expect(actions.map((a) => a.data.priority)).toEqual([7, -3]);
  });

  it('refuses invalid policies with a 400 naming each field, changing nothing', async () => {
    await project('strict');
    const w = await workforce('Strict Co');
    const foreign = await workforce('Foreign Co', other.liveKey);
    const cases: Array<[unknown, string[]]> = [
      [{ workflow: { overlap: 0 } }, ['workflow.overlap']],
      [{ workflow: { overlap: 11, lease_seconds: 5 } }, ['workflow.overlap', 'workflow.lease_seconds']],
      [{ workflow: { review: { mode: 'sample' } } }, ['workflow.review.sample_rate']],
      [{ workflow: { review: { mode: 'sometimes' } } }, ['workflow.review.mode']],
      [
        { workflow: { overlap: 1, review: { mode: 'below_agreement', agreement_threshold: 0.5 } } },
        ['workflow.review.mode'],
      ],
      [{ workflow: { overlap: 2, extra: true } }, ['workflow']],
      [{ routing: { workforces: [{ id: 'nope' }] } }, ['routing.workforces.0.id']],
      [{ routing: { workforces: [{ id: w }, { id: foreign }] } }, ['routing.workforces.1.id']],
      [
        {
          routing: {
            workforces: [
              { id: w, share: 1 },
              { id: w, share: 2 },
            ],
          },
        },
        ['routing.workforces.1.id'],
      ],
      [{ routing: { workforces: [{ id: w, share: -1 }] } }, ['routing.workforces.0.share']],
      [{ routing: { skills: ['Medicine'] } }, ['routing.skills.0']],
      [{ routing: { skills: ['lidar', 'lidar'] } }, ['routing.skills.1']],
      [{ priority: 101 }, ['priority']],
      [{ priority: 1.5 }, ['priority']],
    ];
    for (const [body, paths] of cases) {
      const res = await call('PUT', '/projects/strict/workflow', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(errorPaths(res.body), JSON.stringify(body)).toEqual(paths);
    }
    expect((await call('GET', '/projects/strict/workflow')).body).toMatchObject({
      workflow: { overlap: 1 },
      routing: { workforces: [], skills: [] },
      priority: 0,
    });
  });

  it('accepts the policy at project creation, validated the same way', async () => {
    const w = await workforce('Creation Co');
    const created = await project('created-with-policy', {
      workflow: { overlap: 2, review: { mode: 'sample', sample_rate: 0.1 }, lease_seconds: 600 },
      routing: { workforces: [{ id: w }] },
      priority: 50,
    });
    expect(created).toMatchObject({
      workflow: { overlap: 2, review: { mode: 'sample', sample_rate: 0.1 }, lease_seconds: 600 },
      routing: { workforces: [{ id: w }], skills: [] },
      priority: 50,
    });
    const bad = await call('POST', '/projects', {
      name: 'created-badly',
      type: 'categorization',
      workflow: { review: { mode: 'below_agreement', agreement_threshold: 0.5 } },
      routing: { workforces: [{ id: '0123456789abcdef01234567' }] },
    });
    expect(bad.status).toBe(400);
    expect(errorPaths(bad.body)).toEqual(['workflow.review.mode', 'routing.workforces.0.id']);
    expect((await call('GET', '/projects/created-badly')).status).toBe(404);
    const range = await call('POST', '/projects', {
      name: 'created-badly',
      type: 'categorization',
      priority: -101,
    });
    expect(errorPaths(range.body)).toEqual(['priority']);
  });

  it("answers another organization's project like an unknown one", async () => {
    await project('theirs', {}, other.liveKey);
    for (const name of ['theirs', 'nothing-here']) {
      const got = await call('GET', `/projects/${name}/workflow`);
      expect(got.status).toBe(404);
      expect(got.body.code).toBe('not_found');
      expect((await call('PUT', `/projects/${name}/workflow`, { priority: 1 })).status).toBe(404);
    }
    expect(
      (await call('GET', '/projects/theirs/workflow', undefined, { key: other.liveKey })).body.priority,
    ).toBe(0);
  });

  it('lets viewers read the policy and only managers and up change it', async () => {
    await project('guarded');
    const login = async (role: 'viewer' | 'annotator' | 'manager') => {
      const email = `workflow-${role}@example.com`;
      await ctx.orgs.addUser(org.id, { email, role, password: 'correct horse battery' });
      const started = await ctx.app.services.sessions.login(
        { email, password: 'correct horse battery', org: org.slug },
        { ip: '127.0.0.1', userAgent: null },
      );
      return { session: started.token };
    };
    const viewer = await login('viewer');
    const annotator = await login('annotator');
    const manager = await login('manager');
    expect((await call('GET', '/projects/guarded/workflow', undefined, viewer)).status).toBe(200);
    expect((await call('GET', '/projects/guarded/workflow', undefined, annotator)).status).toBe(403);
    expect((await call('PUT', '/projects/guarded/workflow', { priority: 1 }, viewer)).status).toBe(403);
    expect((await call('PUT', '/projects/guarded/workflow', { priority: 1 }, manager)).status).toBe(200);
    await call('POST', '/batches', { project: 'guarded', name: 'guarded-batch' });
    expect((await call('PATCH', '/batches/guarded-batch', { priority: 1 }, viewer)).status).toBe(403);
    expect((await call('PATCH', '/batches/guarded-batch', { priority: 1 }, manager)).status).toBe(200);
  });
});

describe('dispatch', () => {
  it('queues overlap slots per task; a new overlap applies to tasks dispatched afterwards', async () => {
    await project('overlap', { workflow: { overlap: 3 } });
    const [first] = await tasks('overlap', 1);
    expect((await queueOf('overlap')).map((r) => [r.task_id, r.slot])).toEqual([
      [first, 1],
      [first, 2],
      [first, 3],
    ]);
    await call('PUT', '/projects/overlap/workflow', { workflow: { overlap: 2 } });
    const ids = await tasks('overlap', 1);
    const second = ids.find((id) => id !== first);
    const queue = await queueOf('overlap');
    expect(queue.filter((r) => r.task_id === first)).toHaveLength(3);
    expect(queue.filter((r) => r.task_id === second).map((r) => r.slot)).toEqual([1, 2]);
  });

  it('re-stamps open slots by the new shares when routing changes', async () => {
    await project('shares', { workflow: { overlap: 2 } });
    const a = await workforce('Shares A');
    const b = await workforce('Shares B');
    await tasks('shares', 200);
    const before = await queueOf('shares');
    expect(before).toHaveLength(400);
    expect(before.every((r) => r.workforce_id === null)).toBe(true);

    const split = await call('PUT', '/projects/shares/workflow', {
      routing: {
        workforces: [
          { id: a, share: 1 },
          { id: b, share: 1 },
        ],
      },
    });
    expect(split.status).toBe(200);
    const halves = await queueOf('shares');
    const toA = halves.filter((r) => r.workforce_id === a).length;
    const toB = halves.filter((r) => r.workforce_id === b).length;
    expect(toA + toB).toBe(400);
    for (const n of [toA, toB]) {
      expect(n).toBeGreaterThanOrEqual(140);
      expect(n).toBeLessThanOrEqual(260);
    }

    await call('PUT', '/projects/shares/workflow', {
      routing: { workforces: [{ id: a, share: 1 }, { id: b }] },
    });
    expect((await queueOf('shares')).every((r) => r.workforce_id === a)).toBe(true);
    await call('PUT', '/projects/shares/workflow', { routing: { workforces: [{ id: a }, { id: b }] } });
    expect((await queueOf('shares')).every((r) => r.workforce_id === null)).toBe(true);

    // New tasks are routed by the current shares too (the trigger reads the project's routing).
    await call('PUT', '/projects/shares/workflow', { routing: { workforces: [{ id: b, share: 3 }] } });
    await tasks('shares', 5);
    const after = await queueOf('shares');
    expect(after).toHaveLength(410);
    expect(after.every((r) => r.workforce_id === b)).toBe(true);
  });

  it('re-stamps priorities when the project or batch priority changes', async () => {
    await project('prio');
    await call('POST', '/batches', { project: 'prio', name: 'prio-batch', priority: 5 });
    await tasks('prio', 2, { batch: 'prio-batch', priority: 30 });
    await tasks('prio', 1, { priority: 10 });
    const expectQueue = async (projectPriority: number, batchPriority: number) => {
      const queue = await queueOf('prio');
      expect(queue).toHaveLength(3);
      const expected = [
        await combined(projectPriority, batchPriority, 30),
        await combined(projectPriority, batchPriority, 30),
        await combined(projectPriority, null, 10),
      ].sort((x, y) => (x ?? 0) - (y ?? 0));
      expect(queue.map((r) => r.priority).sort((x, y) => x - y)).toEqual(expected);
    };
    await expectQueue(0, 5);

    expect((await call('PUT', '/projects/prio/workflow', { priority: 40 })).status).toBe(200);
    await expectQueue(40, 5);

    const patched = await call('PATCH', '/batches/prio-batch', { priority: -20 });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ name: 'prio-batch', priority: -20 });
    await expectQueue(40, -20);

    // A higher project priority outranks any batch and task priority.
    expect((await combined(1, -100, 0)) ?? 0).toBeGreaterThan((await combined(0, 100, 1000)) ?? 0);
    const audit = await queryRows<{ data: Body }>(
      ctx.db.system,
      sql`SELECT data FROM audit_events
           WHERE org_id = ${org.id} AND action = 'batch.set_priority' AND target_id = ${patched.body.id}`,
    );
    expect(audit.map((a) => [a.data.from, a.data.to])).toEqual([[5, -20]]);
  });

  it('refuses a bad batch priority naming the field, and answers 404 for another org’s batch', async () => {
    await project('batch-checks');
    await call('POST', '/batches', { project: 'batch-checks', name: 'batch-checks-1' });
    for (const priority of [101, -101, 'high', null]) {
      const bad = await call('PATCH', '/batches/batch-checks-1', { priority });
      expect(bad.status).toBe(400);
      expect(errorPaths(bad.body)).toEqual(['priority']);
    }
    const bad = await call('POST', '/batches', {
      project: 'batch-checks',
      name: 'batch-checks-2',
      priority: 200,
    });
    expect(errorPaths(bad.body)).toEqual(['priority']);
    await project('batch-theirs', {}, other.liveKey);
    await call('POST', '/batches', { project: 'batch-theirs', name: 'their-batch' }, { key: other.liveKey });
    const theirs = await call('PATCH', '/batches/their-batch', { priority: 1 });
    expect(theirs.status).toBe(404);
    expect(theirs.body.code).toBe('not_found');
  });

  it('holds a staging batch’s tasks out of the queue until it is finalized (/v1 and /api)', async () => {
    const scale = scaleClient(ctx.app, org.liveKey);
    await project('staged', { workflow: { overlap: 2 } });
    for (const [batch, finalize] of [
      ['staged-v1', () => scale.post('/batches/staged-v1/finalize')],
      ['staged-api', () => call('POST', '/batches/staged-api/finalize')],
    ] as const) {
      const created = await scale.post('/batches', { project: 'staged', name: batch, staging_batch: true });
      expect(created.body.status).toBe('staging');
      const ids = new Set<string>();
      for (let i = 0; i < 3; i++) {
        const task = await scale.post('/task/categorization', {
          project: 'staged',
          batch,
          attachment: `staged ${i}`,
          attachment_type: 'text',
          categories: ['a', 'b'],
        });
        expect(task.status).toBe(200);
        ids.add(task.body.task_id as string);
      }
      const held = (await queueOf('staged')).filter((r) => ids.has(r.task_id));
      expect(held).toEqual([]);

      const done = await finalize();
      expect(done.status).toBe(200);
      const queued = (await queueOf('staged')).filter((r) => ids.has(r.task_id));
      expect(queued).toHaveLength(6);
      expect(new Set(queued.map((r) => `${r.task_id}:${r.slot}`)).size).toBe(6);
      // Finalizing again changes nothing.
      await finalize();
      expect((await queueOf('staged')).filter((r) => ids.has(r.task_id))).toHaveLength(6);
    }
  });
});
