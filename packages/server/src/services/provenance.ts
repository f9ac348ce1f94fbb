import type { Db } from '@newsgraph/db';
import { type SQL, sql } from 'drizzle-orm';

/** Edges provenance walks: the ways one article rests on another. RELATED and FOLLOWS_UP are not. */
export const PROVENANCE_KINDS = ['RE_REPORTS', 'QUOTES', 'SYNDICATES', 'PRIMARY_SOURCE', 'CITES'] as const;
/** Attributions that say where information came from (not who wrote, published or photographed it). */
export const SOURCING_ROLES = ['WIRE_ORIGIN', 'NAMED_SOURCE', 'ANONYMOUS_SOURCE', 'DOCUMENT_SOURCE'] as const;

export const MAX_DEPTH = 20;

export type ProvenanceStepRow = {
  depth: number;
  articleId: string | null;
  sourceId: string | null;
  crossReferenceId: string | null;
  attributionId: string | null;
  /** The cross-reference's kind (article steps) … */
  kind: string | null;
  /** … or the attribution's role (source steps). */
  role: string | null;
  /** The anchor text or the attribution's evidence. */
  evidence: string | null;
  /** The step's article, its light columns (no body), read in the walk so it needs no query of its own. */
  article?: StepArticle | null;
  /** The step's source, likewise. */
  source?: StepSource | null;
};

type StepArticle = {
  id: string;
  url: string;
  title: string;
  language: string | null;
  publishedAt: Date | null;
  publisherId: string | null;
  version: number;
  status: string;
};
type StepSource = {
  id: string;
  kind: string;
  name: string;
  aliases: string[];
  domain: string | null;
  anonymousCount: number | null;
  relayedById: string | null;
  mergedIntoId: string | null;
};

/** The columns of StepArticle / StepSource as JSON, keyed by their field names. */
const stepArticleJson = sql`json_build_object('id', sa.id, 'url', sa.url, 'title', sa.title, 'language', sa.language,
  'publishedAt', sa.published_at, 'publisherId', sa.publisher_id, 'version', sa.version, 'status', sa.status)`;
const stepSourceJson = sql`json_build_object('id', ss.id, 'kind', ss.kind, 'name', ss.name, 'aliases', ss.aliases,
  'domain', ss.domain, 'anonymousCount', ss.anonymous_count, 'relayedById', ss.relayed_by_id,
  'mergedIntoId', ss.merged_into_id)`;

const rowsOf = <T>(result: unknown): T[] =>
  Array.isArray(result) ? (result as T[]) : ((result as { rows?: T[] }).rows ?? []);

const kinds = sql.raw(PROVENANCE_KINDS.map((k) => `'${k}'`).join(', '));
const roles = sql.raw(SOURCING_ROLES.map((r) => `'${r}'`).join(', '));

/**
 * The recursive walk, as SQL: every (article, depth, edge) reachable from `start` within `maxDepth`
 * hops. UNION (not UNION ALL) drops repeated rows, and the depth cap ends cycles; hubs cost one row
 * per edge and depth, never one per path.
 */
function walk(start: string | SQL, direction: 'up' | 'down', maxDepth: number) {
  const [from, to] = direction === 'up' ? [sql`r.from_id`, sql`r.target_id`] : [sql`r.target_id`, sql`r.from_id`];
  return sql`walk(article_id, depth, ref_id) as (
    select ${start}::uuid, 0, null::uuid
    union
    select ${to}, w.depth + 1, r.id
    from walk w
    join cross_references r on ${from} = w.article_id
    where w.depth < ${maxDepth} and r.target_id is not null and r.removed_at is null and r.kind in (${kinds})
  ),
  reached as (
    select distinct on (article_id) article_id, depth, ref_id from walk order by article_id, depth, ref_id
  )`;
}

function stepsSql(direction: 'up' | 'down', depth: number) {
  const sources =
    direction === 'up'
      ? sql`union all
        select x.depth + 1, null::uuid, a.source_id, null::uuid, a.id, null::text, a.role::text, a.evidence,
          null::json, ${stepSourceJson}
        from reached x join attributions a on a.article_id = x.article_id join sources ss on ss.id = a.source_id
        where a.role in (${roles}) and a.removed_at is null and x.depth < ${depth}`
      : sql``;
  return sql`select x.depth, x.article_id as "articleId", null::uuid as "sourceId", x.ref_id as "crossReferenceId",
        null::uuid as "attributionId", r.kind::text as kind, null::text as role, r.anchor_text as evidence,
        ${stepArticleJson} as article, null::json as source
      from reached x join cross_references r on r.id = x.ref_id join articles sa on sa.id = x.article_id
      where x.depth > 0
      ${sources}`;
}

