import type { ObjectRef } from '@pothos/core';
import { builder, type Types } from '../builder.js';

type CountSource = { totalCount?: number | (() => number | Promise<number>) | null };

/**
 * A named connection type that several fields share (DESIGN.md names them: ArticleConnection,
 * CrossReferenceConnection, …), with the drizzle plugin's totalCount: a related connection hands it
 * over as a number read in the same statement, a root connection as a function.
 */
export function sharedConnection<T>(type: ObjectRef<Types, T>, name: string) {
  return builder.connectionObject({
    type,
    name,
    fields: (t) => ({
      totalCount: t.int({
        description: 'How many items match, across all pages.',
        extensions: { pothosDrizzleTotalCount: true },
        // not async: a count read in the same statement answers synchronously, so the connection
        // (and the row holding it) completes without a promise
        resolve: (connection) => {
          const total = (connection as CountSource).totalCount;
          return typeof total === 'function' ? total() : (total ?? 0);
        },
      }),
    }),
  });
}
