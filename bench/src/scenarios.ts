/**
 * The six scenarios: what each contender is asked (its own query text, same question), the
 * hand-written SQL of the limit contenders, the seeded variable lists, and the normalization that
 * makes answers comparable (raw uuids, ISO dates, numbers).
 */
import type { Corpus } from './corpus.js';
import { coined, WORDS } from './corpus.js';
import { rng } from './rng.js';

export const SCENARIOS = ['Q1', 'Q2', 'Q3', 'Q4', 'Q5', 'Q6'] as const;
export type Scenario = (typeof SCENARIOS)[number];
export const MIX: Record<Scenario, number> = { Q1: 30, Q2: 25, Q3: 10, Q4: 20, Q5: 10, Q6: 5 };
export const DESCRIPTIONS: Record<Scenario, string> = {
  Q1: '20 articles of a publisher, newest first, with publisher',
  Q2: '50 articles + publisher + attributions + references/citedBy (first 10, totalCount) + corrections',
  Q3: 'deep cursor page: 20 articles after position ~1000 (page 50)',
  Q4: 'searchArticles, first 20, ranked, with highlight',
  Q5: 'article provenance, maxDepth 6, with step articles and sources',
  Q6: 'node(id) of an article with its publisher',
};

/** Variables of one request, in contender-neutral form (raw uuids). */
export type Vars = { publisherId?: string; position?: number; query?: string; articleId?: string };

// ---------------------------------------------------------------- limit SQL (one statement each)

const PUBLISHER_PAGE = (n: number) => `
  select coalesce(json_agg(json_build_object('id', a.id, 'title', a.title, 'publishedAt', a.published_at,
    'publisher', case when s.id is null then null else json_build_object('id', s.id, 'name', s.name, 'kind', s.kind) end)
    order by a.sort_at desc, a.id desc), '[]'::json)
  from (select id, title, published_at, publisher_id, sort_at from articles where publisher_id = $1
        order by sort_at desc, id desc limit ${n}) a
  left join sources s on s.id = a.publisher_id`;

