import { corrections, type FieldChange } from '@newsgraph/db';
import { and, type SQL, sql } from 'drizzle-orm';
import { builder } from '../builder.js';
import { decodeIdOf } from '../ids.js';
import { checkedMaxSize } from '../pagination.js';
import { sharedConnection } from './connections.js';
import { AssertedBy, CorrectionKind } from './enums.js';
import { countedConnection } from './totals.js';

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
    changes: t.field({ type: [FieldChangeRef], resolve: (c) => c.changes }),
  }),
});

const CorrectionConnection = sharedConnection(Correction, 'CorrectionConnection');

const CorrectionFilter = builder.inputType('CorrectionFilter', {
  fields: (t) => ({
    articleId: t.id({ required: false }),
    publisherId: t.id({ required: false, description: 'Corrections to articles this Source published.' }),
    kind: t.field({ type: [CorrectionKind], required: false }),
    since: t.field({ type: 'DateTime', required: false, description: 'Made at or after.' }),
  }),
});

builder.queryFields((t) => ({
  corrections: t.drizzleConnection(
    {
      type: Correction,
      description: 'The corrections feed, newest first.',
      maxSize: checkedMaxSize,
      args: { filter: t.arg({ type: CorrectionFilter, required: false }) },
      totalCount: (_root, _args, ctx, info) => ctx.totals.get(info) ?? 0,
      resolve: (query, _root, args, ctx, info) => {
        const f = args.filter;
        const articleId = f?.articleId != null ? decodeIdOf('Article', String(f.articleId)) : null;
        const publisherId = f?.publisherId != null ? decodeIdOf('Source', String(f.publisherId)) : null;
        const filter = (c: typeof corrections): SQL | undefined => {
          const parts: SQL[] = [];
          if (articleId) parts.push(sql`${c.articleId} = ${articleId}`);
          if (publisherId) {
            parts.push(
              sql`exists (select 1 from articles p where p.id = ${c.articleId} and p.publisher_id = ${publisherId})`,
            );
          }
          if (f?.kind?.length) parts.push(sql`${c.kind} in ${f.kind}`);
          if (f?.since) parts.push(sql`${c.createdAt} >= ${f.since.toISOString()}`);
          return parts.length ? and(...parts) : undefined;
        };
        return countedConnection(ctx, info, corrections, filter, (extras, where) =>
          ctx.db.query.corrections.findMany(query({ where, extras, orderBy: { createdAt: 'desc', id: 'desc' } })),
        );
      },
    },
    CorrectionConnection,
  ),
}));
