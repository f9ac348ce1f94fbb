import { articles, crossReferences } from '@newsgraph/db';
import { normalizeTitle, normalizeUrl } from '@newsgraph/ingest';
import { and, eq, inArray, isNull, or } from 'drizzle-orm';
import { builder } from '../builder.js';
import { encodeGlobalId, tryDecode } from '../ids.js';
import { audited, Issues } from '../mutations.js';
import { AssertedBy, CrossReferenceKind } from './enums.js';
import { DuplicateError, NotFoundError, ValidationError } from './errors.js';

export const CrossReference = builder.drizzleNode('crossReferences', {
  name: 'CrossReference',
  description:
    'A reference from one article to another, or to a URL/title not yet in the store (targetUrl/targetTitle, target null).',
  id: { column: (r) => r.id },
  // columns load as fields ask for them, not the whole row
  select: { columns: { id: true } },
  fields: (t) => ({
    kind: t.expose('kind', { type: CrossReferenceKind }),
    from: t.relation('from'),
    target: t.relation('target', { nullable: true, description: 'Null while the target is not in the store.' }),
    anchorText: t.exposeString('anchorText', { nullable: true }),
    paragraphIndex: t.exposeInt('paragraphIndex', { nullable: true }),
    targetUrl: t.exposeString('targetUrl', { nullable: true }),
    targetTitle: t.exposeString('targetTitle', { nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    createdBy: t.exposeString('createdBy', {
      nullable: true,
      description: 'Label of the key that added or imported it ("cli" for the command line).',
    }),
    assertedBy: t.expose('assertedBy', {
      type: AssertedBy,
      description:
        'PARSER: found in the text by an import; a re-import recorded as a new revision removes it (removedBy "parser") when the new text no longer has it. EDITOR: added by hand; imports never touch it.',
    }),
    removedAt: t.expose('removedAt', {
      type: 'DateTime',
      nullable: true,
      description: 'Set when removed; it then stops counting.',
    }),
    removedBy: t.exposeString('removedBy', { nullable: true }),
  }),
});

const AddCrossReferenceInput = builder.inputType('AddCrossReferenceInput', {
  fields: (t) => ({
    fromId: t.id({ required: true, description: 'The article that refers.' }),
    kind: t.field({ type: CrossReferenceKind, required: true }),
    targetId: t.id({ required: false, description: 'The article referred to, when it is in the store.' }),
    targetUrl: t.string({ required: false, description: 'Otherwise its URL …' }),
    targetTitle: t.string({
      required: false,
      description: '… and/or title; it resolves when that article is imported.',
    }),
    anchorText: t.string({ required: false }),
    paragraphIndex: t.int({ required: false }),
  }),
});

const CrossReferenceSuccess = (name: string) =>
  builder.objectRef<{ crossReferenceId: string }>(name).implement({
    fields: (t) => ({
      crossReference: t.field({ type: CrossReference, resolve: (r) => ({ id: r.crossReferenceId }) as never }),
    }),
  });
const AddCrossReferenceSuccess = CrossReferenceSuccess('AddCrossReferenceSuccess');
const RemoveCrossReferenceSuccess = CrossReferenceSuccess('RemoveCrossReferenceSuccess');

builder.mutationField('addCrossReference', (t) =>
  t.field({
    type: AddCrossReferenceSuccess,
    description: 'Records that one article re-reports, cites, quotes … another (asserted by an editor).',
    authScopes: { editor: true },
    errors: { types: [ValidationError, NotFoundError, DuplicateError] },
    args: { input: t.arg({ type: AddCrossReferenceInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const issues = new Issues();
      const fromId = tryDecode('Article', input.fromId, 'fromId', issues);
      const targetId = input.targetId != null ? tryDecode('Article', input.targetId, 'targetId', issues) : null;
      issues.url('targetUrl', input.targetUrl);
      issues.text('targetTitle', input.targetTitle, { max: 500 });
      issues.text('anchorText', input.anchorText, { max: 1000 });
      if (targetId == null && !input.targetUrl && !input.targetTitle?.trim()) {
        issues.add('targetId', 'give targetId, or targetUrl and/or targetTitle');
      }
      if (targetId != null && (input.targetUrl || input.targetTitle)) {
        issues.add('targetId', 'give either targetId or targetUrl/targetTitle, not both');
      }
      if (targetId != null && targetId === fromId) issues.add('targetId', 'an article cannot refer to itself');
      if (input.paragraphIndex != null && input.paragraphIndex < 0)
        issues.add('paragraphIndex', 'must not be negative');
      issues.throwIfAny();

      const created = await audited(
        ctx,
        'addCrossReference',
        input,
        async (tx) => {
          const ids = [fromId, ...(targetId ? [targetId] : [])];
          const found = await tx.select({ id: articles.id }).from(articles).where(inArray(articles.id, ids));
          for (const [field, id] of [
            ['fromId', fromId],
            ['targetId', targetId],
          ] as const) {
            if (id && !found.some((f) => f.id === id)) throw new NotFoundError(`${field}: no article has this id`, id);
          }
          const targetUrl = input.targetUrl ? normalizeUrl(input.targetUrl) : null;
          const targetTitle = input.targetTitle?.trim() || null;
          const targetTitleKey = targetTitle ? normalizeTitle(targetTitle) : null;
          const resolved =
            targetId ??
            (
              await tx
                .select({ id: articles.id })
                .from(articles)
                .where(
                  or(
                    targetUrl ? eq(articles.url, targetUrl) : undefined,
                    targetTitleKey ? eq(articles.titleKey, targetTitleKey) : undefined,
                  ),
                )
                .limit(1)
            )[0]?.id ??
            null;
          const [dup] = await tx
            .select({ id: crossReferences.id })
            .from(crossReferences)
            .where(
              and(
                eq(crossReferences.fromId, fromId),
                eq(crossReferences.kind, input.kind),
                isNull(crossReferences.removedAt),
                resolved
                  ? eq(crossReferences.targetId, resolved)
                  : or(
                      targetUrl ? eq(crossReferences.targetUrl, targetUrl) : undefined,
                      targetTitleKey ? eq(crossReferences.targetTitleKey, targetTitleKey) : undefined,
                    ),
              ),
            )
            .limit(1);
          if (dup) throw new DuplicateError('This reference already exists', encodeGlobalId('CrossReference', dup.id));
          const [row] = await tx
            .insert(crossReferences)
            .values({
              fromId,
              targetId: resolved === fromId ? null : resolved,
              kind: input.kind,
              anchorText: input.anchorText ?? null,
              paragraphIndex: input.paragraphIndex ?? null,
              targetUrl,
              targetTitle,
              targetTitleKey,
              createdBy: ctx.viewer?.label ?? 'anonymous',
            })
            .returning({ id: crossReferences.id });
          if (!row) throw new Error('cross reference insert returned nothing');
          return row.id;
        },
        (id) => ({ crossReferenceId: id }),
      );
      return { crossReferenceId: created };
    },
  }),
);

builder.mutationField('removeCrossReference', (t) =>
  t.field({
    type: RemoveCrossReferenceSuccess,
    description: 'Removes a reference softly: it stays on record with who removed it and when, and stops counting.',
    authScopes: { editor: true },
    errors: { types: [ValidationError, NotFoundError] },
    args: {
      input: t.arg({
        type: builder.inputType('RemoveCrossReferenceInput', { fields: (f) => ({ id: f.id({ required: true }) }) }),
        required: true,
      }),
    },
    resolve: async (_root, { input }, ctx) => {
      const issues = new Issues();
      const id = tryDecode('CrossReference', input.id, 'id', issues);
      issues.throwIfAny();
      await audited(
        ctx,
        'removeCrossReference',
        input,
        async (tx) => {
          const removed = await tx
            .update(crossReferences)
            .set({ removedAt: new Date(), removedBy: ctx.viewer?.label ?? 'anonymous' })
            .where(and(eq(crossReferences.id, id), isNull(crossReferences.removedAt)))
            .returning({ id: crossReferences.id });
          if (removed.length === 0) throw new NotFoundError('No live cross-reference has this id', String(input.id));
        },
        () => ({ crossReferenceId: id }),
      );
      return { crossReferenceId: id };
    },
  }),
);
