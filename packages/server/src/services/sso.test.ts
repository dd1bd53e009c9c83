import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  domainAllowed,
  emailDomain,
  issuerProblem,
  normalizeDomains,
  openFlow,
  redirectUriOf,
  type SsoFlow,
  safeReturnTo,
  sealFlow,
} from './sso.ts';

describe('safeReturnTo', () => {
  it('keeps relative paths of the app with their query and fragment', () => {
    expect(safeReturnTo('/work/label?project=a%20b#top')).toBe('/work/label?project=a%20b#top');
    expect(safeReturnTo('/console/projects/x/tasks')).toBe('/console/projects/x/tasks');
  });

  it('turns absolute, protocol-relative and backslash URLs into /', () => {
    for (const value of [
      'https://evil.example/',
      'http:evil.example',
      '//evil.example/x',
      '/\\evil.example',
      '\\\\evil.example',
      'javascript:alert(1)',
      ' /work',
      '/work\nx',
      '/a\\b',
    ]) {
      expect(safeReturnTo(value), value).toBe('/');
    }
  });

  it('refuses API paths, empty and non-string values', () => {
    expect(safeReturnTo('/api/auth/logout')).toBe('/');
    expect(safeReturnTo('/v1/tasks')).toBe('/');
    expect(safeReturnTo('')).toBe('/');
    expect(safeReturnTo(undefined)).toBe('/');
    expect(safeReturnTo(['/work'])).toBe('/');
    expect(safeReturnTo(`/${'a'.repeat(3000)}`)).toBe('/');
  });

  it('always answers a path on this origin, whatever it is given', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.webUrl(),
          fc.string().map((s) => `/${s}`),
        ),
        (value) => {
          const result = safeReturnTo(value);
          expect(result.startsWith('/')).toBe(true);
          expect(result.startsWith('//')).toBe(false);
          expect(new URL(result, 'https://app.example').origin).toBe('https://app.example');
        },
      ),
    );
  });
});

describe('email domains', () => {
  it('reads the domain after the last @, lower case', () => {
    expect(emailDomain('Ada@Example.COM')).toBe('example.com');
    expect(emailDomain('"a@b"@c.example')).toBe('c.example');
    expect(emailDomain('no-at-sign')).toBe('');
  });

  it('allows every domain when the list is empty, else only listed ones', () => {
    expect(domainAllowed('a@x.example', [])).toBe(true);
    expect(domainAllowed('a@x.example', ['x.example'])).toBe(true);
    expect(domainAllowed('a@sub.x.example', ['x.example'])).toBe(false);
    expect(domainAllowed('a@x.example.evil', ['x.example'])).toBe(false);
  });

  it('normalizes the allowed list and names each bad entry', () => {
    expect(normalizeDomains([' @Example.COM ', 'example.com', 'b.example'])).toEqual({
      domains: ['example.com', 'b.example'],
      problems: [],
    });
    const bad = normalizeDomains(['ok.example', 'not a domain', 'localhost', '*.example']);
    expect(bad.domains).toEqual(['ok.example']);
    expect(bad.problems.map((p) => p.path)).toEqual([
      'allowedDomains.1',
      'allowedDomains.2',
      'allowedDomains.3',
    ]);
    expect(normalizeDomains([])).toEqual({ domains: [], problems: [] });
  });
});

describe('issuerProblem', () => {
  it('accepts https, and http only on loopback', () => {
    expect(issuerProblem('https://login.example.com')).toBeNull();
    expect(issuerProblem('https://login.example.com/realms/acme')).toBeNull();
    expect(issuerProblem('http://127.0.0.1:8080')).toBeNull();
    expect(issuerProblem('http://localhost:9000/')).toBeNull();
    expect(issuerProblem('http://[::1]:9000')).toBeNull();
    expect(issuerProblem('http://login.example.com')).toMatch(/https/);
    expect(issuerProblem('http://127.0.0.1.evil.example')).toMatch(/https/);
  });

  it('refuses what is not a plain issuer URL', () => {
    expect(issuerProblem('login.example.com')).toMatch(/absolute URL/);
    expect(issuerProblem('https://u:p@login.example.com')).toMatch(/credentials/);
    expect(issuerProblem('https://login.example.com?x=1')).toMatch(/query/);
    expect(issuerProblem('ftp://login.example.com')).toMatch(/https/);
  });
});

describe('redirectUriOf', () => {
  it('puts the callback under the public URL, else under the request origin', () => {
    expect(redirectUriOf('https://gw.example.com/', 'http://10.0.0.5:3000')).toBe(
      'https://gw.example.com/api/auth/sso/callback',
    );
    expect(redirectUriOf(null, 'http://localhost:3000')).toBe('http://localhost:3000/api/auth/sso/callback');
  });
});

describe('the flow cookie', () => {
  const key = randomBytes(32);
  const flow: SsoFlow = {
    orgId: 'org1',
    state: 'state',
    nonce: 'nonce',
    codeVerifier: 'verifier',
    returnTo: '/work',
    expiresAt: 1_000_000,
  };

  it('opens what it sealed until it expires', () => {
    const sealed = sealFlow(key, flow);
    expect(sealed).not.toContain('verifier');
    expect(openFlow(key, sealed, 999_999)).toEqual(flow);
    expect(openFlow(key, sealed, 1_000_000)).toBeNull();
  });

  it('does not open a changed value, another key, or nothing', () => {
    const sealed = sealFlow(key, flow);
    // A character in the middle: every bit of it counts (the last one of base64 may carry only padding bits,
    // so changing it can leave the bytes as they were).
    const at = Math.floor(sealed.length / 2);
    const changed = sealed[at] === 'A' ? 'B' : 'A';
    expect(openFlow(key, `${sealed.slice(0, at)}${changed}${sealed.slice(at + 1)}`, 0)).toBeNull();
    expect(openFlow(randomBytes(32), sealed, 0)).toBeNull();
    expect(openFlow(key, undefined, 0)).toBeNull();
    expect(openFlow(key, 'garbage', 0)).toBeNull();
  });
});
