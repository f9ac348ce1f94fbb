import { selectAll, selectOne } from 'css-select';
import type { AnyNode, Element } from 'domhandler';
import { isTag, isText } from 'domhandler';
import { getAttributeValue, removeElement, textContent } from 'domutils';
import { parseDocument } from 'htmlparser2';
import { classifyBody, trimParagraph } from './body.js';
import { creditSources, parseCreditLine } from './credits.js';
import { dateFromUrl, parseMachineDate } from './dates.js';
import { absoluteUrl, squash } from './normalize.js';
import { findKnownBody, findKnownOutlet, hostOf, person } from './outlets.js';
import { readByline, readDateLine, splitTitle } from './parse-text.js';
import type { Anchor, DraftReference, DraftSource, ExtractedArticle, RawParagraph } from './types.js';
import { IngestValidationError } from './types.js';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type JsonObject = { [k: string]: Json };

const ARTICLE_TYPES =
  /^(?:NewsArticle|Article|ReportageNewsArticle|AnalysisNewsArticle|BlogPosting|OpinionNewsArticle|BackgroundNewsArticle|Report|LiveBlogPosting)$/;
const IGNORED_TAGS = 'script, style, noscript, template, svg, iframe, nav, footer, aside, form, button, header nav';
const RELATED_BOX = /\b(?:related|read-?more|see-?also|recommended|more-?stories|also-?read)\b/i;
const BOILERPLATE_BOX = /\b(?:newsletter|subscribe|donat|promo|advert|banner|cookie|paywall|social|share)/i;

const sel = (q: string, root: AnyNode | AnyNode[]): Element[] => selectAll<AnyNode, Element>(q, root);
const one = (q: string, root: AnyNode | AnyNode[]): Element | null => selectOne<AnyNode, Element>(q, root);
const attr = (el: Element | null, name: string): string | null =>
  el ? (getAttributeValue(el, name)?.trim() ?? null) : null;
const str = (v: Json | undefined): string | null => (typeof v === 'string' && v.trim() ? squash(v) : null);
const isObj = (v: Json | undefined): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);
const list = (v: Json | undefined): Json[] => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]);

function typesOf(o: JsonObject): string[] {
  return list(o['@type']).filter((t): t is string => typeof t === 'string');
}

/** NewsArticle-like objects in the page's JSON-LD, also inside `@graph` and arrays. */
function jsonLdArticles(scripts: string[], warnings: string[]): JsonObject[] {
  const out: JsonObject[] = [];
  const visit = (v: Json, depth: number) => {
    if (depth > 6) return;
    if (Array.isArray(v)) for (const x of v) visit(x, depth + 1);
    else if (isObj(v)) {
      if (typesOf(v).some((t) => ARTICLE_TYPES.test(t))) out.push(v);
      if (v['@graph'] !== undefined) visit(v['@graph'], depth + 1);
    }
  };
  for (const s of scripts) {
    try {
      visit(JSON.parse(s) as Json, 0);
    } catch {
      warnings.push('ignored a JSON-LD block that is not valid JSON');
    }
  }
  return out;
}

function names(v: Json | undefined): Array<{ name: string; type: string | null; url: string | null }> {
  return list(v).flatMap((x) => {
    if (typeof x === 'string') return x.trim() ? [{ name: squash(x), type: null, url: null }] : [];
    if (!isObj(x)) return [];
    const name = str(x.name);
    return name ? [{ name, type: typesOf(x)[0] ?? null, url: str(x.url) }] : [];
  });
}

/** Text of a block with its `<a href>` anchors, whitespace collapsed, offsets kept. */
function blockText(el: AnyNode): RawParagraph {
  let text = '';
  const anchors: Anchor[] = [];
  const walk = (n: AnyNode) => {
    if (isText(n)) {
      const piece = n.data.replace(/[\s\u00a0]+/g, ' ');
      text += text === '' || text.endsWith(' ') ? piece.replace(/^ /, '') : piece;
    } else if (isTag(n)) {
      if (n.name === 'br') {
        if (!text.endsWith(' ')) text += ' ';
        return;
      }
      const start = text.length;
      for (const c of n.children) walk(c);
      if (n.name === 'a' && getAttributeValue(n, 'href') !== undefined)
        anchors.push({ text: text.slice(start), start, end: text.length, href: getAttributeValue(n, 'href') ?? null });
    }
  };
  walk(el);
  return trimParagraph({ text, anchors });
}

