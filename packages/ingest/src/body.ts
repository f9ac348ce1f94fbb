import { parseCorrectionNote } from './corrections.js';
import { parseCreditLine } from './credits.js';
import { absoluteUrl, squash, unevenSpace } from './normalize.js';
import { person } from './outlets.js';
import type { Anchor, DraftCorrection, DraftReference, DraftSource, RawParagraph } from './types.js';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', '#39': "'" };
const decode = (s: string): string =>
  s.replace(/&(amp|lt|gt|quot|apos|nbsp|#39);/g, (_m, e: string) => ENTITIES[e] ?? _m);

/** Text between tags, decoded and squashed; without its leading space where the text before it ends with one. */
function piece(s: string, afterSpace: boolean): string {
  let text = decode(s);
  if (unevenSpace(text)) text = text.replace(/[\s\u00a0]+/g, ' ');
  return afterSpace && text.startsWith(' ') ? text.slice(1) : text;
}

const TAG = /<(\/?)([a-z][a-z0-9]*)\b([^<>]*)>/gi;

/** A text line with inline markup: `<u>…</u>` and `<a href>…</a>` become anchors, other tags are dropped. */
export function inlineText(line: string): RawParagraph {
  const anchors: Anchor[] = [];
  let text = '';
  let open: { start: number; href: string | null } | null = null;
  let last = 0;
  // whether `text` is empty or ends with a space; kept here because endsWith() would flatten `text` at every tag
  let atSpace = true;
  TAG.lastIndex = 0;
  for (let m = TAG.exec(line); m; m = TAG.exec(line)) {
    const p = piece(line.slice(last, m.index), atSpace);
    if (p) {
      text += p;
      atSpace = p.endsWith(' ');
    }
    last = m.index + m[0].length;
    const tag = (m[2] ?? '').toLowerCase();
    if (tag !== 'u' && tag !== 'a') continue;
    if (m[1] !== '/') {
      const href = tag === 'a' ? (/\bhref\s*=\s*["']?([^"'\s>]+)/i.exec(m[3] ?? '')?.[1] ?? null) : null;
      open = { start: text.length, href };
    } else if (open) {
      anchors.push({ text: text.slice(open.start), start: open.start, end: text.length, href: open.href });
      open = null;
    }
  }
  text += piece(line.slice(last), atSpace);
  if (open) anchors.push({ text: text.slice(open.start), start: open.start, end: text.length, href: open.href });
  return trimParagraph({ text, anchors });
}

/** Trims a paragraph and its anchors together, keeping anchor offsets valid. */
export function trimParagraph(p: RawParagraph): RawParagraph {
  const lead = p.text.length - p.text.trimStart().length;
  const text = p.text.trim();
  const anchors = p.anchors
    .map((a) => {
      let start = Math.max(0, a.start - lead);
      let end = Math.min(text.length, a.end - lead);
      while (start < end && text[start] === ' ') start++;
      while (end > start && text[end - 1] === ' ') end--;
      return { ...a, start, end, text: text.slice(start, end) };
    })
    .filter((a) => a.text.length > 0);
  return { text, anchors };
}

const BOILERPLATE: RegExp[] = [
  /\b(?:sign up|subscribe)\b.{0,80}\bnewsletters?\b/i,
  /\bnewsletters?\b.{0,80}\b(?:sign up|subscribe|inbox)\b/i,
  /\b(?:donate|donation|make a contribution|become a (?:member|supporter|patron))\b.{0,200}\b(?:journalism|newsroom|reporting|media|us|work)\b/i,
  /\b(?:support|help)\s+(?:us|our|independent|the)\b.{0,120}\b(?:journalism|newsroom|reporting|media|work)\b/i,
  /\bwe need your (?:help|support)\b/i,
  /\bhas been (?:designated|declared|labell?ed) (?:an? )?["“]?(?:undesirable|foreign agent)/i,
  /\ball rights reserved\b/i,
  /^©/,
  /\bfollow us on\b/i,
  /\bdownload (?:our|the) app\b/i,
  /\bcookies?\b.{0,80}\b(?:consent|accept|policy|settings)\b/i,
  /^(?:advertisement|advertising|share|share this(?: article)?|copy link|print|comments?|read comments|listen to this article|continue reading|skip to content)\.?$/i,
  /^(?:this (?:article|story|piece) (?:was|is|has been) )?(?:originally|first) (?:published|appeared) (?:by|in|on|at)\b/i,
  /^(?:this (?:article|story|piece) (?:was|is|has been) )?(?:republished|reprinted|syndicated) (?:from|with (?:the )?permission of)\b/i,
];

// the unanchored case-insensitive patterns as one alternation: one scan of the line instead of ten
const floating = (re: RegExp): boolean => re.flags === 'i' && !re.source.startsWith('^');
const BOILERPLATE_ANYWHERE = new RegExp(
  BOILERPLATE.filter(floating)
    .map((re) => re.source)
    .join('|'),
  'i',
);
const BOILERPLATE_REST = BOILERPLATE.filter((re) => !floating(re));

export const isBoilerplate = (line: string): boolean =>
  line.length < 700 && (BOILERPLATE_ANYWHERE.test(line) || BOILERPLATE_REST.some((re) => re.test(line)));

const RELATED =
  /^(?:related(?: articles?| stories| reading| content| coverage)?|see also|read more|read also|also read|more on this(?: story)?|recommended|more from [^:]{1,40})\s*:\s*/i;
const RELATED_BLOCK =
  /^(?:related(?: articles?| stories| reading| content| coverage)?|see also|read also|also read|more on this(?: story)?|recommended(?: reading)?)\s*:?$/i;
const TAGS = /^(?:read more about|more about|tags|topics|keywords|filed under)\s*:\s*(.+)$/i;
const URL_LABEL = /^(?:original url|source url|canonical url|original link|url|link)\s*:\s*(\S*)\s*$/i;
const CREDIT_TRAILER = /^\(?\s*((?:additional )?reporting|writing|editing|compiled|edited|reported) by\b/i;
const BARE_URL = /^https?:\/\/\S+$/i;

export interface BodyResult {
  paragraphs: RawParagraph[];
  references: DraftReference[];
  tags: string[];
  corrections: DraftCorrection[];
  boilerplate: string[];
  photoCredits: Array<{ source: DraftSource; evidence: string }>;
  authors: Array<{ source: DraftSource; evidence: string }>;
  contributors: Array<{ source: DraftSource; evidence: string }>;
  urls: string[];
  warnings: string[];
}

const splitList = (s: string): string[] =>
  s
    .split(/\s*[,;|]\s*|\s+(?:and|&)\s+/)
    .map((x) => x.trim().replace(/[.)]+$/, ''))
    .filter(Boolean);

/** `Reporting by A and B; Editing by C` → authors and contributors. */
function trailerCredits(line: string, out: BodyResult): void {
  for (const part of line.replace(/^\(|\)$/g, '').split(/\s*;\s*/)) {
    const m = /^((?:additional )?reporting|writing|editing|compiled|edited|reported) by\s+(.+)$/i.exec(part.trim());
    if (!m?.[1] || !m[2]) continue;
    const role = /^(?:reporting|writing|reported)$/i.test(m[1]) ? out.authors : out.contributors;
    for (const name of splitList(m[2]).filter((n) => /^\p{Lu}/u.test(n) && n.split(/\s+/).length <= 4))
      role.push({ source: person(name), evidence: line });
  }
}

/**
 * Sorts body blocks into paragraphs and everything that is not body: related lines and blocks, tag lines, url lines,
 * correction notes, boilerplate, photo credits and credit trailers.
 */
export function classifyBody(blocks: RawParagraph[], baseUrl: string | null): BodyResult {
  const out: BodyResult = {
    paragraphs: [],
    references: [],
    tags: [],
    corrections: [],
    boilerplate: [],
    photoCredits: [],
    authors: [],
    contributors: [],
    urls: [],
    warnings: [],
  };
  let expectUrl = false;
  let inRelatedBlock = false;
  const related = (b: RawParagraph, offset: number) => {
    const title = squash(b.text.slice(offset)).replace(/^["“]|["”]$/g, '');
    if (!title) return;
    const a = b.anchors.find((x) => x.end > offset);
    out.references.push({
      kind: 'RELATED',
      anchorText: a ? a.text : null,
      paragraphIndex: null,
      targetUrl: a?.href ? absoluteUrl(a.href, baseUrl) : null,
      targetTitle: title,
    });
  };
  for (const b of blocks) {
    const t = b.text;
    if (!t) continue;
    if (expectUrl && BARE_URL.test(t)) {
      out.urls.push(t);
      expectUrl = false;
      continue;
    }
    expectUrl = false;
    const urlLabel = URL_LABEL.exec(t);
    if (urlLabel) {
      if (urlLabel[1]) out.urls.push(urlLabel[1]);
      else expectUrl = true;
      continue;
    }
    if (BARE_URL.test(t)) {
      out.urls.push(t);
      continue;
    }
    const tags = TAGS.exec(t);
    if (tags?.[1]) {
      out.tags.push(...splitList(tags[1]));
      inRelatedBlock = false;
      continue;
    }
    if (RELATED_BLOCK.test(t)) {
      inRelatedBlock = true;
      continue;
    }
    const rel = RELATED.exec(t);
    if (rel) {
      related(b, rel[0].length);
      continue;
    }
    // a related-items block lists titles: short lines without a closing full stop
    if (inRelatedBlock && t.length <= 200 && !/[.!?]["”]?$/.test(t)) {
      related(b, 0);
      continue;
    }
    inRelatedBlock = false;
    const correction = parseCorrectionNote(t);
    if (correction) {
      out.corrections.push(correction);
      continue;
    }
    if (CREDIT_TRAILER.test(t) && t.length < 300) {
      trailerCredits(t, out);
      continue;
    }
    if (isBoilerplate(t)) {
      out.boilerplate.push(t);
      continue;
    }
    if (t.length <= 160 && /^\(?(?:photo|image|credit|photo credit)s?\s*:/i.test(t)) {
      const credit = parseCreditLine(t);
      if (credit) for (const source of credit.sources) out.photoCredits.push({ source, evidence: t });
      continue;
    }
    out.paragraphs.push(b);
  }
  return out;
}
