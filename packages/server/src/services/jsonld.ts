import type { Db } from '@newsgraph/db';
import type { Tx } from './tx.js';

const sourceColumns = { columns: { name: true, kind: true, domain: true, anonymousCount: true } } as const;

/**
 * Everything the JSON-LD of one article needs, as one relational query (one SQL statement): the
 * GraphQL field selects it as part of the article, the CLI loads it by url.
 */
export const jsonLdSelection = {
  columns: {
    url: true,
    title: true,
    publishedAt: true,
    updatedAt: true,
    language: true,
    version: true,
    status: true,
  },
  with: {
    publisher: sourceColumns,
    attributions: {
      columns: { role: true, evidence: true },
      orderBy: { paragraphIndex: 'asc', id: 'asc' },
      with: { source: sourceColumns, via: sourceColumns },
    },
    references: {
      columns: { kind: true, anchorText: true, targetUrl: true, targetTitle: true },
      where: { removedAt: { isNull: true } },
      orderBy: { id: 'asc' },
      with: { target: { columns: { url: true, title: true, publishedAt: true } } },
    },
    corrections: {
      columns: { kind: true, note: true, createdAt: true, statedAt: true, fromVersion: true, toVersion: true },
      orderBy: { createdAt: 'asc', id: 'asc' },
    },
  },
} as const;

async function load(db: Tx | Db, url: string) {
  return db.query.articles.findFirst({ ...jsonLdSelection, where: { url } });
}

export type JsonLdArticle = NonNullable<Awaited<ReturnType<typeof load>>>;
type SourceRow = { name: string; kind: string; domain: string | null; anonymousCount: number | null };

/** The JSON-LD of the article at a canonical url, or null when there is none. */
export async function articleJsonLdByUrl(db: Tx | Db, url: string): Promise<Record<string, unknown> | null> {
  const row = await load(db, url);
  return row ? articleJsonLd(row) : null;
}

const organization = (s: SourceRow): Record<string, unknown> =>
  compact({
    '@type':
      s.kind === 'OUTLET' || s.kind === 'WIRE_AGENCY' || s.kind === 'PHOTO_AGENCY'
        ? 'NewsMediaOrganization'
        : s.kind === 'GOVERNMENT'
          ? 'GovernmentOrganization'
          : 'Organization',
    name: s.name,
    url: s.domain ? `https://${s.domain}/` : undefined,
  });

const agent = (s: SourceRow): Record<string, unknown> =>
  s.kind === 'PERSON' ? { '@type': 'Person', name: s.name } : organization(s);

const ISO = (d: Date | string | null | undefined): string | undefined =>
  d == null ? undefined : new Date(d).toISOString();

function compact(o: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(o).filter(([, v]) => v !== undefined && v !== null && !(Array.isArray(v) && v.length === 0)),
  );
}

const one = <T>(list: T[]): T | T[] | undefined => (list.length === 1 ? list[0] : list.length ? list : undefined);

/**
 * schema.org `NewsArticle` for an article's provenance graph: who published and wrote it
 * (`publisher`, `author`), whose report it rests on (`sourceOrganization`, `isBasedOn` for
 * RE_REPORTS / SYNDICATES / PRIMARY_SOURCE references), what it cites (`citation` for CITES / QUOTES),
 * its photo credit (`image.creditText`) and its corrections (`correction`: CorrectionComment).
 * References with neither a stored target nor a url or title name nothing a reader could follow and
 * are left out, except a RE_REPORTS anchor, which becomes "a report by" the wire origin.
 */
export function articleJsonLd(a: JsonLdArticle): Record<string, unknown> {
  const by = (role: string) => a.attributions.filter((x) => x.role === role);
  const wire = by('WIRE_ORIGIN').map((x) => organization(x.source));
  const photo = by('PHOTO_CREDIT');

  const work = (r: JsonLdArticle['references'][number]): Record<string, unknown> | null => {
    if (r.target) {
      return compact({
        '@type': 'NewsArticle',
        '@id': r.target.url,
        url: r.target.url,
        headline: r.target.title,
        datePublished: ISO(r.target.publishedAt),
      });
    }
    if (r.targetUrl || r.targetTitle) {
      return compact({ '@type': 'CreativeWork', url: r.targetUrl, headline: r.targetTitle });
    }
    if (r.kind === 'RE_REPORTS' && wire.length) {
      return { '@type': 'NewsArticle', publisher: one(wire) };
    }
    return null;
  };
  const works = (kinds: string[]) =>
    a.references
      .filter((r) => kinds.includes(r.kind))
      .map(work)
      .filter((w): w is Record<string, unknown> => w !== null);

  return compact({
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    '@id': a.url,
    url: a.url,
    headline: a.title,
    datePublished: ISO(a.publishedAt),
    dateModified: a.version > 1 ? ISO(a.updatedAt) : undefined,
    inLanguage: a.language,
    version: a.version,
    creativeWorkStatus: a.status,
    publisher: a.publisher ? organization(a.publisher) : undefined,
    author: one(by('AUTHOR').map((x) => agent(x.source))),
    contributor: one(by('CONTRIBUTOR').map((x) => agent(x.source))),
    sourceOrganization: one(wire),
    isBasedOn: one(works(['RE_REPORTS', 'SYNDICATES', 'PRIMARY_SOURCE'])),
    citation: one(works(['CITES', 'QUOTES'])),
    image: photo.length
      ? compact({
          '@type': 'ImageObject',
          creditText: photo[0]?.evidence ?? photo.map((x) => x.source.name).join(' / '),
          creator: one(photo.filter((x) => x.source.kind === 'PERSON').map((x) => agent(x.source))),
          copyrightHolder: one(photo.filter((x) => x.source.kind !== 'PERSON').map((x) => organization(x.source))),
        })
      : undefined,
    correction: a.corrections.map((c) =>
      compact({
        '@type': 'CorrectionComment',
        text: c.note,
        datePublished: ISO(c.statedAt ?? c.createdAt),
        additionalType: c.kind,
      }),
    ),
  });
}
