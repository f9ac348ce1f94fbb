import { EntityFinder, type SentenceFacts } from './attributions.js';
import { findKnownBody, hostOf, publisherFromUrl } from './outlets.js';
import { findQuotes, quoteSentences, sentenceIndex } from './quotes.js';
import { type Sentence, splitSentences } from './sentences.js';
import type {
  ArticleDraft,
  AttributionRole,
  CrossReferenceKind,
  DraftAttribution,
  DraftQuote,
  DraftReference,
  DraftSource,
  ExtractedArticle,
} from './types.js';

const sameSource = (a: DraftSource | null, b: DraftSource | null): boolean =>
  a !== null && b !== null && (a.name === b.name || a.name.toLowerCase() === b.name.toLowerCase());

function primaryHost(url: string | null): boolean {
  const host = url ? hostOf(url) : null;
  if (!host) return false;
  return (
    /(?:^|\.)(?:gov|mil|int)(?:\.[a-z]{2})?$/.test(host) ||
    /(?:^|\.)gov\.[a-z]{2}$/.test(host) ||
    findKnownBody(host) !== null
  );
}

/** Turns what a front end extracted into the draft: publisher, attributions, references, quotes. */
export function analyze(x: ExtractedArticle): ArticleDraft {
  const warnings = [...x.warnings];
  const paragraphs = x.paragraphs.map((p) => p.text);
  const finder = new EntityFinder([x.title, ...paragraphs, ...x.boilerplate], paragraphs);

  let publisher: DraftSource | null = x.url ? publisherFromUrl(x.url, x.publisherHint?.name) : null;
  if (publisher && x.publisherHint && publisher.domain === hostOf(x.url ?? '') && publisher.name === publisher.domain) {
    publisher = { ...x.publisherHint, domain: publisher.domain };
  }
  if (!publisher && x.publisherHint) publisher = x.publisherHint;

  const references: DraftReference[] = [];
  const attributions: DraftAttribution[] = [];
  const seen = new Set<string>();
  // the same source objects come back sentence after sentence: known before their key is built
  const seenObjects = new Map<DraftSource, Map<DraftSource | null, Set<AttributionRole>>>();
  const attribute = (
    role: AttributionRole,
    source: DraftSource,
    via: DraftSource | null,
    evidence: string | null,
    paragraphIndex: number | null,
  ) => {
    let byVia = seenObjects.get(source);
    if (!byVia) {
      byVia = new Map();
      seenObjects.set(source, byVia);
    }
    let roles = byVia.get(via);
    if (!roles) {
      roles = new Set();
      byVia.set(via, roles);
    }
    if (roles.has(role)) return;
    roles.add(role);
    const key = `${role}|${source.kind}|${source.name.toLowerCase()}|${via?.name.toLowerCase() ?? ''}`;
    if (seen.has(key)) return;
    seen.add(key);
    attributions.push({ role, source, via, evidence, paragraphIndex });
  };

  // an outlet named only by boilerplate: the original publisher of a mirrored copy
  for (const line of x.boilerplate) {
    const origin = finder
      .knownMentions(line)
      .find((m) => m.source.kind === 'OUTLET' || m.source.kind === 'WIRE_AGENCY');
    if (!origin || sameSource(origin.source, publisher)) continue;
    if (!publisher) {
      publisher = origin.source;
      warnings.push(`publisher inferred from boilerplate naming ${origin.source.name}`);
    } else {
      attribute('PUBLISHER', origin.source, null, line, null);
      references.push({
        kind: 'SYNDICATES',
        anchorText: null,
        paragraphIndex: null,
        targetUrl: null,
        targetTitle: x.title,
      });
      warnings.push(`mirrored copy: boilerplate names ${origin.source.name} as the original publisher`);
    }
    break;
  }
  if (publisher)
    attributions.unshift({ role: 'PUBLISHER', source: publisher, via: null, evidence: null, paragraphIndex: null });
  if (publisher) seen.add(`PUBLISHER|${publisher.kind}|${publisher.name.toLowerCase()}|`);

  // Sentences and their facts are made paragraph by paragraph and dropped once used: kept for a whole long
  // article they would outlive the young generation and make every garbage collection slower.
  const read = (pi: number): { sentences: Sentence[]; facts: SentenceFacts[] } => {
    const sentences = splitSentences(paragraphs[pi] ?? '');
    return {
      sentences,
      facts: sentences.map((s) => finder.facts(s.text, publisher, { paragraph: pi, start: s.start })),
    };
  };

  // the outlets whose report this article rests on
  const wire: DraftSource[] = [];
  if (x.titleOutlet && !sameSource(x.titleOutlet, publisher)) wire.push(x.titleOutlet);
  for (const b of x.bylineOutlets)
    if (!sameSource(b.source, publisher) && !wire.some((w) => sameSource(w, b.source))) wire.push(b.source);
  const titleWire = wire.length > 0;
  // only the first two paragraphs, or for a re-report the first outlet reporting, can add to it
  const early: Array<ReturnType<typeof read>> = [];
  for (let pi = 0; !titleWire && pi < paragraphs.length && (pi <= 1 || (x.reReported && wire.length === 0)); pi++) {
    const p = read(pi);
    early.push(p);
    for (const f of p.facts)
      for (const r of f.reports) {
        if (sameSource(r.source, publisher) || wire.some((w) => sameSource(w, r.source))) continue;
        if (pi <= 1 || (x.reReported && wire.length === 0)) wire.push(r.source);
      }
  }
  const isWire = (s: DraftSource) => wire.some((w) => sameSource(w, s));

  for (const a of x.authors) attribute('AUTHOR', a.source, null, a.evidence, null);
  for (const b of x.bylineOutlets)
    if (!sameSource(b.source, publisher)) attribute('WIRE_ORIGIN', b.source, null, b.evidence, null);

  const anonByName = new Map<string, DraftSource>();
  const speakerOf = (f: SentenceFacts, lastPerson: DraftSource | null): DraftSource | null => {
    const anon = f.anonymous.find((a) => a.speaks);
    if (anon) return anonByName.get(anon.source.name.toLowerCase()) ?? anon.source;
    if (f.named[0]) return f.named[0].source;
    const report = f.reports.find((r) => !sameSource(r.source, publisher));
    if (report) return report.source;
    if (f.reliesOnReport && wire[0]) return wire[0];
    if (f.pronounSpeech) return f.people.at(-1)?.source ?? lastPerson;
    return null;
  };

  const quotes: DraftQuote[] = [];
  let lastPerson: DraftSource | null = null;
  paragraphs.forEach((text, pi) => {
    const { sentences: ss, facts: fs } = early[pi] ?? read(pi);
    // the person named last before each sentence: a quote's speaker is worked out only for the sentences of quotes
    const before: Array<DraftSource | null> = [];
    fs.forEach((f, si) => {
      const evidence = ss[si]?.text ?? null;
      const reportVia = f.reports.find((r) => !sameSource(r.source, publisher))?.source ?? null;
      for (const r of f.reports) {
        if (sameSource(r.source, publisher)) continue;
        attribute(isWire(r.source) ? 'WIRE_ORIGIN' : 'NAMED_SOURCE', r.source, null, evidence, pi);
      }
      for (const n of f.named) attribute('NAMED_SOURCE', n.source, reportVia, evidence, pi);
      for (const a of f.anonymous) {
        const via = a.viaOutlet ?? (a.citedByPaper ? (wire[0] ?? reportVia) : null) ?? wire[0] ?? publisher;
        const key = a.source.name.toLowerCase();
        const source = anonByName.get(key) ?? { ...a.source, relayedBy: via?.name ?? null };
        anonByName.set(key, source);
        attribute('ANONYMOUS_SOURCE', source, via, evidence, pi);
      }
      for (const d of f.documents) attribute('DOCUMENT_SOURCE', d.source, d.viaOutlet ?? reportVia, evidence, pi);
      before.push(lastPerson);
      lastPerson = f.people.at(-1)?.source ?? lastPerson;
    });
    for (const q of findQuotes(text)) {
      const idx = quoteSentences(q, ss);
      const speakers = idx.map((i) => {
        const f = fs[i];
        return f ? speakerOf(f, before[i] ?? null) : null;
      });
      const source = speakers.find((s) => s !== null) ?? null;
      quotes.push({ text: q.text, paragraphIndex: pi, source });
    }
    for (const a of x.paragraphs[pi]?.anchors ?? []) {
      const si = sentenceIndex(ss, a.start);
      const f = fs[si] ?? fs.at(-1);
      const sentence = ss[si]?.text ?? text;
      let kind: CrossReferenceKind = 'CITES';
      const anchorOutlet = finder.knownMentions(a.text).some((m) => !sameSource(m.source, publisher));
      if (f?.followsUp) kind = 'FOLLOWS_UP';
      else if (/\bquot(?:ed|ing)\b/i.test(sentence) && f?.reports.some((r) => !sameSource(r.source, publisher)))
        kind = 'QUOTES';
      else if (f?.reports.some((r) => !sameSource(r.source, publisher)) || anchorOutlet) kind = 'RE_REPORTS';
      else if (primaryHost(a.href)) kind = 'PRIMARY_SOURCE';
      references.push({ kind, anchorText: a.text, paragraphIndex: pi, targetUrl: a.href, targetTitle: null });
    }
  });

  // a wire origin known only from the title or byline keeps that line as evidence
  for (const w of wire)
    if (titleWire && sameSource(w, x.titleOutlet)) attribute('WIRE_ORIGIN', w, null, x.rawTitle ?? x.title, null);
  for (const c of x.contributors) attribute('CONTRIBUTOR', c.source, null, c.evidence, null);
  for (const c of x.photoCredits) attribute('PHOTO_CREDIT', c.source, null, c.evidence, null);

  references.push(...x.references);
  return {
    url: x.url,
    title: x.title,
    publishedAt: x.publishedAt,
    modifiedAt: x.modifiedAt,
    language: x.language,
    paragraphs,
    publisher,
    attributions,
    references,
    quotes,
    corrections: x.corrections,
    tags: [...new Map(x.tags.map((t) => [t.toLowerCase(), t])).values()],
    warnings,
  };
}
