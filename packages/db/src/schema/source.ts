import { sql } from 'drizzle-orm';
import { type AnyPgColumn, index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { nowMs } from './columns.js';
import { sourceKind } from './enums.js';

export const sources = pgTable(
  'sources',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: sourceKind('kind').notNull(),
    name: text('name').notNull(),
    aliases: text('aliases').array().notNull().default(sql`'{}'::text[]`),
    domain: text('domain'),
    /** For ANONYMOUS sources: how many people the text says there were, when it says. */
    anonymousCount: integer('anonymous_count'),
    /** For ANONYMOUS sources: the outlet that relayed them ("sources familiar with the matter" via Reuters). */
    relayedById: uuid('relayed_by_id').references((): AnyPgColumn => sources.id),
    /** Set when mergeSources folded this source into another; the row stays so old ids still resolve. */
    mergedIntoId: uuid('merged_into_id').references((): AnyPgColumn => sources.id),
    createdAt: nowMs(),
  },
  (t) => [
    index('sources_name_lower_idx').on(sql`lower(${t.name}) text_pattern_ops`),
    // one live source per name (two imports naming a new outlet at once: the second waits, then retries)
    uniqueIndex('sources_live_name_key')
      .on(sql`lower(${t.name})`)
      .where(sql`${t.kind} <> 'ANONYMOUS' and ${t.mergedIntoId} is null`),
    // an anonymous source is one descriptor relayed by one outlet
    uniqueIndex('sources_live_anonymous_key')
      .on(sql`lower(${t.name})`, sql`coalesce(${t.relayedById}, '00000000-0000-0000-0000-000000000000'::uuid)`)
      .where(sql`${t.kind} = 'ANONYMOUS' and ${t.mergedIntoId} is null`),
    index('sources_aliases_idx').using('gin', t.aliases),
    uniqueIndex('sources_domain_idx').on(t.domain),
    index('sources_kind_idx').on(t.kind, t.id),
    index('sources_relayed_by_idx').on(t.relayedById),
  ],
);
