/*
 * Hand-written scanners for the name patterns that run over every sentence of an article.
 *
 * Why not the regexes: V8 tests a `\p{Lu}`/`\p{L}` class at every position of the text, and each match costs a
 * call and a result array; on 1 MB of text the two patterns below were among the costliest attribution rules, and
 * these loops take a quarter of their time. They find exactly what the regexes find — the same matches, in the
 * same order, with the same backtracking outcome — and `scan.test.ts` checks them against the regexes on generated
 * text. Change a pattern here and the scanner together.
 *
 * The scanners read UTF-16 code units from a typed array (`unitsOf`), about twice as fast as a string's characters:
 * a sentence is a slice of its paragraph, itself most often a slice of the article, and each character of a slice
 * is read through that indirection. A part of an array, from `start` to `end`, is read just as the text it holds
 * would be alone, so that the sentences of an article are scanned in one array of all its paragraphs (`unitsOfAll`).
 */

/** Full names: two to five capitalized words (or initials), with particles such as "van" or "de" between them. */
export const PERSON_PATTERN =
  /(?<![\p{L}\p{N}.])(?:\p{Lu}[\p{Ll}'’]+(?:-\p{Lu}?\p{Ll}+)?|\p{Lu}\.)(?:[ \t\u00a0]+(?:(?:\p{Lu}[\p{Ll}'’]+(?:-\p{Lu}?\p{Ll}+)?|\p{Lu}\.)|(?:van|von|de|der|da|al|bin|ibn|le|la)(?=[ \t\u00a0]+\p{Lu}))){1,4}/gu;

