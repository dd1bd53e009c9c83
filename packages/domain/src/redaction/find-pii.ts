import { type CountryCode, findPhoneNumbersInText, isSupportedCountry } from 'libphonenumber-js/max';
import validator from 'validator';
import { ID_DETECTORS, type IdDetector, type TextSpan } from './ids.ts';

/**
 * Kinds of personal data the redactor finds. The order is also the tie-break when two equally long matches
 * start at the same place: the more specific kind wins (an SSN-shaped `123-45-6789` is an `id`, not a
 * French phone number).
 */
export const PII_KINDS = ['email', 'card', 'id', 'phone', 'ip', 'name'] as const;

/** A kind of personal data: `email`, `card`, `id`, `phone`, `ip` or `name`. */
export type PiiKind = (typeof PII_KINDS)[number];

/** One piece of personal data found in a text. */
export interface PiiMatch {
  /** What was found. */
  kind: PiiKind;
  /** UTF-16 offset of the first code unit (a JavaScript string index). */
  start: number;
  /** UTF-16 offset just past the last code unit (exclusive). */
  end: number;
  /** The text as written, `text.slice(start, end)`. */
  value: string;
  /**
   * The comparable form, so one value written two ways gets one placeholder: emails lower-cased, phone
   * numbers in E.164 (with `;ext=` when an extension was written), cards and SSNs as digits, IBANs as upper-case
   * letters and digits, IPv4 addresses as written, IPv6 lower-cased, names case-folded with single spaces.
   */
  normalized: string;
  /** For `id`: the detector that found it (`us_ssn`, `iban`, …). */
  subtype?: string | undefined;
}

/** What {@link findPii} looks for. */
export interface FindPiiOptions {
  /** The kinds to find (default: all of {@link PII_KINDS}). */
  kinds?: readonly PiiKind[] | undefined;
  /**
   * ISO 3166-1 alpha-2 country (`US`, `FR`) whose national phone numbers (`(415) 555-0132`) are recognised;
   * numbers written internationally (`+44 20 7946 0958`) are always found. Absent: international only.
   */
  defaultCountry?: string | undefined;
  /** People's names to mask (a customer list), matched as whole words, ignoring case. */
  names?: readonly string[] | undefined;
  /** Identification-number detectors for the `id` kind (default {@link ID_DETECTORS}). */
  ids?: readonly IdDetector[] | undefined;
}

/**
 * Finds personal data in `text`: emails, phone numbers, payment card numbers, identification numbers, IP
 * addresses and listed names. Candidates come from patterns, and each is confirmed by a maintained
 * validator (`validator`'s `isEmail`, `isCreditCard` with the Luhn check, `isIBAN`, `isIP`;
 * `libphonenumber-js` with full metadata for phones; the SSA's issuing rules for SSNs). Where matches
 * overlap, the longest wins, then the earliest, then the kind earlier in {@link PII_KINDS}; the result has
 * no overlaps and is sorted by `start`. Deterministic: the same text and options give the same matches.
 *
 * @throws RangeError when `defaultCountry` is not a country libphonenumber knows, or a custom id detector
 *   returns a span outside the text or an empty one.
 */
export function findPii(text: string, options: FindPiiOptions = {}): PiiMatch[] {
  const kinds = new Set(options.kinds ?? PII_KINDS);
  const country = phoneCountry(options.defaultCountry);
  const found: PiiMatch[] = [];
  if (kinds.has('email')) found.push(...findEmails(text));
  if (kinds.has('card')) found.push(...findCards(text));
  if (kinds.has('id')) found.push(...findIds(text, options.ids ?? ID_DETECTORS));
  if (kinds.has('phone')) found.push(...findPhones(text, country));
  if (kinds.has('ip')) found.push(...findIps(text));
  if (kinds.has('name')) found.push(...findNames(text, options.names ?? []));
  return resolveOverlaps(found);
}

