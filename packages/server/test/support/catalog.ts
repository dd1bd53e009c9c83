/**
 * The operation catalog of the isolation suites. Operations are found, not listed: every route the app
 * registered under `/api` and `/v1` (from Fastify's route tree), joined with the OpenAPI document for
 * what `/api` documents (role note, parameters, body schema). Each operation gets a probe plan — how to
 * aim a request at the victim's objects — from its path parameters and body schema, with the overrides
 * below where the schema cannot say (raw bodies, `/v1`, which the document leaves out). An operation
 * without a plan is reported, so a new route cannot slip past the suites.
 */
import type { App } from '../../src/app.ts';
import { ROLES, type Role } from '../../src/services/principal.ts';
import type { Attacker } from './attackers.ts';
import type { Method, ProbeRequest } from './http.ts';
import { multipartBody } from './http.ts';
import { type JsonSchema, minimalValue } from './schema.ts';
import type { Victim } from './victim.ts';

/**
 * Who may call an operation: nobody needs to authenticate (`public`), only a logged-in person
 * (`session`), any API key (`key`, the Scale-compatible `/v1`), or members whose role includes a role.
 */
export type Access = 'public' | 'session' | 'key' | Role;

/** A query parameter of the document. */
export interface QueryParam {
  name: string;
  required: boolean;
  schema: JsonSchema;
}

/** One operation of `/api` or `/v1`. */
export interface Operation {
  /** `METHOD /path/{param}`: the catalog's key. */
  key: string;
  method: Method;
  /** The path with `{param}` placeholders. */
  path: string;
  operationId: string | null;
  /** Null when the catalog could not tell (the operation then has a problem). */
  access: Access | null;
  pathParams: string[];
  query: QueryParam[];
  /** The documented body: its first content type and schema. */
  body: { contentType: string; schema: JsonSchema } | null;
}

/** What a probe plan gets to build its request. */
export interface ProbeInput {
  victim: Victim;
  /** The caller the request will be sent as (null when fuzzing builds only the shape). */
  attacker: Attacker | null;
  /** A string unique to this probe, for names of things the caller creates in its own organization. */
  unique: string;
}

/** How to aim one operation at the victim. */
export interface ProbePlan {
  request(input: ProbeInput): ProbeRequest;
  /**
   * `own-org`: the operation acts on the caller's own organization and names none of the victim's
   * objects, so another organization's member may get 2xx (with nothing of the victim in it);
   * `never`: it names the victim's objects, and only a refusal is right.
   */
  b2xx: 'own-org' | 'never';
  /** Why, in a few words (shown with a failure). */
  why: string;
  /** A successful call ends the caller's session (logout): log the attackers in again after it. */
  endsCallerSession: boolean;
  /**
   * The operation answers anyone alike and reads nothing of the victim (single sign-on's public lookup
   * and browser redirects): any answer but a 5xx is right, as long as none of the victim's ids or content
   * is in it.
   */
  answersAnyone: boolean;
}

/** An operation with its plan, or the reason it has none. */
export interface CatalogEntry {
  op: Operation;
  plan: ProbePlan | null;
  problem: string | null;
}

/** The rights each role includes, written from the specification (as in api-roles.int.test.ts). */
const INCLUDES: Record<Role, readonly Role[]> = {
  owner: ROLES,
  admin: ['admin', 'manager', 'reviewer', 'annotator', 'viewer'],
  manager: ['manager', 'reviewer', 'annotator', 'viewer'],
  reviewer: ['reviewer', 'annotator'],
  annotator: ['annotator'],
  viewer: ['viewer'],
};

/** Whether `role` carries the rights of `required`. */
export function includesRole(role: Role, required: Role): boolean {
  return INCLUDES[role].includes(required);
}

/** Routes the catalog leaves out: documentation, and HEAD (Fastify's twin of every GET). */
const NOT_OPERATIONS = [/^\/api\/docs(\/|\*|$)/, /^\/api\/openapi\.json$/];

