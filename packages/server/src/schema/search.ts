import { articles } from '@newsgraph/db';
import { and, sql } from 'drizzle-orm';
import { builder } from '../builder.js';
import { badInput, checkedMaxSize, selects } from '../pagination.js';
import { Article, ArticleFilter, articleFilterSql } from './article.js';
import { countedConnection, totalOf } from './totals.js';

const MAX_QUERY_LENGTH = 500;

/** HTML-escapes a text column inside SQL, so the <mark> tags are the only markup in a highlight. */
const escaped = (column: unknown) => sql`replace(replace(replace(${column}, '&', '&amp;'), '<', '&lt;'), '>', '&gt;')`;

const HEADLINE_OPTIONS =
  'StartSel=<mark>, StopSel=</mark>, MaxWords=35, MinWords=15, MaxFragments=2, FragmentDelimiter=" … "';

function checkedQuery(query: string): string {
  const text = query.trim();
  if (!text) throw badInput('Argument "query" must not be empty');
  if (text.length > MAX_QUERY_LENGTH) throw badInput(`Argument "query" must be at most ${MAX_QUERY_LENGTH} characters`);
  return text;
}

function searchFilter(query: string, filter: typeof ArticleFilter.$inferInput | null | undefined) {
  const tsquery = sql`websearch_to_tsquery('english', ${checkedQuery(query)})`;
  const rest = articleFilterSql(filter);
  return (a: typeof articles) => and(sql`${a.search} @@ ${tsquery}`, rest(a));
}

builder.queryFields((t) => ({
  searchArticles: t.drizzleConnection(
    {
      type: Article,
      description:
        'Full-text search over titles and bodies (web-search syntax: words, "phrases", -exclusions, or), ranked, with highlighted snippets.',
      maxSize: checkedMaxSize,
      args: {
        query: t.arg.string({ required: true }),
        filter: t.arg({ type: ArticleFilter, required: false }),
      },
      totalCount: (_root, args, ctx, info) => totalOf(ctx, info, articles, searchFilter(args.query, args.filter)),
      resolve: (query, _root, args, ctx, info) => {
        const tsquery = sql`websearch_to_tsquery('english', ${checkedQuery(args.query)})`;
        return countedConnection(ctx, info, articles, searchFilter(args.query, args.filter), (extras, where) => {
          const page = query({
            where,
            extras: {
              ...extras,
              // numeric, not real: the cursor must round-trip the exact value it is compared with
              rank: (a: typeof articles) => sql<string>`round(ts_rank(${a.search}, ${tsquery})::numeric, 6)`,
              // ts_headline re-parses the whole text: only when the client asked for it
              ...(selects(info, 'edges', 'highlight') && {
                highlight: (a: typeof articles) =>
                  sql<string>`ts_headline('english', ${escaped(a.body)}, ${tsquery}, ${HEADLINE_OPTIONS})`,
              }),
              ...(selects(info, 'edges', 'titleHighlight') && {
                titleHighlight: (a: typeof articles) =>
                  sql<string>`ts_headline('english', ${escaped(a.title)}, ${tsquery}, 'StartSel=<mark>, StopSel=</mark>, HighlightAll=true')`,
              }),
            },
            orderBy: { rank: 'desc', id: 'asc' } as { id: 'asc' },
          });
          // Ranking has to sort every match, and Postgres joins a row's relations before the sort: the
          // page's ids are picked first (rank computed once per match, nothing joined), then only those
          // rows are read with their relations, rank and highlights.
          const ids = ctx.readDb.query.articles.findMany({
            columns: { id: true },
            where: page.where,
            orderBy: page.orderBy,
            limit: (page as { limit?: number }).limit,
          } as Parameters<typeof ctx.readDb.query.articles.findMany>[0]);
          return ctx.readDb.query.articles.findMany({
            ...page,
            where: { RAW: (a: typeof articles) => sql`${a.id} in (${ids.getSQL()})` },
          });
        });
      },
    },
    { name: 'ArticleSearchConnection' },
    {
      name: 'ArticleSearchEdge',
      fields: (edge) => ({
        rank: edge.float({
          description: 'ts_rank of the match; higher is better.',
          resolve: (e) => Number((e.node as unknown as { rank: string }).rank),
        }),
        highlight: edge.string({
          description: 'Best passages of the body with matches in <mark>…</mark>; the rest is HTML-escaped.',
          resolve: (e) => (e.node as unknown as { highlight: string }).highlight,
        }),
        titleHighlight: edge.string({
          description: 'The title with matches in <mark>…</mark>; HTML-escaped.',
          resolve: (e) => (e.node as unknown as { titleHighlight: string }).titleHighlight,
        }),
      }),
    },
  ),
}));
