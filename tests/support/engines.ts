import { randomBytes } from 'node:crypto';
import { createDb, type DbHandle, migrate } from '@newsgraph/db';
import postgres from 'postgres';

export type Engine = 'pglite' | 'postgres';

/** The server Postgres that tests make their own databases on. */
export const adminUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

async function postgresReachable(): Promise<boolean> {
  const sql = postgres(adminUrl, { max: 1, connect_timeout: 3, onnotice: () => {} });
  try {
    await sql`select 1`;
    return true;
  } catch {
    return false;
  } finally {
    await sql.end({ timeout: 1 });
  }
}

const reachable = await postgresReachable();
if (!reachable) {
  if (process.env.NEWSGRAPH_REQUIRE_POSTGRES === '1') {
    throw new Error(`Postgres is required for this run but ${adminUrl} does not answer`);
  }
  console.warn(`[tests] Postgres at ${adminUrl} does not answer: running on PGlite only`);
}

/** Engines this run covers: always PGlite; Postgres when it answers. */
export const engines: Engine[] = reachable ? ['pglite', 'postgres'] : ['pglite'];

export interface Store {
  engine: Engine;
  handle: DbHandle;
  /** Every SQL statement Drizzle sent since the last `statements.length = 0`. */
  statements: string[];
  /** For Postgres: the url of the store's own database. */
  url?: string;
  close(): Promise<void>;
}

/**
 * A fresh, migrated store: an in-memory PGlite, or a new database on the test Postgres that is
 * dropped again on close.
 */
export async function openStore(engine: Engine, options: { migrate?: boolean } = {}): Promise<Store> {
  const statements: string[] = [];
  const onQuery = (sql: string) => {
    statements.push(sql);
  };
  if (engine === 'pglite') {
    const handle = await createDb({ url: '', dataDir: 'memory', onQuery });
    if (options.migrate !== false) await migrate(handle);
    return { engine, handle, statements, close: () => handle.close() };
  }
  const name = `newsgraph_t_${randomBytes(6).toString('hex')}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const handle = await createDb({ url: url.toString(), onQuery, poolSize: 5 });
  if (options.migrate !== false) await migrate(handle);
  return {
    engine,
    handle,
    statements,
    url: url.toString(),
    close: async () => {
      await handle.close();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end({ timeout: 5 });
    },
  };
}
