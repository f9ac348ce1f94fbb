import { classifyBody, inlineText } from './body.js';
import { parseCreditLine } from './credits.js';
import { dateFromUrl, findDate } from './dates.js';
import { squash } from './normalize.js';
import { findKnownOutlet, person } from './outlets.js';
import type { DraftSource, ExtractedArticle, RawParagraph } from './types.js';
import { IngestValidationError } from './types.js';

const MAX_TITLE = 1000;
const WEEKDAY = /\b(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|urday|rsday)?\b\.?/gi;

export interface TitleParts {
  title: string;
  outlet: DraftSource | null;
  reReported: boolean;
}

/** Strips a ` – Reuters` / ` - media` suffix from a title: the outlet re-reported, or a mark that the story is re-reported. */
export function splitTitle(raw: string): TitleParts {
  const m = /^(.{3,}?)\s+[-–—|]\s+([^-–—|]{2,40})$/.exec(raw);
  if (m?.[1] && m[2]) {
    const outlet = findKnownOutlet(m[2]);
    if (outlet) return { title: m[1].trim(), outlet, reReported: true };
    if (/^(?:media|media reports?|reports?|sources|report)$/i.test(m[2].trim()))
      return { title: m[1].trim(), outlet: null, reReported: true };
  }
  return { title: raw, outlet: null, reReported: false };
}

interface DateLine {
  published: Date | null;
  modified: Date | null;
  byline: string | null;
}

/** A header line that is a date (possibly fused to a byline, or `Updated: …`); null when the line is not one. */
export function readDateLine(line: string): DateLine | null {
  if (line.length > 160) return null;
  const first = findDate(line);
  if (!first) return null;
  let rest = line.slice(0, first.index) + line.slice(first.index + first.text.length);
  let modified: Date | null = null;
  const second = findDate(rest);
  if (second && /\b(?:updated|modified|last updated)\b/i.test(rest.slice(0, second.index))) {
    modified = second.date;
    rest = rest.slice(0, second.index) + rest.slice(second.index + second.text.length);
  }
  const isUpdate = !modified && /^\W*(?:updated|modified|last updated)\b/i.test(line);
  const byline = /\bby\s+(\p{Lu}.*)$/iu.exec(rest)?.[1]?.replace(/\s*[|·•,–—-]\s*$/, '') ?? null;
  const leftover = (byline ? rest.replace(/\bby\s+\p{Lu}.*$/iu, '') : rest)
    .replace(WEEKDAY, '')
    .replace(
      /\b(?:published|posted|updated|modified|last updated|date|on|at|am|pm|a\.m\.|p\.m\.|utc|gmt|msk|cet|cest|et|est|edt|bst|eet)\b/gi,
      '',
    )
    .replace(/\d{1,2}:\d{2}/g, '')
    .replace(/[\s,|·•:.()–—-]+/g, '');
  if (leftover.length > 3) return null;
  return isUpdate ? { published: null, modified: first.date, byline } : { published: first.date, modified, byline };
}

/** `By Jane Doe and John Roe, Reuters` → people and outlets. */
export function readByline(text: string): { people: DraftSource[]; outlets: DraftSource[] } {
  const people: DraftSource[] = [];
  const outlets: DraftSource[] = [];
  for (const part of text.split(/\s*(?:,|;|\||·|•|\band\b|&)\s*/)) {
    const p = part.trim().replace(/\.$/, '');
    if (!p) continue;
    const outlet = findKnownOutlet(p.replace(/^(?:the\s+)?/i, ''));
    if (outlet) outlets.push(outlet);
    else if (
      /^\p{Lu}[\p{L}.'’-]*(?:\s+(?:\p{Lu}[\p{L}.'’-]*|de|van|von|al|bin))*$/u.test(p) &&
      p.split(/\s+/).length <= 5
    )
      people.push(person(p));
  }
  return { people, outlets };
}

