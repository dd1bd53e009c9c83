/**
 * Builds the Fastify application: parsers, error rendering, authentication, the Scale-compatible `/v1`
 * API and the first-party `/api`. `buildApp` never listens by itself; tests drive it with `inject`.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { createTaskTypeRegistry, type TaskTypeRegistry } from '@groundwork/domain';
import Fastify, {
  type FastifyError,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
} from 'fastify';
import {
  hasZodFastifySchemaValidationErrors,
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import qs from 'qs';
import type { BlobStore } from './blobs/index.ts';
import type { Config } from './config.ts';
import type { Database } from './db/database.ts';
import { ApiError, type ErrorDetail } from './errors.ts';
import { registerRateLimits } from './http/rate-limit.ts';
import { registerSecurityHeaders } from './http/security-headers.ts';
import { FieldCipherError } from './keys/field-cipher.ts';
import {
  createDataKeys,
  createEncryptedBlobs,
  DataKeyMissingError,
  type DataKeys,
  EncryptedBlobStore,
  verifyMasterKey,
} from './keys/index.ts';
import { masterKeyLoader } from './lib/crypto.ts';
import { NUL_MESSAGE, unstorableJson, urlEncodedHasNul } from './lib/nul.ts';
import type { ResolveHost } from './net/index.ts';
import { apiRoutes } from './routes/api/index.ts';
import { v1Routes } from './routes/v1/index.ts';
import { TotpService } from './services/account-totp.ts';
import { ApiKeyService } from './services/api-keys.ts';
import { AssetUrlService } from './services/asset-urls.ts';
import { AuditEventService } from './services/audit-events.ts';
import { AuthService } from './services/auth.ts';
import { BatchService } from './services/batches.ts';
import { DeliveryService } from './services/deliveries.ts';
import { ExportService } from './services/exports.ts';
import { FileService } from './services/files.ts';
import { GoldService } from './services/gold.ts';
import { InvitationService } from './services/invitations.ts';
import { MemberService } from './services/members.ts';
import { OrgService } from './services/orgs.ts';
import { OutboundService } from './services/outbound.ts';
import { originOf, type Principal } from './services/principal.ts';
import { ProjectOverviewService } from './services/project-overview.ts';
import { ProjectWorkflowService } from './services/project-workflow.ts';
import { ProjectService } from './services/projects.ts';
import { QualityService } from './services/quality.ts';
import { QualityPlans } from './services/quality-plans.ts';
import { SessionService } from './services/sessions.ts';
import { SsoService } from './services/sso.ts';
import { TaskExplorerService } from './services/task-explorer.ts';
import { TaskService } from './services/tasks.ts';
import { WebhookSecretService } from './services/webhook-secrets.ts';
import { WorkService } from './services/work.ts';
import { WorkOverviewService } from './services/work-overview.ts';
import { WorkforceService } from './services/workforces.ts';

/** Everything the routes call. */
export interface Services {
  auth: AuthService;
  auditEvents: AuditEventService;
  sessions: SessionService;
  /** People's second factors (TOTP). */
  totp: TotpService;
  /** API key rotation. */
  apiKeys: ApiKeyService;
  members: MemberService;
  invitations: InvitationService;
  orgs: OrgService;
  projects: ProjectService;
  projectWorkflows: ProjectWorkflowService;
  workforces: WorkforceService;
  batches: BatchService;
  tasks: TaskService;
  taskExplorer: TaskExplorerService;
  work: WorkService;
  gold: GoldService;
  quality: QualityService;
  workOverview: WorkOverviewService;
  projectOverview: ProjectOverviewService;
  files: FileService;
  deliveries: DeliveryService;
  exports: ExportService;
  webhookSecrets: WebhookSecretService;
  outbound: OutboundService;
  assetUrls: AssetUrlService;
  /** Single sign-on (OpenID Connect): configuration and the sign-in legs. */
  sso: SsoService;
  /** The organizations' data keys (encryption at rest). */
  dataKeys: DataKeys;
  /** The blob store, encrypting with the organizations' data keys. */
  blobs: EncryptedBlobStore;
}

