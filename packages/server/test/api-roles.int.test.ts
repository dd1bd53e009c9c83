/**
 * The role matrix: one logged-in member per role calls one representative read and one representative
 * write of every `/api` route family, and gets 2xx exactly when their role includes the route's least
 * role, else 403. To cover a new family, append rows to ROUTES (and fixtures to `setUp` if the rows
 * need existing data).
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../src/services/principal.ts';
import { callApi, createTestContext, scaleClient, type TestContext, type TestOrg } from './harness.ts';
import { addMember, callAsSession, login, type TestSession, uniqueEmail } from './session-client.ts';

/**
 * The rights each role includes, written out from the specification (not imported from the code under
 * test): owner ⊇ admin ⊇ manager ⊇ {viewer, reviewer}; reviewer ⊇ annotator.
 */
const INCLUDES: Record<Role, Role[]> = {
  owner: ['owner', 'admin', 'manager', 'reviewer', 'annotator', 'viewer'],
  admin: ['admin', 'manager', 'reviewer', 'annotator', 'viewer'],
  manager: ['manager', 'reviewer', 'annotator', 'viewer'],
  reviewer: ['reviewer', 'annotator'],
  annotator: ['annotator'],
  viewer: ['viewer'],
};

/** Data the rows refer to, made once with an API key before the matrix runs. */
interface Fixtures {
  project: string;
  fileId: string;
  /** A viewer whose role the members row rewrites (to the same role). */
  spareMemberId: string;
  /** A completed task of the project (customer audits accept it again and again). */
  completedTaskId: string;
  /** An API key that admins rotate (again and again: each rotation keeps the earlier end). */
  rotatedKeyId: string;
}

/** A value, or one computed from the fixtures and a suffix unique to each call. */
type Dynamic<T> = T | ((f: Fixtures, unique: string) => T);

/** One row of the matrix. */
interface RouteCase {
  family: string;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Path under `/api`. */
  url: Dynamic<string>;
  /** JSON body, or a raw string sent with `contentType`. */
  body?: Dynamic<string | Record<string, unknown>>;
  contentType?: string;
  /** The least role the route needs; `member` means every member. */
  role: Role | 'member';
}

const BOUNDARY = 'matrix-boundary';
const multipartFile = (name: string) =>
  `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="${name}.txt"\r\n` +
  `Content-Type: text/plain\r\n\r\nhello\r\n--${BOUNDARY}--\r\n`;

