import { describe, expect, it } from 'vitest';
import { normalizeOrg, ssoErrorMessage, ssoStartUrl } from './sso-sign-in-rules.ts';

describe('ssoErrorMessage', () => {
  it('says in words why each known sign-in failed', () => {
    expect(ssoErrorMessage('not_a_member')).toBe(
      'You are not a member of this organization yet. Ask an admin to invite you.',
    );
    expect(ssoErrorMessage('email_unverified')).toMatch(/not verified your email/);
    expect(ssoErrorMessage('domain_not_allowed')).toMatch(/domain/);
  });

  it('has a general sentence for a reason it does not know (never the raw code)', () => {
    expect(ssoErrorMessage('<script>')).toBe('Single sign-on did not complete. Please try again.');
    expect(ssoErrorMessage('')).toBe('Single sign-on did not complete. Please try again.');
    expect(ssoErrorMessage('toString')).toBe('Single sign-on did not complete. Please try again.');
  });
});

describe('ssoStartUrl', () => {
  it('starts at the server with the organization and where to come back to', () => {
    expect(ssoStartUrl('acme', undefined)).toBe('/api/auth/sso/acme/start');
    expect(ssoStartUrl('a/b', '/work?x=1')).toBe('/api/auth/sso/a%2Fb/start?returnTo=%2Fwork%3Fx%3D1');
  });
});

describe('normalizeOrg', () => {
  it('trims and lower-cases', () => {
    expect(normalizeOrg('  Acme ')).toBe('acme');
    expect(normalizeOrg('   ')).toBe('');
  });
});
