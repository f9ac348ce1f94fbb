import { type GraphQLErrorEntry, graphqlError, NewsgraphError } from './errors.js';
import {
  AddCorrectionDocument,
  type AddCorrectionInput,
  type AddCorrectionMutation,
  AddCrossReferenceDocument,
  type AddCrossReferenceInput,
  type AddCrossReferenceMutation,
  type ArticleDetailFragment,
  type ArticleFilter,
  type ArticleOrder,
  type ArticleSummaryFragment,
  CorrectionAddedDocument,
  type CorrectionFieldsFragment,
  GetArticleDocument,
  GetDerivedArticlesDocument,
  GetProvenanceDocument,
  GetSourceDocument,
  GetUpstreamCorrectionsDocument,
  ImportArticleDocument,
  type ImportArticleInput,
  type ImportArticleMutation,
  ListArticlesDocument,
  type ListArticlesQuery,
  type ProvenanceStepFieldsFragment,
  SearchArticlesDocument,
  type SearchArticlesQuery,
  type SourceFieldsFragment,
} from './gql/graphql.js';
import { readEvents, type ServerSentEvent } from './sse.js';

/**
 * A typed GraphQL document: what graphql-codegen's client preset emits (`TypedDocumentString`),
 * in this SDK or in an app's own codegen. `__apiType` only carries the types; `__meta__.hash` is the
 * persisted-document hash when codegen made one.
 */
export interface TypedDocument<TResult, TVariables> {
  __apiType?: (variables: TVariables) => TResult;
  __meta__?: Record<string, unknown> | undefined;
  toString(): string;
}

export type Article = ArticleDetailFragment;
export type ArticleSummary = ArticleSummaryFragment;
export type Source = SourceFieldsFragment;
export type Correction = CorrectionFieldsFragment;
export type ProvenanceStep = ProvenanceStepFieldsFragment;
export type ArticleConnection = ListArticlesQuery['articles'];
export type ArticleSearchConnection = SearchArticlesQuery['searchArticles'];
export type ImportArticleResult = ImportArticleMutation['importArticle'];
export type AddCorrectionResult = AddCorrectionMutation['addCorrection'];
export type AddCrossReferenceResult = AddCrossReferenceMutation['addCrossReference'];

export interface ClientOptions {
  /** The GraphQL endpoint, e.g. `http://localhost:4000/graphql`; a bare origin gets `/graphql` added. */
  url: string;
  /** Sent as `Authorization: Bearer <apiKey>`. Reads need none; writes need an EDITOR key. */
  apiKey?: string | undefined;
  /** @default globalThis.fetch */
  fetch?: typeof fetch | undefined;
  /** Extra headers on every request. */
  headers?: Record<string, string> | undefined;
  /**
   * Send the SDK's operations by sha256 hash (APQ-style `extensions.persistedQuery`) instead of the
   * full text; a server that does not know a hash gets the full document once, and the client remembers.
   * @default true
   */
  persisted?: boolean | undefined;
}

export interface RequestOptions {
  signal?: AbortSignal | undefined;
  headers?: Record<string, string> | undefined;
}

export interface PageOptions {
  first?: number | undefined;
  after?: string | undefined;
}

export interface ListArticlesOptions extends PageOptions {
  filter?: ArticleFilter | undefined;
  orderBy?: ArticleOrder | undefined;
}

export interface SearchOptions extends PageOptions {
  filter?: ArticleFilter | undefined;
}

export interface DepthOptions {
  /** How many hops to follow (0–20). @default 6 (the server's) */
  maxDepth?: number | undefined;
}

/** A live stream of results; `return()` (or `break` in `for await`) closes the connection. */
export interface Subscription<T> extends AsyncIterableIterator<T> {
  /** Connects (if not yet) and resolves once the server has opened the event stream. */
  ready(): Promise<void>;
  return(): Promise<IteratorResult<T, undefined>>;
}

