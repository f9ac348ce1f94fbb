import { randomBytes } from 'node:crypto';
import { createDb, type DbHandle, migrate } from '@newsgraph/db';
import { sql } from 'drizzle-orm';

/** The server Postgres that tests make their own databases on (as tests/support/engines.ts). */
const adminUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export type Engine = 'pglite' | 'postgres';

async function postgresAnswers(): Promise<boolean> {
  const admin = await createDb({ url: adminUrl, poolSize: 1 });
  try {
    await admin.ping();
    return true;
  } catch {
    if (process.env.NEWSGRAPH_REQUIRE_POSTGRES === '1') throw new Error(`Postgres at ${adminUrl} does not answer`);
    return false;
  } finally {
    await admin.close();
  }
}

/** Engines a test run covers: PGlite always, Postgres when it answers. */
export const testEngines = async (): Promise<Engine[]> =>
  (await postgresAnswers()) ? ['pglite', 'postgres'] : ['pglite'];

export interface TestStore {
  handle: DbHandle;
  /** Every SQL statement Drizzle sent since the last `statements.length = 0`. */
  statements: string[];
  close(): Promise<void>;
}

/** A fresh, migrated store: an in-memory PGlite, or a new database on the test Postgres, dropped on close. */
export async function openTestStore(engine: Engine): Promise<TestStore> {
  const statements: string[] = [];
  const onQuery = (q: string) => {
    statements.push(q);
  };
  if (engine === 'pglite') {
    const handle = await createDb({ url: '', dataDir: 'memory', onQuery });
    await migrate(handle);
    statements.length = 0;
    return { handle, statements, close: () => handle.close() };
  }
  const name = `newsgraph_t_${randomBytes(6).toString('hex')}`;
  const admin = await createDb({ url: adminUrl, poolSize: 1 });
  await admin.db.execute(sql.raw(`create database ${name}`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const handle = await createDb({ url: url.toString(), onQuery, poolSize: 5 });
  await migrate(handle);
  statements.length = 0;
  return {
    handle,
    statements,
    close: async () => {
      await handle.close();
      await admin.db.execute(sql.raw(`drop database if exists ${name} with (force)`));
      await admin.close();
    },
  };
}

/** Rows of a raw query, whichever engine ran it. */
export async function query<T>(handle: DbHandle, statement: string): Promise<T[]> {
  const result = await handle.db.execute(sql.raw(statement));
  return (Array.isArray(result) ? result : ((result as { rows?: unknown[] }).rows ?? [])) as T[];
}
