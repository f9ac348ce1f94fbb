import { corrections, type FieldChange } from '@newsgraph/db';
import { and, type SQL, sql } from 'drizzle-orm';
import { builder } from '../builder.js';
import type { Context } from '../context.js';
import type { CorrectionEvent } from '../events.js';
import { decodeIdOf } from '../ids.js';
import { audited, Issues } from '../mutations.js';
import { logger } from '../observability.js';
import { checkedMaxSize } from '../pagination.js';
import { applyCorrection } from '../services/corrections.js';
import { correctionsAffectingPublisherSql, downstreamArticleIds } from '../services/provenance.js';
import { Article } from './article.js';
import { sharedConnection } from './connections.js';
import { AssertedBy, CorrectionKind } from './enums.js';
import { NotFoundError, ValidationError, VersionConflictError } from './errors.js';
import { countedConnection, totalOf } from './totals.js';

const ParagraphChange = builder.objectRef<NonNullable<FieldChange['paragraphs']>[number]>('ParagraphChange').implement({
  fields: (t) => ({
    index: t.exposeInt('index'),
    op: t.exposeString('op', { description: 'added, removed or changed' }),
    before: t.exposeString('before', { nullable: true }),
    after: t.exposeString('after', { nullable: true }),
  }),
});

const FieldChangeRef = builder.objectRef<FieldChange>('FieldChange').implement({
  description: 'One field a correction changed, before and after.',
  fields: (t) => ({
    field: t.exposeString('field'),
    before: t.exposeString('before', { nullable: true }),
    after: t.exposeString('after', { nullable: true }),
    paragraphs: t.field({
      type: [ParagraphChange],
      description: 'For the body: the paragraphs that changed.',
      resolve: (c) => c.paragraphs ?? [],
    }),
  }),
});

