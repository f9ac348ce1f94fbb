import { index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { articles } from './article.js';
import { nowMs } from './columns.js';
import { assertedBy, attributionRole } from './enums.js';
import { sources } from './source.js';

export const attributions = pgTable(
  'attributions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    articleId: uuid('article_id')
      .notNull()
      .references(() => articles.id),
    sourceId: uuid('source_id')
      .notNull()
      .references(() => sources.id),
    role: attributionRole('role').notNull(),
    /** The source that relayed this one (anonymous sources via Reuters). */
    viaId: uuid('via_id').references(() => sources.id),
    evidence: text('evidence'),
    paragraphIndex: integer('paragraph_index'),
    assertedBy: assertedBy('asserted_by').notNull().default('PARSER'),
    createdAt: nowMs(),
    /**
     * Soft removal: set when a re-import recorded as a new revision no longer finds the attribution in
     * the text. The row stays on record; no read shows or counts it (the relations filter it out).
     */
    removedAt: timestamp('removed_at', { withTimezone: true }),
  },
  (t) => [
    index('attributions_article_idx').on(t.articleId, t.id),
    index('attributions_source_idx').on(t.sourceId, t.role, t.id),
    index('attributions_via_idx').on(t.viaId),
  ],
);
