import { describe, expect, it } from 'vitest';
import { findPii, type PiiMatch, resolveOverlaps } from './find-pii.ts';
import type { IdDetector } from './ids.ts';

/** The found matches as `kind:value` strings, in text order. */
function found(text: string, options: Parameters<typeof findPii>[1] = {}): string[] {
  return findPii(text, options).map((m) => `${m.kind}:${m.value}`);
}

describe('findPii: emails', () => {
  it('finds an address with its UTF-16 offsets and lower-cases it for comparison', () => {
    expect(findPii('Write to Ana.Pérez@Example.org today')).toEqual([
      {
        kind: 'email',
        start: 9,
        end: 30,
        value: 'Ana.Pérez@Example.org',
        normalized: 'ana.pérez@example.org',
      },
    ]);
  });

  it('leaves out the punctuation around an address', () => {
    expect(found('(mailto:jo_e+tag@mail.example.co.uk).')).toEqual(['email:jo_e+tag@mail.example.co.uk']);
    expect(found('and so on...bob@example.com')).toEqual(['email:bob@example.com']);
  });

  it('does not take near misses: no domain, no TLD, a one-letter TLD, a missing local part', () => {
    expect(found('a@b and john@localhost and x@y.c and @example.com and name@-bad-.com')).toEqual([]);
  });
});

describe('findPii: phone numbers', () => {
  it('finds national numbers of the default country and international ones always', () => {
    const text = 'Call (415) 555-0132 or +44 20 7946 0958.';
    expect(findPii(text, { defaultCountry: 'US' })).toEqual([
      { kind: 'phone', start: 5, end: 19, value: '(415) 555-0132', normalized: '+14155550132' },
      { kind: 'phone', start: 23, end: 39, value: '+44 20 7946 0958', normalized: '+442079460958' },
    ]);
    expect(found(text)).toEqual(['phone:+44 20 7946 0958']);
  });

  it('gives one normalized form to one number written several ways, keeping extensions apart', () => {
    const matches = findPii('415.555.0132, +1 415 555 0132, (415) 555-0132 ext. 7', { defaultCountry: 'US' });
    expect(matches.map((m) => m.normalized)).toEqual(['+14155550132', '+14155550132', '+14155550132;ext=7']);
  });

  it('does not take dates, times or version numbers for phone numbers', () => {
    const text = 'On 2024-01-15, 12/03/2024, 15.01.2024 at 10:30:15 we shipped v1.2.3.4.5 (build 20240115).';
    expect(found(text, { defaultCountry: 'US', kinds: ['phone'] })).toEqual([]);
    expect(found(text, { defaultCountry: 'FR', kinds: ['phone'] })).toEqual([]);
  });

  it('does not read the end of another number as the start of a phone number', () => {
    expect(found('192.168.10.7 123-45-6789', { defaultCountry: 'US' })).toEqual([
      'ip:192.168.10.7',
      'id:123-45-6789',
    ]);
  });

  it('finds a number the matcher rejects only because more digits follow it', () => {
    expect(found('Call (415) 555-0132 2001 times', { defaultCountry: 'US' })).toEqual([
      'phone:(415) 555-0132',
    ]);
  });

  it('refuses an unknown default country', () => {
    expect(() => findPii('x', { defaultCountry: 'XX' })).toThrow(RangeError);
  });
});

describe('findPii: card numbers', () => {
  it('finds Luhn-valid numbers of known issuers, grouped by spaces or dashes or not at all', () => {
    expect(findPii('Visa 4111 1111 1111 1111, MC 5555-5555-5555-4444, Amex 378282246310005.')).toEqual([
      { kind: 'card', start: 5, end: 24, value: '4111 1111 1111 1111', normalized: '4111111111111111' },
      { kind: 'card', start: 29, end: 48, value: '5555-5555-5555-4444', normalized: '5555555555554444' },
      { kind: 'card', start: 55, end: 70, value: '378282246310005', normalized: '378282246310005' },
    ]);
  });

  it('does not take a number with a wrong check digit, too few digits or glued to a word', () => {
    expect(
      found('4111 1111 1111 1112 and 4111 1111 1111 and A4111111111111111', { kinds: ['card'] }),
    ).toEqual([]);
  });

  it('masks only the card of a longer run of numbers', () => {
    expect(found('Order 12 4111 1111 1111 1111 shipped', { kinds: ['card'] })).toEqual([
      'card:4111 1111 1111 1111',
    ]);
  });
});

