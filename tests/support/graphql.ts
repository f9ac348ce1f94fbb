import type { DbHandle } from '@newsgraph/db';
import { type App, createApp } from '@newsgraph/server';

export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  data?: T | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

/** A client that calls the yoga app in-process (no socket), as the SDK would over HTTP. */
export function inProcessClient(handle: DbHandle, app: App = createApp({ handle })) {
  async function request<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    headers: Record<string, string> = {},
  ): Promise<GraphQLResponse<T>> {
    const response = await app.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', ...headers },
      body: JSON.stringify({ query, variables }),
    });
    const json = (await response.json()) as Omit<GraphQLResponse<T>, 'status'>;
    return { status: response.status, ...json };
  }
  /** Like request, but fails the test on any GraphQL error. */
  async function data<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>): Promise<T> {
    const result = await request<T>(query, variables);
    if (result.errors?.length || !result.data) {
      throw new Error(`GraphQL errors: ${JSON.stringify(result.errors)}`);
    }
    return result.data;
  }
  return { app, request, data };
}
