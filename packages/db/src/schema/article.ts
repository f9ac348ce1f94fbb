import { type SQL, sql } from 'drizzle-orm';
import { customType, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { nowMs } from './columns.js';
import { articleStatus } from './enums.js';
import { sources } from './source.js';

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

export const articles = pgTable(
  'articles',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Canonical URL; unique, so it identifies an article across imports. */
    url: text('url').notNull().unique(),
    title: text('title').notNull(),
    /** normalizeTitle(title): how references that name only a title find the article. */
    titleKey: text('title_key').notNull(),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    updatedAt: nowMs('updated_at'),
    language: text('language'),
    /** Paragraphs joined by a blank line; a paragraph never contains one. */
    body: text('body').notNull(),
    publisherId: uuid('publisher_id').references(() => sources.id),
    version: integer('version').notNull().default(1),
    status: articleStatus('status').notNull().default('PUBLISHED'),
    createdAt: nowMs(),
    /**
     * sha-256 of the imported draft (title, date, paragraphs, correction notes) last stored for this url:
     * re-importing the same text is a no-op, different text is a duplicate or a new revision. Null for
     * articles not made by an import.
     */
    contentHash: text('content_hash'),
    /**
     * Never-null sort key for "order by published date": articles without a date sort by when they were stored.
     * Cursors can't compare NULLs, so pagination orders on this rather than on published_at.
     */
    sortAt: timestamp('sort_at', { withTimezone: true })
      .notNull()
      .generatedAlwaysAs((): SQL => sql`coalesce(${articles.publishedAt}, ${articles.createdAt})`),
    search: tsvector('search')
      .notNull()
      .generatedAlwaysAs(
        (): SQL =>
          sql`setweight(to_tsvector('english'::regconfig, ${articles.title}), 'A') || setweight(to_tsvector('english'::regconfig, ${articles.body}), 'B')`,
      ),
  },
  (t) => [
    index('articles_publisher_idx').on(t.publisherId, t.sortAt, t.id),
    index('articles_sort_at_idx').on(t.sortAt, t.id),
    index('articles_updated_at_idx').on(t.updatedAt, t.id),
    index('articles_published_at_idx').on(t.publishedAt),
    index('articles_status_idx').on(t.status),
    index('articles_title_key_idx').on(t.titleKey),
    index('articles_search_idx').using('gin', t.search),
  ],
);
