import { pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { nowMs } from './columns.js';
import { apiKeyRole } from './enums.js';

export const apiKeys = pgTable('api_keys', {
  id: uuid('id').primaryKey().defaultRandom(),
  label: text('label').notNull(),
  role: apiKeyRole('role').notNull(),
  /** Keyed SHA-256 of the secret; the secret itself is never stored. */
  hash: text('hash').notNull().unique(),
  /** First characters of the key, to tell keys apart in listings. */
  prefix: text('prefix').notNull(),
  createdAt: nowMs(),
  revokedAt: timestamp('revoked_at', { withTimezone: true }),
  lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
});