/**
 * Upstream (what the article rests on) or downstream (who repeated it), as a JSON array: articles
 * with the edge that reached them and — upstream — the sources each article in the chain cites, with
 * the attribution that names them; nearest first. A scalar subquery on the article's own row, so the
 * query that loads the article computes its provenance in the same statement.
 */
export function provenanceJsonSql(articleId: SQL, direction: 'up' | 'down', maxDepth: number): SQL {
  const depth = Math.max(0, Math.min(maxDepth, MAX_DEPTH));
  return sql`(with recursive ${walk(articleId, direction, depth)}
    select coalesce(json_agg(s order by s.depth, s."articleId", s."sourceId", s."crossReferenceId", s."attributionId"), '[]'::json)
    from (${stepsSql(direction, depth)}) s)`;
}

/** Parses what provenanceJsonSql returned (drivers hand json back parsed or as text). */
export function stepsFromJson(value: unknown): ProvenanceStepRow[] {
  const rows = (typeof value === 'string' ? JSON.parse(value) : (value ?? [])) as ProvenanceStepRow[];
  return rows.map((r) => ({
    ...r,
    depth: Number(r.depth),
    // JSON carries the timestamp as text; the row a query loads has a Date
    article: r.article && {
      ...r.article,
      publishedAt: r.article.publishedAt === null ? null : new Date(r.article.publishedAt),
    },
  }));
}

/**
 * Corrections and retractions made anywhere upstream after this article relied on them (after it
 * was published, or stored when it has no date), as a JSON array of ids, newest first. A scalar
 * subquery on the article's own row (`article` names its columns), so a page of articles asks for
 * all of theirs in the statement that loads the page.
 */
export function upstreamCorrectionIdsJsonSql(article: { id: SQL; since: SQL }, maxDepth = 6): SQL {
  const depth = Math.max(0, Math.min(maxDepth, MAX_DEPTH));
  return sql`(with recursive ${walk(article.id, 'up', depth)}
    select coalesce(json_agg(c.id order by c.created_at desc, c.id desc), '[]'::json) from reached x
    join corrections c on c.article_id = x.article_id
    where x.depth > 0 and c.created_at > ${article.since})`;
}

/** Parses a JSON array of ids (drivers hand json back parsed or as text). */
export function idsFromJson(value: unknown): string[] {
  return (typeof value === 'string' ? JSON.parse(value) : (value ?? [])) as string[];
}

/** Every article downstream of this one (who repeated it), nearest first: whom a correction here affects. */
export async function downstreamArticleIds(
  db: Pick<Db, 'execute'>,
  articleId: string,
  maxDepth = 6,
): Promise<string[]> {
  const depth = Math.max(0, Math.min(maxDepth, MAX_DEPTH));
  const result = await db.execute<{ id: string }>(sql`with recursive ${walk(articleId, 'down', depth)}
    select article_id as id from reached where depth > 0 order by depth, article_id`);
  return rowsOf<{ id: string }>(result).map((r) => r.id);
}

/**
 * Corrections made upstream of any article a publisher put out, after that article relied on them:
 * what a newsroom should look at again. One recursive walk from all of the publisher's articles.
 */
export function correctionsAffectingPublisherSql(publisherId: string, maxDepth = 6) {
  const depth = Math.max(0, Math.min(maxDepth, MAX_DEPTH));
  return sql`with recursive walk(root_at, article_id, depth) as (
      select coalesce(a.published_at, a.created_at), a.id, 0 from articles a where a.publisher_id = ${publisherId}::uuid
      union
      select w.root_at, r.target_id, w.depth + 1
      from walk w join cross_references r on r.from_id = w.article_id
      where w.depth < ${depth} and r.target_id is not null and r.removed_at is null and r.kind in (${kinds})
    )
    select c.id from walk w join corrections c on c.article_id = w.article_id
    where w.depth > 0 and c.created_at > w.root_at`;
}