/**
 * The routes of Fastify's route tree (`printRoutes({ commonPrefix: false })`), as `METHOD /path` with
 * `{param}` placeholders, under `/api` and `/v1`, HEAD left out.
 */
export function registeredRoutes(app: App): { method: Method; path: string }[] {
  const stack: string[] = [];
  const out: { method: Method; path: string }[] = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    const match = /^([│ ]*)(?:├── |└── )(.*?)(?: \(([A-Z, ]+)\))?$/u.exec(line);
    if (!match) continue;
    const depth = (match[1] ?? '').length / 4;
    const path = `${depth > 0 ? (stack[depth - 1] ?? '') : ''}${match[2] ?? ''}`.replace(/^\/\//, '/');
    stack[depth] = path;
    stack.length = depth + 1;
    if (!match[3] || !/^\/(api|v1)\//.test(path) || NOT_OPERATIONS.some((re) => re.test(path))) continue;
    for (const method of match[3].split(', ')) {
      if (method === 'HEAD' || method === 'OPTIONS') continue;
      // Routes that share a node print their parameters as alternatives (`:type|:task_id`): ask the
      // router which names this method's route uses.
      const url = path.replace(/:([A-Za-z_]+)(\|:[A-Za-z_]+)*/g, ':$1');
      const names = Object.keys(app.findRoute({ method: method as Method, url })?.params ?? {});
      let index = 0;
      const named = url.replace(/:([A-Za-z_]+)/g, (_, first: string) => `{${names[index++] ?? first}}`);
      out.push({ method: method as Method, path: named });
    }
  }
  return out;
}

/** The least role of an OpenAPI description's role note (`Allowed roles: …`), or the other access notes. */
export function accessOf(description: string): Access | null {
  if (/Needs no authentication/.test(description)) return 'public';
  if (/Only for session callers/.test(description)) return 'session';
  const note = /Allowed roles: ([^.(]*)/.exec(description)?.[1];
  if (!note) return null;
  const listed = [...note.matchAll(/`([a-z]+)`/g)].map((m) => m[1] as Role);
  const least = listed.find((candidate) => listed.every((role) => includesRole(role, candidate)));
  if (!least) return null;
  // The note must list exactly the roles that include the least one, or it says something else.
  const expected = ROLES.filter((role) => includesRole(role, least));
  return expected.length === listed.length ? least : null;
}

/** Every operation of `/api` and `/v1`: the route tree joined with the OpenAPI document. */
export function discoverOperations(app: App): Operation[] {
  // biome-ignore lint/suspicious/noExplicitAny: the document is walked as plain JSON.
  const doc = app.swagger() as any;
  const ops: Operation[] = [];
  for (const { method, path } of registeredRoutes(app)) {
    const documented = doc.paths?.[path]?.[method.toLowerCase()] as JsonSchema | undefined;
    const pathParams = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1] as string);
    if (!documented) {
      ops.push({
        key: `${method} ${path}`,
        method,
        path,
        operationId: null,
        access: path.startsWith('/v1/') ? 'key' : null,
        pathParams,
        query: [],
        body: null,
      });
      continue;
    }
    const content = Object.entries<JsonSchema>(documented.requestBody?.content ?? {})[0];
    ops.push({
      key: `${method} ${path}`,
      method,
      path,
      operationId: documented.operationId ?? null,
      access: accessOf(String(documented.description ?? '')),
      pathParams,
      query: ((documented.parameters ?? []) as JsonSchema[])
        .filter((p) => p.in === 'query')
        .map((p) => ({ name: p.name as string, required: p.required === true, schema: p.schema ?? {} })),
      body: content ? { contentType: content[0], schema: content[1].schema ?? {} } : null,
    });
  }
  return ops;
}

