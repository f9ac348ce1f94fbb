import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  type AddCorrectionInput,
  type AddCorrectionResult,
  type Article,
  type CorrectionKind,
  createClient,
  GetSourceDocument,
  NewsgraphError,
  type ProvenanceStep,
  type Source,
  type TypedDocument,
} from './index.js';

// These tests are mostly compile-time: `tsc -b` (tsconfig.tools.json) checks every line, and a
// `@ts-expect-error` that stops erroring fails the build. The runtime parts use a fake fetch.

type Client = ReturnType<typeof createClient>;
// Calls in the type tests only need to compile: this client's requests never settle.
const client: Client = createClient({ url: 'http://example.test', fetch: () => new Promise<Response>(() => {}) });

describe('types', () => {
  it('narrows mutation results by __typename', () => {
    const narrow = (result: AddCorrectionResult) => {
      switch (result.__typename) {
        case 'AddCorrectionSuccess':
          expectTypeOf(result.correction.toVersion).toEqualTypeOf<number>();
          expectTypeOf(result.article.status).toEqualTypeOf<'CORRECTED' | 'PUBLISHED' | 'RETRACTED'>();
          // @ts-expect-error only the conflict has currentVersion
          void result.currentVersion;
          return 'ok';
        case 'VersionConflictError':
          expectTypeOf(result.currentVersion).toEqualTypeOf<number>();
          return 'conflict';
        case 'ValidationError':
          expectTypeOf(result.issues).toEqualTypeOf<Array<{ field: string; message: string }>>();
          return 'invalid';
        case 'NotFoundError':
          return 'missing';
        default:
          expectTypeOf(result).toBeNever();
          return result;
      }
    };
    expectTypeOf(narrow).returns.toEqualTypeOf<'ok' | 'conflict' | 'invalid' | 'missing'>();
    expectTypeOf(client.addCorrection).returns.resolves.toEqualTypeOf<AddCorrectionResult>();
  });

  it('types provenance steps by their kind and role enums, and returns nullable lookups', () => {
    expectTypeOf(client.getArticle).returns.resolves.toEqualTypeOf<Article | null>();
    expectTypeOf(client.getSource).returns.resolves.toEqualTypeOf<Source | null>();
    expectTypeOf(client.getProvenance).returns.resolves.toEqualTypeOf<ProvenanceStep[] | null>();
    const via = (step: ProvenanceStep) => step.kind ?? step.role ?? null;
    expectTypeOf(via).returns.toEqualTypeOf<
      | 'CITES'
      | 'CORRECTS'
      | 'FOLLOWS_UP'
      | 'PRIMARY_SOURCE'
      | 'QUOTES'
      | 'RELATED'
      | 'RE_REPORTS'
      | 'SYNDICATES'
      | 'ANONYMOUS_SOURCE'
      | 'AUTHOR'
      | 'CONTRIBUTOR'
      | 'DOCUMENT_SOURCE'
      | 'NAMED_SOURCE'
      | 'PHOTO_CREDIT'
      | 'PUBLISHER'
      | 'WIRE_ORIGIN'
      | null
    >();
  });

  it('enums are string-literal unions and required input fields are required', () => {
    expectTypeOf<'CLARIFICATION'>().toExtend<CorrectionKind>();
    const ok: AddCorrectionInput = { articleId: 'a', expectedVersion: 1, kind: 'CLARIFICATION', note: 'n' };
    expectTypeOf(ok).toExtend<Parameters<Client['addCorrection']>[0]>();
    // @ts-expect-error not a CorrectionKind
    const wrongEnum: AddCorrectionInput = { articleId: 'a', expectedVersion: 1, kind: 'TYPO', note: 'n' };
    // @ts-expect-error expectedVersion is required
    const missing: AddCorrectionInput = { articleId: 'a', kind: 'CORRECTION', note: 'n' };
    // @ts-expect-error getArticle takes { id } or { url }
    void client.getArticle({ title: 'x' });
    // @ts-expect-error listArticles' filter has no such field
    void client.listArticles({ filter: { publisher: 'x' } });
    void wrongEnum;
    void missing;
  });

  it('request() infers result and variables from a typed document', () => {
    expectTypeOf(client.request(GetSourceDocument, { name: 'Meridian' })).resolves.toEqualTypeOf<{
      source: Source | null;
    }>();
    // @ts-expect-error GetSource has no variable "title"
    void client.request(GetSourceDocument, { title: 'x' });
    const own = '{ __typename }' as unknown as TypedDocument<{ __typename: 'Query' }, Record<string, never>>;
    expectTypeOf(client.request(own)).resolves.toEqualTypeOf<{ __typename: 'Query' }>();
  });
});

/** A fetch that answers from a list of canned responses and records the bodies it was sent. */
function fakeFetch(...answers: Array<{ status?: number; body: unknown; type?: string }>) {
  const sent: Array<Record<string, unknown>> = [];
  const headers: Array<Record<string, string>> = [];
  const fetch: typeof globalThis.fetch = async (_url, init) => {
    sent.push(JSON.parse(String(init?.body)));
    headers.push(init?.headers as Record<string, string>);
    const answer = answers.shift();
    if (!answer) throw new TypeError('fetch failed');
    const text = typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body);
    return new Response(text, {
      status: answer.status ?? 200,
      headers: { 'content-type': answer.type ?? 'application/json' },
    });
  };
  return { fetch, sent, headers };
}

