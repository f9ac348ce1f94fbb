import type { Db } from '@newsgraph/db';

/** A database or a transaction on it: services take either. */
export type Tx = Pick<Db, 'select' | 'insert' | 'update' | 'execute' | 'query'>;

function hasCode(error: unknown, codes: readonly string[]): boolean {
  for (let e = error; e instanceof Error || (e && typeof e === 'object'); e = (e as { cause?: unknown }).cause) {
    if (codes.includes((e as { code?: unknown }).code as string)) return true;
  }
  return false;
}

/**
 * Runs a whole write transaction again when it lost a race on a unique index (the same new url,
 * outlet or source stored by a concurrent write): the next run finds the winner's row.
 */
export async function retryOnUniqueViolation<T>(run: () => Promise<T>, attempts = 3): Promise<T> {
  return retryOn(['23505'], run, attempts);
}

/**
 * retryOnUniqueViolation for batches, which also run again when the database broke a deadlock
 * between two of them (two batches storing the same new urls in a different order, say).
 */
export async function retryOnConflict<T>(run: () => Promise<T>, attempts = 3): Promise<T> {
  return retryOn(['23505', '40P01'], run, attempts);
}

async function retryOn<T>(codes: readonly string[], run: () => Promise<T>, attempts: number): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      if (attempt >= attempts || !hasCode(error, codes)) throw error;
    }
  }
}
