import { sql } from 'drizzle-orm';
import { timestamp } from 'drizzle-orm/pg-core';

/**
 * A non-null timestamptz defaulting to "now" cut to milliseconds. Cursors carry JS Dates, which hold
 * milliseconds only; a stored microsecond would make `created_at < cursor` skip rows sharing a millisecond.
 */
export const nowMs = (name = 'created_at') =>
  timestamp(name, { withTimezone: true }).notNull().default(sql`date_trunc('milliseconds', now())`);
