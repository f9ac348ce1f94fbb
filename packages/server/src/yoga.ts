import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { DbHandle } from '@newsgraph/db';
import { GraphQLError, getOperationAST } from 'graphql';
import { createYoga, maskError, type Plugin, useReadinessCheck } from 'graphql-yoga';
import { type Limits, limitsFromEnv } from './config.js';
import type { Context, Viewer } from './context.js';
import { createEventBus, type PubSub } from './events.js';
import { graphiqlAssets, renderLocalGraphiQL } from './graphiql.js';
import { idempotency } from './idempotency.js';
import { logger, observability } from './observability.js';
import { persistedDocumentsPlugin } from './persisted.js';
import { bodyLimit, noNulCharacters, queryLimits, rateLimits, requestTimeout } from './protection.js';
import { schema } from './schema/index.js';
import { verifyApiKey } from './services/keys.js';
import { explorerPlugin } from './static.js';

export const EXAMPLE_QUERY = `# newsgraph: who reported this first, who repeated it, on whose word,
# and has any link in that chain since been corrected?
query LatestArticle {
  articles(first: 3) {
    totalCount
    edges {
      node {
        title
        url
        publishedAt
        status
        publisher { name kind }
        attributions { role source { name kind } via { name } evidence }
        references { edges { node { kind anchorText targetUrl target { title publisher { name } } } } }
        citedBy { totalCount edges { node { kind from { title publisher { name } } } } }
      }
    }
  }
}
`;

export interface AppOptions {
  handle: DbHandle;
  /** Query, body, time and rate limits. @default limitsFromEnv() */
  limits?: Partial<Limits>;
  /** Show GraphiQL at /graphql. @default true */
  graphiql?: boolean;
  /** Reads without a key. @default process.env.NEWSGRAPH_PUBLIC_READS !== 'false' */
  publicReads?: boolean;
  /** Where correction events go; several apps in one process can share one. @default createEventBus().pubsub */
  pubsub?: PubSub;
  /** Production hides field suggestions. @default process.env.NODE_ENV === 'production' */
  production?: boolean;
  /** More yoga/envelop plugins, run after the built-in ones. */
  plugins?: Plugin[];
  /**
   * The Node listener (`createNodeListener`) has already read and size-checked the body, so yoga
   * need not stream it through a second counter. @default false
   */
  bodiesReadByServer?: boolean;
}

export type App = ReturnType<typeof createApp>;

/**
 * The viewer a request's `Authorization: Bearer <key>` names. A key that is sent but unknown or
 * revoked fails the request even for open reads: a client with a broken key should hear it.
 */
async function viewerFor(request: Request, handle: DbHandle, publicReads: boolean): Promise<Viewer | null> {
  const header = request.headers.get('authorization');
  if (!header) {
    if (!publicReads)
      throw unauthenticated('This server needs an API key for every request: send "Authorization: Bearer <key>"');
    return null;
  }
  const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
  if (!match?.[1]) throw unauthenticated('The Authorization header must be "Bearer <key>"');
  const viewer = await verifyApiKey(handle.db, match[1]);
  if (!viewer) throw unauthenticated('Unknown or revoked API key');
  return viewer;
}

const unauthenticated = (message: string) =>
  new GraphQLError(message, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });

const REQUEST_ID = /^[A-Za-z0-9._-]{1,100}$/;

