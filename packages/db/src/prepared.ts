import type postgres from 'postgres';

export interface PreparedOptions {
  /** Most statement texts kept prepared; 0 prepares none. */
  limit: number;
  /** Runs of a text before it is prepared: one-off statements (DDL, imports) never are. @default 2 */
  after?: number;
}

/**
 * Drizzle runs every statement unnamed (`prepare: false`) unless the caller names it with
 * `.prepare(name)`, so Postgres parses and plans each one again on every run: for a page of
 * articles with nested connections that is about as much Postgres CPU as running it. This lets
 * postgres.js keep a named prepared statement on each connection, and reuse its plan, for the
 * statement texts the server runs again and again — one per query shape, whatever the variables.
 *
 * Bounded: a text is prepared from its `after`-th run on, and at most `limit` texts ever are, so
 * a client sending endless new query shapes costs each connection at most `limit` statements and
 * then simply runs unprepared, as before. Statements inside transactions (writes) stay unnamed.
 * `limit: 0` (NEWSGRAPH_PREPARED_STATEMENTS=0) turns it off, e.g. behind a transaction-mode pooler.
 */
export function withPreparedStatements(client: postgres.Sql, options: PreparedOptions): postgres.Sql {
  if (options.limit <= 0) return client;
  const after = options.after ?? 2;
  const prepared = new Set<string>();
  const runs = new Map<string, number>();
  const unsafe = client.unsafe.bind(client);
  const wrapped: typeof client.unsafe = (query, parameters, queryOptions) => {
    if (queryOptions?.prepare === false && admit(query))
      return unsafe(query, parameters, { ...queryOptions, prepare: true });
    return unsafe(query, parameters, queryOptions);
  };
  function admit(query: string): boolean {
    if (prepared.has(query)) return true;
    if (prepared.size >= options.limit) return false;
    const seen = (runs.get(query) ?? 0) + 1;
    if (seen < after) {
      // a flood of distinct one-off texts must not grow the counts without end
      if (runs.size >= options.limit * 16) runs.clear();
      runs.set(query, seen);
      return false;
    }
    runs.delete(query);
    prepared.add(query);
    return true;
  }
  client.unsafe = wrapped;
  return client;
}
