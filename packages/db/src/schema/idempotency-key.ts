import { index, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { nowMs } from './columns.js';

/**
 * Idempotency-Key records (Stripe semantics): the first response to a key is replayed to retries of
 * the same request for 24 hours. Scoped per credential, so two clients' keys never collide.
 */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    /** sha256 of the Authorization header, or of "anonymous". */
    owner: text('owner').notNull(),
    key: text('key').notNull(),
    /** sha256 of the request body: the same key with another body is refused. */
    requestHash: text('request_hash').notNull(),
    createdAt: nowMs(),
    /** Null while the first request is still running. */
    completedAt: timestamp('completed_at', { withTimezone: true }),
    status: integer('status'),
    contentType: text('content_type'),
    body: text('body'),
  },
  // created_at: expired records are purged oldest first
  (t) => [primaryKey({ columns: [t.owner, t.key] }), index('idempotency_keys_created_idx').on(t.createdAt)],
);
