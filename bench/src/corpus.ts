import type { SourceKind } from '@newsgraph/db';
/**
 * Deterministic fictional corpus: sources, articles (1–4 KB bodies), attributions, cross-references
 * with a power-law in-degree (1% hubs), provenance chains 1–8 deep with ~1% cycles, corrections on
 * 5%. Everything comes from one seed, so every run and every contender sees the same data.
 */
import { normalizeTitle } from '@newsgraph/ingest';
import { type Rng, rng } from './rng.js';

export type Size = 'S' | 'M';
export const SIZES: Record<Size, { articles: number; sources: number }> = {
  S: { articles: 10_000, sources: 200 },
  M: { articles: 100_000, sources: 1_000 },
};

// Common news words; Zipf-chosen, so some are in most bodies and some in few (search selectivity varies).
export const WORDS = `government minister report officials said talks city council election court ruling budget
energy prices river bridge harbor port shipping freight strike union workers hospital school teachers
police investigation inquiry agency statement spokesperson sources according data survey figures rise fall
market bank loan rates inflation drought flood storm coast island village mountain forest railway station
airport airline pilot crew vessel cargo grain wheat fishing fleet license permit regulator audit contract
tender construction housing rent tenants mayor governor senator parliament vote coalition opposition party
campaign ballot count recount protest march square museum library festival concert theatre film award
scientists study research vaccine clinic patients doctors nurses shortage supply chain factory plant
emissions pollution water reservoir pipeline gas oil wind solar grid outage blackout heat winter summer
spring autumn harvest farmers cattle market exports imports tariff customs border crossing checkpoint
refugees shelter aid relief donors charity fund grant scholarship university students exam results
football league match season coach transfer stadium fans tickets record champion final quarter growth
deficit surplus treasury bond debt pension reform tax levy fine penalty appeal judge jury verdict
sentence prison release witness testimony evidence documents leak memo email archive records database
software network outage hack breach privacy telecom satellite launch rocket orbit telescope discovery
fossil species wildlife park ranger trail hikers rescue helicopter ambulance fire brigade smoke alarm`
  .split(/\s+/)
  .filter(Boolean);

const SYLLABLES = 'ka lo mi ve ran tor sel bri dun fa gel hol ith jor kes lum nar pel quo ris sto tev'.split(' ');
const cap = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);
/** A unique pseudo-word per integer (three syllables in base 22). */
export const coined = (n: number) =>
  cap(
    [Math.floor(n / 484) % 22, Math.floor(n / 22) % 22, n % 22]
      .map((i) => SYLLABLES[i])
      .join('')
      .replace(/^ka/, ''),
  ) || 'Ka';

export type { SourceKind };

export interface SourceRow {
  id: string;
  kind: SourceKind;
  name: string;
  domain: string | null;
  relayedById: string | null;
}

export interface ArticleMeta {
  i: number;
  id: string;
  url: string;
  title: string;
  publishedAt: Date | null;
  createdAt: Date;
  publisherId: string;
  corrected: boolean;
}

export interface RefRow {
  id: string;
  fromId: string;
  targetId: string | null;
  kind: string;
  anchorText: string | null;
  paragraphIndex: number;
  targetUrl: string | null;
  createdAt: Date;
  removedAt: Date | null;
}

export interface Corpus {
  size: Size;
  seed: number;
  sources: SourceRow[];
  articles: ArticleMeta[];
  refs: RefRow[];
  /** Body of article i, generated on demand from its own seed (bodies are not kept in memory). */
  body(i: number): string;
  outlets: SourceRow[];
}

const DAY = 86_400_000;
const START = Date.UTC(2020, 0, 1);

function sentence(r: Rng, words = r.int(8, 18)): string {
  const out: string[] = [];
  // 6% coined names (~10k of them): the rare terms a real search mostly asks for
  for (let k = 0; k < words; k++) {
    out.push(r.next() < 0.06 ? coined(r.int(0, 10_647)).toLowerCase() : (WORDS[r.zipf(WORDS.length)] as string));
  }
  return `${cap(out.join(' '))}.`;
}