function phoneCountry(country: string | undefined): CountryCode | undefined {
  if (country === undefined) return undefined;
  if (!isSupportedCountry(country)) {
    throw new RangeError(`defaultCountry "${country}" is not a supported ISO 3166-1 alpha-2 country`);
  }
  return country;
}

/**
 * Keeps the best of overlapping matches: longest first, then earliest, then by kind order; returns the kept
 * ones sorted by `start`.
 */
export function resolveOverlaps(matches: readonly PiiMatch[]): PiiMatch[] {
  const rank = (kind: PiiKind) => PII_KINDS.indexOf(kind);
  const byPreference = [...matches].sort(
    (a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start || rank(a.kind) - rank(b.kind),
  );
  const kept: PiiMatch[] = [];
  for (const match of byPreference) {
    const at = firstEndingAfter(kept, match.start);
    const next = kept[at];
    if (next !== undefined && next.start < match.end) continue;
    kept.splice(at, 0, match);
  }
  return kept;
}

/** Index of the first of the sorted, disjoint `kept` whose end is past `offset`. */
function firstEndingAfter(kept: readonly PiiMatch[], offset: number): number {
  let low = 0;
  let high = kept.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (kept[mid]!.end <= offset) low = mid + 1;
    else high = mid;
  }
  return low;
}

const WORD_CHAR = /[\p{L}\p{M}\p{N}_]/u;

function isWordChar(char: string | undefined): boolean {
  return char !== undefined && WORD_CHAR.test(char);
}

function match(text: string, kind: PiiKind, span: TextSpan, normalized: string, subtype?: string): PiiMatch {
  const value = text.slice(span.start, span.end);
  return subtype === undefined
    ? { kind, start: span.start, end: span.end, value, normalized }
    : { kind, start: span.start, end: span.end, value, normalized, subtype };
}

// Local part of the characters people actually use (not every RFC 5322 one: a quote or a slash next to an
// address is punctuation far more often), domain labels joined by dots.
const EMAIL_CANDIDATE = /[\p{L}\p{M}\p{N}_.%+-]+@[\p{L}\p{M}\p{N}-]+(?:\.[\p{L}\p{M}\p{N}-]+)+/gu;

function findEmails(text: string): PiiMatch[] {
  const found: PiiMatch[] = [];
  for (const candidate of text.matchAll(EMAIL_CANDIDATE)) {
    const end = candidate.index + candidate[0].length;
    if (isWordChar(text[end])) continue;
    // The longest valid address in the candidate: whole, or starting after one of its local part's dots
    // (`and so on...bob@example.com`: the text's dots are not part of the address).
    const at = candidate[0].indexOf('@');
    const starts = [0, ...[...candidate[0].slice(0, at).matchAll(/\./g)].map((dot) => dot.index + 1)];
    for (const offset of starts) {
      const value = candidate[0].slice(offset);
      if (!validator.isEmail(value, { allow_utf8_local_part: true })) continue;
      found.push(match(text, 'email', { start: candidate.index + offset, end }, value.toLowerCase()));
      break;
    }
  }
  return found;
}

// Digit groups separated by single spaces or dashes: `4111 1111 1111 1111`, `4111-1111-1111-1111`.
const DIGIT_RUN = /\d+(?:[ -]\d+)*/g;
const CARD_MIN_DIGITS = 13;
const CARD_MAX_DIGITS = 19;

/**
 * Card numbers, grouped as cards are printed, that `isCreditCard` accepts (a known issuer's pattern and the
 * Luhn check digit): a whole dash-joined number (`4111-1111-1111-1111`), or a window of space-separated
 * digit groups with 13–19 digits in all, every group of at least four digits and the last of at least three
 * (`4111 1111 1111 1111`, `3782 822463 10005`). A dash-joined number is never cut, so the end of an SSN is not
 * read as the start of a card. Windows of one run may overlap; the overlap rule keeps the longest, so
 * `Order 12 4111 1111 1111 1111` masks the card and leaves the order number.
 */
