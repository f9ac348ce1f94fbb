import { articles } from '@newsgraph/db';
import type { DrizzleObjectRef } from '@pothos/plugin-drizzle';
import { and, type SQL, sql } from 'drizzle-orm';
import { builder, type Types } from '../builder.js';
import { decodeIdOf } from '../ids.js';
import { badInput, checkedMaxSize } from '../pagination.js';
import { sharedConnection } from './connections.js';
import { CrossReference } from './cross-reference.js';
import { ArticleStatus, AttributionRole, CrossReferenceKind, SortDirection } from './enums.js';
import { Source } from './source.js';
import { countedConnection } from './totals.js';

export const splitParagraphs = (body: string): string[] => (body ? body.split(/\n{2,}/) : []);

export const Article: DrizzleObjectRef<Types, 'articles', { id: string }> = builder.drizzleNode('articles', {
  name: 'Article',
  description: 'A news article at its current version. Every change is kept as an ArticleRevision.',
  id: { column: (a) => a.id },
  // The generated tsvector is large and never shown: keep it out of every select.
  select: { columns: { id: true } },
  fields: (t) => ({
    url: t.exposeString('url', { description: 'Canonical URL; unique.' }),
    title: t.exposeString('title'),
    publishedAt: t.expose('publishedAt', {
      type: 'DateTime',
      nullable: true,
      description: 'Null when no date is known.',
    }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
    language: t.exposeString('language', { nullable: true }),
    version: t.exposeInt('version', { description: 'Starts at 1; each correction adds one.' }),
    status: t.expose('status', { type: ArticleStatus }),
    body: t.exposeString('body', { description: 'The text, paragraphs separated by a blank line.' }),
    paragraphs: t.stringList({
      select: { columns: { body: true } },
      resolve: (a) => splitParagraphs(a.body),
    }),
    publisher: t.relation('publisher', { type: Source, nullable: true }),
    attributions: t.relation('attributions', {
      description: 'Who the article rests on, in text order.',
      args: { role: t.arg({ type: AttributionRole, required: false }) },
      query: (args) => ({
        where: args.role ? { role: args.role } : {},
        orderBy: { paragraphIndex: 'asc', id: 'asc' },
      }),
    }),
    sources: t.field({
      type: [Source],
      description: 'Every distinct source the article is attributed to, in text order.',
      select: (_args, _ctx, nestedSelection) => ({
        with: {
          attributions: {
            columns: { sourceId: true },
            orderBy: { paragraphIndex: 'asc', id: 'asc' },
            with: { source: nestedSelection() },
          },
        },
      }),
      resolve: (a) => {
        const seen = new Map<string, (typeof a.attributions)[number]['source']>();
        for (const attribution of a.attributions) seen.set(attribution.sourceId, attribution.source);
        return [...seen.values()];
      },
    }),
    references: t.relatedConnection(
      'references',
      {
        description: 'Outgoing references: what this article re-reports, cites, links as related.',
        maxSize: checkedMaxSize,
        totalCount: true,
        args: { kind: t.arg({ type: CrossReferenceKind, required: false }) },
        query: (args) => ({
          where: { removedAt: { isNull: true }, ...(args.kind ? { kind: args.kind } : {}) },
          orderBy: { id: 'asc' },
        }),
      },
      CrossReferenceConnection,
    ),
    citedBy: t.relatedConnection(
      'citedBy',
      {
        description: 'Incoming, resolved references: who re-reports, cites or links this article.',
        maxSize: checkedMaxSize,
        totalCount: true,
        args: { kind: t.arg({ type: CrossReferenceKind, required: false }) },
        query: (args) => ({
          where: { removedAt: { isNull: true }, ...(args.kind ? { kind: args.kind } : {}) },
          orderBy: { id: 'asc' },
        }),
      },
      CrossReferenceConnection,
    ),
    corrections: t.relation('corrections', {
      description: 'Corrections to this article, oldest first.',
      query: { orderBy: { createdAt: 'asc', id: 'asc' } },
    }),
    revisions: t.relation('revisions', {
      description: 'Every version of the article, oldest first. Immutable.',
      query: { orderBy: { version: 'asc' } },
    }),
    revision: t.field({
      type: ArticleRevision,
      nullable: true,
      description: 'The article as it read at a version, or at an instant (the revision current then).',
      args: { version: t.arg.int({ required: false }), asOf: t.arg({ type: 'DateTime', required: false }) },
      select: (args, _ctx, nestedSelection) => {
        if ((args.version == null) === (args.asOf == null)) throw badInput('Give exactly one of "version" or "asOf"');
        return {
          with: {
            revisions: nestedSelection({
              where: args.version != null ? { version: args.version } : { createdAt: { lte: args.asOf as Date } },
              orderBy: { version: 'desc' },
              limit: 1,
            }),
          },
        };
      },
      resolve: (a) => a.revisions[0] ?? null,
    }),
  }),
});

export const ArticleConnection = sharedConnection(Article, 'ArticleConnection');
export const CrossReferenceConnection = sharedConnection(CrossReference, 'CrossReferenceConnection');

export const ArticleRevision = builder.drizzleObject('articleRevisions', {
  name: 'ArticleRevision',
  description: 'The article as it read at one version.',
  fields: (t) => ({
    version: t.exposeInt('version'),
    title: t.exposeString('title'),
    body: t.exposeString('body'),
    paragraphs: t.stringList({ select: { columns: { body: true } }, resolve: (r) => splitParagraphs(r.body) }),
    publishedAt: t.expose('publishedAt', { type: 'DateTime', nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When this version came to be.' }),
    correction: t.relation('correction', {
      nullable: true,
      description: 'The correction that produced it; null for version 1.',
    }),
  }),
});

export const ArticleFilter = builder.inputType('ArticleFilter', {
  fields: (t) => ({
    publisherId: t.id({ required: false, description: 'Published by this Source.' }),
    sourceId: t.id({ required: false, description: 'Attributed to this Source in any role.' }),
    publishedAfter: t.field({ type: 'DateTime', required: false, description: 'Published at or after.' }),
    publishedBefore: t.field({ type: 'DateTime', required: false, description: 'Published before.' }),
    hasCorrections: t.boolean({ required: false }),
    status: t.field({ type: [ArticleStatus], required: false, description: 'Any of these statuses.' }),
  }),
});

const ArticleOrderField = builder.enumType('ArticleOrderField', { values: ['PUBLISHED_AT', 'UPDATED_AT'] as const });

const ArticleOrder = builder.inputType('ArticleOrder', {
  fields: (t) => ({
    field: t.field({ type: ArticleOrderField, required: true }),
    direction: t.field({ type: SortDirection, required: true }),
  }),
});

type ArticleFilterInput = typeof ArticleFilter.$inferInput;

/** The filter as SQL over any alias of `articles`, so the page and its total share one definition. */
export function articleFilterSql(filter: ArticleFilterInput | null | undefined) {
  const publisherId = filter?.publisherId != null ? decodeIdOf('Source', String(filter.publisherId)) : null;
  const sourceId = filter?.sourceId != null ? decodeIdOf('Source', String(filter.sourceId)) : null;
  return (a: typeof articles): SQL | undefined => {
    const parts: SQL[] = [];
    if (publisherId) parts.push(sql`${a.publisherId} = ${publisherId}`);
    if (sourceId) {
      parts.push(sql`exists (select 1 from attributions x where x.article_id = ${a.id} and x.source_id = ${sourceId})`);
    }
    if (filter?.publishedAfter) parts.push(sql`${a.publishedAt} >= ${filter.publishedAfter.toISOString()}`);
    if (filter?.publishedBefore) parts.push(sql`${a.publishedAt} < ${filter.publishedBefore.toISOString()}`);
    if (filter?.hasCorrections != null) {
      parts.push(
        filter.hasCorrections
          ? sql`exists (select 1 from corrections c where c.article_id = ${a.id})`
          : sql`not exists (select 1 from corrections c where c.article_id = ${a.id})`,
      );
    }
    if (filter?.status?.length) parts.push(sql`${a.status} in ${filter.status}`);
    return parts.length ? and(...parts) : undefined;
  };
}

builder.queryFields((t) => ({
  article: t.drizzleField({
    type: Article,
    nullable: true,
    description: 'One article by id or by canonical url; null when there is none.',
    args: { id: t.arg.id({ required: false }), url: t.arg.string({ required: false }) },
    resolve: (query, _root, args, ctx) => {
      if ((args.id == null) === (args.url == null)) throw badInput('Give exactly one of "id" or "url"');
      const where = args.id != null ? { id: decodeIdOf('Article', String(args.id)) } : { url: String(args.url) };
      return ctx.db.query.articles.findFirst(query({ where }));
    },
  }),
  articles: t.drizzleConnection(
    {
      type: Article,
      description: 'Articles, newest first unless ordered otherwise.',
      maxSize: checkedMaxSize,
      args: {
        filter: t.arg({ type: ArticleFilter, required: false }),
        orderBy: t.arg({ type: ArticleOrder, required: false }),
      },
      totalCount: (_root, _args, ctx, info) => ctx.totals.get(info) ?? 0,
      resolve: (query, _root, args, ctx, info) => {
        const direction = args.orderBy?.direction === 'ASC' ? 'asc' : 'desc';
        const orderBy =
          args.orderBy?.field === 'UPDATED_AT'
            ? { updatedAt: direction, id: direction }
            : { sortAt: direction, id: direction };
        return countedConnection(ctx, info, articles, articleFilterSql(args.filter), (extras, where) =>
          ctx.db.query.articles.findMany(query({ where, extras, orderBy: orderBy as { sortAt: 'asc' } })),
        );
      },
    },
    ArticleConnection,
  ),
}));
