import {
  type AssertedBy,
  type AttributionRole,
  articleRevisions,
  articles,
  attributions,
  type CrossReferenceKind,
  crossReferences,
} from '@newsgraph/db';
import { normalizeTitle, normalizeUrl } from '@newsgraph/ingest';
import { and, eq, inArray, isNull, ne, or } from 'drizzle-orm';
import { ValidationError } from '../errors.js';
import { findOrCreateSource, type SourceInput } from './sources.js';
import type { Tx } from './tx.js';

export interface AttributionInput {
  role: AttributionRole;
  source: SourceInput;
  via?: SourceInput | null;
  evidence?: string | null;
  paragraphIndex?: number | null;
  assertedBy?: AssertedBy;
}

export interface ReferenceInput {
  kind: CrossReferenceKind;
  anchorText?: string | null;
  paragraphIndex?: number | null;
  targetUrl?: string | null;
  targetTitle?: string | null;
  /** A known target; otherwise it is looked up by url, then by title. */
  targetId?: string | null;
}

export interface ArticleInput {
  url: string;
  title: string;
  publishedAt: Date | null;
  language?: string | null;
  paragraphs: string[];
  publisher: SourceInput | null;
  attributions: AttributionInput[];
  references: ReferenceInput[];
  createdBy: string;
  /** Set on insert: the import's content fingerprint. */
  contentHash?: string | null;
  /** Set on insert when the text itself carries a correction note. @default 'PUBLISHED' */
  status?: 'PUBLISHED' | 'CORRECTED' | 'RETRACTED';
}

export const joinParagraphs = (paragraphs: string[]): string =>
  paragraphs
    .map((p) => p.replace(/\s*\n\s*\n\s*/g, ' ').trim())
    .filter(Boolean)
    .join('\n\n');

/**
 * Stores a new article with its first revision, attributions and references, then points every
 * reference that was waiting for it (by url or title) at it. Call inside a transaction.
 */
export async function insertArticle(tx: Tx, input: ArticleInput): Promise<{ id: string }> {
  const url = normalizeUrl(input.url);
  const body = joinParagraphs(input.paragraphs);
  const publisherId = input.publisher ? await findOrCreateSource(tx, input.publisher) : null;

  const [article] = await tx
    .insert(articles)
    .values({
      url,
      title: input.title,
      titleKey: normalizeTitle(input.title),
      publishedAt: input.publishedAt,
      language: input.language ?? null,
      body,
      publisherId,
      contentHash: input.contentHash ?? null,
      ...(input.status ? { status: input.status } : {}),
    })
    .returning({ id: articles.id, createdAt: articles.createdAt });
  if (!article) throw new Error('article insert returned nothing');

  await tx.insert(articleRevisions).values({
    articleId: article.id,
    version: 1,
    title: input.title,
    body,
    publishedAt: input.publishedAt,
    createdAt: article.createdAt,
  });

  const attributionRows = [];
  for (const [i, a] of input.attributions.entries()) {
    // an anonymous source named by id is the one relayed by its outlet: that is its via
    const relay = a.source.id && a.source.kind === 'ANONYMOUS' ? (a.source.relayedById ?? null) : null;
    const viaId = a.via ? await findOrCreateSource(tx, a.via) : relay;
    if (relay && viaId !== relay)
      throw ValidationError.field(`attributions[${i}].via`, 'is not the outlet that relayed this anonymous source');
    const sourceId = await findOrCreateSource(tx, {
      ...a.source,
      relayedById: a.source.kind === 'ANONYMOUS' ? viaId : (a.source.relayedById ?? null),
    });
    attributionRows.push({
      articleId: article.id,
      sourceId,
      role: a.role,
      viaId,
      evidence: a.evidence ?? null,
      paragraphIndex: a.paragraphIndex ?? null,
      assertedBy: a.assertedBy ?? 'PARSER',
    });
  }
  if (attributionRows.length) await tx.insert(attributions).values(attributionRows);

  const keyed = input.references.map((r) => ({
    ...r,
    targetUrl: r.targetUrl ? normalizeUrl(r.targetUrl) : null,
    targetTitleKey: r.targetTitle ? normalizeTitle(r.targetTitle) : null,
  }));
  const findTarget = await targetFinder(tx, keyed);
  const referenceRows = [];
  for (const r of keyed) {
    const { targetUrl, targetTitleKey } = r;
    const targetId = r.targetId ?? findTarget(targetUrl, targetTitleKey);
    referenceRows.push({
      fromId: article.id,
      targetId: targetId === article.id ? null : targetId,
      kind: r.kind,
      anchorText: r.anchorText ?? null,
      paragraphIndex: r.paragraphIndex ?? null,
      targetUrl,
      targetTitle: r.targetTitle ?? null,
      targetTitleKey,
      createdBy: input.createdBy,
    });
  }
  if (referenceRows.length) await tx.insert(crossReferences).values(referenceRows);

  await resolveWaitingReferences(tx, article.id, url, input.title);
  return { id: article.id };
}

/**
 * Looks up every reference target of one article in a single query; a url match beats a title match,
 * and among title matches the earliest stored article wins.
 */
async function targetFinder(
  tx: Tx,
  refs: { targetId?: string | null; targetUrl: string | null; targetTitleKey: string | null }[],
): Promise<(url: string | null, titleKey: string | null) => string | null> {
  const open = refs.filter((r) => !r.targetId);
  const urls = [...new Set(open.map((r) => r.targetUrl).filter((u): u is string => !!u))];
  const keys = [...new Set(open.map((r) => r.targetTitleKey).filter((k): k is string => !!k))];
  if (!urls.length && !keys.length) return () => null;
  const found = await tx
    .select({ id: articles.id, url: articles.url, titleKey: articles.titleKey })
    .from(articles)
    .where(
      or(
        urls.length ? inArray(articles.url, urls) : undefined,
        keys.length ? inArray(articles.titleKey, keys) : undefined,
      ),
    )
    .orderBy(articles.createdAt, articles.id);
  return (url, titleKey) =>
    (url ? found.find((a) => a.url === url)?.id : undefined) ??
    (titleKey ? found.find((a) => a.titleKey === titleKey)?.id : undefined) ??
    null;
}

/** Points references that were waiting for this article (same url, or same normalized title) at it. */
export async function resolveWaitingReferences(tx: Tx, articleId: string, url: string, title: string): Promise<void> {
  await tx
    .update(crossReferences)
    .set({ targetId: articleId })
    .where(
      and(
        isNull(crossReferences.targetId),
        ne(crossReferences.fromId, articleId),
        or(eq(crossReferences.targetUrl, url), eq(crossReferences.targetTitleKey, normalizeTitle(title))),
      ),
    );
}