export const LIMIT_SQL: Record<Scenario, string> = {
  Q1: PUBLISHER_PAGE(20),
  Q2: `
  select coalesce(json_agg(json_build_object(
    'id', a.id, 'title', a.title,
    'publisher', (select json_build_object('name', s.name) from sources s where s.id = a.publisher_id),
    'attributions', (select coalesce(json_agg(json_build_object('role', t.role, 'evidence', t.evidence,
        'source', json_build_object('name', s.name),
        'via', case when v.id is null then null else json_build_object('name', v.name) end)
        order by t.paragraph_index, t.id), '[]'::json)
      from attributions t join sources s on s.id = t.source_id left join sources v on v.id = t.via_id
      where t.article_id = a.id),
    'references', json_build_object(
      'totalCount', (select count(*) from cross_references r where r.from_id = a.id and r.removed_at is null),
      'nodes', (select coalesce(json_agg(json_build_object('kind', r.kind, 'anchorText', r.anchor_text,
          'targetUrl', r.target_url,
          'target', case when x.id is null then null else json_build_object('id', x.id, 'title', x.title) end)
          order by r.id), '[]'::json)
        from (select * from cross_references r where r.from_id = a.id and r.removed_at is null order by r.id limit 10) r
        left join articles x on x.id = r.target_id)),
    'citedBy', json_build_object(
      'totalCount', (select count(*) from cross_references r where r.target_id = a.id and r.removed_at is null),
      'nodes', (select coalesce(json_agg(json_build_object('kind', r.kind,
          'from', json_build_object('id', x.id, 'title', x.title)) order by r.id), '[]'::json)
        from (select * from cross_references r where r.target_id = a.id and r.removed_at is null order by r.id limit 10) r
        join articles x on x.id = r.from_id)),
    'corrections', (select coalesce(json_agg(json_build_object('kind', c.kind, 'note', c.note, 'createdAt', c.created_at)
        order by c.created_at, c.id), '[]'::json) from corrections c where c.article_id = a.id)
    ) order by a.sort_at desc, a.id desc), '[]'::json)
  from (select id, title, publisher_id, sort_at from articles where publisher_id = $1
        order by sort_at desc, id desc limit 50) a`,
  Q3: `
  select coalesce(json_agg(json_build_object('id', a.id, 'title', a.title, 'publishedAt', a.published_at,
    'publisher', case when s.id is null then null else json_build_object('id', s.id, 'name', s.name, 'kind', s.kind) end)
    order by a.sort_at desc, a.id desc), '[]'::json)
  from (select id, title, published_at, publisher_id, sort_at from articles
        where (sort_at, id) < ($1::timestamptz, $2::uuid) order by sort_at desc, id desc limit 20) a
  left join sources s on s.id = a.publisher_id`,
  Q4: `
  with q as (select websearch_to_tsquery('english', $1) as q),
  hits as (
    select a.id, a.title, a.body, a.publisher_id, round(ts_rank(a.search, q.q)::numeric, 6) as rank, q.q
    from articles a, q where a.search @@ q.q order by rank desc, a.id asc limit 20)
  select coalesce(json_agg(json_build_object('id', h.id, 'title', h.title, 'rank', h.rank,
    'highlight', ts_headline('english', replace(replace(replace(h.body, '&', '&amp;'), '<', '&lt;'), '>', '&gt;'), h.q,
      'StartSel=<mark>, StopSel=</mark>, MaxWords=35, MinWords=15, MaxFragments=2, FragmentDelimiter=" … "'),
    'publisher', case when s.id is null then null else json_build_object('name', s.name) end)
    order by h.rank desc, h.id asc), '[]'::json)
  from hits h left join sources s on s.id = h.publisher_id`,
  Q5: `
  with recursive walk(article_id, depth, ref_id) as (
    select $1::uuid, 0, null::uuid
    union
    select r.target_id, w.depth + 1, r.id from walk w join cross_references r on r.from_id = w.article_id
    where w.depth < 6 and r.target_id is not null and r.removed_at is null
      and r.kind in ('RE_REPORTS', 'QUOTES', 'SYNDICATES', 'PRIMARY_SOURCE', 'CITES')
  ),
  reached as (select distinct on (article_id) article_id, depth, ref_id from walk order by article_id, depth, ref_id),
  steps as (
    select x.depth, x.article_id, null::uuid as source_id, x.ref_id as cr_id, null::uuid as at_id,
      r.kind::text as kind, null::text as role, r.anchor_text as evidence
    from reached x join cross_references r on r.id = x.ref_id where x.depth > 0
    union all
    select x.depth + 1, null, t.source_id, null, t.id, null, t.role::text, t.evidence
    from reached x join attributions t on t.article_id = x.article_id
    where t.role in ('WIRE_ORIGIN', 'NAMED_SOURCE', 'ANONYMOUS_SOURCE', 'DOCUMENT_SOURCE') and x.depth < 6
  )
  select json_build_object('id', me.id, 'title', me.title, 'provenance', (
    select coalesce(json_agg(json_build_object('depth', st.depth, 'kind', st.kind, 'role', st.role,
      'evidence', st.evidence,
      'article', case when a.id is null then null else json_build_object('id', a.id, 'title', a.title) end,
      'source', case when s.id is null then null else json_build_object('id', s.id, 'name', s.name) end)
      order by st.depth, st.article_id, st.source_id, st.cr_id, st.at_id), '[]'::json)
    from steps st left join articles a on a.id = st.article_id left join sources s on s.id = st.source_id))
  from articles me where me.id = $1`,
  Q6: `
  select json_build_object('id', a.id, 'title', a.title, 'url', a.url, 'publishedAt', a.published_at,
    'status', a.status, 'version', a.version,
    'publisher', (select json_build_object('name', s.name) from sources s where s.id = a.publisher_id))
  from articles a where a.id = $1`,
};

export function limitParams(s: Scenario, v: Vars, cursors: Map<number, [string, string]>): unknown[] {
  switch (s) {
    case 'Q1':
    case 'Q2':
      return [v.publisherId];
    case 'Q3': {
      const c = cursors.get(v.position as number);
      if (!c) throw new Error(`no cursor for position ${v.position}`);
      return c;
    }
    case 'Q4':
      return [v.query];
    default:
      return [v.articleId];
  }
}