function findCards(text: string): PiiMatch[] {
  const found: PiiMatch[] = [];
  const confirm = (start: number, end: number) => {
    const value = text.slice(start, end);
    const digits = value.replace(/\D/g, '');
    if (digits.length < CARD_MIN_DIGITS || digits.length > CARD_MAX_DIGITS) return;
    if (validator.isCreditCard(value)) found.push(match(text, 'card', { start, end }, digits));
  };
  for (const run of text.matchAll(DIGIT_RUN)) {
    const words = [...run[0].matchAll(/[^ ]+/g)].map((w) => ({
      start: run.index + w.index,
      end: run.index + w.index + w[0].length,
      dashed: w[0].includes('-'),
    }));
    // A run glued to a word (`A4111…`) or ending in one cannot be a whole number at that edge.
    const from = isWordChar(text[run.index - 1]) ? 1 : 0;
    const to = isWordChar(text[run.index + run[0].length]) ? words.length - 1 : words.length;
    for (let first = from; first < to; first++) {
      if (words[first]!.dashed) {
        confirm(words[first]!.start, words[first]!.end);
        continue;
      }
      let digits = 0;
      for (let last = first; last < to && !words[last]!.dashed; last++) {
        const size = words[last]!.end - words[last]!.start;
        digits += size;
        if (digits > CARD_MAX_DIGITS || size < 3) break;
        confirm(words[first]!.start, words[last]!.end);
        if (size < 4) break;
      }
    }
  }
  return found;
}

function findIds(text: string, detectors: readonly IdDetector[]): PiiMatch[] {
  const found: PiiMatch[] = [];
  for (const detector of detectors) {
    for (const span of detector.find(text)) {
      if (!(Number.isInteger(span.start) && Number.isInteger(span.end))) {
        throw new RangeError(`id detector "${detector.name}" returned a non-integer span`);
      }
      if (span.start < 0 || span.end > text.length || span.start >= span.end) {
        throw new RangeError(
          `id detector "${detector.name}" returned the span ${span.start}..${span.end} outside the text`,
        );
      }
      const value = text.slice(span.start, span.end);
      found.push(match(text, 'id', span, detector.normalize(value), detector.name));
    }
  }
  return found;
}

/**
 * Whether a span continues a number on either side (`192.168.10.7 123-45-6789` is not the phone number
 * `7 123-45-6789`): a digit, or a dot, dash or slash and then a digit, right next to it.
 */
function gluedToNumber(text: string, span: TextSpan): boolean {
  const digit = (char: string | undefined) => char !== undefined && char >= '0' && char <= '9';
  const joiner = (char: string | undefined) => char === '.' || char === '-' || char === '/';
  const before = text[span.start - 1];
  const after = text[span.end];
  return (
    digit(before) ||
    (joiner(before) && digit(text[span.start - 2])) ||
    digit(after) ||
    (joiner(after) && digit(text[span.end + 1]))
  );
}

// Runs of phone-number characters on one line: digits, spaces, brackets, dots, slashes and dashes.
const PHONE_RUN = /[+(]?\d[\d \t()./-]*\d\)?/g;
const PHONE_MIN_DIGITS = 7;
const PHONE_MAX_DIGITS = 17;
// `+33 6 12 34 56 78`: six groups; a window of more is a table of numbers, not one number.
const PHONE_MAX_GROUPS = 7;
// A longer run of number groups is a table; the whole-text pass alone reads it (windows would cost a matcher
// call per group and window size).
const PHONE_MAX_RUN_GROUPS = 12;

/**
 * Phone numbers found by libphonenumber's matcher (full metadata, `VALID` leniency), over the whole text and
 * over each window of whole space-separated groups (up to seven) of a run of number characters that the
 * whole-text pass left unread: the matcher rejects a number followed by more digits (`(415) 555-0132 2001`)
 * as a whole, and a window lets it confirm the number alone. Windows still go through the matcher, so its
 * date and time exclusions hold. Runs of more than twelve groups (tables of numbers) get no windows.
 */