function machineDate(value: string | null, field: 'publishedAt' | 'modifiedAt', where: string): Date | null {
  if (value === null) return null;
  const d = parseMachineDate(value);
  if (!d) throw new IngestValidationError(`${where} is not a date: ${JSON.stringify(value.slice(0, 100))}`, field);
  return d;
}

/**
 * Deeper than any real page (news pages nest some tens of elements): the selector engine walks
 * the tree recursively, so 16,000 nested tags cost seconds and then overflow the stack.
 */
export const MAX_HTML_DEPTH = 512;

/** How deeply `root`'s elements nest, walked without recursion. */
function nestingDepth(root: AnyNode): number {
  let deepest = 0;
  const stack: [AnyNode, number][] = [[root, 0]];
  for (let item = stack.pop(); item; item = stack.pop()) {
    const [node, depth] = item;
    if (depth > deepest) deepest = depth;
    if ('children' in node) for (const child of node.children) if (isTag(child)) stack.push([child, depth + 1]);
  }
  return deepest;
}

/** Saved HTML pages: JSON-LD first, then OpenGraph/meta, then `<h1>`/`<time>`/`<article>`. */
export function extractHtml(content: string, inputUrl: string | null): ExtractedArticle {
  const doc = parseDocument(content, { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true });
  if (nestingDepth(doc) > MAX_HTML_DEPTH) {
    throw new IngestValidationError(`HTML elements are nested more than ${MAX_HTML_DEPTH} deep`, 'content');
  }
  const warnings: string[] = [];
  const meta = (key: string): string | null => {
    for (const m of sel('meta', doc)) {
      const k = (attr(m, 'property') ?? attr(m, 'name') ?? attr(m, 'itemprop') ?? '').toLowerCase();
      const c = attr(m, 'content');
      if (k === key && c) return squash(c);
    }
    return null;
  };
  const metas = (key: string): string[] =>
    sel('meta', doc)
      .filter((m) => (attr(m, 'property') ?? attr(m, 'name') ?? '').toLowerCase() === key)
      .map((m) => attr(m, 'content') ?? '')
      .filter(Boolean);

  const ld = jsonLdArticles(
    sel('script', doc)
      .filter((s) => /ld\+json/i.test(attr(s, 'type') ?? ''))
      .map((s) => textContent(s)),
    warnings,
  )[0];

  // url: rel=canonical, JSON-LD, og:url, then the url given with the input
  const base = attr(one('base[href]', doc), 'href');
  const resolve = (u: string | null) => (u ? absoluteUrl(u, inputUrl ?? base) : null);
  const ldUrl = ld
    ? (str(ld.url) ?? (isObj(ld.mainEntityOfPage) ? str(ld.mainEntityOfPage['@id']) : str(ld.mainEntityOfPage)))
    : null;
  const url =
    resolve(attr(one('link[rel~=canonical][href]', doc), 'href')) ??
    resolve(ldUrl) ??
    resolve(meta('og:url')) ??
    inputUrl;

  for (const el of sel(IGNORED_TAGS, doc)) removeElement(el);

  const h1 = one('h1', doc);
  const docTitle = one('title', doc);
  const siteName = (ld && names(ld.publisher)[0]?.name) ?? meta('og:site_name');
  let rawTitle =
    (ld ? (str(ld.headline) ?? str(ld.name)) : null) ?? meta('og:title') ?? (h1 ? squash(textContent(h1)) : null);
  if (!rawTitle && docTitle) {
    // a <title> usually carries the site: "Headline | Site"
    const t = squash(textContent(docTitle));
    const m = /^(.+?)\s+[|–—-]\s+([^|–—-]+)$/.exec(t);
    rawTitle = m?.[1] && m[2] && (findKnownOutlet(m[2]) || m[2].trim() === siteName) ? m[1] : t;
  }
  if (!rawTitle)
    throw new IngestValidationError('the page has no title (no JSON-LD headline, og:title, <h1> or <title>)', 'title');
  const t = splitTitle(rawTitle);

  const time = one('article time[datetime], time[datetime]', doc);
  let publishedAt =
    machineDate(ld ? str(ld.datePublished) : null, 'publishedAt', 'JSON-LD datePublished') ??
    machineDate(meta('article:published_time'), 'publishedAt', 'article:published_time') ??
    machineDate(attr(time, 'datetime'), 'publishedAt', '<time datetime>');
  const modifiedAt =
    machineDate(ld ? str(ld.dateModified) : null, 'modifiedAt', 'JSON-LD dateModified') ??
    machineDate(meta('article:modified_time'), 'modifiedAt', 'article:modified_time');
  const language =
    (ld ? str(ld.inLanguage) : null) ??
    attr(one('html[lang]', doc), 'lang') ??
    meta('og:locale')?.replace('_', '-') ??
    null;

  // people and outlets credited as authors
  const authors: ExtractedArticle['authors'] = [];
  const bylineOutlets: ExtractedArticle['bylineOutlets'] = [];
  const addAuthor = (name: string, type: string | null, evidence: string) => {
    const outlet = findKnownOutlet(name);
    if (outlet) bylineOutlets.push({ source: outlet, evidence });
    else if (type && type !== 'Person')
      authors.push({
        source: findKnownBody(name) ?? {
          name,
          kind: 'ORGANIZATION',
          aliases: [],
          domain: null,
          anonymousCount: null,
          relayedBy: null,
        },
        evidence,
      });
    else if (!/^https?:/i.test(name)) authors.push({ source: person(name), evidence });
  };
  const ldAuthors = ld ? names(ld.author) : [];
  for (const a of ldAuthors) addAuthor(a.name, a.type, `JSON-LD author: ${a.name}`);
  if (!ldAuthors.length) {
    const metaAuthors = [...metas('author'), ...metas('article:author')].filter((a) => !/^https?:/i.test(a));
    for (const a of metaAuthors)
      for (const p of readByline(a).people) authors.push({ source: p, evidence: `author: ${a}` });
    if (!metaAuthors.length)
      for (const el of sel('[rel~=author], [itemprop=author], .byline, .author', doc).slice(0, 3)) {
        const b = squash(textContent(el)).replace(/^by\s+/i, '');
        const parsed = readByline(b);
        for (const p of parsed.people) authors.push({ source: p, evidence: squash(textContent(el)) });
        for (const o of parsed.outlets) bylineOutlets.push({ source: o, evidence: squash(textContent(el)) });
      }
  }

  // photo credits: JSON-LD image, then figure captions/credits
  const photoCredits: ExtractedArticle['photoCredits'] = [];
  for (const img of ld ? list(ld.image) : []) {
    if (!isObj(img)) continue;
    const credit = str(img.creditText) ?? names(img.copyrightHolder)[0]?.name ?? names(img.author)[0]?.name ?? null;
    if (credit)
      for (const source of creditSources(credit)) photoCredits.push({ source, evidence: `image credit: ${credit}` });
  }
  for (const el of sel('figcaption, .credit, .caption, [class*=credit], [class*=caption]', doc)) {
    const text = squash(textContent(el));
    if (!photoCredits.length) {
      const credit = parseCreditLine(text);
      if (credit) for (const source of credit.sources) photoCredits.push({ source, evidence: text });
    }
    const fig = el.parent && isTag(el.parent) && el.parent.name === 'figure' ? el.parent : el;
    removeElement(fig);
  }
  for (const el of sel('figure', doc)) removeElement(el);

  const container =
    one('[itemprop=articleBody]', doc) ?? one('article', doc) ?? one('main', doc) ?? one('body', doc) ?? doc;
  const references: DraftReference[] = [];
  // related-items boxes: every link is a RELATED reference carrying its title
  for (const box of sel('[class], [id]', container)) {
    const key = `${attr(box, 'class') ?? ''} ${attr(box, 'id') ?? ''}`;
    if (!box.parent) continue;
    if (RELATED_BOX.test(key)) {
      for (const a of sel('a[href]', box)) {
        const targetUrl = resolve(attr(a, 'href'));
        const title = squash(textContent(a));
        if (targetUrl || title)
          references.push({
            kind: 'RELATED',
            anchorText: title || null,
            paragraphIndex: null,
            targetUrl,
            targetTitle: title || null,
          });
      }
      removeElement(box);
    } else if (BOILERPLATE_BOX.test(key) && squash(textContent(box)).length < 1000) {
      removeElement(box);
    }
  }
  // header lines inside the article: byline and date text
  for (const el of sel('header, h1', container)) {
    for (const line of squash(textContent(el)).split(/\s{2,}/)) {
      const d = readDateLine(line);
      if (d && !publishedAt) publishedAt = d.published;
    }
    removeElement(el);
  }

  const blockEls = sel('p, li, blockquote, h2, h3, pre', container).filter(
    (el) => !sel('p, li, blockquote, h2, h3, pre', el).length,
  );
  let blocks = blockEls.map(blockText).filter((b) => b.text);
  if (!blocks.length) {
    const ldBody = ld ? str(ld.articleBody) : null;
    blocks = (ldBody ?? textContent(container))
      .split(/\n\s*\n|\n/)
      .map((l) => trimParagraph({ text: squash(l), anchors: [] }))
      .filter((b) => b.text);
  }
  // a leading byline paragraph ("By Jane Doe")
  while (blocks[0] && /^by\s+\p{Lu}/u.test(blocks[0].text) && blocks[0].text.length < 160) {
    const b = blocks.shift();
    if (!b) break;
    const parsed = readByline(b.text.replace(/^by\s+/i, ''));
    for (const p of parsed.people) if (!authors.length) authors.push({ source: p, evidence: b.text });
    for (const o of parsed.outlets) bylineOutlets.push({ source: o, evidence: b.text });
  }

  const body = classifyBody(blocks, url);
  // links outside any body block still count as references
  const inBlocks = new Set(blockEls.flatMap((el) => sel('a[href]', el)));
  for (const a of sel('a[href]', container)) {
    if (inBlocks.has(a)) continue;
    const targetUrl = resolve(attr(a, 'href'));
    if (targetUrl)
      references.push({
        kind: 'CITES',
        anchorText: squash(textContent(a)) || null,
        paragraphIndex: null,
        targetUrl,
        targetTitle: null,
      });
  }
  // anchors in paragraphs get absolute urls
  const paragraphs = body.paragraphs.map((p) => ({
    ...p,
    anchors: p.anchors
      .map((a) => ({ ...a, href: a.href ? absoluteUrl(a.href, url ?? base) : null }))
      .filter((a) => a.href !== null),
  }));

  if (!publishedAt && url) {
    publishedAt = dateFromUrl(url);
    if (publishedAt) warnings.push('publishedAt taken from the url path');
  }
  if (!publishedAt) warnings.push('no publication date found');

  const ldPublisher = ld ? names(ld.publisher)[0] : undefined;
  const publisherHint: DraftSource | null = ldPublisher
    ? (findKnownOutlet(ldPublisher.name) ?? {
        name: ldPublisher.name,
        kind: 'OUTLET',
        aliases: [],
        domain: hostOf(ldPublisher.url ?? url ?? ''),
        anonymousCount: null,
        relayedBy: null,
      })
    : siteName
      ? (findKnownOutlet(siteName) ?? {
          name: siteName,
          kind: 'OUTLET',
          aliases: [],
          domain: url ? hostOf(url) : null,
          anonymousCount: null,
          relayedBy: null,
        })
      : null;

  const tags = [
    ...(ld ? list(ld.keywords).flatMap((k) => (typeof k === 'string' ? k.split(',') : [])) : []),
    ...metas('article:tag'),
    ...body.tags,
  ]
    .map((s) => s.trim())
    .filter(Boolean);

  return {
    url: body.urls[0] && !url ? body.urls[0] : url,
    title: t.title,
    rawTitle: t.title !== rawTitle ? rawTitle : null,
    titleOutlet: t.outlet,
    reReported: t.reReported,
    publishedAt,
    modifiedAt,
    language,
    paragraphs,
    bylineOutlets,
    authors: [...authors, ...body.authors],
    contributors: body.contributors,
    photoCredits: [...photoCredits, ...body.photoCredits],
    publisherHint,
    boilerplate: body.boilerplate,
    references: [...body.references, ...references],
    tags,
    corrections: body.corrections,
    warnings: [...warnings, ...body.warnings],
  };
}