export function paragraphs(seed: number, i: number): string[] {
  const r = rng(seed * 7919 + i);
  const target = r.int(1000, 4000);
  const out: string[] = [];
  let length = 0;
  while (length < target) {
    const sentences: string[] = [];
    const n = r.int(2, 5);
    for (let k = 0; k < n; k++) sentences.push(sentence(r));
    const p = sentences.join(' ');
    out.push(p);
    length += p.length + 2;
  }
  return out;
}

export function generate(size: Size, seed = 20250221): Corpus {
  const { articles: n, sources: m } = SIZES[size];
  const r = rng(seed);

  const sources: SourceRow[] = [];
  const kindAt = (k: number): SourceKind => {
    const f = k / m;
    if (f < 0.3) return 'OUTLET';
    if (f < 0.35) return 'WIRE_AGENCY';
    if (f < 0.4) return 'PHOTO_AGENCY';
    if (f < 0.7) return 'PERSON';
    if (f < 0.85) return 'ANONYMOUS';
    if (f < 0.9) return 'ORGANIZATION';
    if (f < 0.95) return 'GOVERNMENT';
    return 'DOCUMENT';
  };
  const suffix: Record<SourceKind, string> = {
    OUTLET: 'Herald',
    WIRE_AGENCY: 'Wire',
    PHOTO_AGENCY: 'Pictures',
    PERSON: '',
    ANONYMOUS: '',
    ORGANIZATION: 'Institute',
    GOVERNMENT: 'Ministry',
    DOCUMENT: 'Report',
  };
  for (let k = 0; k < m; k++) {
    const kind = kindAt(k);
    const word = coined(k + 37);
    let name: string;
    if (kind === 'PERSON') name = `${coined(k * 7 + 11)} ${word}`;
    else if (kind === 'ANONYMOUS') name = `sources familiar with the ${WORDS[k % WORDS.length]} matter ${k}`;
    else name = `The ${word} ${suffix[kind]}`;
    const hasDomain = kind === 'OUTLET' || kind === 'WIRE_AGENCY' || kind === 'PHOTO_AGENCY';
    sources.push({
      id: r.uuid(),
      kind,
      name,
      domain: hasDomain ? `${word.toLowerCase()}${k}.example` : null,
      relayedById: null,
    });
  }
  const outlets = sources.filter((s) => s.kind === 'OUTLET');
  const wires = sources.filter((s) => s.kind === 'WIRE_AGENCY');
  for (const s of sources) if (s.kind === 'ANONYMOUS') s.relayedById = r.pick(wires).id;

  const articles: ArticleMeta[] = [];
  const span = 5 * 365 * DAY;
  for (let i = 0; i < n; i++) {
    const publisher = outlets[r.zipf(outlets.length)] as SourceRow;
    const published = START + Math.floor((i / n) * span) + r.int(0, 3_600_000);
    const titleWords: string[] = [];
    for (let k = r.int(5, 10); k > 0; k--) titleWords.push(WORDS[r.zipf(WORDS.length)] as string);
    const title = `${cap(titleWords.join(' '))} ${coined(i % 10_000)}`;
    const d = new Date(published);
    articles.push({
      i,
      id: r.uuid(),
      url: `https://${publisher.domain}/${d.getUTCFullYear()}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/story-${i}`,
      title,
      publishedAt: r.next() < 0.02 ? null : d,
      createdAt: new Date(published + 3_600_000),
      publisherId: publisher.id,
      corrected: r.next() < 0.05,
    });
  }

  // Hubs: 1% of articles, in the older half, that many later articles cite.
  const hubs = new Set<number>();
  while (hubs.size < Math.max(1, Math.floor(n / 100))) hubs.add(r.int(0, Math.floor(n / 2)));
  const hubList = [...hubs].sort((a, b) => a - b);

  const refs: RefRow[] = [];
  const edge = (from: ArticleMeta, target: ArticleMeta | null, kind: string, paragraphIndex: number) => {
    refs.push({
      id: r.uuid(),
      fromId: from.id,
      targetId: target?.id ?? null,
      kind,
      anchorText: r.next() < 0.8 ? (WORDS[r.zipf(WORDS.length)] as string) : null,
      paragraphIndex,
      targetUrl: target ? target.url : `https://elsewhere${r.int(1, 50)}.example/a/${r.int(1, 1e6)}`,
      createdAt: from.createdAt,
      removedAt: r.next() < 0.02 ? new Date(from.createdAt.getTime() + DAY) : null,
    });
  };

  // Stories: chains of 1–8 articles, each re-reporting the previous one.
  type Story = { members: number[]; length: number };
  let open: Story[] = [];
  const chainKinds = ['RE_REPORTS', 'RE_REPORTS', 'RE_REPORTS', 'QUOTES', 'SYNDICATES', 'PRIMARY_SOURCE'];
  for (const a of articles) {
    let p = 0;
    if (open.length && r.next() < 0.7) {
      const story = open[r.int(0, open.length - 1)] as Story;
      const last = articles[story.members[story.members.length - 1] as number] as ArticleMeta;
      edge(a, last, r.pick(chainKinds), p++);
      // ~1% of articles close a cycle: the story's first article cites this, its latest re-report
      if (story.members.length >= 2 && r.next() < 0.014) {
        edge(articles[story.members[0] as number] as ArticleMeta, a, 'CITES', 99);
      }
      story.members.push(a.i);
      if (story.members.length >= story.length) open = open.filter((s) => s !== story);
    } else {
      open.push({ members: [a.i], length: r.int(1, 8) });
      if (open.length > 200) open.shift();
    }
    const earlierHubs = hubList.filter((h) => h < a.i);
    if (earlierHubs.length) {
      const count = r.next() < 0.25 ? 2 : 1;
      for (let k = 0; k < count; k++) edge(a, articles[r.pick(earlierHubs)] as ArticleMeta, 'CITES', p++);
    }
    if (a.i > 0) {
      for (let k = r.int(0, 2); k > 0; k--) {
        edge(a, articles[r.int(0, a.i - 1)] as ArticleMeta, r.pick(['CITES', 'RELATED', 'FOLLOWS_UP']), p++);
      }
    }
    if (r.next() < 0.05) edge(a, null, 'CITES', p++);
  }

  return { size, seed, sources, articles, refs, outlets, body: (i) => paragraphs(seed, i).join('\n\n') };
}

