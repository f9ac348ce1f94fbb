import type { Article } from '@newsgraph/sdk';
import { humanize } from '../format.js';

type Attribution = Article['attributions'][number];

interface Segment {
  text: string;
  /** the attributions whose evidence covers this stretch, innermost (shortest) first */
  attributions: Attribution[];
}

/**
 * Splits a paragraph at every boundary of every attribution's evidence (its first occurrence).
 * Evidence may nest — "citing two officials" inside "Meridian reported, citing two officials" —
 * so each stretch carries all the attributions that cover it.
 */
export function segments(paragraph: string, attributions: Attribution[]): Segment[] {
  const ranges: { start: number; end: number; attribution: Attribution }[] = [];
  for (const attribution of attributions) {
    const evidence = attribution.evidence?.trim();
    if (!evidence) continue;
    const start = paragraph.indexOf(evidence);
    if (start >= 0) ranges.push({ start, end: start + evidence.length, attribution });
  }
  const cuts = [...new Set([0, paragraph.length, ...ranges.flatMap((r) => [r.start, r.end])])].sort((a, b) => a - b);
  const out: Segment[] = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const [from, to] = [cuts[i] ?? 0, cuts[i + 1] ?? 0];
    if (to <= from) continue;
    const covering = ranges
      .filter((r) => r.start <= from && r.end >= to)
      .sort((a, b) => a.end - a.start - (b.end - b.start))
      .map((r) => r.attribution);
    out.push({ text: paragraph.slice(from, to), attributions: covering });
  }
  return out;
}

export const describeAttribution = (a: Attribution) =>
  `${a.source.name} — ${humanize(a.role)}${a.via ? ` via ${a.via.name}` : ''}`;

export function ArticleText({
  article,
  selected,
  onSelect,
}: {
  article: Article;
  selected: string[];
  onSelect: (ids: string[]) => void;
}) {
  return (
    <div class="article-text">
      {article.paragraphs.map((paragraph, index) => {
        const here = article.attributions.filter((a) => a.paragraphIndex === index);
        return (
          // paragraphs never reorder within one version, so the index is their identity
          <p key={index}>
            {segments(paragraph, here).map((segment, i) => {
              const [inner] = segment.attributions;
              if (!inner) return segment.text;
              const ids = segment.attributions.map((a) => a.id);
              const isSelected = ids.some((id) => selected.includes(id));
              return (
                <button
                  key={i}
                  type="button"
                  class={`evidence role-${inner.role.toLowerCase()}${isSelected ? ' selected' : ''}`}
                  aria-pressed={isSelected}
                  title={segment.attributions.map(describeAttribution).join('; ')}
                  onClick={() => onSelect(ids)}
                  onMouseEnter={() => onSelect(ids)}
                  onFocus={() => onSelect(ids)}
                >
                  {segment.text}
                </button>
              );
            })}
          </p>
        );
      })}
    </div>
  );
}

export function AttributionPanel({ article, selected }: { article: Article; selected: string[] }) {
  return (
    <aside class="attributions" aria-labelledby="attributions-heading">
      <h2 id="attributions-heading">On whose word</h2>
      {article.attributions.length === 0 && <p class="muted">No sources recorded.</p>}
      <ul>
        {article.attributions.map((a) => (
          <li key={a.id} class={selected.includes(a.id) ? 'selected' : ''}>
            <strong>{a.source.name}</strong> <span class={`role role-${a.role.toLowerCase()}`}>{humanize(a.role)}</span>
            {a.via && <span class="via"> via {a.via.name}</span>}
            {a.source.anonymousCount ? <span class="muted"> ({a.source.anonymousCount} people)</span> : null}
            {a.evidence && <q class="evidence-quote">{a.evidence}</q>}
            {a.assertedBy === 'EDITOR' && <span class="muted"> · added by an editor</span>}
          </li>
        ))}
      </ul>
    </aside>
  );
}
