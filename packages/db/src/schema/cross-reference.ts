import { sql } from 'drizzle-orm';
import { index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { articles } from './article.js';
import { nowMs } from './columns.js';
import { assertedBy, crossReferenceKind } from './enums.js';

/**
 * An edge from one article to another, or to a URL/title not yet in the store. Unresolved edges keep
 * targetUrl/targetTitle and gain targetId when the target is imported.
 */
export const crossReferences = pgTable(
  'cross_references',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    fromId: uuid('from_id')
      .notNull()
      .references(() => articles.id),
    targetId: uuid('target_id').references(() => articles.id),
    kind: crossReferenceKind('kind').notNull(),
    anchorText: text('anchor_text'),
    paragraphIndex: integer('paragraph_index'),
    targetUrl: text('target_url'),
    targetTitle: text('target_title'),
    /** normalizeTitle(targetTitle): how an unresolved edge finds its article by title. */
    targetTitleKey: text('target_title_key'),
    createdAt: nowMs(),
    createdBy: text('created_by'),
    /**
     * PARSER: found in the article's text by an import, and retired (removed by "parser") when a new
     * revision of that text no longer has it. EDITOR (the default): added by hand; imports never touch it.
     */
    assertedBy: assertedBy('asserted_by').notNull().default('EDITOR'),
    /** Soft removal: a removed edge stays, with who removed it and when, and stops counting. */
    removedAt: timestamp('removed_at', { withTimezone: true }),
    removedBy: text('removed_by'),
  },
  (t) => [
    index('cross_references_from_idx').on(t.fromId, t.id),
    index('cross_references_target_idx').on(t.targetId, t.id),
    index('cross_references_unresolved_url_idx').on(t.targetUrl).where(sql`${t.targetId} is null`),
    index('cross_references_unresolved_title_idx').on(t.targetTitleKey).where(sql`${t.targetId} is null`),
  ],
);
