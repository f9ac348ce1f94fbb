import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import type { PGlite } from '@electric-sql/pglite';
import type { Logger } from 'drizzle-orm';
import { type PgAsyncDatabase, type PgQueryResultHKT, withReplicas } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { withPreparedStatements } from './prepared.js';
import { relations } from './relations.js';

/** The database type every package shares, whichever engine is underneath. */
export type Db = PgAsyncDatabase<PgQueryResultHKT, typeof relations>;

export interface CreateDbOptions {
  /** Postgres connection string. @default process.env.DATABASE_URL */
  url?: string | undefined;
  /**
   * Embedded PGlite data directory when no url is given; `'memory'` keeps it in memory.
   * @default process.env.NEWSGRAPH_DATA_DIR ?? '.newsgraph/data'
   */
  dataDir?: string | undefined;
  /** Called with every SQL statement Drizzle sends; tests count statements with it. */
  onQuery?: ((sql: string, params: unknown[]) => void) | undefined;
  /** Postgres pool size. @default 10 */
  poolSize?: number | undefined;
  /**
   * Statement texts kept as named prepared statements on each connection (Postgres only), so a
   * query shape is planned once per connection instead of on every request; 0 turns it off (a
   * transaction-mode pooler without prepared-statement support needs that).
   * @default process.env.NEWSGRAPH_PREPARED_STATEMENTS, else 100
   */
  preparedStatements?: number | undefined;
  /** Server-side statement timeout in ms (Postgres only). @default 15000 */
  statementTimeoutMs?: number | undefined;
  /** An already-open PGlite instance (a clone of a migrated template in tests). */
  pglite?: PGlite | undefined;
  /**
   * For a PGlite data directory that does not exist yet (or is empty): a tarball of a prepared
   * one (`PGlite.dumpDataDir`) to start from instead of running initdb, which takes seconds of
   * WASM. Called only for a new directory; undefined starts empty as usual.
   */
  template?: (() => Promise<Blob | undefined>) | undefined;
  /**
   * Read replicas (Postgres only): reads that need not see the request's own writes go to one of
   * them at random. @default process.env.DATABASE_REPLICA_URLS, comma-separated
   */
  replicaUrls?: string[] | undefined;
}

export interface DbHandle {
  /** The primary: every write, and reads that must see them. */
  db: Db;
  /** Where plain reads go: the replicas when there are any, else the primary. */
  readDb: Db;
  engine: 'postgres' | 'pglite';
  /** Where the data lives: the url without password, or the PGlite directory. */
  location: string;
  /** Runs one raw SQL statement (for health checks and admin scripts). */
  ping(): Promise<void>;
  close(): Promise<void>;
  /** The PGlite instance, when embedded. */
  pglite?: PGlite;
  /** The postgres.js client, when on Postgres. */
  sql?: postgres.Sql;
}

function preparedFromEnv(): number {
  const text = process.env.NEWSGRAPH_PREPARED_STATEMENTS?.trim() || '100';
  if (!/^\d+$/.test(text))
    throw new Error(`NEWSGRAPH_PREPARED_STATEMENTS must be a whole number (0 turns it off), not "${text}"`);
  return Number(text);
}

export async function createDb(options: CreateDbOptions = {}): Promise<DbHandle> {
  const url = options.url ?? process.env.DATABASE_URL;
  const logger: Logger | undefined = options.onQuery
    ? { logQuery: (query, params) => options.onQuery?.(query, params) }
    : undefined;

  if (url && !options.pglite) {
    const prepared = { limit: options.preparedStatements ?? preparedFromEnv() };
    const open = (at: string, applicationName: string) =>
      withPreparedStatements(
        postgres(at, {
          max: options.poolSize ?? 10,
          onnotice: () => {},
          connection: { statement_timeout: options.statementTimeoutMs ?? 15_000, application_name: applicationName },
        }),
        prepared,
      );
    const client = open(url, 'newsgraph');
    const db = drizzlePostgres({ client, relations, logger }) as unknown as Db;
    const replicaUrls =
      options.replicaUrls ??
      process.env.DATABASE_REPLICA_URLS?.split(',')
        .map((u) => u.trim())
        .filter(Boolean) ??
      [];
    const replicaClients = replicaUrls.map((u) => open(u, 'newsgraph-replica'));
    const replicas = replicaClients.map((c) => drizzlePostgres({ client: c, relations, logger }) as unknown as Db);
    const [first, ...rest] = replicas;
    const readDb = first ? (withReplicas(db, [first, ...rest]) as unknown as Db) : db;
    return {
      db,
      readDb,
      engine: 'postgres',
      location: url.replace(/:[^:@/]*@/, ':***@'),
      sql: client,
      ping: async () => {
        await client`select 1`;
      },
      close: async () => {
        await Promise.all([client.end({ timeout: 5 }), ...replicaClients.map((c) => c.end({ timeout: 5 }))]);
      },
    };
  }

  // loaded only for the embedded engine: PGlite is a large module a Postgres process never needs
  const { drizzle: drizzlePglite } = await import('drizzle-orm/pglite');
  const dataDir = options.dataDir ?? process.env.NEWSGRAPH_DATA_DIR ?? '.newsgraph/data';
  let client = options.pglite;
  if (!client) {
    const { PGlite } = await import('@electric-sql/pglite');
    const fresh = dataDir !== 'memory' && (!existsSync(dataDir) || readdirSync(dataDir).length === 0);
    const loadDataDir = fresh ? await options.template?.() : undefined;
    if (dataDir !== 'memory') mkdirSync(dataDir, { recursive: true });
    client = await PGlite.create(dataDir === 'memory' ? undefined : dataDir, loadDataDir ? { loadDataDir } : {});
  }
  const pglite = client;
  const db = drizzlePglite({ client: pglite, relations, logger }) as unknown as Db;
  return {
    db,
    readDb: db,
    engine: 'pglite',
    location: options.pglite ? 'pglite clone' : dataDir,
    pglite,
    ping: async () => {
      await pglite.query('select 1');
    },
    close: () => pglite.close(),
  };
}
