import { count, type SQL, sql } from 'drizzle-orm';
import { alias, type PgTable } from 'drizzle-orm/pg-core';
import type { GraphQLResolveInfo } from 'graphql';
import type { Context } from '../context.js';
import { selects } from '../pagination.js';

// biome-ignore lint/suspicious/noExplicitAny: Drizzle's relational where/extras types are per-table; this helper is table-generic
type Loose = any;

/**
 * Runs a root connection's page query and, when the client asked for `totalCount`, counts the
 * whole filtered set in the same statement (an uncorrelated scalar subquery that Postgres runs
 * once). Only a page past the end, which has no row to carry the count, costs a second statement.
 */
export async function countedConnection<T extends PgTable>(
  ctx: Context,
  info: GraphQLResolveInfo,
  table: T,
  filter: (table: T) => SQL | undefined,
  run: (extras: Loose, where: Loose) => Promise<object[]>,
): Promise<Loose[]> {
  const wantsTotal = selects(info, 'totalCount');
  const scope = alias(table, 'total_scope') as unknown as T;
  const extras = wantsTotal
    ? {
        _total: () =>
          sql<number>`(select count(*)::int from ${table} as ${sql.identifier('total_scope')} where ${filter(scope) ?? sql`true`})`,
      }
    : undefined;
  const rows = await run(extras, { RAW: (t: T) => filter(t) ?? sql`true` });
  if (wantsTotal) {
    const first = rows[0] as { _total?: number } | undefined;
    ctx.totals.set(info, first?._total !== undefined ? Number(first._total) : await countAll(ctx, table, filter));
  }
  return rows;
}

async function countAll<T extends PgTable>(
  ctx: Context,
  table: T,
  filter: (table: T) => SQL | undefined,
): Promise<number> {
  const [result] = await ctx.readDb
    .select({ n: count() })
    .from(table as Loose)
    .where(filter(table));
  return Number(result?.n ?? 0);
}

/**
 * The connection's `totalCount`: read with the page when the page was fetched, else (a query that
 * asks only for totalCount, where no page is fetched) counted on its own.
 */
export function totalOf<T extends PgTable>(
  ctx: Context,
  info: GraphQLResolveInfo,
  table: T,
  filter: (table: T) => SQL | undefined,
): number | Promise<number> {
  return ctx.totals.get(info) ?? countAll(ctx, table, filter);
}