export function createApp(options: AppOptions) {
  const { handle } = options;
  const limits = { ...limitsFromEnv(), ...options.limits };
  const production = options.production ?? process.env.NODE_ENV === 'production';
  const publicReads = options.publicReads ?? process.env.NEWSGRAPH_PUBLIC_READS !== 'false';
  const pubsub = options.pubsub ?? createEventBus().pubsub;
  const metrics = observability(handle);
  const requestIds = new WeakMap<Request, string>();

  const edge: Plugin = {
    onRequest({ request }) {
      const given = request.headers.get('x-request-id');
      requestIds.set(request, given && REQUEST_ID.test(given) ? given : randomUUID());
      // `/` is the explorer's (explorerPlugin), or a redirect to GraphiQL when it is not built
    },
    onResponse({ request, response }) {
      const id = requestIds.get(request);
      if (id) response.headers.set('x-request-id', id);
    },
    // Unexpected errors are logged with the request id here, then masked to "Unexpected error." (no
    // stack, no SQL); the id in every error's extensions lets an operator find the log line.
    onExecute({ args }) {
      // a mutation reads back what it wrote: keep all of its reads on the primary
      const operation = getOperationAST(args.document, args.operationName);
      if (operation && operation.operation !== 'query') {
        const context = args.contextValue as unknown as Context;
        context.readDb = context.db;
      }
      return {
        onExecuteDone({ args, result, setResult }) {
          if (!('errors' in result) || !result.errors?.length) return;
          const requestId = (args.contextValue as unknown as Context).requestId;
          for (const error of result.errors) {
            const original = error.originalError;
            if (original && !(original instanceof GraphQLError)) {
              logger.error({ requestId, path: error.path, err: original }, 'unexpected error');
            }
          }
          setResult({
            ...result,
            errors: result.errors.map((e) => {
              const unexpected = e.originalError && !(e.originalError instanceof GraphQLError);
              return new GraphQLError(unexpected ? 'Unexpected error.' : e.message, {
                nodes: e.nodes,
                source: e.source,
                positions: e.positions,
                path: e.path,
                ...(unexpected ? {} : { originalError: e.originalError }),
                extensions: unexpected ? { code: 'INTERNAL_SERVER_ERROR', requestId } : { ...e.extensions, requestId },
              });
            }),
          });
        },
      };
    },
  };

  return createYoga<Record<string, unknown>, Context>({
    schema,
    graphqlEndpoint: '/graphql',
    // counts the bytes of bodies with no (or a false) Content-Length, e.g. chunked uploads
    maxRequestBodySize: options.bodiesReadByServer ? false : limits.maxBodyBytes,
    healthCheckEndpoint: '/healthz',
    landingPage: false,
    maskedErrors: { maskError: (error, message, isDev) => maskError(error, message, isDev) },
    graphiql: options.graphiql === false ? false : { title: 'newsgraph', defaultQuery: EXAMPLE_QUERY },
    renderGraphiQL: renderLocalGraphiQL,
    cors: {
      origin: process.env.NEWSGRAPH_CORS_ORIGIN?.split(',') ?? '*',
      credentials: false,
      allowedHeaders: ['content-type', 'authorization', 'idempotency-key', 'x-request-id', 'x-graphql-yoga-csrf'],
      exposedHeaders: ['x-request-id', 'ratelimit-limit', 'ratelimit-remaining', 'ratelimit-reset', 'retry-after'],
    },
    context: async ({ request }): Promise<Context> => ({
      db: handle.db,
      readDb: handle.readDb,
      handle,
      viewer: await viewerFor(request, handle, publicReads),
      requestId: requestIds.get(request) ?? randomUUID(),
      totals: new WeakMap(),
      pubsub,
    }),
    plugins: [
      edge,
      explorerPlugin(),
      graphiqlAssets(),
      metrics.plugin,
      bodyLimit(limits.maxBodyBytes),
      rateLimits(limits),
      idempotency(handle),
      noNulCharacters(),
      persistedDocumentsPlugin(),
      ...queryLimits(limits, production),
      useReadinessCheck({
        endpoint: '/readyz',
        check: async () => {
          await handle.ping();
        },
      }),
      ...(options.plugins ?? []),
      // last, so its race wraps everything that executes
      requestTimeout(limits.requestTimeoutMs),
    ],
  });
}

/**
 * The app as a Node `request` listener that reads each request body itself before yoga sees it:
 * bytes are counted as they arrive, so a chunked upload with no Content-Length is cut off at the
 * limit like any other (413), and yoga gets the whole body as one buffer instead of streaming it
 * through a counting TransformStream of its own (about 0.3 ms of CPU per request).
 */
export function createNodeListener(options: AppOptions): {
  app: App;
  listener: (req: IncomingMessage, res: ServerResponse) => void;
} {
  const maxBytes = options.limits?.maxBodyBytes ?? limitsFromEnv().maxBodyBytes;
  const app = createApp({ ...options, bodiesReadByServer: true });
  const listener = (req: IncomingMessage, res: ServerResponse) => {
    if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS') {
      app(req, res);
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let refused = false;
    req.on('data', (chunk: Buffer) => {
      if (refused) return;
      size += chunk.length;
      if (size > maxBytes) {
        refused = true;
        chunks.length = 0;
        res.writeHead(413, { 'content-type': 'application/json; charset=utf-8', connection: 'close' });
        res.end(
          JSON.stringify({
            errors: [
              { message: `Request body is larger than ${maxBytes} bytes`, extensions: { code: 'PAYLOAD_TOO_LARGE' } },
            ],
          }),
          () => req.destroy(),
        );
        return;
      }
      chunks.push(chunk);
    });
    req.on('error', () => res.destroy());
    req.on('end', () => {
      if (refused) return;
      // whatwg-node takes a non-empty Uint8Array `body` as the request's bytes
      if (size > 0) (req as IncomingMessage & { body?: Buffer }).body = Buffer.concat(chunks, size);
      app(req, res);
    });
  };
  return { app, listener };
}
