import { createGroundworkClient, type GroundworkClient, toNdjson } from '@groundwork/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../src/app.ts';
import { createTestContext, type TestContext, type TestOrg } from './harness.ts';

let ctx: TestContext;
let org: TestOrg;
let sdk: GroundworkClient;

/** A fetch that hands each request to the in-process app. */
function injectFetch(app: App) {
  return async (request: Request): Promise<Response> => {
    const url = new URL(request.url);
    const payload = request.body ? Buffer.from(await request.arrayBuffer()) : undefined;
    const response = await app.inject({
      method: request.method as 'GET',
      url: `${url.pathname}${url.search}`,
      headers: Object.fromEntries(request.headers),
      ...(payload ? { payload } : {}),
    });
    const headers = new Headers();
    for (const [name, value] of Object.entries(response.headers)) {
      if (value !== undefined) headers.set(name, String(value));
    }
    return new Response(response.rawPayload, { status: response.statusCode, headers });
  };
}

/** Every /api operation, by method and path. */
const OPERATIONS = [
  ['get', '/api/org', 'getOrg'],
  ['get', '/api/projects', 'listProjects'],
  ['post', '/api/projects', 'createProject'],
  ['get', '/api/projects/{name}', 'getProject'],
  ['post', '/api/projects/{name}/params', 'setProjectParams'],
  ['get', '/api/projects/{name}/param-history', 'getProjectParamHistory'],
  ['get', '/api/batches', 'listBatches'],
  ['post', '/api/batches', 'createBatch'],
  ['get', '/api/batches/{name}', 'getBatch'],
  ['post', '/api/batches/{name}/finalize', 'finalizeBatch'],
  ['get', '/api/tasks', 'listTasks'],
  ['get', '/api/tasks/{id}', 'getTask'],
  ['post', '/api/tasks/import', 'importTasks'],
  ['get', '/api/api-keys', 'listApiKeys'],
  ['post', '/api/api-keys', 'createApiKey'],
  ['delete', '/api/api-keys/{id}', 'revokeApiKey'],
  ['post', '/api/files', 'uploadFile'],
  ['post', '/api/files/import', 'importFile'],
  ['get', '/api/files/{id}', 'getFile'],
  ['get', '/api/files/{id}/content', 'getFileContent'],
  ['post', '/api/auth/login', 'login'],
  ['post', '/api/auth/logout', 'logout'],
  ['get', '/api/auth/session', 'getSession'],
  ['get', '/api/members', 'listMembers'],
  ['patch', '/api/members/{userId}', 'updateMember'],
  ['delete', '/api/members/{userId}', 'removeMember'],
  ['post', '/api/invitations', 'createInvitation'],
  ['get', '/api/invitations', 'listInvitations'],
  ['delete', '/api/invitations/{id}', 'revokeInvitation'],
  ['get', '/api/invitations/by-token/{token}', 'previewInvitation'],
  ['post', '/api/invitations/accept', 'acceptInvitation'],
  ['get', '/api/deliveries', 'listDeliveries'],
  ['get', '/api/deliveries/{id}', 'getDelivery'],
  ['post', '/api/deliveries/{id}/resend', 'resendDelivery'],
  ['get', '/api/org/webhook-secrets', 'getWebhookSecrets'],
  ['post', '/api/org/webhook-secrets/rotate', 'rotateWebhookSecrets'],
  ['get', '/api/workforces', 'listWorkforces'],
  ['post', '/api/workforces', 'createWorkforce'],
  ['get', '/api/workforces/{id}', 'getWorkforce'],
  ['patch', '/api/workforces/{id}', 'updateWorkforce'],
  ['delete', '/api/workforces/{id}', 'archiveWorkforce'],
  ['get', '/api/workforces/{id}/members', 'listWorkforceMembers'],
  ['put', '/api/members/{userId}/workforce', 'setMemberWorkforce'],
  ['get', '/api/members/{userId}/skills', 'listMemberSkills'],
  ['put', '/api/members/{userId}/skills/{skill}', 'grantMemberSkill'],
  ['delete', '/api/members/{userId}/skills/{skill}', 'revokeMemberSkill'],
  ['get', '/api/projects/{name}/workflow', 'getProjectWorkflow'],
  ['put', '/api/projects/{name}/workflow', 'setProjectWorkflow'],
  ['patch', '/api/batches/{name}', 'updateBatch'],
  ['get', '/api/work/overview', 'getWorkOverview'],
  ['post', '/api/work/next', 'leaseNextAssignment'],
  ['get', '/api/work/assignments', 'listMyAssignments'],
  ['get', '/api/work/assignments/{id}', 'getMyAssignment'],
  ['post', '/api/work/assignments/{id}/heartbeat', 'heartbeatAssignment'],
  ['post', '/api/work/assignments/{id}/skip', 'skipAssignment'],
  ['post', '/api/work/assignments/{id}/release', 'releaseAssignment'],
  ['post', '/api/work/assignments/{id}/submit', 'submitAssignment'],
  ['post', '/api/work/assignments/{id}/review', 'reviewAssignment'],
  ['get', '/api/work/assignments/{id}/files/{fileId}', 'getLeasedFile'],
  ['get', '/api/projects/{name}/gold', 'listGoldTasks'],
  ['post', '/api/projects/{name}/gold', 'createGoldTask'],
  ['get', '/api/gold/{id}', 'getGoldTask'],
  ['patch', '/api/gold/{id}', 'updateGoldTask'],
  ['get', '/api/projects/{name}/standings', 'listStandings'],
  ['put', '/api/projects/{name}/standings/{userId}/pause', 'setPaused'],
  ['get', '/api/projects/{name}/scorecards', 'getProjectScorecards'],
  ['get', '/api/scorecards', 'getScorecards'],
  ['get', '/api/projects/{name}/agreement', 'getProjectAgreement'],
  ['post', '/api/projects/{name}/quality/refresh', 'refreshProjectReliability'],
  ['get', '/api/projects/{name}/overview', 'getProjectOverview'],
  ['get', '/api/project-progress', 'listProjectProgress'],
  ['get', '/api/projects/{name}/tasks', 'exploreProjectTasks'],
  ['get', '/api/projects/{name}/task-filters', 'getTaskFilterOptions'],
  ['get', '/api/tasks/{id}/timeline', 'getTaskTimeline'],
  ['post', '/api/tasks/{id}/audit', 'auditTask'],
  ['post', '/api/projects/{name}/exports', 'createExport'],
  ['get', '/api/projects/{name}/exports', 'listExports'],
  ['get', '/api/exports/{id}', 'getExport'],
  ['post', '/api/exports/{id}/cancel', 'cancelExport'],
  ['post', '/api/exports/{id}/repeat', 'repeatExport'],
  ['get', '/api/exports/{id}/download', 'downloadExport'],
  ['get', '/api/audit-events', 'listAuditEvents'],
  ['get', '/api/audit-events/export', 'exportAuditEvents'],
  ['post', '/api/audit-events/verify', 'verifyAuditEvents'],
  ['post', '/api/auth/login/totp', 'loginSecondFactor'],
  ['get', '/api/sessions', 'listSessions'],
  ['delete', '/api/sessions/{id}', 'endSession'],
  ['post', '/api/sessions/end-others', 'endOtherSessions'],
  ['delete', '/api/members/{userId}/sessions', 'endMemberSessions'],
  ['get', '/api/account/totp', 'getTotpStatus'],
  ['post', '/api/account/totp', 'enrolTotp'],
  ['post', '/api/account/totp/confirm', 'confirmTotp'],
  ['post', '/api/account/totp/disable', 'disableTotp'],
  ['post', '/api/api-keys/{id}/rotate', 'rotateApiKey'],
  ['get', '/api/org/sso', 'getSsoSettings'],
  ['put', '/api/org/sso', 'saveSsoSettings'],
  ['delete', '/api/org/sso', 'deleteSsoSettings'],
  ['post', '/api/org/sso/test', 'testSsoSettings'],
  ['get', '/api/auth/sso/{orgSlug}', 'getSsoAvailability'],
  ['get', '/api/auth/sso/{orgSlug}/start', 'startSsoSignIn'],
  ['get', '/api/auth/sso/callback', 'completeSsoSignIn'],
] as const;

