import type { ArticleStatus, SourceKind } from '@newsgraph/sdk';
import type { GraphArticle, GraphStep } from './api.js';

export interface GraphNode {
  id: string;
  label: string;
  kind: 'article' | 'source';
  status?: ArticleStatus;
  sourceKind?: SourceKind;
  /** upstream (< 0), the article itself (0), downstream (> 0) */
  side: number;
  current?: boolean;
}

export interface GraphEdge {
  id: string;
  /** upstream end: the article or source the other rests on */
  source: string;
  target: string;
  label: string;
  /** the upstream end has been corrected or retracted */
  corrected: boolean;
}

const isCorrected = (status: ArticleStatus | undefined) => status === 'CORRECTED' || status === 'RETRACTED';

/**
 * One layered graph from the article, its upstream walk (articles and the sources they rest on)
 * and its downstream walk. Edges point the way information flowed: from what was relied on to who
 * relied on it, so the original reporting sits on top.
 */
export function buildGraph(
  article: GraphArticle,
  upstream: GraphStep[],
  downstream: GraphStep[],
): { nodes: GraphNode[]; edges: GraphEdge[] } {
  const nodes = new Map<string, GraphNode>();
  const addArticle = (a: GraphArticle, side: number) => {
    if (!nodes.has(a.id)) {
      nodes.set(a.id, {
        id: a.id,
        label: `${a.publisher?.name ?? 'Unknown'}\n${a.title}`,
        kind: 'article',
        status: a.status,
        side,
        current: a.id === article.id,
      });
    }
  };
  addArticle(article, 0);
  for (const step of upstream) {
    if (step.article) addArticle(step.article, -step.depth);
    if (step.source && !nodes.has(`source:${step.source.id}`)) {
      nodes.set(`source:${step.source.id}`, {
        id: `source:${step.source.id}`,
        label: step.source.name,
        kind: 'source',
        sourceKind: step.source.kind,
        side: -step.depth,
      });
    }
  }
  for (const step of downstream) if (step.article) addArticle(step.article, step.depth);

  const edges = new Map<string, GraphEdge>();
  for (const step of [...upstream, ...downstream]) {
    const via = step.via;
    if (via?.__typename === 'CrossReference' && via.target) {
      const [from, to] = [via.target.id, via.from.id];
      if (nodes.has(from) && nodes.has(to)) {
        edges.set(via.id, {
          id: via.id,
          source: from,
          target: to,
          label: via.kind.toLowerCase().replace(/_/g, ' '),
          corrected: isCorrected(nodes.get(from)?.status),
        });
      }
    } else if (via?.__typename === 'Attribution' && step.source) {
      const from = `source:${step.source.id}`;
      if (nodes.has(via.article.id)) {
        edges.set(via.id, {
          id: via.id,
          source: from,
          target: via.article.id,
          label: via.role.toLowerCase().replace(/_/g, ' '),
          corrected: false,
        });
      }
    }
  }
  return { nodes: [...nodes.values()], edges: [...edges.values()] };
}
