import {
  type ArticleStatus,
  type AttributionRole,
  type CorrectionKind,
  type CrossReferenceKind,
  createClient,
  type NewsgraphClient,
  type SourceKind,
  type TypedDocument,
} from '@newsgraph/sdk';

// The explorer talks to the server it was served by, and only through the SDK.
const endpoint = `${window.location.origin}/graphql`;
const KEY_STORAGE = 'newsgraph-editor-key';

/** The editor's API key lives in sessionStorage only: gone when the tab closes, never in localStorage. */
export function editorKey(): string | null {
  try {
    return window.sessionStorage.getItem(KEY_STORAGE);
  } catch {
    return null;
  }
}

export function setEditorKey(key: string | null): void {
  if (key) window.sessionStorage.setItem(KEY_STORAGE, key);
  else window.sessionStorage.removeItem(KEY_STORAGE);
  editorClient = null;
}

/** Reads go without a key, so a stale key never breaks browsing. */
export const reader: NewsgraphClient = createClient({ url: endpoint });

let editorClient: NewsgraphClient | null = null;
export function editor(): NewsgraphClient | null {
  const key = editorKey();
  if (!key) return null;
  editorClient ??= createClient({ url: endpoint, apiKey: key });
  return editorClient;
}

/** A typed document of the explorer's own, for the SDK's `request()` (the SDK has no operation for these). */
function document<TResult, TVariables>(source: string): TypedDocument<TResult, TVariables> {
  return { toString: () => source };
}

export interface CorrectionItem {
  id: string;
  kind: CorrectionKind;
  note: string;
  createdAt: string;
  createdBy: string;
  fromVersion: number;
  toVersion: number;
  article: { id: string; title: string; status: ArticleStatus; publisher: { name: string } | null };
}

const correctionItem = `id kind note createdAt createdBy fromVersion toVersion
  article { id title status publisher { name } }`;

export const LatestCorrectionsDocument = document<
  { corrections: { totalCount: number; edges: { node: CorrectionItem }[] } },
  { first: number }
>(`query ExplorerLatestCorrections($first: Int) {
  corrections(first: $first) { totalCount edges { node { ${correctionItem} } } }
}`);

export interface Publisher {
  id: string;
  name: string;
  kind: SourceKind;
}

export const PublishersDocument = document<{ sources: { edges: { node: Publisher }[] } }, Record<string, never>>(
  `query ExplorerPublishers {
  sources(first: 100, filter: { kind: [OUTLET, WIRE_AGENCY, ORGANIZATION, GOVERNMENT] }) {
    edges { node { id name kind } }
  }
}`,
);

export interface GraphArticle {
  id: string;
  title: string;
  status: ArticleStatus;
  version: number;
  publishedAt: string | null;
  publisher: { name: string } | null;
}

export interface GraphStep {
  depth: number;
  article: GraphArticle | null;
  source: { id: string; name: string; kind: SourceKind } | null;
  via:
    | {
        __typename: 'CrossReference';
        id: string;
        kind: CrossReferenceKind;
        from: { id: string };
        target: { id: string } | null;
      }
    | { __typename: 'Attribution'; id: string; role: AttributionRole; article: { id: string } }
    | null;
}

export interface Revision {
  version: number;
  title: string;
  body: string;
  publishedAt: string | null;
  createdAt: string;
  correction: { id: string; kind: CorrectionKind; note: string; createdBy: string; createdAt: string } | null;
}

const graphArticle = 'id title status version publishedAt publisher { name }';
const graphStep = `depth
  article { ${graphArticle} }
  source { id name kind }
  via {
    __typename
    ... on CrossReference { id kind from { id } target { id } }
    ... on Attribution { id role article { id } }
  }`;

/** What the article page needs beyond the SDK's getArticle: revisions and both directions of the graph, with edges. */
export const ArticleExtrasDocument = document<
  {
    article: {
      id: string;
      revisions: Revision[];
      provenance: GraphStep[];
      derivedArticles: GraphStep[];
      upstreamCorrections: CorrectionItem[];
    } | null;
  },
  { id: string }
>(`query ExplorerArticleExtras($id: ID!) {
  article(id: $id) {
    id
    revisions { version title body publishedAt createdAt correction { id kind note createdBy createdAt } }
    provenance { ${graphStep} }
    derivedArticles { ${graphStep} }
    upstreamCorrections { ${correctionItem} }
  }
}`);

export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message.replace(/^newsgraph: /, '');
  return String(error);
}