declare module 'fastify' {
  interface FastifyInstance {
    services: Services;
    config: Config;
  }
  interface FastifyRequest {
    principal: Principal | null;
  }
}

/** What buildApp needs besides the configuration. */
export interface AppDeps {
  db: Database;
  /** The store underneath; what the app stores in it is encrypted with the organizations' data keys. */
  blobs?: BlobStore;
  /** The organizations' data keys (built from the configuration by default). */
  dataKeys?: DataKeys;
  types?: TaskTypeRegistry;
  /** Log requests (off in tests). */
  logger?: boolean;
  /** Tosses the coin of hidden gold mixing, like `Math.random` (tests make it certain). */
  goldRandom?: () => number;
  /** Resolves host names for server-side requests (callbacks, URL imports); the system resolver by default. */
  resolveHost?: ResolveHost;
}

/** The Fastify instance type with the zod type provider. */
export type App = FastifyInstance;

const WEB_DIST = join(dirname(fileURLToPath(import.meta.url)), '../../web/dist');

/**
 * The web app's Content Security Policy: its own scripts only, no plugins, no framing, calls only to this
 * server. Images may come from anywhere: tasks reference their customers' image URLs. Instructions and
 * model responses are customer content rendered in annotators' browsers; this keeps a mistake in their
 * rendering from becoming script execution.
 */
export const WEB_APP_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob: https: http:",
  "media-src 'self' blob: https: http:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Headers of the web app's files: the page is revalidated on every load, hashed assets kept for a year. */
function webAppHeaders(reply: FastifyReply, path: string): void {
  reply.header('x-content-type-options', 'nosniff');
  if (path.endsWith('.html')) {
    reply.header('cache-control', 'no-cache');
    reply.header('content-security-policy', WEB_APP_CSP);
    reply.header('x-frame-options', 'DENY');
    reply.header('referrer-policy', 'same-origin');
  } else if (/[\\/]assets[\\/]/.test(path)) {
    reply.header('cache-control', 'public, max-age=31536000, immutable');
  }
}

