import { describe, expect, it } from 'vitest';
import { draftOf, formFieldOf, parseDomains, type SsoConfig, saveBodyOf } from './sso-form.ts';

const stored: SsoConfig = {
  issuer: 'https://login.example.com',
  clientId: 'groundwork',
  clientSecretHint: '…abcd',
  allowedDomains: ['example.com', 'example.org'],
  jitProvisioning: true,
  jitRole: 'reviewer',
  requireSso: true,
  enabled: false,
  updatedAt: '2026-11-26T10:00:00.000Z',
};

describe('draftOf', () => {
  it('starts empty: on, nothing required, annotators provisioned only if asked', () => {
    expect(draftOf(null)).toEqual({
      issuer: '',
      clientId: '',
      clientSecret: '',
      domains: '',
      jitProvisioning: false,
      jitRole: 'annotator',
      requireSso: false,
      enabled: true,
    });
  });

  it('shows a stored configuration, never with its secret', () => {
    const draft = draftOf(stored);
    expect(draft).toMatchObject({
      issuer: stored.issuer,
      domains: 'example.com, example.org',
      enabled: false,
    });
    expect(draft.clientSecret).toBe('');
  });
});

describe('parseDomains', () => {
  it('splits on commas, spaces and lines, drops @ and repeats, lower-cases', () => {
    expect(parseDomains(' @Example.com, example.org\nexample.com;b.example  ')).toEqual([
      'example.com',
      'example.org',
      'b.example',
    ]);
    expect(parseDomains('')).toEqual([]);
    expect(parseDomains(' , ,')).toEqual([]);
  });
});

describe('saveBodyOf', () => {
  it('names every missing field the first time', () => {
    expect(saveBodyOf(draftOf(null), false)).toEqual({
      ok: false,
      problems: {
        issuer: 'Enter the issuer URL of your identity provider.',
        clientId: 'Enter the client id the provider gave you.',
        clientSecret: 'Enter the client secret the provider gave you.',
      },
    });
  });

  it('refuses an issuer that is not a URL', () => {
    const result = saveBodyOf({ ...draftOf(stored), issuer: 'login.example.com' }, true);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(Object.keys(result.problems)).toEqual(['issuer']);
  });

  it('keeps the stored secret when none is typed, and sends a new one when it is', () => {
    const kept = saveBodyOf(draftOf(stored), true);
    expect(kept).toEqual({
      ok: true,
      body: {
        issuer: 'https://login.example.com',
        clientId: 'groundwork',
        allowedDomains: ['example.com', 'example.org'],
        jitProvisioning: true,
        jitRole: 'reviewer',
        requireSso: true,
        enabled: false,
      },
    });
    const changed = saveBodyOf({ ...draftOf(stored), clientSecret: ' s3cret ' }, true);
    expect(changed.ok && changed.body.clientSecret).toBe(' s3cret ');
  });
});

describe('formFieldOf', () => {
  it('maps the server’s paths to the form’s fields', () => {
    expect(formFieldOf('issuer')).toBe('issuer');
    expect(formFieldOf('allowedDomains.3')).toBe('domains');
    expect(formFieldOf('allowedDomains')).toBe('domains');
    expect(formFieldOf('jitRole')).toBe('jitRole');
    expect(formFieldOf('enabled')).toBeNull();
  });
});