beforeAll(async () => {
  ctx = await createTestContext();
  org = await ctx.org();
  sdk = createGroundworkClient({
    baseUrl: 'http://groundwork.test',
    apiKey: org.liveKey,
    fetch: injectFetch(ctx.app),
  });
});
afterAll(() => ctx.close());

// biome-ignore lint/suspicious/noExplicitAny: the document is walked as plain JSON.
type Json = any;

/** Paths of schema properties (and array items) that have no description. */
function undescribed(schema: Json, at: string, out: string[]): void {
  if (!schema || typeof schema !== 'object') return;
  for (const [name, property] of Object.entries<Json>(schema.properties ?? {})) {
    if (!property.description) out.push(`${at}.${name}`);
    undescribed(property, `${at}.${name}`, out);
  }
  if (schema.items) undescribed(schema.items, `${at}[]`, out);
  for (const branch of schema.anyOf ?? []) undescribed(branch, at, out);
}

describe('the OpenAPI document', () => {
  it('lists every /api operation with a summary, description, tag and described fields', async () => {
    const response = await ctx.app.inject({ url: '/api/openapi.json' });
    expect(response.statusCode).toBe(200);
    const doc = response.json() as Json;
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.components.securitySchemes).sort()).toEqual([
      'basicKey',
      'bearerKey',
      'sessionCookie',
    ]);
    expect(Object.keys(doc.paths).every((p) => p.startsWith('/api/'))).toBe(true);

    const listed = Object.entries<Json>(doc.paths).flatMap(([path, item]) =>
      Object.entries<Json>(item).map(([method, op]) => [method, path, op.operationId]),
    );
    expect(new Set(listed.map((x) => x.join(' ')))).toEqual(new Set(OPERATIONS.map((x) => x.join(' '))));

    const missing: string[] = [];
    for (const [method, path] of OPERATIONS) {
      const op = doc.paths[path][method];
      const where = `${method} ${path}`;
      if (!op.summary || !op.description || !op.tags?.length)
        missing.push(`${where}: summary/description/tags`);
      for (const p of op.parameters ?? []) if (!p.description) missing.push(`${where}: parameter ${p.name}`);
      for (const [type, media] of Object.entries<Json>(op.requestBody?.content ?? {})) {
        undescribed(media.schema, `${where} body ${type}`, missing);
      }
      for (const [status, r] of Object.entries<Json>(op.responses)) {
        if (!r.description) missing.push(`${where}: response ${status}`);
        for (const media of Object.values<Json>(r.content ?? {}))
          undescribed(media.schema, `${where} ${status}`, missing);
      }
      // Browser redirects (single sign-on) answer 302 instead of 200.
      const success = op.responses['302'] ? '302' : '200';
      expect(Object.keys(op.responses), where).toEqual(expect.arrayContaining([success, '4XX']));
    }
    expect(missing).toEqual([]);
  });

  it('serves Swagger UI at /api/docs', async () => {
    const ui = await ctx.app.inject({ url: '/api/docs/' });
    expect(ui.statusCode).toBe(200);
    expect(ui.headers['content-type']).toMatch(/text\/html/);
  });
});