/** Builds the application over an open, migrated database. */
export async function buildApp(config: Config, deps: AppDeps): Promise<App> {
  const app = Fastify({
    logger: deps.logger === false ? false : { level: config.logLevel },
    bodyLimit: config.maxBodyBytes,
    trustProxy: config.trustProxy,
    // Scale's project and batch names arrive URL-encoded with nothing safe (`a%2Fb`): route on the raw
    // path, decode parameters afterwards.
    routerOptions: {
      ignoreTrailingSlash: true,
      maxParamLength: 1000,
      querystringParser: (s) => qs.parse(s, { arrayLimit: 1000, depth: 5 }) as Record<string, unknown>,
    },
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  const types = deps.types ?? createTaskTypeRegistry();
  const db = deps.db;
  const masterKey = masterKeyLoader(config, (message) => app.log.warn(message));
  const dataKeys = deps.dataKeys ?? createDataKeys(config, masterKey);
  // A wrong master key stops the start here, before anything is read or written with it.
  await verifyMasterKey(db, dataKeys);
  const blobs = deps.blobs
    ? new EncryptedBlobStore(deps.blobs, dataKeys)
    : createEncryptedBlobs(config, dataKeys);
  app.decorate('config', config);
  const totp = new TotpService({ db, masterKey });
  const sessions = new SessionService({ db, totp });
  const plans = new QualityPlans({ db });
  const outbound = new OutboundService({
    db,
    policy: {
      allowPrivate: config.allowPrivateNetwork,
      allowCidrs: config.outboundAllowCidrs,
      ...(deps.resolveHost ? { resolveHost: deps.resolveHost } : {}),
    },
  });
  const tasks = new TaskService({ db, types, plans, outbound });
  app.decorate('services', {
    auth: new AuthService({ db }),
    auditEvents: new AuditEventService({ db }),
    sessions,
    totp,
    apiKeys: new ApiKeyService({ db }),
    members: new MemberService({ db, sessions }),
    invitations: new InvitationService({ db, sessions }),
    orgs: new OrgService({ db }),
    projects: new ProjectService({ db, types }),
    projectWorkflows: new ProjectWorkflowService({ db, plans }),
    workforces: new WorkforceService({ db }),
    batches: new BatchService({ db, outbound }),
    tasks,
    taskExplorer: new TaskExplorerService({ db, tasks }),
    work: new WorkService({ db, types, plans, ...(deps.goldRandom ? { random: deps.goldRandom } : {}) }),
    gold: new GoldService({ db, plans }),
    quality: new QualityService({ db, types }),
    workOverview: new WorkOverviewService({ db }),
    projectOverview: new ProjectOverviewService({ db }),
    files: new FileService({ db, blobs, config, outbound }),
    deliveries: new DeliveryService({ db }),
    exports: new ExportService({ db, blobs }),
    webhookSecrets: new WebhookSecretService({ db, masterKey }),
    outbound,
    assetUrls: new AssetUrlService({ db, masterKey }),
    sso: new SsoService({ db, masterKey, sessions, outbound }),
    dataKeys,
    blobs,
  });
  app.decorateRequest('principal', null);
  registerSecurityHeaders(app, { publicUrl: config.publicUrl });
  const rateLimits = await registerRateLimits(app, {
    perKey: config.rateLimitPerKey,
    perIp: config.rateLimitPerIp,
  });

  // Scale's Python client sends `Content-Type: application/json` on GET and DELETE without a body.
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_req, body, done) => {
    const text = String(body);
    if (text.trim() === '') return done(null, undefined);
    const unstorable = unstorableJson(text);
    if (unstorable) return done(new ApiError('invalid_request', unstorable), undefined);
    try {
      done(null, JSON.parse(text));
    } catch {
      done(new ApiError('invalid_request', 'The request body is not valid JSON.'), undefined);
    }
  });
  await app.register(formbody, {
    parser: (s) => {
      if (urlEncodedHasNul(s)) throw new ApiError('invalid_request', NUL_MESSAGE);
      return coerceFormValues(qs.parse(s, { arrayLimit: 1000, depth: 5 })) as Record<string, unknown>;
    },
  });
  await app.register(cookie);
  await app.register(multipart, { limits: { fileSize: config.maxFileBytes + 1, files: 1, fields: 20 } });
  app.addContentTypeParser('application/x-ndjson', (_req, payload, done) => done(null, payload));

  app.addHook('onRequest', async (request) => {
    if (urlEncodedHasNul(request.url)) throw new ApiError('invalid_request', NUL_MESSAGE);
  });

  app.setErrorHandler(async (error, request, reply) => {
    let rendered = toApiError(error as FastifyError);
    if (rendered.code === 'unauthorized') {
      rendered = (await rateLimits.afterFailedAuthentication(request, reply)) ?? rendered;
    }
    if (rendered.status >= 500) request.log.error({ err: error }, 'request failed');
    const scaleShape = request.url.startsWith('/v1');
    reply.status(rendered.status);
    if (rendered.status === 401 && scaleShape) reply.header('www-authenticate', 'Basic realm="groundwork"');
    return scaleShape
      ? { status_code: rendered.status, error: rendered.message }
      : { code: rendered.code, message: rendered.message, details: rendered.details };
  });
  app.setNotFoundHandler((request, reply) => {
    const scaleShape = request.url.startsWith('/v1');
    const message = `No route for ${request.method} ${request.url.split('?')[0]}.`;
    reply.status(404);
    return scaleShape ? { status_code: 404, error: message } : { code: 'not_found', message, details: [] };
  });

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Groundwork API',
        version: '0.1.0',
        description: 'The first-party API of Groundwork. The Scale-compatible task API lives under /v1.',
      },
      components: {
        securitySchemes: {
          bearerKey: { type: 'http', scheme: 'bearer', description: 'An API key (live_… or test_…).' },
          basicKey: {
            type: 'http',
            scheme: 'basic',
            description: 'An API key as the user name, empty password.',
          },
          sessionCookie: {
            type: 'apiKey',
            in: 'cookie',
            name: 'gw_session',
            description: 'The session cookie set by login; writes also need the x-csrf-token header.',
          },
        },
      },
      security: [{ bearerKey: [] }, { basicKey: [] }, { sessionCookie: [] }],
    },
    transform: jsonSchemaTransform,
    hideUntagged: true,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  app.get('/healthz', { schema: { hide: true } }, async () => ({ ok: true }));
  await app.register(v1Routes, { prefix: '/v1' });
  await app.register(apiRoutes, { prefix: '/api' });

  const webDir = config.webDir ?? WEB_DIST;
  if (existsSync(join(webDir, 'index.html'))) {
    await app.register(fastifyStatic, {
      root: webDir,
      prefix: '/',
      wildcard: false,
      setHeaders: webAppHeaders,
    });
    // Every other path is a page of the web app, except under the APIs and the assets: an unknown API
    // path or a missing asset (of another build) is a 404, never the page.
    app.get('/*', { schema: { hide: true } }, (request, reply) => {
      if (/^\/(api|v1|assets)(\/|$|\?)/.test(request.url)) return reply.callNotFound();
      return reply.sendFile('index.html');
    });
  }
  return app;
}