/** The victim's object a path parameter names, by its name and the resource before it. */
function victimParam(path: string, param: string, v: Victim): string | undefined {
  const before = path.split(`/{${param}}`)[0]?.split('/').at(-1) ?? '';
  if (param === 'name') return /^\/(api|v1)\/batches/.test(path) ? v.batchName : v.projectName;
  if (param === 'userId') return v.annotatorId;
  if (param === 'fileId') return v.fileId;
  if (param === 'skill') return v.skill;
  if (param === 'task_id') return v.pendingTaskId;
  if (param === 'type') return 'categorization';
  // The secret of an invitation link is never known to an attacker; its id is.
  if (param === 'token') return v.invitationId;
  if (param === 'orgSlug') return v.org.slug;
  if (param !== 'id') return undefined;
  const byResource: Record<string, string> = {
    tasks: v.completedTaskId,
    files: v.fileId,
    'api-keys': v.spareKeyId,
    sessions: v.sessionId,
    invitations: v.invitationId,
    deliveries: v.deliveryId,
    workforces: v.workforceId,
    assignments: v.leasedAssignmentId,
    gold: v.evaluationGoldId,
    exports: v.exportId,
  };
  return byResource[before];
}

/** The victim's object a body or query field names, by the field's name (strings only). */
function victimField(name: string, v: Victim): string | undefined {
  const byName: Record<string, string> = {
    project: v.projectName,
    batch: v.batchName,
    taskId: v.completedTaskId,
    task_id: v.completedTaskId,
    batchId: v.batchName,
    workforceId: v.workforceId,
    userId: v.annotatorId,
    fileId: v.fileId,
    url: `groundwork://files/${v.fileId}`,
    file_url: `groundwork://files/${v.fileId}`,
    attachment: `groundwork://files/${v.fileId}`,
    token: v.invitationId,
  };
  return byName[name];
}

/** The path with its parameters filled (each URL-encoded). */
export function fillPath(path: string, values: Record<string, string>): string {
  return path.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`no value for {${name}} of ${path}`);
    return encodeURIComponent(value);
  });
}

/** A query string (with its `?`), or nothing. */
export function queryString(query: Record<string, string>): string {
  const entries = Object.entries(query);
  return entries.length === 0 ? '' : `?${new URLSearchParams(entries).toString()}`;
}

/** What the overrides may say about one operation; anything left out is derived from the document. */
interface Override {
  query?: (input: ProbeInput) => Record<string, string>;
  /** A JSON body. */
  json?: (input: ProbeInput) => unknown;
  /** A raw body with its content type. */
  raw?: (input: ProbeInput) => { payload: string; contentType: string };
  b2xx?: ProbePlan['b2xx'];
  why?: string;
  endsCallerSession?: true;
  answersAnyone?: true;
  /** For routes the document leaves out: who may call them. */
  access?: Access;
}

const ndjson = (rows: unknown[]) => ({
  payload: `${rows.map((r) => JSON.stringify(r)).join('\n')}\n`,
  contentType: 'application/x-ndjson',
});

/**
 * Overrides by operation key: raw bodies, bodies whose meaning the schema cannot give, and every
 * `/v1` operation (left out of the document). `b2xx` is derived when left out: `never` when the probe
 * names one of the victim's objects, else `own-org`.
 */
