import { index, integer, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { articles } from './article.js';
import { nowMs } from './columns.js';

/** The article as it read at one version. Immutable: a trigger rejects UPDATE and DELETE. */
export const articleRevisions = pgTable(
  'article_revisions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    articleId: uuid('article_id')
      .notNull()
      .references(() => articles.id),
    version: integer('version').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    createdAt: nowMs(),
    /** The correction that produced this version; null for version 1. */
    correctionId: uuid('correction_id'),
  },
  (t) => [
    unique('article_revisions_article_version_key').on(t.articleId, t.version),
    index('article_revisions_created_idx').on(t.articleId, t.createdAt),
  ],
);
