import { index, integer, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { articles } from './article.js';
import { nowMs } from './columns.js';
import { sources } from './source.js';

/** A phrase an article quotes, with its paragraph and, where the sentence says, whose words they are. */
export const quotes = pgTable(
  'quotes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    articleId: uuid('article_id')
      .notNull()
      .references(() => articles.id),
    text: text('text').notNull(),
    paragraphIndex: integer('paragraph_index').notNull(),
    sourceId: uuid('source_id').references(() => sources.id),
    createdAt: nowMs(),
  },
  (t) => [
    index('quotes_article_idx').on(t.articleId, t.paragraphIndex, t.id),
    index('quotes_source_idx').on(t.sourceId),
  ],
);