function findPhones(text: string, country: CountryCode | undefined): PiiMatch[] {
  const options = country === undefined ? undefined : { defaultCountry: country };
  const found = new Map<string, PiiMatch>();
  const add = (offset: number, part: string) => {
    for (const number of findPhoneNumbersInText(part, options)) {
      const span = { start: offset + number.startsAt, end: offset + number.endsAt };
      if (gluedToNumber(text, span)) continue;
      const ext = number.number.ext;
      const normalized = ext === undefined ? number.number.number : `${number.number.number};ext=${ext}`;
      found.set(`${span.start}:${span.end}`, match(text, 'phone', span, normalized));
    }
  };
  add(0, text);
  const whole = [...found.values()];
  for (const run of text.matchAll(PHONE_RUN)) {
    // Groups the whole-text pass already placed in a number need no second look.
    const groups = [...run[0].matchAll(/\S+/g)]
      .map((g) => ({
        start: run.index + g.index,
        end: run.index + g.index + g[0].length,
        digits: g[0].replace(/\D/g, '').length,
      }))
      .filter((g) => !whole.some((phone) => phone.start <= g.start && g.end <= phone.end));
    if (groups.length < 2 || groups.length > PHONE_MAX_RUN_GROUPS) continue;
    for (let first = 0; first < groups.length; first++) {
      let digits = 0;
      for (let last = first; last < groups.length && last - first < PHONE_MAX_GROUPS; last++) {
        // Only neighbouring groups form a window.
        if (last > first && /\S/.test(text.slice(groups[last - 1]!.end, groups[last]!.start).trim())) break;
        digits += groups[last]!.digits;
        if (digits > PHONE_MAX_DIGITS) break;
        if (digits < PHONE_MIN_DIGITS) continue;
        add(groups[first]!.start, text.slice(groups[first]!.start, groups[last]!.end));
      }
    }
  }
  return [...found.values()];
}

// Runs of the characters IP addresses are written with; each is checked as a whole (after dropping a
// sentence's final dot or colon, or a port), so `1.2.3.4.5` and `v1.2.3.4` are not cut down to an address.
const IP_RUN = /[0-9A-Fa-f:.]+/g;

function findIps(text: string): PiiMatch[] {
  const found: PiiMatch[] = [];
  for (const run of text.matchAll(IP_RUN)) {
    let start = run.index;
    let value = run[0];
    if (!(value.includes('.') || value.includes(':')) || isWordChar(text[start + value.length])) continue;
    // `ip:2001:db8::1`: the label's colon is not part of the address.
    if (value.startsWith(':') && !value.startsWith('::')) {
      start += 1;
      value = value.slice(1);
    } else if (isWordChar(text[start - 1])) continue;
    value = value.replace(/\.+$/, '');
    const candidates = [value, value.replace(/:$/, ''), /^([\d.]+):\d{1,5}$/.exec(value)?.[1]];
    for (const candidate of candidates) {
      const normalized = candidate === undefined ? undefined : ipAddress(candidate);
      if (candidate === undefined || normalized === undefined) continue;
      found.push(match(text, 'ip', { start, end: start + candidate.length }, normalized));
      break;
    }
  }
  return found;
}

/**
 * The comparable form of an IPv4 or IPv6 address (validated by validator's `isIP`), or undefined when
 * `value` is not one: IPv4 as written (`isIP` refuses leading zeros, so a valid one is already canonical),
 * IPv6 lower-cased. Two spellings of one IPv6 address (`::1`, `0:0:0:0:0:0:0:1`) stay two values — they
 * get two placeholders, which hides no less.
 */
function ipAddress(value: string): string | undefined {
  if (!/[0-9A-Fa-f]/.test(value)) return undefined;
  if (value.includes(':')) return validator.isIP(value, 6) ? value.toLowerCase() : undefined;
  return validator.isIP(value, 4) ? value : undefined;
}

