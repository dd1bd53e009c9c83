/**
 * Configuration, parsed once at boot from `GROUNDWORK_*` variables (and `DATABASE_URL`). Every problem is
 * reported at once; secrets may come from `<NAME>_FILE`.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import ipaddr from 'ipaddr.js';
import { z } from 'zod';
import { parseMasterKey } from './lib/crypto.ts';

const bool = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.enum(['1', '0', 'true', 'false', 'yes', 'no', 'on', 'off']))
  .transform((v) => ['1', 'true', 'yes', 'on'].includes(v));

const masterKeyText = z
  .string()
  .refine((v) => parseMasterKey(v) !== null, 'must be 32 bytes written as 64 hex characters or base64');

const envSchema = z.object({
  /** TCP port the server listens on. */
  GROUNDWORK_PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  /** Interface the server binds to. */
  GROUNDWORK_HOST: z.string().default('0.0.0.0'),
  /** Directory for the embedded database and the filesystem blob store. */
  GROUNDWORK_DATA_DIR: z.string().default('./data'),
  /** The URL users reach the server at (used in links and file URLs). */
  GROUNDWORK_PUBLIC_URL: z.url().optional(),
  /** PostgreSQL connection string; when unset the embedded PGlite database is used. */
  DATABASE_URL: z.string().optional(),
  /** Connections in the PostgreSQL pool of one process. */
  GROUNDWORK_DB_POOL_SIZE: z.coerce.number().int().min(1).max(500).default(20),
  /** Blob storage: `fs` (under the data directory) or `s3`. */
  GROUNDWORK_BLOB_STORE: z.enum(['fs', 's3']).default('fs'),
  /** S3 bucket for blobs. */
  GROUNDWORK_S3_BUCKET: z.string().optional(),
  /** S3 region. */
  GROUNDWORK_S3_REGION: z.string().default('us-east-1'),
  /** S3-compatible endpoint (MinIO, Ceph...); unset for AWS. */
  GROUNDWORK_S3_ENDPOINT: z.string().optional(),
  /** Use path-style S3 URLs (most S3-compatible servers need it). */
  GROUNDWORK_S3_FORCE_PATH_STYLE: bool.default(false),
  /** S3 access key id (else the AWS default credential chain). */
  GROUNDWORK_S3_ACCESS_KEY_ID: z.string().optional(),
  /** S3 secret access key. */
  GROUNDWORK_S3_SECRET_ACCESS_KEY: z.string().optional(),
  /** Key prefix inside the bucket. */
  GROUNDWORK_S3_PREFIX: z.string().default(''),
  /** Let server-side fetches (URL imports, callbacks) reach private, loopback and link-local addresses. */
  GROUNDWORK_ALLOW_PRIVATE_NETWORK: bool.default(false),
  /**
   * Comma-separated CIDR ranges server-side fetches may reach even with GROUNDWORK_ALLOW_PRIVATE_NETWORK
   * off, e.g. one internal mirror (`10.20.0.0/16`), so an operator need not open every private address.
   */
  GROUNDWORK_OUTBOUND_ALLOW_CIDRS: z
    .string()
    .refine(
      (v) => v.split(',').every((c) => ipaddr.isValidCIDR(c.trim())),
      'must be comma-separated CIDR ranges (e.g. 10.20.0.0/16)',
    )
    .optional(),
  /**
   * Requests per minute of one API key or signed-in person on /v1 and /api, per server process; 0 turns
   * the limit off. The default is above what one process serves on the single-task path, so a pipeline
   * creating tasks one by one at full speed does not meet it; a bulk import counts as one request.
   */
  GROUNDWORK_RATE_LIMIT_PER_KEY: z.coerce.number().int().min(0).default(300_000),
  /**
   * Unauthenticated requests per minute of one client address (sign-in, invitation links, failed
   * authentication) on /v1 and /api, per server process; 0 turns the limit off.
   */
  GROUNDWORK_RATE_LIMIT_PER_IP: z.coerce.number().int().min(0).default(600),
  /** Largest JSON request body, in bytes. */
  GROUNDWORK_MAX_BODY_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(10 * 1024 * 1024),
  /** Largest uploaded or imported file, in bytes (Scale's limit is 80 MB). */
  GROUNDWORK_MAX_FILE_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(80 * 1024 * 1024),
  /** Largest bulk NDJSON import, in bytes. */
  GROUNDWORK_MAX_IMPORT_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(1024 * 1024 * 1024),
  /** pino log level. */
  GROUNDWORK_LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
    .default('info'),
  /** Serve the built web app from this directory (default: the web package's dist). */
  GROUNDWORK_WEB_DIR: z.string().optional(),
  /**
   * Background jobs (webhook delivery...): `embedded` runs them inside `groundwork serve`; `off` runs
   * none there, for deployments that run `groundwork worker` processes.
   */
  GROUNDWORK_WORKER: z.enum(['embedded', 'off']).default('embedded'),
  /**
   * Behind a reverse proxy: `true` (trust X-Forwarded-For from anyone — only when nothing else can
   * reach the server), a number of proxy hops, or comma-separated proxy addresses/CIDRs. Used for the
   * client address (login throttling, sessions, audit).
   */
  GROUNDWORK_TRUST_PROXY: z
    .string()
    .regex(
      /^(true|false|\d{1,2}|[0-9a-fA-F:./]+(\s*,\s*[0-9a-fA-F:./]+)*)$/,
      'must be true, false, a hop count or proxy addresses',
    )
    .default('false'),
  /**
   * Master key (32 bytes, hex or base64) sealing per-organization secrets; when unset a key is
   * generated into `<data dir>/master.key`.
   */
  GROUNDWORK_MASTER_KEY: masterKeyText.optional(),
  /**
   * The master key before a rotation: data keys still wrapped by it are opened and re-wrapped under
   * GROUNDWORK_MASTER_KEY (`groundwork keys rewrap`); remove it once every process has the new key.
   */
  GROUNDWORK_MASTER_KEY_PREVIOUS: masterKeyText.optional(),
  /**
   * Where the organizations' wrapped data keys are kept, apart from the database and its backups: a
   * directory (default `<data dir>/keys`) or `s3://bucket/prefix` (reached with the GROUNDWORK_S3_* settings).
   */
  GROUNDWORK_KEY_STORE: z
    .string()
    .min(1)
    .refine(
      (v) => !v.startsWith('s3:') || /^s3:\/\/[a-z0-9][a-z0-9.-]{1,61}[a-z0-9](\/.*)?$/.test(v),
      'must be a directory or s3://bucket/prefix',
    )
    .optional(),
});