describe('findPii: identification numbers', () => {
  it('finds issuable US social security numbers', () => {
    expect(findPii('SSN 123-45-6789.')).toEqual([
      { kind: 'id', start: 4, end: 15, value: '123-45-6789', normalized: '123456789', subtype: 'us_ssn' },
    ]);
  });

  it('does not take SSNs the SSA never issues, or longer dashed numbers', () => {
    const text =
      '000-12-3456 666-12-3456 999-45-6789 900-12-3456 123-00-4567 123-45-0000 1123-45-6789 123-45-67890';
    expect(found(text, { kinds: ['id'] })).toEqual([]);
  });

  it('finds IBANs compact or grouped, without the word after them', () => {
    expect(found('Pay DE89 3704 0044 0532 0130 00 EUR or GB82WEST12345698765432.')).toEqual([
      'id:DE89 3704 0044 0532 0130 00',
      'id:GB82WEST12345698765432',
    ]);
    expect(findPii('iban: de89-3704-0044-0532-0130-00')[0]?.normalized).toBe('DE89370400440532013000');
  });

  it('does not take an IBAN with wrong check digits', () => {
    expect(found('DE88 3704 0044 0532 0130 00', { kinds: ['id'] })).toEqual([]);
  });

  it('uses the detectors it is given, so the list of numbers can grow', () => {
    const employee: IdDetector = {
      name: 'employee',
      find: (text) => [...text.matchAll(/EMP-\d{6}/g)].map((m) => ({ start: m.index, end: m.index + 10 })),
      normalize: (value) => value.slice(4),
    };
    expect(findPii('badge EMP-004211, ssn 123-45-6789', { ids: [employee] })).toEqual([
      { kind: 'id', start: 6, end: 16, value: 'EMP-004211', normalized: '004211', subtype: 'employee' },
    ]);
  });

  it('refuses a detector span outside the text', () => {
    const broken: IdDetector = { name: 'broken', find: () => [{ start: 2, end: 9 }], normalize: (v) => v };
    expect(() => findPii('short', { ids: [broken] })).toThrow(/broken/);
  });
});

describe('findPii: IP addresses', () => {
  it('finds IPv4 and IPv6 addresses, IPv6 compared lower-cased', () => {
    expect(findPii('from 192.168.1.20 and 2001:DB8:0:0:0:0:0:1.')).toEqual([
      { kind: 'ip', start: 5, end: 17, value: '192.168.1.20', normalized: '192.168.1.20' },
      { kind: 'ip', start: 22, end: 42, value: '2001:DB8:0:0:0:0:0:1', normalized: '2001:db8:0:0:0:0:0:1' },
    ]);
  });

  it('finds IPv6 addresses however they are written, IPv4-mapped and compressed ones included', () => {
    const normalized = (address: string) => findPii(`at ${address} now`, { kinds: ['ip'] })[0]?.normalized;
    expect(normalized('2001:0DB8:0000:0000:0001:0000:0000:0001')).toBe(
      '2001:0db8:0000:0000:0001:0000:0000:0001',
    );
    expect(normalized('FE80::0001')).toBe('fe80::0001');
    expect(normalized('::ffff:10.0.0.1')).toBe('::ffff:10.0.0.1');
    expect(normalized('64:ff9b::192.0.2.33')).toBe('64:ff9b::192.0.2.33');
    expect(normalized('1::')).toBe('1::');
  });

  it('takes the address out of a port, a label or a sentence end', () => {
    expect(found('host 10.0.0.1:8080, ip:fe80::1, mapped ::ffff:10.0.0.1. Last 8.8.8.8.')).toEqual([
      'ip:10.0.0.1',
      'ip:fe80::1',
      'ip:::ffff:10.0.0.1',
      'ip:8.8.8.8',
    ]);
  });

  it('does not take version numbers, out-of-range octets, times or MAC addresses', () => {
    const text = '1.2.3.4.5 v1.2.3.4 256.1.1.1 1.2.3 010.1.1.1 12:30:45 00:1A:2B:3C:4D:5E std::vector ::';
    expect(found(text, { kinds: ['ip'] })).toEqual([]);
  });
});