describe('the SDK client', () => {
  it('creates and lists projects', async () => {
    const created = await sdk.POST('/api/projects', {
      body: { name: 'sdk-project', type: 'categorization', params: { categories: ['a', 'b'] } },
    });
    expect(created.error).toBeUndefined();
    expect(created.data?.name).toBe('sdk-project');
    const { data } = await sdk.GET('/api/projects');
    expect(data?.items.map((p) => p.name)).toEqual(['sdk-project']);
    const missing = await sdk.GET('/api/projects/{name}', { params: { path: { name: 'nope' } } });
    expect(missing.response.status).toBe(404);
    expect(missing.error?.code).toBe('not_found');
  });

  it('creates an API key that the SDK can then use', async () => {
    const { data, error } = await sdk.POST('/api/api-keys', {
      body: { name: 'from-sdk', environment: 'test' },
    });
    expect(error).toBeUndefined();
    expect(data?.key).toMatch(/^test_/);
    const other = createGroundworkClient({
      baseUrl: 'http://groundwork.test',
      apiKey: data?.key ?? '',
      fetch: injectFetch(ctx.app),
    });
    expect((await other.GET('/api/org')).data).toMatchObject({ slug: org.slug, environment: 'test' });
  });

  it('imports tasks as NDJSON', async () => {
    const { data, error } = await sdk.POST('/api/tasks/import', {
      params: { query: { type: 'categorization', project: 'sdk-project' } },
      body: toNdjson([
        { attachment: 'one', attachment_type: 'text' },
        { attachment: 'two', attachment_type: 'text' },
      ]),
      bodySerializer: (body) => body,
      headers: { 'content-type': 'application/x-ndjson' },
    });
    expect(error).toBeUndefined();
    expect(data?.created).toBe(2);
    const tasks = await sdk.GET('/api/tasks', { params: { query: { project: 'sdk-project' } } });
    expect(tasks.data?.total).toBe(2);
  });
});