const source = {
  id: 'S1',
  name: 'Meridian Wire',
  kind: 'WIRE_AGENCY',
  aliases: [],
  domain: null,
  anonymousCount: null,
  relayedBy: null,
};

describe('client', () => {
  it('sends the hash first, then the full document once the server says it does not know it', async () => {
    const notFound = {
      errors: [{ message: 'PersistedQueryNotFound', extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } }],
    };
    const fake = fakeFetch({ body: notFound }, { body: { data: { source } } }, { body: { data: { source } } });
    const c = createClient({ url: 'http://example.test', apiKey: 'k', fetch: fake.fetch });
    expect(c.url).toBe('http://example.test/graphql');
    expect(await c.getSource({ name: 'Meridian' })).toEqual(source);
    await c.getSource({ name: 'Meridian' });
    expect(fake.sent[0]).toEqual({
      variables: { name: 'Meridian' },
      extensions: { persistedQuery: { version: 1, sha256Hash: GetSourceDocument.__meta__?.hash } },
    });
    expect(fake.sent[1]?.query).toContain('query GetSource');
    // remembered: the third request goes in full at once
    expect(fake.sent[2]?.query).toContain('query GetSource');
    expect(fake.headers[0]?.authorization).toBe('Bearer k');
  });

  it('turns failures into NewsgraphError with kind, status and codes', async () => {
    const fake = fakeFetch(
      {
        status: 401,
        body: { errors: [{ message: 'Unknown or revoked API key', extensions: { code: 'UNAUTHENTICATED' } }] },
      },
      { status: 502, body: '<html>Bad gateway</html>', type: 'text/html' },
      { body: { errors: [{ message: 'bad', extensions: { code: 'BAD_USER_INPUT' } }], data: null } },
    );
    const c = createClient({ url: 'http://example.test/graphql', fetch: fake.fetch, persisted: false });
    const failure = (p: Promise<unknown>) =>
      p.then(
        () => null,
        (e: unknown) => e as NewsgraphError,
      );
    const auth = await failure(c.listArticles());
    expect(auth).toBeInstanceOf(NewsgraphError);
    expect([auth?.kind, auth?.status, auth?.codes]).toEqual(['auth', 401, ['UNAUTHENTICATED']]);
    const http = await failure(c.listArticles());
    expect([http?.kind, http?.status, http?.body]).toEqual(['http', 502, '<html>Bad gateway</html>']);
    const graphql = await failure(c.listArticles());
    expect([graphql?.kind, graphql?.codes, graphql?.hasCode('BAD_USER_INPUT')]).toEqual([
      'graphql',
      ['BAD_USER_INPUT'],
      true,
    ]);
    const network = await failure(c.listArticles());
    expect(network?.kind).toBe('network');
  });

  it('walks every page with listAllArticles', async () => {
    const node = (id: string) => ({
      id,
      url: `u/${id}`,
      title: id,
      publishedAt: null,
      updatedAt: '',
      language: null,
      status: 'PUBLISHED',
      version: 1,
      publisher: null,
    });
    const page = (ids: string[], end: string | null) => ({
      data: {
        articles: {
          totalCount: 3,
          pageInfo: { hasNextPage: !!end, hasPreviousPage: false, startCursor: null, endCursor: end },
          edges: ids.map((id) => ({ cursor: id, node: node(id) })),
        },
      },
    });
    const fake = fakeFetch({ body: page(['a', 'b'], 'b') }, { body: page(['c'], null) });
    const c = createClient({ url: 'http://example.test', fetch: fake.fetch });
    const ids: string[] = [];
    for await (const article of c.listAllArticles({ pageSize: 2, filter: { hasCorrections: true } }))
      ids.push(article.id);
    expect(ids).toEqual(['a', 'b', 'c']);
    expect(fake.sent.map((b) => b.variables)).toEqual([
      { filter: { hasCorrections: true }, first: 2 },
      { filter: { hasCorrections: true }, first: 2, after: 'b' },
    ]);
  });

  it('reads server-sent events and stops on return()', async () => {
    const correction = { id: 'C1', kind: 'CORRECTION', note: 'n' };
    const stream = `:\n\nevent: next\ndata: ${JSON.stringify({ data: { correctionAdded: correction } })}\n\nevent: next\ndata: ${JSON.stringify({ data: { correctionAdded: { ...correction, id: 'C2' } } })}\n\n`;
    const fake = fakeFetch({ body: stream, type: 'text/event-stream' });
    const c = createClient({ url: 'http://example.test', fetch: fake.fetch });
    const seen: string[] = [];
    for await (const event of c.subscribeToCorrections({ articleId: 'A' })) {
      seen.push(event.id);
      if (seen.length === 2) break;
    }
    expect(seen).toEqual(['C1', 'C2']);
    expect(fake.headers[0]?.accept).toBe('text/event-stream');
    expect(fake.sent[0]?.variables).toEqual({ articleId: 'A' });
  });
});
