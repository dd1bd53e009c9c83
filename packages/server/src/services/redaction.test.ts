import { describe, expect, it } from 'vitest';
import {
  canonicalJson,
  fingerprintOf,
  maskShownAnswer,
  masksFor,
  maskTask,
  policyMasksAnyone,
  requireSameMask,
  unmaskAnswer,
} from './redaction.ts';

const POLICY = { applies_to: 'vendors', names: ['Anna Lee'] };
const PARAMS = {
  text: 'Anna Lee wrote from anna@example.com.',
  labels: [{ name: 'PERSON' }],
};

describe('masksFor and policyMasksAnyone', () => {
  it('masks vendors under "vendors", listed workforces always, nobody under the default', () => {
    expect(masksFor(POLICY, { id: 'w1', kind: 'vendor' })).toBe(true);
    expect(masksFor(POLICY, { id: 'w2', kind: 'internal' })).toBe(false);
    expect(masksFor(POLICY, null)).toBe(false);
    expect(masksFor({ workforces: ['w2'] }, { id: 'w2', kind: 'internal' })).toBe(true);
    expect(policyMasksAnyone({})).toBe(false);
    expect(policyMasksAnyone(undefined)).toBe(false);
    expect(policyMasksAnyone({ workforces: ['w2'] })).toBe(true);
    expect(policyMasksAnyone({ applies_to: 'all' })).toBe(true);
  });
});

describe('maskTask', () => {
  const masked = maskTask('namedentityrecognition', PARAMS, POLICY);

  it('masks the text and fingerprints only what was shown', () => {
    expect(masked.params.text).toBe('[NAME_1] wrote from [EMAIL_1].');
    expect(masked.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    // The same inputs give the same fingerprint; a policy that masks differently another one.
    expect(maskTask('namedentityrecognition', PARAMS, POLICY).fingerprint).toBe(masked.fingerprint);
    expect(maskTask('namedentityrecognition', PARAMS, { ...POLICY, names: [] }).fingerprint).not.toBe(
      masked.fingerprint,
    );
    // A change that masks the same (a name the text lacks) keeps it.
    expect(
      maskTask('namedentityrecognition', PARAMS, { ...POLICY, names: ['Anna Lee', 'Zed Q'] }).fingerprint,
    ).toBe(masked.fingerprint);
  });

  it('409s when the mask changed, and maps an answer back (unknown placeholders stay text)', () => {
    expect(() => requireSameMask('0'.repeat(64), masked)).toThrow(/redaction settings changed/);
    expect(() => requireSameMask(masked.fingerprint, masked)).not.toThrow();
    expect(
      unmaskAnswer(
        'namedentityrecognition',
        { annotations: [{ start: 0, end: 8, label: 'PERSON', text: '[NAME_1]' }] },
        masked,
      ),
    ).toEqual({ annotations: [{ start: 0, end: 8, label: 'PERSON', text: 'Anna Lee' }] });
    expect(
      unmaskAnswer('demonstration', { completion: 'Write to [EMAIL_1], not [EMAIL_7].' }, masked),
    ).toEqual({ completion: 'Write to anna@example.com, not [EMAIL_7].' });
  });

  it('masks review answers with one growing registry and shows stored answers masked', () => {
    const review = maskTask('namedentityrecognition', PARAMS, POLICY, {
      answers: [{ annotations: [{ start: 20, end: 36, label: 'PERSON', text: 'anna@example.com' }] }],
      result: null,
    });
    expect(review.answers).toEqual([
      { annotations: [{ start: 20, end: 29, label: 'PERSON', text: '[EMAIL_1]' }] },
    ]);
    expect(review.result).toBeNull();
    expect(review.fingerprint).not.toBe(masked.fingerprint);
    expect(maskShownAnswer('comment', 'Ask bob@example.org or Anna Lee', masked, POLICY)).toBe(
      'Ask [EMAIL_2] or [NAME_1]',
    );
    expect(maskShownAnswer('comment', null, masked, POLICY)).toBeNull();
  });
});

describe('canonicalJson', () => {
  it('sorts keys at every level and drops undefined members', () => {
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: undefined, b: null }] })).toBe(
      '{"a":[{"b":null,"d":2}],"b":1}',
    );
    expect(fingerprintOf({ a: 1, b: 2 })).toBe(fingerprintOf({ b: 2, a: 1 }));
    expect(canonicalJson(undefined)).toBe('null');
  });
});
