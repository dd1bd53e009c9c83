/**
 * Secrets at rest and webhook signatures, on node:crypto only: per-organization secrets are sealed
 * with AES-256-GCM under the server's master key (the organization and field bound in as associated
 * data, so a sealed value cannot be moved to another row), and webhook bodies are signed with
 * HMAC-SHA256.
 */
import { createCipheriv, createDecipheriv, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readFileSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Length of the master key in bytes (AES-256). */
export const MASTER_KEY_BYTES = 32;

/** The file under the data directory holding a generated master key when none is configured. */
export const MASTER_KEY_FILE = 'master.key';

const SEALED_PREFIX = 'gcm1';

/**
 * Reads a master key written as 64 hex characters or as base64 (standard or URL-safe) of 32 bytes.
 * Returns null when the text is neither.
 */
export function parseMasterKey(text: string): Buffer | null {
  const value = text.trim();
  if (/^[0-9a-fA-F]{64}$/.test(value)) return Buffer.from(value, 'hex');
  if (/^[A-Za-z0-9+/_-]{43}={0,1}$/.test(value)) {
    const bytes = Buffer.from(value.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
    if (bytes.length === MASTER_KEY_BYTES) return bytes;
  }
  return null;
}

/** Where the master key came from, for the boot log. */
export type MasterKeySource = 'config' | 'file' | 'generated';

/**
 * The master key: the configured one, else the one in `<dataDir>/master.key`, else a new random key
 * written there with mode 0600 (created exclusively, so two processes starting at once agree on one).
 * `warn` is told when the key is not configured, because a key kept next to the data protects less
 * and processes on other machines cannot read it.
 */
export function resolveMasterKey(options: {
  configured: Buffer | null;
  dataDir: string;
  warn: (message: string) => void;
}): { key: Buffer; source: MasterKeySource } {
  if (options.configured) return { key: options.configured, source: 'config' };
  const path = join(options.dataDir, MASTER_KEY_FILE);
  const advice = 'set GROUNDWORK_MASTER_KEY (32 bytes, hex or base64) in production';
  const existing = readKeyFile(path);
  if (existing) {
    options.warn(`GROUNDWORK_MASTER_KEY is not set; using the master key in ${path}: ${advice}`);
    return { key: existing, source: 'file' };
  }
  mkdirSync(dirname(path), { recursive: true });
  const key = randomBytes(MASTER_KEY_BYTES);
  let fd: number;
  try {
    fd = openSync(path, 'wx', 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const raced = readKeyFile(path);
    if (!raced) throw new Error(`${path} exists but holds no valid master key`);
    return { key: raced, source: 'file' };
  }
  try {
    writeSync(fd, `${key.toString('hex')}\n`);
  } finally {
    closeSync(fd);
  }
  options.warn(`GROUNDWORK_MASTER_KEY is not set; generated a master key into ${path}: ${advice}`);
  return { key, source: 'generated' };
}

/** The master key, resolved on first use (see {@link resolveMasterKey}) and then kept. */
export function masterKeyLoader(
  config: { masterKey: Buffer | null; dataDir: string },
  warn: (message: string) => void,
): () => Buffer {
  let key: Buffer | undefined;
  return () => {
    key ??= resolveMasterKey({ configured: config.masterKey, dataDir: config.dataDir, warn }).key;
    return key;
  };
}

function readKeyFile(path: string): Buffer | null {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  const key = parseMasterKey(text);
  if (!key) throw new Error(`${path} does not hold a 32-byte master key (hex or base64)`);
  return key;
}

/** Raised when a sealed value cannot be opened: a different master key, or a tampered value. */
export class UnsealError extends Error {
  override readonly name = 'UnsealError';
}

/**
 * Encrypts `plaintext` with AES-256-GCM under `key`; `context` (e.g. `org:<id>:signing_key`) is
 * authenticated but not stored, and must be given again to open it. Output: `gcm1.<iv>.<tag>.<data>`
 * (base64url parts).
 */
export function seal(key: Buffer, plaintext: string, context: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(context, 'utf8'));
  const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  const tag = cipher.getAuthTag();
  return [
    SEALED_PREFIX,
    iv.toString('base64url'),
    tag.toString('base64url'),
    data.toString('base64url'),
  ].join('.');
}

/** Decrypts what {@link seal} produced with the same key and context; throws UnsealError otherwise. */
export function unseal(key: Buffer, sealed: string, context: string): string {
  const [prefix, iv, tag, data] = sealed.split('.');
  if (prefix !== SEALED_PREFIX || iv === undefined || tag === undefined || data === undefined) {
    throw new UnsealError('not a sealed value');
  }
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
    decipher.setAAD(Buffer.from(context, 'utf8'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString(
      'utf8',
    );
  } catch {
    throw new UnsealError(
      'cannot decrypt a stored secret: the master key differs from the one it was written with, or the value was altered',
    );
  }
}

/** A new random secret of `bytes` bytes, base64url, behind a readable prefix. */
export function randomSecret(prefix: string, bytes = 32): string {
  return `${prefix}${randomBytes(bytes).toString('base64url')}`;
}

/**
 * The `x-groundwork-signature` header of a webhook: `t=<unix seconds>,v1=<hex HMAC-SHA256 of
 * "<t>.<body>">`, keyed with the signing secret's UTF-8 bytes.
 */
export function signatureHeader(secret: string, timestampSeconds: number, body: string): string {
  return `t=${timestampSeconds},v1=${webhookDigest(secret, timestampSeconds, body)}`;
}

/** The hex HMAC-SHA256 of `"<t>.<body>"` under `secret`. */
export function webhookDigest(secret: string, timestampSeconds: number, body: string): string {
  return createHmac('sha256', secret).update(`${timestampSeconds}.${body}`).digest('hex');
}

/** Checks a signature header against a body in constant time (what a receiver does). */
export function verifySignatureHeader(secret: string, header: string, body: string): boolean {
  const parts = new Map(
    header.split(',').map((part) => {
      const at = part.indexOf('=');
      return [part.slice(0, at).trim(), part.slice(at + 1).trim()] as const;
    }),
  );
  const t = Number(parts.get('t'));
  const v1 = parts.get('v1');
  if (!Number.isInteger(t) || !v1 || !/^[0-9a-f]{64}$/.test(v1)) return false;
  return timingSafeEqual(Buffer.from(webhookDigest(secret, t, body), 'hex'), Buffer.from(v1, 'hex'));
}
