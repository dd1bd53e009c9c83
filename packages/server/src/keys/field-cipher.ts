/**
 * Encryption of task content in the database: params, answers and delivery bodies are stored as an
 * envelope `{"$gw":"enc1","k":<key version>,"d":"<base64 of nonce ‖ ciphertext ‖ tag>"}` — AES-256-GCM
 * under the organization's data key, with the organization and the column bound in as associated data
 * (a value copied into another organization's row, or into another column, does not open).
 *
 * The column codecs run synchronously inside the ORM, so the organization's keys are loaded before a
 * transaction begins (`Database.withOrg` and its siblings do it) and handed down in an
 * `AsyncLocalStorage` scope that the codecs read. Values stored before encryption existed (plain JSON)
 * are read as they are and encrypted by the next write or by a key rotation.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { createCipheriv, createDecipheriv, type KeyObject, randomBytes } from 'node:crypto';

/** The decrypted keys of one organization, as a transaction uses them. */
export interface FieldKeyring {
  orgId: string;
  /** The version new values are encrypted with. */
  current: number;
  /** The keys by version: as KeyObjects (about three times faster per value than raw bytes), or bytes. */
  keys: ReadonlyMap<number, KeyObject | Buffer>;
}

/** What loads an organization's keyring (the data keys; creating the keyring on first use). */
export interface FieldKeySource {
  fieldKeyring(orgId: string): Promise<FieldKeyring>;
  /** Forgets what is cached for `orgId` (a value named a version the cached keyring did not have). */
  forget(orgId: string): void;
}

/** Raised when a stored value cannot be opened or a value cannot be sealed; never carries the value. */
export class FieldCipherError extends Error {
  override readonly name = 'FieldCipherError';
  /** The organization whose cached keyring lacked the value's version (it is read again next time). */
  readonly staleOrg: string | null;
  constructor(message: string, staleOrg: string | null = null) {
    super(message);
    this.staleOrg = staleOrg;
  }
}

/** A stored encrypted value. */
export interface FieldEnvelope {
  $gw: 'enc1';
  k: number;
  d: string;
}

const TAG = 'enc1';
const NONCE_BYTES = 12;
const TAG_BYTES = 16;

const scope = new AsyncLocalStorage<FieldKeyring>();

/** Runs `fn` with `ring`'s keys available to the column codecs (and to {@link sealField}/{@link openField}). */
export function withFieldKeyring<T>(ring: FieldKeyring, fn: () => T): T {
  return scope.run(ring, fn);
}

/** The keyring of the current scope, or null outside any. */
export function currentFieldKeyring(): FieldKeyring | null {
  return scope.getStore() ?? null;
}

/** True when `value` is an envelope written by {@link sealField}. */
export function isFieldEnvelope(value: unknown): value is FieldEnvelope {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { $gw?: unknown }).$gw === TAG &&
    typeof (value as { k?: unknown }).k === 'number' &&
    typeof (value as { d?: unknown }).d === 'string'
  );
}

function associatedData(orgId: string, column: string): Buffer {
  return Buffer.from(`groundwork:field:${orgId}:${column}`);
}

function requireRing(column: string, ring: FieldKeyring | null): FieldKeyring {
  if (ring) return ring;
  throw new FieldCipherError(
    `${column}: no organization's keys in scope (task content is read and written inside Database.withOrg or withOrgKeys)`,
  );
}

/** Encrypts `value` (any JSON value) for `column` under the scope's organization and current key. */
export function sealField(column: string, value: unknown, ring = currentFieldKeyring()): FieldEnvelope {
  const keys = requireRing(column, ring);
  const key = keys.keys.get(keys.current);
  if (!key) throw new FieldCipherError(`${column}: the current data key is not loaded`);
  const nonce = randomBytes(NONCE_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  cipher.setAAD(associatedData(keys.orgId, column));
  const body = cipher.update(JSON.stringify(value), 'utf8');
  const final = cipher.final();
  const data = Buffer.concat([nonce, body, final, cipher.getAuthTag()]);
  return { $gw: TAG, k: keys.current, d: data.toString('base64') };
}

/**
 * The value stored in `column`: an envelope is decrypted with the scope's keys, anything else (a value
 * stored before encryption) is returned as it is.
 */
export function openField(column: string, stored: unknown, ring = currentFieldKeyring()): unknown {
  if (!isFieldEnvelope(stored)) return stored;
  return JSON.parse(decrypt(column, stored, ring));
}

/**
 * The JSON text of a value read as its parts — the envelope's key version and data, as SQL can select
 * them (`col ->> 'k'`, `col ->> 'd'`), sparing the parse of the envelope — or, for a value stored before
 * encryption (no data), its own text `plain`.
 */
export function openFieldParts(
  column: string,
  version: string | number | null,
  data: string | null,
  plain: string | null,
  ring = currentFieldKeyring(),
): string | null {
  if (data === null) return plain;
  return decrypt(column, { $gw: TAG, k: Number(version), d: data }, ring);
}

function decrypt(column: string, stored: FieldEnvelope, ring: FieldKeyring | null): string {
  const keys = requireRing(column, ring);
  const key = keys.keys.get(stored.k);
  if (!key) {
    throw new FieldCipherError(
      `${column}: the value is encrypted under data key version ${stored.k} of organization ${keys.orgId}, which is not loaded`,
      keys.orgId,
    );
  }
  const data = Buffer.from(stored.d, 'base64');
  if (data.length < NONCE_BYTES + TAG_BYTES) throw new FieldCipherError(`${column}: the value is truncated`);
  const decipher = createDecipheriv('aes-256-gcm', key, data.subarray(0, NONCE_BYTES));
  decipher.setAAD(associatedData(keys.orgId, column));
  decipher.setAuthTag(data.subarray(data.length - TAG_BYTES));
  try {
    return (
      decipher.update(data.subarray(NONCE_BYTES, data.length - TAG_BYTES), undefined, 'utf8') +
      decipher.final('utf8')
    );
  } catch {
    throw new FieldCipherError(
      `${column}: the value does not open with organization ${keys.orgId}'s key (altered, or copied from another organization or column)`,
    );
  }
}

/**
 * The JSON text to store for `value` in `column` (for raw statements and COPY): the envelope's text,
 * or null for null/undefined (SQL NULL).
 */
export function sealFieldText(column: string, value: unknown, ring = currentFieldKeyring()): string | null {
  if (value === null || value === undefined) return null;
  return JSON.stringify(sealField(column, value, ring));
}