type Variables = Record<string, unknown>;
interface GraphQLBody {
  query?: string;
  variables?: unknown;
  extensions?: Record<string, unknown>;
}
interface GraphQLResult {
  data?: unknown;
  errors?: GraphQLErrorEntry[];
}

const JSON_ACCEPT = 'application/graphql-response+json, application/json;q=0.9';

/** Messages and codes with which servers say "I don't know that hash": yoga, Apollo, and yoga without the plugin. */
function persistedMiss(errors: GraphQLErrorEntry[] | undefined): 'unknown-hash' | 'unsupported' | null {
  for (const error of errors ?? []) {
    const code = error.extensions?.code;
    if (
      error.message === 'PersistedQueryNotFound' ||
      code === 'PERSISTED_QUERY_NOT_FOUND' ||
      code === 'PERSISTED_QUERY_NOT_IN_LIST'
    ) {
      return 'unknown-hash';
    }
    if (error.message === 'PersistedQueryNotSupported' || /must provide query string/i.test(error.message)) {
      return 'unsupported';
    }
  }
  return null;
}

function endpoint(url: string): string {
  const parsed = new URL(url);
  if (parsed.pathname === '/' || parsed.pathname === '') parsed.pathname = '/graphql';
  return parsed.toString();
}

function hashOf(document: TypedDocument<unknown, unknown> | string): string | undefined {
  if (typeof document === 'string') return undefined;
  const hash = document.__meta__?.hash;
  return typeof hash === 'string' ? hash : undefined;
}

export type NewsgraphClient = ReturnType<typeof createClient>;

/**
 * A typed client for a newsgraph server. Browser-safe: it uses only `fetch`, web streams and
 * `TextDecoder`, and the persisted-document hashes come precomputed from codegen.
 */