/** Authenticates the request by its API key (an onRequest hook for the API plugins). */
export async function authenticate(request: FastifyRequest): Promise<void> {
  request.principal = await request.server.services.auth.authenticate(request.headers.authorization);
}

/** The caller; only valid after `authenticate`. */
export function principalOf(request: FastifyRequest): Principal {
  const principal = request.principal;
  if (!principal) throw new ApiError('unauthorized', 'Not authenticated.');
  if (principal.origin) return principal;
  // Authentication may hand out a principal shared by many requests (cached per key): the request's
  // origin (for audit events) goes on this request's own copy.
  request.principal = { ...principal, origin: originOf(request) };
  return request.principal;
}

function toApiError(error: FastifyError): ApiError {
  if (error instanceof ApiError) return error;
  if (error instanceof DataKeyMissingError || error instanceof FieldCipherError) {
    return new ApiError(
      'data_key_missing',
      "This organization's data cannot be decrypted: its data key is not in the key store (the organization was deleted, or the server is given another key store).",
    );
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const details: ErrorDetail[] = error.validation.map((v) => ({
      path: v.instancePath.replace(/^\//, '').replaceAll('/', '.'),
      message: v.message ?? 'invalid',
    }));
    const where = error.validationContext === 'querystring' ? 'query parameter' : error.validationContext;
    return new ApiError(
      'invalid_request',
      `Invalid ${where}: ${details.map((d) => (d.path ? `${d.path}: ${d.message}` : d.message)).join('; ')}`,
      details,
    );
  }
  const status = error.statusCode ?? 500;
  if (status === 413 || error.code === 'FST_REQ_FILE_TOO_LARGE') {
    return new ApiError('payload_too_large', 'The request body is too large.');
  }
  if (status === 415 || error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
    return new ApiError('unsupported_media_type', `Unsupported Content-Type; send application/json.`);
  }
  if (status >= 400 && status < 500) return new ApiError('invalid_request', error.message);
  return new ApiError('internal', 'Internal server error.');
}

/** Form-encoded bodies carry only strings: read `true`/`false` and plain numbers as what they say. */
function coerceFormValues(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(coerceFormValues);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, coerceFormValues(v)]));
  }
  if (value === 'true') return true;
  if (value === 'false') return false;
  if (typeof value === 'string' && /^-?(0|[1-9]\d{0,14})(\.\d+)?$/.test(value)) return Number(value);
  return value;
}
