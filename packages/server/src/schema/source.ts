import { articles, attributions, quotes, sources } from '@newsgraph/db';
import type { DrizzleObjectRef } from '@pothos/plugin-drizzle';
import { and, eq, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import { builder, type Types } from '../builder.js';
import { decodeIdOf, tryDecode } from '../ids.js';
import { audited, Issues } from '../mutations.js';
import { badInput, checkedMaxSize } from '../pagination.js';
import { ArticleConnection } from './article.js';
import { Attribution } from './attribution.js';
import { sharedConnection } from './connections.js';
import { AttributionRole, SourceKind } from './enums.js';
import { NotFoundError, ValidationError } from './errors.js';
import { countedConnection, totalOf } from './totals.js';

export const Source: DrizzleObjectRef<Types, 'sources', typeof sources.$inferSelect> = builder.drizzleNode('sources', {
  name: 'Source',
  description:
    'Anything information comes from: an outlet, a wire or photo agency, a person, an anonymous source, a body.',
  id: { column: (s) => s.id },
  // columns load as fields ask for them, not the whole row
  select: { columns: { id: true } },
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

function sourceFilter(filter: typeof SourceFilter.$inferInput | null | undefined) {
  return (s: typeof sources): SQL | undefined => {
    const parts: SQL[] = [isNull(s.mergedIntoId) as SQL];
    if (filter?.kind?.length) parts.push(sql`${s.kind} in ${filter.kind}`);
    if (filter?.namePrefix) {
      const pattern = prefixPattern(filter.namePrefix);
      parts.push(
        sql`(lower(${s.name}) like ${pattern} or exists (select 1 from unnest(${s.aliases}) a where lower(a) like ${pattern}))`,
      );
    }
    return and(...parts);
  };
}

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
        return ctx.readDb.query.sources.findFirst(query({ where: { id } }));
      }
      const name = String(args.name).trim().toLowerCase();
      // A merged source still answers to its name only if nothing live does: prefer live rows.
      return ctx.readDb.query.sources.findFirst(
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
      totalCount: (_root, args, ctx, info) => totalOf(ctx, info, sources, sourceFilter(args.filter)),
      resolve: (query, _root, args, ctx, info) => {
        const filter = sourceFilter(args.filter);
        return countedConnection(ctx, info, sources, filter, (extras, where) =>
          ctx.readDb.query.sources.findMany(query({ where, extras, orderBy: { name: 'asc', id: 'asc' } })),
        );
      },
    },
    SourceConnection,
  ),
}));

const MergeSourcesInput = builder.inputType('MergeSourcesInput', {
  fields: (t) => ({
    sourceId: t.id({ required: true, description: 'The duplicate; it is kept, marked as merged.' }),
    intoId: t.id({ required: true, description: 'The source that remains.' }),
  }),
});

const MergeSourcesSuccess = builder.objectRef<{ sourceId: string; moved: number }>('MergeSourcesSuccess').implement({
  fields: (t) => ({
    source: t.field({
      type: Source,
      description: 'The source that remains.',
      resolve: (r) => ({ id: r.sourceId }) as never,
    }),
    movedAttributions: t.exposeInt('moved'),
  }),
});

builder.mutationField('mergeSources', (t) =>
  t.field({
    type: MergeSourcesSuccess,
    description:
      'Folds a duplicate source into another (ADMIN): its attributions, published articles and relays move, its name and aliases become aliases. The duplicate stays on record as merged.',
    authScopes: { admin: true },
    errors: { types: [ValidationError, NotFoundError] },
    args: { input: t.arg({ type: MergeSourcesInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const issues = new Issues();
      const fromId = tryDecode('Source', input.sourceId, 'sourceId', issues);
      const intoId = tryDecode('Source', input.intoId, 'intoId', issues);
      if (fromId && fromId === intoId) issues.add('intoId', 'must differ from sourceId');
      issues.throwIfAny();
      return audited(
        ctx,
        'mergeSources',
        input,
        async (tx) => {
          // both rows locked, in id order: two merges racing (A into B, B into A) cannot both pass the
          // checks below and leave a cycle, and cannot deadlock each other
          const rows = await tx
            .select()
            .from(sources)
            .where(inArray(sources.id, [fromId, intoId]))
            .orderBy(sources.id)
            .for('update');
          const from = rows.find((r) => r.id === fromId);
          const into = rows.find((r) => r.id === intoId);
          if (!from) throw new NotFoundError('sourceId: no source has this id', String(input.sourceId));
          if (!into) throw new NotFoundError('intoId: no source has this id', String(input.intoId));
          if (from.mergedIntoId)
            throw new ValidationError(`sourceId: already merged`, [
              { field: 'sourceId', message: 'is already merged' },
            ]);
          if (into.mergedIntoId)
            throw new ValidationError(`intoId: is itself merged`, [
              { field: 'intoId', message: 'is merged into another source' },
            ]);
          const moved = await tx
            .update(attributions)
            .set({ sourceId: intoId })
            .where(eq(attributions.sourceId, fromId))
            .returning({ id: attributions.id });
          await tx.update(attributions).set({ viaId: intoId }).where(eq(attributions.viaId, fromId));
          await tx.update(articles).set({ publisherId: intoId }).where(eq(articles.publisherId, fromId));
          await tx.update(quotes).set({ sourceId: intoId }).where(eq(quotes.sourceId, fromId));
          await tx.update(sources).set({ relayedById: intoId }).where(eq(sources.relayedById, fromId));
          // sources merged into the duplicate earlier now point at the survivor: merges stay one step
          await tx.update(sources).set({ mergedIntoId: intoId }).where(eq(sources.mergedIntoId, fromId));
          const known = new Set([into.name, ...into.aliases].map((a) => a.toLowerCase()));
          const aliases = [...into.aliases, ...[from.name, ...from.aliases].filter((a) => !known.has(a.toLowerCase()))];
          // the duplicate keeps its row (old ids still resolve) but gives up its domain to the survivor
          await tx.update(sources).set({ mergedIntoId: intoId, domain: null }).where(eq(sources.id, fromId));
          await tx
            .update(sources)
            .set({ aliases: [...new Set(aliases)], domain: into.domain ?? from.domain })
            .where(eq(sources.id, intoId));
          return { sourceId: intoId, moved: moved.length };
        },
        (r) => r,
      );
    },
  }),
);
