import { unevenSpace } from './normalize.js';
import { mentionTable, person } from './outlets.js';
import {
  capitalizedWordAt,
  codePointAt,
  codePointBefore,
  isLetter,
  isWordChar,
  personSpansIn,
  type Span,
  SpanList,
  unitsOf,
  unitsOfAll,
} from './scan.js';
import type { DraftSource } from './types.js';

export interface Mention {
  source: DraftSource;
  start: number;
  end: number;
}

const isOutletKind = (s: DraftSource): boolean =>
  s.kind === 'OUTLET' || s.kind === 'WIRE_AGENCY' || s.kind === 'PHOTO_AGENCY';

/*
 * Speed. Parsing runs these rules over every sentence, and 1 MB of text is some 10k sentences, so:
 * - full names and capitalized words are found by the scanners in scan.ts, and the full names of a paragraph are
 *   found once and handed to its sentences; known outlets and bodies are found by the scan in `knownMentions`, which
 *   looks for the bare surnames of the article in the same pass;
 * - GOV, ORG and document patterns only run where a cheap keyword test (the *_HINT patterns) says they can match;
 *   the hints, and the nouns of anonymous sources, are matched once per paragraph (HINTS) and each sentence looks
 *   up the matches that lie in it; the sentence cues are read only for the sentences that need them (`Facts`);
 * - anonymous sources read back word by word from the noun (`tokenBefore`) instead of cutting a window into words;
 * - matches are read with `allMatches`, as `matchAll` copies the regex on every call.
 * None of this changes what is found; each hint is found in any text its pattern matches.
 */
const SPEECH_VERBS =
  'said|says|told|tells|stated|states|wrote|writes|added|adds|announced|confirmed|claimed|noted|warned|argued|explained|insisted|denied|posted|tweeted|estimated|predicted|suggested|acknowledged|admitted|alleged|asserted|emphasi[sz]ed|stressed|believes?|thinks?';
const ADVERBS =
  '(?:(?:has|have|had|also|previously|later|earlier|then|reportedly|separately|publicly|first|exclusively|recently|on \\w+)\\s+)*';
