import { index, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { nowMs } from './columns.js';

/** Who did what, when, with which input. Append-only: a trigger rejects UPDATE and DELETE. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    createdAt: nowMs(),
    /** Label of the API key, or "cli" / "system". */
    actor: text('actor').notNull(),
    keyId: uuid('key_id'),
    /** The mutation or command: addCorrection, createApiKey, keys.revoke, … */
    action: text('action').notNull(),
    input: jsonb('input').notNull(),
    /** The result's typename and the ids it touched. */
    outcome: jsonb('outcome'),
    requestId: text('request_id'),
  },
  (t) => [index('audit_log_created_idx').on(t.createdAt, t.id)],
);
