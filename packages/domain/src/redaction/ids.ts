import validator from 'validator';

/** A found span of text, as UTF-16 offsets (`end` exclusive). */
export interface TextSpan {
  /** Index of the first code unit. */
  start: number;
  /** Index just past the last code unit. */
  end: number;
}

/**
 * Finds one kind of identification number (a US SSN, an IBAN, …) in text. Each detector proposes candidate
 * spans and confirms them with the number's own rule (check digits, reserved ranges), so the `id` kind can
 * grow by adding detectors to {@link ID_DETECTORS} or to the `ids` option, without touching the finder.
 */
export interface IdDetector {
  /** Stable name of the number kind (`us_ssn`, `iban`), carried on matches as `subtype`. */
  name: string;
  /** Every confirmed span in `text`; spans may overlap each other (the finder keeps the best). */
  find(text: string): TextSpan[];
  /** The comparable form of a found value (for placeholders): e.g. digits only, upper-case letters. */
  normalize(value: string): string;
}

/** Letters, marks and digits: characters that glue a number to a word, so the number is not a whole token. */
const WORD_CHAR = /[\p{L}\p{M}\p{N}_]/u;

function isWordChar(char: string | undefined): boolean {
  return char !== undefined && WORD_CHAR.test(char);
}

const SSN = /(\d{3})-(\d{2})-(\d{4})/g;

/**
 * Whether the three parts of a dashed SSN are in ranges the US Social Security Administration issues: area
 * not 000, 666 or 900–999; group not 00; serial not 0000. No maintained JavaScript library validates SSNs,
 * and these are the SSA's published rules, not a heuristic.
 */
export function isIssuableSsn(area: string, group: string, serial: string): boolean {
  return area !== '000' && area !== '666' && area[0] !== '9' && group !== '00' && serial !== '0000';
}

/** US Social Security numbers written `123-45-6789` (dashes required: bare nine digits are too ambiguous). */
export const US_SSN_DETECTOR: IdDetector = {
  name: 'us_ssn',
  find(text) {
    const spans: TextSpan[] = [];
    for (const match of text.matchAll(SSN)) {
      const start = match.index;
      const end = start + match[0].length;
      const before = text[start - 1];
      const after = text[end];
      // Part of a longer dashed or glued number (a phone, a date-like code): not an SSN.
      if (isWordChar(before) || before === '-' || isWordChar(after) || after === '-') continue;
      const [, area = '', group = '', serial = ''] = match;
      if (isIssuableSsn(area, group, serial)) spans.push({ start, end });
    }
    return spans;
  },
  normalize: (value) => value.replace(/\D/g, ''),
};

/** Tokens an IBAN can be printed in: a country code and check digits, then letters/digits in groups. */
const IBAN_RUN = /[A-Za-z]{2}\d{2}[A-Za-z0-9]*(?:[ -][A-Za-z0-9]+)*/g;
const IBAN_START = /^[A-Za-z]{2}\d{2}/;
const IBAN_MIN = 15;
const IBAN_MAX = 34;

/**
 * IBANs, compact (`DE89370400440532013000`) or grouped by spaces or dashes (`DE89 3704 0044 0532 0130 00`),
 * confirmed by `validator`'s `isIBAN` (country format and the mod-97 check digits). In a run of groups the
 * longest prefix that is a valid IBAN wins, so a trailing word (`… 0130 00 EUR`) is left out.
 */
export const IBAN_DETECTOR: IdDetector = {
  name: 'iban',
  find(text) {
    const spans: TextSpan[] = [];
    for (const run of text.matchAll(IBAN_RUN)) {
      const groups = [...run[0].matchAll(/[A-Za-z0-9]+/g)].map((g) => ({
        start: run.index + g.index,
        end: run.index + g.index + g[0].length,
      }));
      // A run glued to a word (`XYDE89…`) cannot start there; its later groups still can.
      let first = isWordChar(text[run.index - 1]) ? 1 : 0;
      while (first < groups.length) {
        const found = longestIban(text, groups, first);
        if (found === undefined) first += 1;
        else {
          spans.push({ start: groups[first]!.start, end: groups[found]!.end });
          first = found + 1;
        }
      }
    }
    return spans;
  },
  normalize: (value) => value.replace(/[^A-Za-z0-9]/g, '').toUpperCase(),
};

/** Index of the last group of the longest valid IBAN starting at group `first`, if any. */
function longestIban(text: string, groups: readonly TextSpan[], first: number): number | undefined {
  const head = groups[first]!;
  if (!IBAN_START.test(text.slice(head.start, head.end))) return undefined;
  let length = 0;
  let last = first;
  while (last < groups.length && length + groups[last]!.end - groups[last]!.start <= IBAN_MAX) {
    length += groups[last]!.end - groups[last]!.start;
    last += 1;
  }
  for (let end = last - 1; end >= first; end--) {
    const candidate = text.slice(head.start, groups[end]!.end);
    if (candidate.replace(/[ -]/g, '').length < IBAN_MIN) break;
    if (!isWordChar(text[groups[end]!.end]) && validator.isIBAN(candidate)) return end;
  }
  return undefined;
}

/** The identification numbers found by default, in tie-break order. */
export const ID_DETECTORS: readonly IdDetector[] = [US_SSN_DETECTOR, IBAN_DETECTOR];
