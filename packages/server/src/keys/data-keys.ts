/**
 * The organizations' data keys: a random AES-256 key per organization and version, wrapped by the
 * server's master key and kept in the key store (outside the database). The current version encrypts;
 * older versions still decrypt until a re-encryption has moved everything to the current one and
 * retired them. Destroying an organization's keyring makes everything encrypted under it unreadable,
 * in every copy and backup of the data (crypto-shredding).
 */
import { createHmac, createSecretKey, randomBytes } from 'node:crypto';
import { seal, UnsealError, unseal } from '../lib/crypto.ts';
import type { FieldKeyring, FieldKeySource } from './field-cipher.ts';
import {
  type Keyring,
  type KeyStore,
  keyringName,
  MASTER_CHECK_NAME,
  type WrappedDataKey,
} from './key-store.ts';

/** Raised when the master key given to the server is not the one the key store was written with. */
export class MasterKeyMismatchError extends Error {
  override readonly name = 'MasterKeyMismatchError';
}

/** Raised when an organization's data key does not exist (never made, or destroyed with the organization). */
export class DataKeyMissingError extends Error {
  override readonly name = 'DataKeyMissingError';
}

/** A short public fingerprint of a master key: tells which key wrapped a value without revealing it. */
export function masterKeyId(masterKey: Buffer): string {
  return createHmac('sha256', masterKey).update('groundwork master key id').digest('hex').slice(0, 16);
}

interface MasterCheck {
  masterKeyId: string;
  sealed: string;
  createdAt: string;
}

const CHECK_CONTEXT = 'groundwork:master-key-check';
const CHECK_TEXT = 'groundwork master key check';

function wrapContext(orgId: string, version: number): string {
  return `org:${orgId}:data-key:${version}`;
}

/** An organization's data key in the clear, kept in memory only. */
export interface DataKey {
  version: number;
  key: Buffer;
}

interface Loaded {
  current: number;
  keys: Map<number, Buffer>;
  at: number;
  /** The same keys as the column codecs take them (made once per load). */
  ring: FieldKeyring;
}

/** What the data keys need: the key store, the master key, and an optional previous master key. */
export interface DataKeysOptions {
  store: KeyStore;
  masterKey: () => Buffer;
  /** The master key before a rotation: keyrings still wrapped by it are opened and re-wrapped. */
  previousMasterKey?: Buffer | null;
  /** How long a loaded keyring is trusted before it is read again (another process may have rotated it). */
  cacheMs?: number;
  now?: () => number;
}

/** Loads, creates, rotates, retires and destroys the organizations' data keys. */
export class DataKeys implements FieldKeySource {
  readonly #store: KeyStore;
  readonly #masterKey: () => Buffer;
  readonly #previous: Buffer | null;
  readonly #cacheMs: number;
  readonly #now: () => number;
  readonly #cache = new Map<string, Loaded>();
  readonly #loading = new Map<string, Promise<Loaded | null>>();
  /** Bumped whenever an organization's cached keyring is dropped: a read begun before must not be cached. */
  readonly #generation = new Map<string, number>();

  constructor(options: DataKeysOptions) {
    this.#store = options.store;
    this.#masterKey = options.masterKey;
    this.#previous = options.previousMasterKey ?? null;
    this.#cacheMs = options.cacheMs ?? 60_000;
    this.#now = options.now ?? Date.now;
  }

