/**
 * `groundwork keys status|rotate` and `groundwork org delete` over a real data directory: versions are
 * added and retired, a deleted organization's key is gone, a wrong confirmation or master key is
 * refused with a clear message (the wrong key recorded in the audit chains).
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runGroundwork, tempDataDir } from './helpers.ts';

describe('groundwork keys and org delete', () => {
  const data = tempDataDir();
  const env = { GROUNDWORK_DATA_DIR: data.dir };
  const gw = (...args: string[]) => runGroundwork(args, env);
  afterAll(() => data.remove());

  it('rotates, reports and destroys data keys', async () => {
    expect((await gw('org', 'create', 'acme')).code).toBe(0);
    expect((await gw('org', 'create', 'beta')).code).toBe(0);
    expect(await gw('keys', 'status')).toMatchObject({
      code: 0,
      stdout:
        'acme: no data key yet (made when it is first used)\nbeta: no data key yet (made when it is first used)\n',
    });
    expect(await gw('keys', 'rotate', '--org', 'acme', '--settle-seconds', '0')).toMatchObject({
      code: 0,
      stdout: 'acme: data key version 1; 0 of 0 files re-encrypted; 0 values in the database re-encrypted\n',
    });
    expect(await gw('keys', 'rotate', '--org', 'acme', '--settle-seconds', '0')).toMatchObject({
      code: 0,
      stdout:
        'acme: data key version 2; 0 of 0 files re-encrypted; 0 values in the database re-encrypted; retired version 1\n',
    });
    expect(await gw('keys', 'status', '--org', 'acme')).toMatchObject({
      code: 0,
      stdout: 'acme: current version 2 (versions kept: 2)\n',
    });
    expect(existsSync(join(data.dir, 'keys', 'master-key-check.json'))).toBe(true);
  }, 180_000);

  it('refuses a bad --settle-seconds and an unconfirmed deletion, naming the option', async () => {
    const refused = await gw('keys', 'rotate', '--org', 'acme', '--settle-seconds', 'soon');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('--settle-seconds: expected a whole number from 0 to 3600; got soon');

    const unconfirmed = await gw('org', 'delete', 'acme', '--confirm', 'acne');
    expect(unconfirmed.code).toBe(2);
    expect(unconfirmed.stderr).toContain("--confirm: must repeat the organization's slug (acme); got acne");
  }, 180_000);

  it('deletes an organization with its key', async () => {
    const deleted = await gw('org', 'delete', 'acme', '--confirm', 'acme');
    expect(deleted.code).toBe(0);
    expect(deleted.stdout).toMatch(
      /^deleted acme: data key destroyed, \d+ rows, 0 files, 0 users without another organization\n$/,
    );
    expect(await gw('keys', 'status')).toMatchObject({
      code: 0,
      stdout: 'beta: no data key yet (made when it is first used)\n',
    });
    expect((await gw('org', 'delete', 'acme', '--confirm', 'acme')).stderr).toContain(
      'No organization with slug "acme"',
    );
  }, 180_000);

  it('refuses a wrong master key, naming the setting, and records it', async () => {
    const wrong = await runGroundwork(['keys', 'status'], {
      ...env,
      GROUNDWORK_MASTER_KEY: randomBytes(32).toString('hex'),
    });
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('is not the one the key store was written with');
    expect(wrong.stderr).toContain('GROUNDWORK_MASTER_KEY');
    expect(wrong.stdout).toBe('');
    expect(await gw('audit', 'verify', '--org', 'beta')).toMatchObject({
      code: 0,
      stdout: 'OK: 2 events, chain intact\n',
    });
  }, 180_000);

  it('rewraps every data key after a master key change; then the old key is refused', async () => {
    expect((await gw('keys', 'rotate', '--org', 'beta', '--settle-seconds', '0')).code).toBe(0);
    const oldKey = readFileSync(join(data.dir, 'master.key'), 'utf8').trim();
    const newKey = randomBytes(32).toString('hex');
    const rewrapped = await runGroundwork(['keys', 'rewrap'], {
      ...env,
      GROUNDWORK_MASTER_KEY: newKey,
      GROUNDWORK_MASTER_KEY_PREVIOUS: oldKey,
    });
    expect(rewrapped).toMatchObject({
      code: 0,
      stdout:
        '1 data key version(s) re-wrapped and 0 stored secret(s) sealed again with the current master key\n',
    });
    expect(await runGroundwork(['keys', 'status'], { ...env, GROUNDWORK_MASTER_KEY: newKey })).toMatchObject({
      code: 0,
      stdout: 'beta: current version 1 (versions kept: 1)\n',
    });
    const refused = await runGroundwork(['keys', 'status'], { ...env, GROUNDWORK_MASTER_KEY: oldKey });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('is not the one the key store was written with');
  }, 180_000);
});
