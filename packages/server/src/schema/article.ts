import { articles, sources } from '@newsgraph/db';
import { normalizeUrl } from '@newsgraph/ingest';
import type { DrizzleObjectRef } from '@pothos/plugin-drizzle';
import { and, eq, type SQL, sql } from 'drizzle-orm';
import { builder, type Types } from '../builder.js';
import { decodeIdOf, encodeGlobalId, tryDecode } from '../ids.js';
import { audited, Issues } from '../mutations.js';
import { badInput, checkedMaxSize, LIST_CAP } from '../pagination.js';
import { insertArticle } from '../services/articles.js';
import type { SourceInput } from '../services/sources.js';
import type { Tx } from '../services/tx.js';
import { sharedConnection } from './connections.js';
import { CrossReference } from './cross-reference.js';
import { ArticleStatus, AttributionRole, CrossReferenceKind, SortDirection, SourceKind } from './enums.js';
import { DuplicateError, NotFoundError, ValidationError } from './errors.js';
import { Source } from './source.js';
import { countedConnection, totalOf } from './totals.js';

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
      description: `Who the article rests on, in text order (the first ${LIST_CAP}; Source.attributions pages).`,
      args: { role: t.arg({ type: AttributionRole, required: false }) },
      query: (args) => ({
        where: args.role ? { role: args.role } : {},
        orderBy: { paragraphIndex: 'asc', id: 'asc' },
        limit: LIST_CAP,
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
            limit: LIST_CAP,
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
      description: `Corrections to this article, oldest first (the first ${LIST_CAP}; the corrections feed pages).`,
      query: { orderBy: { createdAt: 'asc', id: 'asc' }, limit: LIST_CAP },
    }),
    revisions: t.relation('revisions', {
      description: `Every version of the article, oldest first (the first ${LIST_CAP}; revision(version:) reaches any). Immutable.`,
      query: { orderBy: { version: 'asc' }, limit: LIST_CAP },
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
      parts.push(
        sql`exists (select 1 from attributions x where x.article_id = ${a.id} and x.source_id = ${sourceId} and x.removed_at is null)`,
      );
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
      const where =
        args.id != null ? { id: decodeIdOf('Article', String(args.id)) } : { url: normalizeUrl(String(args.url)) };
      return ctx.readDb.query.articles.findFirst(query({ where }));
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
      totalCount: (_root, args, ctx, info) => totalOf(ctx, info, articles, articleFilterSql(args.filter)),
      resolve: (query, _root, args, ctx, info) => {
        const direction = args.orderBy?.direction === 'ASC' ? 'asc' : 'desc';
        const orderBy =
          args.orderBy?.field === 'UPDATED_AT'
            ? { updatedAt: direction, id: direction }
            : { sortAt: direction, id: direction };
        return countedConnection(ctx, info, articles, articleFilterSql(args.filter), (extras, where) =>
          ctx.readDb.query.articles.findMany(query({ where, extras, orderBy: orderBy as { sortAt: 'asc' } })),
        );
      },
    },
    ArticleConnection,
  ),
}));

const SourceRefInput = builder.inputType('SourceRefInput', {
  description: 'A source by id, or by name and kind (found by name, alias or domain, or created).',
  fields: (t) => ({
    id: t.id({ required: false }),
    name: t.string({ required: false }),
    kind: t.field({ type: SourceKind, required: false }),
    domain: t.string({ required: false }),
  }),
});

const AttributionInput = builder.inputType('AttributionInput', {
  fields: (t) => ({
    role: t.field({ type: AttributionRole, required: true }),
    source: t.field({ type: SourceRefInput, required: true }),
    via: t.field({ type: SourceRefInput, required: false }),
    evidence: t.string({ required: false }),
    paragraphIndex: t.int({ required: false }),
  }),
});

const ReferenceInput = builder.inputType('ReferenceInput', {
  fields: (t) => ({
    kind: t.field({ type: CrossReferenceKind, required: true }),
    targetId: t.id({ required: false }),
    targetUrl: t.string({ required: false }),
    targetTitle: t.string({ required: false }),
    anchorText: t.string({ required: false }),
    paragraphIndex: t.int({ required: false }),
  }),
});

const CreateArticleInput = builder.inputType('CreateArticleInput', {
  fields: (t) => ({
    url: t.string({ required: true, description: 'Canonical URL; unique.' }),
    title: t.string({ required: true }),
    body: t.string({ required: true, description: 'Paragraphs separated by a blank line.' }),
    publishedAt: t.field({ type: 'DateTime', required: false }),
    language: t.string({ required: false }),
    publisher: t.field({ type: SourceRefInput, required: false }),
    attributions: t.field({ type: [AttributionInput], required: false }),
    references: t.field({ type: [ReferenceInput], required: false }),
  }),
});

const CreateArticleSuccess = builder.objectRef<{ articleId: string }>('CreateArticleSuccess').implement({
  fields: (t) => ({ article: t.field({ type: Article, resolve: (r) => ({ id: r.articleId }) }) }),
});

type SourceRef = typeof SourceRefInput.$inferInput;

