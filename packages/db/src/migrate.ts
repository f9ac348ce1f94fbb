import { fileURLToPath } from 'node:url';
import type { DbHandle } from './client.js';

export const migrationsFolder = fileURLToPath(new URL('../drizzle', import.meta.url));

/** Applies every committed migration not yet applied; a second run applies nothing. */
export async function migrate(handle: DbHandle): Promise<void> {
  // each engine's migrator is loaded when used, so a Postgres process never loads PGlite's
  if (handle.engine === 'pglite') {
    const { migrate: migratePglite } = await import('drizzle-orm/pglite/migrator');
    // biome-ignore lint/suspicious/noExplicitAny: the migrator wants the concrete driver type
    await migratePglite(handle.db as any, { migrationsFolder });
  } else {
    const { migrate: migratePostgres } = await import('drizzle-orm/postgres-js/migrator');
    // biome-ignore lint/suspicious/noExplicitAny: the migrator wants the concrete driver type
    await migratePostgres(handle.db as any, { migrationsFolder });
  }
}

/** Names of applied migrations, oldest first. */
export async function appliedMigrations(handle: DbHandle): Promise<string[]> {
  const { sql } = await import('drizzle-orm');
  const rows = await handle.db.execute<{ name: string | null; hash: string }>(
    sql`select name, hash from drizzle.__drizzle_migrations order by created_at`,
  );
  return (rows as unknown as { rows?: { name: string | null; hash: string }[] }).rows
    ? (rows as unknown as { rows: { name: string | null; hash: string }[] }).rows.map((r) => r.name ?? r.hash)
    : (rows as unknown as { name: string | null; hash: string }[]).map((r) => r.name ?? r.hash);
}