const OVERRIDES: Record<string, Override> = {
  'POST /api/auth/login': {
    // B's members try their own password on the victim's organization; everyone else the victim's
    // owner with a wrong password.
    json: ({ victim, attacker }) =>
      attacker?.login
        ? { ...attacker.login, org: victim.org.slug }
        : { email: victim.members.owner.email, password: 'not the password', org: victim.org.slug },
    b2xx: 'never',
    why: 'logs in to the victim organization',
  },
  'POST /api/auth/logout': {
    b2xx: 'own-org',
    why: "ends the caller's own session",
    endsCallerSession: true,
  },
  'POST /api/projects': {
    json: ({ unique }) => ({ name: `b-${unique}`, type: 'categorization' }),
  },
  'GET /api/tasks': {
    query: ({ victim }) => ({ project: victim.projectName, batch: victim.batchName }),
  },
  'GET /api/batches': { query: ({ victim }) => ({ project: victim.projectName }) },
  'GET /api/deliveries': {
    query: ({ victim }) => ({ taskId: victim.completedTaskId }),
    b2xx: 'own-org',
    why: 'a filter on an id the caller does not have lists nothing',
  },
  'POST /api/tasks/import': {
    query: ({ victim }) => ({ type: 'categorization', batch: victim.batchName }),
    raw: ({ victim }) =>
      ndjson([{ attachment: `groundwork://files/${victim.fileId}`, attachment_type: 'image' }]),
    b2xx: 'never',
    why: "imports into the victim's batch",
  },
  'POST /api/work/next': {
    json: ({ victim }) => ({ project: victim.projectName }),
    b2xx: 'own-org',
    why: 'the caller has no project of that name: nothing to lease',
  },
  'POST /api/work/assignments/{id}/submit': {
    json: () => ({ response: { category: 'cat' } }),
  },
  'POST /api/files': {
    raw: ({ victim, unique }) =>
      multipartBody(`b-${unique}.txt`, 'attacker file', { project_name: victim.projectName }),
    b2xx: 'never',
    why: "uploads a file into the victim's project",
  },
  'POST /api/files/import': {
    json: ({ victim }) => ({ url: `groundwork://files/${victim.fileId}` }),
    b2xx: 'never',
    why: "imports the victim's file by reference",
  },
  'POST /api/invitations': {
    json: ({ victim, unique }) => ({
      email: `${unique}@example.test`,
      role: 'annotator',
      workforceId: victim.workforceId,
    }),
  },
  'POST /api/invitations/accept': {
    json: ({ victim }) => ({
      token: victim.invitationId,
      name: 'Mallory',
      password: 'a long enough password',
    }),
  },
  'POST /api/projects/{name}/gold': {
    json: () => ({
      kind: 'evaluation',
      params: { attachment: 'x', categories: ['cat', 'dog'] },
      expectedResponse: { category: 'cat' },
    }),
  },
  'PUT /api/projects/{name}/standings/{userId}/pause': { json: () => ({ paused: false }) },
  'POST /api/projects/{name}/exports': { json: () => ({ format: 'jsonl' }) },
  'PATCH /api/members/{userId}': { json: () => ({ role: 'owner' }) },
  'GET /api/auth/sso/{orgSlug}': {
    answersAnyone: true,
    why: 'tells anyone whether an organization offers SSO (unknown ones alike), nothing else',
  },
  'GET /api/auth/sso/{orgSlug}/start': {
    answersAnyone: true,
    why: "redirects anyone to the organization's provider or to the login page",
  },
  'GET /api/auth/sso/callback': {
    query: () => ({ code: 'stolen', state: 'stolen' }),
    b2xx: 'own-org',
    answersAnyone: true,
    why: 'without the flow cookie of a sign-in it only redirects to the login page',
  },
  'PUT /api/org/sso': {
    // A provider nobody runs: a member who may save gets a 400 naming the issuer, others a 403.
    json: () => ({ issuer: 'https://127.0.0.1:9', clientId: 'stolen', clientSecret: 'stolen' }),
  },
  'PATCH /api/workforces/{id}': { json: () => ({ name: 'stolen' }) },
  'PATCH /api/gold/{id}': { json: () => ({ archived: true }) },
  'POST /api/tasks/{id}/audit': { json: () => ({ accepted: false, comments: 'stolen' }) },

  // ---- /v1: the Scale-compatible API, left out of the document.
  'POST /v1/task/{type}': {
    json: ({ victim }) => ({
      project: victim.projectName,
      batch: victim.batchName,
      attachment: `groundwork://files/${victim.fileId}`,
      attachment_type: 'image',
    }),
    b2xx: 'never',
    why: "creates a task in the victim's batch with the victim's file",
  },
  'GET /v1/task/{task_id}': {},
  'POST /v1/task/{task_id}/cancel': { json: () => ({}) },
  'POST /v1/task/{task_id}/audit': { json: () => ({ accepted: false, comments: 'stolen' }) },
  'POST /v1/task/{task_id}/send_callback': { json: () => ({}) },
  'POST /v1/task/{task_id}/unique_id': { json: () => ({ unique_id: 'stolen' }) },
  'DELETE /v1/task/{task_id}/unique_id': {},
  'POST /v1/task/{task_id}/setMetadata': { json: () => ({ stolen: true }) },
  'POST /v1/task/{task_id}/tags': { json: () => ['stolen'] },
  'PUT /v1/task/{task_id}/tags': { json: () => ['stolen'] },
  'DELETE /v1/task/{task_id}/tags': { json: () => ['victim'] },
  'GET /v1/tasks': { query: ({ victim }) => ({ project: victim.projectName, batch: victim.batchName }) },
  'POST /v1/evaluation_tasks/{type}': {
    json: ({ victim }) => ({
      project: victim.projectName,
      attachment: 'x',
      expected_response: { category: 'cat' },
    }),
  },
  'POST /v1/training_tasks/{type}': {
    json: ({ victim }) => ({
      project: victim.projectName,
      attachment: 'x',
      expected_response: { category: 'cat' },
    }),
  },
  'POST /v1/batches': {
    json: ({ victim, unique }) => ({ project: victim.projectName, name: `b-${unique}` }),
  },
  'GET /v1/batches/{name}': {},
  'GET /v1/batches/{name}/status': {},
  'POST /v1/batches/{name}/finalize': { json: () => ({}) },
  'POST /v1/batches/{name}/setMetadata': { json: () => ({ stolen: true }) },
  'GET /v1/batches': { query: ({ victim }) => ({ project: victim.projectName }) },
  'POST /v1/projects': {
    json: ({ unique }) => ({ type: 'categorization', name: `b-${unique}` }),
    b2xx: 'own-org',
    why: "creates a project in the caller's organization",
  },
  'GET /v1/projects': { b2xx: 'own-org', why: "lists the caller's projects" },
  'GET /v1/projects/{name}': {},
  'POST /v1/projects/{name}/setParams': { json: () => ({ instruction: 'stolen' }) },
  'POST /v1/files/upload': {
    raw: ({ victim, unique }) =>
      multipartBody(`b-${unique}.txt`, 'attacker file', { project_name: victim.projectName }),
    b2xx: 'never',
    why: "uploads a file into the victim's project",
  },
  'POST /v1/files/import': { json: ({ victim }) => ({ file_url: `groundwork://files/${victim.fileId}` }) },
};