/** The matrix. Keep one read and one write per family; append new families at the end. */
const ROUTES: RouteCase[] = [
  { family: 'auth', method: 'GET', url: '/auth/session', role: 'member' },
  { family: 'org', method: 'GET', url: '/org', role: 'viewer' },
  { family: 'projects', method: 'GET', url: '/projects', role: 'viewer' },
  {
    family: 'projects',
    method: 'POST',
    url: '/projects',
    body: (_f, u) => ({ name: `p-${u}`, type: 'categorization' }),
    role: 'manager',
  },
  { family: 'batches', method: 'GET', url: '/batches', role: 'viewer' },
  {
    family: 'batches',
    method: 'POST',
    url: '/batches',
    body: (f, u) => ({ project: f.project, name: `b-${u}` }),
    role: 'manager',
  },
  { family: 'tasks', method: 'GET', url: '/tasks', role: 'viewer' },
  {
    family: 'tasks',
    method: 'POST',
    url: (f) => `/tasks/import?type=categorization&project=${encodeURIComponent(f.project)}`,
    body: (_f, u) =>
      `${JSON.stringify({ attachment: 'https://example.com/a.png', categories: ['a', 'b'], unique_id: `t-${u}` })}\n`,
    contentType: 'application/x-ndjson',
    role: 'manager',
  },
  { family: 'files', method: 'GET', url: (f) => `/files/${f.fileId}`, role: 'viewer' },
  {
    family: 'files',
    method: 'POST',
    url: '/files',
    body: (_f, u) => multipartFile(u),
    contentType: `multipart/form-data; boundary=${BOUNDARY}`,
    role: 'manager',
  },
  { family: 'api-keys', method: 'GET', url: '/api-keys', role: 'admin' },
  {
    family: 'api-keys',
    method: 'POST',
    url: '/api-keys',
    body: (_f, u) => ({ name: `k-${u}`, environment: 'live' }),
    role: 'admin',
  },
  { family: 'members', method: 'GET', url: '/members', role: 'manager' },
  {
    family: 'members',
    method: 'PATCH',
    url: (f) => `/members/${f.spareMemberId}`,
    body: { role: 'viewer' },
    role: 'admin',
  },
  { family: 'invitations', method: 'GET', url: '/invitations', role: 'manager' },
  {
    family: 'invitations',
    method: 'POST',
    url: '/invitations',
    body: () => ({ email: uniqueEmail('invitee'), role: 'annotator' }),
    role: 'manager',
  },
  { family: 'deliveries', method: 'GET', url: '/deliveries', role: 'manager' },
  { family: 'webhook-secrets', method: 'GET', url: '/org/webhook-secrets', role: 'admin' },
  { family: 'webhook-secrets', method: 'POST', url: '/org/webhook-secrets/rotate', role: 'admin' },
  { family: 'work', method: 'GET', url: '/work/assignments', role: 'annotator' },
  { family: 'work', method: 'POST', url: '/work/next', body: { stage: 'label' }, role: 'annotator' },
  { family: 'reviews', method: 'POST', url: '/work/next', body: { stage: 'review' }, role: 'reviewer' },
  { family: 'workforces', method: 'GET', url: '/workforces', role: 'manager' },
  {
    family: 'workforces',
    method: 'POST',
    url: '/workforces',
    body: (_f, u) => ({ name: `w-${u}`, kind: 'vendor' }),
    role: 'admin',
  },
  { family: 'skills', method: 'GET', url: (f) => `/members/${f.spareMemberId}/skills`, role: 'manager' },
  {
    family: 'skills',
    method: 'PUT',
    url: (f) => `/members/${f.spareMemberId}/skills/medicine`,
    body: {},
    role: 'manager',
  },
  {
    family: 'workflow',
    method: 'GET',
    url: (f) => `/projects/${encodeURIComponent(f.project)}/workflow`,
    role: 'viewer',
  },
  {
    family: 'workflow',
    method: 'PUT',
    url: (f) => `/projects/${encodeURIComponent(f.project)}/workflow`,
    body: { workflow: { overlap: 2 } },
    role: 'manager',
  },
  { family: 'work-overview', method: 'GET', url: '/work/overview', role: 'annotator' },
  {
    family: 'gold',
    method: 'GET',
    url: (f) => `/projects/${encodeURIComponent(f.project)}/gold`,
    role: 'manager',
  },
  {
    family: 'gold',
    method: 'POST',
    url: (f) => `/projects/${encodeURIComponent(f.project)}/gold`,
    body: {
      kind: 'evaluation',
      params: { attachment: 'https://example.com/a.png', categories: ['a', 'b'] },
      expectedResponse: { category: 'a' },
    },
    role: 'manager',
  },
  {
    family: 'standings',
    method: 'GET',
    url: (f) => `/projects/${encodeURIComponent(f.project)}/standings`,
    role: 'manager',
  },
  {
    family: 'standings',
    method: 'PUT',
    url: (f) => `/projects/${encodeURIComponent(f.project)}/standings/${f.spareMemberId}/pause`,
    body: { paused: false },
    role: 'manager',
  },
  {
    family: 'quality',
    method: 'GET',
    url: (f) => `/projects/${encodeURIComponent(f.project)}/scorecards`,
    role: 'manager',
  },
  {
    family: 'quality',
    method: 'POST',
    url: (f) => `/projects/${encodeURIComponent(f.project)}/quality/refresh`,
    role: 'manager',
  },
  { family: 'quality', method: 'GET', url: '/scorecards?by=workforce', role: 'manager' },
  {
    family: 'agreement',
    method: 'GET',
    url: (f) => `/projects/${encodeURIComponent(f.project)}/agreement`,
    role: 'viewer',
  },
  {
    family: 'project-overview',
    method: 'GET',
    url: (f) => `/projects/${encodeURIComponent(f.project)}/overview`,
    role: 'viewer',
  },
  { family: 'project-overview', method: 'GET', url: '/project-progress', role: 'viewer' },
  {
    family: 'task-explorer',
    method: 'GET',
    url: (f) => `/projects/${encodeURIComponent(f.project)}/tasks`,
    role: 'viewer',
  },
  {
    family: 'task-explorer',
    method: 'GET',
    url: (f) => `/projects/${encodeURIComponent(f.project)}/task-filters`,
    role: 'viewer',
  },
  {
    family: 'task-explorer',
    method: 'GET',
    url: (f) => `/tasks/${f.completedTaskId}/timeline`,
    role: 'viewer',
  },
  {
    family: 'task-explorer',
    method: 'POST',
    url: (f) => `/tasks/${f.completedTaskId}/audit`,
    body: { accepted: true },
    role: 'manager',
  },
  {
    family: 'exports',
    method: 'GET',
    url: (f) => `/projects/${encodeURIComponent(f.project)}/exports`,
    role: 'viewer',
  },
  {
    family: 'exports',
    method: 'POST',
    url: (f) => `/projects/${encodeURIComponent(f.project)}/exports`,
    body: { format: 'jsonl' },
    role: 'manager',
  },
  { family: 'audit', method: 'GET', url: '/audit-events?action=task.', role: 'admin' },
  { family: 'audit', method: 'GET', url: '/audit-events/export?action=no-such.', role: 'admin' },
  { family: 'audit', method: 'POST', url: '/audit-events/verify', role: 'admin' },
  { family: 'sessions', method: 'GET', url: '/sessions', role: 'member' },
  { family: 'sessions', method: 'POST', url: '/sessions/end-others', role: 'member' },
  { family: 'sessions', method: 'DELETE', url: (f) => `/members/${f.spareMemberId}/sessions`, role: 'admin' },
  { family: 'account', method: 'GET', url: '/account/totp', role: 'member' },
  {
    family: 'api-keys',
    method: 'POST',
    url: (f) => `/api-keys/${f.rotatedKeyId}/rotate`,
    body: { overlapMinutes: 60 },
    role: 'admin',
  },
  // Saving SSO settings needs a provider to answer discovery: sso-oidc.int.test.ts covers its writes' roles.
  { family: 'sso', method: 'GET', url: '/org/sso', role: 'admin' },
];

