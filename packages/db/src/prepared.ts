import type postgres from 'postgres';

export interface PreparedOptions {
  /** Most statement texts kept prepared; 0 prepares none. */
  limit: number;
}

/** Runs of a text before it is prepared: one-off statements (DDL, a migration) never are. */
const AFTER = 2;

/**
 * Drizzle runs every statement unnamed (`prepare: false`) unless the caller names it with
 * `.prepare(name)`, so Postgres parses and plans each one again on every run: for a page of
 * articles with nested connections that is about as much Postgres CPU as running it. This lets
 * postgres.js keep a named prepared statement on each connection, and reuse its plan, for the
 * statement texts the server runs again and again — one per query shape, whatever the variables.
 *
 * Bounded: a text is prepared from its second run on, and at most `limit` texts ever are, so
 * a client sending endless new query shapes costs each connection at most `limit` statements and
 * then simply runs unprepared, as before. Statements inside transactions (writes) stay unnamed.
 * `limit: 0` (NEWSGRAPH_PREPARED_STATEMENTS=0) turns it off, e.g. behind a transaction-mode pooler.
 *
 * Limits: the slots go to the first texts that run twice and are not freed before a restart (a
 * statement cannot be dropped from every pooled connection), so a client sending many new shapes
 * early uses them up and later shapes run unprepared; a caller's own `{ prepare: false }` on this
 * client is overridden too. Postgres may choose one generic plan for a prepared text after five
 * runs, as it does for any prepared statement.
 */
export function withPreparedStatements(client: postgres.Sql, options: PreparedOptions): postgres.Sql {
  // NaN and other non-numbers turn it off rather than lifting the bound
  if (!(options.limit > 0)) return client;
  const prepared = new Set<string>();
  const runs = new Map<string, number>();
  const unsafe = client.unsafe.bind(client) as (...args: unknown[]) => ReturnType<typeof client.unsafe>;
  function admit(query: string): boolean {
    if (prepared.has(query)) return true;
    if (prepared.size >= options.limit) return false;
    const seen = (runs.get(query) ?? 0) + 1;
    if (seen < AFTER) {
      // a flood of distinct one-off texts must not grow the counts without end
      if (runs.size >= options.limit * 16) runs.clear();
      runs.set(query, seen);
      return false;
    }
    runs.delete(query);
    prepared.add(query);
    return true;
  }
  // Only the form drizzle uses, (text, parameters, { prepare: false }), with parameters: postgres.js
  // sends a text without parameters by the simple protocol, which has no prepared statements.
  client.unsafe = ((...args: unknown[]) => {
    const [query, parameters, queryOptions] = args as [string, unknown[] | undefined, postgres.UnsafeQueryOptions?];
    if (args.length === 3 && queryOptions?.prepare === false && parameters?.length && admit(query))
      return unsafe(query, parameters, { ...queryOptions, prepare: true });
    return unsafe(...args);
  }) as typeof client.unsafe;
  return client;
}