/** A SourceRefInput as the services' SourceInput; ids are checked to exist inside the transaction. */
async function sourceFrom(tx: Tx, ref: SourceRef, field: string): Promise<SourceInput> {
  if (ref.id != null) {
    const id = decodeIdOf('Source', String(ref.id));
    // a merged source stands for the one it was merged into (merges are one step)
    const [row] = await tx
      .select()
      .from(sources)
      .where(sql`${sources.id} = coalesce((select s.merged_into_id from sources s where s.id = ${id}), ${id})`);
    if (!row) throw new NotFoundError(`${field}: no source has this id`, String(ref.id));
    // the very source named, not whatever its name, domain or (for an anonymous one) relay would find
    return {
      id: row.id,
      name: row.name,
      kind: row.kind,
      domain: row.domain,
      aliases: row.aliases,
      relayedById: row.relayedById,
    };
  }
  return { name: ref.name ?? '', kind: ref.kind ?? 'OUTLET', domain: ref.domain ?? null };
}

function checkSourceRef(issues: Issues, ref: SourceRef | null | undefined, field: string): void {
  if (!ref) return;
  if (ref.id != null) {
    tryDecode('Source', ref.id, `${field}.id`, issues);
    if (ref.name != null) issues.add(field, 'give id or name, not both');
  } else {
    issues.text(`${field}.name`, ref.name, { required: true, max: 300 });
    if (!ref.kind) issues.add(`${field}.kind`, 'is required with a name');
  }
  issues.text(`${field}.domain`, ref.domain, { max: 253 });
}

builder.mutationField('createArticle', (t) =>
  t.field({
    type: CreateArticleSuccess,
    description: 'Stores an article from structured input, with its attributions and references (version 1).',
    authScopes: { editor: true },
    errors: { types: [ValidationError, NotFoundError, DuplicateError] },
    args: { input: t.arg({ type: CreateArticleInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const issues = new Issues();
      issues.text('url', input.url, { required: true, max: 2000 });
      issues.url('url', input.url);
      issues.text('title', input.title, { required: true, max: 500 });
      issues.text('body', input.body, { required: true, max: 1_000_000 });
      issues.text('language', input.language, { max: 20 });
      checkSourceRef(issues, input.publisher, 'publisher');
      if ((input.attributions?.length ?? 0) > LIST_CAP) issues.add('attributions', `at most ${LIST_CAP}`);
      if ((input.references?.length ?? 0) > LIST_CAP) issues.add('references', `at most ${LIST_CAP}`);
      input.attributions?.forEach((a, i) => {
        checkSourceRef(issues, a.source, `attributions[${i}].source`);
        checkSourceRef(issues, a.via, `attributions[${i}].via`);
        issues.text(`attributions[${i}].evidence`, a.evidence, { max: 5000 });
        if (a.paragraphIndex != null && a.paragraphIndex < 0)
          issues.add(`attributions[${i}].paragraphIndex`, 'must not be negative');
      });
      input.references?.forEach((r, i) => {
        if (r.targetId != null) tryDecode('Article', r.targetId, `references[${i}].targetId`, issues);
        else if (!r.targetUrl && !r.targetTitle)
          issues.add(`references[${i}]`, 'give targetId, targetUrl or targetTitle');
        issues.text(`references[${i}].targetUrl`, r.targetUrl, { max: 2000 });
        issues.url(`references[${i}].targetUrl`, r.targetUrl);
        issues.text(`references[${i}].targetTitle`, r.targetTitle, { max: 500 });
        issues.text(`references[${i}].anchorText`, r.anchorText, { max: 1000 });
        if (r.paragraphIndex != null && r.paragraphIndex < 0)
          issues.add(`references[${i}].paragraphIndex`, 'must not be negative');
      });
      issues.throwIfAny();

      const url = normalizeUrl(input.url);
      const created = await audited(
        ctx,
        'createArticle',
        input,
        async (tx) => {
          const [existing] = await tx.select({ id: articles.id }).from(articles).where(eq(articles.url, url));
          if (existing)
            throw new DuplicateError('An article with this url exists', encodeGlobalId('Article', existing.id));
          const attributionsIn = [];
          for (const [i, a] of (input.attributions ?? []).entries()) {
            attributionsIn.push({
              role: a.role,
              source: await sourceFrom(tx, a.source, `attributions[${i}].source`),
              via: a.via ? await sourceFrom(tx, a.via, `attributions[${i}].via`) : null,
              evidence: a.evidence ?? null,
              paragraphIndex: a.paragraphIndex ?? null,
              assertedBy: 'EDITOR' as const,
            });
          }
          return insertArticle(tx, {
            url,
            title: input.title.trim(),
            publishedAt: input.publishedAt ?? null,
            language: input.language ?? null,
            paragraphs: input.body.split(/\n\s*\n/),
            publisher: input.publisher ? await sourceFrom(tx, input.publisher, 'publisher') : null,
            attributions: attributionsIn,
            references: (input.references ?? []).map((r) => ({
              kind: r.kind,
              targetId: r.targetId != null ? decodeIdOf('Article', String(r.targetId)) : null,
              targetUrl: r.targetUrl ?? null,
              targetTitle: r.targetTitle ?? null,
              anchorText: r.anchorText ?? null,
              paragraphIndex: r.paragraphIndex ?? null,
            })),
            createdBy: ctx.viewer?.label ?? 'anonymous',
          });
        },
        (a) => ({ articleId: a.id }),
      );
      return { articleId: created.id };
    },
  }),
);