  /**
   * Checks that the master key opens the key store (creating the check on first start). With the
   * previous master key configured and matching, the check is re-sealed under the new key.
   * @throws MasterKeyMismatchError when neither key is the one the key store was written with.
   */
  async checkMasterKey(): Promise<'created' | 'ok' | 'rewrapped'> {
    const master = this.#masterKey();
    const check = await this.#store.read<MasterCheck>(MASTER_CHECK_NAME);
    if (!check) {
      const created = await this.#store.create(MASTER_CHECK_NAME, this.#newCheck(master));
      return created ? 'created' : this.checkMasterKey();
    }
    if (check.masterKeyId === masterKeyId(master) && opens(master, check.sealed)) return 'ok';
    if (
      this.#previous &&
      check.masterKeyId === masterKeyId(this.#previous) &&
      opens(this.#previous, check.sealed)
    ) {
      await this.#store.replace(MASTER_CHECK_NAME, this.#newCheck(master));
      return 'rewrapped';
    }
    throw new MasterKeyMismatchError(
      `the master key given to the server (fingerprint ${masterKeyId(master)}) is not the one the key store was written with (fingerprint ${check.masterKeyId}): set GROUNDWORK_MASTER_KEY to that key, or during a rotation set the old one as GROUNDWORK_MASTER_KEY_PREVIOUS`,
    );
  }

  #newCheck(master: Buffer): MasterCheck {
    return {
      masterKeyId: masterKeyId(master),
      sealed: seal(master, CHECK_TEXT, CHECK_CONTEXT),
      createdAt: new Date(this.#now()).toISOString(),
    };
  }

  /** The key new data of `orgId` is encrypted with; creates the organization's keyring on first use. */
  async current(orgId: string): Promise<DataKey> {
    let loaded = await this.#load(orgId, false);
    if (!loaded) {
      await this.#store.create(keyringName(orgId), this.#newKeyring(orgId));
      // Whoever created it first wins; everyone then uses what is stored.
      loaded = await this.#load(orgId, true);
      if (!loaded)
        throw new DataKeyMissingError(`the data key of organization ${orgId} could not be created`);
    }
    const key = loaded.keys.get(loaded.current);
    if (!key) throw new DataKeyMissingError(`organization ${orgId} has no current data key`);
    return { version: loaded.current, key };
  }

  /**
   * Every key of `orgId` for the database's column codecs (creating the keyring on first use): read
   * before each transaction of the organization, from the cache while it is fresh.
   */
  async fieldKeyring(orgId: string): Promise<FieldKeyring> {
    const cached = this.#cache.get(orgId);
    if (cached && this.#now() - cached.at < this.#cacheMs) return cached.ring;
    await this.current(orgId);
    const loaded = this.#cache.get(orgId) ?? (await this.#load(orgId, true));
    if (!loaded) throw new DataKeyMissingError(`the data key of organization ${orgId} could not be loaded`);
    return loaded.ring;
  }

  forget(orgId: string): void {
    this.#drop(orgId);
  }

  /** The key of `version` for `orgId` (reading the keyring again when the version is not known yet). */
  async key(orgId: string, version: number): Promise<Buffer> {
    const cached = await this.#load(orgId, false);
    const found = cached?.keys.get(version) ?? (await this.#load(orgId, true))?.keys.get(version);
    if (!found) {
      throw new DataKeyMissingError(
        `the data key (version ${version}) of organization ${orgId} does not exist: the organization was deleted, or the key store is not the one the data was written with`,
      );
    }
    return found;
  }

  /** The versions in `orgId`'s keyring, or null when it has none. */
  async versions(orgId: string): Promise<{ current: number; versions: number[] } | null> {
    const ring = await this.#store.read<Keyring>(keyringName(orgId));
    if (!ring) return null;
    return { current: ring.current, versions: ring.keys.map((k) => k.version).sort((a, b) => a - b) };
  }

  /**
   * Adds a new version. With `current: false` it is only added: every process learns it (and can read
   * what is encrypted under it) before {@link promote} makes it the one new data is encrypted with — the
   * database's column codecs cannot load a key in the middle of a query. Older versions keep decrypting
   * until retired. The caller serialises rotations of one organization (a database lock): the keyring
   * is read, then replaced.
   */
  async rotate(orgId: string, options: { current?: boolean } = {}): Promise<number> {
    const ring = await this.#store.read<Keyring>(keyringName(orgId));
    if (!ring) {
      await this.current(orgId);
      return 1;
    }
    const version = Math.max(...ring.keys.map((k) => k.version)) + 1;
    const next: Keyring = {
      orgId,
      current: options.current === false ? ring.current : version,
      keys: [...ring.keys, this.#wrap(orgId, version, randomBytes(32))],
    };
    await this.#store.replace(keyringName(orgId), next);
    this.#drop(orgId);
    return version;
  }

  /** Makes `version` (added by {@link rotate}) the current one. */
  async promote(orgId: string, version: number): Promise<void> {
    const ring = await this.#store.read<Keyring>(keyringName(orgId));
    if (!ring?.keys.some((k) => k.version === version)) {
      throw new DataKeyMissingError(
        `organization ${orgId} has no data key version ${version} to make current`,
      );
    }
    if (ring.current === version) return;
    await this.#store.replace(keyringName(orgId), { ...ring, current: version });
    this.#drop(orgId);
  }

  /** Removes every version older than `keep` except the current one; returns the versions removed. */
  async retire(orgId: string, keep: number): Promise<number[]> {
    const ring = await this.#store.read<Keyring>(keyringName(orgId));
    if (!ring) return [];
    const removed = ring.keys
      .filter((k) => k.version < keep && k.version !== ring.current)
      .map((k) => k.version);
    if (removed.length === 0) return [];
    await this.#store.replace(keyringName(orgId), {
      ...ring,
      keys: ring.keys.filter((k) => !removed.includes(k.version)),
    });
    this.#drop(orgId);
    return removed;
  }

  /**
   * Re-wraps every version of `orgId`'s keyring under the current master key (after a master key
   * rotation); returns how many were re-wrapped.
   */
  async rewrap(orgId: string): Promise<number> {
    const ring = await this.#store.read<Keyring>(keyringName(orgId));
    if (!ring) return 0;
    const currentId = masterKeyId(this.#masterKey());
    const stale = ring.keys.filter((k) => k.masterKeyId !== currentId);
    if (stale.length === 0) return 0;
    const keys = ring.keys.map((k) =>
      k.masterKeyId === currentId ? k : this.#wrap(orgId, k.version, this.#unwrap(orgId, k), k.createdAt),
    );
    await this.#store.replace(keyringName(orgId), { ...ring, keys });
    return stale.length;
  }

  /** Destroys `orgId`'s keyring: everything encrypted under it becomes unreadable, everywhere. */
  async destroy(orgId: string): Promise<void> {
    await this.#store.remove(keyringName(orgId));
    this.#drop(orgId);
  }

  #newKeyring(orgId: string): Keyring {
    return { orgId, current: 1, keys: [this.#wrap(orgId, 1, randomBytes(32))] };
  }

  #wrap(orgId: string, version: number, key: Buffer, createdAt?: string): WrappedDataKey {
    const master = this.#masterKey();
    return {
      version,
      wrapped: seal(master, key.toString('hex'), wrapContext(orgId, version)),
      masterKeyId: masterKeyId(master),
      createdAt: createdAt ?? new Date(this.#now()).toISOString(),
    };
  }

  #unwrap(orgId: string, wrapped: WrappedDataKey): Buffer {
    const master = this.#masterKey();
    const candidates = [master, ...(this.#previous ? [this.#previous] : [])];
    const by = candidates.find((k) => masterKeyId(k) === wrapped.masterKeyId);
    if (!by) {
      throw new MasterKeyMismatchError(
        `the data key (version ${wrapped.version}) of organization ${orgId} was wrapped by master key ${wrapped.masterKeyId}, which the server was not given`,
      );
    }
    try {
      return Buffer.from(unseal(by, wrapped.wrapped, wrapContext(orgId, wrapped.version)), 'hex');
    } catch (error) {
      if (error instanceof UnsealError) {
        throw new MasterKeyMismatchError(
          `the data key (version ${wrapped.version}) of organization ${orgId} cannot be unwrapped: it was altered or moved from another organization`,
        );
      }
      throw error;
    }
  }

  async #load(orgId: string, fresh: boolean): Promise<Loaded | null> {
    const cached = this.#cache.get(orgId);
    if (cached && !fresh && this.#now() - cached.at < this.#cacheMs) return cached;
    // Concurrent callers share one read of the key store.
    let pending = this.#loading.get(orgId);
    if (!pending) {
      const started: Promise<Loaded | null> = this.#read(orgId).finally(() => {
        if (this.#loading.get(orgId) === started) this.#loading.delete(orgId);
      });
      pending = started;
      this.#loading.set(orgId, pending);
    }
    return pending;
  }

  #drop(orgId: string): void {
    this.#cache.delete(orgId);
    this.#loading.delete(orgId);
    this.#generation.set(orgId, (this.#generation.get(orgId) ?? 0) + 1);
  }

  async #read(orgId: string): Promise<Loaded | null> {
    const generation = this.#generation.get(orgId) ?? 0;
    const ring = await this.#store.read<Keyring>(keyringName(orgId));
    if (!ring) {
      this.#drop(orgId);
      return null;
    }
    if (ring.orgId !== orgId) {
      throw new MasterKeyMismatchError(
        `the keyring stored for organization ${orgId} names organization ${ring.orgId}`,
      );
    }
    const keys = new Map(ring.keys.map((k) => [k.version, this.#unwrap(orgId, k)] as const));
    const loaded: Loaded = {
      current: ring.current,
      keys,
      at: this.#now(),
      // The column codecs take KeyObjects: imported once here, not at every value.
      ring: {
        orgId,
        current: ring.current,
        keys: new Map([...keys].map(([version, key]) => [version, createSecretKey(key)] as const)),
      },
    };
    // Dropped meanwhile (rotated, promoted, retired here): what was read may be older than the change.
    if ((this.#generation.get(orgId) ?? 0) === generation) this.#cache.set(orgId, loaded);
    return loaded;
  }
}

function opens(master: Buffer, sealed: string): boolean {
  try {
    return unseal(master, sealed, CHECK_CONTEXT) === CHECK_TEXT;
  } catch {
    return false;
  }
}