/** The operation's probe plan, or why it cannot have one. */
function planFor(op: Operation): { plan: ProbePlan | null; problem: string | null } {
  const override = OVERRIDES[op.key];
  const documented = op.operationId !== null;
  if (!documented && !override) {
    return { plan: null, problem: 'not in the OpenAPI document and no override in test/support/catalog.ts' };
  }
  if (op.access === null && override?.access === undefined) {
    return { plan: null, problem: 'no role note in its description (`Allowed roles: …`)' };
  }
  if (op.body && !override?.json && !override?.raw && op.body.contentType !== 'application/json') {
    return { plan: null, problem: `a ${op.body.contentType} body needs an override` };
  }
  // A probe needs a victim object to aim each path parameter at.
  const unknown = op.pathParams.find((param) => victimParam(op.path, param, placeholderVictim) === undefined);
  if (unknown !== undefined)
    return { plan: null, problem: `no victim object for the path parameter {${unknown}}` };
  // Whether the derived request names the victim: build it once against a placeholder victim.
  const namesVictim = (input: ProbeInput) => {
    const request = build(input);
    return (
      placeholderMarkers.some((marker) => request.url.includes(encodeURIComponent(marker))) ||
      placeholderMarkers.some((marker) => request.payload?.includes(marker))
    );
  };
  const build = (input: ProbeInput): ProbeRequest => {
    const { victim } = input;
    const params = Object.fromEntries(
      op.pathParams.map((p) => [p, victimParam(op.path, p, victim) as string]),
    );
    const query = override?.query
      ? override.query(input)
      : Object.fromEntries(
          op.query
            .filter((q) => q.required)
            .map((q) => [
              q.name,
              String(minimalValue(q.schema, (n) => victimField(n, victim), input.unique, q.name)),
            ]),
        );
    const url = `${fillPath(op.path, params)}${queryString(query)}`;
    if (override?.raw) return { method: op.method, url, ...override.raw(input) };
    if (override?.json) return { method: op.method, url, payload: JSON.stringify(override.json(input)) };
    if (op.body) {
      const body = minimalValue(op.body.schema, (n) => victimField(n, victim), input.unique);
      return { method: op.method, url, payload: JSON.stringify(body) };
    }
    return { method: op.method, url };
  };
  const derived = namesVictim({ victim: placeholderVictim, attacker: null, unique: 'u' })
    ? 'never'
    : 'own-org';
  const b2xx = override?.b2xx ?? derived;
  return {
    plan: {
      request: build,
      b2xx,
      why:
        override?.why ??
        (b2xx === 'never' ? "names the victim's objects" : "acts on the caller's own organization"),
      endsCallerSession: override?.endsCallerSession === true,
      answersAnyone: override?.answersAnyone === true,
    },
    problem: null,
  };
}

