import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findPii, PII_KINDS, type PiiKind } from './find-pii.ts';
import {
  createPlaceholders,
  normalizePii,
  offsetMap,
  type RedactableMatch,
  redactText,
  restorePlaceholders,
} from './redact-text.ts';

describe('redactText', () => {
  it('replaces a match by its placeholder and maps offsets both ways', () => {
    const text = 'Hi john@x.com!';
    const { text: redacted, map } = redactText(text, findPii(text));
    expect(redacted).toBe('Hi [EMAIL_1]!');
    // Before, at the edges of, inside and after the value (original 3..13, placeholder 3..12).
    expect([0, 3, 5, 13, 14].map((o) => map.toRedacted(o))).toEqual([0, 3, 3, 12, 13]);
    expect(map.toRedacted(5, 'end')).toBe(12);
    expect([0, 3, 7, 12, 13].map((o) => map.toOriginal(o))).toEqual([0, 3, 3, 13, 14]);
    expect(map.toOriginal(7, 'end')).toBe(13);
    expect(map.segments).toEqual([
      { start: 3, end: 13, redactedStart: 3, redactedEnd: 12, placeholder: '[EMAIL_1]', value: 'john@x.com' },
    ]);
  });

  it('gives the same value the same placeholder, however it is written, and counts per kind', () => {
    const text = 'Ann@X.com, +1 415 555 0132, ann@x.com, (415) 555-0132, bo@x.com, 10.0.0.1';
    const { text: redacted } = redactText(text, findPii(text, { defaultCountry: 'US' }));
    expect(redacted).toBe('[EMAIL_1], [PHONE_1], [EMAIL_1], [PHONE_1], [EMAIL_2], [IP_1]');
  });

  it('keeps placeholders stable across the fields of a task through one registry', () => {
    const placeholders = createPlaceholders();
    const prompt = 'Is Anna Lee (anna@example.com) a customer?';
    const answer = 'Yes, ANNA LEE is; write to Anna@Example.com or to ben@example.com.';
    const options = { names: ['Anna Lee'] };
    expect(redactText(prompt, findPii(prompt, options), placeholders).text).toBe(
      'Is [NAME_1] ([EMAIL_1]) a customer?',
    );
    expect(redactText(answer, findPii(answer, options), placeholders).text).toBe(
      'Yes, [NAME_1] is; write to [EMAIL_1] or to [EMAIL_2].',
    );
    expect(placeholders.table()).toEqual({
      '[NAME_1]': { kind: 'name', value: 'Anna Lee', normalized: 'anna lee' },
      '[EMAIL_1]': { kind: 'email', value: 'anna@example.com', normalized: 'anna@example.com' },
      '[EMAIL_2]': { kind: 'email', value: 'ben@example.com', normalized: 'ben@example.com' },
    });
  });

  it('never hands out a placeholder the task already contains literally', () => {
    const text = 'Template [EMAIL_1] [EMAIL_3] for bob@example.com and eve@example.com';
    const { text: redacted } = redactText(text, findPii(text));
    expect(redacted).toBe('Template [EMAIL_1] [EMAIL_3] for [EMAIL_2] and [EMAIL_4]');
  });

  it('continues a stored table: known values keep their placeholder, new ones count on', () => {
    const first = createPlaceholders();
    first.placeholderFor('email', 'a@x.com', 'a@x.com');
    first.placeholderFor('email', 'b@x.com', 'B@x.com');
    const next = createPlaceholders([], first.table());
    expect(next.placeholderFor('email', 'b@x.com', 'b@X.com')).toBe('[EMAIL_2]');
    expect(next.placeholderFor('email', 'c@x.com', 'c@x.com')).toBe('[EMAIL_3]');
    expect(next.placeholderFor('ip', '10.0.0.1', '10.0.0.1')).toBe('[IP_1]');
  });

  it('uses the kind normalization for matches given without one', () => {
    const text = 'Call +1 (415) 555-0132 or +14155550132';
    const { text: redacted } = redactText(text, [
      { kind: 'phone', start: 5, end: 22 },
      { kind: 'phone', start: 26, end: 38 },
    ]);
    expect(redacted).toBe('Call [PHONE_1] or [PHONE_1]');
    expect(normalizePii('card', '4111-1111 1111-1111')).toBe('4111111111111111');
    expect(normalizePii('id', 'de89 3704')).toBe('DE893704');
    expect(normalizePii('name', '  Zoe\u0308   DUPONT ')).toBe('zoë dupont');
  });

  it('copies a text without matches unchanged, the empty text included', () => {
    expect(redactText('nothing here', []).text).toBe('nothing here');
    const empty = redactText('', []);
    expect([empty.text, empty.map.toRedacted(0), empty.map.toOriginal(0)]).toEqual(['', 0, 0]);
  });

  it('refuses overlapping, empty and out-of-range matches', () => {
    expect(() =>
      redactText('abcdef', [
        { kind: 'name', start: 0, end: 3 },
        { kind: 'name', start: 2, end: 4 },
      ]),
    ).toThrow(RangeError);
    expect(() => redactText('abc', [{ kind: 'name', start: 1, end: 1 }])).toThrow(RangeError);
    expect(() => redactText('abc', [{ kind: 'name', start: 1, end: 4 }])).toThrow(RangeError);
  });
});

