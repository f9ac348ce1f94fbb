import type { ArticleFilter, ArticleSummary } from '@newsgraph/sdk';
import { useEffect, useState } from 'preact/hooks';
import {
  type CorrectionItem,
  errorMessage,
  LatestCorrectionsDocument,
  type Publisher,
  PublishersDocument,
  reader,
} from '../api.js';
import { StatusBadge } from '../components/status.js';
import { formatDate, formatDateTime, humanize } from '../format.js';
import { articlePath } from '../router.js';

interface Result {
  article: ArticleSummary;
  /** server-escaped HTML with <mark> around matches */
  titleHtml?: string;
  snippetHtml?: string;
  rank?: number;
}

interface Filters {
  q: string;
  publisher: string;
  from: string;
  to: string;
}

function filtersFromUrl(): Filters {
  const params = new URLSearchParams(window.location.search);
  return {
    q: params.get('q') ?? '',
    publisher: params.get('publisher') ?? '',
    from: params.get('from') ?? '',
    to: params.get('to') ?? '',
  };
}

function articleFilter(f: Filters): ArticleFilter | undefined {
  const filter: ArticleFilter = {};
  if (f.publisher) filter.publisherId = f.publisher;
  if (f.from) filter.publishedAfter = new Date(`${f.from}T00:00:00Z`).toISOString();
  if (f.to) filter.publishedBefore = new Date(`${f.to}T23:59:59.999Z`).toISOString();
  return Object.keys(filter).length ? filter : undefined;
}

export function HomePage() {
  const [filters, setFilters] = useState<Filters>(filtersFromUrl);
  const [draft, setDraft] = useState(filters.q);
  const [results, setResults] = useState<{ items: Result[]; total: number; searched: boolean } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [publishers, setPublishers] = useState<Publisher[]>([]);
  const [corrections, setCorrections] = useState<CorrectionItem[] | null>(null);

  useEffect(() => {
    reader
      .request(PublishersDocument, {})
      .then((data) => setPublishers(data.sources.edges.map((e) => e.node).sort((a, b) => a.name.localeCompare(b.name))))
      .catch(() => setPublishers([]));
    reader
      .request(LatestCorrectionsDocument, { first: 10 })
      .then((data) => setCorrections(data.corrections.edges.map((e) => e.node)))
      .catch((e: unknown) => setError(errorMessage(e)));
  }, []);

  useEffect(() => {
    const params = new URLSearchParams();
    for (const [name, value] of Object.entries(filters)) if (value) params.set(name, value);
    const search = params.toString();
    window.history.replaceState(null, '', search ? `/?${search}` : '/');
    const controller = new AbortController();
    const filter = articleFilter(filters);
    setError(null);
    const run = filters.q.trim()
      ? reader.searchArticles(filters.q.trim(), { first: 20, filter }, { signal: controller.signal }).then((page) => ({
          total: page.totalCount,
          searched: true,
          items: page.edges.map((e) => ({
            article: e.node,
            titleHtml: e.titleHighlight,
            snippetHtml: e.highlight,
            rank: e.rank,
          })),
        }))
      : reader.listArticles({ first: 20, filter }, { signal: controller.signal }).then((page) => ({
          total: page.totalCount,
          searched: false,
          items: page.edges.map((e) => ({ article: e.node })),
        }));
    run.then(setResults).catch((e: unknown) => {
      if (!controller.signal.aborted) setError(errorMessage(e));
    });
    return () => controller.abort();
  }, [filters]);

  return (
    <div class="home">
      <section class="search" aria-labelledby="search-heading">
        <h1 id="search-heading">Who reported it first, and what was corrected?</h1>
        {/* biome-ignore lint/a11y/useSemanticElements: <search> is too new for the browsers we support; the role says the same */}
        <form
          role="search"
          class="search-form"
          onSubmit={(event) => {
            event.preventDefault();
            setFilters({ ...filters, q: draft });
          }}
        >
          <label class="visually-hidden" for="q">
            Search articles
          </label>
          <input
            id="q"
            type="search"
            name="q"
            placeholder='Search: words, "phrases", -exclusions'
            value={draft}
            onInput={(event) => setDraft(event.currentTarget.value)}
          />
          <button type="submit">Search</button>
        </form>
        <fieldset class="filters">
          <legend>Filters</legend>
          <label>
            Publisher
            <select
              value={filters.publisher}
              onChange={(event) => setFilters({ ...filters, publisher: event.currentTarget.value })}
            >
              <option value="">Any publisher</option>
              {publishers.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          </label>
          <label>
            Published from
            <input
              type="date"
              value={filters.from}
              onChange={(event) => setFilters({ ...filters, from: event.currentTarget.value })}
            />
          </label>
          <label>
            to
            <input
              type="date"
              value={filters.to}
              onChange={(event) => setFilters({ ...filters, to: event.currentTarget.value })}
            />
          </label>
        </fieldset>
        {error && (
          <p class="error" role="alert">
            {error}
          </p>
        )}
        <div aria-live="polite">
          {results && (
            <p class="muted" id="result-count">
              {results.searched
                ? `${results.total} ${results.total === 1 ? 'article matches' : 'articles match'} “${filters.q.trim()}”, best first`
                : `${results.total} articles, newest first`}
            </p>
          )}
        </div>
        <ol class="results" data-testid="results">
          {results?.items.map((r) => (
            <li key={r.article.id} class="result">
              <h2 class="result-title">
                <a href={articlePath(r.article.id)}>
                  {r.titleHtml ? (
                    // the server HTML-escapes the text and adds only <mark> tags
                    <span dangerouslySetInnerHTML={{ __html: r.titleHtml }} />
                  ) : (
                    r.article.title
                  )}
                </a>
              </h2>
              <p class="meta">
                {r.article.publisher?.name ?? 'Unknown publisher'} · {formatDate(r.article.publishedAt)} ·{' '}
                <StatusBadge status={r.article.status} />
              </p>
              {r.snippetHtml && <p class="snippet" dangerouslySetInnerHTML={{ __html: r.snippetHtml }} />}
            </li>
          ))}
        </ol>
      </section>
      <aside class="feed" aria-labelledby="feed-heading">
        <h2 id="feed-heading">Latest corrections</h2>
        {corrections === null && <p class="muted">Loading…</p>}
        {corrections?.length === 0 && <p class="muted">No corrections yet.</p>}
        <ul>
          {corrections?.map((c) => (
            <li key={c.id} class={`feed-item kind-${c.kind.toLowerCase()}`}>
              <span class="kind">{humanize(c.kind)}</span> <a href={articlePath(c.article.id)}>{c.article.title}</a>
              <p class="note">{c.note}</p>
              <p class="meta">
                {c.article.publisher?.name ?? ''} · v{c.fromVersion}→v{c.toVersion} · {formatDateTime(c.createdAt)}
              </p>
            </li>
          ))}
        </ul>
      </aside>
    </div>
  );
}
