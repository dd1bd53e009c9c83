import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  FieldCipherError,
  type FieldEnvelope,
  type FieldKeyring,
  isFieldEnvelope,
  openField,
  openFieldParts,
  sealField,
  sealFieldText,
  withFieldKeyring,
} from './field-cipher.ts';

const ORG = 'a'.repeat(24);
const OTHER = 'b'.repeat(24);

function ring(orgId: string, keys: [number, Buffer][], current = keys.at(-1)?.[0] ?? 1): FieldKeyring {
  return { orgId, current, keys: new Map(keys) };
}

const k1 = randomBytes(32);
const k2 = randomBytes(32);
const orgRing = ring(ORG, [[1, k1]]);

describe('field cipher', () => {
  it('round-trips any JSON value, and the stored text never contains it', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.string({ minLength: 8 }), (value, marker) => {
        const sealed = sealField('tasks.params', { value, marker }, orgRing);
        expect(isFieldEnvelope(sealed)).toBe(true);
        expect(sealed.k).toBe(1);
        expect(JSON.stringify(sealed)).not.toContain(JSON.stringify(marker).slice(1, -1));
        // JSON's -0 reads back as 0, as it would from the database.
        expect(openField('tasks.params', sealed, orgRing)).toEqual(
          JSON.parse(JSON.stringify({ value, marker })),
        );
      }),
    );
  });

  it('uses a fresh nonce for every value', () => {
    const a = sealField('tasks.response', { same: true }, orgRing);
    const b = sealField('tasks.response', { same: true }, orgRing);
    expect(a.d).not.toBe(b.d);
  });

  it('refuses a value moved to another organization or another column, or altered', () => {
    const sealed = sealField('tasks.params', { text: 'Jane Roe' }, orgRing);
    // Another organization that happens to hold the same key material still does not open it (the
    // organization is bound in), nor does the right organization under another column.
    expect(() => openField('tasks.params', sealed, ring(OTHER, [[1, k1]]))).toThrow(FieldCipherError);
    expect(() => openField('tasks.response', sealed, orgRing)).toThrow(/does not open/);
    const bytes = Buffer.from(sealed.d, 'base64');
    bytes[bytes.length - 20] = (bytes[bytes.length - 20] ?? 0) ^ 1;
    expect(() => openField('tasks.params', { ...sealed, d: bytes.toString('base64') }, orgRing)).toThrow(
      FieldCipherError,
    );
    expect(() => openField('tasks.params', { ...sealed, d: 'AAAA' }, orgRing)).toThrow(/truncated/);
  });

  it('opens every version of the keyring and seals under the current one', () => {
    const rotated = ring(
      ORG,
      [
        [1, k1],
        [2, k2],
      ],
      2,
    );
    const old = sealField('tasks.params', { v: 1 }, orgRing);
    const fresh = sealField('tasks.params', { v: 2 }, rotated);
    expect(fresh.k).toBe(2);
    expect(openField('tasks.params', old, rotated)).toEqual({ v: 1 });
    expect(openField('tasks.params', fresh, rotated)).toEqual({ v: 2 });
    // A version the process has not loaded names the organization, so its keyring is read again.
    try {
      openField('tasks.params', fresh, orgRing);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(FieldCipherError);
      expect((error as FieldCipherError).staleOrg).toBe(ORG);
    }
  });

  it('reads values stored before encryption as they are', () => {
    expect(openField('tasks.params', { attachment: 'x' }, orgRing)).toEqual({ attachment: 'x' });
    expect(openField('tasks.response', null, orgRing)).toBeNull();
    expect(openFieldParts('tasks.response', null, null, '{"a": 1}', orgRing)).toBe('{"a": 1}');
    expect(openFieldParts('tasks.response', null, null, null, orgRing)).toBeNull();
  });

  it('takes the keys from the scope, and refuses to work outside one', () => {
    expect(() => sealField('tasks.params', { a: 1 })).toThrow(/no organization's keys in scope/);
    const text = withFieldKeyring(orgRing, () => sealFieldText('tasks.params', { a: 1 }));
    expect(text).not.toBeNull();
    const sealed = JSON.parse(text as string) as FieldEnvelope;
    expect(withFieldKeyring(orgRing, () => openField('tasks.params', sealed))).toEqual({ a: 1 });
    expect(withFieldKeyring(orgRing, () => openFieldParts('tasks.params', sealed.k, sealed.d, null))).toBe(
      '{"a":1}',
    );
    expect(() => openField('tasks.params', sealed)).toThrow(/no organization's keys in scope/);
    // SQL NULL stays NULL.
    expect(withFieldKeyring(orgRing, () => sealFieldText('tasks.response', null))).toBeNull();
  });
});