/** Plain-text articles as scraped: title line, date/byline/credit header, body lines, trailer lines. */
export function extractText(content: string, inputUrl: string | null): ExtractedArticle {
  const lines = content.replace(/\r\n?/g, '\n').split('\n');
  const warnings: string[] = [];
  let i = 0;
  while (i < lines.length && !lines[i]?.trim()) i++;
  const titleLine = squash(inlineText(lines[i] ?? '').text.replace(/^title\s*:\s*/i, ''));
  if (!titleLine) throw new IngestValidationError('the content has no title line', 'title');
  if (titleLine.length > MAX_TITLE)
    throw new IngestValidationError(
      `the title line is ${titleLine.length} characters long; a title has at most ${MAX_TITLE}`,
      'title',
    );
  const t = splitTitle(titleLine);
  i++;

  let publishedAt: Date | null = null;
  let modifiedAt: Date | null = null;
  const authors: ExtractedArticle['authors'] = [];
  const bylineOutlets: ExtractedArticle['bylineOutlets'] = [];
  const photoCredits: ExtractedArticle['photoCredits'] = [];
  const addByline = (text: string, evidence: string) => {
    const b = readByline(text);
    for (const p of b.people) authors.push({ source: p, evidence });
    for (const o of b.outlets) bylineOutlets.push({ source: o, evidence });
  };

  // header: date, byline, credit and caption lines before the body, in any order
  let blanks = 0;
  let headerLines = 0;
  let sawCredit = false;
  for (; i < lines.length && headerLines < 6; i++) {
    const line = squash(lines[i] ?? '');
    if (!line) {
      blanks++;
      continue;
    }
    const gap = blanks;
    blanks = 0;
    const date = readDateLine(line);
    if (date) {
      publishedAt ??= date.published;
      modifiedAt ??= date.modified;
      if (date.byline) addByline(date.byline, line);
      headerLines++;
      continue;
    }
    const by = /^by\s+(\p{Lu}.{1,150})$/iu.exec(line);
    if (by?.[1]) {
      addByline(by[1], line);
      headerLines++;
      continue;
    }
    if (!sawCredit) {
      const credit = parseCreditLine(line);
      if (credit?.sources.length) {
        for (const source of credit.sources) photoCredits.push({ source, evidence: line });
        sawCredit = true;
        headerLines++;
        continue;
      }
      // a caption with no credit: set apart as a picture's caption, or labelled, or a fragment without a full stop
      const next = lines.slice(i + 1).find((l) => l.trim());
      const labelled = /^(?:caption|photo caption)\s*:/i.test(line);
      if (
        next &&
        line.length < 200 &&
        (labelled || ((gap >= 2 || !/[.!?"”]$/.test(line)) && headerLines > 0 && next.trim().length > line.length))
      ) {
        warnings.push('dropped a photo caption without a credit');
        sawCredit = true;
        headerLines++;
        continue;
      }
    }
    break;
  }

  const blocks: RawParagraph[] = [];
  for (; i < lines.length; i++) {
    const line = lines[i]?.trim();
    if (line) blocks.push(inlineText(line));
  }
  const body = classifyBody(blocks, inputUrl);
  const url = body.urls[0] ?? inputUrl ?? null;
  if (!publishedAt && url) {
    publishedAt = dateFromUrl(url);
    if (publishedAt) warnings.push('publishedAt taken from the url path');
  }
  if (!publishedAt) warnings.push('no publication date found');
  warnings.push(...body.warnings);

  return {
    url,
    title: t.title,
    rawTitle: t.title !== titleLine ? titleLine : null,
    titleOutlet: t.outlet,
    reReported: t.reReported,
    publishedAt,
    modifiedAt,
    language: null,
    paragraphs: body.paragraphs,
    bylineOutlets,
    authors: [...authors, ...body.authors],
    contributors: body.contributors,
    photoCredits: [...photoCredits, ...body.photoCredits],
    publisherHint: null,
    boilerplate: body.boilerplate,
    references: body.references,
    tags: body.tags,
    corrections: body.corrections,
    warnings,
  };
}
