import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DataKeyMissingError, DataKeys, MasterKeyMismatchError, masterKeyId } from './data-keys.ts';
import { FsKeyStore, type Keyring } from './key-store.ts';

const ORG = '0123456789abcdef01234567';
const OTHER = 'fedcba9876543210fedcba98';
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function setup(master = randomBytes(32), previous: Buffer | null = null, dir?: string) {
  const where = dir ?? mkdtempSync(join(tmpdir(), 'gw-keys-'));
  if (!dir) dirs.push(where);
  const store = new FsKeyStore(where);
  return {
    dir: where,
    store,
    keys: new DataKeys({ store, masterKey: () => master, previousMasterKey: previous }),
  };
}

describe('data keys', () => {
  it('creates one keyring per organization on first use, and every process agrees on it', async () => {
    const master = randomBytes(32);
    const a = setup(master);
    const b = setup(master, null, a.dir);
    const [fromA, fromB] = await Promise.all([a.keys.current(ORG), b.keys.current(ORG)]);
    expect(fromA.version).toBe(1);
    expect(fromA.key.equals(fromB.key)).toBe(true);
    expect((await a.keys.current(OTHER)).key.equals(fromA.key)).toBe(false);
    // The wrapped key on disk is not the key, and names its master key by fingerprint only.
    const text = readFileSync(join(a.dir, 'orgs', `${ORG}.json`), 'utf8');
    expect(text).not.toContain(fromA.key.toString('hex'));
    expect(text).not.toContain(master.toString('hex'));
    expect((JSON.parse(text) as Keyring).keys[0]?.masterKeyId).toBe(masterKeyId(master));
  });

  it('rotates: the new version encrypts, the old one still decrypts until retired', async () => {
    const { keys } = setup();
    const first = await keys.current(ORG);
    expect(await keys.rotate(ORG)).toBe(2);
    const second = await keys.current(ORG);
    expect(second.version).toBe(2);
    expect(second.key.equals(first.key)).toBe(false);
    expect((await keys.key(ORG, 1)).equals(first.key)).toBe(true);
    expect(await keys.versions(ORG)).toEqual({ current: 2, versions: [1, 2] });
    expect(await keys.retire(ORG, 2)).toEqual([1]);
    await expect(keys.key(ORG, 1)).rejects.toThrow(DataKeyMissingError);
    expect((await keys.key(ORG, 2)).equals(second.key)).toBe(true);
    // The current version is never retired.
    expect(await keys.retire(ORG, 99)).toEqual([]);
  });

  it('a process that cached an old keyring finds a version rotated in by another process', async () => {
    const master = randomBytes(32);
    const a = setup(master);
    const b = setup(master, null, a.dir);
    await a.keys.current(ORG);
    await b.keys.current(ORG);
    await a.keys.rotate(ORG);
    const v2 = await a.keys.current(ORG);
    expect((await b.keys.key(ORG, 2)).equals(v2.key)).toBe(true);
  });

  it('destroying a keyring makes its keys unobtainable, even for a process that starts afresh', async () => {
    const master = randomBytes(32);
    const { keys, dir } = setup(master);
    await keys.current(ORG);
    await keys.destroy(ORG);
    await expect(keys.key(ORG, 1)).rejects.toThrow(/organization was deleted/);
    const fresh = setup(master, null, dir);
    await expect(fresh.keys.key(ORG, 1)).rejects.toThrow(DataKeyMissingError);
    expect(readdirSync(join(dir, 'orgs'))).toEqual([]);
  });

  it('refuses a master key that is not the one the key store was written with', async () => {
    const { keys, dir } = setup();
    expect(await keys.checkMasterKey()).toBe('created');
    expect(await keys.checkMasterKey()).toBe('ok');
    await keys.current(ORG);
    const wrong = setup(randomBytes(32), null, dir);
    await expect(wrong.keys.checkMasterKey()).rejects.toThrow(MasterKeyMismatchError);
    await expect(wrong.keys.checkMasterKey()).rejects.toThrow(/GROUNDWORK_MASTER_KEY/);
    await expect(wrong.keys.key(ORG, 1)).rejects.toThrow(MasterKeyMismatchError);
  });

  it('rotates the master key: the previous one still opens, rewrap moves every key to the new one', async () => {
    const oldMaster = randomBytes(32);
    const before = setup(oldMaster);
    await before.keys.checkMasterKey();
    const dataKey = await before.keys.current(ORG);
    const newMaster = randomBytes(32);
    const during = setup(newMaster, oldMaster, before.dir);
    expect(await during.keys.checkMasterKey()).toBe('rewrapped');
    expect((await during.keys.key(ORG, 1)).equals(dataKey.key)).toBe(true);
    expect(await during.keys.rewrap(ORG)).toBe(1);
    expect(await during.keys.rewrap(ORG)).toBe(0);
    const after = setup(newMaster, null, before.dir);
    expect(await after.keys.checkMasterKey()).toBe('ok');
    expect((await after.keys.key(ORG, 1)).equals(dataKey.key)).toBe(true);
    await expect(setup(oldMaster, null, before.dir).keys.checkMasterKey()).rejects.toThrow(
      MasterKeyMismatchError,
    );
  });

  it('a wrapped key moved to another organization, or edited, does not open', async () => {
    const master = randomBytes(32);
    const { keys, dir } = setup(master);
    await keys.current(ORG);
    const ring = JSON.parse(readFileSync(join(dir, 'orgs', `${ORG}.json`), 'utf8')) as Keyring;
    writeFileSync(join(dir, 'orgs', `${OTHER}.json`), JSON.stringify({ ...ring, orgId: OTHER }));
    await expect(setup(master, null, dir).keys.key(OTHER, 1)).rejects.toThrow(/altered or moved/);
  });
});