/** The key store: a directory, or a bucket and prefix on the configured S3 endpoint. */
export type KeyStoreConfig = { kind: 'fs'; dir: string } | { kind: 's3'; bucket: string; prefix: string };

/** The typed configuration the rest of the code receives. */
export interface Config {
  port: number;
  host: string;
  dataDir: string;
  publicUrl: string | null;
  databaseUrl: string | null;
  dbPoolSize: number;
  blobStore:
    | { kind: 'fs'; dir: string }
    | {
        kind: 's3';
        bucket: string;
        region: string;
        endpoint?: string;
        forcePathStyle: boolean;
        accessKeyId?: string;
        secretAccessKey?: string;
        prefix: string;
      };
  allowPrivateNetwork: boolean;
  /** CIDR ranges server-side fetches may reach even when private addresses are not allowed. */
  outboundAllowCidrs: string[];
  /** Requests per minute per API key or signed-in person (0: no limit). */
  rateLimitPerKey: number;
  /** Unauthenticated requests per minute per client address (0: no limit). */
  rateLimitPerIp: number;
  maxBodyBytes: number;
  maxFileBytes: number;
  maxImportBytes: number;
  logLevel: z.infer<typeof envSchema>['GROUNDWORK_LOG_LEVEL'];
  webDir: string | null;
  /** Whether `groundwork serve` runs the background jobs itself. */
  worker: 'embedded' | 'off';
  /** Fastify's `trustProxy`: which X-Forwarded-For hops to believe (all, none, the first n, or these proxies). */
  trustProxy: boolean | string[] | ((address: string, hop: number) => boolean);
  /** The configured master key; null when the data directory's `master.key` is to be used. */
  masterKey: Buffer | null;
  /** The master key before a rotation, still accepted for unwrapping data keys. */
  previousMasterKey: Buffer | null;
  /** Where the wrapped data keys are kept. */
  keyStore: KeyStoreConfig;
}

/** Raised when the environment does not describe a valid configuration; lists every problem. */
export class ConfigError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`invalid configuration:\n  ${problems.join('\n  ')}`);
    this.problems = problems;
  }
}

const SECRET_NAMES = [
  'DATABASE_URL',
  'GROUNDWORK_S3_ACCESS_KEY_ID',
  'GROUNDWORK_S3_SECRET_ACCESS_KEY',
  'GROUNDWORK_MASTER_KEY',
  'GROUNDWORK_MASTER_KEY_PREVIOUS',
];

