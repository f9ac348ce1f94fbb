import { randomUUID } from 'node:crypto';
import type { DbHandle } from '@newsgraph/db';
import { GraphQLError } from 'graphql';
import { createYoga, maskError, type Plugin, useReadinessCheck } from 'graphql-yoga';
import type { Context } from './context.js';
import { schema } from './schema/index.js';

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
}

export type App = ReturnType<typeof createApp>;

export function createApp(options: AppOptions) {
  const { handle } = options;
  const maxBodyBytes = options.maxBodyBytes ?? 1_000_000;

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
    context: ({ request }): Context => ({
      db: handle.db,
      handle,
      viewer: null,
      requestId: request.headers.get('x-request-id') ?? randomUUID(),
      totals: new WeakMap(),
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
