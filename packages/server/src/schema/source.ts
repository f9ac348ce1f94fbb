import { sources } from '@newsgraph/db';
import type { DrizzleObjectRef } from '@pothos/plugin-drizzle';
import { and, isNull, type SQL, sql } from 'drizzle-orm';
import { builder, type Types } from '../builder.js';
import { decodeIdOf } from '../ids.js';
import { badInput, checkedMaxSize } from '../pagination.js';
import { ArticleConnection } from './article.js';
import { Attribution } from './attribution.js';
import { sharedConnection } from './connections.js';
import { AttributionRole, SourceKind } from './enums.js';
import { countedConnection } from './totals.js';

export const Source: DrizzleObjectRef<Types, 'sources', typeof sources.$inferSelect> = builder.drizzleNode('sources', {
  name: 'Source',
  description:
    'Anything information comes from: an outlet, a wire or photo agency, a person, an anonymous source, a body.',
  id: { column: (s) => s.id },
  fields: (t) => ({
    name: t.exposeString('name'),
    kind: t.expose('kind', { type: SourceKind }),
    aliases: t.exposeStringList('aliases', {
      description: 'Other names this source goes by ("FT" for Financial Times).',
    }),
    domain: t.exposeString('domain', { nullable: true }),
    anonymousCount: t.exposeInt('anonymousCount', {
      nullable: true,
      description: 'For anonymous sources: how many people, when the text says.',
    }),
    relayedBy: t.relation('relayedBy', {
      nullable: true,
      description: 'For anonymous sources: the outlet that relayed them.',
    }),
    mergedInto: t.relation('mergedInto', {
      nullable: true,
      description: 'Set when this source was merged into another.',
    }),
    published: t.relatedConnection(
      'published',
      {
        description: 'Articles this source published as an outlet, newest first.',
        maxSize: checkedMaxSize,
        totalCount: true,
        query: { orderBy: { sortAt: 'desc', id: 'desc' } },
      },
      ArticleConnection,
    ),
    attributions: t.relatedConnection(
      'attributions',
      {
        description: 'Where this source is cited.',
        maxSize: checkedMaxSize,
        totalCount: true,
        args: { role: t.arg({ type: AttributionRole, required: false }) },
        query: (args) => ({ where: args.role ? { role: args.role } : {}, orderBy: { id: 'asc' } }),
      },
      AttributionConnection,
    ),
  }),
});

export const SourceConnection = sharedConnection(Source, 'SourceConnection');
const AttributionConnection = sharedConnection(Attribution, 'AttributionConnection');

const SourceFilter = builder.inputType('SourceFilter', {
  fields: (t) => ({
    kind: t.field({ type: [SourceKind], required: false, description: 'Any of these kinds.' }),
    namePrefix: t.string({ required: false, description: 'Name or alias starts with this, case-insensitively.' }),
  }),
});

/** LIKE pattern that matches `text` literally at the start. */
function prefixPattern(text: string): string {
  return `${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

builder.queryFields((t) => ({
  source: t.drizzleField({
    type: Source,
    nullable: true,
    description: 'One source by id, or by name (matching aliases too, case-insensitively).',
    args: { id: t.arg.id({ required: false }), name: t.arg.string({ required: false }) },
    resolve: (query, _root, args, ctx) => {
      if ((args.id == null) === (args.name == null)) throw badInput('Give exactly one of "id" or "name"');
      if (args.id != null) {
        const id = decodeIdOf('Source', String(args.id));
        return ctx.db.query.sources.findFirst(query({ where: { id } }));
      }
      const name = String(args.name).trim().toLowerCase();
      // A merged source still answers to its name only if nothing live does: prefer live rows.
      return ctx.db.query.sources.findFirst(
        query({
          where: {
            RAW: (s) =>
              sql`(lower(${s.name}) = ${name} or exists (select 1 from unnest(${s.aliases}) a where lower(a) = ${name}))`,
          },
          orderBy: { mergedIntoId: 'desc', id: 'asc' },
        }),
      );
    },
  }),
  sources: t.drizzleConnection(
    {
      type: Source,
      description: 'Sources, by name.',
      maxSize: checkedMaxSize,
      args: { filter: t.arg({ type: SourceFilter, required: false }) },
      totalCount: (_root, _args, ctx, info) => ctx.totals.get(info) ?? 0,
      resolve: (query, _root, args, ctx, info) => {
        const filter = (s: typeof sources): SQL | undefined => {
          const parts: SQL[] = [isNull(s.mergedIntoId) as SQL];
          if (args.filter?.kind?.length) parts.push(sql`${s.kind} in ${args.filter.kind}`);
          if (args.filter?.namePrefix) {
            const pattern = prefixPattern(args.filter.namePrefix);
            parts.push(
              sql`(lower(${s.name}) like ${pattern} or exists (select 1 from unnest(${s.aliases}) a where lower(a) like ${pattern}))`,
            );
          }
          return and(...parts);
        };
        return countedConnection(ctx, info, sources, filter, (extras, where) =>
          ctx.db.query.sources.findMany(query({ where, extras, orderBy: { name: 'asc', id: 'asc' } })),
        );
      },
    },
    SourceConnection,
  ),
}));