/** A name's comparable form: Unicode NFC, lower case, single spaces. */
export function normalizeName(name: string): string {
  return name.normalize('NFC').trim().replace(/\s+/gu, ' ').toLowerCase();
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** A trie of names, one edge per character (a space stands for any run of white space). */
interface NameTrie {
  /** Whether a name ends here. */
  end: boolean;
  /** Next characters. */
  next: Map<string, NameTrie>;
}

function addToTrie(root: NameTrie, name: string): void {
  let node = root;
  for (const char of name) {
    let child = node.next.get(char);
    if (child === undefined) {
      child = { end: false, next: new Map() };
      node.next.set(char, child);
    }
    node = child;
  }
  node.end = true;
}

/**
 * The trie as one regular expression whose alternatives share their prefixes (`an(?:na(?:\s+maria)?|dré)`).
 * Optional continuations are greedy, so the longest name matching at a position wins.
 */
function triePattern(node: NameTrie): string {
  const branches = [...node.next].map(([char, child]) => {
    const unit = char === ' ' ? '\\s+' : escapeRegExp(char);
    return unit + triePattern(child);
  });
  if (branches.length === 0) return '';
  const group = branches.length === 1 && !node.end ? branches[0]! : `(?:${branches.join('|')})`;
  return node.end ? `${group}?` : group;
}

const WORD_RUN = /[\p{L}\p{M}\p{N}_]+/gu;
const NOT_GLUED = '(?![\\p{L}\\p{M}\\p{N}_])';

/**
 * Names from the list as whole words, ignoring case (Unicode case folding), any run of white space between
 * their words; at one position the longest listed name wins (`Anna Maria` over `Anna`). Names are grouped by
 * their first word, and only the groups of the text's words are tried, so a list of a hundred thousand
 * customers costs about what a short one does (one pattern of them all would exceed the engine's limits).
 */
function findNames(text: string, names: readonly string[]): PiiMatch[] {
  const byFirstWord = new Map<string, string[]>();
  const other: string[] = [];
  for (const name of names) {
    const key = normalizeName(name);
    if (key === '') continue;
    const first = /^[\p{L}\p{M}\p{N}_]+/u.exec(key)?.[0];
    const group = first === undefined ? other : (byFirstWord.get(first) ?? []);
    if (first !== undefined) byFirstWord.set(first, group);
    group.push(key);
  }
  // One trie per group, built only for the groups the text's words call for.
  const trieOf = (group: readonly string[]) => {
    const trie: NameTrie = { end: false, next: new Map() };
    for (const key of group) {
      // Composed and decomposed forms, so `Zoë` is found however the text encodes the `ë`.
      addToTrie(trie, key);
      addToTrie(trie, key.normalize('NFD'));
    }
    return trie;
  };
  const found: PiiMatch[] = [];
  const take = (candidate: RegExpExecArray) => {
    const span = { start: candidate.index, end: candidate.index + candidate[0].length };
    found.push(match(text, 'name', span, normalizeName(candidate[0])));
  };
  const patterns = new Map<string[], RegExp>();
  for (const word of text.matchAll(WORD_RUN)) {
    const group = byFirstWord.get(word[0].normalize('NFC').toLowerCase());
    if (group === undefined) continue;
    let pattern = patterns.get(group);
    if (pattern === undefined) {
      pattern = new RegExp(`${triePattern(trieOf(group))}${NOT_GLUED}`, 'iuy');
      patterns.set(group, pattern);
    }
    pattern.lastIndex = word.index;
    const candidate = pattern.exec(text);
    if (candidate !== null) take(candidate);
  }
  if (other.length > 0) {
    const pattern = new RegExp(`(?<![\\p{L}\\p{M}\\p{N}_])${triePattern(trieOf(other))}${NOT_GLUED}`, 'giu');
    for (const candidate of text.matchAll(pattern)) take(candidate);
  }
  return found;
}
