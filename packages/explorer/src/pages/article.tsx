import type { Article } from '@newsgraph/sdk';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { ArticleExtrasDocument, type CorrectionItem, errorMessage, reader } from '../api.js';
import { ArticleText, AttributionPanel } from '../components/article-text.js';
import { CorrectionForm } from '../components/correction-form.js';
import { ProvenanceGraph } from '../components/provenance-graph.js';
import { RevisionHistory } from '../components/revisions.js';
import { StatusBadge } from '../components/status.js';
import { formatDate, formatDateTime, humanize } from '../format.js';
import { buildGraph } from '../graph.js';
import { articlePath } from '../router.js';

type Extras = NonNullable<Awaited<ReturnType<typeof loadExtras>>>;
const loadExtras = async (id: string) => (await reader.request(ArticleExtrasDocument, { id })).article;

function References({ article }: { article: Article }) {
  const outgoing = article.references.edges.map((e) => e.node);
  const incoming = article.citedBy.edges.map((e) => e.node);
  return (
    <div class="references">
      <section aria-labelledby="refs-heading">
        <h2 id="refs-heading">This article refers to ({article.references.totalCount})</h2>
        {outgoing.length === 0 && <p class="muted">Nothing.</p>}
        <ul>
          {outgoing.map((ref) => (
            <li key={ref.id}>
              <span class="ref-kind">{humanize(ref.kind)}</span>{' '}
              {ref.target ? (
                <a href={articlePath(ref.target.id)}>{ref.target.title}</a>
              ) : (
                <span>
                  {ref.targetTitle ?? ref.targetUrl} <span class="muted">(not in newsgraph yet)</span>
                </span>
              )}
              {ref.anchorText && <span class="muted"> — “{ref.anchorText}”</span>}
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="backlinks-heading">
        <h2 id="backlinks-heading">Referred to by ({article.citedBy.totalCount})</h2>
        {incoming.length === 0 && <p class="muted">No article refers to this one.</p>}
        <ul>
          {incoming.map((ref) => (
            <li key={ref.id}>
              <span class="ref-kind">{humanize(ref.kind)}</span> <a href={articlePath(ref.from.id)}>{ref.from.title}</a>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}

function UpstreamCorrections({ corrections, live }: { corrections: CorrectionItem[]; live: Set<string> }) {
  if (corrections.length === 0) return null;
  return (
    <section class="upstream" aria-labelledby="upstream-heading" data-testid="upstream-corrections">
      <h2 id="upstream-heading">A source of this article has since been corrected</h2>
      <ul>
        {corrections.map((c) => (
          <li key={c.id}>
            {live.has(c.id) && <span class="live">just now</span>} <strong>{humanize(c.kind)}</strong> to{' '}
            <a href={articlePath(c.article.id)}>{c.article.title}</a> ({c.article.publisher?.name}):{' '}
            <span class="note">{c.note}</span> <span class="muted">{formatDateTime(c.createdAt)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function ArticlePage({ id }: { id: string }) {
  const [article, setArticle] = useState<Article | null | undefined>(undefined);
  const [extras, setExtras] = useState<Extras | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [selected, setSelected] = useState<string[]>([]);
  const [reloads, setReloads] = useState(0);
  const [live, setLive] = useState<Set<string>>(new Set());
  const [editorVisible, setEditorVisible] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    Promise.all([reader.getArticle({ id }, { signal: controller.signal }), loadExtras(id)])
      .then(([a, x]) => {
        setArticle(a);
        setExtras(x);
        if (a) document.title = `${a.title} — newsgraph`;
      })
      .catch((e: unknown) => {
        if (!controller.signal.aborted) setError(errorMessage(e));
      });
    return () => controller.abort();
  }, [id, reloads]);

  // Corrections to this article or anything upstream of it, as they happen.
  useEffect(() => {
    const subscription = reader.subscribeToCorrections({ articleId: id });
    (async () => {
      for await (const correction of subscription) {
        if (correction.article.id !== id) setLive((previous) => new Set(previous).add(correction.id));
        setReloads((n) => n + 1);
      }
    })().catch(() => {
      // the stream closed (server restart, navigation): the page still shows what it loaded
    });
    return () => {
      void subscription.return();
    };
  }, [id]);

  // The correction form appears once an editor key is set, without a reload.
  useEffect(() => {
    const onKey = () => setEditorVisible((n) => n + 1);
    window.addEventListener('newsgraph-key', onKey);
    return () => window.removeEventListener('newsgraph-key', onKey);
  }, []);

  const graph = useMemo(
    () => (article && extras ? buildGraph(article, extras.provenance, extras.derivedArticles) : null),
    [article, extras],
  );

  if (error)
    return (
      <p class="error" role="alert">
        {error}
      </p>
    );
  if (article === undefined) return <p class="muted">Loading…</p>;
  if (article === null)
    return (
      <section>
        <h1>No such article</h1>
        <p>
          <a href="/">Back to search</a>
        </p>
      </section>
    );

  const retraction = article.corrections.find((c) => c.kind === 'RETRACTION');
  return (
    <article class="article" data-status={article.status}>
      {article.status === 'RETRACTED' && (
        <div class="retracted-banner" role="note" data-testid="retracted-banner">
          <strong>RETRACTED</strong>
          <span>
            {retraction
              ? ` on ${formatDate(retraction.createdAt)}: ${retraction.note}`
              : ' This article has been retracted.'}
          </span>
        </div>
      )}
      <header class="article-head">
        <h1>{article.title}</h1>
        <p class="meta">
          {article.publisher?.name ?? 'Unknown publisher'} · {formatDate(article.publishedAt)} · version{' '}
          {article.version} · <StatusBadge status={article.status} />
        </p>
        <p class="meta">
          <a href={article.url} rel="noopener noreferrer nofollow" target="_blank">
            Original <span class="visually-hidden">(opens in a new tab)</span>
          </a>
        </p>
      </header>
      {extras && <UpstreamCorrections corrections={extras.upstreamCorrections} live={live} />}
      <div class="article-body">
        <section aria-label="Article text">
          <ArticleText article={article} selected={selected} onSelect={setSelected} />
        </section>
        <AttributionPanel article={article} selected={selected} />
      </div>
      <References article={article} />
      <section aria-labelledby="graph-heading">
        <h2 id="graph-heading">Provenance</h2>
        {graph ? <ProvenanceGraph nodes={graph.nodes} edges={graph.edges} /> : <p class="muted">Loading…</p>}
      </section>
      <section aria-labelledby="history-heading">
        <h2 id="history-heading">Revision history</h2>
        {extras ? <RevisionHistory revisions={extras.revisions} /> : <p class="muted">Loading…</p>}
      </section>
      <section aria-labelledby="edit-heading" class="edit">
        <h2 id="edit-heading">Correct this article</h2>
        <CorrectionForm
          key={`${editorVisible}`}
          article={article}
          onSaved={() => setReloads((n) => n + 1)}
          onReload={() => setReloads((n) => n + 1)}
        />
      </section>
    </article>
  );
}
