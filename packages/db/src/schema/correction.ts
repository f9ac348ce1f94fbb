import { index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { articles } from './article.js';
import { nowMs } from './columns.js';
import { assertedBy, correctionKind } from './enums.js';

export interface FieldChange {
  field: 'title' | 'body' | 'publishedAt' | 'status';
  before: string | null;
  after: string | null;
  /** For body changes: paragraph-level diff. */
  paragraphs?: { index: number; op: 'added' | 'removed' | 'changed'; before: string | null; after: string | null }[];
}

/** Append-only: a trigger rejects UPDATE and DELETE. */
export const corrections = pgTable(
  'corrections',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    articleId: uuid('article_id')
      .notNull()
      .references(() => articles.id),
    kind: correctionKind('kind').notNull(),
    note: text('note').notNull(),
    createdAt: nowMs(),
    /** Label of the API key (or "parser") that made it. */
    createdBy: text('created_by').notNull(),
    assertedBy: assertedBy('asserted_by').notNull().default('EDITOR'),
    /** The date the correction note itself gives, when it gives one. */
    statedAt: timestamp('stated_at', { withTimezone: true }),
    fromVersion: integer('from_version').notNull(),
    toVersion: integer('to_version').notNull(),
    changes: jsonb('changes').$type<FieldChange[]>().notNull().default([]),
  },
  (t) => [
    index('corrections_article_idx').on(t.articleId, t.createdAt),
    index('corrections_created_idx').on(t.createdAt, t.id),
  ],
);