/** One capitalized word, such as a bare surname. */
export const CAPITALIZED_PATTERN = /(?<![\p{L}])\p{Lu}[\p{Ll}'’-]+(?![\p{L}])/gu;

export interface Span {
  start: number;
  end: number;
}

const UPPER = 1;
const LOWER = 2;
const LETTER = 4;
const NUMBER = 8;
const KNOWN = 0x80;
const LU = /\p{Lu}/u;
const LL = /\p{Ll}/u;
const L = /\p{L}/u;
const N = /\p{N}/u;

function classify(cp: number): number {
  const ch = String.fromCodePoint(cp);
  return (LU.test(ch) ? UPPER : 0) | (LL.test(ch) ? LOWER : 0) | (L.test(ch) ? LETTER : 0) | (N.test(ch) ? NUMBER : 0);
}

// Unicode classes of the Basic Multilingual Plane, filled in as characters are met; a few thousand of the others
const BMP = new Uint8Array(0x10000);
for (let cp = 0; cp < 0x80; cp++) BMP[cp] = classify(cp) | KNOWN;
const ASTRAL = new Map<number, number>();

/** UPPER/LOWER/LETTER/NUMBER bits of a code point; 0 past the end of the text. */
function classOf(cp: number | undefined): number {
  if (cp === undefined) return 0;
  if (cp >= 0x10000) {
    let c = ASTRAL.get(cp);
    if (c === undefined) {
      c = classify(cp);
      if (ASTRAL.size < 4096) ASTRAL.set(cp, c);
    }
    return c;
  }
  let c = BMP[cp] ?? 0;
  if (c === 0) {
    c = classify(cp) | KNOWN;
    BMP[cp] = c;
  }
  return c;
}

export const isLetter = (cp: number | undefined): boolean => (classOf(cp) & LETTER) !== 0;
/** `\p{L}` or `\p{N}` */
export const isWordChar = (cp: number | undefined): boolean => (classOf(cp) & (LETTER | NUMBER)) !== 0;
const isUpper = (cp: number | undefined): boolean => (classOf(cp) & UPPER) !== 0;
const isLower = (cp: number | undefined): boolean => (classOf(cp) & LOWER) !== 0;
const width = (cp: number): number => (cp > 0xffff ? 2 : 1);
const isApostrophe = (cp: number | undefined): boolean => cp === 0x27 || cp === 0x2019;
const isGap = (c: number): boolean => c === 0x20 || c === 0x09 || c === 0xa0;
/** `a`–`z`: most letters of most text, known lower-case without a look-up (NaN, past the end, is not) */
const isAsciiLower = (c: number): boolean => c >= 0x61 && c <= 0x7a;
/** a UTF-16 unit that cannot start a `\p{Lu}` code point: below `À` and not `A`–`Z` */
const cannotBeUpper = (c: number): boolean => c < 0x41 || (c > 0x5a && c < 0xc0);

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** The UTF-16 code units of `s`. */
export function unitsOf(s: string): Uint16Array {
  return unitsOfAll([s]).subarray(0, s.length);
}

/** The UTF-16 code units of `texts` laid end to end, each one after the end of the one before (a line feed between). */
export function unitsOfAll(texts: readonly string[]): Uint16Array {
  let length = 0;
  for (const t of texts) length += t.length + 1;
  if (!LITTLE_ENDIAN) {
    const units = new Uint16Array(length).fill(0x0a);
    let offset = 0;
    for (const t of texts) {
      for (let i = 0; i < t.length; i++) units[offset + i] = t.charCodeAt(i);
      offset += t.length + 1;
    }
    return units;
  }
  // copied by the runtime, as UTF-16LE bytes
  const bytes = Buffer.allocUnsafe(length * 2);
  let offset = 0;
  for (const t of texts) {
    bytes.write(t, offset * 2, 'utf16le');
    offset += t.length;
    bytes.writeUInt16LE(0x0a, offset * 2);
    offset++;
  }
  return new Uint16Array(bytes.buffer, bytes.byteOffset, length);
}

/** The unit at `i`, NaN at or past `end` (as `charCodeAt` past the end of a string). */
const unitAt = (u: Uint16Array, i: number, end: number): number => (i < end ? (u[i] ?? Number.NaN) : Number.NaN);

/** The code point at `i`, a surrogate pair read as one (as `codePointAt`); undefined at or past `end`. */
export function codePointAt(u: Uint16Array, i: number, end: number): number | undefined {
  if (i >= end) return undefined;
  const high = u[i] ?? 0;
  if (high >= 0xd800 && high <= 0xdbff && i + 1 < end) {
    const low = u[i + 1] ?? 0;
    if (low >= 0xdc00 && low <= 0xdfff) return ((high - 0xd800) << 10) + (low - 0xdc00) + 0x10000;
  }
  return high;
}

/**
 * The code point that ends just before `i` (a surrogate pair read as one), as a `/u` lookbehind reads it in a text
 * that begins at `start`; undefined at `start`.
 */
export function codePointBefore(u: Uint16Array, start: number, i: number): number | undefined {
  if (i <= start) return undefined;
  const low = u[i - 1] ?? 0;
  if (low >= 0xdc00 && low <= 0xdfff && i - 2 >= start) {
    const high = u[i - 2] ?? 0;
    if (high >= 0xd800 && high <= 0xdbff) return ((high - 0xd800) << 10) + (low - 0xdc00) + 0x10000;
  }
  return low;
}

/** Where the run of `\p{Ll}` (with `apostrophes`, `[\p{Ll}'’]`) from `p` ends; `p` when there is none. */
function lowerRunEnd(u: Uint16Array, p: number, end: number, apostrophes: boolean): number {
  let r = p;
  for (;;) {
    if (isAsciiLower(unitAt(u, r, end))) r++;
    else {
      const cp = codePointAt(u, r, end);
      if (cp === undefined || !(isLower(cp) || (apostrophes && isApostrophe(cp)))) return r;
      r += width(cp);
    }
  }
}

/** Where `\p{Lu}[\p{Ll}'’]+(?:-\p{Lu}?\p{Ll}+)?|\p{Lu}\.` matching at `p` ends, or -1. */
function nameWordEnd(u: Uint16Array, p: number, end: number): number {
  const first = codePointAt(u, p, end);
  if (first === undefined || !isUpper(first)) return -1;
  const q = p + width(first);
  const r = lowerRunEnd(u, q, end, true);
  if (r === q) return unitAt(u, q, end) === 0x2e ? q + 1 : -1;
  if (unitAt(u, r, end) !== 0x2d) return r;
  // "-Jones" or "-jones": a capital is taken only when a lower-case letter follows it
  let t = r + 1;
  const cap = codePointAt(u, t, end);
  if (cap !== undefined && isUpper(cap) && isLower(codePointAt(u, t + width(cap), end))) t += width(cap);
  const v = lowerRunEnd(u, t, end, false);
  return v > t ? v : r;
}

const PARTICLES = ['van', 'von', 'de', 'der', 'da', 'al', 'bin', 'ibn', 'le', 'la'];

/** Whether `word` (ASCII) is at `p`. */
function isAt(u: Uint16Array, p: number, end: number, word: string): boolean {
  if (p + word.length > end) return false;
  for (let k = 0; k < word.length; k++) if (u[p + k] !== word.charCodeAt(k)) return false;
  return true;
}

/** Where a particle followed by `[ \t\u00a0]+\p{Lu}` matching at `p` ends, or -1. */
function particleEnd(u: Uint16Array, p: number, end: number): number {
  for (const particle of PARTICLES) {
    if (!isAt(u, p, end, particle)) continue;
    const after = p + particle.length;
    let q = after;
    while (q < end && isGap(u[q] ?? 0)) q++;
    if (q > after && isUpper(codePointAt(u, q, end))) return after;
  }
  return -1;
}

/** The matches of PERSON_PATTERN in the text `start`..`end` of `u`, at their offsets in `u`. */
export function personSpansIn(u: Uint16Array, start: number, end: number): Span[] {
  const out: Span[] = [];
  for (let i = start; i < end; ) {
    if (cannotBeUpper(u[i] ?? 0)) {
      i++;
      continue;
    }
    const cp = codePointAt(u, i, end) ?? 0;
    let cur = -1;
    if (isUpper(cp)) {
      const before = codePointBefore(u, start, i);
      if (!isWordChar(before) && before !== 0x2e) cur = nameWordEnd(u, i, end);
    }
    let words = 0;
    while (cur >= 0 && words < 4) {
      let p = cur;
      while (p < end && isGap(u[p] ?? 0)) p++;
      if (p === cur) break;
      let next = nameWordEnd(u, p, end);
      if (next < 0) next = particleEnd(u, p, end);
      if (next < 0) break;
      cur = next;
      words++;
    }
    if (words > 0) {
      out.push({ start: i, end: cur });
      i = cur;
    } else i += width(cp);
  }
  return out;
}

/** The matches of PERSON_PATTERN in `s`. */
export const personSpans = (s: string): Span[] => personSpansIn(unitsOf(s), 0, s.length);

/**
 * Where the match of CAPITALIZED_PATTERN that starts at `i` ends, in the text `start`..`end` of `u`; -1 when no match
 * starts there.
 */
export function capitalizedWordAt(u: Uint16Array, start: number, end: number, i: number): number {
  const cp = codePointAt(u, i, end);
  if (cp === undefined || !isUpper(cp) || isLetter(codePointBefore(u, start, i))) return -1;
  const q = i + width(cp);
  let r = q;
  // the last ' ’ or - inside the run: where the run gives back to when a letter follows it
  let lastMark = -1;
  for (;;) {
    if (isAsciiLower(unitAt(u, r, end))) {
      r++;
      continue;
    }
    const c = codePointAt(u, r, end);
    if (c === undefined) break;
    if (isLower(c)) r += width(c);
    else if (isApostrophe(c) || c === 0x2d) {
      if (r > q) lastMark = r;
      r++;
    } else break;
  }
  return r === q ? -1 : !isLetter(codePointAt(u, r, end)) ? r : lastMark;
}

/** The matches of CAPITALIZED_PATTERN in the text `start`..`end` of `u`, at their offsets in `u`. */
export function capitalizedWordsIn(u: Uint16Array, start: number, end: number): Span[] {
  const out: Span[] = [];
  for (let i = start; i < end; ) {
    if (cannotBeUpper(u[i] ?? 0)) {
      i++;
      continue;
    }
    const wordEnd = capitalizedWordAt(u, start, end, i);
    if (wordEnd > i) {
      out.push({ start: i, end: wordEnd });
      i = wordEnd;
    } else i += width(codePointAt(u, i, end) ?? 0);
  }
  return out;
}

/** The matches of CAPITALIZED_PATTERN in `s`. */
export const capitalizedWords = (s: string): Span[] => capitalizedWordsIn(unitsOf(s), 0, s.length);

/**
 * Spans (sorted and apart, as the scanners give them) kept as two flat lists of offsets. Made for the spans of all the
 * paragraphs of an article, laid end to end: an object for each span and a list for each paragraph would live as long
 * as the article and slow every garbage collection.
 */
export class SpanList {
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];

  /** Appends a span; it starts at or after the end of the last one. */
  push(start: number, end: number): void {
    this.starts.push(start);
    this.ends.push(end);
  }

  /**
   * The spans that lie in `start`..`end`, moved to start at 0; null when one runs over either edge. For the
   * sentences of a paragraph this is what scanning the sentence alone gives: a sentence is set off by whitespace,
   * which neither pattern reads past unless a match runs on over it.
   */
  within(start: number, end: number): Span[] | null {
    // the first span that ends after `start`
    let lo = 0;
    let hi = this.ends.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.ends[mid] ?? 0) <= start) lo = mid + 1;
      else hi = mid;
    }
    const out: Span[] = [];
    for (let i = lo; i < this.starts.length; i++) {
      const from = this.starts[i] ?? end;
      const to = this.ends[i] ?? end;
      if (from >= end) break;
      if (from < start || to > end) return null;
      out.push({ start: from - start, end: to - start });
    }
    return out;
  }
}