/** Attributions of article i, deterministic from its own seed. */
export function attributionsOf(corpus: Corpus, a: ArticleMeta) {
  const r = rng(corpus.seed * 31 + a.i);
  const byKind = (kind: SourceKind) => corpus.sources.filter((s) => s.kind === kind);
  const cache: Pools = attributionPools.get(corpus) ?? {
    person: byKind('PERSON'),
    wire: byKind('WIRE_AGENCY'),
    photo: byKind('PHOTO_AGENCY'),
    anonymous: byKind('ANONYMOUS'),
    named: [...byKind('PERSON'), ...byKind('ORGANIZATION'), ...byKind('GOVERNMENT')],
    docs: byKind('DOCUMENT'),
  };
  attributionPools.set(corpus, cache);
  const rows: { id: string; sourceId: string; role: string; viaId: string | null; evidence: string | null }[] = [];
  const add = (sourceId: string, role: string, viaId: string | null = null) =>
    rows.push({ id: r.uuid(), sourceId, role, viaId, evidence: r.next() < 0.7 ? sentence(r, 8) : null });
  add(a.publisherId, 'PUBLISHER');
  add(r.pick(cache.person).id, 'AUTHOR');
  if (r.next() < 0.3) add(r.pick(cache.wire).id, 'WIRE_ORIGIN');
  if (r.next() < 0.5) add(r.pick(cache.named).id, 'NAMED_SOURCE');
  if (r.next() < 0.3) {
    const anonymous = r.pick(cache.anonymous);
    add(anonymous.id, 'ANONYMOUS_SOURCE', anonymous.relayedById);
  }
  if (r.next() < 0.1) add(r.pick(cache.docs).id, 'DOCUMENT_SOURCE');
  if (r.next() < 0.3) add(r.pick(cache.photo).id, 'PHOTO_CREDIT');
  return rows.map((row, paragraphIndex) => ({ ...row, paragraphIndex }));
}
interface Pools {
  person: SourceRow[];
  wire: SourceRow[];
  photo: SourceRow[];
  anonymous: SourceRow[];
  named: SourceRow[];
  docs: SourceRow[];
}
const attributionPools = new WeakMap<Corpus, Pools>();

export const titleKey = normalizeTitle;