// ---------------------------------------------------------------- GraphQL documents

export const NEWSGRAPH: Record<Scenario, string> = {
  Q1: `query Q1($p: ID!) { articles(first: 20, filter: { publisherId: $p }) { edges { node { id title publishedAt publisher { id name kind } } } } }`,
  Q2: `query Q2($p: ID!) { articles(first: 50, filter: { publisherId: $p }) { edges { node { id title publisher { name }
    attributions { role evidence source { name } via { name } }
    references(first: 10) { totalCount edges { node { kind anchorText targetUrl target { id title } } } }
    citedBy(first: 10) { totalCount edges { node { kind from { id title } } } }
    corrections { kind note createdAt } } } } }`,
  Q3: `query Q3($after: String!) { articles(first: 20, after: $after) { edges { node { id title publishedAt publisher { id name kind } } } } }`,
  Q4: `query Q4($q: String!) { searchArticles(query: $q, first: 20) { edges { rank highlight node { id title publisher { name } } } } }`,
  Q5: `query Q5($id: ID!) { article(id: $id) { id title provenance(maxDepth: 6) { depth kind role evidence article { id title } source { id name } } } }`,
  Q6: `query Q6($id: ID!) { node(id: $id) { id ... on Article { title url publishedAt status version publisher { name } } } }`,
};

export const POSTGRAPHILE: Record<Scenario, string> = {
  Q1: `query Q1($p: UUID!) { allArticles(first: 20, condition: { publisherId: $p }, orderBy: [SORT_AT_DESC, ID_DESC]) { nodes { id title publishedAt publisher: sourceByPublisherId { id name kind } } } }`,
  Q2: `query Q2($p: UUID!) { allArticles(first: 50, condition: { publisherId: $p }, orderBy: [SORT_AT_DESC, ID_DESC]) { nodes { id title publisher: sourceByPublisherId { name }
    attributions: attributionsByArticleId(orderBy: [PARAGRAPH_INDEX_ASC, ID_ASC]) { nodes { role evidence source: sourceBySourceId { name } via: sourceByViaId { name } } }
    references: crossReferencesByFromId(first: 10, condition: { removedAt: null }, orderBy: ID_ASC) { totalCount nodes { kind anchorText targetUrl target: articleByTargetId { id title } } }
    citedBy: crossReferencesByTargetId(first: 10, condition: { removedAt: null }, orderBy: ID_ASC) { totalCount nodes { kind from: articleByFromId { id title } } }
    corrections: correctionsByArticleId(orderBy: [CREATED_AT_ASC, ID_ASC]) { nodes { kind note createdAt } } } } }`,
  Q3: `query Q3($after: Cursor!) { allArticles(first: 20, after: $after, orderBy: [SORT_AT_DESC, ID_DESC]) { nodes { id title publishedAt publisher: sourceByPublisherId { id name kind } } } }`,
  Q4: `query Q4($q: String!) { searchArticles(query: $q, first: 20) { nodes { id title rank: searchRank(query: $q) highlight: searchHighlight(query: $q) publisher: sourceByPublisherId { name } } } }`,
  Q5: `query Q5($id: UUID!) { articleById(id: $id) { id title provenance(maxDepth: 6) { nodes { depth kind role evidence article: articleByArticleId { id title } source: sourceBySourceId { id name } } } } }`,
  Q6: `query Q6($id: ID!) { node(nodeId: $id) { ... on Article { id title url publishedAt status version publisher: sourceByPublisherId { name } } } }`,
};

export const globalId = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString('base64');
export const postgraphileNodeId = (id: string) => Buffer.from(JSON.stringify(['articles', id])).toString('base64');

/** Cursors of the deep page (Q3), per contender, by position: filled by the runner before timing. */
export type CursorBook = { newsgraph: Map<number, string>; postgraphile: Map<number, string> };

