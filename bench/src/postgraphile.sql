-- SQL functions so PostGraphile answers the bench's questions the way newsgraph does.
-- A row type for provenance steps: an (always empty) table, so the steps get relations to
-- articles and sources in PostGraphile's schema.
create table if not exists bench_provenance_steps (
  depth int not null,
  article_id uuid references articles (id),
  source_id uuid references sources (id),
  cross_reference_id uuid,
  attribution_id uuid,
  kind text,
  role text,
  evidence text
);
comment on table bench_provenance_steps is E'@omit all,many,create,update,delete';

create or replace function search_articles(query text) returns setof articles as $$
  select a.* from articles a
  where a.search @@ websearch_to_tsquery('english', query)
  order by round(ts_rank(a.search, websearch_to_tsquery('english', query))::numeric, 6) desc, a.id asc
$$ language sql stable;

create or replace function articles_search_rank(a articles, query text) returns numeric as $$
  select round(ts_rank(a.search, websearch_to_tsquery('english', query))::numeric, 6)
$$ language sql stable;

create or replace function articles_search_highlight(a articles, query text) returns text as $$
  select ts_headline('english', replace(replace(replace(a.body, '&', '&amp;'), '<', '&lt;'), '>', '&gt;'),
    websearch_to_tsquery('english', query),
    'StartSel=<mark>, StopSel=</mark>, MaxWords=35, MinWords=15, MaxFragments=2, FragmentDelimiter=" … "')
$$ language sql stable;

create or replace function articles_provenance(a articles, max_depth int) returns setof bench_provenance_steps as $$
  with recursive walk(article_id, depth, ref_id) as (
    select a.id, 0, null::uuid
    union
    select r.target_id, w.depth + 1, r.id from walk w join cross_references r on r.from_id = w.article_id
    where w.depth < max_depth and r.target_id is not null and r.removed_at is null
      and r.kind in ('RE_REPORTS', 'QUOTES', 'SYNDICATES', 'PRIMARY_SOURCE', 'CITES')
  ),
  reached as (select distinct on (article_id) article_id, depth, ref_id from walk order by article_id, depth, ref_id)
  select * from (
    select x.depth, x.article_id, null::uuid, x.ref_id, null::uuid, r.kind::text, null::text, r.anchor_text
    from reached x join cross_references r on r.id = x.ref_id where x.depth > 0
    union all
    select x.depth + 1, null::uuid, t.source_id, null::uuid, t.id, null::text, t.role::text, t.evidence
    from reached x join attributions t on t.article_id = x.article_id
    where t.role in ('WIRE_ORIGIN', 'NAMED_SOURCE', 'ANONYMOUS_SOURCE', 'DOCUMENT_SOURCE') and x.depth < max_depth
  ) steps order by 1, 2, 3, 4, 5
$$ language sql stable;