export const Correction = builder.drizzleNode('corrections', {
  name: 'Correction',
  description: 'An append-only correction, clarification, update, editor’s note or retraction.',
  id: { column: (c) => c.id },
  select: { columns: { id: true } },
  fields: (t) => ({
    kind: t.expose('kind', { type: CorrectionKind }),
    note: t.exposeString('note'),
    article: t.relation('article'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    createdBy: t.exposeString('createdBy', { description: 'Label of the API key that made it, or "parser".' }),
    assertedBy: t.expose('assertedBy', { type: AssertedBy }),
    statedAt: t.expose('statedAt', {
      type: 'DateTime',
      nullable: true,
      description: 'The date the note itself gives.',
    }),
    fromVersion: t.exposeInt('fromVersion'),
    toVersion: t.exposeInt('toVersion'),
    changes: t.field({ type: [FieldChangeRef], select: { columns: { changes: true } }, resolve: (c) => c.changes }),
  }),
});

const CorrectionConnection = sharedConnection(Correction, 'CorrectionConnection');

const CorrectionFilter = builder.inputType('CorrectionFilter', {
  fields: (t) => ({
    articleId: t.id({ required: false }),
    publisherId: t.id({ required: false, description: 'Corrections to articles this Source published.' }),
    affectsPublisherId: t.id({
      required: false,
      description:
        "Corrections upstream of this Source's articles (what they re-report, quote, syndicate or cite), made after those articles relied on them.",
    }),
    kind: t.field({ type: [CorrectionKind], required: false }),
    since: t.field({ type: 'DateTime', required: false, description: 'Made at or after.' }),
  }),
});

function correctionFilter(f: typeof CorrectionFilter.$inferInput | null | undefined) {
  const articleId = f?.articleId != null ? decodeIdOf('Article', String(f.articleId)) : null;
  const publisherId = f?.publisherId != null ? decodeIdOf('Source', String(f.publisherId)) : null;
  const affects = f?.affectsPublisherId != null ? decodeIdOf('Source', String(f.affectsPublisherId)) : null;
  return (c: typeof corrections): SQL | undefined => {
    const parts: SQL[] = [];
    if (articleId) parts.push(sql`${c.articleId} = ${articleId}`);
    if (publisherId) {
      parts.push(
        sql`exists (select 1 from articles p where p.id = ${c.articleId} and p.publisher_id = ${publisherId})`,
      );
    }
    if (affects) parts.push(sql`${c.id} in (${correctionsAffectingPublisherSql(affects)})`);
    if (f?.kind?.length) parts.push(sql`${c.kind} in ${f.kind}`);
    if (f?.since) parts.push(sql`${c.createdAt} >= ${f.since.toISOString()}`);
    return parts.length ? and(...parts) : undefined;
  };
}

builder.queryFields((t) => ({
  corrections: t.drizzleConnection(
    {
      type: Correction,
      description: 'The corrections feed, newest first.',
      maxSize: checkedMaxSize,
      args: { filter: t.arg({ type: CorrectionFilter, required: false }) },
      totalCount: (_root, args, ctx, info) => totalOf(ctx, info, corrections, correctionFilter(args.filter)),
      resolve: (query, _root, args, ctx, info) => {
        const filter = correctionFilter(args.filter);
        return countedConnection(ctx, info, corrections, filter, (extras, where) =>
          ctx.readDb.query.corrections.findMany(query({ where, extras, orderBy: { createdAt: 'desc', id: 'desc' } })),
        );
      },
    },
    CorrectionConnection,
  ),
}));

const AddCorrectionInput = builder.inputType('AddCorrectionInput', {
  fields: (t) => ({
    articleId: t.id({ required: true }),
    expectedVersion: t.int({
      required: true,
      description: 'The version the editor read; the correction applies only if the article is still at it.',
    }),
    kind: t.field({ type: CorrectionKind, required: true }),
    note: t.string({ required: true, description: 'The public note readers see.' }),
    title: t.string({ required: false, description: 'The corrected title, if it changes.' }),
    body: t.string({ required: false, description: 'The corrected text, paragraphs separated by a blank line.' }),
    publishedAt: t.field({ type: 'DateTime', required: false }),
  }),
});

const AddCorrectionSuccess = builder.objectRef<{ articleId: string; correctionId: string }>('AddCorrectionSuccess');

builder.objectType(AddCorrectionSuccess, {
  fields: (t) => ({
    article: t.field({ type: Article, resolve: (r) => ({ id: r.articleId }) }),
    correction: t.field({ type: Correction, resolve: (r) => ({ id: r.correctionId }) as never }),
  }),
});

builder.mutationField('addCorrection', (t) =>
  t.field({
    type: AddCorrectionSuccess,
    description:
      'Corrects an article: a new immutable revision, the correction with its field changes, version + 1. Fails with VersionConflictError if someone corrected it first.',
    authScopes: { editor: true },
    errors: { types: [ValidationError, NotFoundError, VersionConflictError] },
    args: { input: t.arg({ type: AddCorrectionInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const issues = new Issues();
      let articleId = '';
      try {
        articleId = decodeIdOf('Article', String(input.articleId));
      } catch {
        issues.add('articleId', 'is not an Article id');
      }
      if (!Number.isInteger(input.expectedVersion) || input.expectedVersion < 1) {
        issues.add('expectedVersion', 'must be a positive integer');
      }
      issues.text('note', input.note, { required: true, max: 5000 });
      issues.text('title', input.title, { required: input.title != null, max: 500 });
      issues.text('body', input.body, { required: input.body != null, max: 1_000_000 });
      issues.throwIfAny();

      const result = await audited(
        ctx,
        'addCorrection',
        input,
        (tx) =>
          applyCorrection(tx, {
            articleId,
            expectedVersion: input.expectedVersion,
            kind: input.kind,
            note: input.note.trim(),
            createdBy: ctx.viewer?.label ?? 'anonymous',
            title: input.title?.trim() ?? null,
            paragraphs: input.body != null ? input.body.split(/\n\s*\n/) : null,
            publishedAt: input.publishedAt ?? null,
          }).then((r) => {
            // an expected failure must roll the transaction back, audit row included
            if (!r.ok && r.reason === 'not-found')
              throw new NotFoundError('No article has this id', String(input.articleId));
            if (!r.ok) throw new VersionConflictError(r.currentVersion, input.expectedVersion);
            return r;
          }),
        (r) => ({ correctionId: r.correctionId, version: r.version }),
      );
      // after the commit: a failure to notify must not turn a stored correction into an error
      announceCorrection(ctx, { correctionId: result.correctionId, articleId }).catch((error: unknown) =>
        logger.error({ err: error, requestId: ctx.requestId }, 'correction announcement failed'),
      );
      return { articleId, correctionId: result.correctionId };
    },
  }),
);

/** Tells subscribers: everyone watching the corrected article or anything downstream of it. */
async function announceCorrection(ctx: Context, event: CorrectionEvent): Promise<void> {
  ctx.pubsub.publish('correctionAdded', event);
  const downstream = await downstreamArticleIds(ctx.db, event.articleId);
  for (const id of [event.articleId, ...downstream]) ctx.pubsub.publish('correctionAdded:article', id, event);
}

builder.subscriptionField('correctionAdded', (t) =>
  t.field({
    type: Correction,
    description:
      'Every new correction; with articleId, those on that article and anywhere upstream of it (its sources being corrected).',
    args: { articleId: t.arg.id({ required: false }) },
    subscribe: (_root, args, ctx) =>
      args.articleId != null
        ? ctx.pubsub.subscribe('correctionAdded:article', decodeIdOf('Article', String(args.articleId)))
        : ctx.pubsub.subscribe('correctionAdded'),
    resolve: (event) => ({ id: (event as CorrectionEvent).correctionId }) as never,
  }),
);
