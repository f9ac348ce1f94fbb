import { mentionTable, person } from './outlets.js';
import type { DraftSource } from './types.js';

export interface Mention {
  source: DraftSource;
  start: number;
  end: number;
}

const esc = (s: string): string => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const isOutletKind = (s: DraftSource): boolean =>
  s.kind === 'OUTLET' || s.kind === 'WIRE_AGENCY' || s.kind === 'PHOTO_AGENCY';

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

const GOV =
  /(?<![\p{L}])(?:the\s+)?((?:(?:U\.S\.|US|UK|EU|Russian|Ukrainian|British|French|German|Chinese|Polish|Israeli|Iranian|Turkish|Indian|Japanese|Kazakh|Belarusian|Georgian|Swiss|American|European|\p{Lu}\p{Ll}+['’]s)\s+)?(?:(?:Foreign|Defen[cs]e|Interior|Finance|Justice|Economy|Economic Development|Energy|Health|Emergency Situations|Culture|Education|Agriculture|Transport)\s+Ministry|Ministry\s+of\s+\p{Lu}\p{Ll}+(?:\s+(?:and\s+)?\p{Lu}\p{Ll}+)*|(?:State|Justice|Defense|Treasury|Commerce|Homeland Security)\s+Department|Department\s+of\s+\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}+)*|Prosecutor General['’]s Office|Security Council|Central Bank)|(?:U\.S\.|US|UK|Russian|Ukrainian|British|French|German|Chinese|Polish|Israeli|Swiss|\p{Lu}\p{Ll}+['’]s)\s+government)/gu;
const ORG =
  /(?<![\p{L}])((?:\p{Lu}[\p{L}'’&-]*\s+){0,4}(?:Institute|Center|Centre|University|Foundation|Council|Organi[sz]ation|Commission|Committee|Association|Watch|Fund|Agency|Think Tank|Group)(?:\s+(?:for|of|on)\s+(?:the\s+)?\p{Lu}[\p{L}'’-]*(?:\s+(?:of\s+|for\s+|the\s+|and\s+)?\p{Lu}[\p{L}'’-]*){0,4})?)/gu;
const NAME_WORD = String.raw`(?:\p{Lu}[\p{Ll}'’]+(?:-\p{Lu}?\p{Ll}+)?|\p{Lu}\.)`;
const PERSON = new RegExp(
  String.raw`(?<![\p{L}\p{N}.])${NAME_WORD}(?:[ \t\u00a0]+(?:${NAME_WORD}|(?:van|von|de|der|da|al|bin|ibn|le|la)(?=[ \t\u00a0]+\p{Lu}))){1,4}`,
  'gu',
);
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
  reliesOnReport: boolean;
  /** sentence uses "he said"/"she said" */
  pronounSpeech: boolean;
  /** "previously reported", "as we reported" */
  followsUp: boolean;
}

const overlaps = (a: { start: number; end: number }, list: Array<{ start: number; end: number }>): boolean =>
  list.some((b) => a.start < b.end && b.start < a.end);

/** Finds outlets, bodies, people and anonymous sources in sentences of one article. */
export class EntityFinder {
  private readonly knownRe: RegExp;
  private readonly known = new Map<string, DraftSource>();
  private readonly people = new Map<string, DraftSource>();
  private readonly surnames = new Map<string, DraftSource>();

  /** `articleText` decides which aliases apply; full names are learnt from `bodyText` only (titles are Title Case). */
  constructor(articleText: string, bodyText: string) {
    const base = mentionTable(() => false);
    const wsj = base.filter((r) => r.source.name === 'The Wall Street Journal').map((r) => r.text);
    // "The Journal" means the WSJ only where the WSJ is named in the article
    const allowContext = wsj.some((n) => articleText.includes(n));
    const rows = mentionTable(() => allowContext);
    for (const r of rows) if (!this.known.has(r.text)) this.known.set(r.text, r.source);
    this.knownRe = new RegExp(
      `(?<![\\p{L}\\p{N}])(?:${rows.map((r) => esc(r.text)).join('|')})(?![\\p{L}\\p{N}])`,
      'gu',
    );
    // full names anywhere in the article let a later bare surname ("Petrov said") resolve
    for (const m of bodyText.matchAll(PERSON)) {
      const name = this.cleanName(m[0]);
      if (!name || this.known.has(name)) continue;
      const p = this.people.get(name) ?? person(name);
      this.people.set(name, p);
      const surname = name.split(' ').at(-1);
      if (surname && !this.surnames.has(surname)) this.surnames.set(surname, p);
    }
  }

  private cleanName(raw: string): string | null {
    const words = raw.replace(/['’]s$/, '').split(/\s+/);
    while (words.length && NOT_NAME.has(words[0] ?? '')) words.shift();
    while (words.length && NOT_NAME.has(words.at(-1) ?? '')) words.pop();
    if (words.length < 2 || words.some((w) => NOT_NAME.has(w))) return null;
    return words.join(' ');
  }

  knownMentions(s: string): Mention[] {
    const out: Mention[] = [];
    for (const m of s.matchAll(this.knownRe)) {
      const source = this.known.get(m[0]);
      if (source) out.push({ source, start: m.index, end: m.index + m[0].length });
    }
    return out;
  }

  private bodyMentions(s: string, taken: Mention[]): Mention[] {
    const out: Mention[] = [];
    for (const [re, kind] of [
      [GOV, 'GOVERNMENT'],
      [ORG, 'ORGANIZATION'],
    ] as const) {
      for (const m of s.matchAll(re)) {
        const name = (m[1] ?? m[0]).trim().replace(/^The\s+/, '');
        const start = m.index + m[0].indexOf(name);
        const mention = { start, end: start + name.length };
        if (overlaps(mention, [...taken, ...out])) continue;
        out.push({
          ...mention,
          source: { name, kind, aliases: [], domain: null, anonymousCount: null, relayedBy: null },
        });
      }
    }
    return out;
  }

  private personMentions(s: string, taken: Mention[]): Mention[] {
    const out: Mention[] = [];
    for (const m of s.matchAll(PERSON)) {
      const raw = m[0].replace(/['’]s$/, '');
      const name = this.cleanName(raw);
      if (!name) continue;
      const start = m.index + raw.indexOf(name);
      const mention = { start, end: start + name.length };
      if (overlaps(mention, taken)) continue;
      out.push({ ...mention, source: this.people.get(name) ?? person(name) });
    }
    // a bare surname that an earlier full name explains
    for (const m of s.matchAll(/(?<![\p{L}])\p{Lu}[\p{Ll}'’-]+(?![\p{L}])/gu)) {
      const mention = { start: m.index, end: m.index + m[0].length };
      if (overlaps(mention, [...taken, ...out])) continue;
      const full = this.surnames.get(m[0]);
      if (full) out.push({ ...mention, source: full });
    }
    return out;
  }

  facts(s: string, publisher: DraftSource | null): SentenceFacts {
    const known = this.knownMentions(s);
    const outlets = known.filter((m) => isOutletKind(m.source));
    const bodies = [...known.filter((m) => !isOutletKind(m.source)), ...this.bodyMentions(s, known)];
    const people = this.personMentions(s, [...known, ...bodies]);
    const before = (m: Mention) => s.slice(Math.max(0, m.start - 80), m.start);
    const after = (m: Mention) => s.slice(m.end, m.end + 120);
    const isPublisher = (m: Mention) => publisher !== null && m.source.name === publisher.name;

    const reports = outlets.filter((m) => REPORT_AFTER.test(after(m)) || REPORT_BEFORE.test(before(m)));
    const named = [...bodies, ...people]
      .filter((m) => !DECLINED.test(after(m)) && (SPEECH_AFTER.test(after(m)) || SPEECH_BEFORE.test(before(m))))
      .sort((a, b) => a.start - b.start);
    const anonymous = this.anonymous(s, outlets, reports);
    const documents = this.documents(s, outlets);
    return {
      reports,
      named,
      anonymous,
      documents,
      outlets,
      people,
      reliesOnReport:
        /\baccording to (?:the|this|that|their|its) (?:report|article|story|investigation|publication)\b|\bthe (?:report|publication|outlet|agency|paper|newspaper) (?:said|says|added|wrote|reported)\b/i.test(
          s,
        ),
      pronounSpeech: /\b(?:he|she) (?:said|says|added|told|wrote|noted)\b|\b(?:said|added) (?:he|she)\b/i.test(s),
      followsUp:
        /\b(?:previously|earlier|already) reported\b|\bas (?:we|this (?:newspaper|outlet|site)) (?:have |has )?reported\b/i.test(
          s,
        ) || outlets.some((m) => isPublisher(m) && (REPORT_AFTER.test(after(m)) || /\bas\s+$/i.test(before(m)))),
    };
  }

  private anonymous(s: string, outlets: Mention[], reports: Mention[]): SentenceFacts['anonymous'] {
    const out: SentenceFacts['anonymous'] = [];
    for (const m of s.matchAll(
      /(?<![\p{L}])(sources?|officials?|people|persons|diplomats?|insiders?|officers?)(?![\p{L}])/giu,
    )) {
      const noun = m[1] ?? '';
      const nounEnd = m.index + noun.length;
      if (/^\s+of\b/i.test(s.slice(nounEnd))) continue;
      // walk back over count words, adjectives and outlet names ("two unnamed officials", "one Reuters source")
      const from = Math.max(0, m.index - 80);
      const tokens = [...s.slice(from, m.index).matchAll(/[\p{L}\p{N}.'’-]+/gu)].map((w) => ({
        text: w[0],
        start: from + w.index,
        end: from + w.index + w[0].length,
      }));
      let start = m.index;
      let count: number | null = null;
      let anonAdj = false;
      let via: DraftSource | null = null;
      let counted = false;
      for (let i = tokens.length - 1; i >= 0; i--) {
        const w = tokens[i];
        if (!w || !/^\s*$/.test(s.slice(w.end, start))) break;
        const lw = w.text.toLowerCase();
        const outlet = outlets.find((o) => o.start <= w.start && o.end >= w.end);
        if (/^\d+$/.test(lw) || (lw in NUMBER_WORDS && !['a', 'an', 'single'].includes(lw))) {
          count = /^\d+$/.test(lw) ? Number(lw) : (NUMBER_WORDS[lw] ?? null);
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
          while (i > 0 && (tokens[i - 1]?.start ?? -1) >= outlet.start) i--;
          continue;
        }
        if (ANON_ADJ.has(lw)) anonAdj = true;
        else if (!DESCRIPTIVE.has(lw) && !/^(?:U\.S\.|U\.K\.|E\.U\.)$/.test(w.text)) break;
        start = w.start;
      }
      const rest = s.slice(nounEnd, nounEnd + 120);
      const qualifier = QUALIFIERS.map((q) => q.exec(rest)?.[0]).find(Boolean) ?? '';
      const isSource = /^sources?$/i.test(noun);
      const speaks = SPEECH_AFTER.test(s.slice(nounEnd + qualifier.length, nounEnd + qualifier.length + 60));
      const citing = /\b(?:citing|according to|cited|quoting)\s+(?:\S+\s+){0,3}$/i.test(
        s.slice(Math.max(0, start - 40), start),
      );
      const anonymousMention =
        anonAdj || qualifier !== '' || (isSource && (via !== null || counted || speaks || citing));
      if (!anonymousMention) continue;
      const citedBy = /^\s+(?:cited|quoted) by (?:the\s+)?(.+)$/i.exec(qualifier);
      const citedOutlet = citedBy ? outlets.find((o) => o.start >= nounEnd) : undefined;
      const citedByPaper = citedBy !== null && !citedOutlet;
      const end = nounEnd + qualifier.replace(/^,/, '').length + (qualifier.startsWith(',') ? 1 : 0);
      let name = s
        .slice(start, end)
        .replace(/^,|,$/g, '')
        .replace(/\banonymous\s+/i, '')
        .replace(/\s+/g, ' ')
        .trim();
      if (/^\p{Lu}\p{Ll}/u.test(name) && !outlets.some((o) => o.start === start))
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
        speaks,
      });
    }
    return out;
  }

  private documents(s: string, outlets: Mention[]): SentenceFacts['documents'] {
    const out: SentenceFacts['documents'] = [];
    const re =
      /\b(?:a|an|the)\s+((?:(?:leaked|confidential|internal|classified|secret|draft|court|government|official|intelligence|unpublished|\p{Lu}[\p{L}.]*)\s+){0,3}(?:documents?|memos?|memorandum|filings?|letters?|cables?|e-?mails?|assessments?|dossiers?|transcripts?|recordings?)(?:\s+(?:seen|reviewed|obtained|viewed) by\s+(?:the\s+)?[\p{L}.'’ -]+?(?=[,.;]|\s+(?:and|as|which|that|said|shows?|showed)\b|$))?)/gu;
    for (const m of s.matchAll(re)) {
      const phrase = m[1] ?? '';
      const start = m.index + m[0].indexOf(phrase);
      const seenBy = /\b(?:seen|reviewed|obtained|viewed) by\b/.test(phrase);
      const accordingTo = /\baccording to\s+$/i.test(s.slice(Math.max(0, m.index - 20), m.index));
      if (!seenBy && !accordingTo) continue;
      const via = outlets.find((o) => o.start >= start && o.end <= start + phrase.length)?.source ?? null;
      out.push({
        start,
        end: start + phrase.length,
        source: { name: phrase, kind: 'DOCUMENT', aliases: [], domain: null, anonymousCount: null, relayedBy: null },
        viaOutlet: via,
      });
    }
    return out;
  }
}
