import type { Db } from '@newsgraph/db';

/** A database or a transaction on it: services take either. */
export type Tx = Pick<Db, 'select' | 'insert' | 'update' | 'execute' | 'query'>;