describe('restorePlaceholders', () => {
  it('puts back the values of known placeholders and leaves unknown ones', () => {
    const table = {
      '[EMAIL_1]': { kind: 'email' as const, value: 'Ann@x.com', normalized: 'ann@x.com' },
    };
    expect(restorePlaceholders('to [EMAIL_1], cc [EMAIL_2], [EMAIL_1]!', table)).toBe(
      'to Ann@x.com, cc [EMAIL_2], Ann@x.com!',
    );
    expect(restorePlaceholders('[toString_1] [EMAIL_01]', table)).toBe('[toString_1] [EMAIL_01]');
  });
});

/** A text with random disjoint matches over it. */
const textWithMatches = fc
  .string({ unit: fc.constantFrom('a', ' ', 'é', '😀', '[', ']', '_', '1'), maxLength: 60 })
  .chain((text) =>
    fc.uniqueArray(fc.integer({ min: 0, max: text.length }), { maxLength: 12 }).chain((cuts) => {
      const sorted = [...cuts].sort((a, b) => a - b);
      const spans: { start: number; end: number }[] = [];
      for (let i = 0; i + 1 < sorted.length; i += 2) spans.push({ start: sorted[i]!, end: sorted[i + 1]! });
      return fc.tuple(
        fc.constant(text),
        fc
          .tuple(...spans.map(() => fc.constantFrom<PiiKind>(...PII_KINDS)))
          .map((kinds) => spans.map((span, i): RedactableMatch => ({ ...span, kind: kinds[i]! }))),
      );
    }),
  );

const insideSomeMatch = (offset: number, matches: readonly RedactableMatch[]) =>
  matches.some((m) => m.start < offset && offset < m.end);

describe('redactText properties', () => {
  it('round-trips every offset outside the matches, and copies the text between them', () => {
    fc.assert(
      fc.property(textWithMatches, ([text, matches]) => {
        const { text: redacted, map } = redactText(text, matches);
        for (let offset = 0; offset <= text.length; offset++) {
          if (insideSomeMatch(offset, matches)) continue;
          expect(map.toOriginal(map.toRedacted(offset))).toBe(offset);
        }
        expect(map.toRedacted(text.length)).toBe(redacted.length);
        const edges = [0, ...matches.flatMap((m) => [m.start, m.end]).sort((a, b) => a - b), text.length];
        for (let i = 0; i + 1 < edges.length; i += 2) {
          const [from, to] = [edges[i]!, edges[i + 1]!];
          expect(redacted.slice(map.toRedacted(from), map.toRedacted(to))).toBe(text.slice(from, to));
        }
      }),
    );
  });

  it('maps offsets monotonically in both directions and with both biases', () => {
    fc.assert(
      fc.property(textWithMatches, ([text, matches]) => {
        const { text: redacted, map } = redactText(text, matches);
        for (const bias of ['start', 'end'] as const) {
          for (let offset = 1; offset <= text.length; offset++) {
            expect(map.toRedacted(offset, bias)).toBeGreaterThanOrEqual(map.toRedacted(offset - 1, bias));
          }
          for (let offset = 1; offset <= redacted.length; offset++) {
            expect(map.toOriginal(offset, bias)).toBeGreaterThanOrEqual(map.toOriginal(offset - 1, bias));
          }
        }
      }),
    );
  });

  it('sends an offset inside a placeholder to the start or end of its value', () => {
    fc.assert(
      fc.property(textWithMatches, ([text, matches]) => {
        const { map } = redactText(text, matches);
        for (const segment of map.segments) {
          for (let offset = segment.redactedStart + 1; offset < segment.redactedEnd; offset++) {
            expect(map.toOriginal(offset, 'start')).toBe(segment.start);
            expect(map.toOriginal(offset, 'end')).toBe(segment.end);
          }
        }
      }),
    );
  });

  it('a rebuilt map converts exactly like the original one', () => {
    fc.assert(
      fc.property(textWithMatches, ([text, matches]) => {
        const { map } = redactText(text, matches);
        const rebuilt = offsetMap(JSON.parse(JSON.stringify(map.segments)));
        for (let offset = 0; offset <= text.length; offset++) {
          expect(rebuilt.toRedacted(offset, 'end')).toBe(map.toRedacted(offset, 'end'));
        }
      }),
    );
  });
});

/**
 * Personal data of every kind, each found on its own. Pieces are joined by ` | `: numbers separated by a
 * mere space can honestly read as one longer number, which is a different test.
 */
const SAMPLES = [
  'ann@example.com',
  'Bob.Stone@Mail.Example.org',
  '(415) 555-0132',
  '+44 20 7946 0958',
  '4111 1111 1111 1111',
  '378282246310005',
  '123-45-6789',
  'DE89 3704 0044 0532 0130 00',
  '192.168.10.7',
  '2001:db8::42',
  'Anna Maria',
  'Zoë',
];
const FILLERS = ['hello', 'xyz', 'déjà', '😀', 'and,', 'the.', 'w'];

describe('findPii + redactText properties', () => {
  it('finds every planted value and leaves none of the found values in the redacted text', () => {
    const piece = fc.oneof(fc.constantFrom(...SAMPLES), fc.constantFrom(...FILLERS));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
        const text = pieces.join(' | ');
        const matches = findPii(text, { defaultCountry: 'US', names: ['Anna Maria', 'Zoë'] });
        const values = matches.map((m) => m.value);
        for (const planted of pieces.filter((p) => SAMPLES.includes(p))) expect(values).toContain(planted);
        const { text: redacted } = redactText(text, matches);
        for (const value of values) expect(redacted).not.toContain(value);
      }),
    );
  });
});