/** Parses the configuration from an environment (default `process.env`). Throws ConfigError. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const problems: string[] = [];
  const input: Record<string, string | undefined> = {};
  for (const key of Object.keys(envSchema.shape)) {
    const value = env[key];
    input[key] = value === '' ? undefined : value;
  }
  for (const name of SECRET_NAMES) {
    const file = env[`${name}_FILE`];
    if (file && input[name] === undefined) {
      try {
        input[name] = readFileSync(file, 'utf8').trim();
      } catch (error) {
        problems.push(`${name}_FILE: cannot read ${file}: ${(error as Error).message}`);
      }
    }
  }
  const parsed = envSchema.safeParse(input);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) problems.push(`${issue.path.join('.')}: ${issue.message}`);
  }
  if (parsed.success && parsed.data.GROUNDWORK_BLOB_STORE === 's3' && !parsed.data.GROUNDWORK_S3_BUCKET) {
    problems.push('GROUNDWORK_S3_BUCKET: required when GROUNDWORK_BLOB_STORE=s3');
  }
  if (problems.length > 0 || !parsed.success) throw new ConfigError(problems);
  const e = parsed.data;
  const dataDir = resolve(e.GROUNDWORK_DATA_DIR);
  return {
    port: e.GROUNDWORK_PORT,
    host: e.GROUNDWORK_HOST,
    dataDir,
    publicUrl: e.GROUNDWORK_PUBLIC_URL ?? null,
    databaseUrl: e.DATABASE_URL ?? null,
    dbPoolSize: e.GROUNDWORK_DB_POOL_SIZE,
    blobStore:
      e.GROUNDWORK_BLOB_STORE === 's3'
        ? {
            kind: 's3',
            bucket: e.GROUNDWORK_S3_BUCKET ?? '',
            region: e.GROUNDWORK_S3_REGION,
            ...(e.GROUNDWORK_S3_ENDPOINT ? { endpoint: e.GROUNDWORK_S3_ENDPOINT } : {}),
            forcePathStyle: e.GROUNDWORK_S3_FORCE_PATH_STYLE,
            ...(e.GROUNDWORK_S3_ACCESS_KEY_ID ? { accessKeyId: e.GROUNDWORK_S3_ACCESS_KEY_ID } : {}),
            ...(e.GROUNDWORK_S3_SECRET_ACCESS_KEY
              ? { secretAccessKey: e.GROUNDWORK_S3_SECRET_ACCESS_KEY }
              : {}),
            prefix: e.GROUNDWORK_S3_PREFIX,
          }
        : { kind: 'fs', dir: resolve(dataDir, 'blobs') },
    allowPrivateNetwork: e.GROUNDWORK_ALLOW_PRIVATE_NETWORK,
    outboundAllowCidrs: e.GROUNDWORK_OUTBOUND_ALLOW_CIDRS
      ? e.GROUNDWORK_OUTBOUND_ALLOW_CIDRS.split(',').map((c) => c.trim())
      : [],
    rateLimitPerKey: e.GROUNDWORK_RATE_LIMIT_PER_KEY,
    rateLimitPerIp: e.GROUNDWORK_RATE_LIMIT_PER_IP,
    maxBodyBytes: e.GROUNDWORK_MAX_BODY_BYTES,
    maxFileBytes: e.GROUNDWORK_MAX_FILE_BYTES,
    maxImportBytes: e.GROUNDWORK_MAX_IMPORT_BYTES,
    logLevel: e.GROUNDWORK_LOG_LEVEL,
    webDir: e.GROUNDWORK_WEB_DIR ?? null,
    worker: e.GROUNDWORK_WORKER,
    trustProxy: parseTrustProxy(e.GROUNDWORK_TRUST_PROXY),
    masterKey: e.GROUNDWORK_MASTER_KEY ? parseMasterKey(e.GROUNDWORK_MASTER_KEY) : null,
    previousMasterKey: e.GROUNDWORK_MASTER_KEY_PREVIOUS
      ? parseMasterKey(e.GROUNDWORK_MASTER_KEY_PREVIOUS)
      : null,
    keyStore: keyStoreConfig(e.GROUNDWORK_KEY_STORE, dataDir),
  };
}

function keyStoreConfig(value: string | undefined, dataDir: string): KeyStoreConfig {
  if (value === undefined) return { kind: 'fs', dir: resolve(dataDir, 'keys') };
  if (!value.startsWith('s3://')) return { kind: 'fs', dir: resolve(value) };
  const [bucket = '', ...rest] = value.slice('s3://'.length).split('/');
  return { kind: 's3', bucket, prefix: rest.join('/').replace(/\/+$/, '') };
}

function parseTrustProxy(value: string): Config['trustProxy'] {
  if (value === 'true') return true;
  if (value === 'false') return false;
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    return (_address, hop) => hop < hops;
  }
  return value.split(',').map((v) => v.trim());
}
