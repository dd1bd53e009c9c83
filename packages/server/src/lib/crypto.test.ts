import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  MASTER_KEY_FILE,
  parseMasterKey,
  resolveMasterKey,
  seal,
  signatureHeader,
  UnsealError,
  unseal,
  verifySignatureHeader,
} from './crypto.ts';

const key = Buffer.alloc(32, 7);

describe('seal / unseal', () => {
  it('round-trips and never stores the plaintext', () => {
    const sealed = seal(key, 'whsec_secret', 'org:1:signing_key');
    expect(sealed).not.toContain('whsec_secret');
    expect(sealed).toMatch(/^gcm1\./);
    expect(unseal(key, sealed, 'org:1:signing_key')).toBe('whsec_secret');
    expect(seal(key, 'whsec_secret', 'org:1:signing_key')).not.toBe(sealed);
  });

  it('refuses another key, another context or an altered value', () => {
    const sealed = seal(key, 'value', 'org:1:callback_auth');
    expect(() => unseal(Buffer.alloc(32, 8), sealed, 'org:1:callback_auth')).toThrow(UnsealError);
    expect(() => unseal(key, sealed, 'org:2:callback_auth')).toThrow(UnsealError);
    const parts = sealed.split('.');
    const data = Buffer.from(parts[3] ?? '', 'base64url');
    data[0] = (data[0] ?? 0) ^ 1;
    parts[3] = data.toString('base64url');
    expect(() => unseal(key, parts.join('.'), 'org:1:callback_auth')).toThrow(UnsealError);
    expect(() => unseal(key, 'plain', 'org:1:callback_auth')).toThrow(UnsealError);
  });
});

describe('parseMasterKey', () => {
  it('reads 32 bytes as hex or base64, and nothing else', () => {
    const bytes = Buffer.from([...Array(32).keys()]);
    expect(parseMasterKey(bytes.toString('hex'))).toEqual(bytes);
    expect(parseMasterKey(bytes.toString('base64'))).toEqual(bytes);
    expect(parseMasterKey(`${bytes.toString('base64url')}\n`)).toEqual(bytes);
    expect(parseMasterKey(bytes.subarray(0, 16).toString('hex'))).toBeNull();
    expect(parseMasterKey('correct horse battery staple')).toBeNull();
  });
});

describe('resolveMasterKey', () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('prefers the configured key and writes no file', () => {
    dir = mkdtempSync(join(tmpdir(), 'gw-key-'));
    const warnings: string[] = [];
    const resolved = resolveMasterKey({ configured: key, dataDir: dir, warn: (m) => warnings.push(m) });
    expect(resolved).toEqual({ key, source: 'config' });
    expect(warnings).toEqual([]);
    expect(() => statSync(join(dir as string, MASTER_KEY_FILE))).toThrow();
  });

  it('generates a key file readable by its owner only, then reuses it, warning each time', () => {
    dir = mkdtempSync(join(tmpdir(), 'gw-key-'));
    const warnings: string[] = [];
    const first = resolveMasterKey({ configured: null, dataDir: dir, warn: (m) => warnings.push(m) });
    expect(first.source).toBe('generated');
    const path = join(dir, MASTER_KEY_FILE);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(parseMasterKey(readFileSync(path, 'utf8'))).toEqual(first.key);
    const second = resolveMasterKey({ configured: null, dataDir: dir, warn: (m) => warnings.push(m) });
    expect(second).toEqual({ key: first.key, source: 'file' });
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toContain('GROUNDWORK_MASTER_KEY');
  });

  it('refuses a key file that holds no key', () => {
    dir = mkdtempSync(join(tmpdir(), 'gw-key-'));
    writeFileSync(join(dir, MASTER_KEY_FILE), 'nope');
    expect(() => resolveMasterKey({ configured: null, dataDir: dir as string, warn: () => {} })).toThrow(
      /master key/,
    );
  });
});

describe('webhook signatures', () => {
  it('verifies its own header and refuses another body, secret or timestamp', () => {
    const header = signatureHeader('whsec_a', 1_700_000_000, '{"a":1}');
    expect(header).toMatch(/^t=1700000000,v1=[0-9a-f]{64}$/);
    expect(verifySignatureHeader('whsec_a', header, '{"a":1}')).toBe(true);
    expect(verifySignatureHeader('whsec_a', header, '{"a":2}')).toBe(false);
    expect(verifySignatureHeader('whsec_b', header, '{"a":1}')).toBe(false);
    expect(verifySignatureHeader('whsec_a', header.replace('t=1700000000', 't=1700000001'), '{"a":1}')).toBe(
      false,
    );
    expect(verifySignatureHeader('whsec_a', 'garbage', '{"a":1}')).toBe(false);
  });
});
