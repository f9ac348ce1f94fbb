import { randomUUID } from 'node:crypto';
import type { DbHandle } from '@newsgraph/db';
import { GraphQLError } from 'graphql';
import { createYoga, maskError, type Plugin, useReadinessCheck } from 'graphql-yoga';
import type { Context, Viewer } from './context.js';
import { createEventBus, type PubSub } from './events.js';
import { schema } from './schema/index.js';
import { verifyApiKey } from './services/keys.js';

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
  /** Largest request body accepted, in bytes. @default 1_000_000 */
  maxBodyBytes?: number;
  /** Show GraphiQL at /graphql. @default true */
  graphiql?: boolean;
  /** Reads without a key. @default process.env.NEWSGRAPH_PUBLIC_READS !== 'false' */
  publicReads?: boolean;
  /** Where correction events go; several apps in one process can share one. @default createEventBus().pubsub */
  pubsub?: PubSub;
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

export function createApp(options: AppOptions) {
  const { handle } = options;
  const maxBodyBytes = options.maxBodyBytes ?? 1_000_000;
  const publicReads = options.publicReads ?? process.env.NEWSGRAPH_PUBLIC_READS !== 'false';
  const pubsub = options.pubsub ?? createEventBus().pubsub;

  const edge: Plugin = {
    onRequest({ request, url, endResponse, fetchAPI }) {
      if (url.pathname === '/') {
        endResponse(new fetchAPI.Response(null, { status: 302, headers: { location: '/graphql' } }));
        return;
      }
      const length = Number(request.headers.get('content-length') ?? 0);
      if (length > maxBodyBytes) {
        endResponse(
          fetchAPI.Response.json(
            {
              errors: [
                {
                  message: `Request body is larger than ${maxBodyBytes} bytes`,
                  extensions: { code: 'PAYLOAD_TOO_LARGE' },
                },
              ],
            },
            { status: 413 },
          ),
        );
      }
    },
  };

  return createYoga<Record<string, unknown>, Context>({
    schema,
    graphqlEndpoint: '/graphql',
    healthCheckEndpoint: '/healthz',
    landingPage: false,
    maskedErrors: {
      // Unexpected errors reach the client as "Unexpected error." with no stack or SQL; the log keeps them.
      maskError: (error, message, isDev) => {
        const original = (error as { originalError?: unknown }).originalError ?? error;
        if (!(original instanceof GraphQLError)) {
          console.error('newsgraph: unexpected error:', original);
        }
        return maskError(error, message, isDev);
      },
    },
    graphiql: options.graphiql === false ? false : { title: 'newsgraph', defaultQuery: EXAMPLE_QUERY },
    context: async ({ request }): Promise<Context> => ({
      db: handle.db,
      handle,
      viewer: await viewerFor(request, handle, publicReads),
      requestId: request.headers.get('x-request-id') ?? randomUUID(),
      totals: new WeakMap(),
      pubsub,
    }),
    plugins: [
      edge,
      useReadinessCheck({
        endpoint: '/readyz',
        check: async () => {
          await handle.ping();
        },
      }),
    ],
  });
}