/** A victim made of markers, to tell whether a derived request names the victim's objects. */
const placeholderVictim: Victim = (() => {
  const id = (name: string) => `victimmarker${name}`;
  const member = (role: string) => ({ id: id(`user${role}`), email: `${id(role)}@example.test` });
  return {
    org: { id: id('org'), slug: id('slug'), liveKey: 'k', testKey: 'k' },
    key: { kind: 'none' },
    projectName: id('project'),
    testProjectName: id('testproject'),
    batchName: id('batch'),
    completedTaskId: id('task1'),
    leasedTaskId: id('task2'),
    pendingTaskId: id('task3'),
    leasedAssignmentId: id('assignment1'),
    submittedAssignmentId: id('assignment2'),
    trainingGoldId: id('gold1'),
    evaluationGoldId: id('gold2'),
    fileId: id('file'),
    exportId: id('export'),
    deliveryId: id('delivery'),
    workforceId: id('workforce'),
    workforceName: id('workforcename'),
    invitationId: id('invitation'),
    spareKeyId: id('key'),
    sessionId: id('session'),
    skill: id('skill'),
    members: {
      owner: member('owner'),
      admin: member('admin'),
      manager: member('manager'),
      reviewer: member('reviewer'),
      annotator: member('annotator'),
      viewer: member('viewer'),
    },
    annotatorId: id('userannotator'),
    secret: id('secret'),
    identifiers: [],
  };
})();
const placeholderMarkers = ['victimmarker'];

/** The catalog: every operation of the app with its plan (or its problem). */
export function buildCatalog(app: App): CatalogEntry[] {
  return discoverOperations(app).map((op) => {
    const override = OVERRIDES[op.key];
    const withAccess = op.access === null && override?.access ? { ...op, access: override.access } : op;
    return { op: withAccess, ...planFor(withAccess) };
  });
}

/** Keys of overrides that match no operation any more (a renamed route leaves its override behind). */
export function staleOverrides(app: App): string[] {
  const keys = new Set(registeredRoutes(app).map((r) => `${r.method} ${r.path}`));
  return Object.keys(OVERRIDES).filter((key) => !keys.has(key));
}