describe('findPii: names', () => {
  const names = ['Anna', 'Anna Maria', 'Zoë', 'J. (Jr.) Doe', '  '];

  it('finds listed names as whole words ignoring case, the longest first', () => {
    expect(findPii('anna  maria met ANNA, not Annabel or Joanna.', { names })).toEqual([
      { kind: 'name', start: 0, end: 11, value: 'anna  maria', normalized: 'anna maria' },
      { kind: 'name', start: 16, end: 20, value: 'ANNA', normalized: 'anna' },
    ]);
  });

  it('matches accented names however the text encodes them, and names with punctuation', () => {
    expect(found('ZOË, Zoe\u0308 and j. (jr.) doe', { names })).toEqual([
      'name:ZOË',
      'name:Zoe\u0308',
      'name:j. (jr.) doe',
    ]);
    expect(findPii('Zoe\u0308', { names })[0]?.normalized).toBe('zoë');
  });

  it('handles names sharing a first word, names starting with a symbol and long customer lists', () => {
    const list = ['Anna Lee', '@ndrea', ...Array.from({ length: 50_000 }, (_, i) => `Anna Customer${i}`)];
    expect(
      found('Anna Lee met anna customer49999, Anna Customer7x and @ndrea!', { names: [...names, ...list] }),
    ).toEqual(['name:Anna Lee', 'name:anna customer49999', 'name:Anna', 'name:@ndrea']);
  });

  it('finds no names without a list', () => {
    expect(found('Anna Maria')).toEqual([]);
  });
});

describe('findPii: text and overlaps', () => {
  it('counts offsets in UTF-16 code units, so an emoji before a match shifts it by two', () => {
    expect(findPii('😀😀 mail a.b@example.com')).toEqual([
      { kind: 'email', start: 10, end: 25, value: 'a.b@example.com', normalized: 'a.b@example.com' },
    ]);
    const phone = findPii('👍🏽 +1 212 555 0100', { kinds: ['phone'] });
    expect(phone.map((m) => [m.start, m.end])).toEqual([[5, 20]]);
  });

  it('keeps the longer of overlapping matches of different kinds', () => {
    const text = 'john.2125550100@example.com and anna@example.com';
    expect(found(text, { defaultCountry: 'US', names: ['Anna', 'John'] })).toEqual([
      'email:john.2125550100@example.com',
      'email:anna@example.com',
    ]);
  });

  it('breaks a tie of equal spans by kind: an SSN-shaped number is an id, not a French phone', () => {
    expect(found('123-45-6789', { defaultCountry: 'FR', kinds: ['phone'] })).toEqual(['phone:123-45-6789']);
    expect(found('123-45-6789', { defaultCountry: 'FR' })).toEqual(['id:123-45-6789']);
  });

  it('resolves overlaps by length, then position, then kind order, whatever the input order', () => {
    const m = (kind: PiiMatch['kind'], start: number, end: number): PiiMatch => ({
      kind,
      start,
      end,
      value: '',
      normalized: '',
    });
    const matches = [
      m('name', 0, 4),
      m('phone', 2, 8),
      m('ip', 6, 12),
      m('email', 20, 24),
      m('card', 20, 24),
    ];
    const expected = [m('phone', 2, 8), m('email', 20, 24)];
    expect(resolveOverlaps(matches)).toEqual(expected);
    expect(resolveOverlaps([...matches].reverse())).toEqual(expected);
    // Equal lengths: the earlier one wins, and the later one, overlapping it, is dropped.
    expect(resolveOverlaps([m('ip', 3, 7), m('name', 1, 5), m('name', 7, 9)])).toEqual([
      m('name', 1, 5),
      m('name', 7, 9),
    ]);
  });

  it('finds only the kinds asked for, and nothing in empty or clean text', () => {
    const text = 'a@example.com 4111111111111111 123-45-6789 +44 20 7946 0958 10.0.0.1 Anna';
    expect(found(text, { kinds: ['email', 'ip'], names: ['Anna'] })).toEqual([
      'email:a@example.com',
      'ip:10.0.0.1',
    ]);
    expect(found(text, { kinds: [] })).toEqual([]);
    expect(findPii('')).toEqual([]);
    expect(findPii('Nothing personal here, just 42 apples and 3.5 pears.')).toEqual([]);
  });
});
