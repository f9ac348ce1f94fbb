import { findKnownBody, findKnownOutlet, isWebSiteName, person, photoAgency, webSiteSource } from './outlets.js';
import type { DraftSource } from './types.js';

export interface Credit {
  /** caption text before the credit, if any */
  caption: string | null;
  sources: DraftSource[];
}

const NAME_PART = String.raw`[\p{L}][\p{L}.'’\- ]{0,58}[\p{L}.]`;
const SITE_PART = String.raw`(?:[\w-]+\.)+[a-z]{2,}`;
const PART = `(?:${SITE_PART}|${NAME_PART})`;
const PAIR = new RegExp(String.raw`^(${PART})\s*/\s*(${PART})$`, 'u');
const LABELLED =
  /^\(?(?:photo(?:graph)?|image|picture|credit|photo credit|illustration)s?\s*(?:credit|source)?\s*:\s*(.+?)\)?$/i;
const CAPTION_THEN_PAIR = new RegExp(String.raw`^(.*[.!?)”"])\s+(${PART}\s*/\s*${PART})$`, 'u');
const CAPTION_THEN_LABELLED = /^(.*[.!?”"])\s+\(?((?:photo|image|credit)s?\s*:\s*[^()]+?)\)?$/i;
const IGNORED = /^(?:pool|handout|file|file photo|archive|press service|press office)$/i;

const words = (s: string): number => s.trim().split(/\s+/).length;
const isAllCaps = (s: string): boolean => /\p{Lu}/u.test(s) && !/\p{Ll}/u.test(s);
const titleCase = (s: string): string =>
  s.toLowerCase().replace(/(^|[\s\-'’])(\p{L})/gu, (_m, sep: string, c: string) => sep + c.toUpperCase());

function looksLikePerson(s: string): boolean {
  const t = s.trim();
  if (findKnownOutlet(t) || findKnownBody(t) || isWebSiteName(t)) return false;
  if (
    /\b(?:agency|images?|photos?|photography|press|news|pictures|media|studios?|service|pool|archive|handout)\b/i.test(
      t,
    )
  )
    return false;
  const n = words(t);
  return n >= 2 && n <= 4 && t.split(/\s+/).every((w) => /^\p{Lu}/u.test(w));
}

function agencyOrSite(s: string): DraftSource | null {
  const t = s.trim();
  if (!t || IGNORED.test(t)) return null;
  // a web site named as the image source is not a photo agency
  if (isWebSiteName(t)) return webSiteSource(t);
  const body = findKnownBody(t);
  if (body) return body;
  return photoAgency(isAllCaps(t) && !findKnownOutlet(t) && t.length > 5 ? titleCase(t) : t);
}

/** Sources named in a credit body such as `Artem Geodakyan / TASS`, `EPA/YURI KOCHETKOV`, `Reuters`, `kremlin.ru`. */
export function creditSources(body: string): DraftSource[] {
  const parts = body
    .split(/\s*(?:\/|\bvia\b|;|\|)\s*/)
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.length === 0 || parts.length > 3) return [];
  const out: DraftSource[] = [];
  const personIdx = parts.findIndex(looksLikePerson);
  parts.forEach((p, i) => {
    if (i === personIdx) out.push(person(isAllCaps(p) ? titleCase(p) : p));
    else {
      const s = agencyOrSite(p);
      if (s) out.push(s);
    }
  });
  return out;
}

/**
 * Reads a credit/caption line: `Name / Agency`, `Caption text. Name / Agency`, `Photo: Agency`, `AGENCY/NAME`,
 * `Credit: …`. Null when the line is not a credit.
 */
export function parseCreditLine(line: string): Credit | null {
  const l = line.trim();
  if (!l || l.length > 400) return null;
  const labelled = LABELLED.exec(l);
  if (labelled?.[1]) return { caption: null, sources: creditSources(labelled[1]) };
  const sentenceBreak = /[.!?”")]\s/.test(l);
  if (l.length <= 120 && !sentenceBreak && PAIR.test(l) && l.split('/').every((p) => words(p) <= 5)) {
    const sources = creditSources(l);
    if (sources.length) return { caption: null, sources };
  }
  const cl = CAPTION_THEN_LABELLED.exec(l);
  if (cl?.[1] && cl[2]) {
    const inner = LABELLED.exec(cl[2]);
    if (inner?.[1]) return { caption: cl[1].trim(), sources: creditSources(inner[1]) };
  }
  const cp = CAPTION_THEN_PAIR.exec(l);
  if (cp?.[1] && cp[2] && words(cp[2]) <= 8) {
    const sources = creditSources(cp[2]);
    if (sources.length) return { caption: cp[1].trim(), sources };
  }
  return null;
}