export function createClient(options: ClientOptions) {
  const url = endpoint(options.url);
  const fetchImpl = options.fetch ?? globalThis.fetch;
  if (typeof fetchImpl !== 'function') throw new TypeError('newsgraph: no fetch available; pass options.fetch');
  let persisted = options.persisted ?? true;
  // Hashes this server said it does not know: sent as full documents from then on.
  const unknownHashes = new Set<string>();

  function headersFor(accept: string, extra?: Record<string, string>): Record<string, string> {
    return {
      'content-type': 'application/json',
      accept,
      ...(options.apiKey ? { authorization: `Bearer ${options.apiKey}` } : {}),
      ...options.headers,
      ...extra,
    };
  }

  async function post(body: GraphQLBody, accept: string, request: RequestOptions = {}): Promise<Response> {
    try {
      return await fetchImpl(url, {
        method: 'POST',
        headers: headersFor(accept, request.headers),
        body: JSON.stringify(body),
        ...(request.signal ? { signal: request.signal } : {}),
      });
    } catch (cause) {
      const reason = cause instanceof Error ? cause.message : String(cause);
      throw new NewsgraphError(`newsgraph: request to ${url} failed: ${reason}`, { kind: 'network', cause });
    }
  }

  /** Reads a JSON GraphQL response; throws NewsgraphError for anything that is not one. */
  async function readResult(response: Response): Promise<GraphQLResult> {
    const text = await response.text().catch((cause: unknown) => {
      throw new NewsgraphError(`newsgraph: reading the response failed`, { kind: 'network', cause });
    });
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // not JSON: a proxy's error page, say
    }
    const result = typeof body === 'object' && body !== null ? (body as GraphQLResult) : null;
    if (!result || (!('data' in result) && !Array.isArray(result.errors))) {
      const auth = response.status === 401 || response.status === 403;
      throw new NewsgraphError(`newsgraph: HTTP ${response.status} ${response.statusText}`.trim(), {
        kind: auth ? 'auth' : 'http',
        status: response.status,
        body,
      });
    }
    Object.defineProperty(result, '__status', { value: response.status, enumerable: false });
    Object.defineProperty(result, '__body', { value: body, enumerable: false });
    return result;
  }

  function unwrap<T>(result: GraphQLResult): T {
    const meta = result as GraphQLResult & { __status?: number; __body?: unknown };
    if (result.errors?.length) throw graphqlError(meta.__status ?? 200, meta.__body, result.errors, result.data);
    if (result.data === undefined || result.data === null) {
      throw new NewsgraphError('newsgraph: the response has no data', {
        kind: 'graphql',
        status: meta.__status,
        body: meta.__body,
      });
    }
    return result.data as T;
  }

  /**
   * Sends a body by hash first when it has one and the server may know it, then in full.
   * `send` turns a body into a result; it is called once or twice.
   */
  async function withPersisted<R>(
    document: TypedDocument<unknown, unknown> | string,
    variables: unknown,
    send: (body: GraphQLBody) => Promise<{ miss: ReturnType<typeof persistedMiss>; value?: R }>,
  ): Promise<R> {
    const hash = hashOf(document);
    const query = document.toString();
    if (persisted && hash && !unknownHashes.has(hash)) {
      const extensions = { persistedQuery: { version: 1, sha256Hash: hash } };
      const first = await send({ variables, extensions });
      if (!first.miss) return first.value as R;
      if (first.miss === 'unsupported') persisted = false;
      else unknownHashes.add(hash);
      // APQ: the full document together with its hash, so a registering server can keep it.
      const second = await send({ query, variables, extensions });
      return second.value as R;
    }
    return (await send({ query, variables })).value as R;
  }

  /** Runs any typed document (the SDK's or an app's own) and returns its `data`. */
  async function request<TResult, TVariables = Variables>(
    document: TypedDocument<TResult, TVariables> | string,
    variables?: TVariables,
    requestOptions?: RequestOptions,
  ): Promise<TResult> {
    return withPersisted<TResult>(document as TypedDocument<unknown, unknown>, variables ?? {}, async (body) => {
      const result = await readResult(await post(body, JSON_ACCEPT, requestOptions));
      const miss = body.query === undefined ? persistedMiss(result.errors) : null;
      return miss ? { miss } : { miss: null, value: unwrap<TResult>(result) };
    });
  }

  /**
   * Subscribes over graphql-yoga's server-sent events (POST, `accept: text/event-stream`). Each
   * `next` event's `data` is yielded; GraphQL errors in an event end the stream with NewsgraphError.
   * Connects on the first `next()` or `ready()`.
   */
  function subscribe<TResult, TVariables = Variables>(
    document: TypedDocument<TResult, TVariables> | string,
    variables?: TVariables,
    requestOptions: RequestOptions = {},
  ): Subscription<TResult> {
    const controller = new AbortController();
    const outer = requestOptions.signal;
    if (outer) {
      if (outer.aborted) controller.abort(outer.reason);
      else outer.addEventListener('abort', () => controller.abort(outer.reason), { once: true });
    }
    const hash = hashOf(document as TypedDocument<unknown, unknown>);
    const query = document.toString();
    const extensions = hash ? { persistedQuery: { version: 1, sha256Hash: hash } } : undefined;
    let byHash = persisted && !!hash && !unknownHashes.has(hash);
    let firstEvent = true;
    let closed = false;
    let stream: Promise<AsyncGenerator<ServerSentEvent>> | undefined;

    const missed = (miss: ReturnType<typeof persistedMiss>) => {
      if (miss === 'unsupported') persisted = false;
      else if (hash) unknownHashes.add(hash);
      byHash = false;
    };

    async function connect(): Promise<AsyncGenerator<ServerSentEvent>> {
      const body: GraphQLBody = byHash
        ? { variables: variables ?? {}, extensions }
        : { query, variables: variables ?? {} };
      if (!byHash && extensions) body.extensions = extensions;
      const response = await post(body, 'text/event-stream', { ...requestOptions, signal: controller.signal });
      const type = response.headers.get('content-type') ?? '';
      if (type.includes('text/event-stream') && response.body) return readEvents(response.body);
      // An answer before the stream started (bad auth, a refused document): plain JSON.
      const result = await readResult(response);
      const miss = byHash ? persistedMiss(result.errors) : null;
      if (miss) {
        missed(miss);
        return connect();
      }
      unwrap(result);
      throw new NewsgraphError('newsgraph: the server did not open an event stream', {
        kind: 'http',
        status: response.status,
        body: result,
      });
    }

    async function read(): Promise<GraphQLResult | null> {
      stream ??= connect();
      const result = await nextResult(await stream);
      // yoga reports an unknown hash as the stream's first event: reconnect with the full document.
      const miss = firstEvent && byHash && result ? persistedMiss(result.errors) : null;
      firstEvent = false;
      if (!miss) return result;
      missed(miss);
      await (await stream).return(undefined);
      stream = connect();
      return nextResult(await stream);
    }

    const iterator: Subscription<TResult> = {
      async ready() {
        stream ??= connect();
        await stream;
      },
      async next(): Promise<IteratorResult<TResult, undefined>> {
        if (closed) return { done: true, value: undefined };
        try {
          const result = await read();
          if (!result) {
            await iterator.return();
            return { done: true, value: undefined };
          }
          return { done: false, value: unwrap<TResult>(result) };
        } catch (error) {
          if (closed) return { done: true, value: undefined };
          await iterator.return();
          if (error instanceof NewsgraphError) throw error;
          throw new NewsgraphError(`newsgraph: subscription failed: ${String(error)}`, {
            kind: 'network',
            cause: error,
          });
        }
      },
      async return(): Promise<IteratorResult<TResult, undefined>> {
        if (!closed) {
          closed = true;
          controller.abort();
          const events = await stream?.catch(() => undefined);
          await events?.return(undefined).catch(() => undefined);
        }
        return { done: true, value: undefined };
      },
      [Symbol.asyncIterator]() {
        return iterator;
      },
    };
    return iterator;
  }

  return {
    /** The endpoint this client talks to. */
    url,
    request,
    subscribe,

    /** One article by id or canonical url, with its attributions, references and corrections; null when there is none. */
    async getArticle(by: { id: string } | { url: string }, requestOptions?: RequestOptions): Promise<Article | null> {
      const variables = 'id' in by ? { id: by.id } : { url: by.url };
      return (await request(GetArticleDocument, variables, requestOptions)).article;
    },

    /** One page of articles, newest first unless ordered otherwise. */
    async listArticles(list: ListArticlesOptions = {}, requestOptions?: RequestOptions): Promise<ArticleConnection> {
      return (await request(ListArticlesDocument, list, requestOptions)).articles;
    },

    /** Every article matching, page by page (`pageSize` per request), as one async iterable. */
    async *listAllArticles(
      list: Omit<ListArticlesOptions, 'first'> & { pageSize?: number } = {},
      requestOptions?: RequestOptions,
    ): AsyncGenerator<ArticleSummary, void, undefined> {
      const { pageSize = 50, ...rest } = list;
      let after = rest.after;
      for (;;) {
        const page = (await request(ListArticlesDocument, { ...rest, first: pageSize, after }, requestOptions))
          .articles;
        for (const edge of page.edges) yield edge.node;
        if (!page.pageInfo.hasNextPage || !page.pageInfo.endCursor) return;
        after = page.pageInfo.endCursor;
      }
    },

    /** Full-text search, ranked, with `<mark>` highlights. */
    async searchArticles(
      query: string,
      search: SearchOptions = {},
      requestOptions?: RequestOptions,
    ): Promise<ArticleSearchConnection> {
      return (await request(SearchArticlesDocument, { query, ...search }, requestOptions)).searchArticles;
    },

    /** One source by id, or by name (aliases match too); null when there is none. */
    async getSource(by: { id: string } | { name: string }, requestOptions?: RequestOptions): Promise<Source | null> {
      const variables = 'id' in by ? { id: by.id } : { name: by.name };
      return (await request(GetSourceDocument, variables, requestOptions)).source;
    },

    /** Upstream, nearest first: what the article re-reports, quotes or cites, and the sources each rests on. Null when the article does not exist. */
    async getProvenance(
      articleId: string,
      depth: DepthOptions = {},
      requestOptions?: RequestOptions,
    ): Promise<ProvenanceStep[] | null> {
      const data = await request(GetProvenanceDocument, { id: articleId, ...depth }, requestOptions);
      return data.article?.provenance ?? null;
    },

    /** Downstream: who repeated the article, and who repeated them. Null when the article does not exist. */
    async getDerivedArticles(
      articleId: string,
      depth: DepthOptions = {},
      requestOptions?: RequestOptions,
    ): Promise<ProvenanceStep[] | null> {
      const data = await request(GetDerivedArticlesDocument, { id: articleId, ...depth }, requestOptions);
      return data.article?.derivedArticles ?? null;
    },

    /** Corrections anywhere upstream made after the article relied on them, newest first. Null when the article does not exist. */
    async getUpstreamCorrections(
      articleId: string,
      depth: DepthOptions = {},
      requestOptions?: RequestOptions,
    ): Promise<Correction[] | null> {
      const data = await request(GetUpstreamCorrectionsDocument, { id: articleId, ...depth }, requestOptions);
      return data.article?.upstreamCorrections ?? null;
    },

    /** Parses and stores article text or HTML. Switch on `__typename` of the result. Needs an EDITOR key. */
    async importArticle(input: ImportArticleInput, requestOptions?: RequestOptions): Promise<ImportArticleResult> {
      return (await request(ImportArticleDocument, { input }, requestOptions)).importArticle;
    },

    /** Corrects an article at `expectedVersion`; `VersionConflictError` if someone corrected it first. Needs an EDITOR key. */
    async addCorrection(input: AddCorrectionInput, requestOptions?: RequestOptions): Promise<AddCorrectionResult> {
      return (await request(AddCorrectionDocument, { input }, requestOptions)).addCorrection;
    },

    /** Records that one article re-reports, cites, quotes … another. Needs an EDITOR key. */
    async addCrossReference(
      input: AddCrossReferenceInput,
      requestOptions?: RequestOptions,
    ): Promise<AddCrossReferenceResult> {
      return (await request(AddCrossReferenceDocument, { input }, requestOptions)).addCrossReference;
    },

    /** New corrections as they happen; with `articleId`, those on that article and anywhere upstream of it. */
    subscribeToCorrections(
      filter: { articleId?: string } = {},
      requestOptions?: RequestOptions,
    ): Subscription<Correction> {
      const events = subscribe(CorrectionAddedDocument, filter, requestOptions);
      const iterator: Subscription<Correction> = {
        ready: () => events.ready(),
        async next(): Promise<IteratorResult<Correction, undefined>> {
          const result = await events.next();
          return result.done ? { done: true, value: undefined } : { done: false, value: result.value.correctionAdded };
        },
        async return(): Promise<IteratorResult<Correction, undefined>> {
          await events.return();
          return { done: true, value: undefined };
        },
        [Symbol.asyncIterator]() {
          return iterator;
        },
      };
      return iterator;
    },
  };
}

/** Reads SSE events until a `next` (yielding its payload) or the end (`complete`, or the stream closing). */
async function nextResult(events: AsyncGenerator<ServerSentEvent>): Promise<GraphQLResult | null> {
  for (;;) {
    const item = await events.next();
    if (item.done) return null;
    const { event, data } = item.value;
    if (event === 'complete') {
      await events.return(undefined);
      return null;
    }
    if (!data) continue;
    try {
      return JSON.parse(data) as GraphQLResult;
    } catch (cause) {
      throw new NewsgraphError('newsgraph: the event stream sent data that is not JSON', {
        kind: 'http',
        body: data,
        cause,
      });
    }
  }
}
