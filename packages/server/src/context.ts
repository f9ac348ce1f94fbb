import type { Db, DbHandle } from '@newsgraph/db';
import type { GraphQLResolveInfo } from 'graphql';
import type { PubSub } from './events.js';

export type Role = 'READER' | 'EDITOR' | 'ADMIN';

export interface Viewer {
  keyId: string;
  label: string;
  role: Role;
}

export interface Context {
  /** The primary: writes, and every read of a mutation (it must see its own writes). */
  db: Db;
  /** Where a query's reads go: a replica when configured. */
  readDb: Db;
  handle: DbHandle;
  /** The API key the request carried, once verified; null for anonymous requests. */
  viewer: Viewer | null;
  requestId: string;
  /**
   * Totals that a connection read in the same statement as its rows, keyed by the connection field's
   * resolve info, so `totalCount` costs no second query.
   */
  totals: WeakMap<GraphQLResolveInfo, number>;
  pubsub: PubSub;
}