export function graphqlVariables(
  contender: 'newsgraph' | 'postgraphile',
  s: Scenario,
  v: Vars,
  book: CursorBook,
): Record<string, unknown> {
  const ng = contender === 'newsgraph';
  switch (s) {
    case 'Q1':
    case 'Q2':
      return { p: ng ? globalId('Source', v.publisherId as string) : v.publisherId };
    case 'Q3': {
      const after = book[contender].get(v.position as number);
      if (!after) throw new Error(`no ${contender} cursor for position ${v.position}`);
      return { after };
    }
    case 'Q4':
      return { q: v.query };
    case 'Q5':
      return { id: ng ? globalId('Article', v.articleId as string) : v.articleId };
    case 'Q6':
      return { id: ng ? globalId('Article', v.articleId as string) : postgraphileNodeId(v.articleId as string) };
  }
}

// ---------------------------------------------------------------- variables

export function variableLists(corpus: Corpus, count: number): Record<Scenario, Vars[]> {
  const r = rng(corpus.seed ^ 0x5eed);
  // publishers with articles (the generator favours some, like real traffic)
  const publishers = [...new Set(corpus.articles.map((a) => a.publisherId))].sort();
  const withChains = new Set(corpus.refs.filter((x) => x.targetId).map((x) => x.fromId));
  const chained = corpus.articles.filter((a) => withChains.has(a.id));
  const list = <T>(f: () => T) => Array.from({ length: count }, f);
  return {
    Q1: list(() => ({ publisherId: r.pick(publishers) })),
    Q2: list(() => ({ publisherId: r.pick(publishers) })),
    Q3: list(() => ({ position: 1000 + r.int(0, 99) })),
    // a rare name alone, or with a common word; now and then two common words (thousands of hits)
    Q4: list(() => {
      const name = coined(r.int(0, 10_647)).toLowerCase();
      const common = WORDS[r.int(0, WORDS.length - 1)] as string;
      const x = r.next();
      return { query: x < 0.5 ? name : x < 0.9 ? `${name} ${common}` : `${common} ${WORDS[r.int(0, 60)]}` };
    }),
    Q5: list(() => ({ articleId: r.pick(chained).id })),
    Q6: list(() => ({ articleId: r.pick(corpus.articles).id })),
  };
}

// ---------------------------------------------------------------- normalization

type J = Record<string, unknown>;
const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const rawId = (id: unknown): unknown => {
  if (typeof id !== 'string' || UUID_RE.test(id)) return id;
  const decoded = Buffer.from(id, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon > 0 ? decoded.slice(colon + 1) : id;
};
const DATE_KEYS = new Set(['publishedAt', 'createdAt']);

/** Canonical form: ids raw, dates ISO, ranks numbers, connection wrappers flattened to arrays. */
function canon(value: unknown, key = ''): unknown {
  if (Array.isArray(value)) return value.map((v) => canon(v));
  if (value && typeof value === 'object') {
    const o = value as J;
    if ('edges' in o && Array.isArray(o.edges)) {
      const nodes = (o.edges as J[]).map((e) => {
        const { node, cursor: _cursor, ...edge } = e;
        return { ...(node as J), ...edge };
      });
      return 'totalCount' in o ? canon({ totalCount: o.totalCount, nodes }) : canon(nodes);
    }
    if ('nodes' in o && Array.isArray(o.nodes) && !('totalCount' in o)) return canon(o.nodes);
    const out: J = {};
    for (const k of Object.keys(o).sort()) out[k] = canon(o[k], k);
    return out;
  }
  if (key === 'id') return rawId(value);
  if (DATE_KEYS.has(key) && typeof value === 'string') return new Date(value).toISOString();
  if (key === 'rank') return Number(value);
  return value;
}

/** The scenario's answer out of a response body, canonical. */
export function normalize(contender: string, body: string): unknown {
  const parsed = JSON.parse(body) as J;
  if (contender.startsWith('limit')) return canon(parsed);
  if (parsed.errors) return { errors: parsed.errors };
  const data = (parsed.data ?? {}) as J;
  const root = Object.values(data)[0];
  return canon(root);
}