/** Whether a member with `role` may call a route needing `required`. */
function allowed(role: Role, required: Role | 'member'): boolean {
  return required === 'member' || INCLUDES[role].includes(required);
}

let ctx: TestContext;
let org: TestOrg;
let fixtures: Fixtures;
const sessions = new Map<Role, TestSession>();

async function setUp(): Promise<void> {
  const project = 'matrix project';
  const created = await callApi(ctx.app, org.liveKey, 'POST', '/projects', {
    name: project,
    type: 'categorization',
  });
  if (created.status !== 200) throw new Error(`fixture project: ${created.status}`);
  const upload = await ctx.app.inject({
    method: 'POST',
    url: '/api/files',
    headers: {
      authorization: `Bearer ${org.liveKey}`,
      'content-type': `multipart/form-data; boundary=${BOUNDARY}`,
    },
    payload: multipartFile('fixture'),
  });
  if (upload.statusCode !== 200) throw new Error(`fixture file: ${upload.statusCode} ${upload.body}`);
  const spare = await addMember(ctx, org.id, 'viewer');
  const task = await scaleClient(ctx.app, org.liveKey).post('/task/categorization', {
    project,
    attachment: 'https://example.com/a.png',
    categories: ['a', 'b'],
  });
  if (task.status !== 200) throw new Error(`fixture task: ${task.status}`);
  const completedTaskId = task.body.task_id as string;
  await ctx.db.system.execute(
    sql`UPDATE tasks SET status = 'completed', stage = 'done', response = ${await ctx.seal(org.id, 'tasks.response', { category: 'a' })}::jsonb, completed_at = now()
         WHERE id = ${completedTaskId}`,
  );
  const rotated = await callApi(ctx.app, org.liveKey, 'POST', '/api-keys', {
    name: 'rotated',
    environment: 'live',
  });
  if (rotated.status !== 200) throw new Error(`fixture key: ${rotated.status}`);
  fixtures = {
    project,
    fileId: upload.json().id as string,
    spareMemberId: spare.id,
    completedTaskId,
    rotatedKeyId: rotated.body.id as string,
  };
}

beforeAll(async () => {
  ctx = await createTestContext();
  org = await ctx.org();
  await setUp();
  for (const role of ROLES) {
    const member = await addMember(ctx, org.id, role);
    sessions.set(role, await login(ctx.app, member.email));
  }
});

afterAll(async () => {
  await ctx.close();
});

let calls = 0;
const resolve = <T>(value: Dynamic<T>, unique: string): T =>
  typeof value === 'function' ? (value as (f: Fixtures, u: string) => T)(fixtures, unique) : value;

describe('role matrix', () => {
  for (const route of ROUTES) {
    const label = `${route.family}: ${route.method} ${typeof route.url === 'string' ? route.url : '…'}`;
    describe(label, () => {
      for (const role of ROLES) {
        const expected = allowed(role, route.role) ? '2xx' : '403';
        it(`${role} → ${expected}`, async () => {
          const session = sessions.get(role);
          if (!session) throw new Error(`no session for ${role}`);
          const unique = `${role}-${++calls}-${process.pid}`;
          const response = await callAsSession(
            ctx.app,
            session,
            route.method,
            resolve(route.url, unique),
            route.body === undefined ? undefined : resolve(route.body, unique),
            route.contentType ? { headers: { 'content-type': route.contentType } } : {},
          );
          if (expected === '2xx') {
            expect(response.status, JSON.stringify(response.body)).toBeGreaterThanOrEqual(200);
            expect(response.status, JSON.stringify(response.body)).toBeLessThan(300);
          } else {
            expect(response.status, JSON.stringify(response.body)).toBe(403);
            expect(response.body.code).toBe('forbidden');
          }
        });
      }
    });
  }
});
