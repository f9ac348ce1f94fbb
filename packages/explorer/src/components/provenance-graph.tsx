import type { Core, LayoutOptions } from 'cytoscape';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { GraphEdge, GraphNode } from '../graph.js';
import { articlePath, navigate } from '../router.js';

let dagreRegistered = false;
const STATUS_COLOURS = { PUBLISHED: '#2f6fb3', CORRECTED: '#b26a00', RETRACTED: '#b3261e' } as const;

/**
 * The layered provenance diagram (cytoscape.js + dagre). Loaded on demand so the search page
 * does not pay for the graph library. A canvas is not keyboard-usable, so the same nodes are also
 * listed as links below it.
 */
export function ProvenanceGraph({ nodes, edges }: { nodes: GraphNode[]; edges: GraphEdge[] }) {
  const container = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const [ready, setReady] = useState(false);

  useEffect(() => {
    let cy: Core | undefined;
    let cancelled = false;
    Promise.all([import('cytoscape'), import('cytoscape-dagre')])
      .then(([{ default: cytoscape }, { default: dagre }]) => {
        if (cancelled || !container.current) return;
        if (!dagreRegistered) cytoscape.use(dagre);
        dagreRegistered = true;
        cy = cytoscape({
          container: container.current,
          elements: [
            ...nodes.map((n) => ({
              data: { id: n.id, label: n.label, status: n.status ?? 'SOURCE' },
              classes: [
                n.kind,
                n.current ? 'current' : '',
                n.status === 'CORRECTED' || n.status === 'RETRACTED' ? 'corrected' : '',
              ]
                .filter(Boolean)
                .join(' '),
            })),
            ...edges.map((e) => ({
              data: { id: `edge:${e.id}`, source: e.source, target: e.target, label: e.label },
              classes: e.corrected ? 'corrected' : '',
            })),
          ],
          style: [
            {
              selector: 'node',
              style: {
                label: 'data(label)',
                'text-wrap': 'wrap',
                'text-max-width': '150px',
                'font-size': '10px',
                'text-valign': 'center',
                'text-halign': 'center',
                color: '#fff',
                shape: 'round-rectangle',
                width: '170px',
                height: '58px',
                'background-color': STATUS_COLOURS.PUBLISHED,
              },
            },
            { selector: 'node[status = "CORRECTED"]', style: { 'background-color': STATUS_COLOURS.CORRECTED } },
            { selector: 'node[status = "RETRACTED"]', style: { 'background-color': STATUS_COLOURS.RETRACTED } },
            {
              selector: 'node.source',
              style: { 'background-color': '#e8e8e8', color: '#222', shape: 'ellipse', width: '140px', height: '40px' },
            },
            {
              selector: 'node.corrected',
              style: { 'border-width': 4, 'border-style': 'double', 'border-color': '#000' },
            },
            { selector: 'node.current', style: { 'border-width': 4, 'border-color': '#111', 'font-weight': 'bold' } },
            {
              selector: 'edge',
              style: {
                width: 2,
                'curve-style': 'bezier',
                'target-arrow-shape': 'triangle',
                'line-color': '#888',
                'target-arrow-color': '#888',
                label: 'data(label)',
                'font-size': '9px',
                'text-background-color': '#fff',
                'text-background-opacity': 1,
              },
            },
            {
              selector: 'edge.corrected',
              style: { 'line-color': '#b3261e', 'target-arrow-color': '#b3261e', 'line-style': 'dashed', width: 3 },
            },
          ],
          layout: { name: 'dagre', rankDir: 'TB', nodeSep: 20, rankSep: 60 } as LayoutOptions,
        });
        cy.on('tap', 'node.article', (event) => navigate(articlePath(event.target.id())));
        setReady(true);
      })
      .catch((error: unknown) => setFailed(String(error)));
    return () => {
      cancelled = true;
      cy?.destroy();
    };
  }, [nodes, edges]);

  const articles = nodes.filter((n) => n.kind === 'article');
  const sources = nodes.filter((n) => n.kind === 'source');
  return (
    <div class="graph-wrap">
      <p class="muted" id="graph-caption">
        {articles.length} {articles.length === 1 ? 'article' : 'articles'} and {sources.length}{' '}
        {sources.length === 1 ? 'source' : 'sources'}; arrows point from what was relied on to who relied on it. Click
        an article to open it.
      </p>
      <div
        ref={container}
        class="graph"
        role="img"
        aria-labelledby="graph-caption"
        data-testid="provenance-graph"
        data-node-count={nodes.length}
        data-edge-count={edges.length}
        data-ready={ready ? 'true' : 'false'}
      />
      {failed && <p class="error">The graph could not be drawn: {failed}</p>}
      <ul class="legend" aria-label="Legend">
        <li>
          <span class="swatch" style={{ background: STATUS_COLOURS.PUBLISHED }} /> published
        </li>
        <li>
          <span class="swatch" style={{ background: STATUS_COLOURS.CORRECTED }} /> corrected
        </li>
        <li>
          <span class="swatch" style={{ background: STATUS_COLOURS.RETRACTED }} /> retracted
        </li>
        <li>
          <span class="swatch swatch-source" /> source
        </li>
        <li>
          <span class="swatch swatch-edge" /> relies on a corrected article
        </li>
      </ul>
      <details class="graph-list">
        <summary>The graph as a list</summary>
        <ul>
          {articles.map((n) => (
            <li key={n.id}>
              {n.current ? (
                <strong>{n.label.replace('\n', ': ')} (this article)</strong>
              ) : (
                <a href={articlePath(n.id)}>{n.label.replace('\n', ': ')}</a>
              )}{' '}
              — {n.side < 0 ? 'upstream' : n.side > 0 ? 'downstream' : ''} {n.status?.toLowerCase()}
            </li>
          ))}
          {sources.map((n) => (
            <li key={n.id}>
              {n.label} — source ({n.sourceKind?.toLowerCase().replace(/_/g, ' ')})
            </li>
          ))}
        </ul>
      </details>
    </div>
  );
}