const APPOSITIVE = '(?:\\s*,[^,;"“”]{1,80},)?';
const SPEECH_AFTER = new RegExp(`^(?:['’]s?)?${APPOSITIVE}\\s+${ADVERBS}(?:${SPEECH_VERBS})\\b`, 'i');
const SPEECH_BEFORE = /(?:\baccording to|["”],?\s+(?:said|says|added|wrote))\s+(?:the\s+)?$/i;
const DECLINED = new RegExp(
  `^${APPOSITIVE}\\s+${ADVERBS}(?:declined|refused|did not (?:respond|reply|return|immediately|comment)|didn['’]t (?:respond|reply|comment)|could not be reached|(?:was|were) not (?:immediately )?available|ha(?:s|ve) not (?:yet )?responded|would not comment|had no (?:immediate )?comment)`,
  'i',
);
const REPORT_AFTER = new RegExp(
  `^${APPOSITIVE}\\s+${ADVERBS}(?:reported|reports|wrote|writes|said|says|published|revealed|quoted|cited|cites|quotes|broke the news|learned|found|disclosed|obtained)\\b|^['’]s?\\s+(?:own\\s+)?(?:report|reporting|investigation|article|story|analysis|interview|sources?)\\b|^\\s*,\\s*citing\\b|^\\s+(?:report|investigation|article|story|analysis|interview)\\b`,
  'i',
);
const REPORT_BEFORE =
  /(?:\b(?:reported|first reported|reports?|published|revealed|broken|quoted|cited|interviewed) (?:by|in)|\baccording to|\btold|\btelling|\bin (?:comments|remarks|a statement|an interview|a conversation)(?: made| given)? (?:to|with)|\bin an? (?:interview|conversation) with|\bspeaking to|\bspoke to|\bseen by|\bobtained by|\breviewed by|\bwrote in|\bwriting in|\bpublished by)\s+(?:the\s+|a\s+|an\s+)?(?:(?:report|article|story|investigation|interview|piece)\s+(?:by|in|from|with)\s+(?:the\s+)?)?$/i;

const GOV_HINT = /Ministry|Department|Prosecutor General|Security Council|Central Bank|government/;
// the look-ahead for "t" or a capital (a cheap superset of what can start a match) spares most positions the slow
// \p{L} look-behind, as in ORG
const GOV =
  /(?=[tA-Z\u00C0-\u{10FFFF}])(?<![\p{L}])(?:the\s+)?((?:(?:U\.S\.|US|UK|EU|Russian|Ukrainian|British|French|German|Chinese|Polish|Israeli|Iranian|Turkish|Indian|Japanese|Kazakh|Belarusian|Georgian|Swiss|American|European|\p{Lu}\p{Ll}+['’]s)\s+)?(?:(?:Foreign|Defen[cs]e|Interior|Finance|Justice|Economy|Economic Development|Energy|Health|Emergency Situations|Culture|Education|Agriculture|Transport)\s+Ministry|Ministry\s+of\s+\p{Lu}\p{Ll}+(?:\s+(?:and\s+)?\p{Lu}\p{Ll}+)*|(?:State|Justice|Defense|Treasury|Commerce|Homeland Security)\s+Department|Department\s+of\s+\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}+)*|Prosecutor General['’]s Office|Security Council|Central Bank)|(?:U\.S\.|US|UK|Russian|Ukrainian|British|French|German|Chinese|Polish|Israeli|Swiss|\p{Lu}\p{Ll}+['’]s)\s+government)/gu;
const ORG_HINT =
  /Institute|Cent(?:er|re)|University|Foundation|Council|Organi[sz]ation|Commi(?:ssion|ttee)|Association|Watch|Fund|Agency|Think Tank|Group/;
// the look-ahead for a capital (a cheap superset of \p{Lu}) spares most positions the slow \p{L} look-behind
const ORG =
  /(?=[A-Z\u00C0-\u{10FFFF}])(?<![\p{L}])((?:\p{Lu}[\p{L}'’&-]*\s+){0,4}(?:Institute|Center|Centre|University|Foundation|Council|Organi[sz]ation|Commission|Committee|Association|Watch|Fund|Agency|Think Tank|Group)(?:\s+(?:for|of|on)\s+(?:the\s+)?\p{Lu}[\p{L}'’-]*(?:\s+(?:of\s+|for\s+|the\s+|and\s+)?\p{Lu}[\p{L}'’-]*){0,4})?)/gu;
const BODY_PATTERNS = [
  { hint: 'gov', re: GOV, kind: 'GOVERNMENT' },
  { hint: 'org', re: ORG, kind: 'ORGANIZATION' },
] as const;

const NOT_NAME = new Set(
  (
    'President Prime Minister Foreign Defense Defence Deputy Secretary State General Gen. Senator Sen. Rep. Representative Governor Gov. ' +
    'Mayor Chancellor Ambassador Spokesman Spokeswoman Spokesperson Press Chief Mr. Mrs. Ms. Dr. Professor Prof. Director CEO Chairman ' +
    'Chair Head Kremlin White House Pentagon Russian Ukrainian American British French German Chinese Former Vice Special Envoy ' +
    'Commander Colonel Lt. Captain Analyst Economist Pope King Queen Prince Judge Justice Speaker Leader Lawmaker Officer ' +
    'The A An In On At However But And During After Before When While Since Last This That These Those It He She They We I ' +
    'According Meanwhile Earlier Later Still Yet Also Both Some Many Most One Two Three Several Other Another Monday Tuesday ' +
    'Wednesday Thursday Friday Saturday Sunday January February March April May June July August September October November ' +
    'December Moscow Washington Kyiv London Paris Berlin Geneva Brussels Beijing Europe European Western Russia Ukraine U.S. Security Conference Munich'
  ).split(' '),
);

export const NUMBER_WORDS: Record<string, number> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  single: 1,
};
const ANON_ADJ = new Set(['anonymous', 'unnamed', 'unidentified']);
const DESCRIPTIVE = new Set(
  'senior high-ranking top western european american russian ukrainian government administration intelligence diplomatic military security industry kremlin defense defence current former informed knowledgeable other several multiple few'.split(
    ' ',
  ),
);
const QUALIFIERS: RegExp[] = [
  /^\s+familiar with (?:the\s+)?(?:matter|situation|talks|discussions|negotiations|plans?|deliberations|thinking|issue|process|decision|case|investigation|meeting|deal|conversations?|proposal|contacts|discussions)\b/i,
  /^\s+close to (?:the\s+)?(?:\p{Lu}[\p{L}.'’-]*)(?:\s+\p{Lu}[\p{L}.'’-]*)*|^\s+close to (?:the\s+)?[a-z]+(?:\s+(?!said\b|says\b|told\b|who\b|and\b)[a-z]+)?/u,
  /^\s+with (?:direct\s+)?knowledge of (?:the\s+)?[a-z]+/i,
  /^,?\s+(?:who|that) (?:spoke|asked|requested|insisted)\s+(?:to remain anonymous|on (?:the\s+)?condition of anonymity|not to be (?:named|identified)|anonymity)/i,
  /^,?\s+(?:speaking|talking) on (?:the\s+)?condition of anonymity/i,
  /^\s+(?:cited|quoted) by (?:the\s+)?(?:paper|newspaper|outlet|agency|publication|broadcaster|magazine|channel|site|\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*)*)/u,
  /^\s+briefed on (?:the\s+)?[a-z]+/i,
  /^\s+in (?:the\s+)?(?:\p{Lu}[\p{L}.'’-]*)(?:\s+\p{Lu}[\p{L}.'’-]*)*(?=\s+(?:said|say|told|says))/u,
];

// every qualifier starts so: one test rules them all out for most nouns
const QUALIFIER_HINT = /^,?\s+(?:familiar|close|with|who|that|speaking|talking|cited|quoted|briefed|in)\s/i;
const CITING_BEFORE = /\b(?:citing|according to|cited|quoting)\s+(?:\S+\s+){0,3}$/i;
/** "citing two sources", "according to several officials": a citing phrase ends within a few words before `start` */
const citedBefore = (s: string, start: number): boolean => CITING_BEFORE.test(s.slice(Math.max(0, start - 40), start));

// "officials of the port": a group, not a source
const OF_AFTER = /\s+of\b/iy;
const ANON_NOUNS = 'sources?|officials?|people|persons|diplomats?|insiders?|officers?';
// the lookahead repeats the nouns so that the slow \p{L} lookbehind only runs where a noun starts
const ANON_NOUN = new RegExp(`(?=${ANON_NOUNS})(?<![\\p{L}])(${ANON_NOUNS})(?![\\p{L}])`, 'giu');
// ANON_NOUN without its look-behind, which is tested by hand where a noun is found: the same matches, as a noun is
// letters only and no noun can start inside one passed over (it would have a letter before it)
const ANON_NOUN_AHEAD = new RegExp(`(?:${ANON_NOUNS})(?![\\p{L}])`, 'giu');
const DOCUMENT_HINT = /document|memo|filing|letter|cable|mail|assessment|dossier|transcript|recording/;
const DOCUMENT =
  /\b(?:a|an|the)\s+((?:(?:leaked|confidential|internal|classified|secret|draft|court|government|official|intelligence|unpublished|\p{Lu}[\p{L}.]*)\s+){0,3}(?:documents?|memos?|memorandum|filings?|letters?|cables?|e-?mails?|assessments?|dossiers?|transcripts?|recordings?)(?:\s+(?:seen|reviewed|obtained|viewed) by\s+(?:the\s+)?[\p{L}.'’ -]+?(?=[,.;]|\s+(?:and|as|which|that|said|shows?|showed)\b|$))?)/gu;

const RELIES_ON_REPORT =
  /\baccording to (?:the|this|that|their|its) (?:report|article|story|investigation|publication)\b|\bthe (?:report|publication|outlet|agency|paper|newspaper) (?:said|says|added|wrote|reported)\b/i;
const PRONOUN_SPEECH = /\b(?:he|she) (?:said|says|added|told|wrote|noted)\b|\b(?:said|added) (?:he|she)\b/i;
const FOLLOWS_UP =
  /\b(?:previously|earlier|already) reported\b|\bas (?:we|this (?:newspaper|outlet|site)) (?:have |has )?reported\b/i;
// most sentences have none of the three: one test for all of them first
const SENTENCE_CUES = new RegExp([RELIES_ON_REPORT, PRONOUN_SPEECH, FOLLOWS_UP].map((re) => re.source).join('|'), 'i');

/**
 * Hints matched once per paragraph, their matches then handed to the paragraph's sentences (each hint is found in any
 * text its patterns match). A match of a hint, or of ANON_NOUN, is letters and single spaces: it never holds the stop
 * and whitespace between two sentences, so it lies inside one sentence; and a sentence alone has just the matches that
 * lie inside it, as the whitespace on either side of a sentence in its paragraph meets `\b` and the lookarounds as the
 * sentence's edges do.
 */
const HINTS = { gov: GOV_HINT, org: ORG_HINT, document: DOCUMENT_HINT } as const;
type Hint = keyof typeof HINTS;
const HINT_NAMES = Object.keys(HINTS) as Hint[];
const GLOBAL_HINTS = HINT_NAMES.map((hint) => ({ hint, re: new RegExp(HINTS[hint].source, `${HINTS[hint].flags}g`) }));

export interface SentenceFacts {
  /** outlets named with a reporting phrase ("Reuters reported", "told TASS", "a Bloomberg report") */
  reports: Mention[];
  /** people, governments and organizations that speak in the sentence */
  named: Mention[];
  anonymous: Array<Mention & { viaOutlet: DraftSource | null; citedByPaper: boolean; speaks: boolean }>;
  documents: Array<Mention & { viaOutlet: DraftSource | null }>;
  /** every known outlet mentioned, with or without a reporting phrase */
  outlets: Mention[];
  /** every person named in the sentence */
  people: Mention[];
  /** sentence relies on "the report" (the article's wire origin) */
  readonly reliesOnReport: boolean;
  /** sentence uses "he said"/"she said" */
  readonly pronounSpeech: boolean;
  /** "previously reported", "as we reported" */
  readonly followsUp: boolean;
}

/**
 * What a sentence says. Its cues (`reliesOnReport`, `pronounSpeech`, `followsUp`) are read when asked for: an article
 * needs them only for the sentences of its quotes and links.
 */
class Facts implements SentenceFacts {
  private hasCues: boolean | undefined;

  constructor(
    private readonly s: string,
    private readonly publisher: DraftSource | null,
    readonly reports: Mention[],
    readonly named: Mention[],
    readonly anonymous: SentenceFacts['anonymous'],
    readonly documents: SentenceFacts['documents'],
    readonly outlets: Mention[],
    readonly people: Mention[],
  ) {}

  /** false where none of the three cues can be */
  private cues(): boolean {
    this.hasCues ??= SENTENCE_CUES.test(this.s);
    return this.hasCues;
  }

  get reliesOnReport(): boolean {
    return this.cues() && RELIES_ON_REPORT.test(this.s);
  }

  get pronounSpeech(): boolean {
    return this.cues() && PRONOUN_SPEECH.test(this.s);
  }

  get followsUp(): boolean {
    const s = this.s;
    const own = this.publisher?.name;
    return (
      (this.cues() && FOLLOWS_UP.test(s)) ||
      this.outlets.some(
        (m) => m.source.name === own && (REPORT_AFTER.test(after(s, m)) || /\bas\s+$/i.test(before(s, m))),
      )
    );
  }
}

/** The code units of a sentence: in `u` from `start`. */
interface SentenceUnits {
  u: Uint16Array;
  start: number;
}

/** Where a sentence starts: paragraph index and offset in that paragraph, which `splitSentences` cut it from. */
export interface SentenceAt {
  paragraph: number;
  start: number;
}

const before = (s: string, m: Mention): string => s.slice(Math.max(0, m.start - 80), m.start);
const after = (s: string, m: Mention): string => s.slice(m.end, m.end + 120);
/** a person or body speaks: "X said", "according to X", and not "X declined to comment" */
const speaks = (s: string, m: Mention): boolean => {
  const next = after(s, m);
  return !DECLINED.test(next) && (SPEECH_AFTER.test(next) || SPEECH_BEFORE.test(before(s, m)));
};

/** Index of the first span of `spans` (sorted by start) that starts at or after `at`. */
function firstFrom(spans: ReadonlyArray<{ start: number }>, at: number): number {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((spans[mid]?.start ?? at) < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The parts of a sentence already given to a source, kept as sorted, merged spans so that one binary search tells
 * whether a (non-empty) span overlaps any of them: checking a list per mention took quadratic time on a sentence
 * naming thousands. Outlets are searched the same way, being sorted and apart.
 */
class Claimed {
  private readonly spans: Array<{ start: number; end: number }> = [];

  constructor(spans: ReadonlyArray<{ start: number; end: number }>) {
    // most come in order: copied and sorted only when not
    let sorted = true;
    for (let i = 1; i < spans.length && sorted; i++) sorted = (spans[i - 1]?.start ?? 0) <= (spans[i]?.start ?? 0);
    for (const m of sorted ? spans : [...spans].sort((a, b) => a.start - b.start)) {
      const last = this.spans.at(-1);
      if (last && m.start < last.end) last.end = Math.max(last.end, m.end);
      else this.spans.push({ start: m.start, end: m.end });
    }
  }

  overlaps(a: { start: number; end: number }): boolean {
    const b = this.spans[firstFrom(this.spans, a.end) - 1];
    return b !== undefined && a.start < b.end;
  }

  add(a: { start: number; end: number }): void {
    let i = firstFrom(this.spans, a.start);
    if ((this.spans[i - 1]?.end ?? -1) > a.start) i--;
    let j = i;
    let { start, end } = a;
    for (let b = this.spans[j]; b && b.start < end; b = this.spans[++j]) {
      start = Math.min(start, b.start);
      end = Math.max(end, b.end);
    }
    this.spans.splice(i, j - i, { start, end });
  }
}

/** Every match of a global regex, as `matchAll` gives them, without the copy of the regex `matchAll` makes per call. */
function allMatches(re: RegExp, s: string): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    out.push(m);
    if (m[0] === '') re.lastIndex++;
  }
  return out;
}

/** `s.toLowerCase()`, without a new string where `s` has no capital (most words) */
function lowerCase(s: string): string {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c >= 0x41 && c <= 0x5a) || c >= 0x80) return s.toLowerCase();
  }
  return s;
}

/** `/^\d+$/`, without the regex */
function isDigits(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return false;
  }
  return s.length > 0;
}

/** Index of the first number of `xs` (sorted) that is greater than `x`. */
function firstAbove(xs: readonly number[], x: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((xs[mid] ?? x) <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** `raw` without a possessive and without title words at either end; null unless two or more name words are left. */
function cleanName(raw: string): string | null {
  const bare = raw.endsWith("'s") || raw.endsWith('’s') ? raw.slice(0, -2) : raw;
  const words = unevenSpace(bare) ? bare.split(/\s+/) : bare.split(' ');
  while (words.length && NOT_NAME.has(words[0] ?? '')) words.shift();
  while (words.length && NOT_NAME.has(words.at(-1) ?? '')) words.pop();
  if (words.length < 2 || words.some((w) => NOT_NAME.has(w))) return null;
  return words.join(' ');
}

/** A known name (or a surname the article explains) with its code units, to be compared in place. */
interface KnownName {
  units: Uint16Array;
  source: DraftSource;
  surname: boolean;
}

/** Whether `units` are at `i` of `u`, the last one compared first: many names start alike ("The …"). */
function unitsAt(u: Uint16Array, i: number, units: Uint16Array): boolean {
  const n = units.length;
  if (u[i + n - 1] !== units[n - 1]) return false;
  for (let k = 0; k < n - 1; k++) if (u[i + k] !== units[k]) return false;
  return true;
}

const isTokenChar = (cp: number): boolean =>
  cp === 0x2e || cp === 0x27 || cp === 0x2019 || cp === 0x2d || isWordChar(cp);
const SPACE = /\s/;
/** `\s`, for one UTF-16 unit */
const isSpace = (c: number): boolean =>
  c === 0x20 || (c >= 0x09 && c <= 0x0d) || (c >= 0x80 && SPACE.test(String.fromCharCode(c)));

/** The code point ending at `i`, reading no further back than `from` (a pair cut there is a lone surrogate). */
function codePointBetween(s: string, from: number, i: number): number {
  const low = s.charCodeAt(i - 1);
  if (low >= 0xdc00 && low <= 0xdfff && i - 2 >= from) {
    const high = s.charCodeAt(i - 2);
    if (high >= 0xd800 && high <= 0xdbff) return ((high - 0xd800) << 10) + (low - 0xdc00) + 0x10000;
  }
  return low;
}

/**
 * The word (a run of `[\p{L}\p{N}.'’-]`, as a regex would cut `s.slice(from, to)` into words) that starts last
 * before `limit`, or null when none does or something other than whitespace lies between it and `limit`.
 * Reading back from the noun stops after a word or two, where cutting the whole 80-character window did not.
 */
function tokenBefore(
  s: string,
  from: number,
  to: number,
  limit: number,
): { text: string; start: number; end: number } | null {
  let p = limit;
  while (p > from && isSpace(s.charCodeAt(p - 1))) p--;
  if (p <= from || !isTokenChar(codePointBetween(s, from, p))) return null;
  let start = p;
  while (start > from) {
    const cp = codePointBetween(s, from, start);
    if (!isTokenChar(cp)) break;
    start -= cp > 0xffff ? 2 : 1;
  }
  let end = p;
  while (end < to) {
    const high = s.charCodeAt(end);
    const pair = high >= 0xd800 && high <= 0xdbff && end + 1 < to && (s.charCodeAt(end + 1) & 0xfc00) === 0xdc00;
    if (!isTokenChar(pair ? (s.codePointAt(end) ?? high) : high)) break;
    end += pair ? 2 : 1;
  }
  return { text: s.slice(start, end), start, end };
}

/** Finds outlets, bodies, people and anonymous sources in sentences of one article. */
export class EntityFinder {
  /** known names (longest first), then the article's surnames, by their first two characters */
  private readonly buckets: KnownName[][] = [];
  /** 1 + the index in `buckets` of the names starting with these two char codes, both < 128 (`c0 << 7 | c1`) */
  private readonly bucketOf = new Uint16Array(128 * 128);
  /** the same for names starting otherwise (`c0 * 0x10000 + c1`) */
  private readonly wideBucketOf = new Map<number, number>();
  private readonly known = new Map<string, DraftSource>();
  private readonly people = new Map<string, DraftSource>();
  private readonly surnames = new Map<string, DraftSource>();
  private readonly cleanNames = new Map<string, string | null>();
  /** governments, organizations and documents by kind and name: one object for each, as for people and outlets */
  private readonly named = new Map<string, DraftSource>();
  /*
   * What the paragraphs hold, found once for the whole article and looked up by their sentences: offsets into the
   * paragraphs laid end to end (one apart), kept in flat lists of numbers, as an object or a list per paragraph would
   * live as long as the article and slow every garbage collection.
   */
  /** where each paragraph starts */
  private readonly paragraphStarts: number[] = [];
  /** the code units of the paragraphs, for the scanners */
  private readonly units: Uint16Array;
  /** full names (PERSON_PATTERN) */
  private readonly names = new SpanList();
  /** where the matches of each of HINTS end */
  private readonly hintEnds: Record<Hint, number[]> = { gov: [], org: [], document: [] };
  /** ANON_NOUN matches */
  private readonly nouns = new SpanList();

  /**
   * `articleTexts` (title, paragraphs, boilerplate) decide which aliases apply; full names are learnt from the
   * `paragraphs` only (titles are Title Case). Taken as lists: joining 1 MB of text into one string costs more than
   * reading it.
   */
  constructor(articleTexts: readonly string[], paragraphs: readonly string[]) {
    const base = mentionTable(() => false);
    const wsj = base.filter((r) => r.source.name === 'The Wall Street Journal').map((r) => r.text);
    // "The Journal" means the WSJ only where the WSJ is named in the article
    const allowContext = wsj.some((n) => articleTexts.some((t) => t.includes(n)));
    const rows = mentionTable(() => allowContext);
    for (const r of rows) if (!this.known.has(r.text)) this.known.set(r.text, r.source);
    for (const r of rows) {
      if (r.text.length < 2) throw new Error(`known name ${r.text} must have two characters or more`);
      this.addName(r.text, this.known.get(r.text) ?? r.source, false);
    }
    // full names anywhere in the article let a later bare surname ("Petrov said") resolve
    this.units = unitsOfAll(paragraphs);
    let offset = 0;
    for (const paragraph of paragraphs) {
      this.paragraphStarts.push(offset);
      for (const { hint, re } of GLOBAL_HINTS) {
        re.lastIndex = 0;
        while (re.test(paragraph)) this.hintEnds[hint].push(offset + re.lastIndex);
      }
      ANON_NOUN_AHEAD.lastIndex = 0;
      for (let m = ANON_NOUN_AHEAD.exec(paragraph); m; m = ANON_NOUN_AHEAD.exec(paragraph)) {
        const start = offset + m.index;
        if (!isLetter(codePointBefore(this.units, offset, start))) this.nouns.push(start, start + m[0].length);
      }
      const spans = personSpansIn(this.units, offset, offset + paragraph.length);
      for (const m of spans) this.names.push(m.start, m.end);
      for (const m of spans) {
        const name = this.cleanName(paragraph.slice(m.start - offset, m.end - offset));
        if (!name || this.known.has(name) || this.people.has(name)) continue;
        const p = person(name);
        this.people.set(name, p);
        // a clean name is words set apart by single spaces
        const surname = name.slice(name.lastIndexOf(' ') + 1);
        if (surname && !this.surnames.has(surname)) this.surnames.set(surname, p);
      }
      offset += paragraph.length + 1;
    }
    // looked for with the known names; a capitalized word has two characters or more
    for (const [surname, p] of this.surnames) if (surname.length >= 2) this.addName(surname, p, true);
  }

  private addName(text: string, source: DraftSource, surname: boolean): void {
    const c0 = text.charCodeAt(0);
    const c1 = text.charCodeAt(1);
    const ascii = (c0 | c1) < 0x80;
    let index = ascii ? (this.bucketOf[(c0 << 7) | c1] ?? 0) : (this.wideBucketOf.get(c0 * 0x10000 + c1) ?? 0);
    if (index === 0) {
      index = this.buckets.push([]);
      if (ascii) this.bucketOf[(c0 << 7) | c1] = index;
      else this.wideBucketOf.set(c0 * 0x10000 + c1, index);
    }
    this.buckets[index - 1]?.push({ units: unitsOf(text), source, surname });
  }

  /** The source of `kind` named `name`, the same object each time it is named. */
  private namedSource(kind: 'GOVERNMENT' | 'ORGANIZATION' | 'DOCUMENT', name: string): DraftSource {
    const key = `${kind}|${name}`;
    let source = this.named.get(key);
    if (!source) {
      source = { name, kind, aliases: [], domain: null, anonymousCount: null, relayedBy: null };
      this.named.set(key, source);
    }
    return source;
  }

  /** `cleanName`, remembered: an article names the same people again and again */
  private cleanName(raw: string): string | null {
    let name = this.cleanNames.get(raw);
    if (name === undefined) {
      name = cleanName(raw);
      this.cleanNames.set(raw, name);
    }
    return name;
  }

  /**
   * Known outlets and bodies named in `s`: leftmost first, the longest name at a position, whole words only.
   * A scan that stops only where a name can start: one regex alternating ~100 names tried them at every position.
   * Names are looked up by two characters, not one: "th" and "do" would send every "the" and "do" to the names.
   */
  knownMentions(s: string): Mention[] {
    return this.knownIn(unitsOf(s), 0, s.length);
  }

  /**
   * `knownMentions` of the text `start`..`end` of `u`, at offsets from `start`; with `surnames`, the same scan adds to
   * it the surnames named alone (a whole capitalized word, CAPITALIZED_PATTERN), other than inside a known name.
   */
  private knownIn(u: Uint16Array, start: number, end: number, surnames?: Mention[]): Mention[] {
    const out: Mention[] = [];
    const bucketOf = this.bucketOf;
    const wide = this.wideBucketOf.size > 0;
    // every name has two characters or more: none starts at the last one
    for (let i = start; i < end - 1; i++) {
      const c0 = u[i] ?? 0;
      const c1 = u[i + 1] ?? 0;
      const bucket =
        (c0 | c1) < 0x80 ? (bucketOf[(c0 << 7) | c1] ?? 0) : wide ? (this.wideBucketOf.get(c0 * 0x10000 + c1) ?? 0) : 0;
      if (bucket === 0) continue;
      let wordBefore: boolean | undefined;
      for (const name of this.buckets[bucket - 1] ?? []) {
        const stop = i + name.units.length;
        if (stop > end || !unitsAt(u, i, name.units)) continue;
        if (name.surname) {
          if (surnames && capitalizedWordAt(u, start, end, i) === stop)
            surnames.push({ source: name.source, start: i - start, end: stop - start });
          continue;
        }
        wordBefore ??= isWordChar(codePointBefore(u, start, i));
        if (wordBefore || isWordChar(codePointAt(u, stop, end))) continue;
        out.push({ source: name.source, start: i - start, end: stop - start });
        i = stop - 1;
        break;
      }
    }
    return out;
  }

  private bodyMentions(s: string, taken: Mention[], at: SentenceAt | undefined): Mention[] {
    const out: Mention[] = [];
    let claimed: Claimed | undefined;
    for (const { hint, re, kind } of BODY_PATTERNS) {
      if (!this.has(hint, s, at)) continue;
      for (const m of allMatches(re, s)) {
        const name = (m[1] ?? m[0]).trim().replace(/^The\s+/, '');
        const start = m.index + m[0].indexOf(name);
        const mention = { start, end: start + name.length };
        claimed ??= new Claimed(taken);
        if (claimed.overlaps(mention)) continue;
        claimed.add(mention);
        out.push({
          ...mention,
          source: this.namedSource(kind, name),
        });
      }
    }
    return out;
  }

  /** Where the sentence that `at` places starts in the paragraphs laid end to end; undefined without `at`. */
  private offsetOf(at: SentenceAt | undefined): number | undefined {
    if (!at) return undefined;
    const paragraphStart = this.paragraphStarts[at.paragraph];
    return paragraphStart === undefined ? undefined : paragraphStart + at.start;
  }

  /** Whether sentence `s` has a match for `hint`: read from its paragraph's matches when `at` places it. */
  private has(hint: Hint, s: string, at: SentenceAt | undefined): boolean {
    const from = this.offsetOf(at);
    if (from === undefined) return HINTS[hint].test(s);
    const ends = this.hintEnds[hint];
    const end = ends[firstAbove(ends, from)];
    return end !== undefined && end <= from + s.length;
  }

  /** ANON_NOUN matches of sentence `s`: its paragraph's, unless one runs over the sentence's edge. */
  private nounSpans(s: string, at: SentenceAt | undefined): Span[] {
    const from = this.offsetOf(at);
    const spans = from === undefined ? null : this.nouns.within(from, from + s.length);
    return spans ?? allMatches(ANON_NOUN, s).map((m) => ({ start: m.index, end: m.index + m[0].length }));
  }

  /** Full-name spans of sentence `s`: its paragraph's, unless one runs over the sentence's edge. */
  private nameSpans(s: string, units: SentenceUnits): Span[] {
    const { u, start } = units;
    const end = start + s.length;
    const within = u === this.units ? this.names.within(start, end) : null;
    return within ?? personSpansIn(u, start, end).map((m) => ({ start: m.start - start, end: m.end - start }));
  }

  /** People named in `s`: full names, and the `surnames` (from `knownIn`) of people named in full before. */
  private personMentions(s: string, taken: Mention[], units: SentenceUnits, surnames: Mention[]): Mention[] {
    const out: Mention[] = [];
    let claimed: Claimed | undefined;
    for (const m of this.nameSpans(s, units)) {
      const raw = s.slice(m.start, m.end).replace(/['’]s$/, '');
      const name = this.cleanName(raw);
      if (!name) continue;
      const start = m.start + raw.indexOf(name);
      const mention = { start, end: start + name.length };
      claimed ??= new Claimed(taken);
      if (claimed.overlaps(mention)) continue;
      out.push({ ...mention, source: this.people.get(name) ?? person(name) });
    }
    // a bare surname that an earlier full name explains, where no other source is named
    let named: Claimed | undefined;
    for (const { start, end, source } of surnames) {
      const mention = { start, end };
      named ??= new Claimed([...taken, ...out]);
      if (named.overlaps(mention)) continue;
      named.add(mention);
      out.push({ ...mention, source });
    }
    return out;
  }

  /** What sentence `s` says; `at` places it in the paragraphs given to the constructor, which saves work. */
  facts(s: string, publisher: DraftSource | null, at?: SentenceAt): SentenceFacts {
    const from = this.offsetOf(at);
    const units: SentenceUnits = from === undefined ? { u: unitsOf(s), start: 0 } : { u: this.units, start: from };
    const surnames: Mention[] = [];
    const known = this.knownIn(units.u, units.start, units.start + s.length, surnames);
    const outlets: Mention[] = [];
    const bodies: Mention[] = [];
    for (const m of known) (isOutletKind(m.source) ? outlets : bodies).push(m);
    for (const m of this.bodyMentions(s, known, at)) bodies.push(m);
    const people = this.personMentions(s, outlets.length ? [...outlets, ...bodies] : bodies, units, surnames);

    const reports: Mention[] = [];
    for (const m of outlets) if (REPORT_AFTER.test(after(s, m)) || REPORT_BEFORE.test(before(s, m))) reports.push(m);
    const named: Mention[] = [];
    for (const m of bodies) if (speaks(s, m)) named.push(m);
    for (const m of people) if (speaks(s, m)) named.push(m);
    if (named.length > 1) named.sort((a, b) => a.start - b.start);
    const anonymous = this.anonymous(s, outlets, reports, at);
    const documents = this.documents(s, outlets, at);
    return new Facts(s, publisher, reports, named, anonymous, documents, outlets, people);
  }

  private anonymous(
    s: string,
    outlets: Mention[],
    reports: Mention[],
    at: SentenceAt | undefined,
  ): SentenceFacts['anonymous'] {
    const out: SentenceFacts['anonymous'] = [];
    for (const m of this.nounSpans(s, at)) {
      const noun = s.slice(m.start, m.end);
      const nounEnd = m.end;
      OF_AFTER.lastIndex = nounEnd;
      if (OF_AFTER.test(s)) continue;
      // walk back over count words, adjectives and outlet names ("two unnamed officials", "one Reuters source")
      const from = Math.max(0, m.start - 80);
      let start = m.start;
      let count: number | null = null;
      let anonAdj = false;
      let via: DraftSource | null = null;
      let counted = false;
      for (let w = tokenBefore(s, from, m.start, start); w; w = tokenBefore(s, from, m.start, start)) {
        const lw = lowerCase(w.text);
        const digits = isDigits(lw);
        // outlets are sorted and apart: only the last one starting by the word can hold it
        const last = outlets[firstFrom(outlets, w.start + 1) - 1];
        const outlet = last && last.end >= w.end ? last : undefined;
        if (digits || (Object.hasOwn(NUMBER_WORDS, lw) && lw !== 'a' && lw !== 'an' && lw !== 'single')) {
          count = digits ? Number(lw) : (NUMBER_WORDS[lw] ?? null);
          counted = true;
          start = w.start;
          break;
        }
        if (lw === 'a' || lw === 'an' || lw === 'single') {
          count = 1;
          counted = true;
          break;
        }
        if (outlet) {
          via = outlet.source;
          start = outlet.start;
          continue;
        }
        if (ANON_ADJ.has(lw)) anonAdj = true;
        else if (!DESCRIPTIVE.has(lw) && !/^(?:U\.S\.|U\.K\.|E\.U\.)$/.test(w.text)) break;
        start = w.start;
      }
      const rest = s.slice(nounEnd, nounEnd + 120);
      let qualifier = '';
      for (const q of QUALIFIER_HINT.test(rest) ? QUALIFIERS : []) {
        qualifier = q.exec(rest)?.[0] ?? '';
        if (qualifier) break;
      }
      // named groups ("port officials") are not anonymous; bare "sources" are when something marks them
      const isSource = /^sources?$/i.test(noun);
      if (!anonAdj && qualifier === '' && !isSource) continue;
      const speaking = SPEECH_AFTER.test(s.slice(nounEnd + qualifier.length, nounEnd + qualifier.length + 60));
      if (!anonAdj && qualifier === '' && via === null && !counted && !speaking && !citedBefore(s, start)) continue;
      const citedBy = /^\s+(?:cited|quoted) by (?:the\s+)?(.+)$/i.exec(qualifier);
      const citedOutlet = citedBy ? outlets[firstFrom(outlets, nounEnd)] : undefined;
      const citedByPaper = citedBy !== null && !citedOutlet;
      const end = nounEnd + qualifier.replace(/^,/, '').length + (qualifier.startsWith(',') ? 1 : 0);
      let name = s
        .slice(start, end)
        .replace(/^,|,$/g, '')
        .replace(/\banonymous\s+/i, '');
      name = (unevenSpace(name) ? name.replace(/\s+/g, ' ') : name).trim();
      if (/^\p{Lu}\p{Ll}/u.test(name) && outlets[firstFrom(outlets, start)]?.start !== start)
        name = name[0]?.toLowerCase() + name.slice(1);
      const sameSentenceOutlet = reports[0]?.source ?? null;
      if (!counted && /^(?:source|official|person|diplomat|insider|officer)$/i.test(noun)) count = 1;
      out.push({
        start,
        end,
        source: {
          name,
          kind: 'ANONYMOUS',
          aliases: [],
          domain: null,
          anonymousCount: count,
          relayedBy: null,
        },
        viaOutlet: via ?? citedOutlet?.source ?? sameSentenceOutlet,
        citedByPaper,
        speaks: speaking,
      });
    }
    return out;
  }

  private documents(s: string, outlets: Mention[], at: SentenceAt | undefined): SentenceFacts['documents'] {
    const out: SentenceFacts['documents'] = [];
    if (!this.has('document', s, at)) return out;
    for (const m of allMatches(DOCUMENT, s)) {
      const phrase = m[1] ?? '';
      const start = m.index + m[0].indexOf(phrase);
      const seenBy = /\b(?:seen|reviewed|obtained|viewed) by\b/.test(phrase);
      const accordingTo = /\baccording to\s+$/i.test(s.slice(Math.max(0, m.index - 20), m.index));
      if (!seenBy && !accordingTo) continue;
      const next = outlets[firstFrom(outlets, start)];
      const via = next && next.end <= start + phrase.length ? next.source : null;
      out.push({
        start,
        end: start + phrase.length,
        source: this.namedSource('DOCUMENT', phrase),
        viaOutlet: via,
      });
    }
    return out;
  }
}
